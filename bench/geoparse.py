"""Geoparsing benchmark over LGL, GeoWebNews and GeoVirus.

Prints per set: toponym detection precision/recall/F1 (a prediction matches a gold toponym when the
spans overlap), end-to-end accuracy within 161 km (a gold toponym not found counts as missed), AUC of
the log error curve (lower is better), median error in km, and accuracy@161 when resolving the gold
spans. Gold used per set:
- LGL: every toponym for detection; those with a GeoNames point for geocoding.
- GeoWebNews: toponym types except expressions ("the church") and Non_Toponym / Embedded (a place
  inside an organisation's name is not a location mention for us); geocoding on those with a GeoNames
  id (streets and buildings carry coordinates but no gazetteer entry).
- GeoVirus: every location (offsets shifted by one in the file, corrected here).
Every place the geoparser lists counts as a detection, demonyms and places naming an organisation
("the Athens Police Department", listed with kind "demonym") included.

    python bench/geoparse.py [DATASET_DIR ...] [--limit N] [--no-ner]
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from wirecoder.geo.gazetteer import haversine_km
from wirecoder.geo.recognize import lookup_variants
from wirecoder.geo.resolve import default_geoparser, named_actor_spans, parse_with_ner
from wirecoder.nlp import segment

MAX_KM = 20039.0
GWN_SKIP = {"Non_Lit_Expression", "Literal_Expression", "Non_Toponym", "Embedded_Literal", "Embedded_Non_Lit"}


@dataclass
class Gold:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None


@dataclass
class Doc:
    text: str
    gold: list[Gold] = field(default_factory=list)


def _f(x: str | None) -> float | None:
    try:
        return float(x) if x not in (None, "") else None
    except ValueError:
        return None


def load_lgl(path: Path) -> list[Doc]:
    docs = []
    for art in ET.parse(path / "lgl.xml").getroot():
        doc = Doc(art.findtext("text") or "")
        for t in art.iter("toponym"):
            g = t.find("gaztag")
            lat = _f(g.findtext("lat")) if g is not None else None
            lon = _f(g.findtext("lon")) if g is not None else None
            doc.gold.append(
                Gold(int(t.findtext("start")), int(t.findtext("end")), t.findtext("phrase"), lat, lon)
            )
        docs.append(doc)
    return docs


def load_gwn(path: Path) -> list[Doc]:
    docs = []
    for art in ET.parse(path / "GWN.xml").getroot():
        doc = Doc(art.findtext("text") or "")
        for t in art.iter("toponym"):
            if t.findtext("type") in GWN_SKIP:
                continue
            s, e = int(t.findtext("start")), int(t.findtext("end"))
            # geocoding gold: toponyms with a GeoNames entry (streets and buildings have coordinates only)
            has_id = bool((t.findtext("geonamesID") or "").strip())
            lat, lon = (_f(t.findtext("latitude")), _f(t.findtext("longitude"))) if has_id else (None, None)
            doc.gold.append(Gold(s, e, t.findtext("extractedName"), lat, lon))
        docs.append(doc)
    return docs


def load_geovirus(path: Path) -> list[Doc]:
    docs = []
    for art in ET.parse(path / "GeoVirus.xml").getroot():
        doc = Doc(art.findtext("text") or "")
        for loc in art.iter("location"):
            s, e = int(loc.findtext("start")) - 1, int(loc.findtext("end")) - 1  # known off-by-one
            doc.gold.append(
                Gold(s, e, loc.findtext("name"), _f(loc.findtext("lat")), _f(loc.findtext("lon")))
            )
        docs.append(doc)
    return docs


LOADERS = {"lgl": load_lgl, "geowebnews": load_gwn, "geovirus": load_geovirus}


def _error(place, gold: Gold) -> float:
    if place is None or place.lat is None:
        return MAX_KM
    return haversine_km(place.lat, place.lon, gold.lat, gold.lon)


def _summary(errors: list[float]) -> tuple[float, float, float]:
    if not errors:
        return 0.0, 0.0, 0.0
    acc = sum(e <= 161 for e in errors) / len(errors)
    auc = sum(math.log(1 + e) for e in errors) / (len(errors) * math.log(1 + MAX_KM))
    return acc, auc, statistics.median(errors)


def _cause(gp, doc: Doc, g: Gold, place) -> str:
    """Why a gold-span resolution missed: no candidate, no candidate near the gold point (coverage),
    or the right candidate was there and lost (to another country, city vs admin unit, a namesake)."""
    cands, _ = lookup_variants(gp.gaz, doc.text[g.start : g.end])
    if gp.gaz.demonym_place(doc.text[g.start : g.end]) is not None and place is not None:
        cands = cands + [gp.gaz.demonym_place(doc.text[g.start : g.end])]
    if not cands:
        return "no candidate"
    good = [c for c in cands if haversine_km(c.lat, c.lon, g.lat, g.lon) <= 161]
    if not good:
        return "no candidate near gold"
    if place is None or place.lat is None:
        return "unresolved"
    if place.country not in {c.country for c in good}:
        return "wrong country"
    if any((c.feature_class == "A") != (place.feature_class == "A") for c in good):
        return "admin vs city"
    return "same-country namesake"


def evaluate(name: str, docs: list[Doc], ner: bool, errors: int = 0) -> dict:
    gp = default_geoparser()
    causes: Counter = Counter()
    examples: dict[str, Counter] = {}
    tp = fp = fn = 0
    e2e, gold_span = [], []
    t0 = time.time()
    for doc in docs:
        sentences = segment(doc.text)
        if ner:
            parse_with_ner(sentences)
        pred = gp.toponyms(sentences, doc.text, exclude=named_actor_spans(sentences))  # as `geoparse`
        matched_pred = set()
        for g in doc.gold:
            hit = next((k for k, p in enumerate(pred) if p.span[0] < g.end and g.start < p.span[1]), None)
            if hit is None:
                fn += 1
            else:
                tp += 1
                matched_pred.add(hit)
            if g.lat is not None:
                e2e.append(_error(pred[hit] if hit is not None else None, g))
        fp += sum(1 for k in range(len(pred)) if k not in matched_pred)
        geo = [g for g in doc.gold if g.lat is not None]
        for g, p in zip(geo, gp.resolve_spans(doc.text, [(g.start, g.end) for g in geo]), strict=True):
            gold_span.append(_error(p, g))
            if errors and gold_span[-1] > 161:
                cause = _cause(gp, doc, g, p)
                causes[cause] += 1
                got = (
                    f"{p.name}/{p.country}/{p.feature_class}" if p is not None and p.lat is not None else "-"
                )
                examples.setdefault(cause, Counter())[f"{doc.text[g.start : g.end]} -> {got}"] += 1
    if errors:
        print(f"{name}: gold-span errors by cause ({sum(causes.values())} of {len(gold_span)})")
        for cause, n in causes.most_common():
            top = ", ".join(f"{k} x{v}" for k, v in examples[cause].most_common(errors))
            print(f"  {cause:<24} {n:>5}  {top}")
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    acc, auc, med = _summary(e2e)
    gacc, gauc, gmed = _summary(gold_span)
    return {"set": name, "docs": len(docs), "P": prec, "R": rec, "F1": f1, "acc161": acc, "AUC": auc,
            "median_km": med, "gold_acc161": gacc, "gold_AUC": gauc, "gold_median_km": gmed,
            "seconds": time.time() - t0}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parent.parent
    default = [here.parent / "shared" / "data" / n for n in ("lgl", "geowebnews", "geovirus")]
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", type=Path, default=default)
    ap.add_argument("--limit", type=int, default=0, help="first N articles of each set")
    ap.add_argument(
        "--no-ner", action="store_true", help="gazetteer matcher only (as the extraction pipeline)"
    )
    ap.add_argument("--errors", type=int, default=0, help="print gold-span error causes, N examples each")
    ap.add_argument("--sets", default="", help="comma-separated subset of set names to run")
    args = ap.parse_args(argv)
    print(f"{'set':<11} {'docs':>5} {'P':>6} {'R':>6} {'F1':>6} {'acc161':>7} {'AUC':>6} {'med_km':>7} "
          f"{'gold161':>7} {'gAUC':>6} {'s':>6}")  # fmt: skip
    for path in args.paths:
        loader = LOADERS.get(path.name)
        if loader is None:
            print(f"skip {path}: unknown dataset", file=sys.stderr)
            continue
        if args.sets and path.name not in args.sets.split(","):
            continue
        docs = loader(path)
        if args.limit:
            docs = docs[: args.limit]
        r = evaluate(path.name, docs, ner=not args.no_ner, errors=args.errors)
        print(f"{r['set']:<11} {r['docs']:>5} {r['P']:>6.3f} {r['R']:>6.3f} {r['F1']:>6.3f} "
              f"{r['acc161']:>7.3f} "
              f"{r['AUC']:>6.3f} {r['median_km']:>7.1f} {r['gold_acc161']:>7.3f} {r['gold_AUC']:>6.3f} "
              f"{r['seconds']:>6.1f}", flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
