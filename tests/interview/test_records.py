"""Interviews in a real store: every answer saved as given, resumed after a crash, results kept."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app.cases.model import Person
from app.cases.repo import create_case
from app.interview import records
from app.store import audit
from app.store.store import open_store
from tests.conftest import STRONG_PASSWORD

from . import scenarios as S

ROOT = Path(__file__).resolve().parents[2]


def _start(new_store, flow, lang="th"):
    session, _ = new_store
    case = create_case(session, Person(alias="Nok", nationality="TH", languages=("th",)))
    return session, case, records.start_interview(session, case.id, flow, lang)


def _answer(session, flow, record, n):
    for _ in range(n):
        q = flow.current(record.state)
        flow.answer(record.state, q.id, S.fallback(q, "yes"))
        records.save_state(session, record)


def test_each_answer_is_saved_and_audited_without_content(new_store, flow, store_path):
    session, case, record = _start(new_store, flow)
    _answer(session, flow, record, 5)
    events = [r.event for r in audit.rows(session.conn)]
    assert events.count(audit.ANSWER_SAVED) == 5
    dump = json.dumps([tuple(r) for r in session.conn.execute("SELECT * FROM audit")])
    assert "safe_now" not in dump and '"yes"' not in dump and case.number in dump
    session.close()
    again = open_store(store_path, "admin", STRONG_PASSWORD)
    loaded = records.load_interview(again, record.id)
    assert loaded.state.answers == record.state.answers and len(loaded.state.answers) == 5
    assert flow.current(loaded.state).id == flow.current(record.state).id
    again.close()


CRASHER = r"""
import sys, os
sys.path.insert(0, {root!r})
from app.store.store import open_store
from app.interview import records
from app.interview.flow import Flow
from app.interview.load import load_bank
from tests.interview import scenarios as S
flow = Flow(load_bank())
s = open_store({path!r}, "admin", {pw!r})
rec = records.load_interview(s, {iid})
for _ in range(3):
    q = flow.current(rec.state)
    flow.answer(rec.state, q.id, S.fallback(q, "yes"))
    records.save_state(s, rec)
    print("saved", q.id, flush=True)
os._exit(9)  # die without closing, checkpointing or unlocking anything
"""


def test_answers_survive_a_crash(new_store, flow, store_path):
    session, case, record = _start(new_store, flow)
    _answer(session, flow, record, 2)
    session.close()
    code = CRASHER.format(root=str(ROOT), path=str(store_path), pw=STRONG_PASSWORD, iid=record.id)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 9, out.stderr
    saved = [line.split()[1] for line in out.stdout.splitlines() if line.startswith("saved")]
    assert len(saved) == 3
    assert os.path.getsize(f"{store_path}-wal") > 0  # the crash left the WAL un-checkpointed
    again = open_store(store_path, "admin", STRONG_PASSWORD)
    loaded = records.load_interview(again, record.id)
    assert set(saved) <= set(loaded.state.answers) and len(loaded.state.answers) == 5
    again.close()


def test_language_change_keeps_answers(new_store, flow):
    session, case, record = _start(new_store, flow, "th")
    _answer(session, flow, record, 3)
    before = dict(record.state.answers)
    record = records.change_language(session, record, "my")
    loaded = records.load_interview(session, record.id)
    assert loaded.person_language == "my" and loaded.state.answers == before
    assert [lang for _, lang in records.language_history(session, record.id)] == ["th", "my"]


def test_result_is_kept_with_its_versions_and_not_recomputed(new_store, flow):
    session, case, record = _start(new_store, flow)
    result = flow.screen(record.state)
    records.save_result(session, case.id, result, record.id)
    session.conn.execute("BEGIN")
    row = session.conn.execute("SELECT versions, result FROM screening_results").fetchone()
    session.conn.execute("COMMIT")
    versions = json.loads(row[0])
    assert versions["catalog"] == result.catalog_versions and versions["bank"] == result.bank_versions
    _when, loaded = records.latest_result(session, case.id)
    assert loaded.to_dict() == result.to_dict()
    assert audit.rows(session.conn, limit=1)[0].event == audit.SCREENING_VIEWED
