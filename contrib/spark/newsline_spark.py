#!/usr/bin/env python3
"""Newsline on Apache Spark: the map step on the executors, the reduce on the driver.

    spark-submit contrib/spark/newsline_spark.py --binary target/release/newsline \
        --out timeline.json 'hdfs:///news/2024/*.jsonl'

Reads JSON Lines news records (one article per line: "title", "text"/"body",
"published"/"date", "url", ... as `newsline extract` reads them), local or
HDFS/S3 paths. Each partition is piped through `newsline extract --per-article
--format jsonl -` (RDD.pipe), which writes one line per article: its own events
and the mentions they were made from. The lines are then merged by `newsline
merge` into one timeline JSON (Contract 2) that the window opens.

The binary is shipped to the executors with SparkContext.addFile: on a cluster it
lands in each executor's working directory (./newsline); in local mode the
executors share the driver's file system and run it where it is.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

from pyspark.sql import SparkSession


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", help="JSON Lines article files or globs (local, hdfs://, s3a://)")
    ap.add_argument("--out", required=True, help="the timeline JSON to write (on the driver)")
    ap.add_argument("--binary", default="target/release/newsline", help="the newsline binary for the executors' platform")
    ap.add_argument("--partitions", type=int, default=0, help="map partitions (default: Spark's)")
    ap.add_argument("--dct", help="publication date (YYYY-MM-DD) for articles that have none")
    ap.add_argument("--master", default=None, help="e.g. local[2]; default: spark-submit's")
    args = ap.parse_args()

    builder = SparkSession.builder.appName("newsline")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    binary = os.path.abspath(args.binary)
    sc.addFile(binary)
    local = sc.master.startswith("local")
    exe = binary if local else "./" + os.path.basename(binary)
    command = f"{exe} extract --per-article --format jsonl -" + (f" --dct {args.dct}" if args.dct else "")

    # Contiguous splits of the input, in order (no shuffle: the order is kept).
    records = sc.textFile(",".join(args.inputs), minPartitions=args.partitions or None)
    # The map: every partition's records through the binary, one line per article out.
    # A line's "at" counts records within its partition; numbered across the whole
    # input, it orders the articles as one run over the files would, and the merge
    # that follows gives that run's timeline.
    at = re.compile(r'"at":\d+')
    lines = records.pipe(command, checkCode=True).zipWithIndex().map(lambda li: at.sub(f'"at":{li[1]}', li[0], count=1))

    # The reduce: the per-article lines, in any order, merged into one timeline.
    with tempfile.TemporaryDirectory() as tmp:
        parts = os.path.join(tmp, "parts.jsonl")
        with open(parts, "w", encoding="utf-8") as f:
            for line in lines.toLocalIterator():
                f.write(line)
                f.write("\n")
        with open(args.out, "wb") as out:
            done = subprocess.run([binary, "merge", "--format", "json", parts], stdout=out)
    spark.stop()
    if done.returncode != 0:
        print("newsline merge failed", file=sys.stderr)
        return done.returncode
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
