"""Statuses of residence (在留資格) for the case's status-of-residence field.

Every status in Appended Tables I and II of the Immigration Control and Refugee Recognition Act,
in the order of the tables, followed by the situations a counsellor meets that are not statuses
of residence under those tables (special permanent resident, no status, provisional release,
unknown, Japanese national).

The reference text (tests check against it) is the Japanese Law Translation of the Act as last
amended by Act No. 113 of 2014. Statuses added by later amendments are marked
``source="amendment"`` with the amending act in ``note``.

``work_allowed`` says whether the status itself permits paid work:

- ``"yes"``: no restriction on activities (Appended Table II, special permanent residents,
  Japanese nationals);
- ``"limited"``: only the work that the status authorises (Appended Table I (1), (2) and (5),
  Art. 19(1)(i));
- ``"no"``: no paid work at all without a separate permission (Appended Table I (3) and (4),
  Art. 19(1)(ii)), or no status of residence;
- ``"unknown"``: not known.

Nothing here is case data; the module holds only the catalogue and lookups.
"""

from __future__ import annotations

from dataclasses import dataclass

WORK_VALUES = ("yes", "limited", "no", "unknown")
SOURCE_VALUES = ("table", "amendment", "special_act", "other")
TABLE_VALUES = ("I(1)", "I(2)", "I(3)", "I(4)", "I(5)", "II", "")


@dataclass(frozen=True)
class ResidenceStatus:
    """One status of residence, or one non-table situation (no status, unknown...)."""

    code: str  # stable ASCII snake_case id, stored in the database
    ja: str  # official Japanese name
    en: str  # official English name as in the Act's translation
    table: str  # "I(1)".."I(5)", "II", or "" for non-table entries
    source: str  # "table", "amendment", "special_act", "other"
    work_allowed: str  # "yes", "limited", "no", "unknown"
    note: str = ""  # amending act, or a one-line explanation for staff


def _s(
    code: str, ja: str, en: str, table: str, source: str, work: str, note: str = ""
) -> ResidenceStatus:
    return ResidenceStatus(
        code=code, ja=ja, en=en, table=table, source=source, work_allowed=work, note=note
    )


_LIMITED = "Paid work only within the activities this status authorises (Art. 19(1)(i))."
_NO_WORK = (
    "No paid work at all (Art. 19(1)(ii)) unless permission for activity outside the status "
    "(資格外活動許可) was granted."
)
_PART_TIME = (
    "No paid work (Art. 19(1)(ii)) except with permission for activity outside the status "
    "(資格外活動許可), usually up to 28 hours a week and never in adult entertainment businesses."
)
_HSP = "Created by Act No. 74 of 2014. " + _LIMITED
_TIT = (
    "Work only at the organisation and under the training plan approved for the trainee. "
    "To be replaced by Employment for Skill Development (育成就労) under the 2024 amendment "
    "(Act No. 60 of 2024, in force by 2027)."
)
_TIT_III = (
    "Added by the Technical Intern Training Act (Act No. 89 of 2016, in force 1 November 2017). "
)
_SSW = "Added by Act No. 102 of 2018 (in force 1 April 2019). "

