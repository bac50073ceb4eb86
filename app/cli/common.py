"""What the store commands share: reading a secret and unlocking a store from the command line.

Passwords are read from standard input (``--password-stdin``) or asked for without echo, never
taken as arguments (they would show in the process list and the shell history).
"""

from __future__ import annotations

import argparse
import getpass
import sys

from app.errors import UserError
from app.i18n import _
from app.store.session import Session
from app.store.store import open_store, open_with_recovery


def read_secret(args: argparse.Namespace, prompt: str, *, confirm: bool = False) -> str:
    if getattr(args, "password_stdin", False) or getattr(args, "recovery_key_stdin", False):
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass(_("Repeat it: ")) != first:
        raise UserError(_("The two entries are not the same."))
    return first


def unlock(args: argparse.Namespace) -> Session:
    if getattr(args, "recovery_key_stdin", False):
        return open_with_recovery(args.path, read_secret(args, _("Recovery key: ")))
    if not args.user:
        raise UserError(_("Give --user NAME, or --recovery-key-stdin."))
    return open_store(args.path, args.user, read_secret(args, _("Password: ")))


def unlock_args(parser: argparse.ArgumentParser) -> None:
    """The arguments of every command that opens a store: the file and who opens it."""
    parser.add_argument("path")
    parser.add_argument("--user", metavar="NAME")
    parser.add_argument("--password-stdin", action="store_true")
    parser.add_argument("--recovery-key-stdin", action="store_true")
