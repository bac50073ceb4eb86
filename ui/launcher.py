"""The ``tsunagu`` command: subcommands run headless in app.cli; no subcommand opens the window.

It lives in ui/ because app/ never imports the GUI; app.cli receives the window's ``run`` as a
callable and imports nothing from here.
"""

from __future__ import annotations

import sys


def _run_gui(store: str | None = None) -> int:
    from ui.main import run

    return run(store=store)


def main(argv: list[str] | None = None) -> int:
    from app.cli import main as cli_main

    return cli_main(argv, gui=_run_gui)


if __name__ == "__main__":
    sys.exit(main())
