"""Throughput of the Spark job on local[1] and local[2] against the single-process pipeline and the
multiprocessing pipeline (`extract_many(processes=2)`, what `wirecoder extract -p 2` runs), same articles.

    python bench/spark.py [DATA ...] [--n 5000] [--modes single,mp2,local1,local2]

DATA: article files in any format `wirecoder extract` reads (default: the FA-KES CSV). Their articles are
cycled with fresh ids up to --n and written once as JSON lines; every mode reads that same file. Each
mode runs in its own Python process (no shared caches, separate memory figures). Start-up (resource
loading; Spark's session and worker warm-up) is timed apart from the steady-state run.
Goals (issue 7): local[2] >= 1.7x local[1]; local[2] >= 0.8x the multiprocessing pipeline.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "fakes" / "FA-KES-Dataset.csv"
MODES = ("single", "mp2", "local1", "local2")


def make_input(data: list[str], n: int, dest: Path) -> int:
    """Cycle the articles of `data` up to n, with unique ids, into one JSON lines file."""
    from wirecoder.ingest import ReadFailure, read_articles

    base = [a for a in read_articles(data) if not isinstance(a, ReadFailure)]
    if not base:
        sys.exit(f"no readable articles in {data}")
    with dest.open("w", encoding="utf-8") as fh:
        for i in range(n):
            a = base[i % len(base)]
            record = a.model_dump(mode="json") | {"id": f"bench-{i}"}
            fh.write(json.dumps(record) + "\n")
    return len(base)


def rss_mb(pid: int | str = "self") -> float:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def cpu_s(pid: int | str = "self") -> float:
    """user + system CPU seconds of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def digest(rows: list[dict]) -> str:
    """Fingerprint of event rows (order-free, dates as ISO text): equal digests = identical output."""

    def norm(row: dict) -> str:
        return json.dumps({k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in row.items()})

    return hashlib.sha1("\n".join(sorted(norm(r) for r in rows)).encode()).hexdigest()[:12]


def run_pipeline(path: Path, processes: int) -> dict:
    from wirecoder.ingest import ReadFailure, read_articles
    from wirecoder.pipeline import Resources, extract_many
    from wirecoder.tables import event_rows

    t0 = time.perf_counter()
    Resources.load()
    startup = time.perf_counter() - t0
    articles = [a for a in read_articles([str(path)]) if not isinstance(a, ReadFailure)]
    before = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    t1 = time.perf_counter()
    rows = [row for x in extract_many(articles, processes=processes) for row in event_rows(x)]
    seconds = time.perf_counter() - t1
    after = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = sum(a.ru_utime + a.ru_stime - b.ru_utime - b.ru_stime for a, b in zip(after, before, strict=True))
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "articles": len(articles),
        "events": len(rows),
        "digest": digest(rows),
        "startup_s": startup,
        "run_s": seconds,
        "cpu_s": cpu,
        "rate": len(articles) / seconds,
        "worker_peak_rss_mb": children if processes > 1 else own,
        "driver_peak_rss_mb": own,
    }


def run_spark(path: Path, cores: int, conf: dict[str, str]) -> dict:
    from wirecoder import spark as wspark

    t0 = time.perf_counter()
    session = wspark.session(f"local[{cores}]", **({"spark.ui.showConsoleProgress": "false"} | conf))
    wspark.prepare_local()
    session_s = time.perf_counter() - t0
    # Warm-up: one tiny article per core, so every Python worker has loaded its resources.
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm.jsonl"
        line = json.dumps({"text": "Rebels attacked an army post near Homs on Monday, officials said."})
        warm.write_text((line + "\n") * cores, encoding="utf-8")
        t1 = time.perf_counter()
        wspark.run(session, str(warm), str(Path(tmp) / "out"), partitions=cores)
        warmup_s = time.perf_counter() - t1
        jvm = session.sparkContext._jvm.java.lang.ProcessHandle.current().pid()
        cpu_before = {w["pid"]: w["cpu_s"] for w in wspark.worker_info(session, tasks=cores)}
        jvm_before = cpu_s(jvm)
        t2 = time.perf_counter()
        summary = wspark.run(session, str(path), str(Path(tmp) / "bench-out"))
        seconds = time.perf_counter() - t2
        jvm_cpu = cpu_s(jvm) - jvm_before
        workers = wspark.worker_info(session, tasks=cores)
        worker_cpu = sum(w["cpu_s"] - cpu_before.get(w["pid"], 0.0) for w in workers)
        import pyarrow.parquet as pq

        rows = pq.read_table(Path(tmp) / "bench-out" / "events").to_pylist()
    jvm_rss = rss_mb(jvm)
    session.stop()
    return {
        "articles": summary.articles,
        "events": summary.events,
        "digest": digest(rows),
        "errors": summary.errors,
        "partitions": summary.partitions,
        "session_s": session_s,
        "warmup_s": warmup_s,
        "startup_s": session_s + warmup_s,
        "run_s": seconds,
        "cpu_s": worker_cpu + jvm_cpu,
        "jvm_cpu_s": jvm_cpu,
        "rate": summary.articles / seconds,
        "workers": len(workers),
        "resource_loads": [w["resource_loads"] for w in workers],
        "worker_peak_rss_mb": max((w["peak_rss_mb"] for w in workers), default=0.0),
        "jvm_rss_mb": jvm_rss,
    }


