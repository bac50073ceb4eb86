"""``tsunagu questions check [DIR]``: check a question bank; exit 0, or 1 listing each problem.

Each problem names the file, the question (or section) id and the field. The lead wires
``register`` into app/cli.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.errors import UserError
from app.i18n import N_, _
from app.interview.bank import QUESTIONS_DIR
from app.interview.load import bank_issues
from app.screening.catalog import INDICATORS_DIR, load_catalog


def register(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser("questions", help=_("question bank tools"))
    sub = parser.add_subparsers(dest="questions_command", required=True)
    check = sub.add_parser("check", help=_("check a question bank for problems"))
    check.add_argument("directory", nargs="?", type=Path, default=None,
                       help=_("folder of question files (default: the shipped bank)"))
    check.add_argument("--indicators", type=Path, default=None, help=argparse.SUPPRESS)
    check.set_defaults(func=check_handler)
    return parser


def check_handler(args) -> int:
    directory = args.directory or QUESTIONS_DIR
    try:
        catalog = load_catalog(args.indicators or INDICATORS_DIR)
        if not Path(directory).is_dir():
            raise UserError(N_("{path} is not a folder"), path=directory)
        bank, issues = bank_issues(directory, catalog)
    except UserError as err:
        print(f"tsunagu: {err.message()}", file=sys.stderr)
        return err.exit_code
    for issue in issues:
        print(issue.message(), file=sys.stderr)
    if issues:
        print(_("{count} problem(s) found").format(count=len(issues)), file=sys.stderr)
        return 1
    print(_("OK: {questions} questions in {sections} sections").format(
        questions=len(bank.questions), sections=len(bank.sections)))
    return 0
