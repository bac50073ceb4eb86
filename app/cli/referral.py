"""``tsunagu referral --demo --to RECIPIENT [--purpose P] [--her-copy] [--lang th] --out FILE``.

Builds a referral packet (or her copy) for a built-in fictional case, to check the layout,
the fonts and each recipient's fields without touching a real store. The demo store is made in
a temporary folder with a random password and deleted afterwards; the PDF is written with
``atomic_write`` (mode 0600). Real referrals are made in the program, where consent is
recorded.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.errors import UserError
from app.i18n import N_, _
from app.i18n.content import INTERVIEW_LANGUAGES
from app.printing.pdfdoc import save_pdf
from app.referrals.demo import demo_pdf
from app.referrals.recipients import all_recipients


def register(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser("referral", help=_("make a referral packet for a fictional demo case"))
    parser.add_argument("--demo", action="store_true", help=_("use the built-in fictional case (required)"))
    parser.add_argument("--to", dest="recipient", required=True, choices=[r.id for r in all_recipients()],
                        help=_("who receives the packet"))
    parser.add_argument("--purpose", default=None, help=_("the purpose (default: the recipient's first)"))
    parser.add_argument("--her-copy", action="store_true", help=_("write the copy she keeps instead of the packet"))
    parser.add_argument("--lang", default="th", choices=INTERVIEW_LANGUAGES, help=_("her language (default th)"))
    parser.add_argument("--out", required=True, type=Path, help=_("where to save the PDF"))
    parser.set_defaults(func=referral_handler)
    return parser


def referral_handler(args: argparse.Namespace) -> int:
    if not args.demo:
        raise UserError(N_("Only the fictional demo case can be used here (--demo). Make real referrals in the program, where her consent is recorded."))
    data = demo_pdf(args.recipient, args.purpose, her_copy=args.her_copy, lang=args.lang)
    save_pdf(data, args.out)
    print(_("Saved {file} ({size} KB).").format(file=args.out, size=round(len(data) / 1024)))
    return 0
