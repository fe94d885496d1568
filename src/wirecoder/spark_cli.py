"""`wirecoder spark INPUT OUTPUT`: the Spark job from the command line, or as a spark-submit script.

Kept apart from `spark.py` so the CLI can register the command without importing pyspark, and so
spark-submit can run this file directly (`spark-submit .../wirecoder/spark_cli.py INPUT OUTPUT`).
"""

from __future__ import annotations

import argparse
import os
import sys


def spark_cmd(input: str, output: str, master: str | None = None, partitions: int | None = None) -> int:
    """Run the job; exit code 0 when every article was extracted, 1 when any failed, 2 on a usage error.

    With no `master`, spark-submit's master is used, or `local[*]` when not run under spark-submit.
    """
    if partitions is not None and partitions < 1:
        print("wirecoder spark: --partitions must be at least 1", file=sys.stderr)
        return 2
    try:
        from pyspark.errors import AnalysisException
    except ImportError:
        print("wirecoder spark: pyspark is not installed (pip install 'pyspark==4.3.0')", file=sys.stderr)
        return 2
    from wirecoder import spark

    if master is None and "PYSPARK_GATEWAY_PORT" not in os.environ:  # not launched by spark-submit
        master = "local[*]"
    session = spark.session(master)
    try:
        summary = spark.run(session, input, output, partitions)
    except AnalysisException as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        print(f"wirecoder spark: {input}: {first}", file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"wirecoder spark: {exc}", file=sys.stderr)
        return 2
    finally:
        session.stop()
    rate = summary.articles / summary.seconds if summary.seconds else 0.0
    print(
        f"wirecoder spark: {summary.articles:,} articles, {summary.events:,} events, "
        f"{summary.errors:,} errors in {summary.seconds:,.1f} s ({rate:,.1f} articles/s, "
        f"{summary.partitions} partitions) -> {output}",
        file=sys.stderr,
    )
    return 1 if summary.errors else 0


def main(argv: list[str] | None = None) -> int:
    """Entry point for spark-submit (same arguments as `wirecoder spark`)."""
    parser = argparse.ArgumentParser(prog="wirecoder-spark", description=__doc__)
    parser.add_argument("input", help="Parquet or JSON lines of articles (path or URI)")
    parser.add_argument("output", help="folder (path or URI) for events/, errors/, articles/")
    parser.add_argument("--master", default=None, help="Spark master URL (default: spark-submit's)")
    parser.add_argument("--partitions", type=int, default=None, help="tasks to split the articles into")
    args = parser.parse_args(argv)
    return spark_cmd(args.input, args.output, args.master, args.partitions)


if __name__ == "__main__":
    sys.exit(main())
