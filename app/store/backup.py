"""Encrypted, verified, rotated backups of the store, and restoring one to a new file (R13).

A backup is made with ``sqlcipher_export`` into an ATTACHed file keyed with the same data key
(never ``VACUUM INTO``, never plaintext), beside a copy of the key slots, so it opens with the
passwords (and the recovery key) that opened the store on the day it was made. It is written
under a hidden ``.partial`` name created with mode 0600, opened again, checked page by page
(``cipher_integrity_check``) and compared table by table (row count and a checksum of every
row) with the live store, and only then renamed into place: a backup killed half-way never
replaces the last good one. The newest ``keep`` backups in the folder are kept.

Restoring never overwrites anything: a backup is verified with its own key slots and copied to
a new path, which is then opened like any store ("Open another store").
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.errors import StoreFileError, UserError
from app.fileio import disk_error, fsync_dir
from app.i18n import N_
from app.roles import Permission
from app.store import audit, schema
from app.store.connection import DatabaseError, checkpoint_and_close, connect
from app.store.keyslots import KeySlots, keys_path
from app.store.session import Session

DEFAULT_KEEP = 10
PREFIX = "tsunagu-backup-"
SUFFIX = ".tsunagu"
_NAME = re.compile(r"^tsunagu-backup-\d{8}-\d{6}(-\d+)?\.tsunagu$")


@dataclass(frozen=True)
class BackupResult:
    path: Path
    tables: int
    rows: int
    removed: tuple[Path, ...]  # older backups rotated out


def backups_in(folder: Path | str) -> list[Path]:
    """The backups in ``folder``, oldest first (by the time in their names)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if _NAME.match(p.name) and p.is_file())


def backup_store(session: Session, folder: Path | str, keep: int = DEFAULT_KEEP,
                 now: datetime | None = None) -> BackupResult:
    """Write a verified backup into ``folder`` and keep the newest ``keep`` (supervisors only)."""
    session.require(Permission.BACK_UP)
    if keep < 1:
        raise UserError(N_("At least one backup must be kept."))
    folder = Path(folder)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise disk_error(exc, folder) from exc
    for stray in folder.glob(f".{PREFIX}*.partial*"):  # left by a backup that was killed
        stray.unlink(missing_ok=True)
    final = _free_name(folder, (now or datetime.now()).strftime("%Y%m%d-%H%M%S"))
    partial = folder / f".{final.name}.partial"
    try:
        _export(session, partial)
        tables, rows = _compare(session.conn, partial, session.dek())
        session.slots.save(partial)  # the key slots beside it, under the partial name too
        _fsync(partial)
        os.replace(keys_path(partial), keys_path(final))
        os.replace(partial, final)
        fsync_dir(folder)
    except OSError as exc:
        _discard(partial)
        raise disk_error(exc, folder / final.name) from exc
    except BaseException:
        _discard(partial)
        raise
    removed = _rotate(folder, keep)
    session.audit(audit.BACKUP_MADE, final.name)
    return BackupResult(final, tables, rows, removed)


def _free_name(folder: Path, stamp: str) -> Path:
    path = folder / f"{PREFIX}{stamp}{SUFFIX}"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"{PREFIX}{stamp}-{n}{SUFFIX}"
    return path


def _export(session: Session, partial: Path) -> None:
    """sqlcipher_export into a new file keyed with the store's own data key."""
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # private before the first byte
    os.close(fd)
    conn = session.conn
    key = "x'" + bytes(session.dek()).hex() + "'"
    conn.execute("ATTACH DATABASE ? AS backup KEY ?", (str(partial), key))
    try:
        conn.execute("SELECT sqlcipher_export('backup')")
        conn.execute(f"PRAGMA backup.user_version = {schema.version(conn)}")  # not exported: an int we read
    finally:
        conn.execute("DETACH DATABASE backup")


def _table_digests(conn) -> dict[str, tuple[int, str]]:
    """Per table: (rows, SHA-256 of every row in rowid order)."""
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    out = {}
    for name in names:
        digest, count = hashlib.sha256(), 0
        quoted = '"' + name.replace('"', '""') + '"'
        for row in conn.execute(f"SELECT * FROM {quoted} ORDER BY rowid"):  # noqa: S608 - names from the schema
            digest.update(repr(row).encode("utf-8"))
            count += 1
        out[name] = (count, digest.hexdigest())
    return out


def _compare(live, partial: Path, dek) -> tuple[int, int]:
    """Open the new file, check every page, and compare every table with the live store."""
    expected = _table_digests(live)
    copy = _open_checked(partial, dek)
    try:
        found = _table_digests(copy)
    finally:
        checkpoint_and_close(copy)
    if found != expected:
        differ = sorted(k for k in expected.keys() | found.keys() if expected.get(k) != found.get(k))
        raise UserError(N_("The backup did not match the store ({tables}); it was not kept. Try again, or "
                           "choose another place."), tables=", ".join(differ))
    return len(found), sum(count for count, _digest in found.values())


def _open_checked(path: Path, dek):
    conn = connect(path, dek)
    try:
        if conn.execute("PRAGMA cipher_integrity_check").fetchall():
            raise StoreFileError(N_("{file} is damaged: some of its pages failed their check."), file=path.name)
    except DatabaseError:
        conn.close()
        raise StoreFileError(N_("{file} is not a Tsunagu store, or it is damaged. It was not changed."),
                             file=path.name) from None
    except BaseException:
        conn.close()
        raise
    return conn


def _fsync(path: Path) -> None:
    for p in (path, keys_path(path)):
        fd = os.open(p, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _discard(path: Path) -> None:
    for p in (path, keys_path(path), Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            p.unlink()
        except FileNotFoundError:
            pass


def _rotate(folder: Path, keep: int) -> tuple[Path, ...]:
    old = backups_in(folder)[:-keep]
    for path in old:
        _discard(path)
    return tuple(old)


def restore_backup(backup: Path | str, target: Path | str, username: str, password: str) -> Path:
    """Check ``backup`` with its own key slots and the password of someone it knew, then copy it
    (and its key slots) to ``target``, which must not exist yet. Nothing existing is changed."""
    backup, target = Path(backup), Path(target)
    if not backup.is_file():
        raise StoreFileError(N_("{file} does not exist."), file=backup.name)
    if target.exists() or keys_path(target).exists():
        raise UserError(N_("{file} already exists. Restore to a new file name: nothing is ever overwritten."),
                        file=target.name)
    dek = KeySlots.load(backup).unlock_user(username, password)
    try:
        checkpoint_and_close(_open_checked(backup, dek))
    finally:
        dek[:] = bytes(len(dek))
    partial = target.with_name(f".{target.name}.partial")
    _discard(partial)
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        shutil.copyfile(backup, partial)
        shutil.copyfile(keys_path(backup), keys_path(partial))
        os.chmod(keys_path(partial), 0o600)
        _fsync(partial)
        os.replace(keys_path(partial), keys_path(target))
        os.replace(partial, target)
        fsync_dir(target.parent)
    except OSError as exc:
        _discard(partial)
        raise disk_error(exc, target) from exc
    return target
