"""Interviews in the store: start, save each answer as it is given, resume, record results.

Every answer is one transaction: the interview's state (``flow.Session.to_dict``) is rewritten
together with an audit row (event and case number only, never the answer), so after a crash
every answer that was saved is still there (privacy rule 8). A screening result is stored with
the catalog and bank versions it was made with; reading it back never recomputes it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from app.cases.model import CaseId
from app.cases.repo import actor_id
from app.errors import UserError
from app.i18n import N_
from app.interview.flow import Flow
from app.interview.flow import Session as InterviewState
from app.screening.result import ScreeningResult
from app.store import audit
from app.store.session import Session

InterviewId = int


@dataclass(frozen=True)
class InterviewRecord:
    id: InterviewId
    case_id: CaseId
    case_number: str
    started_at: str
    status: str
    person_language: str
    state: InterviewState


def _case_number(conn, case_id: CaseId) -> str:
    row = conn.execute("SELECT number FROM cases WHERE id = ?", (case_id,)).fetchone()
    if row is None:
        raise UserError(N_("This case no longer exists."))
    return row[0]


def start_interview(session: Session, case_id: CaseId, flow: Flow, person_language: str) -> InterviewRecord:
    state = flow.start()
    now = audit.now_utc()
    with session.transaction() as conn:
        number = _case_number(conn, case_id)
        cur = conn.execute(
            "INSERT INTO interviews (case_id, started_at, started_by, updated_at, status, person_language, state) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (case_id, now, actor_id(session), now, state.status, person_language, json.dumps(state.to_dict())),
        )
        conn.execute("INSERT INTO interview_languages (interview_id, at, language) VALUES (?, ?, ?)",
                     (cur.lastrowid, now, person_language))
        audit.append(conn, audit.INTERVIEW_STARTED, session.actor, number)
    return InterviewRecord(cur.lastrowid, case_id, number, now, state.status, person_language, state)


def load_interview(session: Session, interview_id: InterviewId) -> InterviewRecord:
    """Open a saved interview to continue or read it (audited)."""
    with session.transaction() as conn:
        row = conn.execute(
            "SELECT i.id, i.case_id, c.number, i.started_at, i.status, i.person_language, i.state "
            "FROM interviews i JOIN cases c ON c.id = i.case_id WHERE i.id = ?", (interview_id,),
        ).fetchone()
        if row is None:
            raise UserError(N_("This interview no longer exists."))
        audit.append(conn, audit.INTERVIEW_OPENED, session.actor, row[2])
    state = InterviewState.from_dict(json.loads(row[6]))
    return InterviewRecord(row[0], CaseId(row[1]), row[2], row[3], row[4], row[5], state)


def interviews_of(session: Session, case_id: CaseId) -> list[tuple[InterviewId, str, str, str]]:
    """(id, started_at, status, person_language) of each interview of a case, newest first."""
    return session.conn.execute(
        "SELECT id, started_at, status, person_language FROM interviews WHERE case_id = ? ORDER BY id DESC",
        (case_id,),
    ).fetchall()


def save_state(session: Session, record: InterviewRecord, event: str = audit.ANSWER_SAVED) -> None:
    """Write the interview's state after an answer, skip, back, pause or finish (one transaction)."""
    if event not in (audit.ANSWER_SAVED, audit.INTERVIEW_PAUSED, audit.INTERVIEW_FINISHED):
        raise ValueError(event)
    with session.transaction() as conn:
        conn.execute(
            "UPDATE interviews SET state = ?, status = ?, updated_at = ? WHERE id = ?",
            (json.dumps(record.state.to_dict()), record.state.status, audit.now_utc(), record.id),
        )
        audit.append(conn, event, session.actor, record.case_number)


def change_language(session: Session, record: InterviewRecord, language: str) -> InterviewRecord:
    """The person's language changed mid-interview: recorded, answers untouched."""
    now = audit.now_utc()
    with session.transaction() as conn:
        conn.execute("UPDATE interviews SET person_language = ?, updated_at = ? WHERE id = ?", (language, now, record.id))
        conn.execute("INSERT INTO interview_languages (interview_id, at, language) VALUES (?, ?, ?)", (record.id, now, language))
        audit.append(conn, audit.INTERVIEW_LANGUAGE_CHANGED, session.actor, record.case_number)
    return InterviewRecord(record.id, record.case_id, record.case_number, record.started_at, record.status, language, record.state)


def language_history(session: Session, interview_id: InterviewId) -> list[tuple[str, str]]:
    return session.conn.execute(
        "SELECT at, language FROM interview_languages WHERE interview_id = ? ORDER BY id", (interview_id,)
    ).fetchall()


def save_result(session: Session, case_id: CaseId, result: ScreeningResult, interview_id: InterviewId | None = None) -> int:
    versions = {"catalog": result.catalog_versions, "bank": result.bank_versions}
    with session.transaction() as conn:
        number = _case_number(conn, case_id)
        cur = conn.execute(
            "INSERT INTO screening_results (case_id, interview_id, computed_at, computed_by, classification, versions, result) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (case_id, interview_id, audit.now_utc(), actor_id(session), result.classification,
             json.dumps(versions, sort_keys=True), json.dumps(result.to_dict())),
        )
        audit.append(conn, audit.SCREENING_SAVED, session.actor, number)
    return cur.lastrowid


def latest_result(session: Session, case_id: CaseId) -> tuple[str, ScreeningResult] | None:
    """(computed_at, result) of the newest saved screening of a case, exactly as saved (audited)."""
    with session.transaction() as conn:
        row = conn.execute(
            "SELECT computed_at, result FROM screening_results WHERE case_id = ? ORDER BY id DESC LIMIT 1", (case_id,)
        ).fetchone()
        if row is None:
            return None
        audit.append(conn, audit.SCREENING_VIEWED, session.actor, _case_number(conn, case_id))
    return row[0], ScreeningResult.from_dict(json.loads(row[1]))


def unfinished_interview(session: Session, case_id: CaseId) -> InterviewId | None:
    """The newest interview of a case that has not finished, to continue it."""
    row = session.conn.execute(
        "SELECT id FROM interviews WHERE case_id = ? AND status != 'finished' ORDER BY id DESC LIMIT 1", (case_id,)
    ).fetchone()
    return row[0] if row else None


def has_result(session: Session, case_id: CaseId) -> bool:
    return session.conn.execute("SELECT 1 FROM screening_results WHERE case_id = ? LIMIT 1", (case_id,)).fetchone() is not None
