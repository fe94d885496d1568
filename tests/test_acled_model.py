"""The learned ACLED sub-event classifier: shipped weights, numpy inference, and how the pipeline uses it
on short reports (texts written for these tests)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from wirecoder import extract
from wirecoder.events.acled import SUBTYPES
from wirecoder.events.acled_model import ALONE_MINIMUM, MODEL_PATH, load_model, second_opinion

ROOT = Path(__file__).resolve().parents[1]
LATHI = (
    "Security forces lathi-charged and burst tear gas shells on farmers who tried to break through the "
    "barricades on the highway, injuring several of them."
)


def test_the_classes_are_acleds_sub_event_types():
    assert sorted(load_model().classes) == sorted(SUBTYPES)


def test_probabilities_are_a_distribution_and_unknown_words_leave_the_priors():
    model = load_model()
    probabilities = model.probabilities(LATHI)
    assert probabilities.shape == (len(SUBTYPES),)
    assert probabilities.sum() == pytest.approx(1.0)
    priors = np.exp(model.intercept - model.intercept.max())
    priors /= priors.sum()
    assert np.allclose(model.probabilities("Zzyzx qwertyuiop"), priors)
    assert np.allclose(model.probabilities(""), priors)


def _check_against(model_file: Path) -> subprocess.CompletedProcess:
    script = ROOT / "scripts" / "train_acled_model.py"
    return subprocess.run(
        [sys.executable, str(script), "--check", "--out", str(model_file)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


def test_the_shipped_weights_come_from_the_training_script_and_the_repos_data(tmp_path):
    done = _check_against(MODEL_PATH)
    assert done.returncode == 0, done.stdout + done.stderr
    tampered = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    tampered["coef"][0][0] += 0.01
    (tmp_path / "model.json").write_text(json.dumps(tampered), encoding="utf-8")
    assert _check_against(tmp_path / "model.json").returncode == 1


def test_second_opinion_overrules_only_when_confident():
    assert second_opinion(LATHI, "Shelling/artillery/missile attack") == "Protest with intervention"
    assert second_opinion(LATHI, "Protest with intervention") is None  # the rules already agree
    assert second_opinion("Zzyzx qwertyuiop", None) is None  # no word it knows: below the minimum
    assert ALONE_MINIMUM > max(load_model().probabilities("Zzyzx qwertyuiop"))


def _main_subtype(text: str) -> str | None:
    events = extract(text).events
    return events[0].acled_subtype if events else None


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        # "tear gas shells" named no shelling: police dispersing a protest
        (LATHI, "Protest with intervention"),
        # a crude bomb thrown by hand is a grenade, whatever it hit
        (
            "Miscreants on a motorbike lobbed a crude bomb at the house of a ward councillor late on "
            "Saturday, damaging the gate, police said.",
            "Grenade",
        ),
        # the main clause is the ransom demand; the report is about the kidnapping
        (
            "Unknown gunmen took a parish priest and his driver from their car on the highway; the "
            "kidnappers have since demanded a ransom.",
            "Abduction/forced disappearance",
        ),
    ],
)
def test_short_reports_worded_away_from_the_cue_lists(text, subtype):
    assert _main_subtype(text) == subtype


def test_a_denied_act_keeps_its_category_and_its_denial():
    events = extract(
        "The army denied that its jets had bombed the crowded market in Maarat on Monday, calling the "
        "reports fabricated."
    ).events
    assert events[0].acled_subtype == "Air/drone strike"
    assert events[0].claim is not None and events[0].claim.stance == "denied"


def test_no_event_is_made_up_for_a_short_text_that_reports_none():
    assert extract("The weather in the capital was mild and dry on Tuesday, forecasters said.").events == []
    assert _main_subtype("The US armed the rebels with anti-tank missiles last year, officials said.") is None


@pytest.mark.parametrize(
    ("text", "subtype", "doer"),
    [
        (
            "Air strikes destroyed much of the market in Maarat last winter. On Friday, hundreds of traders "
            "gathered peacefully in the rebuilt square to demand compensation from the council, organisers "
            "said.",
            "Peaceful protest",
            "hundreds of traders",
        ),
        (
            "Rebels stormed an army post near Rutshuru in 2012, killing twelve soldiers. On Friday, the "
            "government and the rebel movement signed a ceasefire in Luanda, mediators said.",
            "Agreement",
            "the government",
        ),
        (
            "A bomb killed six people at the bus station in March. Police on Sunday arrested four men "
            "suspected of planning that attack, a spokesman said.",
            "Arrests",
            "Police",
        ),
    ],
)
def test_the_reported_act_not_the_background_is_the_main_event(text, subtype, doer):
    """The news (dated to a day) comes after a sentence of background: the event the report is about
    becomes events[0] with its own actors, rather than the background event taking its category."""
    main = extract(text, published="2024-06-12").events[0]
    assert main.acled_subtype == subtype
    assert main.source_actor is not None and main.source_actor.text == doer
    assert main.sentence.split()[0] in {"On", "Police"}
