"""Interview content in the person's language: questions, answers, consent and leaflet text.

These live in the ``questions`` gettext domain (locales/<code>/LC_MESSAGES/questions.po), apart
from the staff interface (``tsunagu``), because the person's language and the staff language are
chosen independently in the same session. The English source text is the msgid.
"""

from __future__ import annotations

from app.i18n import gettext

DOMAIN = "questions"

# The interview languages (design notes and issue 4): CLDR codes, so `fil` not `tl`.
INTERVIEW_LANGUAGES = (
    "ja", "en", "th", "fil", "zh_Hans", "zh_Hant", "vi", "id", "ko", "es", "pt_BR", "ne", "my", "km",
)


def ctext(message: str, lang: str) -> str:
    """``message`` in interview language ``lang``; the English source if not translated yet."""
    if lang == "en":
        return message
    return gettext(message, lang=lang, domain=DOMAIN)
