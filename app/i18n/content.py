"""Interview content in the person's language: questions, answers, consent and leaflet text.

These live in the ``questions`` gettext domain (locales/<code>/LC_MESSAGES/questions.po), apart
from the staff interface (``tsunagu``), because the person's language and the staff language are
chosen independently in the same session. The English source text is the msgid.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.i18n import gettext

DOMAIN = "questions"
HELP_DOMAIN = "help"  # the staff help beside each question: staff languages only

# The interview languages (design notes and issue 4): CLDR codes, so `fil` not `tl`.
INTERVIEW_LANGUAGES = (
    "ja", "en", "th", "fil", "zh_Hans", "zh_Hant", "vi", "id", "ko", "es", "pt_BR", "ne", "my", "km",
)


# The four answers every question accepts, shown to her in her language on the cards and the
# interpreter screen. Extracted into the questions domain by make i18n.
FIXED_ANSWERS = {"yes": "Yes", "no": "No", "not_sure": "Not sure", "declined": "I don't want to say"}


def ctext(message: str, lang: str) -> str:
    """``message`` in interview language ``lang``; the English source if not translated yet."""
    if lang == "en":
        return message
    return gettext(message, lang=lang, domain=DOMAIN)


def help_text(message: str, staff_lang: str) -> str:
    """The staff help of a question in the staff language (Japanese or English)."""
    if staff_lang == "en":
        return message
    return gettext(message, lang=staff_lang, domain=HELP_DOMAIN)


def interview_language(languages: Iterable[str]) -> str:
    """The first of the person's languages that the interview is offered in; English otherwise."""
    for code in languages:
        for candidate in (code, {"zh": "zh_Hans", "pt": "pt_BR", "tl": "fil"}.get(code, code)):
            if candidate in INTERVIEW_LANGUAGES:
                return candidate
    return "en"
