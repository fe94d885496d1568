"""Score ACLED sub-event types on a labelled set of short snippets (JSON lines).

Each line: {"text", "acled_type", "acled_subtype", "event_type", "mode"}. The default set is our own
hand-written development set; every 4th line (index 3, 7, 11, ...) is the held-out test split, not used
when writing the rules (snippets appended later keep that promise: lines whose errors were studied
while writing rules sit only on train lines, unseen ones fill the held-out slots). Lines 728-827 were
written blind (by a writer who never saw the rules, 4 per sub-type; `event_type` and `mode` left null):
their 25 held-out lines measure how the rules carry over to someone else's wording. Lines 828-1067 come
from two more blind sets of 125 (two more writers, 5 per sub-type): 190 whose errors were studied (train
lines) and 60 never looked at (held-out lines). Lines 1068-1227 come from a third writer's 150 notes in
ACLED's own note style (110 studied, with the 10 held back before, on train lines; 40 unseen on
held-out lines). Lines 1228-1371 come from a fourth writer's 150 news-style snippets (108 studied on
train lines, 36 unseen on held-out lines; 6 left out to keep the pattern), lines 1372-1515 from a
fifth writer's 150 deliberately hard ones (108 studied, 36 unseen; 6 left out), lines 1516-1659 from a
sixth writer's 150 (108 studied, 36 unseen; 6 left out), lines 1660-1779 from a seventh writer's 125 (90
studied, 30 unseen; 5 left out), lines 1780-1899 from a writer told to avoid the obvious keywords (90
studied, 30 unseen; 5 left out), lines 1900-2019 from an eleventh writer's 125 (90 studied, 30
unseen; 5 left out).
Lines 2019-7598 come from forty-five more blind writers' sets of 125 (local press of South Asia and Africa;
Latin America, Southeast Asia and Ukraine; security digests; MENA monitors; stories with the event
buried after background; one-line headlines; coder's notes; plain wire; English translated from French,
Spanish and Portuguese; unrest outside war zones; codebook boundary cases; the actors' own communiques;
South and Southeast Asian insurgencies; East African local radio; human-rights reports; noisy scraped web
text; the Levant, Iraq, Iran and Turkey; West Africa and the Sahel; snippets with several incidents;
Ukraine daily reports; Latin American local press; one-line dataset notes; RSS headline + lede; the
Asia-Pacific and Central Asia; election violence; communal violence; resource conflicts; Sudan; social-media
posts; hedged reporting; the Horn, Yemen and the Red Sea; Myanmar; indirect wording; Europe and North
America; mixed lengths; Syria and Iraq 2012-2019; a plain-English stringer; Afghanistan and
Pakistan; Central Africa and the Great Lakes; Latin American translated wire briefs; Ukraine, Russia and the
Caucasus in Telegram style; South and Southeast Asian local papers; datelined MENA agency leads; West and
Central African aid situation reports; Europe, North America, Turkey and Iran national briefs): for
each, 93 on train lines, 31 never looked at on held-out lines, 1 left out. No rule was written from them:
they train the learned classifier.
`acled_blind_unseen.jsonl` holds three more writers' sets (100, 100
and 125 lines, 4-5 per sub-type, mostly in the style of the shared task's snippets) that nobody studied:
no rule was written after reading them (`--all` scores them as one test set).
The learned classifier the pipeline consults on short reports (`wirecoder.events.acled_model`, trained by
`scripts/train_acled_model.py`) is trained on the train lines only, so the train split's end-to-end score
says nothing about generalisation; the held-out lines and the unseen file do.
Two modes:

  python bench/acled.py [FILE]             classify_acled() alone, with the PLOVER type and mode guessed
                                           from simple cues (what the classifier sees without the parser)
  python bench/acled.py --pipeline [FILE]  end to end: extract(text).events[0].acled_subtype

Prints weighted F1 (the shared-task metric), macro F1 and accuracy per split, and per-class P/R/F1.
`--errors` lists the train-split mistakes (the test split's are never printed unless `--test-errors`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from wirecoder.events.acled import SUBTYPES, story_category

DEFAULT = Path(__file__).with_name("acled_dev.jsonl")
NONE = "(none)"


def load(path: Path) -> list[dict]:
    """The labelled lines; a gold file must be whole (line positions make the splits), so a bad line stops
    the run with its place and reason rather than being skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise SystemExit(f"error: {path}: {exc}") from None
    rows = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SystemExit(f"error: {path}:{number}: malformed JSON ({exc.msg})") from None
        if not isinstance(row, dict) or not {"text", "acled_subtype"} <= row.keys():
            raise SystemExit(f"error: {path}:{number}: needs 'text' and 'acled_subtype'")
        rows.append(row)
    return rows


