"""Corpus benchmark: ingest FA-KES, score event clusters against its date+place groups, list contradictions;
then a synthetic scale run (generated articles through the whole ingest) and query timings over many events.

    python bench/corpus.py                               # FA-KES + 2,000 synthetic articles + 1M events
    python bench/corpus.py --n 100000 --events 1000000   # the issue's scale run
    python bench/corpus.py --skip-fakes --n 500

FA-KES (Abu Salem et al., ICWSM 2019, CC BY 4.0): 804 articles; the gold "same event" relation used here
is the dataset's own (date, location) pair, which 104 groups share across two or more outlets.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

from wirecoder.ingest import ingest
from wirecoder.store import Store

HERE = Path(__file__).resolve().parent


def fakes_bench(fakes_dir: Path, workdir: Path, processes: int) -> None:
    src = fakes_dir / "FA-KES-Dataset.csv"
    db = str(workdir / "fakes.duckdb")
    summary = ingest(
        [str(src)],
        db,
        processes=processes,
        progress=True,
        text_col="article_content",
        title_col="article_title",
        date_col="date",
        source_col="source",
        id_col="unit_id",
    )
    print(f"FA-KES ingest: {summary.new} new, {summary.duplicate} duplicate, "
          f"{summary.near_duplicate} near-dup, "
          f"{summary.failed} failed, {summary.events} events in {summary.seconds:.1f} s "
          f"= {summary.rate:.1f} articles/s on {processes} processes")  # fmt: skip

    gold: dict[str, tuple[str, str]] = {}  # article key -> (date, location)
    with open(src, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    from wirecoder.store import content_key

    for row in rows:
        gold[content_key(row["article_content"])] = (row["date"], row["location"].strip().lower())
    outlets = defaultdict(set)
    for row in rows:
        outlets[(row["date"], row["location"].strip().lower())].add(row["source"])
    multi = {g for g, s in outlets.items() if len(s) >= 2}

    with Store.open(db, read_only=True) as store:
        # each article's main (most salient) event's cluster stands for the article
        pred = dict(
            store.con.execute(
                """SELECT e.article_key, c.cluster_id FROM events e JOIN clusters c ON c.event_uid = e.uid
                   WHERE e.rank = (SELECT min(rank) FROM events e2 JOIN clusters c2 ON c2.event_uid = e2.uid
                                   WHERE e2.article_key = e.article_key)"""
            ).fetchall()
        )
        near = dict(
            store.con.execute(
                "SELECT key, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL"
            ).fetchall()
        )
        for key, original in near.items():
            if original in pred:
                pred[key] = pred[original]
        print(f"store: {store.counts()}")
        contradictions = store.contradictions()
        clusters = store.clusters(min_articles=2)
    scored = [k for k in gold if k in pred]
    print(f"articles with a clustered event: {len(scored)}/{len(gold)}")
    for name, keys in (("all", scored), ("multi-outlet groups", [k for k in scored if gold[k] in multi])):
        p, r = bcubed(keys, gold, pred)
        pur, comp = purity(keys, gold, pred), purity(keys, pred, gold)
        print(f"  {name:20s} n={len(keys):4d}  purity {pur:.3f}  completeness {comp:.3f}  "
              f"B-cubed P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r or 1):.3f}")  # fmt: skip
    print(f"clusters with >= 2 articles: {len(clusters)}; contradictions: {len(contradictions)} "
          f"({dict(Counter(c['kind'] for c in contradictions))})")  # fmt: skip
    for c in contradictions[:15]:
        print(
            f"  {c['kind']:11s} {c['a_value'][:30]!r} ({c['a_source']}) "
            f"vs {c['b_value'][:30]!r} ({c['b_source']})"
        )


def purity(keys, truth: dict, pred: dict) -> float:
    """Share of articles whose predicted cluster's majority truth label is theirs."""
    groups = defaultdict(list)
    for k in keys:
        groups[pred[k]].append(truth[k])
    return sum(Counter(v).most_common(1)[0][1] for v in groups.values()) / max(1, len(keys))


def bcubed(keys, gold: dict, pred: dict) -> tuple[float, float]:
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for k in keys:
        by_pred[pred[k]].add(k)
        by_gold[gold[k]].add(k)
    p = r = 0.0
    for k in keys:
        same = by_pred[pred[k]] & by_gold[gold[k]]
        p += len(same) / len(by_pred[pred[k]])
        r += len(same) / len(by_gold[gold[k]])
    n = max(1, len(keys))
    return p / n, r / n


PLACES = ["Aleppo", "Idlib", "Homs", "Mosul", "Kirkuk", "Gao", "Mogadishu", "Kandahar", "Sanaa", "Benghazi"]
ACTORS = ["government forces", "rebel fighters", "Islamic State militants", "police", "an armed group"]
TEMPLATES = [
    "{a} attacked a checkpoint in {p} on {d}, killing {n} people, officials said.",
    "At least {n} civilians were killed when {a} shelled a market in {p}, a monitoring group said on {d}.",
    "Hundreds of people protested in {p} on {d} against rising prices, witnesses said.",
    "{a} withdrew from positions around {p} on {d}, a spokesman told reporters.",
    "{a} accused rivals of attacking a convoy near {p} on {d}.",
]


