"""``tsunagu demo PATH [--cases N]``: a store of fictional cases for trying the program."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cases.demo import DEMO_PASSWORD, DEMO_USER, make_demo_store
from app.i18n import _


def cmd_demo(args: argparse.Namespace) -> int:
    n = make_demo_store(Path(args.path), args.cases)
    print(_("Created {file} with {count} fictional cases.").format(file=args.path, count=n))
    print(_("Demo login: user {user}, password {password}").format(user=DEMO_USER, password=DEMO_PASSWORD))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser("demo", help=_("make a store of fictional cases for trying the program"))
    demo.add_argument("path")
    demo.add_argument("--cases", type=int, default=12)
    demo.set_defaults(func=cmd_demo)
