"""Creating and unlocking a store: the entry points the program and the command line use.

A store is two files: the SQLCipher database (``PATH``) and its key slots (``PATH.keys``).
Creating one makes a random data key, the admin's slot and a recovery slot; the recovery key is
returned once, for the caller to show and never to keep.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from app.errors import StoreFileError, UserError
from app.i18n import N_
from app.roles import Role
from app.store import audit, schema
from app.store.connection import DatabaseError, connect
from app.store.kdf import DEFAULT_KDF, KdfParams, check_password
from app.store.keyslots import KeySlots, keys_path, normalize_username
from app.store.recovery import format_recovery_key, new_recovery_key, parse_recovery_key
from app.store.session import RECOVERY_ACCOUNT_ID, Account, Session, database_error

USERNAME_MAX = 64


def check_username(username: str) -> str:
    name = normalize_username(username)
    if not name or len(name) > USERNAME_MAX or any(ch.isspace() or not ch.isprintable() for ch in name):
        raise UserError(N_("A user name is 1 to 64 letters or digits, with no spaces."))
    return name


def create_store(
    path: Path | str,
    admin_username: str,
    admin_password: str,
    display_name: str = "",
    kdf: KdfParams = DEFAULT_KDF,
) -> tuple[Session, str]:
    """A new store with its admin account; returns the open session and the recovery key text."""
    path = Path(path)
    username = check_username(admin_username)
    password = check_password(admin_password)
    for p in (path, keys_path(path), Path(f"{path}-wal")):
        if p.exists():
            raise UserError(N_("{file} already exists. Choose another name; the existing file was not changed."), file=p.name)
    if not path.parent.is_dir():
        raise UserError(N_("The folder {folder} does not exist."), folder=str(path.parent))
    dek = bytearray(secrets.token_bytes(32))
    recovery = new_recovery_key()
    slots = KeySlots.new()
    slots.set_user(username, password, dek, kdf)
    slots.set_recovery(recovery, dek)
    conn = None
    try:
        _touch_private(path)
        conn = connect(path, dek, create=True)
        schema.migrate(conn, file_name=path.name)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO meta (key, value) VALUES ('store_id', ?)", (slots.store_id,))
        cur = conn.execute(
            "INSERT INTO accounts (username, display_name, role, created_at) VALUES (?, ?, 'admin', ?)",
            (username, display_name.strip() or username, audit.now_utc()),
        )
        admin_id = cur.lastrowid
        audit.append(conn, audit.STORE_CREATED, admin_id)
        audit.append(conn, audit.STAFF_ADDED, admin_id, f"account:{admin_id}")
        conn.execute("COMMIT")
        slots.save(path)
    except BaseException as exc:
        if conn is not None:
            conn.close()
        _remove_partial(path)
        if isinstance(exc, DatabaseError):
            raise database_error(exc) from exc
        if isinstance(exc, OSError):
            from app.fileio import disk_error

            raise disk_error(exc, path) from exc
        raise
    account = Account(admin_id, username, display_name.strip() or username, Role.ADMIN)
    return Session(path, conn, dek, slots, account), format_recovery_key(recovery)


def _touch_private(path: Path) -> None:
    """Create the store file with mode 0600 before SQLCipher writes its first byte."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def _remove_partial(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        try:
            p.unlink()
        except FileNotFoundError:
            pass


def open_store(path: Path | str, username: str, password: str) -> Session:
    """Unlock with a staff password: AuthError if wrong, StoreFileError if not a store."""
    path = Path(path)
    _require_store_file(path)
    slots = KeySlots.load(path)
    dek = slots.unlock_user(username, password)
    conn = _open_and_migrate(path, dek)
    row = conn.execute(
        "SELECT id, username, display_name, role FROM accounts WHERE username = ? AND removed_at IS NULL",
        (normalize_username(username),),
    ).fetchone()
    if row is None:  # a slot without an account: treat as a wrong login, never as a bug
        conn.close()
        from app.errors import AuthError
        from app.store.keyslots import WRONG_LOGIN

        raise AuthError(WRONG_LOGIN)
    session = Session(path, conn, dek, slots, Account(*row))
    session.audit(audit.LOGIN_OK)
    return session


def open_with_recovery(path: Path | str, recovery_text: str) -> Session:
    """Unlock with the printed recovery key; the session may reset staff passwords."""
    path = Path(path)
    _require_store_file(path)
    slots = KeySlots.load(path)
    dek = slots.unlock_recovery(parse_recovery_key(recovery_text))
    conn = _open_and_migrate(path, dek)
    account = Account(RECOVERY_ACCOUNT_ID, "recovery", "recovery", Role.ADMIN)
    session = Session(path, conn, dek, slots, account)
    session.audit(audit.LOGIN_RECOVERY)
    return session


def _require_store_file(path: Path) -> None:
    if not path.is_file():
        raise StoreFileError(N_("{file} does not exist."), file=path.name)


def _open_and_migrate(path: Path, dek: bytearray):
    conn = connect(path, dek)
    try:
        before = schema.version(conn)
        if before == 0:  # an empty or foreign file that happens to accept the key: never build into it
            raise StoreFileError(N_("{file} is not a Tsunagu store, or it is damaged. It was not changed."), file=path.name)
        damaged = conn.execute("PRAGMA cipher_integrity_check").fetchall()  # read every row: one per bad page
        if damaged:
            raise StoreFileError(
                N_("{file} is damaged: {count} parts of it failed their check. It was not changed. Restore it from a backup, or ask for help before using it."),
                file=path.name, count=len(damaged),
            )
        applied = schema.migrate(conn, file_name=path.name)
        if applied and before > 0:
            conn.execute("BEGIN IMMEDIATE")
            audit.append(conn, audit.SCHEMA_MIGRATED, None, f"{before}->{applied[-1]}")
            conn.execute("COMMIT")
    except DatabaseError as exc:
        conn.close()
        raise StoreFileError(N_("{file} is not a Tsunagu store, or it is damaged. It was not changed."), file=path.name) from exc
    except BaseException:
        conn.close()
        raise
    return conn