def synthetic_articles(n: int, seed: int = 7):
    rng = random.Random(seed)
    start = date(2018, 1, 1)
    for i in range(n):
        d = start + timedelta(days=rng.randrange(700))
        body = " ".join(
            rng.choice(TEMPLATES).format(
                a=rng.choice(ACTORS).capitalize(),
                p=rng.choice(PLACES),
                d=d.strftime("%A"),
                n=rng.randrange(1, 60),
            )
            for _ in range(rng.randrange(3, 8))
        )
        yield {
            "id": f"syn{i}",
            "title": f"Report {i}",
            "text": body + f" (ref {i})",
            "published": d.isoformat(),
        }


def scale_bench(n: int, workdir: Path, processes: int) -> None:
    src = workdir / "synthetic.jsonl"
    with open(src, "w") as fh:
        for rec in synthetic_articles(n):
            fh.write(json.dumps(rec) + "\n")
    db = str(workdir / "synthetic.duckdb")
    s = ingest([str(src)], db, processes=processes, progress=True)
    print(f"synthetic ingest: {n} articles -> {s.new} new, {s.failed} failed, {s.events} events in "
          f"{s.seconds:.1f} s = {s.rate:.1f} articles/s on {processes} processes (goal: report)")  # fmt: skip
    again = ingest([str(src)], db, processes=processes, progress=False, cluster=False)
    print(
        f"re-ingest of the same file: {again.new} new, {again.duplicate} duplicate in {again.seconds:.1f} s"
    )


def query_bench(n_events: int, workdir: Path) -> None:
    db = str(workdir / "events.duckdb")
    with Store.open(db) as store:
        t = time.perf_counter()
        store.con.execute(
            f"""INSERT INTO events (uid, article_key, rank, event_type, source_name, target_name, lat, lon,
                    country, date, killed, stance, source, published, sentence, span_start, span_end,
                    confidence)
                SELECT 'u' || i, 'a' || (i // 3), i % 3,
                       ['ASSAULT','PROTEST','COERCE','ACCUSE','AID'][1 + i % 5],
                       ['Syrian army','rebels','police','Islamic State'][1 + (i * 7) % 4], NULL,
                       20 + (hash(i) % 2000) / 100.0, 30 + (hash(i + 1) % 2000) / 100.0,
                       ['SY','IQ','YE','ML','SO'][1 + (i * 3) % 5],
                       DATE '2015-01-01' + CAST(i % 3000 AS INTEGER), CAST(i % 40 AS INTEGER),
                       ['asserted','denied','hedged'][1 + i % 3], ['AP','Reuters','AFP','SANA'][1 + i % 4],
                       DATE '2015-01-01' + CAST(i % 3000 AS INTEGER), 'synthetic', 0, 9, 0.5
                FROM range({n_events}) t(i)"""
        )
        print(f"loaded {n_events:,} synthetic events in {time.perf_counter() - t:.1f} s")
    queries = {
        "date range": {"start": date(2018, 1, 1), "end": date(2018, 3, 31)},
        "country + type": {"country": "SY", "type": "ASSAULT"},
        "bbox": {"bbox": (30.0, 25.0, 35.0, 30.0)},
        "actor": {"actor": "islamic"},
        "stance + source": {"stance": "denied", "source": "reuters"},
        "everything, limit 1000": {"limit": 1000},
    }
    with Store.open(db, read_only=True) as store:
        for name, f in queries.items():
            t = time.perf_counter()
            n = store.count(f)
            counted = time.perf_counter() - t
            t = time.perf_counter()
            rows = store.query({**f, "limit": f.get("limit", 1000)})
            print(f"  query {name:24s} {n:8,d} match (count {counted:.3f} s); first {len(rows):,} rows "
                  f"in {time.perf_counter() - t:.3f} s (goal < 1 s)")  # fmt: skip
        for fmt in ("parquet", "csv"):
            t = time.perf_counter()
            k = store.export(workdir / f"all.{fmt}", fmt, {"country": "SY"})
            print(f"  export {fmt:8s} {k:,} rows in {time.perf_counter() - t:.2f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fakes", type=Path, default=HERE.parent.parent / "shared" / "data" / "fakes")
    ap.add_argument("--n", type=int, default=2000, help="synthetic articles to ingest (0 to skip)")
    ap.add_argument(
        "--events", type=int, default=1_000_000, help="synthetic events for query timing (0 to skip)"
    )
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--skip-fakes", action="store_true")
    ap.add_argument("--workdir", type=Path, default=None, help="keep the stores here (default: a temp dir)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        if not args.skip_fakes:
            fakes_bench(args.fakes, work, args.processes)
        if args.n:
            scale_bench(args.n, work, args.processes)
        if args.events:
            query_bench(args.events, work)


if __name__ == "__main__":
    main()
