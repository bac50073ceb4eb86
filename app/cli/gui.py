"""``tsunagu`` and ``tsunagu gui [--store PATH]``: start the program's window."""

from __future__ import annotations

import argparse

from app.errors import UserError
from app.i18n import _


def cmd_gui(args: argparse.Namespace) -> int:
    """The window lives in ui/, which app/ never imports: the launcher passes it in."""
    if args.gui is None:
        raise UserError(_("Start the program with the tsunagu command."))
    return int(args.gui(store=args.store) or 0)


def register(subparsers: argparse._SubParsersAction) -> None:
    g = subparsers.add_parser("gui", help=_("start the program (the default)"))
    g.add_argument("--store", help=_("open this store instead of the last one"))
    g.set_defaults(func=cmd_gui)
