#!/usr/bin/env bash
# Benchmark: the PostgreSQL server side at ministry scale — 8,317 offices × 120 tasks (about 1,000,000
# tasks) in one database with row-level security on, in a throwaway cluster (scripts/pg-cluster).
# Measures, as the roles that would run them:
#   - an office member reading their office's tasks, members and assessment (what a dashboard's first
#     load and `ita status` fetch), through RLS;
#   - a ministry viewer's roll-up query over every office (counts by status, overdue per office);
#   - from one member's committed change to another member's connection receiving the NOTIFY.
# Not a test: it measures and reports (bench/out/server.md), it asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d /opt/swift/usr/bin ]; then export PATH="/opt/swift/usr/bin:$PATH"; fi
dpkg -s postgresql >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql libpq-dev; }
python3 -c "import psycopg2" 2>/dev/null || python3 -m pip install -q psycopg2-binary 2>/dev/null || python3 -m pip install -q --break-system-packages psycopg2-binary
OFFICES=${OFFICES:-8317}; TASKS=${TASKS:-120}
swift build --product ita >/dev/null
ITA="$PWD/.build/debug/ita"
OUT="$PWD/bench/out"; mkdir -p "$OUT"
dir=$(mktemp -d /tmp/ita-pg-bench.XXXXXX)
trap 'scripts/pg-cluster stop "$dir"' EXIT
# A server set up as a ministry's would be: durable commits, the office tables in shared buffers.
admin=$(PG_OPTS="-c shared_buffers=1GB -c work_mem=16MB -c fsync=on -c synchronous_commit=on -c full_page_writes=on" scripts/pg-cluster start "$dir")
psql "$admin" -qc "CREATE DATABASE ita_bench"
db="${admin/dbname=postgres/dbname=ita_bench}"
"$ITA" admin setup --db "$db" >/dev/null
"$ITA" admin add-office OFF00001 --name "สำนักงานทดสอบ 1" --db "$db" >/dev/null
"$ITA" admin add-member bench_a --office OFF00001 --name "สมหญิง ทดสอบ" --role chair --db "$db" >/dev/null
"$ITA" admin add-member bench_b --office OFF00001 --name "สมชาย ทดสอบ" --role owner --db "$db" >/dev/null
"$ITA" admin add-viewer bench_ministry --all --db "$db" >/dev/null

start=$(date +%s.%N)
# The other offices, their members (mapped, as roles would be) and everyone's tasks. Triggers are off
# while loading (replica mode) and the numbering counters are set after, as an import would leave them.
psql "$db" -q <<SQL
SET session_replication_role = replica;
INSERT INTO ita.office (code, name) SELECT format('OFF%s', lpad(n::text, 5, '0')), format('สำนักงาน %s', n)
  FROM generate_series(2, $OFFICES) n;
INSERT INTO ita.office_role (office, role_name, kind)
  SELECT format('OFF%s', lpad(n::text, 5, '0')), format('m%s_%s', n, k), 'member' FROM generate_series(2, $OFFICES) n, generate_series(1, 3) k;
INSERT INTO ita.member (office, id, login, name, role)
  SELECT format('OFF%s', lpad(n::text, 5, '0')), k, format('m%s_%s', n, k), format('สมาชิก %s', k), 'owner'
  FROM generate_series(2, $OFFICES) n, generate_series(1, 3) k;
INSERT INTO ita.assessment (office, organisation, fiscal_year, framework_id, framework_json, target_grade, indicator_target, process_json, created_on)
  SELECT code, name, 2570, 'fy2569', '{}', 'A', 85, '{}', '2026-10-01' FROM ita.office;
INSERT INTO ita.task (office, id, title, target_kind, target, indicator, owner_id, due, status, updated_at)
  SELECT format('OFF%s', lpad(n::text, 5, '0')), t, format('รวบรวมและเผยแพร่ข้อมูล O%s รอบที่ %s', t % 43 + 1, t), 'item',
         format('O%s', t % 43 + 1), 9, CASE WHEN n = 1 THEN 1 + t % 2 ELSE 1 + t % 3 END,
         date '2026-10-01' + (t * 3 + n % 17), (ARRAY['todo','in_progress','done','blocked'])[1 + (t + n) % 4], now()
  FROM generate_series(1, $OFFICES) n, generate_series(1, $TASKS) t;