def one_mode(mode: str, path: Path, conf: dict[str, str]) -> dict:
    if mode == "single":
        return run_pipeline(path, 1)
    if mode == "mp2":
        return run_pipeline(path, 2)
    if mode in ("local1", "local2"):
        return run_spark(path, int(mode[-1]), conf)
    raise SystemExit(f"unknown mode {mode}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data", nargs="*", default=[str(DEFAULT_DATA)])
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument(
        "--conf", action="append", default=[], metavar="KEY=VALUE", help="extra Spark setting (repeatable)"
    )
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: run one mode on --input, print JSON
    parser.add_argument("--input", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        conf = dict(item.split("=", 1) for item in args.conf)
        print(json.dumps(one_mode(args.one, Path(args.input), conf)))
        return

    with tempfile.TemporaryDirectory() as tmp:
        # Every mode runs a snapshot of the package taken now (the tree may be edited while this runs);
        # Spark's Python workers inherit PYTHONPATH, so they run the same snapshot.
        import wirecoder

        shutil.copytree(Path(wirecoder.__file__).parent, Path(tmp) / "snapshot" / "wirecoder")
        env = os.environ | {"PYTHONPATH": str(Path(tmp) / "snapshot")}
        path = Path(tmp) / "articles.jsonl"
        distinct = make_input(args.data, args.n, path)
        print(f"{args.n} articles ({distinct} distinct texts, cycled) from {', '.join(args.data)}; "
              f"{os.cpu_count()} CPUs")  # fmt: skip
        results: dict[str, dict] = {}
        for mode in args.modes.split(","):
            proc = subprocess.run(
                [sys.executable, __file__, "--one", mode, "--input", str(path)]
                + [f"--conf={item}" for item in args.conf],
                capture_output=True,
                text=True,
                env=env,
            )
            if proc.returncode != 0:
                print(f"{mode}: failed\n{proc.stderr[-3000:]}")
                continue
            results[mode] = r = json.loads(proc.stdout.strip().splitlines()[-1])
            extra = (
                f" (session {r['session_s']:.1f} s + worker warm-up {r['warmup_s']:.1f} s; "
                f"{r['partitions']} partitions, resource loads per worker {r['resource_loads']}, "
                f"JVM RSS {r['jvm_rss_mb']:.0f} MB, JVM CPU {r['jvm_cpu_s']:.1f} s)"
                if "session_s" in r
                else ""
            )
            print(
                f"{mode:7s} {r['rate']:7.1f} articles/s  ({r['articles']} articles, {r['events']} events "
                f"[digest {r['digest']}], {r['run_s']:.1f} s wall, {r['cpu_s']:.1f} s CPU = "
                f"{r['articles'] / r['cpu_s']:.1f} articles per CPU-second; "
                f"load avg {os.getloadavg()[0]:.1f})  start-up {r['startup_s']:.1f} s  "
                f"peak RSS per worker {r['worker_peak_rss_mb']:.0f} MB{extra}"
            )
            sys.stdout.flush()
    if len({r["digest"] for r in results.values()}) > 1:
        print("WARNING: the modes' event outputs differ (see digests)")
    rate = {m: r["rate"] for m, r in results.items()}
    if "local1" in rate and "local2" in rate:
        print(f"local[2] / local[1] = {rate['local2'] / rate['local1']:.2f}x  (goal >= 1.7x)")
    if "local2" in rate and "mp2" in rate:
        print(f"local[2] / multiprocessing(2) = {rate['local2'] / rate['mp2']:.2f}  (goal >= 0.80)")
    if "single" in rate and "local1" in rate:
        print(f"local[1] / single process = {rate['local1'] / rate['single']:.2f}")


if __name__ == "__main__":
    main()
