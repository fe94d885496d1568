"""The actor knowledge base: matching mentions in tokenized text, resolving phrases, checking user files."""

from __future__ import annotations

import pycountry
import pytest
import spacy
from typer.testing import CliRunner

from wirecoder.actors import ActorKB, check_file
from wirecoder.actors.cli import actors_app
from wirecoder.actors.kb import bundled_files


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


@pytest.fixture(scope="module")
def tokenize():
    """Tokenize only, as the pipeline does before any tagging (same English tokenizer rules)."""
    from wirecoder.nlp import keep_rank_abbreviations

    nlp = spacy.blank("en")
    keep_rank_abbreviations(nlp.tokenizer)
    return nlp.make_doc


def found(kb: ActorKB, tokenize, text: str) -> dict[str, tuple[str, str]]:
    """Matched text -> (kb_id, via)."""
    return {m.text: (m.entry.kb_id, m.via) for m in kb.match(tokenize(text))}


# --------------------------------------------------------------------------------------------- match
def test_is_acronym_only_as_a_name(kb, tokenize):
    hits = found(kb, tokenize, "Fighters of the Islamic State (IS) shelled the town, and IS leaders fled.")
    assert hits["Islamic State"] == ("isis", "name")
    assert [m.entry.kb_id for m in kb.match(tokenize("the Islamic State (IS) group"))].count("isis") == 2
    assert found(kb, tokenize, "IS fighters withdrew overnight.")["IS"] == ("isis", "acronym")
    assert "IS" not in found(kb, tokenize, "The report says it IS true that talks failed.")
    assert "is" not in found(kb, tokenize, "The town is quiet.")
    assert found(kb, tokenize, "an anti-IS offensive")["IS"] == ("isis", "acronym")


def test_us_versus_us_and_shouting_headlines(kb, tokenize):
    assert found(kb, tokenize, "The US said the strikes would go on.")["US"] == ("USA", "acronym")
    assert found(kb, tokenize, "U.S. officials met the envoy.")["U.S."] == ("USA", "acronym")
    assert "us" not in found(kb, tokenize, "They told us the road was closed.")
    assert "US" not in found(kb, tokenize, "PLEASE LET US GO HOME")


def test_names_are_case_insensitive_but_common_words_need_a_capital(kb, tokenize):
    assert found(kb, tokenize, "fighters of the islamic state")["islamic state"][0] == "isis"
    assert found(kb, tokenize, "Turkey shelled the border.")["Turkey"] == ("TUR", "name")
    assert "turkey" not in found(kb, tokenize, "They ate turkey for dinner.")
    assert "sdf" not in found(kb, tokenize, "asdf sdf qwerty")


def test_longest_match_wins(kb, tokenize):
    hits = found(kb, tokenize, "The Syrian Democratic Forces entered the town.")
    assert hits == {"Syrian Democratic Forces": ("sdf", "name")}
    hits = found(kb, tokenize, "the Kurdish-led SDF and the People’s Protection Units (YPG)")
    assert hits["Kurdish-led SDF"][0] == "sdf"
    assert hits["People’s Protection Units"][0] == "sdf.ypg"  # curly apostrophe as printed
    assert hits["YPG"][0] == "sdf.ypg"


def test_demonyms_and_capitals_are_marked(kb, tokenize):
    hits = found(
        kb, tokenize, "Turkish officials said Ankara and Damascus had talked; the Kremlin was silent."
    )
    assert hits["Turkish"] == ("TUR", "demonym")
    assert hits["Ankara"] == ("TUR", "capital")
    assert hits["Damascus"] == ("SYR", "capital")
    assert hits["the Kremlin"][0] == "rus.kremlin"
    assert kb.demonym_country("Syrian") == "SYR"
    assert kb.demonym_country("Iraqis") == "IRQ"
    assert kb.demonym_country("Kurdish") is None  # a people, not a country
    assert kb.demonym_country("Martian") is None


def test_match_reports_token_and_character_offsets(kb, tokenize):
    doc = tokenize("Yesterday al-Shabaab attacked a base.")
    (m,) = [m for m in kb.match(doc) if m.entry.kb_id == "som.al_shabaab"]
    assert (m.start, m.end) == (1, 4)
    assert doc.text[m.start_char : m.end_char] == "al-Shabaab"


