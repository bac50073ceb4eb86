"""The referral packet: an A4 document in Japanese for one recipient, holding only its fields.

``make_packet`` refuses without her consent for that recipient and purpose or an approved
exception (privacy rule 5), reads the case and the latest screening result, lays out only the
fields on the recipient's allow-list (minus any she asked us to withhold), and in the same
transaction writes the provision record and one audit row (case number only). The bytes are
built in memory and returned only after that transaction commits; nothing touches the disk.
Reading the case here is not audited separately: the packet's own row records the access.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from reportlab.platypus import KeepTogether

from app.cases.model import Case, CaseId, Person
from app.cases.names import language_name
from app.cases.repo import read_case
from app.errors import UserError
from app.i18n import N_
from app.i18n.dates import format_japanese
from app.referrals import layout, recipients
from app.referrals import packet_content as pc
from app.referrals.consent import case_number, require_own_account
from app.referrals.legal_basis import Basis, basis_for
from app.referrals.office import OfficeProfile, require_office_profile
from app.referrals.provisions import Provision, checked_addressee, record_provision
from app.screening.result import ScreeningResult
from app.store import audit
from app.store.session import Session

MARK = "取扱注意"
TITLE = "情報提供書"
SUBTITLE_SCREENED = "人身取引の被害が疑われる方の支援について（依頼）"
SUBTITLE_PLAIN = "本人の支援について（依頼）"  # a recipient without the screening is not told what it found
HANDLING = ("本書には本人の個人情報が記載されています。提供の目的以外に利用せず、第三者に提供しないでください。"
            "本人の所在や連絡先が他の者に知られることのないよう取扱いに御注意いただき、"
            "不要となった場合は確実に廃棄してください。")


@dataclass(frozen=True)
class Packet:
    data: bytes
    provision: Provision
    case_number: str
    unprintable: tuple[str, ...] = ()  # typed characters no font here has: printed as 〓


@dataclass
class _Inputs:
    """Everything one packet may print, gathered before layout."""

    rcpt: recipients.Recipient
    purpose: recipients.Purpose
    addressee: str
    office: OfficeProfile
    staff: str
    case: Case
    result: ScreeningResult | None
    basis: Basis
    shown: frozenset[str]
    today: date


def build_packet(session: Session, case_id: CaseId, recipient_id: str, purpose: str, **kwargs) -> bytes:
    """The packet's PDF bytes (see ``make_packet``)."""
    return make_packet(session, case_id, recipient_id, purpose, **kwargs).data


def make_packet(session: Session, case_id: CaseId, recipient_id: str, purpose: str, *, addressee: str = "",
                today: date | None = None, now: datetime | None = None) -> Packet:
    """Build the packet and record its provision, or refuse with a UserError saying why."""
    actor = require_own_account(session)
    rcpt = recipients.get(recipient_id)
    purp = rcpt.purpose(purpose)
    addressee = checked_addressee(addressee)
    office = require_office_profile(session)
    today = today or date.today()
    with session.transaction() as conn:
        case = read_case(conn, case_id)
        _check_age(rcpt, case.person, today)
        basis = basis_for(conn, case_id, rcpt, purpose, now)
        withheld = set(basis.consent.withheld) if basis.consent else set()
        inputs = _Inputs(rcpt, purp, addressee, office, session.account.display_name, case,
                         _latest_result(conn, case_id), basis, frozenset(rcpt.fields) - withheld, today)
        with layout.collecting_unprintable() as unprintable:
            story, sent = _story(inputs)
            data = layout.build(story, TITLE, _furniture(case.number))
        provision = record_provision(conn, actor, case_id, rcpt.id, addressee, purpose, sent, basis)
        audit.append(conn, audit.REFERRAL_MADE, actor, case.number)
    return Packet(data, provision, case.number, tuple(unprintable))


def save_referral_pdf(session: Session, case_id: CaseId, data: bytes, path, event: str = audit.REFERRAL_SAVED) -> None:
    """Write a packet or her copy where the user chose (after the GUI's warning), atomically with
    mode 0600, audited as ``event`` (the packet's or her copy's) with the case number only (a file
    name may hold a name: never logged). The file is written inside the audit row's transaction,
    so a failed write leaves no row."""
    from app.printing.pdfdoc import save_pdf

    actor = require_own_account(session)
    with session.transaction() as conn:
        audit.append(conn, event, actor, case_number(conn, case_id))
        save_pdf(data, path)


def _latest_result(conn, case_id: CaseId) -> ScreeningResult | None:
    row = conn.execute("SELECT result FROM screening_results WHERE case_id = ? ORDER BY id DESC LIMIT 1",
                       (case_id,)).fetchone()
    return ScreeningResult.from_dict(json.loads(row[0])) if row else None


def _check_age(rcpt: recipients.Recipient, person: Person, today: date) -> None:
    """A child guidance centre is for children; an unknown age is treated as possibly a child."""
    if rcpt.under_18_only and person.is_child(today) is False:
        raise UserError(N_("A referral to {recipient} is only for a child under 18, and this case records her as 18 or older."),
                        recipient=rcpt.staff_name)


def _furniture(case_number: str):
    def draw(canvas, page: int, total: int) -> None:
        layout.stamp(canvas, MARK)
        layout.block(f"整理番号 {case_number}", "ja", 8, 80 * layout.mm, color=layout.GREY).draw(
            canvas, layout.MARGIN, layout.A4[1] - 10 * layout.mm)
        layout.page_number(canvas, page, total)
    return draw


def _heading(story: list, number: int, text: str) -> int:
    story.append(layout.para(f"{number}. {text}", "ja", 12, keep=True, before=9, after=3))
    return number + 1


