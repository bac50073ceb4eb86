"""Keep the translation catalogs in step with the code: ``python -m tools.catalogs update`` (``make i18n``).

Extracts every ``_("...")`` and ``N_("...")`` literal from app/ and ui/ into
locales/tsunagu.pot, then updates each staff language's .po (new strings appear empty, changed
ones are marked fuzzy, removed ones become obsolete). English is the source language, so its
catalog simply mirrors the source. ``check`` reports translations whose {placeholders} differ
from the source (Electrum rejects those too) and, with ``--complete``, empty ones.
"""

from __future__ import annotations

import copy
import sys
import tomllib
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir

from app import resources
from app.contacts.directory import load_defaults
from app.i18n import DEFAULT_DOMAIN, LOCALES_DIR, STAFF_LANGUAGES
from app.i18n.content import DOMAIN as CONTENT_DOMAIN
from app.i18n.content import FIXED_ANSWERS, HELP_DOMAIN, INTERVIEW_LANGUAGES
from app.i18n.po import DOMAIN_LANGUAGES, po_path, problems, read, write
from app.printing.leaflet_text import msgids
from app.referrals import her_copy, recipients

ROOT = LOCALES_DIR.parent
SOURCE_DIRS = ("app", "ui")
KEYWORDS = {"_": None, "N_": None}


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


RESOURCES = resources.path()


def _add(catalog: Catalog, text: object, where: str, note: str = "") -> None:
    """Add a source string; the question id goes in a comment (a location must be path:line,
    and babel drops locations it cannot read when translators round-trip the file)."""
    if isinstance(text, str) and text.strip():
        catalog.add(text, None, [(where, None)], auto_comments=[note] if note else [])


def extract_content() -> tuple[Catalog, Catalog]:
    """Interview content (``questions``: section titles, questions, choices, leaflet text) and
    the staff help beside each question (``help``: Japanese and English only)."""
    content = Catalog(project="Tsunagu", domain=CONTENT_DOMAIN, charset="utf-8", fuzzy=False)
    help_ = Catalog(project="Tsunagu", domain=HELP_DOMAIN, charset="utf-8", fuzzy=False)
    for path in sorted((RESOURCES / "questions").glob("*.toml")):
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
        where = f"resources/questions/{path.name}"
        _add(content, doc.get("section", {}).get("title"), where)
        for q in doc.get("question", []):
            note = f"question {q.get('id')}"
            _add(content, q.get("text"), where, note)
            for choice in q.get("choices", []):
                _add(content, choice.get("text"), where, f"{note}, choice {choice.get('value')}")
            _add(help_, q.get("help"), where, note)
    for value, text in FIXED_ANSWERS.items():
        _add(content, text, "app/i18n/content.py", f"answer {value}")
    for text in msgids(load_defaults()):
        _add(content, text, "resources/leaflets")
    for text in her_copy.HER_COPY_TEXTS:
        _add(content, text, "app/referrals/her_copy.py", "her copy of a referral")
    return content, help_


def japanese_halves() -> dict[str, str]:
    """Each English text her copy can print, with the Japanese printed beside it (reviewed in
    app/referrals, in code): ``make i18n`` copies these into the Japanese catalog rather than
    anyone retyping them."""
    return her_copy.japanese_pairs() | recipients.her_japanese()


def update() -> None:
    """Re-extract every domain and bring each language's catalog up to date."""
    content, help_ = extract_content()
    _update_domain(extract(DEFAULT_DOMAIN), DEFAULT_DOMAIN, STAFF_LANGUAGES)
    _update_domain(content, CONTENT_DOMAIN, INTERVIEW_LANGUAGES, fixed={"ja": japanese_halves()})
    _update_domain(help_, HELP_DOMAIN, STAFF_LANGUAGES)


def _update_domain(template: Catalog, domain: str, languages, fixed: dict[str, dict[str, str]] | None = None) -> None:
    """Update each language's catalog; ``fixed[lang]`` gives translations that live in the code
    (her copy's Japanese half) and are copied in, never typed twice."""
    write(template, LOCALES_DIR / f"{domain}.pot")
    for lang in languages:
        path = po_path(lang, domain)
        source = copy.deepcopy(template)  # babel shares Message objects with the template
        if path.exists():
            catalog = read(path, lang)
            catalog.update(source, update_header_comment=False)
        else:
            catalog = Catalog(locale=lang, domain=domain, project="Tsunagu", fuzzy=False)
            catalog.update(source)
        given = {m.id: m.id for m in catalog if m.id} if lang == "en" else (fixed or {}).get(lang, {})
        for msg in catalog:
            if msg.id in given:
                msg.string = given[msg.id]
                msg.flags.discard("fuzzy")
        catalog.revision_date = datetime.now(timezone.utc)
        write(catalog, path)
        print(f"{path.relative_to(ROOT)}: {len([m for m in catalog if m.id])} messages")


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        update()
        return 0
    if argv[:1] == ["check"]:
        found = [p for domain, langs in DOMAIN_LANGUAGES.items() for lang in langs
                 if po_path(lang, domain).exists() for p in problems(lang, domain, complete="--complete" in argv)]
        print("\n".join(found) or "ok")
        return 1 if found else 0
    print("usage: python -m tools.catalogs update | check [--complete]")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
