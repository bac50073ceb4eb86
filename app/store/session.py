"""An unlocked store for one signed-in account: the connection, the key, and who is acting.

Everything that reads or writes cases goes through a Session, so every action knows its actor
for the audit log. ``close`` checkpoints the WAL, closes the connection and zeroes the data key
(R16); Python strings cannot be wiped, which is a documented limitation.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from pathlib import Path

from app.errors import PermissionDenied, UserError
from app.i18n import N_
from app.roles import REFUSALS, Permission, Role, allows
from app.store import audit as audit_log
from app.store.connection import DatabaseError, checkpoint_and_close
from app.store.keyslots import KeySlots

log = logging.getLogger("tsunagu.store")

RECOVERY_ACCOUNT_ID = 0


@dataclass(frozen=True)
class Account:
    id: int
    username: str
    display_name: str
    role: Role

    def __post_init__(self) -> None:
        object.__setattr__(self, "role", Role(self.role))  # rows hold the plain value

    def may(self, permission: Permission) -> bool:
        return allows(self.role, permission)

    @property
    def is_recovery(self) -> bool:
        return self.id == RECOVERY_ACCOUNT_ID


class Session:
    """The open store. Not thread-safe; one per window."""

    def __init__(self, path: Path, conn, dek: bytearray, slots: KeySlots, account: Account) -> None:
        self.path = Path(path)
        self.conn = conn
        self._dek = dek
        self.slots = slots
        self.account = account

    @property
    def is_open(self) -> bool:
        return self.conn is not None

    @property
    def actor(self) -> int | None:
        return None if self.account.is_recovery else self.account.id

    def dek(self) -> bytearray:
        if self.conn is None:
            raise UserError(N_("The store is locked."))
        return self._dek

    @contextlib.contextmanager
    def transaction(self):
        """One durable transaction; a full disk or I/O error rolls back and becomes a UserError."""
        if self.conn is None:
            raise UserError(N_("The store is locked."))
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            with contextlib.suppress(DatabaseError):
                self.conn.execute("ROLLBACK")
            if isinstance(exc, DatabaseError):
                raise database_error(exc) from exc
            raise

    def audit(self, event: str, subject: str = "") -> None:
        """Record an event in its own transaction (use ``audit.append`` inside a transaction)."""
        with self.transaction() as conn:
            audit_log.append(conn, event, self.actor, subject)
        log.info("audit %s %s", event, subject)

    def require(self, permission: Permission, message: str | None = None) -> None:
        """Refuse (PermissionDenied) unless the logged-in account's role allows ``permission``."""
        if not self.account.may(permission):
            raise PermissionDenied(message or REFUSALS[permission])

    def close(self, event: str | None = audit_log.LOGOUT) -> None:
        """Audit (lock or logout), checkpoint, close and wipe the key. Safe to call twice."""
        if self.conn is None:
            return
        try:
            if event:
                self.audit(event)
        except UserError:
            log.warning("could not write the %s audit row", event)
        finally:
            checkpoint_and_close(self.conn)
            self.conn = None
            for i in range(len(self._dek)):
                self._dek[i] = 0


def database_error(exc: Exception) -> UserError:
    text = str(exc).lower()
    if "full" in text:
        return UserError(N_("The disk is full. The last change was not saved; everything saved before is safe. Free some space and try again."))
    if "readonly" in text or "read-only" in text:
        return UserError(N_("The store is read-only here. The last change was not saved."))
    if "locked" in text or "busy" in text:
        return UserError(N_("The store is in use by another Tsunagu window. Close it and try again."))
    return UserError(N_("The store could not save the last change ({reason}). Everything saved before is safe."), reason=type(exc).__name__)
