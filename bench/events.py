"""Score event types and actors of `extract()` on two public gold sets (issue 4, item 6).

1. PLOVER GSR (322 CAMEO-manual sentences coded in PLOVER 0.5b1, 2016): event type of `events[0]`,
   macro-F1 over the 16 current PLOVER types (goal >= 0.80), and accuracy of the source and target
   country codes. The 2016 names are mapped to the current manual (DEMAND -> REQUEST, DISAPPROVE -> ACCUSE,
   FIGHT -> ASSAULT). INVESTIGATE has no current equivalent: those records are DROPPED from every score
   (their count and our predictions for them are printed for information).
2. ConfliBERT CAMEO test split (451 sentences):
   - `cameo_ner_test.txt`: source (S) and target (T) actor spans of `events[0]` (each with the actors
     coordinated with it, `co_sources` / `co_targets`), macro-F1 over S and T,
     both exact span match and token overlap (token-level P/R/F1). Anchors: ConfliBERT 0.745, BERT 0.723;
     goal >= 0.75. Reciprocal spans (R) belong to neither class and are not scored; neither is a predicted
     S (T) span on an R participant of a sentence whose gold has no S (T) span ("X and Y agreed", "X met
     Y": the reciprocal sentences have no S or T at all, and our schema has no reciprocal slot). Each
     sentence is rebuilt from its tokens as news text ("Haiti's", "13,000", "Kurdish-led"), see
     `token_offsets`.
   - `cameo_class_test.tsv`: the CAMEO pentacode of `events[0]` (mapping in `PENTACODE` below),
     macro-F1 and accuracy.

Usage: python bench/events.py [--plover FILE] [--ner FILE] [--cls FILE] [--limit N] [--only plover|ner|cls]
                               [--errors FILE]
--errors writes one line per wrongly coded item (gold vs predicted, with the sentence) for error analysis:
PLOVER types, PLOVER source/target countries, CAMEO spans and pentacodes.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from wirecoder import extract
from wirecoder.schema import PLOVER_TYPES, Actor, Event

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
PLOVER_DEFAULT = SHARED / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
NER_DEFAULT = SHARED / "conflibert-cameo" / "cameo_ner_test.txt"
CLS_DEFAULT = SHARED / "conflibert-cameo" / "cameo_class_test.tsv"

NONE = "NONE"
ERRORS: list[str] = []  # filled when --errors is given
RENAMED_2016 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT"}
DROPPED_2016 = {"INVESTIGATE", "DOCUMENT"}  # no current PLOVER type; DOCUMENT is the file header

# CAMEO pentacode (ConfliBERT labels; the Phoenix/CAMEO "penta class"): 0 neutral: make a statement or
# appeal (CAMEO 01-02), 1 verbal cooperation (03-05), 2 material cooperation (06-08), 3 verbal conflict
# (09-13), 4 material conflict (14-20). PLOVER types are mapped by the CAMEO root codes they were formed
# from. REQUEST merges CAMEO 02 (appeal, class 0) and 10 (demand, class 3): the trigger lemma "demand"
# decides 3, every other request (urge, ask, appeal, call for) is 0. A sentence without any event is 0.
PENTACODE = {
    "AGREE": 1,  # 03 express intent to cooperate, 057 sign agreement
    "CONSULT": 1,  # 04
    "SUPPORT": 1,  # 05 engage in diplomatic cooperation (praise, endorse)
    "REQUEST": 0,  # 02 appeal (10 demand: see DEMAND_LEMMAS)
    "COOPERATE": 2,  # 06
    "AID": 2,  # 07
    "CONCEDE": 2,  # 08 yield
    "RETREAT": 2,  # 08 yield (withdraw)
    "ACCUSE": 3,  # 11 disapprove
    "REJECT": 3,  # 12
    "THREATEN": 3,  # 13
    "PROTEST": 4,  # 14
    "MOBILIZE": 4,  # 15 exhibit force posture
    "SANCTION": 3,  # 16 reduce relations: the annotators code it verbal conflict (73 of 81, train split)
    "COERCE": 4,  # 17
    "ASSAULT": 4,  # 18-20
}
DEMAND_LEMMAS = {"demand", "insist"}
PENTACODE_NAMES = ("0 statement", "1 verbal coop", "2 material coop", "3 verbal conflict", "4 material conf")


# ---------------------------------------------------------------- metrics


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def classification_report(gold: Sequence[str], pred: Sequence[str], classes: Sequence[str]) -> float:
    """Print per-class P/R/F1/support and return macro-F1 over `classes` (other labels are errors)."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred, strict=True):
        if g == p:
            tp[g] += 1
        else:
            fp[p] += 1
            fn[g] += 1
    print(f"  {'class':<18} {'P':>6} {'R':>6} {'F1':>6} {'support':>8} {'predicted':>9}")
    f1s = []
    for c in classes:
        p, r, f = prf(tp[c], fp[c], fn[c])
        f1s.append(f)
        print(f"  {c:<18} {p:6.3f} {r:6.3f} {f:6.3f} {tp[c] + fn[c]:8d} {tp[c] + fp[c]:9d}")
    extra = sorted(set(pred) - set(classes))
    for c in extra:
        print(f"  {c:<18} {'':>6} {'':>6} {'':>6} {'':>8} {fp[c]:9d}")
    macro = sum(f1s) / len(f1s)
    accuracy = sum(tp.values()) / len(gold) if gold else 0.0
    print(f"  macro-F1 {macro:.3f}   accuracy {accuracy:.3f}   n={len(gold)}")
    confusions = Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p).most_common(8)
    print("  top confusions (gold -> predicted): " + ", ".join(f"{g}->{p} {n}" for (g, p), n in confusions))
    return macro


