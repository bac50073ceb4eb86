"""Opening the SQLCipher file: raw data key, fail-closed checks, the PRAGMAs of every open.

The data key is 32 random bytes, given to SQLCipher as a raw key in hex, so no user text ever
reaches a PRAGMA. SQLCipher checks a key lazily, so we read at once after keying; a failure then
means the file is not a store or is damaged (the key itself was already proven by its slot).
A library without ``cipher_version`` is plain SQLite and is refused: it would write plaintext.
"""

from __future__ import annotations

import logging
from pathlib import Path

import sqlcipher3
from sqlcipher3 import dbapi2

from app.errors import StoreFileError, UserError
from app.i18n import N_

log = logging.getLogger("tsunagu.store")

DatabaseError = dbapi2.DatabaseError
_driver = sqlcipher3  # tests swap in plain sqlite3 to prove we refuse it

NOT_A_STORE = N_("{file} is not a Tsunagu store, or it is damaged. It was not changed.")


def key_pragma(dek: bytes | bytearray) -> str:
    if len(dek) != 32:
        raise ValueError("data key must be 32 bytes")
    return "PRAGMA key = \"x'" + bytes(dek).hex() + "'\""


def connect(path: Path | str, dek: bytes | bytearray, *, create: bool = False):
    """A keyed, checked connection. Raises StoreFileError if the file is not a readable store."""
    path = Path(path)
    if not create and not path.exists():
        raise StoreFileError(N_("{file} does not exist."), file=path.name)
    if not create and (_looks_plain(path) or path.stat().st_size == 0):
        raise StoreFileError(NOT_A_STORE, file=path.name)
    uri = path.resolve().as_uri() + ("?mode=rwc" if create else "?mode=rw")
    conn = _driver.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    try:
        _check_cipher(conn)
        conn.execute("PRAGMA cipher_memory_security = ON")
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(key_pragma(dek))
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except DatabaseError:
            raise StoreFileError(NOT_A_STORE, file=path.name) from None
        if not create and version == 0:  # accepts the key but was never a store: write nothing
            raise StoreFileError(NOT_A_STORE, file=path.name)
        _apply_pragmas(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _looks_plain(path: Path) -> bool:
    """A plaintext SQLite file must never be keyed (that would not encrypt it)."""
    try:
        with path.open("rb") as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _check_cipher(conn) -> None:
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
    except Exception:  # noqa: BLE001 - any failure here means no SQLCipher
        row = None
    if not row or not row[0]:
        raise UserError(N_("The database library is plain SQLite, without encryption. Tsunagu will not run with it; reinstall Tsunagu."))
    provider = conn.execute("PRAGMA cipher_provider_version").fetchone()
    log.info("sqlcipher %s, provider %s", row[0], provider[0] if provider else "?")


def _apply_pragmas(conn) -> None:
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA foreign_keys = ON")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise UserError(N_("The store could not switch to safe write mode (WAL). Is the folder read-only?"))
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA cache_size = -65536")  # 64 MiB of decrypted pages: searches stay in memory
    conn.execute("PRAGMA busy_timeout = 5000")


def cipher_settings(conn) -> dict[str, str]:
    """SQLCipher's effective settings, e.g. {'cipher_page_size': '4096', ...}."""
    out = {}
    for (line,) in conn.execute("PRAGMA cipher_settings"):
        name, _, value = line.removeprefix("PRAGMA ").rstrip(";").partition(" = ")
        out[name.strip()] = value.strip()
    return out


def checkpoint_and_close(conn) -> None:
    """On lock and quit: fold the WAL back into the store so no -wal file lingers, then close."""
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except DatabaseError:
        pass
    finally:
        conn.close()
