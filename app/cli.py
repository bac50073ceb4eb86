"""``tsunagu <subcommand>``: headless admin and check commands; no subcommand starts the program.

Expected failures print one line and exit with the error's code (2: wrong login, 3: not a store
or damaged, 1: anything else the user can fix); bugs keep their traceback. Passwords are read
from standard input (``--password-stdin``) or asked for without echo, never taken as arguments.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from app.errors import UserError
from app.i18n import _, set_language


def _read_secret(args: argparse.Namespace, prompt: str, *, confirm: bool = False) -> str:
    if getattr(args, "password_stdin", False) or getattr(args, "recovery_key_stdin", False):
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass(_("Repeat it: ")) != first:
        raise UserError(_("The two entries are not the same."))
    return first


def _unlock(args: argparse.Namespace):
    from app.store.store import open_store, open_with_recovery

    if getattr(args, "recovery_key_stdin", False):
        return open_with_recovery(args.path, _read_secret(args, _("Recovery key: ")))
    if not args.user:
        raise UserError(_("Give --user NAME, or --recovery-key-stdin."))
    return open_store(args.path, args.user, _read_secret(args, _("Password: ")))


def cmd_store_init(args: argparse.Namespace) -> int:
    from app.store.store import create_store

    password = _read_secret(args, _("Password for {name}: ").format(name=args.admin), confirm=True)
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


def cmd_store_verify(args: argparse.Namespace) -> int:
    from app.store.verify import verify_store

    session = _unlock(args)
    try:
        report = verify_store(session)
    finally:
        session.close(event=None)
    if not report.ok:
        print(_("damaged: {problems}").format(problems="; ".join(report.problems)))
        return 3
    print("ok " + " ".join(f"{k}={v}" for k, v in report.counts.items()))
    return 0


def cmd_store_backup(args: argparse.Namespace) -> int:
    from app.store.backup import backup_store

    session = _unlock(args)
    try:
        made = backup_store(session, Path(args.to), keep=args.keep)
    finally:
        session.close()
    print(_("Backup written and checked: {file} ({tables} tables, {rows} rows).").format(
        file=made.path, tables=made.tables, rows=made.rows))
    for old in made.removed:
        print(_("Removed the older backup {file}.").format(file=old.name))
    return 0


def cmd_store_restore(args: argparse.Namespace) -> int:
    from app.store.backup import restore_backup

    if not args.user:
        raise UserError(_("Give --user NAME: a person who could log in when the backup was made."))
    target = restore_backup(args.path, args.to, args.user, _read_secret(args, _("Password: ")))
    print(_("Restored to {file}. Open it with “Open another store” on the login screen.").format(file=target))
    return 0


def cmd_staff(args: argparse.Namespace) -> int:
    from app.store import accounts

    session = _unlock(args)
    try:
        if args.action == "list":
            for a in accounts.list_staff(session):
                print(f"{a.username}\t{a.role}")
        elif args.action == "add":
            print(_("New person's password (at least 12 characters or 4 words):"), file=sys.stderr)
            password = sys.stdin.readline().rstrip("\r\n") if args.password_stdin else getpass.getpass()
            accounts.add_staff(session, args.name, args.role, password)
            print(_("Added {name} ({role}).").format(name=args.name, role=args.role))
        elif args.action == "remove":
            accounts.remove_staff(session, args.name)
            print(_("Removed {name}; their password no longer opens the store.").format(name=args.name))
        elif args.action == "reset":
            password = sys.stdin.readline().rstrip("\r\n") if args.password_stdin else getpass.getpass(_("New password: "))
            accounts.reset_password(session, args.name, password)
            print(_("New password set for {name}.").format(name=args.name))
    finally:
        session.close()
    return 0


def cmd_audit_check(args: argparse.Namespace) -> int:
    from app.store import audit

    session = _unlock(args)
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


def cmd_demo(args: argparse.Namespace) -> int:
    from app.cases.demo import DEMO_PASSWORD, DEMO_USER, make_demo_store

    n = make_demo_store(Path(args.path), args.cases)
    print(_("Created {file} with {count} fictional cases.").format(file=args.path, count=n))
    print(_("Demo login: user {user}, password {password}").format(user=DEMO_USER, password=DEMO_PASSWORD))
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    """The program's window lives in ui/, which app/ never imports: the launcher passes it in."""
    if args.gui is None:
        raise UserError(_("Start the program with the tsunagu command."))
    return int(args.gui(store=args.store) or 0)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="tsunagu", description=_("Tsunagu: interviews, screening and referrals, offline."))
    p.set_defaults(func=cmd_gui, store=None)
    sub = p.add_subparsers(dest="command")

    g = sub.add_parser("gui", help=_("start the program (the default)"))
    g.add_argument("--store", help=_("open this store instead of the last one"))
    g.set_defaults(func=cmd_gui)

    store = sub.add_parser("store", help=_("create and check stores")).add_subparsers(dest="store_command", required=True)
    init = store.add_parser("init", help=_("create a store and its administrator"))
    init.add_argument("path")
    init.add_argument("--admin", required=True, metavar="NAME")
    init.add_argument("--password-stdin", action="store_true")
    init.set_defaults(func=cmd_store_init)

    def unlock_args(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("path")
        sp.add_argument("--user", metavar="NAME")
        sp.add_argument("--password-stdin", action="store_true")
        sp.add_argument("--recovery-key-stdin", action="store_true")

    verify = store.add_parser("verify", help=_("open a store and check every page"))
    unlock_args(verify)
    verify.set_defaults(func=cmd_store_verify)

    back = store.add_parser("backup", help=_("write an encrypted, checked backup into a folder"))
    unlock_args(back)
    back.add_argument("--to", required=True, metavar="FOLDER")
    back.add_argument("--keep", type=int, default=10, help=_("how many backups to keep in the folder (default 10)"))
    back.set_defaults(func=cmd_store_backup)

    restore = store.add_parser("restore", help=_("check a backup and copy it to a new store file"))
    restore.add_argument("path", metavar="BACKUP")
    restore.add_argument("--to", required=True, metavar="NEW_STORE")
    restore.add_argument("--user", metavar="NAME")
    restore.add_argument("--password-stdin", action="store_true")
    restore.set_defaults(func=cmd_store_restore)

    staff = sub.add_parser("staff", help=_("list, add, remove staff or reset a password"))
    staff.add_argument("action", choices=["list", "add", "remove", "reset"])
    unlock_args(staff)
    staff.add_argument("--name", default="")
    staff.add_argument("--role", default="counsellor", choices=["counsellor", "supervisor", "admin"])
    staff.set_defaults(func=cmd_staff)

    aud = sub.add_parser("audit", help=_("check the audit log's hash chain"))
    aud.add_argument("check", choices=["check"])
    unlock_args(aud)
    aud.set_defaults(func=cmd_audit_check)

    demo = sub.add_parser("demo", help=_("make a store of fictional cases for trying the program"))
    demo.add_argument("path")
    demo.add_argument("--cases", type=int, default=12)
    demo.set_defaults(func=cmd_demo)

    for module in ("app.interview.commands", "app.screening.commands", "app.i18n.status", "app.printing.commands",
                   "app.referrals.commands"):
        try:
            mod = __import__(module, fromlist=["register"])
        except ImportError:
            continue
        mod.register(sub)
    return p


def main(argv: list[str] | None = None, gui=None) -> int:
    from app import settings
    from app.logs import setup_logging

    set_language(settings.load().language())
    setup_logging()
    words = sys.argv[1:] if argv is None else list(argv)
    if not words:  # the program itself: no parser, so no subcommand module slows the first window
        args = argparse.Namespace(func=cmd_gui, store=None)
    else:
        args = build_parser().parse_args(words)
    args.gui = gui
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"tsunagu: {exc.message()}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