INSERT INTO ita.office_counter (office, name, next) SELECT office, 'task', max(id) + 1 FROM ita.task GROUP BY office
  ON CONFLICT (office, name) DO UPDATE SET next = excluded.next;
ANALYZE;
SQL
load=$(python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')")
tasks=$(psql "$db" -Atc "SELECT count(*) FROM ita.task")

# pgbench as each role, one client, 10 s each; latencies per transaction from its log.
cat > "$dir/office.sql" <<'SQL'
SELECT * FROM ita.task WHERE archived_at IS NULL ORDER BY due;
SELECT * FROM ita.member;
SELECT * FROM ita.assessment;
SQL
cat > "$dir/status.sql" <<'SQL'
SELECT status, count(*), count(*) FILTER (WHERE due < date '2027-01-15' AND status <> 'done') FROM ita.task GROUP BY status;
SQL
cat > "$dir/rollup.sql" <<'SQL'
SELECT office, count(*) FILTER (WHERE status = 'done') AS done, count(*) AS total,
       count(*) FILTER (WHERE due < date '2027-01-15' AND status <> 'done') AS overdue
FROM ita.task GROUP BY office;
SQL
bench() {  # name role script seconds
  rm -f "$dir"/pgbench_log.*
  (cd "$dir" && pgbench -n -c 1 -T "$4" -f "$3" -l "${db/user=postgres/user=$2}" >/dev/null 2>&1)
  python3 - "$1" "$dir" <<'PY'
import glob, sys
lat = sorted(int(line.split()[2]) / 1000 for f in glob.glob(sys.argv[2] + "/pgbench_log.*") for line in open(f))
q = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))]
print(f"| {sys.argv[1]} | {len(lat)} | {q(0.5):.2f} | {q(0.99):.2f} |")
PY
}
{
  echo "| query (role) | runs | p50 ms | p99 ms |"
  echo "|---|---|---|---|"
  bench "an office's tasks, members, assessment (member, RLS)" bench_a "$dir/office.sql" 10
  bench "an office's status counts (member, RLS)" bench_a "$dir/status.sql" 10
  bench "roll-up counts over every office (ministry viewer, RLS)" bench_ministry "$dir/rollup.sql" 10
} > "$dir/queries.md"

# From a committed change by one member to the NOTIFY at another member's connection.
python3 - "$db" > "$dir/notify.md" <<'PY'
import psycopg2, select, sys, time
db = sys.argv[1]
listener = psycopg2.connect(db.replace("user=postgres", "user=bench_a")); listener.autocommit = True
writer = psycopg2.connect(db.replace("user=postgres", "user=bench_b")); writer.autocommit = True
listener.cursor().execute('LISTEN "ita_OFF00001"')
samples = []
for i in range(300):
    t0 = time.perf_counter()
    writer.cursor().execute("UPDATE ita.task SET note = %s WHERE id = %s", (f"รอบ {i}", 1 + i % 120))
    while True:
        if select.select([listener], [], [], 2) == ([], [], []): raise SystemExit("no notification within 2 s")
        listener.poll()
        if listener.notifies:
            listener.notifies.clear(); break
    samples.append((time.perf_counter() - t0) * 1000)
samples.sort()
q = lambda p: samples[min(len(samples) - 1, int(p * len(samples)))]
print(f"| a change (UPDATE, audit trigger, commit) → NOTIFY at another member | {len(samples)} | {q(0.5):.2f} | {q(0.99):.2f} |")
PY

{
  echo "PostgreSQL $(psql "$db" -Atc 'SHOW server_version'), $OFFICES offices × $TASKS tasks = $tasks tasks, row-level security on; loaded in $load s."
  echo
  cat "$dir/queries.md"
  cat "$dir/notify.md"
} > "$OUT/server.md"
cat "$OUT/server.md"
