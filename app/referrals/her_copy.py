"""The short copy she keeps: what was shared with whom, in her language and in Japanese.

It is made from the provision record, so it says exactly what that packet sent: the
recipient, the purpose, the kinds of information in plain words, the date and the basis. It
holds no name, date of birth, nationality, status, contact detail, case number or answer: she
may carry it, and it may be found. It does name the recipient (the police, immigration), which
is her right to know but can itself be dangerous to carry; ``HER_COPY_WARNING`` asks staff to
talk that through with her. Her-language texts are English msgids of the ``questions`` domain
(``HER_COPY_TEXTS``); the Japanese half is fixed here and reviewed in Japanese.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.errors import UserError
from app.i18n import N_
from app.i18n.content import INTERVIEW_LANGUAGES, ctext
from app.i18n.dates import format_date, format_japanese
from app.printing.paragraph import TextBlock
from app.referrals import layout, recipients
from app.referrals.consent import case_number, require_own_account
from app.referrals.office import OfficeProfile, require_office_profile
from app.referrals.provisions import Provision, get_provision
from app.store import audit
from app.store.session import Session

HER_COPY_WARNING = N_(
    "Her copy names who received her information (for example the police). Ask her whether it is safe "
    "for her to carry it; she can leave it with the centre."
)


@dataclass(frozen=True)
class Pair:
    en: str  # the msgid; her language through ctext
    ja: str


TEXTS = {
    "title": Pair("About your information", "あなたの情報の提供について"),
    "consent": Pair("On {date}, with your agreement, we gave some of your information to the organisation below.",
                    "{date}、あなたの同意に基づき、あなたの情報の一部を次の機関に提供しました。"),
    "who": Pair("Who received it", "提供先"),
    "why": Pair("Why", "目的"),
    "what": Pair("What we shared", "提供した情報"),
    "withdraw": Pair("You can tell us at any time that you no longer agree. We will then stop giving your information. "
                     "Information already given cannot be taken back.",
                     "同意はいつでも取り消すことができます。取り消した後は、あなたの情報を提供しません。"
                     "ただし、すでに提供した情報を取り戻すことはできません。"),
    "ask_why": Pair("You can ask us why we did this, and tell us if you do not agree.",
                    "提供した理由の説明を求めることや、あなたの意見を伝えることができます。"),
    "contact": Pair("If you have questions, call us:", "お問い合わせ先："),
    "carry": Pair("You do not have to keep this paper. If it is not safe for you to carry it, we can keep it for you.",
                  "この紙を持ち帰る必要はありません。持ち歩くことが安全でない場合は、センターで預かります。"),
}

# The kinds of information, in plain words, for each field key a packet can send.
CATEGORIES = {
    "alias": Pair("The name you use with us", "センターで使っている呼び名"),
    "real_name": Pair("Your full name", "氏名"),
    "birth_date_or_age": Pair("Your date of birth or age", "生年月日・年齢"),
    "sex_gender": Pair("Your sex", "性別"),
    "nationality": Pair("Your nationality", "国籍"),
    "languages": Pair("The languages you speak", "話す言語"),
    "residence_status": Pair("Your visa (status of residence)", "在留資格（ビザ）"),
    "stay_expiry": Pair("The date your permission to stay ends", "在留期間の満了日"),
    "contact_safe": Pair("Whether it is safe to contact you", "あなたに連絡してよいかどうか"),
    "contact_how": Pair("How to contact you safely", "安全な連絡方法"),
    "notes_summary": Pair("Our notes about what you need", "支援に必要な事項（職員の記録）"),
    "screening_summary": Pair("A summary of what you told us in the interview", "聞き取りの結果の概要"),
    "indicators_with_answers": Pair("Your answers in the interview", "聞き取りでのあなたの回答"),
    "work_indicators": Pair("Your answers about your work", "仕事についてのあなたの回答"),
    "recommended_action": Pair("Why we think they can help you", "この機関に支援を依頼する理由"),
}

def japanese_pairs() -> dict[str, str]:
    """Her copy's own texts (not the recipients' names and purposes): English msgid → Japanese."""
    return {p.en: p.ja for p in (*TEXTS.values(), *CATEGORIES.values())}


# Every English source string her copy can print: for the `questions` catalog (make i18n).
HER_COPY_TEXTS = list(japanese_pairs() | recipients.her_japanese())


def build_her_copy(session: Session, provision_id: int, lang: str) -> bytes:
    """Her copy of one provision in interview language ``lang`` (and Japanese); audited.

    The date printed is the day the provision was made, from its record."""
    actor = require_own_account(session)
    if lang not in INTERVIEW_LANGUAGES:
        raise UserError(N_("{lang} is not an interview language. Choose one of: {choices}"),
                        lang=lang, choices=", ".join(INTERVIEW_LANGUAGES))
    office = require_office_profile(session)
    with session.transaction() as conn:
        provision = get_provision(conn, provision_id)
        kind = _exception_kind(conn, provision)
        data = _fitted(provision, kind, office, lang)
        audit.append(conn, audit.HER_COPY_MADE, actor, case_number(conn, provision.case_id))
    return data


# A copy she carries should be one sheet: tall scripts (Burmese) are set smaller, never below 0.8.
SCALES = (1.0, 0.9, 0.8)


def _fitted(provision: Provision, kind: str | None, office: OfficeProfile, lang: str) -> bytes:
    """The copy at the largest scale that fits one page (the smallest scale if none does)."""
    for scale in SCALES:
        pages = []

        def furniture(canvas, page: int, total: int) -> None:
            pages.append(total)
            layout.page_number(canvas, page, total)

        data = layout.build(_story(provision, kind, office, lang, scale), ctext(TEXTS["title"].en, lang), furniture)
        if pages and pages[0] == 1:
            break
    return data


def _exception_kind(conn, provision: Provision) -> str | None:
    if provision.exception_id is None:
        return None
    return conn.execute("SELECT kind FROM disclosure_exceptions WHERE id = ?", (provision.exception_id,)).fetchone()[0]


def _both(her: str, ja: str, lang: str, size: float, color=None, keep: bool = False) -> list:
    """Her language on the left and the Japanese on the right (only the Japanese for ja)."""
    color = color or layout.INK
    if lang == "ja":
        return [layout.para(ja, "ja", size, color, keep=keep)]
    row = layout.Columns(TextBlock(her, lang, size, color=color), TextBlock(ja, "ja", size * 0.9, color=color),
                         gutter=6 * layout.mm)
    row.keepWithNext = keep
    return [row]


def _story(provision: Provision, kind: str | None, office: OfficeProfile, lang: str, scale: float = 1.0) -> list:
    rcpt = recipients.get(provision.recipient)
    purpose = rcpt.purpose(provision.purpose)
    when = provision.made_on
    her_date, ja_date = format_date(when, lang, for_person=True), format_japanese(when)
    exc = recipients.exception_kind(kind) if kind else None
    intro = Pair(exc.her, exc.her_ja) if exc else TEXTS["consent"]
    her = lambda pair: ctext(pair.en, lang)  # noqa: E731
    def both(her_text: str, ja_text: str, size: float, color=None, keep: bool = False) -> list:
        return _both(her_text, ja_text, lang, size * scale, color, keep)

    def gap(points: float):
        return layout.gap(points * scale)

    story = _title(lang, scale)
    story += both(her(intro).format(date=her_date), intro.ja.format(date=ja_date), 11)
    for key, value in (("who", Pair(rcpt.her_name, rcpt.her_name_ja)), ("why", Pair(purpose.her, purpose.her_ja))):
        story.append(gap(8))
        story += both(her(TEXTS[key]), TEXTS[key].ja, 9, layout.GREY, keep=True)
        story += both(her(value), value.ja, 12.5)
    story.append(gap(8))
    story += both(her(TEXTS["what"]), TEXTS["what"].ja, 9, layout.GREY, keep=True)
    for pair in _categories(provision.fields):
        story += both("• " + her(pair), "・" + pair.ja, 10.5)
    story.append(gap(10))
    for pair in (TEXTS["withdraw"] if exc is None else TEXTS["ask_why"], TEXTS["carry"]):
        story += both(her(pair), pair.ja, 10)
        story.append(gap(6))
    story += both(her(TEXTS["contact"]), TEXTS["contact"].ja, 9, layout.GREY, keep=True)
    return story + [layout.para(f"{office.name}　{office.phone}", "ja", 12 * scale)]


def _title(lang: str, scale: float = 1.0) -> list:
    title = TEXTS["title"]
    story = [] if lang == "ja" else [layout.para(ctext(title.en, lang), lang, 17 * scale)]
    ja_size = (17 if lang == "ja" else 12) * scale
    return story + [layout.para(title.ja, "ja", ja_size, layout.INK if lang == "ja" else layout.GREY),
                    layout.gap(10 * scale)]


def _categories(fields: tuple[str, ...]) -> list[Pair]:
    """The plain-words kinds of information, once each, in the order of the field keys."""
    return list(dict.fromkeys(CATEGORIES[k] for k in recipients.FIELD_KEYS if k in fields))
