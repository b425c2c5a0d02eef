#!/usr/bin/env bash
# Benchmark of the dashboard (issue 3): time from process start to the first full frame in a
# 120×40 tmux pane on 10,000 and 50,000 tasks, side by side with vit 2.2 (a terminal UI over
# Taskwarrior) on the same 10,000 tasks; keypress-to-frame latency measured inside ita (p50/p99
# over 1,000 moves and 100 ticks); peak memory. Release build, Swift runtime linked statically.
# Writes bench/out/dashboard.md. Not a test: it measures and reports, it asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d /opt/swift/usr/bin ]; then export PATH="/opt/swift/usr/bin:$PATH"; fi
for pkg in taskwarrior vit tmux time; do
  dpkg -s "$pkg" >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg"; }
done

swift build -c release --product ita --static-swift-stdlib --scratch-path .build-static >/dev/null
ITA="$PWD/.build-static/release/ita"
OUT="$PWD/bench/out/dashboard"
rm -rf "$OUT" && mkdir -p "$OUT"
TODAY=$(date +%F)
export TZ=Asia/Bangkok

# The chair's login becomes this machine's login, so the benchmark may tick any task.
sed "s/\bpimchanok\b/$(id -un)/g" sample-data/committee-fy2566-example.yaml > "$OUT/committee.yaml"
# VISIBLE_ONLY=1 measures only a change made elsewhere, on the SIZES it names.
MAKE="10000 50000 ${EXTRA_SIZES:-}"
if [ -n "${VISIBLE_ONLY:-}" ]; then MAKE="${SIZES:-50000}"; fi
for n in $MAKE; do
  "$ITA" init --framework sample-data/frameworks/fy2566.yaml --committee "$OUT/committee.yaml" \
    --db "$OUT/ita-$n.sqlite" --today "$TODAY" >/dev/null
  python3 bench/generate.py "$OUT/ita-$n.sqlite" "$n" "$OUT/tw-$n.json" "$TODAY"
done

export TASKRC="$OUT/taskrc" TASKDATA="$OUT/taskdata" VIT_DIR="$OUT/vit"
mkdir -p "$TASKDATA" "$VIT_DIR" && touch "$VIT_DIR/config.ini"
printf 'data.location=%s\nconfirmation=off\nverbose=nothing\nnews.version=2.6.2\n' "$TASKDATA" > "$TASKRC"
[ -n "${VISIBLE_ONLY:-}" ] || task import "$OUT/tw-10000.json" >/dev/null 2>&1

python3 bench/dashboard.py "$ITA" "$OUT" "${RUNS:-10}"