def run_extract(texts: Iterable[str], label: str) -> list[Event | None]:
    """events[0] of every text (None when no event), with progress on stderr."""
    mains: list[Event | None] = []
    start = time.monotonic()
    for i, text in enumerate(texts, 1):
        result = extract(text)
        if result.errors:
            print(f"  [{label} {i}] errors: {result.errors}", file=sys.stderr)
        mains.append(result.events[0] if result.events else None)
        if i % 50 == 0:
            rate = i / (time.monotonic() - start)
            print(f"  [{label}] {i} texts, {rate:.1f}/s", file=sys.stderr)
    return mains


# ---------------------------------------------------------------- 1. PLOVER GSR


def gold_codes(actors: object) -> list[str]:
    """Country/IGO codes of a GSR `source`/`target` field (a list of actors, "" or absent)."""
    if not isinstance(actors, list):
        return []
    return [a["code"] for a in actors if isinstance(a, dict) and a.get("code")]


def country_accuracy(name: str, gold: list[list[str]], pred: list[str | None]) -> None:
    """Accuracy against the first gold code, and against any gold code (coordinated actors)."""
    pairs = [(g, p) for g, p in zip(gold, pred, strict=True) if g]
    first = sum(p == g[0] for g, p in pairs)
    anyof = sum(p in g for g, p in pairs)
    missing = sum(p is None for _, p in pairs)
    n = len(pairs) or 1
    print(
        f"  {name} country: accuracy {first / n:.3f} (first gold code), {anyof / n:.3f} (any gold code); "
        f"n={len(pairs)} with gold, no predicted country {missing}"
    )


