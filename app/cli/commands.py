"""The one list of ``tsunagu`` subcommands: each module registers its own parser.

Plain imports, on purpose: a command module that fails to import fails every command loudly
(and in the tests) instead of vanishing from the help, and PyInstaller sees every module.
"""

from __future__ import annotations

import argparse

from app.cli import demo, gui, i18n, leaflet, questions, referral, screen, staff, store
from app.i18n import _

COMMANDS = (gui, store, staff, demo, questions, screen, i18n, leaflet, referral)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="tsunagu", description=_("Tsunagu: interviews, screening and referrals, offline."))
    p.set_defaults(func=gui.cmd_gui, store=None)
    sub = p.add_subparsers(dest="command")
    for module in COMMANDS:
        module.register(sub)
    return p
