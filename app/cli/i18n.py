"""``tsunagu i18n status [--json]``: translated share and review status of every catalog.

Exits 1 when an interview language is not complete, so a release check can rely on it.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from app.i18n import _
from app.i18n.status import all_statuses, incomplete_interview_languages


def cmd_status(args: argparse.Namespace) -> int:
    statuses = all_statuses()
    if args.json:
        print(json.dumps([asdict(s) | {"percent": s.percent} for s in statuses], ensure_ascii=False, indent=1))
    else:
        print(f"{'language':10} {'domain':10} {'done':>7} {'fuzzy':>5}  review")
        for s in statuses:
            who = f" ({s.reviewed_by}, {s.reviewed_on})" if s.review == "reviewed" else ""
            print(f"{s.language:10} {s.domain:10} {s.percent:6.1f}% {s.fuzzy:5d}  {s.review}{who}")
    missing = incomplete_interview_languages(statuses)
    if missing:
        print(_("Interview languages not complete: {langs}").format(langs=", ".join(missing)))
        return 1
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("i18n", help=_("translation catalogs"))
    sub = p.add_subparsers(dest="i18n_command", required=True)
    status = sub.add_parser("status", help=_("translated share and review status of every catalog"))
    status.add_argument("--json", action="store_true")
    status.set_defaults(func=cmd_status)

