"""Keep the translation catalogs in step with the code: ``python -m app.i18n.catalogs update``.

Extracts every ``_("...")`` and ``N_("...")`` literal from app/ and ui/ into
locales/tsunagu.pot, then updates each staff language's .po (new strings appear empty, changed
ones are marked fuzzy, removed ones become obsolete). English is the source language, so its
catalog simply mirrors the source. ``check`` reports translations whose {placeholders} differ
from the source (Electrum rejects those too) and, with ``--complete``, empty ones.
"""

from __future__ import annotations

import re
import sys
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from app.i18n import DEFAULT_DOMAIN, LOCALES_DIR, STAFF_LANGUAGES

ROOT = LOCALES_DIR.parent
SOURCE_DIRS = ("app", "ui")
KEYWORDS = {"_": None, "N_": None}
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def extract(domain: str = DEFAULT_DOMAIN) -> Catalog:
    """Every marked string in the source folders, with where it is used."""
    catalog = Catalog(project="Tsunagu", domain=domain, charset="utf-8", fuzzy=False)
    for folder in SOURCE_DIRS:
        method_map = [("**.py", "python")]
        for filename, lineno, message, comments, context in extract_from_dir(
            ROOT / folder, method_map=method_map, keywords=KEYWORDS, comment_tags=("Translators:",)
        ):
            catalog.add(message, None, [(f"{folder}/{filename}", lineno)], auto_comments=comments, context=context)
    return catalog


def po_path(lang: str, domain: str = DEFAULT_DOMAIN) -> Path:
    return LOCALES_DIR / lang / "LC_MESSAGES" / f"{domain}.po"


def read(path: Path, lang: str) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh, locale=lang)


def write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        write_po(fh, catalog, width=100, sort_output=False, omit_header=False, include_previous=False)


def update(domain: str = DEFAULT_DOMAIN) -> None:
    template = extract(domain)
    write(template, LOCALES_DIR / f"{domain}.pot")
    for lang in STAFF_LANGUAGES:
        path = po_path(lang, domain)
        if path.exists():
            catalog = read(path, lang)
            catalog.update(template, update_header_comment=False)
        else:
            catalog = Catalog(locale=lang, domain=domain, project="Tsunagu", fuzzy=False)
            catalog.update(template)
        if lang == "en":
            for msg in catalog:
                if msg.id:
                    msg.string = msg.id
                    msg.flags.discard("fuzzy")
        catalog.revision_date = datetime.now(timezone.utc)
        write(catalog, path)
        print(f"{path.relative_to(ROOT)}: {len([m for m in catalog if m.id])} messages")


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


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        update()
        return 0
    if argv[:1] == ["check"]:
        found = [p for lang in STAFF_LANGUAGES for p in problems(lang, complete="--complete" in argv)]
        print("\n".join(found) or "ok")
        return 1 if found else 0
    print("usage: python -m app.i18n.catalogs update | check [--complete]")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