def is_test(index: int) -> bool:
    return index % 4 == 3


def predict_rules(text: str) -> str:
    """The story's category from its cue words alone (`story_category`), without the parser."""
    return story_category(text)[2] or NONE


def predict_pipeline() -> Callable[[str], str]:
    from wirecoder import extract

    def run(text: str) -> str:
        events = extract(text).events
        return (events[0].acled_subtype if events else None) or NONE

    return run


def scores(
    gold: list[str], pred: list[str]
) -> tuple[dict[str, tuple[float, float, float, int]], dict[str, float]]:
    """Per-class (precision, recall, F1, support) and the weighted/macro F1 and accuracy over gold classes."""
    labels = sorted(set(gold))
    per: dict[str, tuple[float, float, float, int]] = {}
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p != lab)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[lab] = (prec, rec, f1, tp + fn)
    n = len(gold)
    summary = {
        "weighted_f1": sum(f * s for _, _, f, s in per.values()) / n if n else 0.0,
        "macro_f1": sum(f for _, _, f, _ in per.values()) / len(per) if per else 0.0,
        "accuracy": sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / n if n else 0.0,
        "n": n,
    }
    return per, summary


def report(name: str, gold: list[str], pred: list[str]) -> None:
    per, summary = scores(gold, pred)
    print(
        f"\n== {name}: n={summary['n']}  weighted F1 {summary['weighted_f1']:.3f}  "
        f"macro F1 {summary['macro_f1']:.3f}  accuracy {summary['accuracy']:.3f}  (goal: weighted F1 >= 0.86)"
    )
    print(f"{'sub-event type':40s} {'P':>6s} {'R':>6s} {'F1':>6s} {'n':>4s}")
    for lab, (p, r, f, s) in sorted(per.items(), key=lambda kv: (-kv[1][3], kv[0])):
        print(f"{lab:40s} {p:6.2f} {r:6.2f} {f:6.2f} {s:4d}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--pipeline", action="store_true", help="score extract(text).events[0] end to end")
    ap.add_argument("--errors", action="store_true", help="list the train split's mistakes")
    ap.add_argument("--test-errors", action="store_true", help="also list the test split's mistakes")
    ap.add_argument("--all", action="store_true", help="treat the whole file as one test set (external data)")
    args = ap.parse_args(argv)

    rows = load(args.path)
    unknown = {r["acled_subtype"] for r in rows} - set(SUBTYPES)
    if unknown:
        print(f"unknown sub-event types in {args.path}: {sorted(unknown)}", file=sys.stderr)
        return 1
    predict = predict_pipeline() if args.pipeline else predict_rules
    preds = [predict(r["text"]) for r in rows]
    gold = [r["acled_subtype"] for r in rows]
    how = "pipeline extract()" if args.pipeline else "classify_acled rules"
    print(f"{args.path}: {len(rows)} snippets, {how}")
    if args.all:
        report("all", gold, preds)
        splits = {"all": list(range(len(rows)))}
    else:
        splits = {
            "train": [i for i in range(len(rows)) if not is_test(i)],
            "test (held out)": [i for i in range(len(rows)) if is_test(i)],
        }
        for name, idx in splits.items():
            report(name, [gold[i] for i in idx], [preds[i] for i in idx])
    shown = Counter()
    for name, idx in splits.items():
        if not ((args.errors and name in {"train", "all"}) or (args.test_errors and name.startswith("test"))):
            continue
        print(f"\n-- {name} errors")
        for i in idx:
            if gold[i] != preds[i]:
                shown[name] += 1
                print(f"[{i}] gold={gold[i]!r} pred={preds[i]!r}\n     {rows[i]['text']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
