#!/usr/bin/env bash
# Benchmark: `ita tasks --overdue` and `ita status` on 10,000 and 50,000 tasks (release build), side by
# side with Taskwarrior 2.6 (`task +OVERDUE list`, `task summary`) on the same 10,000 tasks.
# Writes bench/out/results.md. Not a test: it measures and reports, it asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d /opt/swift/usr/bin ]; then export PATH="/opt/swift/usr/bin:$PATH"; fi
for pkg in taskwarrior hyperfine; do
  dpkg -s "$pkg" >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg"; }
done

# The build we recommend installing: release, Swift runtime linked statically (about 4 ms less start-up).
swift build -c release --product ita --static-swift-stdlib --scratch-path .build-static >/dev/null
ITA="$PWD/.build-static/release/ita"
OUT="$PWD/bench/out"
rm -rf "$OUT" && mkdir -p "$OUT"
TODAY=$(date +%F)   # Taskwarrior judges "overdue" by the real clock, so both use the real today
export TZ=Asia/Bangkok

for n in 10000 50000; do
  "$ITA" init --framework sample-data/frameworks/fy2566.yaml --committee sample-data/committee-fy2566-example.yaml \
    --db "$OUT/ita-$n.sqlite" --today "$TODAY" >/dev/null
  python3 bench/generate.py "$OUT/ita-$n.sqlite" "$n" "$OUT/tw-$n.json" "$TODAY"
done

# Taskwarrior on the same 10,000 tasks, in a private data directory.
export TASKRC="$OUT/taskrc" TASKDATA="$OUT/taskdata"
mkdir -p "$TASKDATA"
printf 'data.location=%s\nconfirmation=off\nverbose=nothing\nnews.version=2.6.2\n' "$TASKDATA" > "$TASKRC"
task import "$OUT/tw-10000.json" >/dev/null 2>&1
echo "taskwarrior tasks: $(task count 2>/dev/null)"

run() { hyperfine --shell=none --warmup 3 --runs "${RUNS:-30}" --export-json "$OUT/$1.json" "${@:2}" >/dev/null; }
run tasks-overdue-10k "$ITA tasks --overdue --db $OUT/ita-10000.sqlite --today $TODAY"
run status-10k "$ITA status --db $OUT/ita-10000.sqlite --today $TODAY"
run tasks-overdue-50k "$ITA tasks --overdue --db $OUT/ita-50000.sqlite --today $TODAY"
run status-50k "$ITA status --db $OUT/ita-50000.sqlite --today $TODAY"
run tw-overdue-10k "task +OVERDUE list"
run tw-summary-10k "task summary"

python3 - "$OUT" <<'PY'
import json, sys, os
out = sys.argv[1]
def ms(name):
    r = json.load(open(os.path.join(out, name + ".json")))["results"][0]
    return r["mean"] * 1000, r["median"] * 1000, r["stddev"] * 1000
rows = [("ita tasks --overdue", "tasks-overdue-10k", "tw-overdue-10k", "task +OVERDUE list"),
        ("ita status", "status-10k", "tw-summary-10k", "task summary")]
lines = ["| command | tasks | median ms | mean ± sd ms | Taskwarrior peer | peer median ms | speed-up |", "|---|---|---|---|---|---|---|"]
for label, ours, peer, peer_label in rows:
    m, med, sd = ms(ours); pm, pmed, psd = ms(peer)
    lines.append(f"| {label} | 10,000 | {med:.1f} | {m:.1f} ± {sd:.1f} | {peer_label} | {pmed:.1f} | {pmed / med:.1f}× |")
for label, ours in [("ita tasks --overdue", "tasks-overdue-50k"), ("ita status", "status-50k")]:
    m, med, sd = ms(ours)
    lines.append(f"| {label} | 50,000 | {med:.1f} | {m:.1f} ± {sd:.1f} | | | |")
text = "\n".join(lines)
open(os.path.join(out, "results.md"), "w").write(text + "\n")
print(text)
PY

# The same comparisons interleaved: each round runs ita and its Taskwarrior peer back to back (in
# turn first), so the machine's drift over a run (seen here: the same binary 19-25 ms from minute to
# minute) falls on both. The speed-up is the median of the rounds' ratios.
python3 - "$OUT" "${PAIRS:-100}" "$ITA" "$TODAY" <<'PY'
import os, statistics, sys, time
out, rounds, ita, today = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
db = os.path.join(out, "ita-10000.sqlite")
pairs = [("ita tasks --overdue", [ita, "tasks", "--overdue", "--db", db, "--today", today], "task +OVERDUE list", ["task", "+OVERDUE", "list"]),
         ("ita status", [ita, "status", "--db", db, "--today", today], "task summary", ["task", "summary"])]
null = os.open(os.devnull, os.O_WRONLY)
def once(argv):
    start = time.perf_counter_ns()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, null, 1), (os.POSIX_SPAWN_DUP2, null, 2)])
    os.waitpid(pid, 0)
    return (time.perf_counter_ns() - start) / 1e6
lines = ["", f"Interleaved, {rounds} rounds (ita and its peer back to back, each first in turn; 10,000 tasks):", "",
         "| command | median ms | Taskwarrior peer | median ms | speed-up: median of the rounds (p10–p90) |", "|---|---|---|---|---|"]
for label, ours, peer_label, peer in pairs:
    for _ in range(3): once(ours); once(peer)
    a, b, ratios = [], [], []
    for i in range(rounds):
        x, y = (once(ours), once(peer)) if i % 2 == 0 else tuple(reversed((once(peer), once(ours))))
        a.append(x); b.append(y); ratios.append(y / x)
    ratios.sort()
    lines.append(f"| {label} | {statistics.median(a):.1f} | {peer_label} | {statistics.median(b):.1f} | "
                 f"{statistics.median(ratios):.1f}× ({ratios[len(ratios) // 10]:.1f}–{ratios[9 * len(ratios) // 10]:.1f}×) |")
text = "\n".join(lines)
open(os.path.join(out, "results.md"), "a").write(text + "\n")
print(text)
PY