STATUSES: tuple[ResidenceStatus, ...] = (
    # Appended Table I (1)
    _s("diplomat", "外交", "Diplomat", "I(1)", "table", "limited", _LIMITED),
    _s("official", "公用", "Official", "I(1)", "table", "limited", _LIMITED),
    _s("professor", "教授", "Professor", "I(1)", "table", "limited", _LIMITED),
    _s("artist", "芸術", "Artist", "I(1)", "table", "limited", _LIMITED),
    _s("religious_activities", "宗教", "Religious Activities", "I(1)", "table", "limited", _LIMITED),
    _s("journalist", "報道", "Journalist", "I(1)", "table", "limited", _LIMITED),
    # Appended Table I (2)
    _s("highly_skilled_professional_1a", "高度専門職（第1号イ）",
       "Highly Skilled Professional (i)(a)", "I(2)", "table", "limited", _HSP),
    _s("highly_skilled_professional_1b", "高度専門職（第1号ロ）",
       "Highly Skilled Professional (i)(b)", "I(2)", "table", "limited", _HSP),
    _s("highly_skilled_professional_1c", "高度専門職（第1号ハ）",
       "Highly Skilled Professional (i)(c)", "I(2)", "table", "limited", _HSP),
    _s("highly_skilled_professional_2", "高度専門職（第2号）",
       "Highly Skilled Professional (ii)", "I(2)", "table", "limited", _HSP),
    _s("business_manager", "経営・管理", "Business Manager", "I(2)", "table", "limited", _LIMITED),
    _s("legal_accounting_services", "法律・会計業務", "Legal/Accounting Services", "I(2)",
       "table", "limited", _LIMITED),
    _s("medical_services", "医療", "Medical Services", "I(2)", "table", "limited", _LIMITED),
    _s("researcher", "研究", "Researcher", "I(2)", "table", "limited", _LIMITED),
    _s("instructor", "教育", "Instructor", "I(2)", "table", "limited", _LIMITED),
    _s("engineer_humanities_international", "技術・人文知識・国際業務",
       "Engineer/Specialist in Humanities/International Services", "I(2)", "table", "limited",
       _LIMITED),
    _s("intra_company_transferee", "企業内転勤", "Intra-company Transferee", "I(2)", "table",
       "limited", _LIMITED),
    _s("nursing_care", "介護", "Nursing Care", "I(2)", "amendment", "limited",
       "Added by Act No. 88 of 2016 (in force 1 September 2017). " + _LIMITED),
    _s("entertainer", "興行", "Entertainer", "I(2)", "table", "limited",
       _LIMITED + " Serving customers at a bar or club is not an entertainer's activity."),
    _s("skilled_labor", "技能", "Skilled Labor", "I(2)", "table", "limited", _LIMITED),
    _s("specified_skilled_worker_1", "特定技能（第1号）", "Specified Skilled Worker (i)", "I(2)",
       "amendment", "limited",
       _SSW + "Work only in the specified field under the employment contract."),
    _s("specified_skilled_worker_2", "特定技能（第2号）", "Specified Skilled Worker (ii)", "I(2)",
       "amendment", "limited",
       _SSW + "Work only in the specified field under the employment contract."),
    _s("technical_intern_1a", "技能実習（第1号イ）", "Technical Intern Training (i)(a)", "I(2)",
       "table", "limited", _TIT),
    _s("technical_intern_1b", "技能実習（第1号ロ）", "Technical Intern Training (i)(b)", "I(2)",
       "table", "limited", _TIT),
    _s("technical_intern_2a", "技能実習（第2号イ）", "Technical Intern Training (ii)(a)", "I(2)",
       "table", "limited", _TIT),
    _s("technical_intern_2b", "技能実習（第2号ロ）", "Technical Intern Training (ii)(b)", "I(2)",
       "table", "limited", _TIT),
    _s("technical_intern_3a", "技能実習（第3号イ）", "Technical Intern Training (iii)(a)", "I(2)",
       "amendment", "limited", _TIT_III + _TIT),
    _s("technical_intern_3b", "技能実習（第3号ロ）", "Technical Intern Training (iii)(b)", "I(2)",
       "amendment", "limited", _TIT_III + _TIT),
    # Appended Table I (3)
    _s("cultural_activities", "文化活動", "Cultural Activities", "I(3)", "table", "no", _NO_WORK),
    _s("temporary_visitor", "短期滞在", "Temporary Visitor", "I(3)", "table", "no",
       "No paid work at all (Art. 19(1)(ii)): a visitor made to work has no legal permission."),
    # Appended Table I (4)
    _s("student", "留学", "Student", "I(4)", "table", "no", _PART_TIME),
    _s("trainee", "研修", "Trainee", "I(4)", "table", "no",
       "Training only: no paid or productive work (Art. 19(1)(ii))."),
    _s("dependent", "家族滞在", "Dependent", "I(4)", "table", "no", _PART_TIME),
    # Appended Table I (5)
    _s("designated_activities", "特定活動", "Designated Activities", "I(5)", "table", "limited",
       "Work allowed only if the designation (指定書 attached to the passport) includes it."),
    # Appended Table II
    _s("permanent_resident", "永住者", "Permanent Resident", "II", "table", "yes",
       "No restriction on work."),
    _s("spouse_or_child_of_japanese_national", "日本人の配偶者等",
       "Spouse or Child of Japanese National", "II", "table", "yes",
       "No restriction on work. Status may be at risk if the marriage breaks down: seek advice."),
    _s("spouse_or_child_of_permanent_resident", "永住者の配偶者等",
       "Spouse or Child of Permanent Resident", "II", "table", "yes",
       "No restriction on work. Status may be at risk if the marriage breaks down: seek advice."),
    _s("long_term_resident", "定住者", "Long-Term Resident", "II", "table", "yes",
       "No restriction on work."),
    # Not in the Appended Tables
    _s("special_permanent_resident", "特別永住者", "Special Permanent Resident", "",
       "special_act", "yes",
       "Under the Special Act on the Immigration Control of, Inter Alia, Those who have Lost "
       "Japanese Nationality Pursuant to the Treaty of Peace with Japan (Act No. 71 of 1991). "
       "No restriction on work."),
    _s("no_status", "在留資格なし・超過滞在", "No status of residence / overstayed", "", "other",
       "no",
       "No valid status (overstay, illegal entry, or status revoked). Special permission to "
       "stay may be possible for a person under another's control (Art. 50(1)(iii))."),
    _s("provisional_release", "仮放免・退去強制手続中",
       "Provisional release / under deportation procedure", "", "other", "no",
       "In deportation procedure, detained, on provisional release or under supervision; work is "
       "not allowed unless expressly permitted. Special permission to stay may still be possible."),
    _s("unknown", "不明", "Unknown", "", "other", "unknown",
       "Not yet known; check the residence card (在留カード) or passport when safe to do so."),
    _s("japanese_national", "日本国籍", "Japanese national", "", "other", "yes",
       "Not a foreign national: immigration law does not apply."),
)

_BY_CODE: dict[str, ResidenceStatus] = {s.code: s for s in STATUSES}
if len(_BY_CODE) != len(STATUSES):  # pragma: no cover - caught by tests
    raise RuntimeError("duplicate status-of-residence code")

_LOST_OR_UNCERTAIN = frozenset({"no_status", "provisional_release", "unknown"})


def by_code(code: str) -> ResidenceStatus:
    """The status with this code; ValueError names the code when there is none."""
    try:
        return _BY_CODE[code]
    except KeyError:
        raise ValueError(f"unknown status-of-residence code: {code!r}") from None


def label(code: str, lang: str) -> str:
    """The Japanese name for ``lang == "ja"``, the English name for anything else."""
    status = by_code(code)
    return status.ja if lang == "ja" else status.en


def codes() -> tuple[str, ...]:
    """Every code, in table order."""
    return tuple(s.code for s in STATUSES)


def status_lost_or_uncertain(code: str) -> bool:
    """True when the person has no status, is in deportation procedure, or it is unknown.

    Used to suggest special permission to stay (Art. 50(1)(iii)) for a person under another's
    control due to trafficking. Raises ValueError for an unknown code.
    """
    return by_code(code).code in _LOST_OR_UNCERTAIN