# --------------------------------------------------------------------------------------------- resolve
@pytest.mark.parametrize(
    ("phrase", "country", "sectors", "kb_id"),
    [
        ("Pentagon spokesman Navy Captain Jeff Davis", "USA", {"MIL", "GOV"}, "usa.dod"),
        ("Turkey's army", "TUR", {"MIL"}, "TUR"),
        ("the Kurdish-led SDF", "SYR", {"REB"}, "sdf"),
        ("Syrian government forces", "SYR", {"MIL"}, "syr.saa"),
        ("Russian jets", "RUS", {"MIL"}, "rus.vks"),
        ("the US Defence Department", "USA", {"GOV", "MIL"}, "usa.dod"),
        ("the coalition's military officials", "IGO", {"MIL"}, "coalition"),
        ("Leaders of the Islamic State (IS) group", None, {"REB"}, "isis"),
        ("Ankara", "TUR", {"GOV"}, "TUR"),
        ("Egyptian police", "EGY", {"COP"}, "EGY"),
        ("the Iranian foreign minister", "IRN", {"GOV"}, "IRN"),
        ("UN peacekeepers", "IGO", {"MIL"}, "un.peacekeeping"),
        ("Israeli army spokesman", "ISR", {"MIL"}, "isr.idf"),
        ("Iraqi Kurds", "IRQ", {"CVL"}, "c.kurds"),  # the community, in its country
        ("Iraqi Kurdish fighters", "IRQ", {"REB"}, "c.kurds"),  # a community's armed men: its force
        ("doctors from MSF", "NGO", {"MED"}, "msf"),
        ("a spokesman for the Houthis", "YEM", {"REB"}, "yem.houthis"),
        ("Group of Seven", "IGO", {"IGO"}, "g7"),
    ],
)
def test_resolve_known_actors(kb, phrase, country, sectors, kb_id):
    actor = kb.resolve(phrase)
    assert (actor.country, actor.kb_id) == (country, kb_id)
    assert actor.sector in sectors
    assert actor.text == phrase and actor.span is None


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("activists", "CVL"),
        ("rebels", "REB"),
        ("jihadist militants", "REB"),
        ("civilians", "CVL"),
        ("protesters", "CVL"),
        ("the hospital", "MED"),
        ("police", "COP"),
        ("unidentified gunmen", "UAF"),
        ("a group of farmers", "AGR"),
    ],
)
def test_resolve_role_phrases_guesses_sector(kb, phrase, sector):
    actor = kb.resolve(phrase)
    assert actor.sector == sector
    assert actor.country is None and actor.kb_id is None
    assert actor.confidence < 0.6


def test_resolve_unknown_actor_keeps_cleaned_head(kb):
    actor = kb.resolve("the Order of the Silver Lantern, which claimed the attack")
    assert actor.name == "Order of the Silver Lantern"
    assert (actor.country, actor.kb_id) == (None, None)
    unknown = kb.resolve("the shadowy Zorblax collective")
    assert unknown.name == "shadowy Zorblax collective"
    assert (unknown.country, unknown.sector, unknown.kb_id) == (None, None, None)
    assert unknown.confidence < kb.resolve("Hamas").confidence


def test_entry_and_families(kb):
    assert kb.entry("SYR").name == "Syria"
    assert kb.entry("no.such.id") is None
    assert {"sdf", "bloc.aanes"} <= set(kb.families("sdf.ypg"))
    assert "bloc.syr_government" in kb.families(kb.resolve("Syrian government forces"))
    assert "bloc.syr_government" in kb.families(kb.resolve("Russian warplanes"))
    assert "bloc.syr_government" not in kb.families("sdf.asayish")
    assert "bloc.nusra" in kb.families(kb.resolve("Hayat Tahrir al-Sham"))
    assert "isis" in kb.families(kb.resolve("Daesh"))


def test_every_iso_country_is_in_the_kb(kb):
    missing = [c.alpha_3 for c in pycountry.countries if kb.entry(c.alpha_3) is None]
    assert missing == []


