"""``tsunagu leaflet --lang LANG [--format a4|card] --out FILE`` and ``tsunagu contacts list``.

The leaflet command needs no store and no login: a leaflet holds no case data (R20). It uses
the shipped directory; local entries live in the store and reach leaflets through the program.
Warnings (numbers not checked for more than a year, text not yet translated) go to stderr; the
PDF is written atomically with mode 0600.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from app.contacts import default_directory
from app.i18n import _
from app.i18n.content import INTERVIEW_LANGUAGES
from app.printing.leaflet import build_leaflet, leaflet_warnings, save_pdf


def register(subparsers) -> None:
    leaflet = subparsers.add_parser("leaflet", help=_("make the leaflet or wallet card to give to the person"))
    leaflet.add_argument("--lang", required=True, choices=INTERVIEW_LANGUAGES, help=_("her language"))
    leaflet.add_argument("--format", dest="fmt", default="a4", choices=("a4", "card"),
                         help=_("a4: two A4 pages; card: 91 x 55 mm, front and back"))
    leaflet.add_argument("--out", required=True, type=Path, help=_("where to save the PDF"))
    leaflet.set_defaults(func=leaflet_handler)

    contacts = subparsers.add_parser("contacts", help=_("the directory of consultation lines"))
    sub = contacts.add_subparsers(dest="contacts_command", required=True)
    listing = sub.add_parser("list", help=_("list the lines, marking those not checked for over a year"))
    listing.set_defaults(func=contacts_list_handler)


def leaflet_handler(args: argparse.Namespace, today: date | None = None) -> int:
    today = today or date.today()
    directory = default_directory()
    for warning in leaflet_warnings(args.lang, directory, today):
        print(_("warning: {text}").format(text=warning), file=sys.stderr)  # staff language
    data = build_leaflet(args.lang, args.fmt, directory, today)
    save_pdf(data, args.out)
    print(_("Saved {file} ({size} KB).").format(file=args.out, size=round(len(data) / 1024)))
    return 0


def contacts_list_handler(args: argparse.Namespace, today: date | None = None) -> int:
    today = today or date.today()
    for e in default_directory().entries:
        flag = _("STALE") if e.stale(today) else "ok"
        number = e.number or "-"
        print(f"{flag}\t{e.last_checked.isoformat()}\t{number}\t{e.id}\t{e.name_ja}")
    return 0
