"""Make tests/data/store-v1.tsunagu: a store at schema version 1, as the first release wrote it.

Kept in the repository (like KeePassXC's Format*.kdbx) so every later version is tested on a
real old file. Run once from the repository root: python tests/data/make_v1_fixture.py
Login: user "admin", password V1_PASSWORD below. The case in it is fictional.
"""

from __future__ import annotations

import secrets
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.store import audit, schema  # noqa: E402
from app.store.connection import checkpoint_and_close, connect  # noqa: E402
from app.store.kdf import MINIMUM_KDF  # noqa: E402
from app.store.keyslots import KeySlots  # noqa: E402
from app.store.recovery import format_recovery_key, new_recovery_key  # noqa: E402

V1_PASSWORD = "version one store password"
HERE = Path(__file__).resolve().parent
TARGET = HERE / "store-v1.tsunagu"


def main() -> None:
    for p in (TARGET, Path(f"{TARGET}.keys")):
        p.unlink(missing_ok=True)
    dek = bytearray(secrets.token_bytes(32))
    slots = KeySlots.new()
    slots.set_user("admin", V1_PASSWORD, dek, MINIMUM_KDF)
    recovery = new_recovery_key()
    slots.set_recovery(recovery, dek)
    conn = connect(TARGET, dek, create=True)
    schema.migrate(conn, target=1)
    conn.execute("BEGIN")
    conn.execute("INSERT INTO meta VALUES ('store_id', ?)", (slots.store_id,))
    conn.execute("INSERT INTO accounts (username, display_name, role, created_at) VALUES ('admin', 'admin', 'admin', '2026-01-05T09:00:00+00:00')")
    conn.execute(
        "INSERT INTO cases (year, seq, number, status, created_at, created_by, updated_at, updated_by, alias, nationality, languages, estimated_age) "
        "VALUES (2026, 1, '2026-0001', 'open', '2026-01-05T09:10:00+00:00', 1, '2026-01-05T09:10:00+00:00', 1, 'Ｍａｙ', 'PH', 'fil en', 29)"
    )
    audit.append(conn, audit.STORE_CREATED, 1, at="2026-01-05T09:00:00+00:00")
    audit.append(conn, audit.CASE_CREATED, 1, "2026-0001", at="2026-01-05T09:10:00+00:00")
    conn.execute("COMMIT")
    checkpoint_and_close(conn)
    slots.save(TARGET)
    (HERE / "store-v1.recovery.txt").write_text(format_recovery_key(recovery) + "\n")
    print("wrote", TARGET)


if __name__ == "__main__":
    main()
