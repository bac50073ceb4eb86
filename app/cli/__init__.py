"""``tsunagu <subcommand>``: headless admin and check commands; no subcommand starts the program.

Expected failures print one line and exit with the error's code (2: wrong login, 3: not a store
or damaged, 1: anything else the user can fix); bugs keep their traceback. The subcommands are
listed once, in app/cli/commands.py.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from app import settings
from app.cli.gui import cmd_gui
from app.errors import UserError
from app.i18n import set_language
from app.logs import setup_logging


def main(argv: list[str] | None = None, gui: Callable[..., object] | None = None) -> int:
    set_language(settings.load().language())
    setup_logging()
    words = sys.argv[1:] if argv is None else list(argv)
    if words:
        # Only a command needs the parser: the program itself starts without loading the
        # command modules (and reportlab behind them), so the first window comes up sooner.
        from app.cli.commands import build_parser

        args = build_parser().parse_args(words)
    else:
        args = argparse.Namespace(func=cmd_gui, store=None)
    args.gui = gui
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"tsunagu: {exc.message()}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
