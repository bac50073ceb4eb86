"""The leaflet's words in the person's language and in Japanese, from resources/leaflets/.

The English text in leaflet.toml is the msgid; ``ctext`` gives the interview language's version
(English while no translation exists, which ``untranslated`` reports so staff can be told). The
Japanese half is always the reviewed Japanese from the file. Hotline names and purposes come
from the directory the same way. Nothing here can see a case: the only inputs are a language
and the directory.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from app import resources
from app.contacts.model import Contact
from app.errors import UserError
from app.i18n import N_
from app.i18n.content import INTERVIEW_LANGUAGES, ctext

LEAFLET_FILE = resources.path("leaflets", "leaflet.toml")
TEXT_KEYS = ("title", "intro", "numbers_heading", "free_call", "foreign_languages", "rights_heading",
             "helper_heading", "helper", "checked", "may_change", "card_more")


@dataclass(frozen=True)
class Both:
    """One text in the person's language (``her``) and in Japanese (``ja``)."""

    her: str
    ja: str


@dataclass(frozen=True)
class Source:
    """The English and Japanese source texts of one leaflet entry."""

    en: str
    ja: str


@lru_cache(maxsize=4)
def load_sources(path: Path = LEAFLET_FILE) -> tuple[dict[str, Source], tuple[Source, ...]]:
    """(texts by key, rights in order) from leaflet.toml; English and Japanese must match key for key."""
    name = Path(path).name
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        en, ja = data["text"], data["ja"]
        en_rights, ja_rights = en.pop("rights"), ja.pop("rights")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, AttributeError) as exc:
        raise UserError(N_("The leaflet text file {file} is damaged ({reason})."), file=name, reason=str(exc)) from exc
    for a, b in ((en, ja), (en_rights, ja_rights)):
        if set(a) != set(b) or not all(isinstance(v, str) for v in [*a.values(), *b.values()]):
            raise UserError(N_("The leaflet text file {file} is damaged ({reason})."), file=name,
                            reason="[text] and [ja] differ: " + ", ".join(sorted(set(a) ^ set(b))))
    missing = [k for k in TEXT_KEYS if k not in en]
    if missing:
        raise UserError(N_("The leaflet text file {file} lacks {keys}."), file=name, keys=", ".join(missing))
    texts = {k: Source(en[k], ja[k]) for k in en}
    return texts, tuple(Source(en_rights[k], ja_rights[k]) for k in en_rights)


def check_language(lang: str) -> None:
    if lang not in INTERVIEW_LANGUAGES:
        raise UserError(N_("{lang} is not an interview language. Choose one of: {choices}"),
                        lang=lang, choices=", ".join(INTERVIEW_LANGUAGES))


def her(source: Source, lang: str) -> str:
    """``source`` in interview language ``lang`` (Japanese from the file for ja)."""
    return source.ja if lang == "ja" else ctext(source.en, lang)


def text(key: str, lang: str, **params: str) -> Both:
    """A leaflet text by key, both halves, with ``params`` filled in."""
    src = load_sources()[0][key]
    return Both(her(src, lang).format(**params), src.ja.format(**params))


def rights(lang: str) -> list[Both]:
    return [Both(her(src, lang), src.ja) for src in load_sources()[1]]


def contact_name(entry: Contact, lang: str) -> Both:
    return Both(entry.name_ja if lang == "ja" else ctext(entry.name_en, lang), entry.name_ja)


def contact_purpose(entry: Contact, lang: str) -> Both:
    return _pair(entry.purpose_en, entry.purpose_ja, lang)


def contact_hours(entry: Contact, lang: str) -> Both:
    return _pair(entry.hours_en, entry.hours_ja, lang)


def _pair(en: str, ja: str, lang: str) -> Both:
    """An optional entry text; a local entry may have only one of the two."""
    if lang == "ja":
        return Both(ja, ja)
    return Both(ctext(en, lang) if en else "", ja)


def msgids(entries: tuple[Contact, ...] = ()) -> list[str]:
    """Every English source string a leaflet can print, for the translators' catalog:
    leaflet.toml's [text] plus the names, purposes, hours and number labels of ``entries``."""
    texts, rights_ = load_sources()
    out = [s.en for s in texts.values()] + [s.en for s in rights_]
    for e in entries:
        out += [x for x in (e.name_en, e.purpose_en, e.hours_en) if x]
        out += [n.label_en for n in e.other_numbers]
    return list(dict.fromkeys(out))


def untranslated(lang: str, entries: tuple[Contact, ...] = ()) -> list[str]:
    """The msgids that would print in English on a leaflet for ``lang`` (none for en and ja)."""
    if lang in ("en", "ja"):
        return []
    return [m for m in msgids(entries) if ctext(m, lang) == m]
