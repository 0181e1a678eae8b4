#!/usr/bin/env python3
"""Newsline on Apache Spark: the map step and the merge spread over the executors.

    spark-submit contrib/spark/newsline_spark.py --binary target/release/newsline \
        --work hdfs:///tmp/newsline --out timeline.json 'hdfs:///news/2024/*.jsonl'

Reads JSON Lines news records (one article per line: "title", "text"/"body",
"published"/"date", "url", ... as `newsline extract` reads them), local or
HDFS/S3 paths. Each partition is piped through `newsline extract --per-article
--format jsonl -` (RDD.pipe), which writes one line per article: its own events
and the mentions they were made from. The merge is then spread over the
executors in parts (the README's Archives section): the executors write the
reach of every mention under each of its buckets (`merge --reach`), the reaches
are shuffled by bucket and linked where they land (`merge --links`), the driver
plans the links into parts (`merge --plan`), the executors cut every line by
the plan (`merge --split`), the pieces are shuffled by part and each part is
merged where it lands (`merge --events`); the driver joins the events with the
articles (`merge --join`) into one timeline JSON (Contract 2) that the window
opens.

The binary is shipped to the executors with SparkContext.addFile: on a cluster it
lands in each executor's working directory (./newsline); in local mode the
executors share the driver's file system and run it where it is.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from pyspark import StorageLevel
from pyspark.sql import SparkSession


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", help="JSON Lines article files or globs (local, hdfs://, s3a://)")
    ap.add_argument("--out", required=True, help="the timeline JSON to write (on the driver)")
    ap.add_argument("--binary", default="target/release/newsline", help="the newsline binary for the executors' platform")
    ap.add_argument("--partitions", type=int, default=0, help="map partitions (default: Spark's)")
    ap.add_argument("--dct", help="publication date (YYYY-MM-DD) for articles that have none")
    ap.add_argument("--master", default=None, help="e.g. local[2]; default: spark-submit's")
    ap.add_argument("--work", help="a folder for the merged events, written by the executors and read back in pieces by the driver (hdfs:// or s3a:// on a cluster); default: a temporary folder, in local mode")
    ap.add_argument("--driver-memory", default="4g", help="the driver's heap when this script starts Spark itself (local mode runs the executors in it)")
    args = ap.parse_args()

    started = time.time()
    phase = lambda what: print(f"newsline_spark: {what} at {time.time() - started:.0f} s", file=sys.stderr)
    builder = SparkSession.builder.appName("newsline")
    if args.master:
        builder = builder.master(args.master).config("spark.driver.memory", args.driver_memory)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    phase("Spark started")
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
    # Kept: numbering counts each partition first, and the steps below read the lines twice.
    mapped = records.pipe(command, checkCode=True).persist(StorageLevel.MEMORY_AND_DISK)
    lines = mapped.zipWithIndex().map(lambda li: at.sub(f'"at":{li[1]}', li[0], count=1))
    n = max(4 * sc.defaultParallelism, records.getNumPartitions())
    # "SHARD\tRECORDS": the binary packs its records by shard (--shards), so the
    # shuffles below move a few long lines, each to the executor partition its shard names.
    shard = lambda line: (int(line[: line.index("\t")]), line[line.index("\t") + 1 :])
    by_shard = lambda k: k

    with tempfile.TemporaryDirectory() as tmp:
        # The reach of every mention under each of its buckets, shuffled by bucket (every
        # record of a bucket in one place) and linked there: pairs of units that may meet.
        reach = lines.pipe(f"{exe} merge --reach --shards {n} -", checkCode=True).map(shard)
        links = reach.partitionBy(n, by_shard).values().pipe(f"{exe} merge --links -", checkCode=True)
        links_file = os.path.join(tmp, "links.txt")
        with open(links_file, "w", encoding="utf-8") as f:
            for line in links.toLocalIterator():
                f.write(line)
                f.write("\n")
        phase("mapped and linked")
        plan = os.path.join(tmp, "plan.txt")
        with open(plan, "wb") as out:
            subprocess.run([binary, "merge", "--plan", links_file], stdout=out, check=True)
        with open(plan, encoding="utf-8") as f:
            units = sum(1 for _ in f)
        phase(f"planned: {units} units linked into parts")
        sc.addFile(plan)
        plan_arg = plan if local else "./plan.txt"
        # Every line cut by part ("PART\tLINE" records, packed by shard), with the
        # article alone once ("-\tLINE").
        pieces = lines.pipe(f"{exe} merge --split {plan_arg} --shards {n} -", checkCode=True).persist(StorageLevel.MEMORY_AND_DISK)
        heads = pieces.filter(lambda p: p.startswith("-\t")).map(lambda p: p[2:])
        keyed = pieces.filter(lambda p: not p.startswith("-\t")).map(shard)
        # Each part's pieces in one place, merged there as one part.
        merged = keyed.partitionBy(n, by_shard).values().pipe(f"{exe} merge --events -", checkCode=True)
        # Written where they are merged, and read back in file blocks: one executor
        # partition's events can outgrow the driver's heap as a single task result.
        if not (args.work or local):
            sys.exit("--work: a folder on the cluster's file system (hdfs:// or s3a://) for the merged events")
        work = f"{(args.work or 'file://' + os.path.join(tmp, 'work')).rstrip('/')}/events-{int(started)}"
        merged.saveAsTextFile(work)
        phase("merged")
        heads.saveAsTextFile(work + "-articles")

        def fetch(saved: str, path: str) -> None:
            """The lines saved at `saved` into the local file `path`: on a cluster read
            back through Spark in file blocks; in local mode the part files are here."""
            with open(path, "w", encoding="utf-8") as f:
                if saved.startswith("file://"):
                    folder = saved[len("file://") :]
                    for part in sorted(p for p in os.listdir(folder) if p.startswith("part-")):
                        with open(os.path.join(folder, part), encoding="utf-8") as src:
                            shutil.copyfileobj(src, f)
                else:
                    for line in sc.textFile(saved).toLocalIterator():
                        f.write(line)
                        f.write("\n")
            phase(f"{os.path.basename(path)} written")

        articles = os.path.join(tmp, "articles.jsonl")
        events = os.path.join(tmp, "events.jsonl")
        fetch(work + "-articles", articles)
        fetch(work, events)
        with open(args.out, "wb") as out:
            done = subprocess.run([binary, "merge", "--format", "json", "--join", events, articles], stdout=out)
        phase(f"joined: parts merged in {n} executor partitions")
    spark.stop()
    if done.returncode != 0:
        print("newsline merge failed", file=sys.stderr)
        return done.returncode
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
