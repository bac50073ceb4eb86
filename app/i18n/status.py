"""How complete and how checked each catalog is (``tsunagu i18n status``, app/cli/i18n.py).

Per language and domain: the share of messages translated, the fuzzy count, and the review
status written in the catalog's header comment ("Review-Status: draft" until a professional
translator has reviewed it, then "reviewed" with "Reviewed-By:" and "Reviewed-On:").
The staff see the same status: a draft language shows a caution on every interview card.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from app.i18n import DEFAULT_DOMAIN, LOCALES_DIR, N_, STAFF_LANGUAGES
from app.i18n.content import DOMAIN, HELP_DOMAIN, INTERVIEW_LANGUAGES

HEADER_FIELD = re.compile(r"^#\s*(Review-Status|Reviewed-By|Reviewed-On):[ \t]*(.*)$", re.MULTILINE)


@dataclass(frozen=True)
class CatalogStatus:
    language: str
    domain: str
    total: int
    translated: int
    fuzzy: int
    review: str  # "source", "draft" or "reviewed"
    reviewed_by: str = ""
    reviewed_on: str = ""

    @property
    def percent(self) -> float:
        return 100.0 if self.total == 0 else round(100.0 * self.translated / self.total, 1)


def _header(text: str) -> dict[str, str]:
    head = text.split('msgid ""', 1)[0]
    return {k: v.strip() for k, v in HEADER_FIELD.findall(head)}


def catalog_status(lang: str, domain: str) -> CatalogStatus:
    from babel.messages.pofile import read_po

    path = LOCALES_DIR / lang / "LC_MESSAGES" / f"{domain}.po"
    if not path.exists():
        return CatalogStatus(lang, domain, 0, 0, 0, "missing")
    with path.open("rb") as fh:
        catalog = read_po(fh, locale=None)
    messages = [m for m in catalog if m.id and isinstance(m.id, str)]
    fuzzy = sum(1 for m in messages if m.fuzzy)
    translated = sum(1 for m in messages if m.string and not m.fuzzy)
    head = _header(path.read_text(encoding="utf-8"))
    review = head.get("Review-Status", "source" if lang == "en" else "draft") or "draft"
    return CatalogStatus(lang, domain, len(messages), translated, fuzzy, review,
                         head.get("Reviewed-By", ""), head.get("Reviewed-On", ""))


@lru_cache(maxsize=32)
def review_status(lang: str) -> str:
    """The interview content's review status for ``lang`` (what the card caution shows)."""
    return catalog_status(lang, DOMAIN).review


def is_draft(lang: str) -> bool:
    return review_status(lang) not in ("source", "reviewed")


DRAFT_CAUTION = N_(
    "This language's text is a draft that no professional translator has checked yet. "
    "Check the meaning with the interpreter before relying on an answer."
)


def all_statuses() -> list[CatalogStatus]:
    out = [catalog_status(lang, DEFAULT_DOMAIN) for lang in STAFF_LANGUAGES]
    out += [catalog_status(lang, HELP_DOMAIN) for lang in STAFF_LANGUAGES]
    out += [catalog_status(lang, DOMAIN) for lang in INTERVIEW_LANGUAGES]
    return out


def incomplete_interview_languages(statuses: list[CatalogStatus]) -> list[str]:
    return [s.language for s in statuses if s.domain == DOMAIN and (s.percent < 100 or s.fuzzy)]

