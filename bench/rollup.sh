#!/usr/bin/env bash
# Benchmark: `ita rollup` over many offices' SQLite files (release build, Swift runtime static, as
# README's install), 120 tasks per office, for 100 and 1,000 offices: text, --json and --csv.
# Writes bench/out/rollup.md. Not a test: it measures and reports, it asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d /opt/swift/usr/bin ]; then export PATH="/opt/swift/usr/bin:$PATH"; fi
dpkg -s hyperfine >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine; }
swift build -c release --product ita --static-swift-stdlib --scratch-path .build-static >/dev/null
ITA="$PWD/.build-static/release/ita"
OUT="$PWD/bench/out/rollup"
rm -rf "$OUT" && mkdir -p "$OUT"
TODAY=$(date +%F)
export TZ=Asia/Bangkok

# One office with 120 generated tasks, copied to every office's file (the cost per file is the same).
"$ITA" init --framework sample-data/frameworks/fy2566.yaml --committee sample-data/committee-fy2566-example.yaml \
  --db "$OUT/template.sqlite" --today "$TODAY" >/dev/null
python3 bench/generate.py "$OUT/template.sqlite" 120 "$OUT/tw.json" "$TODAY" >/dev/null
sqlite3 "$OUT/template.sqlite" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
for n in 100 1000; do
  mkdir -p "$OUT/$n"
  for i in $(seq -w 1 "$n"); do cp "$OUT/template.sqlite" "$OUT/$n/office-$i.sqlite"; done
done

run() { hyperfine --shell=bash --warmup 1 --runs "${RUNS:-10}" --export-json "$OUT/$1.json" "$2" >/dev/null; }
for n in 100 1000; do
  run "text-$n" "$ITA rollup --today $TODAY $OUT/$n/*.sqlite > /dev/null"
  run "json-$n" "$ITA rollup --json --today $TODAY $OUT/$n/*.sqlite > /dev/null"
  run "csv-$n" "$ITA rollup --csv --today $TODAY $OUT/$n/*.sqlite > /dev/null"
done

python3 - "$OUT" <<'PY'
import json, sys, os
out = sys.argv[1]
lines = ["| offices (120 tasks each) | text median ms | --json median ms | --csv median ms | per office (text) ms |", "|---|---|---|---|---|"]
for n in (100, 1000):
    med = {k: json.load(open(os.path.join(out, f"{k}-{n}.json")))["results"][0]["median"] * 1000 for k in ("text", "json", "csv")}
    lines.append(f"| {n:,} | {med['text']:.0f} | {med['json']:.0f} | {med['csv']:.0f} | {med['text'] / n:.2f} |")
text = "\n".join(lines)
open(os.path.join(os.path.dirname(out), "rollup.md"), "w").write(text + "\n")
print(text)
PY
