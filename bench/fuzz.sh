#!/usr/bin/env bash
# Deterministic mutation fuzzer over framework, committee, theme and config files (bench/fuzz.py).
# FUZZ_CASES (default 1200) and FUZZ_SEED (default 2570) choose the run; the figures go to bench/out/fuzz.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d /opt/swift/usr/bin ]; then export PATH="/opt/swift/usr/bin:$PATH"; fi
swift build >/dev/null
mkdir -p bench/out
python3 bench/fuzz.py 2> bench/out/fuzz-details.txt | tee bench/out/fuzz.txt
