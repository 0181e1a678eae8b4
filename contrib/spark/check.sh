#!/bin/sh
# Newsline on Spark, end to end in local mode: generate JSON Lines articles from the
# TBAQ texts (as benches/pipeline.rs does: document i mod N, its date a week later
# per round, the first ten words as its title), run the Spark job on local[2], and
# compare its timeline with one `newsline extract` of the same articles.
#   contrib/spark/check.sh [ARTICLES]      needs Java 17+ and `pip install pyspark`
set -eu
N=${1:-2000}
TBAQ=${NEWSLINE_TBAQ:-../shared/corpus/tempeval3/tbaq.jsonl}
cd "$(dirname "$0")/../.."
cargo build --release --quiet
BIN=target/release/newsline
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 - "$TBAQ" "$N" "$WORK/articles.jsonl" <<'PY'
import datetime, json, sys
tbaq, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
docs = []
for line in open(tbaq, encoding="utf-8"):
    d = json.loads(line)
    docs.append((d["text"].strip(), datetime.date.fromisoformat(d["dct"][:10])))
with open(out, "w", encoding="utf-8") as f:
    for i in range(n):
        text, dct = docs[i % len(docs)]
        date = dct + datetime.timedelta(weeks=i // len(docs))
        title = " ".join(text.split()[:10])
        f.write(json.dumps({"title": title, "published": date.isoformat(), "text": text}) + "\n")
PY
start=$(date +%s)
python3 contrib/spark/newsline_spark.py --master 'local[2]' --partitions 4 --binary "$BIN" --out "$WORK/spark.json" "$WORK/articles.jsonl"
spark_s=$(( $(date +%s) - start ))
start=$(date +%s)
"$BIN" extract "$WORK/articles.jsonl" > "$WORK/single.json"
single_s=$(( $(date +%s) - start ))
python3 - "$WORK/spark.json" "$WORK/single.json" <<'PY'
import json, sys
def events(path):
    # Article ids and paths depend on how the articles came in (a file, or a stream
    # split into partitions): compare articles by what they are, mentions as sets.
    t = json.load(open(path, encoding="utf-8"))
    name = {a["id"]: (a["title"], a["published"], a["url"]) for a in t["articles"]}
    def mention(m):
        return json.dumps([name[m["article"]], m["sentence"], m.get("trigger"), m["basis"], m["start"], m["end"]])
    return t, sorted((e["start"], e["end"], e["title"], e["basis"], e["timex"], sorted(map(mention, e["mentions"]))) for e in t["events"])
spark, a = events(sys.argv[1])
single, b = events(sys.argv[2])
print(f"articles {len(spark['articles'])} vs {len(single['articles'])}; events {len(a)} vs {len(b)}")
if a != b or len(spark["articles"]) != len(single["articles"]):
    sys.exit("the Spark timeline differs from the single-process one")
print("the Spark timeline equals the single-process one")
PY
echo "time: spark local[2] ${spark_s} s, single process ${single_s} s"
