"""Staff accounts: add a person, reset a password, remove a person (their slot goes with them).

Only a supervisor or an administrator manages staff; only an administrator makes another
administrator. The account row (name, role) lives in the encrypted store; the key slot holds
only the wrapped key, so removing the slot is what makes an old password open nothing.
"""

from __future__ import annotations

from app.errors import UserError
from app.i18n import N_
from app.roles import Permission, Role
from app.store import audit
from app.store.kdf import DEFAULT_KDF, KdfParams, check_password
from app.store.keyslots import normalize_username
from app.store.recovery import format_recovery_key, new_recovery_key
from app.store.session import Account, Session
from app.store.store import check_username


def list_staff(session: Session) -> list[Account]:
    rows = session.conn.execute(
        "SELECT id, username, display_name, role FROM accounts WHERE removed_at IS NULL ORDER BY username"
    ).fetchall()
    return [Account(*r) for r in rows]


def display_names(session: Session) -> dict[int, str]:
    """Every account's display name by id, removed accounts included: records made by someone
    who has since left must still say who made them."""
    rows = session.conn.execute("SELECT id, COALESCE(NULLIF(display_name, ''), username) FROM accounts")
    return {account_id: name for account_id, name in rows}


def find_account(session: Session, username: str) -> Account | None:
    row = session.conn.execute(
        "SELECT id, username, display_name, role FROM accounts WHERE username = ? AND removed_at IS NULL",
        (normalize_username(username),),
    ).fetchone()
    return Account(*row) if row else None


def add_staff(
    session: Session, username: str, role: str, password: str, display_name: str = "",
    kdf: KdfParams = DEFAULT_KDF,
) -> Account:
    session.require(Permission.MANAGE_STAFF)
    name = check_username(username)
    if role not in tuple(Role):
        raise UserError(N_("Unknown role {role}."), role=role)
    if role == Role.ADMIN:
        session.require(Permission.MANAGE_ADMINS, N_("Only an administrator can add another administrator."))
    password = check_password(password)
    if find_account(session, name) is not None or session.slots.has_user(name):
        raise UserError(N_("There is already a person with the user name {name}."), name=name)
    with session.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO accounts (username, display_name, role, created_at) VALUES (?, ?, ?, ?)",
            (name, display_name.strip() or name, role, audit.now_utc()),
        )
        account = Account(cur.lastrowid, name, display_name.strip() or name, role)
        audit.append(conn, audit.STAFF_ADDED, session.actor, f"account:{account.id}")
        # The slot file is written inside the transaction: if it fails, the account row rolls back.
        session.slots.set_user(name, password, session.dek(), kdf)
        session.slots.save(session.path)
    return account


def reset_password(session: Session, username: str, new_password: str, kdf: KdfParams = DEFAULT_KDF) -> None:
    """A new slot for ``username``; their old password stops working. Own password: anyone."""
    target = find_account(session, username)
    if target is None:
        raise UserError(N_("There is no person with the user name {name}."), name=normalize_username(username))
    if target.id != session.account.id:
        session.require(Permission.MANAGE_STAFF)
        if target.role == Role.ADMIN:
            session.require(Permission.MANAGE_ADMINS, N_("Only an administrator can reset an administrator's password."))
    password = check_password(new_password)
    with session.transaction() as conn:
        audit.append(conn, audit.STAFF_PASSWORD_RESET, session.actor, f"account:{target.id}")
        session.slots.set_user(target.username, password, session.dek(), kdf)
        session.slots.save(session.path)


def remove_staff(session: Session, username: str) -> None:
    """Remove the person's slot and mark the account removed (its audit history stays)."""
    session.require(Permission.MANAGE_STAFF)
    target = find_account(session, username)
    if target is None:
        raise UserError(N_("There is no person with the user name {name}."), name=normalize_username(username))
    if target.id == session.account.id:
        raise UserError(N_("You cannot remove your own account."))
    if target.role == Role.ADMIN:
        session.require(Permission.MANAGE_ADMINS, N_("Only an administrator can remove an administrator."))
        admins = [a for a in list_staff(session) if a.role == Role.ADMIN]
        if len(admins) <= 1:
            raise UserError(N_("The last administrator cannot be removed."))
    with session.transaction() as conn:
        conn.execute("UPDATE accounts SET removed_at = ? WHERE id = ?", (audit.now_utc(), target.id))
        audit.append(conn, audit.STAFF_REMOVED, session.actor, f"account:{target.id}")
        session.slots.remove_user(target.username)
        session.slots.save(session.path)


def replace_recovery_key(session: Session) -> str:
    """A new recovery key (the old one stops working); shown once by the caller."""
    session.require(Permission.REPLACE_RECOVERY_KEY)
    key = new_recovery_key()
    with session.transaction() as conn:
        audit.append(conn, audit.RECOVERY_KEY_REPLACED, session.actor)
        session.slots.set_recovery(key, session.dek())
        session.slots.save(session.path)
    return format_recovery_key(key)