# --------------------------------------------------------------------------------------------- files
def test_bundled_files_pass_the_checker():
    assert bundled_files(), "no bundled YAML found"
    for path in bundled_files():
        assert check_file(path) == [], path.name


BAD_YAML = """\
actors:
  - {id: x.one, name: Red Scorpions, kind: group, sector: REB, colour: red}
  - {id: x.two, name: Blue Herons, kind: militia, sector: WAR, country: XYZ, parents: [x.nowhere]}
  - {id: x.three, name: Green Owls, kind: group, aliases: [Red Scorpions, it]}
  - {id: x.four, name: Hamas Splinter, kind: group, aliases: [Hamas]}
  - {id: x.one, name: Duplicate Id, kind: group}
"""


def test_check_file_reports_each_problem_on_one_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(BAD_YAML, "utf-8")
    problems = check_file(path)
    text = "\n".join(problems)
    assert "unknown field 'colour'" in text
    assert "kind 'militia'" in text
    assert "sector 'WAR'" in text
    assert "country 'XYZ'" in text
    assert "parent 'x.nowhere'" in text
    assert "duplicate alias 'Red Scorpions'" in text
    assert "'it' is an English stop word" in text
    assert "alias 'Hamas' is ambiguous" in text
    assert "duplicate id 'x.one'" in text
    assert all("\n" not in line for line in problems)


