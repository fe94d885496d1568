"""Throughput of the full wirecoder pipeline vs the spaCy pipeline alone, on the same texts and cores.

    python bench/throughput.py [--csv ../shared/data/fakes/FA-KES-Dataset.csv] [--n 400] [--processes 2]

Prints articles/s for: wirecoder `extract_many` on N processes; spaCy's full shipped pipeline (every
component, every sentence, same number of processes), once exactly as installed (spaCy's default `blis`
kernels) and once with the OpenBLAS matrix products wirecoder uses; the ratios; model load time; peak RSS
per process; and the share of the pipeline's time that geoparsing takes (issue 3 allows it 15%).
"""

from __future__ import annotations

import argparse
import csv
import multiprocessing as mp
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CSV = ROOT.parent / "shared" / "data" / "fakes" / "FA-KES-Dataset.csv"


def load_texts(path: Path, n: int) -> list[str]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", errors="replace", newline="") as f:
        rows = csv.DictReader(f)
        texts = [row["article_content"] for row in rows if row.get("article_content", "").strip()]
    while len(texts) < n:
        texts = texts + texts
    return texts[:n]


def _spacy_worker(texts: list[str]) -> int:
    from wirecoder.nlp import load_full_nlp

    nlp = load_full_nlp()
    return sum(1 for _ in nlp.pipe(texts, batch_size=32))


def spacy_alone(texts: list[str], processes: int) -> float:
    """Articles/s of the shipped spaCy pipeline (all components on all text), split over processes."""
    from wirecoder.nlp import load_full_nlp

    load_full_nlp()  # loaded before forking, like the wirecoder run
    chunks = [texts[i::processes] for i in range(processes)]
    start = time.perf_counter()
    with mp.get_context("fork").Pool(processes) as pool:
        done = sum(pool.map(_spacy_worker, chunks))
    return done / (time.perf_counter() - start)


def _shipped_worker(texts: list[str]) -> tuple[int, float]:
    """In a fresh (spawned) process: spaCy exactly as installed, with its default `blis` kernels."""
    import spacy

    from wirecoder.nlp import MODEL_NAME

    nlp = spacy.load(MODEL_NAME)
    start = time.perf_counter()
    done = sum(1 for _ in nlp.pipe(texts, batch_size=32))
    return done, time.perf_counter() - start


def spacy_as_shipped(texts: list[str], processes: int) -> float:
    """Articles/s of the shipped pipeline with spaCy's own defaults (no wirecoder kernel choice): the
    baseline the issue measured. Each worker times its own run after loading; the slowest one counts."""
    chunks = [texts[i::processes] for i in range(processes)]
    with mp.get_context("spawn").Pool(processes) as pool:
        results = pool.map(_shipped_worker, chunks)
    return sum(n for n, _ in results) / max(seconds for _, seconds in results)


def wirecoder_run(texts: list[str], processes: int) -> tuple[float, int, int]:
    from wirecoder.pipeline import Resources, extract_many
    from wirecoder.schema import Article

    Resources.load()
    articles = [Article(text=t, published="2017-01-01") for t in texts]
    start = time.perf_counter()
    events = failed = 0
    for x in extract_many(articles, processes=processes):
        events += len(x.events)
        failed += bool(x.errors)
    return len(texts) / (time.perf_counter() - start), events, failed


def geoparsing_share(texts: list[str], batch: int = 20) -> float:
    """The fraction of the full pipeline's CPU time spent finding and resolving toponyms, in this process
    (issue 3: geoparsing may cost at most 15% of throughput). Measured by timing the geoparser's one
    entry point while whole articles go through `extract_articles` in batches, as the workers do."""
    from wirecoder.pipeline import Resources, extract_articles
    from wirecoder.schema import Article

    res = Resources.load()
    articles = [Article(text=t, published="2017-01-01") for t in texts]
    extract_articles(articles[:batch], res)  # warm the caches the timed run would otherwise fill
    spent = 0.0
    toponyms = res.geoparser.toponyms

    def timed(*args, **kwargs):
        nonlocal spent
        start = time.process_time()
        try:
            return toponyms(*args, **kwargs)
        finally:
            spent += time.process_time() - start

    res.geoparser.toponyms = timed
    try:
        start = time.process_time()
        for i in range(0, len(articles), batch):
            extract_articles(articles[i : i + batch], res)
        return spent / (time.process_time() - start)
    finally:
        del res.geoparser.toponyms  # the shared resources get their own method back


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV, help="CSV with an article_content column")
    parser.add_argument("--n", type=int, default=400)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--skip-spacy", action="store_true")
    args = parser.parse_args()

    texts = load_texts(args.csv, args.n)
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"{len(texts)} articles, {words:.0f} words on average, {args.processes} processes")

    start = time.perf_counter()
    from wirecoder.pipeline import Resources

    Resources.load()
    print(f"resources load (model + KB + gazetteer): {time.perf_counter() - start:.2f} s")
    rate, events, failed = wirecoder_run(texts, args.processes)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"wirecoder extract: {rate:.1f} articles/s ({events} events, {failed} failed)")
    print(f"peak RSS: parent {rss:.0f} MB, largest worker {child:.0f} MB")
    share = geoparsing_share(texts[:200])
    print(
        f"geoparsing: {100 * share:.1f}% of the pipeline's CPU time (one process, {min(len(texts), 200)} "
        f"articles), the throughput it costs   (goal: <= 15%)"
    )
    if not args.skip_spacy:
        shipped = spacy_as_shipped(texts, args.processes)
        base = spacy_alone(texts, args.processes)
        print(f"spaCy alone as shipped (all components and sentences, blis): {shipped:.1f} articles/s")
        print(f"spaCy alone with wirecoder's OpenBLAS kernels: {base:.1f} articles/s")
        print(
            f"ratio wirecoder / spaCy-alone: {rate / shipped:.1f}x as shipped, "
            f"{rate / base:.1f}x with the same kernels   (goal: >= 100 articles/s and > 10x)"
        )


if __name__ == "__main__":
    main()
