"""The store's schema, one migration per version, applied one step at a time.

``PRAGMA user_version`` holds the version. Each step runs in its own transaction together with
the version bump, so a crash leaves the store at the old version or the new one. A store from a
newer Tsunagu is refused with a clear message rather than touched.
"""

from __future__ import annotations

from typing import Callable

from app.errors import StoreFileError
from app.i18n import N_
from app.text import fold

V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('counsellor', 'supervisor', 'admin')),
  created_at TEXT NOT NULL,
  removed_at TEXT
);
CREATE UNIQUE INDEX accounts_active_username ON accounts(username) WHERE removed_at IS NULL;
CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  number TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('open', 'referred', 'closed')),
  created_at TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES accounts(id),
  updated_at TEXT NOT NULL,
  updated_by INTEGER NOT NULL REFERENCES accounts(id),
  alias TEXT NOT NULL,
  real_name TEXT NOT NULL DEFAULT '',
  birth_date TEXT,
  estimated_age INTEGER,
  sex TEXT NOT NULL DEFAULT '',
  gender TEXT NOT NULL DEFAULT '',
  nationality TEXT NOT NULL DEFAULT '',
  languages TEXT NOT NULL DEFAULT '',
  residence_status TEXT NOT NULL DEFAULT 'unknown',
  stay_expiry TEXT,
  contact_safe TEXT NOT NULL DEFAULT 'unknown',
  contact_how TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  UNIQUE (year, seq)
);
CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor INTEGER,
  event TEXT NOT NULL,
  subject TEXT NOT NULL DEFAULT '',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""

# v2: office settings inside the store (the lock timeout is a supervisor's decision, so it is
# kept with the data it protects), and a folded alias column with indexes so that searching
# 100,000 cases stays fast.
V2 = """
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
ALTER TABLE cases ADD COLUMN alias_fold TEXT NOT NULL DEFAULT '';
CREATE INDEX cases_status ON cases(status, year DESC, seq DESC);
CREATE INDEX cases_nationality ON cases(nationality);
CREATE INDEX cases_order ON cases(year DESC, seq DESC);
"""


# v3: interviews. The interview's whole state (answers, skips, back stack) is one JSON document
# rewritten in the same transaction as each answer, so a crash loses nothing that was saved.
# Screening results are kept with the catalog and bank versions they were made with, never
# recomputed behind the staff's back. Language changes mid-interview are kept with the session.
V3 = """
CREATE TABLE interviews (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  started_at TEXT NOT NULL,
  started_by INTEGER NOT NULL REFERENCES accounts(id),
  updated_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'paused', 'finished')),
  person_language TEXT NOT NULL,
  state TEXT NOT NULL
);
CREATE INDEX interviews_case ON interviews(case_id);
CREATE TABLE interview_languages (
  id INTEGER PRIMARY KEY,
  interview_id INTEGER NOT NULL REFERENCES interviews(id),
  at TEXT NOT NULL,
  language TEXT NOT NULL
);
CREATE TABLE screening_results (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  interview_id INTEGER REFERENCES interviews(id),
  computed_at TEXT NOT NULL,
  computed_by INTEGER NOT NULL REFERENCES accounts(id),
  classification TEXT NOT NULL,
  versions TEXT NOT NULL,
  result TEXT NOT NULL
);
CREATE INDEX screening_results_case ON screening_results(case_id);
"""


