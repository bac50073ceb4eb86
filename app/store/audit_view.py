"""The supervisor's view of the audit log (R22): who did what to which case, when, and whether
the chain still holds.

Rows are read newest first for a period (local days) and optionally one account; each event has
a plain label in the staff language. Reading the log is itself audited, with the period and
nothing else. The chain check is ``audit.verify_chain``: it names the first row that was changed
or removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timezone

from app.errors import UserError
from app.i18n import N_
from app.roles import Permission
from app.store import audit
from app.store.audit import AuditRow
from app.store.session import Session

MAX_ROWS = 5000

EVENT_LABELS = {
    audit.LOGIN_OK: N_("Logged in"),
    audit.LOGIN_FAILED: N_("Wrong password at login"),
    audit.LOGIN_RECOVERY: N_("Opened with the recovery key"),
    audit.LOCK: N_("Locked"),
    audit.UNLOCK: N_("Unlocked"),
    audit.LOGOUT: N_("Closed the store"),
    audit.STORE_CREATED: N_("Store created"),
    audit.CASE_CREATED: N_("Case created"),
    audit.CASE_VIEWED: N_("Case opened"),
    audit.CASE_EDITED: N_("Case changed"),
    audit.NAMES_SHOWN: N_("Real names shown in the case list"),
    audit.NAMES_HIDDEN: N_("Real names hidden again"),
    audit.STAFF_ADDED: N_("Staff member added"),
    audit.STAFF_REMOVED: N_("Staff member removed"),
    audit.STAFF_PASSWORD_RESET: N_("Password reset"),
    audit.SETTING_CHANGED: N_("Setting changed"),
    audit.RECOVERY_KEY_REPLACED: N_("Recovery key replaced"),
    audit.SCHEMA_MIGRATED: N_("Store upgraded"),
    audit.INTERVIEW_STARTED: N_("Interview started"),
    audit.INTERVIEW_OPENED: N_("Interview continued"),
    audit.ANSWER_SAVED: N_("Answer saved"),
    audit.INTERVIEW_PAUSED: N_("Interview paused"),
    audit.INTERVIEW_FINISHED: N_("Interview finished"),
    audit.INTERVIEW_LANGUAGE_CHANGED: N_("Interview language changed"),
    audit.SCREENING_SAVED: N_("Screening result saved"),
    audit.SCREENING_VIEWED: N_("Screening result viewed"),
    audit.CONTACTS_CHANGED: N_("Consultation lines changed"),
    audit.LEAFLET_PRINTED: N_("Leaflet printed"),
    audit.LEAFLET_SAVED: N_("Leaflet saved as PDF"),
    audit.CONSENT_RECORDED: N_("Consent recorded"),
    audit.CONSENT_WITHDRAWN: N_("Consent withdrawn"),
    audit.EXCEPTION_APPROVED: N_("Sharing without consent approved"),
    audit.EXCEPTION_REFUSED: N_("Approval refused (wrong approver or password)"),
    audit.REFERRAL_MADE: N_("Referral packet made"),
    audit.REFERRAL_PRINTED: N_("Referral packet printed"),
    audit.REFERRAL_SAVED: N_("Referral packet saved as PDF"),
    audit.HER_COPY_MADE: N_("Her copy made"),
    audit.HER_COPY_PRINTED: N_("Her copy printed"),
    audit.HER_COPY_SAVED: N_("Her copy saved as PDF"),
    audit.REGISTER_VIEWED: N_("Register of information provided viewed"),
    audit.AUDIT_VIEWED: N_("Audit log viewed"),
    audit.AUDIT_CHECKED: N_("Audit log checked"),
    audit.BACKUP_MADE: N_("Backup made"),
}


@dataclass(frozen=True)
class ChainCheck:
    rows: int
    broken_at: int | None  # the first row changed or removed; None when intact

    @property
    def intact(self) -> bool:
        return self.broken_at is None


def utc_bounds(since: date, until: date) -> tuple[str, str]:
    """The local days ``since``..``until`` (inclusive) as UTC timestamps, as rows store them."""
    start = datetime.combine(since, time.min).astimezone().astimezone(timezone.utc)
    end = datetime.combine(until, time.max).astimezone().astimezone(timezone.utc)
    return start.isoformat(timespec="microseconds"), end.isoformat(timespec="microseconds")


def read_log(session: Session, since: date, until: date, actor: int | None = None) -> list[AuditRow]:
    """Rows of the local days ``since``..``until``, newest first, at most MAX_ROWS (supervisors only)."""
    session.require(Permission.READ_AUDIT)
    if since > until:
        raise UserError(N_("The start of the period is after its end."))
    start, end = utc_bounds(since, until)
    rows = audit.rows(session.conn, actor=actor, since=start, until=end, limit=MAX_ROWS)
    session.audit(audit.AUDIT_VIEWED, f"{since.isoformat()}..{until.isoformat()}")
    return rows


def check_chain(session: Session) -> ChainCheck:
    """Verify the whole chain (supervisors only); the check itself is recorded after it ran."""
    session.require(Permission.READ_AUDIT)
    broken = audit.verify_chain(session.conn)
    count = session.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    session.audit(audit.AUDIT_CHECKED, "intact" if broken is None else f"broken:{broken}")
    return ChainCheck(count, broken)


def label(event: str) -> str:
    """The event's label msgid (translate with ``_``); an unknown name is shown as it is."""
    return EVENT_LABELS.get(event, event)
