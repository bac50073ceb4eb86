"""Reading the gettext catalogs as babel sees them: where each one is, and what is wrong in it.

Runtime and build tools share this (``tsunagu i18n status``, the tests, ``make i18n``). A
translation whose {placeholders} differ from the source is a problem: Electrum rejects those too.
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from app.i18n import DEFAULT_DOMAIN, LOCALES_DIR, STAFF_LANGUAGES
from app.i18n.content import DOMAIN as CONTENT_DOMAIN
from app.i18n.content import HELP_DOMAIN, INTERVIEW_LANGUAGES

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
DOMAIN_LANGUAGES = {DEFAULT_DOMAIN: STAFF_LANGUAGES, CONTENT_DOMAIN: INTERVIEW_LANGUAGES, HELP_DOMAIN: STAFF_LANGUAGES}


def po_path(lang: str, domain: str = DEFAULT_DOMAIN) -> Path:
    return LOCALES_DIR / lang / "LC_MESSAGES" / f"{domain}.po"


def read(path: Path, lang: str) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh, locale=lang)


def write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        write_po(fh, catalog, width=100, sort_output=False, omit_header=False, include_previous=False)


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def problems(lang: str, domain: str = DEFAULT_DOMAIN, complete: bool = False) -> list[str]:
    """Placeholder mismatches (and, if ``complete``, missing or fuzzy translations) in one catalog."""
    out = []
    catalog = read(po_path(lang, domain), lang)
    for msg in catalog:
        if not msg.id or not isinstance(msg.id, str):
            continue
        if msg.string and placeholders(msg.string) != placeholders(msg.id):
            out.append(f"{lang}: placeholders differ in {msg.id!r}")
        if complete and (not msg.string or msg.fuzzy):
            out.append(f"{lang}: not translated: {msg.id!r}")
    return out
