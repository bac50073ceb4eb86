"""Who may do what: the three staff roles and the one table of what each role is allowed.

The store (which refuses), the command line (its choices) and the menus (what they show) all
read this table, so a role's rights are changed in one place. Roles are ``StrEnum`` members:
they are stored as their plain value ('counsellor', 'supervisor', 'admin') and compare equal to it.
"""

from __future__ import annotations

from enum import StrEnum

from app.i18n import N_


class Role(StrEnum):
    COUNSELLOR = "counsellor"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        """The role's name for staff (an N_ msgid: translate with ``_`` where shown)."""
        return ROLE_LABELS[self]


ROLE_LABELS = {Role.COUNSELLOR: N_("Counsellor"), Role.SUPERVISOR: N_("Supervisor"), Role.ADMIN: N_("Administrator")}


class Permission(StrEnum):
    """An action some roles may take; everything not listed here any logged-in member of staff may do."""

    MANAGE_STAFF = "manage_staff"  # add counsellors and supervisors, reset their passwords, remove them
    MANAGE_ADMINS = "manage_admins"  # the same for administrators
    REPLACE_RECOVERY_KEY = "replace_recovery_key"
    EDIT_OFFICE = "edit_office"  # the office profile printed on packets, consultation lines
    APPROVE_EXCEPTION = "approve_exception"  # a referral without consent, where the law allows it
    READ_REGISTER = "read_register"  # the register of information provided
    READ_AUDIT = "read_audit"
    BACK_UP = "back_up"


_SUPERVISOR = frozenset({
    Permission.MANAGE_STAFF, Permission.EDIT_OFFICE, Permission.APPROVE_EXCEPTION, Permission.READ_REGISTER,
    Permission.READ_AUDIT, Permission.BACK_UP,
})
PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.COUNSELLOR: frozenset(),
    Role.SUPERVISOR: _SUPERVISOR,
    Role.ADMIN: _SUPERVISOR | {Permission.MANAGE_ADMINS, Permission.REPLACE_RECOVERY_KEY},
}

# What staff are told when the table says no.
REFUSALS = {
    Permission.MANAGE_STAFF: N_("Only a supervisor or an administrator can do this."),
    Permission.MANAGE_ADMINS: N_("Only an administrator can add, reset or remove an administrator."),
    Permission.REPLACE_RECOVERY_KEY: N_("Only an administrator can replace the recovery key."),
    Permission.EDIT_OFFICE: N_("Only a supervisor or an administrator can do this."),
    Permission.APPROVE_EXCEPTION: N_("Only a supervisor or an administrator can do this."),
    Permission.READ_REGISTER: N_("Only a supervisor or an administrator can do this."),
    Permission.READ_AUDIT: N_("Only a supervisor or an administrator can do this."),
    Permission.BACK_UP: N_("Only a supervisor or an administrator can do this."),
}


def allows(role: Role | str, permission: Permission) -> bool:
    """Whether ``role`` may take ``permission``'s action (an unknown role may take none)."""
    try:
        return permission in PERMISSIONS[Role(role)]
    except ValueError:
        return False


def assignable_roles(by: Role | str) -> tuple[Role, ...]:
    """The roles a person with role ``by`` may give to someone else."""
    if not allows(by, Permission.MANAGE_STAFF):
        return ()
    return tuple(r for r in Role if r is not Role.ADMIN or allows(by, Permission.MANAGE_ADMINS))
