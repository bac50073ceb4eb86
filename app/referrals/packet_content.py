"""What a referral packet says, in Japanese, cut down to one recipient's allow-list.

Every function takes the set of field keys the packet may show and returns plain strings, so
the layout (packet.py) cannot print a field by accident and tests can check the wording without
a PDF. The screening words come from the stored result's Japanese (``Text.ja``), never from
the current catalog, so an old result reads as it was made; question and answer wording comes
from the question bank's Japanese catalog.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from app.cases import names, residence
from app.cases.model import CONTACT_LABELS, GENDER_LABELS, SEX_LABELS, Person
from app.i18n import gettext
from app.i18n.content import FIXED_ANSWERS, ctext
from app.i18n.dates import format_japanese
from app.referrals.recipients import PERSON_FIELDS, Table
from app.screening.result import Evidence, IndicatorHit, ScreeningResult

LABELS = {
    "alias": "呼称（仮名）",
    "real_name": "氏名",
    "birth_date_or_age": "生年月日・年齢",
    "sex_gender": "性別",
    "nationality": "国籍",
    "languages": "使用言語",
    "residence_status": "在留資格",
    "stay_expiry": "在留期間の満了日",
    "contact_safe": "本人への連絡",
    "contact_how": "安全な連絡方法",
    "notes_summary": "支援に必要な事項（担当者の記録）",
    "screening_summary": "スクリーニング結果の概要",
    "indicators_with_answers": "確認された兆候と本人の回答",
    "work_indicators": "労働に関する兆候と本人の回答",
    "recommended_action": "スクリーニングによる推奨",
}
NOT_RECORDED = "（記録なし）"
STRENGTH_JA = {"strong": "強", "medium": "中", "weak": "弱"}
ELEMENT_JA = {"present": "あり", "signs": "兆候あり", "not_seen": "確認されず", "not_needed": "不要"}


def _staff_ja(label: str) -> str:
    """A staff label (an English msgid of the model) in the Japanese staff catalog."""
    return gettext(label, lang="ja") if label else ""


def _birth_or_age(p: Person, today: date) -> str:
    age = p.age(today)
    if p.birth_date:
        return f"{format_japanese(p.birth_date)}（{age}歳）"
    return f"{age}歳（推定）" if age is not None else ""


def _sex_gender(p: Person) -> str:
    sex = _staff_ja(SEX_LABELS[p.sex]) if p.sex else ""
    gender = _staff_ja(GENDER_LABELS[p.gender]) if p.gender else ""
    if sex and gender:
        return f"{sex}（性自認：{gender}）"
    return sex or (f"性自認：{gender}" if gender else "")


def person_value(key: str, p: Person, today: date) -> str:
    """One person field as printed; "" when nothing is recorded."""
    values = {
        "alias": lambda: p.alias,
        "real_name": lambda: p.real_name,
        "birth_date_or_age": lambda: _birth_or_age(p, today),
        "sex_gender": lambda: _sex_gender(p),
        "nationality": lambda: names.country_name(p.nationality, "ja") if p.nationality else "",
        "languages": lambda: "、".join(names.language_name(c, "ja") for c in p.languages),
        "residence_status": lambda: "" if p.residence_status == "unknown" else residence.label(p.residence_status, "ja"),
        "stay_expiry": lambda: format_japanese(p.stay_expiry) if p.stay_expiry else "",
        "contact_safe": lambda: "" if p.contact_safe == "unknown" else _staff_ja(CONTACT_LABELS[p.contact_safe]),
        "contact_how": lambda: p.contact_how,
        "notes_summary": lambda: p.notes.strip(),
    }
    return values[key]()


def person_rows(p: Person, shown: frozenset[str], today: date) -> list[tuple[str, str, str]]:
    """(key, label, value) for each person field the packet shows, notes last."""
    return [(k, LABELS[k], person_value(k, p, today)) for k in PERSON_FIELDS if k in shown]


# -- screening --------------------------------------------------------------------------------

# The Art. 2(vii) element that speaks of special permission to stay: an immigration matter, so
# only for a packet that also carries her status of residence.
IMMIGRATION_ELEMENTS = {"control": "residence_status"}


def summary_lines(result: ScreeningResult, shown: frozenset[str]) -> list[str]:
    """Classification, positive dimensions per list, reasons and the Art. 2(vii) elements: no answers."""
    out = [f"分類：{result.classification_text.ja}", result.explanation.ja]
    for lst in result.lists:
        met = "該当" if lst.combination_met else "非該当"
        positive = "、".join(f"{d.number}. {d.name.ja}" for d in lst.dimensions if d.positive) or "なし"
        out.append(f"指標リスト「{lst.name.ja}」：組合せ基準 {met}／該当した要素：{positive}")
    out += [f"・{r.text.ja}" for r in result.reasons + result.notes + result.other_harms]
    elements = [e for e in result.japan if IMMIGRATION_ELEMENTS.get(e.id, "screening_summary") in shown]
    if elements:
        out.append("出入国管理及び難民認定法第2条第7号（人身取引等）の要素：")
        out += [f"・{e.text.ja}：{ELEMENT_JA.get(e.status, e.status)}" for e in elements]
    return [line for line in out if line.strip()]


@lru_cache(maxsize=1)
def _bank():
    from app.interview.load import load_bank

    return load_bank()


def question_ja(qid: str) -> str:
    q = _bank().questions.get(qid)
    return ctext(q.text, "ja") if q else qid


def answer_ja(qid: str, value) -> str:
    """Her answer in Japanese: the fixed answers and choices by their wording, numbers as typed."""
    q = _bank().questions.get(qid)
    choices = {c.value: c.text for c in q.choices} if q else {}
    out = []
    for v in value if isinstance(value, list) else [value]:
        if isinstance(v, str) and v in choices:
            out.append(ctext(choices[v], "ja"))
        elif isinstance(v, str) and v in FIXED_ANSWERS:
            out.append(ctext(FIXED_ANSWERS[v], "ja"))
        else:
            out.append(str(v))
    return "、".join(out)


@dataclass
class IndicatorLine:
    dimension: int
    dimension_name: str
    text: str
    strengths: list[str]
    answers: list[str]


def _is_work(hit: IndicatorHit, dimension: int, table: Table) -> bool:
    return dimension in table.work_dimensions or hit.concept in table.work_concepts


def _evidence_lines(evidence: tuple[Evidence, ...], shown: frozenset[str], table: Table) -> list[str]:
    """Each answer behind an indicator, unless the question tells a field this packet leaves out."""
    out = []
    for ev in evidence:
        field = table.question_fields.get(ev.question)
        if field is not None and field not in shown:
            continue
        line = f"質問「{question_ja(ev.question)}」への回答：{answer_ja(ev.question, ev.answer)}"
        if line not in out:
            out.append(line)
    return out


def indicator_lines(result: ScreeningResult, shown: frozenset[str], table: Table, work_only: bool) -> list[IndicatorLine]:
    """Indicators found, once per concept across the lists read for her, in dimension order."""
    found: dict[str, IndicatorLine] = {}
    for lst in result.lists:
        for dim in lst.dimensions:
            for hit in dim.indicators:
                if work_only and not _is_work(hit, dim.number, table):
                    continue
                line = found.setdefault(hit.concept, IndicatorLine(dim.number, dim.name.ja, hit.text.ja, [], []))
                strength = STRENGTH_JA.get(hit.strength, hit.strength)
                if not work_only:  # a list's name says which exploitation was read for: not labour-office business
                    strength += f"（{lst.name.ja}）"
                if strength not in line.strengths:
                    line.strengths.append(strength)
                for ans in _evidence_lines(hit.evidence, shown, table):
                    if ans not in line.answers:
                        line.answers.append(ans)
    return sorted(found.values(), key=lambda i: i.dimension)


def recommendation(result: ScreeningResult, step_id: str) -> list[str]:
    """The screening's recommendation of this recipient and its reasons (not the answers)."""
    for step in result.next_steps:
        if step.id == step_id:
            return [step.text.ja] + [f"・{r.text.ja}" for r in step.reasons]
    return []