def bench_plover(path: Path, limit: int | None) -> None:
    records = json.loads(path.read_text(encoding="utf-8"))
    records = [r for r in records if r.get("text") and r.get("event") != "DOCUMENT"]
    dropped = [r for r in records if r["event"] in DROPPED_2016]
    kept = [r for r in records if r["event"] not in DROPPED_2016][:limit]
    print(f"\n== PLOVER GSR ({path.name}): {len(kept)} scored, {len(dropped)} INVESTIGATE dropped")
    mains = run_extract((r["text"] for r in kept), "plover")
    gold = [RENAMED_2016.get(r["event"], r["event"]) for r in kept]
    pred = [e.event_type if e else NONE for e in mains]
    print("Event type of events[0] (goal macro-F1 >= 0.80):")
    classification_report(gold, pred, PLOVER_TYPES)
    for r, g, p, e in zip(kept, gold, pred, mains, strict=True):
        if g != p:
            trigger = e.trigger.text if e and e.trigger else ""
            ERRORS.append(f"plover\t{g}\t{p}\t{trigger}\t{r['text']}")
    print(f"  no prediction (no event): {pred.count(NONE)} of {len(pred)}")

    def country(actor: Actor | None) -> str | None:
        return actor.country if actor else None

    sources = [country(e.source_actor) if e else None for e in mains]
    targets = [country(e.target_actor) if e else None for e in mains]
    gold_sources = [gold_codes(r.get("source")) for r in kept]
    gold_targets = [gold_codes(r.get("target")) for r in kept]
    country_accuracy("source", gold_sources, sources)
    country_accuracy("target", gold_targets, targets)
    for role, golds, preds in (("source", gold_sources, sources), ("target", gold_targets, targets)):
        for r, g, p, e in zip(kept, golds, preds, mains, strict=True):
            if g and p not in g:
                actor = (e.source_actor if role == "source" else e.target_actor) if e else None
                ERRORS.append(
                    f"plover-{role}\t{'/'.join(g)}\t{p}\t{actor.text if actor else '-'}\t{r['text']}"
                )
    no_src = sum(1 for e in mains if e and e.source_actor is None)
    no_tgt = sum(1 for e in mains if e and e.target_actor is None)
    print(f"  events[0] without source actor {no_src}, without target actor {no_tgt}")
    if dropped and limit is None:
        seen = Counter(e.event_type if e else NONE for e in run_extract((r["text"] for r in dropped), "inv"))
        print(f"  (dropped INVESTIGATE records were predicted as: {dict(seen.most_common())})")


# ---------------------------------------------------------------- 2. ConfliBERT CAMEO spans

Spans = set[tuple[int, int]]  # [first token, last token + 1)


