#!/usr/bin/env python3
"""Fill an ITA Board database (made by `ita init` from the sample data) with N generated tasks, and
write the same tasks as a Taskwarrior import file, so both tools work on identical data.

usage: generate.py DB N TASKWARRIOR_JSON TODAY
"""
import hashlib, json, random, sqlite3, sys
from datetime import date, timedelta


def chain_hash(previous, values):
    """The audit log's hash chain, as Store+Integrity computes it (so `ita verify` accepts the rows)."""
    h = hashlib.sha256(previous.encode())
    for v in values:
        if v is None: text = "n"
        elif isinstance(v, int): text = f"i{v}"
        else: text = f"s{len(v.encode())}:{v}"
        h.update((text + "\x1f").encode())
    return h.hexdigest()

db_path, count, tw_path, today_text = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
today = date.fromisoformat(today_text)
rng = random.Random(count)
db = sqlite3.connect(db_path)
items = [(row[0], row[1]) for row in db.execute("SELECT target, member_id FROM owner WHERE target_kind = 'item'")]
framework = json.loads(db.execute("SELECT framework_json FROM assessment").fetchone()[0])
indicator_of = {item["code"]: ind["number"] for ind in framework["indicators"] for sub in ind["subIndicators"] for item in sub["items"]}
members = [row[0] for row in db.execute("SELECT id FROM member")]
logins = dict(db.execute("SELECT id, login FROM member").fetchall())
db.execute("DELETE FROM task")
rows, tw = [], []
for i in range(1, count + 1):
    code, owner = rng.choice(items)
    if rng.random() < 0.3:
        owner = rng.choice(members)
    due = today + timedelta(days=rng.randint(-90, 180))
    r = rng.random()
    status = "done" if (due < today and r < 0.7) or r < 0.2 else ("in_progress" if r < 0.45 else ("blocked" if r < 0.48 else "todo"))
    evidence = json.dumps([f"https://bench.example.go.th/{code.lower()}/{i}"]) if status == "done" else "[]"
    title = f"งานที่ {i} เตรียมข้อมูล {code} สำหรับเผยแพร่บนเว็บไซต์"
    rows.append((i, title, "item", code, indicator_of[code], owner, due.isoformat(), status,
                 "รอข้อมูล" if status == "blocked" else None, evidence, "", "A1",
                 owner if status == "done" else None, (due.isoformat() + "T16:00:00+07:00") if status == "done" else None,
                 today.isoformat() + "T09:00:00+07:00"))
    entry = {"description": title, "project": code, "due": due.strftime("%Y%m%dT000000Z"),
             "status": "completed" if status == "done" else "pending", "entry": "20261001T000000Z",
             "uuid": f"00000000-0000-4000-8000-{i:012d}", "tags": [logins[owner]]}
    if status == "done":
        entry["end"] = due.strftime("%Y%m%dT160000Z")
    tw.append(entry)
db.executemany("INSERT INTO task (id, title, target_kind, target, indicator, owner_id, due, status, blocked_reason, evidence, "
               "note, phase, done_by, done_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
# Each task's creation, audited like `ita init` does, so the generated database verifies.
last = db.execute("SELECT id, chain, change_id FROM audit ORDER BY id DESC LIMIT 1").fetchone()
next_id, previous, change = (last[0] + 1, last[1], last[2] + 1) if last else (1, "", 1)
at = today.isoformat() + "T09:00:00+07:00"
epoch = int((date.fromisoformat(today.isoformat()) - date(1970, 1, 1)).total_seconds()) + 2 * 3600
audit = []
for r in rows:
    state = {"blocked_reason": r[8], "done_at": r[13], "done_by": None if r[12] is None else str(r[12]),
             "evidence": r[9], "note": r[10], "status": r[7], "title": r[1], "target": r[3], "owner_id": str(r[5]),
             "due": r[6], "phase": r[11], "recurs": None, "plan_key": None, "archived_at": None, "archive_reason": None}
    values = [next_id, change, at, epoch, "bench", None, "create", "task", str(r[0]), "*", None,
              json.dumps(state, ensure_ascii=False, sort_keys=True, separators=(",", ":")), None]
    previous = chain_hash(previous, values)
    audit.append(values + [previous])
    next_id += 1
db.executemany("INSERT INTO audit (id, change_id, at, at_epoch, os_login, member_id, action, entity, entity_key, field, old_value, "
               "new_value, undoes, chain) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", audit)
db.commit()
db.execute("VACUUM")
with open(tw_path, "w") as f:
    for entry in tw:
        f.write(json.dumps(entry, ensure_ascii=False) + "\n")
print(f"{count} tasks: {sum(1 for r in rows if r[7] != 'done' and r[6] < today.isoformat())} overdue")
