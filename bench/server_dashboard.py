#!/usr/bin/env python3
"""The dashboard on an office on a PostgreSQL server, in a private tmux server: the first frame, and
how long a change made by another member (`ita done N` as their own role) takes to be drawn.
Called by bench/server.sh, which builds ita and loads the server; prints Markdown table rows.

usage: server_dashboard.py ITA WATCHER_CONNINFO OTHER_CONNINFO OUT_DIR RUNS CHANGES
"""
import json, os, random, shlex, subprocess, sys, time

ita, watcher, other, out, runs, count = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6])
SOCKET = "ita-server-bench"


def tmux(*args, check=True):
    done = subprocess.run(["tmux", "-L", SOCKET, "-f", "/dev/null", *args], capture_output=True, text=True)
    if check and done.returncode != 0:
        raise SystemExit(f"tmux {' '.join(args[:2])}: {done.stderr.strip()}")
    return done.stdout


def kill():
    tmux("kill-server", check=False)
    # The server is gone before the next one starts on the same socket.
    deadline = time.time() + 5
    while subprocess.run(["tmux", "-L", SOCKET, "-f", "/dev/null", "list-sessions"], capture_output=True).returncode == 0 and time.time() < deadline:
        time.sleep(0.02)


def ready(screen):
    lines = screen.splitlines()
    return len(lines) >= 38 and "ITA Board" in lines[0] and any(" #" in l for l in lines[4:10])


def command(log):
    return f"env ITA_BENCH_LOG={log} TZ=Asia/Bangkok {ita} --db {shlex.quote(watcher)} --screen all"


def log_lines(log):
    return [l.split() for l in open(log)] if os.path.exists(log) else []


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else float("nan")


# First frame: start of the pane's command → first capture showing the list; and by ita's own clock,
# the wall time of its first doupdate against the moment the pane was started.
wall_ms, inproc_ms = [], []
for i in range(runs):
    log = f"{out}/server-ff-{i}.log"
    if os.path.exists(log):
        os.remove(log)
    kill()
    start, epoch = time.perf_counter(), time.time_ns()
    tmux("new-session", "-d", "-x", "120", "-y", "40", command(log) + "; sleep 600")
    while not ready(tmux("capture-pane", "-p", check=False)):
        if time.perf_counter() - start > 30:
            raise SystemExit("the dashboard did not start:\n" + tmux("capture-pane", "-p", check=False))
        time.sleep(0.002)
    wall_ms.append((time.perf_counter() - start) * 1000)
    tmux("send-keys", "q")
    deadline = time.time() + 10
    while not any(p[0] == "first_frame_epoch_ns" for p in log_lines(log)) and time.time() < deadline:
        time.sleep(0.02)
    frames = [int(p[1]) for p in log_lines(log) if p[0] == "first_frame_epoch_ns"]
    if frames:
        inproc_ms.append((frames[0] - epoch) / 1e6)
kill()

# A change by another member: from the start (upper bound) and the end (lower bound) of their `ita done`
# to the dashboard's frame after the reload that shows it (reload_frame_epoch_ns), at random phases.
log = f"{out}/server-visible.log"
if os.path.exists(log):
    os.remove(log)
tmux("new-session", "-d", "-x", "120", "-y", "40", command(log) + "; sleep 600")
while not ready(tmux("capture-pane", "-p", check=False)):
    time.sleep(0.01)
time.sleep(1.0)
tasks = json.loads(subprocess.run([ita, "--db", other, "tasks", "--json"], capture_output=True, text=True, check=True).stdout)
ids = [t["id"] for t in tasks if t["status"] != "done"][:count]
rng = random.Random(7)
changes = []
for task_id in ids:
    time.sleep(0.35 + rng.random() * 0.4)
    start = time.time_ns()
    subprocess.run([ita, "--db", other, "done", str(task_id)], capture_output=True, check=True)
    changes.append((start, time.time_ns()))
time.sleep(1.0)
tmux("send-keys", "q")
time.sleep(1.0)
kill()
frames = sorted(int(p[1]) for p in log_lines(log) if p[0] == "reload_frame_epoch_ns")
upper, lower = [], []
for i, (start, end) in enumerate(changes):
    until = changes[i + 1][0] if i + 1 < len(changes) else float("inf")
    frame = next((f for f in frames if start < f < until), None)
    if frame is not None:
        upper.append((frame - start) / 1e6)
        lower.append(max(0, frame - end) / 1e6)

print(f"| dashboard first frame, 120×40 (pane start → list on screen) | {runs} | {pct(wall_ms, 50):.0f} | {pct(wall_ms, 99):.0f} |")
if inproc_ms:
    print(f"| dashboard first frame (pane start → ita's first doupdate, by its clock) | {len(inproc_ms)} | {pct(inproc_ms, 50):.0f} | {pct(inproc_ms, 99):.0f} |")
print(f"| another member's `ita done` → drawn, from the end of `ita done` ({len(upper)} of {len(changes)} drawn) | {len(lower)} | {pct(lower, 50):.0f} | {pct(lower, 99):.0f} |")
print(f"| … from the start of `ita done` (includes that process's own run) | {len(upper)} | {pct(upper, 50):.0f} | {pct(upper, 99):.0f} |")
