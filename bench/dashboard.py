#!/usr/bin/env python3
"""Drives ita and vit in private tmux servers and reports first-frame time, keypress latency
and peak memory. Called by bench/dashboard.sh, which builds and prepares the data.

usage: dashboard.py ITA_BINARY OUT_DIR RUNS
"""
import os, statistics, subprocess, sys, time

ita, out, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
SOCKET = "ita-bench"


def tmux(*args, check=True):
    return subprocess.run(["tmux", "-L", SOCKET, "-f", "/dev/null", *args], capture_output=True, text=True, check=check).stdout


def kill():
    tmux("kill-server", check=False)


def first_frame(command, ready):
    """Seconds from starting the pane's command to the first capture that satisfies `ready`."""
    kill()
    start = time.perf_counter()
    wall = time.time_ns()
    tmux("new-session", "-d", "-x", "120", "-y", "40", command)
    while True:
        screen = tmux("capture-pane", "-p", check=False)
        if ready(screen):
            elapsed = time.perf_counter() - start
            break
        if time.perf_counter() - start > 30:
            raise SystemExit("timed out; last screen:\n" + screen)
        time.sleep(0.002)
    kill()
    return elapsed, wall


def ita_command(db, log, extra=""):
    return f"env ITA_BENCH_LOG={log} {ita} --db {db} --screen all {extra}"


def ita_ready(screen):
    lines = screen.splitlines()
    # The list is drawn: the header row and the hint bar are both on screen.
    return len(lines) >= 38 and "ITA Board" in lines[0] and any(" #" in l for l in lines[4:10])


def vit_ready(screen):
    return "tasks shown" in screen and sum(1 for l in screen.splitlines() if "งานที่" in l) >= 20


def frame_stats(name, command, ready, log=None):
    samples, inproc = [], []
    for _ in range(runs):
        elapsed, wall = first_frame(command, ready)
        samples.append(elapsed * 1000)
        if log and os.path.exists(log):
            for line in open(log):
                if line.startswith("first_frame_epoch_ns"):
                    inproc.append((int(line.split()[1]) - wall) / 1e6)
    return name, statistics.median(samples), min(samples), max(samples), (statistics.median(inproc) if inproc else None)


def latency(db, label):
    """1,000 moves (j) and 100 ticks (space, then j to the next task) in one session; ita logs each key."""
    log = f"{out}/latency-{label}.log"
    mem = f"{out}/memory-{label}.txt"
    kill()
    tmux("new-session", "-d", "-x", "120", "-y", "40",
         f"/usr/bin/time -f %M -o {mem} env ITA_BENCH_LOG={log} {ita} --db {db} --screen all; sleep 600")
    deadline = time.time() + 30
    while not ita_ready(tmux("capture-pane", "-p", check=False)):
        if time.time() > deadline:
            raise SystemExit("dashboard did not start")
        time.sleep(0.01)
    for _ in range(20):
        tmux("send-keys", *(["j"] * 50))
        time.sleep(0.05)
    tmux("send-keys", "g")
    for _ in range(100):
        tmux("send-keys", "Space", "j")
        time.sleep(0.01)
    time.sleep(1)
    tmux("send-keys", "q")
    deadline = time.time() + 30
    while not (os.path.exists(mem) and os.path.getsize(mem) > 0):
        if time.time() > deadline:
            raise SystemExit("dashboard did not quit")
        time.sleep(0.05)
    kill()
    moves, ticks, writes = [], [], []
    for line in open(log):
        parts = line.split()
        if parts[0] == "store_write":
            writes.append(int(parts[1]) / 1e6)
        if parts[0] != "key":
            continue
        (ticks if parts[1] == "space" else moves).append(int(parts[2]) / 1e6)
    def pct(values, p):
        values = sorted(values)
        return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]
    peak = int(open(mem).read().split()[-1]) / 1024
    # The first 1,000 j presses are the moves; the j after each tick is a move too.
    return dict(moves=len(moves), ticks=len(ticks), move50=pct(moves, 50), move99=pct(moves, 99),
                tick50=pct(ticks, 50), tick99=pct(ticks, 99), write50=pct(writes, 50), write99=pct(writes, 99), peak=peak)


vit_env = f"env VIT_DIR={os.environ['VIT_DIR']} TASKRC={os.environ['TASKRC']} TASKDATA={os.environ['TASKDATA']}"
results = [
    frame_stats("vit 2.2 (Taskwarrior 2.6)", f"{vit_env} vit", vit_ready),
    frame_stats("ita", ita_command(f"{out}/ita-10000.sqlite", f"{out}/ff-10000.log"), ita_ready, f"{out}/ff-10000.log"),
]
ita50 = frame_stats("ita", ita_command(f"{out}/ita-50000.sqlite", f"{out}/ff-50000.log"), ita_ready, f"{out}/ff-50000.log")
lat10 = latency(f"{out}/ita-10000.sqlite", "10000")
lat50 = latency(f"{out}/ita-50000.sqlite", "50000")

lines = [f"First full frame in a 120×40 tmux pane, {runs} runs each (start of the pane command → first capture showing the list; "
         "in-process: start → end of ita's first doupdate, by ita's own clock):", "",
         "| program | tasks | median ms | min–max ms | in-process median ms |", "|---|---|---|---|---|"]
for (name, med, lo, hi, inproc), n in zip(results + [ita50], ["10,000", "10,000", "50,000"]):
    lines.append(f"| {name} | {n} | {med:.0f} | {lo:.0f}–{hi:.0f} | {'' if inproc is None else f'{inproc:.0f}'} |")
lines.append("")
lines.append(f"Speed-up at 10,000 tasks: {results[0][1] / results[1][1]:.1f}× (median vs median).")
lines += ["", "Keypress to frame inside ita (key read → frame written), and peak memory (max RSS, /usr/bin/time):", "",
          "| tasks | moves | move p50 ms | move p99 ms | ticks | tick p50 ms | tick p99 ms | of which store write p50 / p99 ms | peak MB |", "|---|---|---|---|---|---|---|---|---|"]
for n, l in [("10,000", lat10), ("50,000", lat50)]:
    lines.append(f"| {n} | {l['moves']} | {l['move50']:.2f} | {l['move99']:.2f} | {l['ticks']} | {l['tick50']:.2f} | {l['tick99']:.2f} | {l['write50']:.2f} / {l['write99']:.2f} | {l['peak']:.1f} |")
text = "\n".join(lines)
open(f"{out}/../dashboard.md", "w").write(text + "\n")
print(text)
