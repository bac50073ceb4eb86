"""``tsunagu store init|verify|backup|restore`` and ``tsunagu audit check``.

Exit codes: 0 ok, 2 wrong login, 3 not a store or damaged (``verify``), 1 anything else the
user can fix; the audit check exits 1 when the chain is broken.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import read_secret, unlock, unlock_args
from app.errors import UserError
from app.i18n import _
from app.store import audit
from app.store.backup import backup_store, restore_backup
from app.store.store import create_store
from app.store.verify import verify_store


def cmd_init(args: argparse.Namespace) -> int:
    password = read_secret(args, _("Password for {name}: ").format(name=args.admin), confirm=True)
    session, recovery = create_store(Path(args.path), args.admin, password)
    session.close()
    print(_("Created {file} with the administrator account {name}.").format(file=args.path, name=args.admin))
    print()
    print(_("RECOVERY KEY (shown only this once):"))
    print()
    print("    " + recovery)
    print()
    print(_("Write it down by hand, check it, and keep it in the office safe. It opens the store if every password is lost. Do not save it on this computer."))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    session = unlock(args)
    try:
        report = verify_store(session)
    finally:
        session.close(event=None)
    if not report.ok:
        print(_("damaged: {problems}").format(problems="; ".join(report.problems)))
        return 3
    print("ok " + " ".join(f"{k}={v}" for k, v in report.counts.items()))
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    session = unlock(args)
    try:
        made = backup_store(session, Path(args.to), keep=args.keep)
    finally:
        session.close()
    print(_("Backup written and checked: {file} ({tables} tables, {rows} rows).").format(
        file=made.path, tables=made.tables, rows=made.rows))
    for old in made.removed:
        print(_("Removed the older backup {file}.").format(file=old.name))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    if not args.user:
        raise UserError(_("Give --user NAME: a person who could log in when the backup was made."))
    target = restore_backup(args.path, args.to, args.user, read_secret(args, _("Password: ")))
    print(_("Restored to {file}. Open it with “Open another store” on the login screen.").format(file=target))
    return 0


def cmd_audit_check(args: argparse.Namespace) -> int:
    session = unlock(args)
    try:
        bad = audit.verify_chain(session.conn)
        count = session.conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    finally:
        session.close(event=None)
    if bad is not None:
        print(_("audit log altered at row {row}").format(row=bad))
        return 1
    print(_("audit log intact: {count} rows").format(count=count))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    store = subparsers.add_parser("store", help=_("create and check stores")).add_subparsers(
        dest="store_command", required=True)
    init = store.add_parser("init", help=_("create a store and its administrator"))
    init.add_argument("path")
    init.add_argument("--admin", required=True, metavar="NAME")
    init.add_argument("--password-stdin", action="store_true")
    init.set_defaults(func=cmd_init)

    verify = store.add_parser("verify", help=_("open a store and check every page"))
    unlock_args(verify)
    verify.set_defaults(func=cmd_verify)

    back = store.add_parser("backup", help=_("write an encrypted, checked backup into a folder"))
    unlock_args(back)
    back.add_argument("--to", required=True, metavar="FOLDER")
    back.add_argument("--keep", type=int, default=10, help=_("how many backups to keep in the folder (default 10)"))
    back.set_defaults(func=cmd_backup)

    restore = store.add_parser("restore", help=_("check a backup and copy it to a new store file"))
    restore.add_argument("path", metavar="BACKUP")
    restore.add_argument("--to", required=True, metavar="NEW_STORE")
    restore.add_argument("--user", metavar="NAME")
    restore.add_argument("--password-stdin", action="store_true")
    restore.set_defaults(func=cmd_restore)

    aud = subparsers.add_parser("audit", help=_("check the audit log's hash chain"))
    aud.add_argument("check", choices=["check"])
    unlock_args(aud)
    aud.set_defaults(func=cmd_audit_check)