# v4: referrals (issue 5). Consent per recipient and purpose (R21: date, language, interpreter
# account, restrictions, withdrawal); legal exceptions to consent, each with its reason and the
# approving supervisor's account; and one provision record per packet made (APPI record of
# third-party provision: who received which fields, on what basis, made by whom, when).
# Exceptions and provisions are kept as made: a trigger refuses to change them.
V4 = """
CREATE TABLE consents (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  recipient TEXT NOT NULL,
  purpose TEXT NOT NULL,
  given_on TEXT NOT NULL,
  language TEXT NOT NULL,
  interpreter INTEGER REFERENCES accounts(id),
  restrictions TEXT NOT NULL DEFAULT '',
  withheld TEXT NOT NULL DEFAULT '',
  recorded_at TEXT NOT NULL,
  recorded_by INTEGER NOT NULL REFERENCES accounts(id),
  withdrawn_on TEXT,
  withdrawn_at TEXT,
  withdrawn_by INTEGER REFERENCES accounts(id),
  CHECK (withdrawn_on IS NULL OR withdrawn_on >= given_on)
);
CREATE INDEX consents_case ON consents(case_id, recipient, purpose);
CREATE TABLE disclosure_exceptions (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  recipient TEXT NOT NULL,
  purpose TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('required_by_law', 'life_or_body_risk')),
  reason TEXT NOT NULL CHECK (length(trim(reason)) >= 20),
  requested_by INTEGER NOT NULL REFERENCES accounts(id),
  approved_by INTEGER NOT NULL REFERENCES accounts(id),
  approved_at TEXT NOT NULL,
  CHECK (approved_by != requested_by)
);
CREATE INDEX disclosure_exceptions_case ON disclosure_exceptions(case_id, recipient, purpose);
CREATE TABLE provisions (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  recipient TEXT NOT NULL,
  addressee TEXT NOT NULL DEFAULT '',
  purpose TEXT NOT NULL,
  fields TEXT NOT NULL,
  consent_id INTEGER REFERENCES consents(id),
  exception_id INTEGER REFERENCES disclosure_exceptions(id),
  made_by INTEGER NOT NULL REFERENCES accounts(id),
  made_at TEXT NOT NULL,
  CHECK ((consent_id IS NULL) != (exception_id IS NULL))
);
CREATE INDEX provisions_case ON provisions(case_id);
CREATE TRIGGER disclosure_exceptions_no_update BEFORE UPDATE ON disclosure_exceptions
BEGIN SELECT RAISE(ABORT, 'an approved exception is kept as approved'); END;
CREATE TRIGGER provisions_no_update BEFORE UPDATE ON provisions
BEGIN SELECT RAISE(ABORT, 'a provision record is kept as made'); END;
"""


def _v1(conn) -> None:
    conn.executescript(V1)


def _v2(conn) -> None:
    for stmt in V2.strip().split(";"):
        if stmt.strip():
            conn.execute(stmt)
    rows = conn.execute("SELECT id, alias FROM cases").fetchall()
    conn.executemany("UPDATE cases SET alias_fold = ? WHERE id = ?", [(fold(a), i) for i, a in rows])


def _v3(conn) -> None:
    for stmt in _split(V3):
        conn.execute(stmt)


def _v4(conn) -> None:
    for stmt in _split(V4):
        conn.execute(stmt)


MIGRATIONS: list[Callable] = [_v1, _v2, _v3, _v4]
SCHEMA_VERSION = len(MIGRATIONS)


def version(conn) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn, target: int = SCHEMA_VERSION, file_name: str = "") -> list[int]:
    """Bring the store up to ``target`` one version at a time; the versions applied."""
    current = version(conn)
    if current > SCHEMA_VERSION:
        raise StoreFileError(
            N_("{file} was made by a newer version of Tsunagu (schema {found}; this version reads up to {known}). Update Tsunagu to open it. The file was not changed."),
            file=file_name, found=current, known=SCHEMA_VERSION,
        )
    applied = []
    for step in range(current + 1, target + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if step == 1:
                # executescript commits; v1 runs on an empty file, so do it statement by statement
                for stmt in _split(V1):
                    conn.execute(stmt)
            else:
                MIGRATIONS[step - 1](conn)
            conn.execute(f"PRAGMA user_version = {int(step)}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(step)
    return applied


def _split(script: str) -> list[str]:
    """Split a schema script into statements, keeping trigger bodies whole."""
    out, buf = [], []
    for line in script.strip().splitlines():
        buf.append(line)
        joined = "\n".join(buf).strip()
        if joined.endswith(";") and (not joined.upper().startswith("CREATE TRIGGER") or joined.upper().endswith("END;")):
            out.append(joined)
            buf = []
    return out