def _story(i: _Inputs) -> tuple[list, list[str]]:
    """The flowables of the packet and the field keys it actually sends."""
    story = _head(i)
    sent: list[str] = []
    n = _heading(story, 1, "本人に関する情報")
    sent += _person(story, i)
    n, more = _screening(story, n, i)
    sent += more
    n = _heading(story, n, "依頼事項")
    story.append(layout.para(f"{i.purpose.ja}：{i.purpose.request_ja}", "ja"))
    if "recommended_action" in i.shown and i.result is not None:
        lines = pc.recommendation(i.result, i.rcpt.step)
        if lines:
            sent.append("recommended_action")
            block = [layout.para(pc.LABELS["recommended_action"], "ja", 9.5, layout.GREY, before=4)]
            story.append(KeepTogether(block + [_line(line) for line in lines]))
    _heading(story, n, "提供の根拠")
    story += [layout.para(line, "ja") for line in _basis_lines(i)]
    return story, sent


def _head(i: _Inputs) -> list:
    to = i.addressee or i.rcpt.name_ja
    rows = [("宛先", f"{to}　御中"), ("提供の目的", i.purpose.ja), ("作成日", format_japanese(i.today)),
            ("発信元", f"{i.office.name}（電話 {i.office.phone}）"), ("担当者", i.staff),
            ("整理番号", i.case.number)]
    story = [layout.para(TITLE, "ja", 18, align="center"),
             layout.para(_subtitle(i), "ja", 11, layout.GREY, align="center"),
             layout.gap(10)]
    story += [layout.row(label, value) for label, value in rows]
    return story + [layout.rule(), layout.para(HANDLING, "ja", 9, layout.GREY, after=2)]


def _subtitle(i: _Inputs) -> str:
    screened = {"screening_summary", "indicators_with_answers"} & i.shown
    return SUBTITLE_SCREENED if screened else SUBTITLE_PLAIN


def _person(story: list, i: _Inputs) -> list[str]:
    sent = []
    for key, label, value in pc.person_rows(i.case.person, i.shown, i.today):
        if key == "notes_summary":
            if value:
                story += [layout.para(label, "ja", 9.5, layout.GREY, keep=True, before=4), layout.para(value, "ja")]
                sent.append(key)
            continue
        story.append(layout.row(label, value or pc.NOT_RECORDED))
        if value:
            sent.append(key)
    return sent


def _screening(story: list, n: int, i: _Inputs) -> tuple[int, list[str]]:
    """The summary and the indicators, each only if on the allow-list; the keys sent."""
    sent: list[str] = []
    wants_summary = "screening_summary" in i.shown
    wants_all = "indicators_with_answers" in i.shown
    wants_work = wants_all or "work_indicators" in i.shown
    if (wants_summary or wants_work) and i.result is None:
        n = _heading(story, n, "スクリーニング")
        story.append(layout.para("スクリーニングは実施されていません。", "ja"))
        return n, sent
    if wants_summary:
        n = _heading(story, n, pc.LABELS["screening_summary"])
        story += [_line(line) for line in pc.summary_lines(i.result, i.shown)]
        story.append(layout.para(i.result.disclaimer.ja, "ja", 9, layout.GREY))
        sent.append("screening_summary")
    if wants_work:
        key = "indicators_with_answers" if wants_all else "work_indicators"
        n = _heading(story, n, pc.LABELS[key])
        lines = pc.indicator_lines(i.result, i.shown, recipients.load_table(), work_only=not wants_all)
        _indicators(story, lines)
        if lines:
            sent.append(key)
    return n, sent


def _line(text: str):
    """A paragraph, or a hanging list item when it starts with a bullet."""
    return layout.bullet(text[1:]) if text.startswith("・") else layout.para(text, "ja")


def _indicators(story: list, lines: list[pc.IndicatorLine]) -> None:
    if not lines:
        story.append(layout.para("該当する兆候は確認されていません。", "ja"))
        return
    current = None
    for line in lines:
        if line.dimension != current:
            current = line.dimension
            story.append(layout.para(f"要素{line.dimension}：{line.dimension_name}", "ja", 10, layout.GREY, keep=True, before=3))
        item = [layout.bullet(f"{line.text}（{'・'.join(line.strengths)}）")]
        item += layout.indented([layout.para(answer, "ja", 9.5) for answer in line.answers])
        story.append(KeepTogether(item))


def _basis_lines(i: _Inputs) -> list[str]:
    b = i.basis
    if b.consent is not None:
        c = b.consent
        lines = [f"本人は{format_japanese(c.given_on)}、{language_name(c.language, 'ja')}による説明を受けて、"
                 f"{i.rcpt.name_ja}への本書記載の情報の提供（目的：{i.purpose.ja}）に同意しました"
                 "（個人情報の保護に関する法律第27条第1項）。",
                 "説明は通訳者を介して行いました。" if c.interpreter_id else "説明は通訳者を介さずに行いました。"]
        if c.restrictions:
            lines.append(f"本人の希望による制限：{c.restrictions}")
        if c.withheld:
            lines.append("本人の希望により提供しない項目：" + "、".join(pc.LABELS[k] for k in c.withheld))
        return lines + ["本人が同意を撤回した場合は、当センターから御連絡します。"]
    e = b.exception
    kind = recipients.exception_kind(e.kind)
    approved = datetime.fromisoformat(e.approved_at).astimezone().date()
    return [f"本書の情報は、本人の同意によらず、{kind.ja}に基づき提供します。", f"理由：{e.reason}",
            f"承認者：{b.approver_name}（{format_japanese(approved)}承認）"]