def test_check_file_on_broken_yaml(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("actors: [ {id: x", "utf-8")
    (line,) = check_file(path)
    assert "cannot read YAML" in line
    path.write_text("- just a list\n", "utf-8")
    assert "expected a mapping" in check_file(path)[0]


USER_YAML = """\
actors:
  - id: x.lantern
    name: Silver Lantern Brigade
    kind: group
    country: SYR
    sector: REB
    aliases: [SLB, Lantern Brigade]
    parents: [bloc.syr_opposition]
  - id: sdf
    name: Syrian Democratic Forces
    kind: group
    country: SYR
    sector: REB
    aliases: [SDF, Qasad]
    note: user override of a bundled entry (same id) is allowed
"""


def test_load_extra_user_file(tmp_path, tokenize):
    path = tmp_path / "mine.yaml"
    path.write_text(USER_YAML, "utf-8")
    assert check_file(path) == []
    kb = ActorKB.load(extra=[path])
    hits = found(kb, tokenize, "The SLB and the Lantern Brigade clashed with the SDF.")
    assert hits["SLB"][0] == "x.lantern"
    assert hits["Lantern Brigade"][0] == "x.lantern"
    assert kb.resolve("Lantern Brigade fighters").country == "SYR"
    assert "bloc.syr_opposition" in kb.families("x.lantern")
    assert kb.entry("sdf").note.startswith("user override")
    assert ActorKB.load() is ActorKB.load()  # the default KB is cached, the extended one is not
    assert ActorKB.load().entry("x.lantern") is None


def test_load_rejects_a_bad_user_file(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(BAD_YAML, "utf-8")
    with pytest.raises(ValueError, match="unknown field 'colour'"):
        ActorKB.load(extra=[path])


def test_cli_check(tmp_path):
    runner = CliRunner()
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD_YAML, "utf-8")
    result = runner.invoke(actors_app, ["check", str(bad)])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == len(check_file(bad))
    good = tmp_path / "good.yaml"
    good.write_text(USER_YAML, "utf-8")
    result = runner.invoke(actors_app, ["check", str(good)])
    assert result.exit_code == 0 and "ok" in result.output
    assert runner.invoke(actors_app, ["check", str(tmp_path / "missing.yaml")]).exit_code == 1


# ----------------------------------------------------------------------------- news names, possessives
def test_news_agencies_are_the_press_not_armies(kb, tokenize):
    hits = found(kb, tokenize, "BEIRUT (AFP) - The Washington Post and Reuters reported the strike.")
    assert hits["AFP"] == ("media.afp", "acronym")
    assert hits["The Washington Post"][0] == "media.wapo"  # not the US government by its capital
    assert "Washington" not in hits
    assert kb.entry("media.afp").sector == "JRN"


def test_possessive_without_apostrophe_still_names_the_actor(kb, tokenize):
    hits = found(kb, tokenize, "Assads forces shelled Syrias second city.")
    assert hits["Assads"][0] == "p.assad"
    assert hits["Syrias"][0] == "SYR"
    assert found(kb, tokenize, "Judges ruled on Monday.")["Judges"][0] == "role.judiciary"


def test_a_currency_is_not_the_state(kb, tokenize):
    assert "US" not in found(kb, tokenize, "The project cost US $40 million.")
    assert found(kb, tokenize, "The US sent $40 million.")["US"][0] == "USA"


@pytest.mark.parametrize(
    ("phrase", "country", "kb_id"),
    [
        ("US-led air strikes", "USA", "USA"),  # the leader of the strikes is their actor
        ("Saudi-led forces", "SAU", "SAU"),
        ("US-backed rebels", None, None),  # backing is not acting
        ("an anti-Syria journalist", None, None),
        ("leaders of the opposition coalition", None, None),  # not the anti-IS coalition
        ("leaders of the coalition", "IGO", "coalition"),
        ("Kurds living in Turkey", "TUR", "c.kurds"),  # a community takes the country it lives in
        ("Jewish settlers in Hebron", "ISR", "isr.settlers"),
        ("President Bush", "USA", "p.bush"),
        ("an Argentine judge", "ARG", "ARG"),
        ("a Protestant extremist group in Northern Ireland", "GBR", "GBR"),
        ("the Syrian Coalition", "SYR", "syr.snc"),  # the opposition's National Coalition
    ],
)
def test_resolve_modifiers_communities_and_people(kb, phrase, country, kb_id):
    actor = kb.resolve(phrase)
    assert (actor.country, actor.kb_id) == (country, kb_id)


# ----------------------------------------------------------------------------- story-level resolution
@pytest.fixture(scope="module")
def story():
    """Source and target countries of every event of a short story, through the whole pipeline."""
    from wirecoder import extract

    def run(text: str) -> list[tuple[str, str | None, str | None, str | None, str | None]]:
        x = extract(text, published="2016-05-03")
        return [
            (
                e.trigger.text,
                e.source_actor.country if e.source_actor else None,
                e.source_actor.kb_id if e.source_actor else None,
                e.target_actor.country if e.target_actor else None,
                e.source_actor.sector if e.source_actor else None,
            )
            for e in x.events
        ]

    return run


def _event(events: list, trigger: str) -> tuple:
    return next(e for e in events if e[0] == trigger)


def test_unattributed_air_strikes_take_the_side_the_story_names(story):
    events = story(
        "Russian warplanes pounded rebel-held districts of Aleppo on Monday. "
        "The air strikes killed 12 civilians, a monitor said."
    )
    assert _event(events, "killed")[1:3] == ("RUS", "rus.vks")
    assert _event(events, "killed")[3] == "SYR"  # the victims are not Russians: they are where it happened


def test_air_strikes_nobody_claims_stay_unattributed(story):
    events = story(
        "Air strikes killed 12 civilians in Idlib province on Monday. Syrian officials declined to comment."
    )
    assert _event(events, "killed")[1:3] == (None, "role.military_hardware")


def test_unnamed_rebels_belong_to_the_story_country(story):
    events = story(
        "Rebels attacked an army post near Nyala in Darfur on Friday, Sudanese officials said. "
        "The rebels killed four soldiers."
    )
    assert _event(events, "killed")[1] == "SDN"


def test_an_ally_in_the_same_phrase_does_not_give_its_country(story):
    events = story("The government and its Russian allies shelled the town of Saraqeb in Syria on Monday.")
    assert _event(events, "shelled")[1] == "SYR"


def test_the_other_party_and_the_dateline_are_not_the_story_country(story):
    assert (
        _event(story("The president threatened new sanctions against Russia on Tuesday."), "threatened")[1]
        is None
    )
    events = story(
        "BEIRUT (AFP) - Government helicopters dropped barrel bombs on Saraqeb in Syria's Idlib province, "
        "killing nine people."
    )
    assert _event(events, "dropped")[1] == "SYR"


def test_a_weapon_placed_in_a_country_is_no_actor(story):
    events = story("A car bomb in the Syrian city of Qamishli killed five people on Tuesday.")
    assert _event(events, "killed")[1] is None


def test_a_communitys_fighters_are_not_the_state_forces_of_its_country(kb):
    kurdish = kb.resolve("Kurdish fighters").model_copy(update={"country": "SYR"})
    assert "bloc.syr_government" not in kb.families(kurdish)
    army = kb.resolve("government forces").model_copy(update={"country": "SYR"})
    assert "bloc.syr_government" in kb.families(army)


def test_a_role_phrase_keeps_the_sector_of_all_its_role_words(story):
    events = story("Leaders of the opposition coalition in Baku agreed to postpone the rally until Friday.")
    assert _event(events, "agreed")[4] == "OPP"  # "leaders" alone would say GOV
    assert _event(events, "agreed")[2] != "coalition"  # not the anti-IS coalition


def test_abbreviated_titles_match_however_they_are_capitalised(kb, tokenize):
    assert found(kb, tokenize, "Gen. Ali Hassan resigned.")["Gen."][0] == "role.military_rank"
    assert found(kb, tokenize, "Lt. Gen. Ali Hassan resigned.")["Lt. Gen."][0] == "role.military_rank"
    assert kb.resolve("Col. Ali Hassan").sector == "MIL"


def test_short_mixed_case_acronyms_match_only_as_written(kb, tokenize):
    assert found(kb, tokenize, "LeT militants attacked a camp.")["LeT"][0] == "pak.let"
    # a village's name is no Lashkar-e-Taiba, nor is the verb at a sentence's start
    assert "Let" not in found(kb, tokenize, "Jets bombed Let Yet Kone village in Sagaing.")
    assert "Let" not in found(kb, tokenize, "Let the talks begin, the envoy said.")


def test_a_description_in_the_object_is_not_the_subject_of_its_own_clause():
    from wirecoder import extract

    x = extract("Troops attacked the group near the border on Monday.", published="2016-05-03")
    attack = next(e for e in x.events if e.trigger.text == "attacked")
    assert attack.target_actor is None or attack.target_actor.kb_id != "role.military"
    # an armed group named before is who "the group" is
    x = extract(
        "Islamic State claimed a bombing in Mosul. Troops attacked the group on Monday.",
        published="2016-05-03",
    )
    attack = next(e for e in x.events if e.trigger.text == "attacked")
    assert attack.target_actor is not None and attack.target_actor.kb_id == "isis"  # guard


def test_fighters_from_a_named_group_are_that_group(story):
    events = story("Fighters from the National Liberation Army ambushed an army patrol in Arauca.")
    assert _event(events, "ambushed")[2] == "col.eln"
    events = story("Soldiers from the Nigerian army raided a camp near Maiduguri.")
    assert _event(events, "raided")[2] == "role.military"  # guard: an army is a state's, not a group


def test_who_or_which_acts_as_the_noun_it_describes():
    from wirecoder import extract

    x = extract(
        "The report came from the Darfur Bar Association, which accused the RSF of killing civilians."
    )
    accused = next(e for e in x.events if e.trigger.text == "accused")
    assert accused.source_actor is not None and accused.source_actor.text == "the Darfur Bar Association"
    x = extract("Police arrested three men who attacked a mosque in Kano.")
    attack = next(e for e in x.events if e.trigger.text == "attacked")
    assert attack.source_actor is not None and attack.source_actor.text == "three men"


def test_the_two_sides_of_a_fight_are_its_source_and_target(story):
    events = story("Fighting between the army and the RSF raged in Omdurman on Sunday.")
    fight = _event(events, "Fighting")
    assert fight[2] == "role.military"
    from wirecoder import extract

    x = extract("Clashes between police and protesters in Dhaka left five dead.")
    clash = x.events[0]
    assert clash.source_actor.kb_id == "role.police" and clash.target_actor.text == "protesters"
    x = extract("Police clashed with protesters in Dhaka on Monday.")
    assert x.events[0].target_actor is not None and x.events[0].target_actor.kb_id == "role.civilians"
