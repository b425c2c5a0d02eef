#!/usr/bin/env bash
# Benchmark: the PostgreSQL backend at ministry scale — 8,317 offices × 120 tasks (about 1,000,000 tasks)
# in one database with row-level security on, in a throwaway cluster (scripts/pg-cluster), with the
# real `ita` (release build, Swift runtime linked statically, as README recommends):
#   - `ita status` and `ita tasks --overdue` for one office, as its chair (their own role, through RLS);
#   - the office's dashboard: first frame, and a change made by another member (`ita done` as the
#     secretary's role) until it is drawn (bench/server_dashboard.py, in tmux);
#   - `ita rollup` as a ministry viewer over every office.
# Office OFF00001 is the demo committee moved in with `ita admin import-office`; the others are copies of
# it (their own members, dates and statuses), loaded by SQL with the triggers off, as an import leaves them.
# Not a test: it measures and reports (bench/out/server.md), it asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d /opt/swift/usr/bin ]; then export PATH="/opt/swift/usr/bin:$PATH"; fi
need=""
dpkg -s postgresql >/dev/null 2>&1 || need="$need postgresql libpq-dev"
command -v tmux >/dev/null || need="$need tmux"
if [ -n "$need" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need; fi
OFFICES=${OFFICES:-8317}; TASKS=${TASKS:-120}; RUNS=${RUNS:-30}; CHANGES=${CHANGES:-100}
# LOAD_ONLY=1 loads the data and measures nothing (with KEEP=1: a server to look into).
swift build -c release --product ita --static-swift-stdlib --scratch-path .build-static >/dev/null
ITA="$PWD/.build-static/release/ita"
export TZ=Asia/Bangkok
OUT="$PWD/bench/out"; mkdir -p "$OUT"
dir=$(mktemp -d /tmp/ita-pg-bench.XXXXXX)
# KEEP=1 leaves the cluster running after the run (to look into it; stop it with scripts/pg-cluster stop DIR).
if [ -n "${KEEP:-}" ]; then trap 'echo "cluster left running in $dir"' EXIT
else trap 'tmux -L ita-server-bench kill-server 2>/dev/null || true; scripts/pg-cluster stop "$dir"' EXIT; fi
# A server set up as a ministry's would be: durable commits, the office tables in shared buffers.
admin=$(PG_OPTS="-c shared_buffers=1GB -c work_mem=32MB -c fsync=on -c synchronous_commit=on -c full_page_writes=on" scripts/pg-cluster start "$dir")
psql "$admin" -qc "CREATE DATABASE ita_bench"
db="${admin/dbname=postgres/dbname=ita_bench}"
as() { echo "${db/user=postgres/user=$1}"; }
"$ITA" admin setup --db "$db" >/dev/null
"$ITA" demo --db "$dir/demo.sqlite" >/dev/null 2>&1
"$ITA" admin import-office "$dir/demo.sqlite" --office OFF00001 --db "$db" >/dev/null
"$ITA" admin add-viewer bench_ministry --all --db "$db" >/dev/null
chair=$(sqlite3 "$dir/demo.sqlite" "SELECT login FROM member WHERE role = 'chair' LIMIT 1")
secretary=$(sqlite3 "$dir/demo.sqlite" "SELECT login FROM member WHERE role = 'secretary' LIMIT 1")

start=$(date +%s.%N)
psql "$db" -q <<SQL
SET session_replication_role = replica;
CREATE TEMP TABLE src AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, * FROM ita.task WHERE office = 'OFF00001';
-- OFF00001 grows to $TASKS tasks: a second round of its own work, a week later.
INSERT INTO ita.task (office, id, title, target_kind, target, indicator, owner_id, due, status, evidence, note, phase, updated_at)
  SELECT 'OFF00001', t, s.title || ' (รอบ 2)', s.target_kind, s.target, s.indicator, s.owner_id, s.due + 7, 'todo', '[]', '', s.phase, now()
  FROM generate_series((SELECT count(*) FROM src) + 1, $TASKS) t JOIN src s ON s.k = (t - 1) % (SELECT count(*) FROM src);
INSERT INTO ita.office (code, name) SELECT format('OFF%s', lpad(n::text, 5, '0')), format('สำนักงานเขตพื้นที่การศึกษา %s (สมมติ)', n)
  FROM generate_series(2, $OFFICES) n;
INSERT INTO ita.assessment (office, organisation, fiscal_year, framework_id, framework_json, target_grade, indicator_target, process_json,
                            created_on, meeting_weekday, website)
  SELECT o.code, o.name, a.fiscal_year, a.framework_id, a.framework_json, a.target_grade, a.indicator_target, a.process_json,
         a.created_on, a.meeting_weekday, a.website
  FROM ita.office o CROSS JOIN ita.assessment a WHERE a.office = 'OFF00001' AND o.code <> 'OFF00001';
INSERT INTO ita.last_year_score SELECT o.code, s.indicator, s.score - (hashtext(o.code) % 5) FROM ita.office o, ita.last_year_score s
  WHERE s.office = 'OFF00001' AND o.code <> 'OFF00001';
INSERT INTO ita.estimate SELECT o.code, s.tool, s.score FROM ita.office o, ita.estimate s WHERE s.office = 'OFF00001' AND o.code <> 'OFF00001';
INSERT INTO ita.respondents SELECT o.code, s.tool, s.quota, abs(hashtext(o.code || s.tool)) % (s.quota + 1) FROM ita.office o, ita.respondents s
  WHERE s.office = 'OFF00001' AND o.code <> 'OFF00001';
INSERT INTO ita.milestone SELECT o.code, s.key, s.position, s.title_th, s.title_en, s.starts, s.due, s.reminders, s.covers
  FROM ita.office o, ita.milestone s WHERE s.office = 'OFF00001' AND o.code <> 'OFF00001';
INSERT INTO ita.holiday SELECT o.code, s.date, s.name FROM ita.office o, ita.holiday s WHERE s.office = 'OFF00001' AND o.code <> 'OFF00001';
INSERT INTO ita.office_role (office, role_name, kind)
  SELECT format('OFF%s', lpad(n::text, 5, '0')), format('m%s_%s', n, k), 'member' FROM generate_series(2, $OFFICES) n, generate_series(1, 3) k;
INSERT INTO ita.member (office, id, login, name, role)
  SELECT format('OFF%s', lpad(n::text, 5, '0')), k, format('m%s_%s', n, k), format('สมาชิก %s', k), CASE k WHEN 1 THEN 'chair' ELSE 'owner' END
  FROM generate_series(2, $OFFICES) n, generate_series(1, 3) k;
INSERT INTO ita.task (office, id, title, target_kind, target, indicator, owner_id, due, status, blocked_reason, evidence, note, phase,
                      done_by, done_at, updated_at)
  SELECT format('OFF%s', lpad(n::text, 5, '0')), t, s.title, s.target_kind, s.target, s.indicator, 1 + t % 3,
         s.due + ((n * 7 + t) % 21 - 10), CASE WHEN (n + t) % 5 = 0 THEN 'done' ELSE s.status END, s.blocked_reason,
         CASE WHEN (n + t) % 5 = 0 THEN '["https://example.go.th/ita/o.pdf"]'::jsonb ELSE s.evidence END, s.note, s.phase,
         CASE WHEN (n + t) % 5 = 0 OR s.status = 'done' THEN 1 END, CASE WHEN (n + t) % 5 = 0 OR s.status = 'done' THEN now() END, now()
  FROM generate_series(2, $OFFICES) n CROSS JOIN generate_series(1, $TASKS) t JOIN src s ON s.k = (t - 1) % (SELECT count(*) FROM src);
INSERT INTO ita.office_counter (office, name, next) SELECT office, 'task', max(id) + 1 FROM ita.task GROUP BY office
  ON CONFLICT (office, name) DO UPDATE SET next = excluded.next;
INSERT INTO ita.office_counter (office, name, next) SELECT office, 'member', max(id) + 1 FROM ita.member GROUP BY office
  ON CONFLICT (office, name) DO UPDATE SET next = excluded.next;
-- The tallies the task trigger keeps (it was off while loading).
INSERT INTO ita.office_tally SELECT code, ita.office_tally_text(code) FROM ita.office ON CONFLICT (office) DO UPDATE SET tallies = excluded.tallies;
SQL
# One of the copied offices' chairs logs in too (the others' roles are never used, so not made).
mid=$((OFFICES / 2)); other=$(printf 'OFF%05d' "$mid")
psql "$db" -qc "CREATE ROLE m${mid}_1 LOGIN" -c "GRANT ita_member TO m${mid}_1"
psql "$db" -qc "VACUUM ANALYZE"
load=$(python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')")
tasks=$(psql "$db" -Atc "SELECT count(*) FROM ita.task")
offices=$(psql "$db" -Atc "SELECT count(*) FROM ita.office")

if [ -n "${LOAD_ONLY:-}" ]; then echo "loaded $tasks tasks of $offices offices in $load s: $db"; exit 0; fi

# Wall time of a command, RUNS times after a warm-up: median and p99 (nearest rank), ms.
timed() {  # label runs command…
  python3 - "$@" <<'PY'
import subprocess, sys, time
label, runs, cmd = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
subprocess.run(cmd, capture_output=True, check=True)
samples = []
for _ in range(runs):
    t0 = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=True)
    samples.append((time.perf_counter() - t0) * 1000)
samples.sort()
q = lambda p: samples[min(len(samples) - 1, int(round(p * (len(samples) - 1))))]
print(f"| {label} | {runs} | {q(0.5):.1f} | {q(0.99):.1f} |")
PY
}
{
  echo "| what (as whom) | runs | p50 ms | p99 ms |"
  echo "|---|---|---|---|"
  timed "\`ita status\`, office OFF00001 (its chair)" "$RUNS" "$ITA" status --db "$(as "$chair")"
  timed "\`ita status\`, office $other (its chair)" "$RUNS" "$ITA" status --db "$(as "m${mid}_1")"
  timed "\`ita tasks --overdue\`, office OFF00001 (its chair)" "$RUNS" "$ITA" tasks --overdue --db "$(as "$chair")"
  timed "\`ita rollup\`, every office (a ministry viewer)" 10 "$ITA" rollup --db "$(as bench_ministry)"
  timed "\`ita rollup --json\`, every office (a ministry viewer)" 10 "$ITA" rollup --json --db "$(as bench_ministry)"
  python3 bench/server_dashboard.py "$ITA" "$(as "$chair")" "$(as "$secretary")" "$dir" 10 "$CHANGES"
} > "$dir/results.md"

{
  echo "PostgreSQL $(psql "$db" -Atc 'SHOW server_version'), $offices offices, $tasks tasks, row-level security on; loaded in $load s."
  echo "ita: $(git rev-parse --short HEAD), release build with the Swift runtime linked statically; TZ=$TZ; $(nproc) cores."
  echo
  cat "$dir/results.md"
} > "$OUT/server.md"
cat "$OUT/server.md"
