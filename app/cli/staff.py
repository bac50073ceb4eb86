"""``tsunagu staff list|add|remove|reset``: staff accounts, each with its own key slot."""

from __future__ import annotations

import argparse
import getpass
import sys

from app.cli.common import unlock, unlock_args
from app.i18n import _
from app.roles import Role
from app.store import accounts


def _new_password(args: argparse.Namespace, prompt: str) -> str:
    return sys.stdin.readline().rstrip("\r\n") if args.password_stdin else getpass.getpass(prompt)


def cmd_staff(args: argparse.Namespace) -> int:
    session = unlock(args)
    try:
        if args.action == "list":
            for a in accounts.list_staff(session):
                print(f"{a.username}\t{a.role}")
        elif args.action == "add":
            print(_("New person's password (at least 12 characters or 4 words):"), file=sys.stderr)
            accounts.add_staff(session, args.name, args.role, _new_password(args, "Password: "))
            print(_("Added {name} ({role}).").format(name=args.name, role=args.role))
        elif args.action == "remove":
            accounts.remove_staff(session, args.name)
            print(_("Removed {name}; their password no longer opens the store.").format(name=args.name))
        elif args.action == "reset":
            accounts.reset_password(session, args.name, _new_password(args, _("New password: ")))
            print(_("New password set for {name}.").format(name=args.name))
    finally:
        session.close()
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    staff = subparsers.add_parser("staff", help=_("list, add, remove staff or reset a password"))
    staff.add_argument("action", choices=["list", "add", "remove", "reset"])
    unlock_args(staff)
    staff.add_argument("--name", default="")
    staff.add_argument("--role", default=Role.COUNSELLOR.value, choices=[r.value for r in Role])
    staff.set_defaults(func=cmd_staff)