def read_conll(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences as lists of (token, tag); blank lines separate sentences."""
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if current:
                sentences.append(current)
            current = []
            continue
        current.append((parts[0], parts[-1]))
    if current:
        sentences.append(current)
    return sentences


def bio_spans(tags: Sequence[str], cls: str) -> Spans:
    """Token spans of one class from BIO tags (an I- without a B- starts a span, as conlleval does)."""
    spans, start = set(), None
    for i, tag in enumerate([*tags, "O"]):
        inside = tag == f"I-{cls}" and start is not None
        if start is not None and not inside:
            spans.add((start, i))
            start = None
        if tag in (f"B-{cls}", f"I-{cls}") and start is None:
            start = i
    return spans


NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", ")", "'s", "’s", "n't", "%"}
NO_SPACE_AFTER = {"(", "$"}


def token_offsets(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """The sentence as news text (the gold's tokens joined with spaces, except before closing punctuation
    and possessives, after opening brackets, inside numbers such as "13 , 000", hyphenated words such as
    "Kurdish - led" and apostrophes such as "Haiti ’ s"), and each token's [start, end) character
    offsets in it. The parser reads news text, not pre-split tokens."""
    offsets: list[tuple[int, int]] = []
    parts: list[str] = []
    pos = 0
    for k, tok in enumerate(tokens):
        if k and _space_between(tokens, k):
            parts.append(" ")
            pos += 1
        offsets.append((pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok)
    return "".join(parts), offsets


def _space_between(tokens: Sequence[str], k: int) -> bool:
    """Is there a space before tokens[k] in the original text?"""
    prev, tok, nxt = tokens[k - 1], tokens[k], tokens[k + 1] if k + 1 < len(tokens) else ""
    if tok == "," and prev.isdigit() and nxt.isdigit() and len(nxt) == 3:
        return False  # "13 , 000"
    if tok == "." and prev.isdigit() and nxt.isdigit():
        return False  # "5 . 1 million"
    if prev == "." and tok.isdigit() and k >= 2 and tokens[k - 2].isdigit():
        return False
    if prev == "," and tok.isdigit() and len(tok) == 3 and k >= 2 and tokens[k - 2].isdigit():
        return False
    if prev in {"’", "'"} and tok == "s":
        return False  # "Haiti ’ s"
    if tok == "-" and prev[-1:].isalnum() and nxt[:1].isalnum():
        return False  # "Kurdish - led": a hyphenated word
    if prev == "-" and tok[:1].isalnum() and k >= 2 and tokens[k - 2][-1:].isalnum():
        return False
    if tok in {"’", "'"} and nxt == "s":
        return False
    return tok not in NO_SPACE_BEFORE and prev not in NO_SPACE_AFTER


def predicted_spans(event: Event | None, cls: str, offsets: Sequence[tuple[int, int]]) -> Spans:
    """Source (S) or target (T) spans of an event: the actor and those coordinated with it ("asked Tehran
    and Damascus": two spans, as the gold marks them)."""
    if event is None:
        return set()
    first, others = (
        (event.source_actor, event.co_sources) if cls == "S" else (event.target_actor, event.co_targets)
    )
    spans = actor_tokens(first, offsets)
    for actor in others:
        spans |= actor_tokens(actor, offsets)
    return spans


def actor_tokens(actor: Actor | None, offsets: Sequence[tuple[int, int]]) -> Spans:
    """The actor's character span as a token span (tokens it overlaps); empty when there is none."""
    if actor is None or actor.span is None:
        return set()
    start, end = actor.span
    hit = [i for i, (a, b) in enumerate(offsets) if a < end and start < b]
    return {(hit[0], hit[-1] + 1)} if hit else set()


def tokens_of(spans: Spans) -> set[int]:
    return {i for a, b in spans for i in range(a, b)}


def _on_reciprocal(tags: Sequence[str], cls: str, pred: Spans) -> bool:
    """A prediction on a reciprocal participant where the class has no gold span: not scored."""
    return bool(pred) and not bio_spans(tags, cls) and bool(tokens_of(pred) & tokens_of(bio_spans(tags, "R")))


def bench_ner(path: Path, limit: int | None) -> None:
    sentences = read_conll(path)[:limit]
    print(f"\n== ConfliBERT CAMEO spans ({path.name}): {len(sentences)} sentences")
    texts, all_offsets = [], []
    for sent in sentences:
        text, offsets = token_offsets([tok for tok, _ in sent])
        texts.append(text)
        all_offsets.append(offsets)
    mains = run_extract(texts, "ner")
    exact, overlap = {}, {}
    on_reciprocal = Counter()
    for cls in ("S", "T"):
        counts_exact, counts_tok = [0, 0, 0], [0, 0, 0]
        for sent, offsets, event in zip(sentences, all_offsets, mains, strict=True):
            tags = [tag for _, tag in sent]
            gold = bio_spans(tags, cls)
            pred = predicted_spans(event, cls, offsets)
            if _on_reciprocal(tags, cls, pred):
                on_reciprocal[cls] += 1
                continue
            for counts, g, p in ((counts_exact, gold, pred), (counts_tok, tokens_of(gold), tokens_of(pred))):
                counts[0] += len(g & p)
                counts[1] += len(p - g)
                counts[2] += len(g - p)
        exact[cls], overlap[cls] = prf(*counts_exact), prf(*counts_tok)
    for sent, text, offsets, event in zip(sentences, texts, all_offsets, mains, strict=True):
        tags = [tag for _, tag in sent]
        row = []
        for cls in ("S", "T"):
            gold = sorted(bio_spans(tags, cls))
            pred = sorted(predicted_spans(event, cls, offsets))
            if set(gold) != set(pred) and not _on_reciprocal(tags, cls, set(pred)):
                words = [tok for tok, _ in sent]
                row.append(
                    f"{cls}: {' | '.join(' '.join(words[a:b]) for a, b in gold) or '-'}"
                    f" => {' | '.join(' '.join(words[a:b]) for a, b in pred) or '-'}"
                )
        if row:
            etype = f"{event.event_type}:{event.trigger.text if event.trigger else ''}" if event else NONE
            ERRORS.append(f"ner\t{etype}\t{'  '.join(row)}\t{text}")
    print("Actor spans of events[0] (anchors ConfliBERT 0.745, BERT 0.723; goal >= 0.75):")
    print(f"  {'class':<8} {'exact P':>8} {'R':>6} {'F1':>6}   {'token P':>8} {'R':>6} {'F1':>6}")
    for cls in ("S", "T"):
        (ep, er, ef), (tp, tr, tf) = exact[cls], overlap[cls]
        print(f"  {cls:<8} {ep:8.3f} {er:6.3f} {ef:6.3f}   {tp:8.3f} {tr:6.3f} {tf:6.3f}")
    macro_exact = (exact["S"][2] + exact["T"][2]) / 2
    macro_tok = (overlap["S"][2] + overlap["T"][2]) / 2
    print(f"  span macro-F1: exact {macro_exact:.3f}, token overlap {macro_tok:.3f}")
    print(
        f"  not scored: predictions on a reciprocal (R) participant where the class has no gold span "
        f"(S {on_reciprocal['S']}, T {on_reciprocal['T']})"
    )
    print(f"  no event: {sum(e is None for e in mains)} of {len(mains)}")


# ---------------------------------------------------------------- 2b. ConfliBERT CAMEO pentacode


def pentacode(event: Event | None) -> str:
    if event is None:
        return PENTACODE_NAMES[0]
    code = PENTACODE[event.event_type]
    if event.event_type == "REQUEST" and event.trigger and _demand(event.trigger.lemma, event.trigger.text):
        code = 3
    return PENTACODE_NAMES[code]


def _demand(lemma: str, text: str) -> bool:
    """A demand (CAMEO 10), not an appeal: "demanded", "insisted", "X must release Y"."""
    return lemma.lower() in DEMAND_LEMMAS or text.lower().startswith("must ")


def bench_cls(path: Path, limit: int | None) -> None:
    rows = [line.rsplit("\t", 1) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = rows[:limit]
    print(f"\n== ConfliBERT CAMEO pentacode ({path.name}): {len(rows)} sentences")
    mains = run_extract((text for text, _ in rows), "cls")
    gold = [PENTACODE_NAMES[int(label)] for _, label in rows]
    pred = [pentacode(e) for e in mains]
    for (text, _), g, p, e in zip(rows, gold, pred, mains, strict=True):
        if g != p:
            etype = f"{e.event_type}:{e.trigger.text if e.trigger else ''}" if e else NONE
            ERRORS.append(f"cls\t{g[0]}\t{p[0]}\t{etype}\t{text}")
    print("Pentacode of events[0] (no event = 0; anchors ConfliBERT 0.879, BERT 0.859 macro-F1):")
    classification_report(gold, pred, PENTACODE_NAMES)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--plover", type=Path, default=PLOVER_DEFAULT)
    parser.add_argument("--ner", type=Path, default=NER_DEFAULT)
    parser.add_argument("--cls", type=Path, default=CLS_DEFAULT)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N items of each set")
    parser.add_argument("--only", choices=("plover", "ner", "cls"), action="append")
    parser.add_argument("--errors", type=Path, default=None, help="write wrongly coded items to this file")
    args = parser.parse_args(argv)
    only = set(args.only or ("plover", "ner", "cls"))
    if "plover" in only:
        bench_plover(args.plover, args.limit)
    if "ner" in only:
        bench_ner(args.ner, args.limit)
    if "cls" in only:
        bench_cls(args.cls, args.limit)
    if args.errors is not None:
        args.errors.write_text("\n".join(ERRORS) + "\n", encoding="utf-8")
        print(f"\n{len(ERRORS)} wrongly coded items written to {args.errors}")


if __name__ == "__main__":
    main()
