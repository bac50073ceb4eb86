"""A real store with an office profile, a supervisor and a counsellor, and cases seeded with markers.

Every field a packet can hold gets its own marker string (or, for coded fields, a value whose
Japanese wording appears nowhere else on a packet), so a test can tell exactly which fields a
PDF holds. The screening result is built by hand so that its texts are markers too.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

import pytest

from app.cases.model import Person
from app.cases.repo import create_case
from app.interview import records
from app.referrals.consent import record_consent
from app.referrals.office import set_office_profile
from app.referrals.recipients import all_recipients
from app.screening.result import (DimensionOutcome, Element, Evidence, IndicatorHit, ListOutcome, NextStep,
                                  Reason, ScreeningResult)
from app.screening.texts import Text
from app.store.accounts import add_staff
from app.store.kdf import MINIMUM_KDF
from tests.printing import pdfcheck

TODAY = date(2026, 11, 21)
SUPERVISOR_PASSWORD = "supervisor long passphrase 1"
COUNSELLOR_PASSWORD = "counsellor long passphrase 2"
OFFICE = ("テスト女性相談支援センター", "03-1234-5678")

# field key -> strings that appear on a packet if and only if that field is printed
MARKERS = {
    "alias": ["MKALIAS"],
    "real_name": ["MKREALNAME"],
    "birth_date_or_age": ["1987年"],
    "sex_gender": ["インターセックス", "ノンバイナリー"],
    "nationality": ["カンボジア"],
    "languages": ["ミャンマー語"],
    "residence_status": ["興行"],
    "stay_expiry": ["令和9年2月13日"],
    "contact_safe": ["連絡してはいけない"],
    "contact_how": ["MKCONTACTHOW"],
    "notes_summary": ["MKNOTES"],
    "screening_summary": ["MKCLASS", "MKEXPLAIN", "MKREASON"],
    "indicators_with_answers": ["MKINDTEXT", "MKINDANS"],
    "work_indicators": ["MKWORKIND", "MKWORKANS"],
    "recommended_action": ["MKACTION"],
}
CHILD_BIRTH_MARKER = "2010年"
CONTROL_MARKER = "MKCONTROL"  # the Art. 2(vii) element about special permission to stay
IDENTITY_MARKERS = [m for k in ("alias", "real_name", "birth_date_or_age", "sex_gender", "nationality",
                                "languages", "residence_status", "stay_expiry", "contact_safe", "contact_how",
                                "notes_summary") for m in MARKERS[k]] + [CHILD_BIRTH_MARKER]


def flat(text: str) -> str:
    """PDF text without whitespace (pypdf may break a line anywhere between runs), NFKC: a shaped
    Thai ำ reads back as its compatibility parts ํ + า."""
    return unicodedata.normalize("NFKC", re.sub(r"\s+", "", text))


_THAI_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def thai_bases(text: str) -> str:
    """``flat`` without Thai marks: a shaped ต่ำ reads back with its marks in glyph order (ต ํ ่ า),
    so Thai is compared by its base letters here; the marks are checked by eye in the renders."""
    return _THAI_MARKS.sub("", flat(text))


def pdf_text(data: bytes) -> str:
    return flat(pdfcheck.text(data))


def marker_person(child: bool = False, notes: str = "MKNOTES 今夜の居場所が必要。") -> Person:
    return Person(
        alias="MKALIAS", real_name="MKREALNAME", birth_date=date(2010 if child else 1987, 8, 29),
        sex="intersex", gender="non_binary", nationality="KH", languages=("my",),
        residence_status="entertainer", stay_expiry=date(2027, 2, 13), contact_safe="no",
        contact_how="MKCONTACTHOW", notes=notes,
    )


def _t(text: str) -> Text:
    return Text(text, text)


def marker_result() -> ScreeningResult:
    """A result whose every text is a marker; one indicator about work, one not, one whose answer
    tells her status of residence, and a recommendation for every recipient."""
    work = IndicatorHit("ILO-A-L-4-M-3", "ILO-4-SALARY", "medium", _t("MKWORKIND"),
                        (Evidence("ILO-4-SALARY", "mk_pay", "MKWORKANS", _t("e")),))
    violence = IndicatorHit("ILO-A-L-5-S-1", "ILO-5-VIOLENCE", "strong", _t("MKINDTEXT"),
                            (Evidence("ILO-5-VIOLENCE", "mk_hurt", "MKINDANS", _t("e")),))
    status = IndicatorHit("ILO-A-L-6-M-5", "ILO-6-AUTHORITIES", "medium", _t("当局との関係"),
                          (Evidence("ILO-6-AUTHORITIES", "residence_status", "expired", _t("e")),))
    dims = (DimensionOutcome(4, _t("要素四"), True, "dim-two-medium-weak", _t("規則"), (work,)),
            DimensionOutcome(5, _t("要素五"), True, "dim-two-strong", _t("規則"), (violence,)),
            DimensionOutcome(6, _t("要素六"), False, "dim-none", _t("規則"), (status,)))
    lst = ListOutcome("adult_labour", _t("成人の一覧"), False, False, True, "ilo-adult", _t("組合せ"), dims)
    steps = tuple(NextStep(r.step, _t("推奨"), _t("職員向け"), (Reason("x", _t("MKACTION")),)) for r in all_recipients())
    return ScreeningResult(
        "likely", _t("MKCLASS"), _t("MKEXPLAIN"), _t("職員の判断を補助する結果"),
        reasons=(Reason("ilo-adult", _t("MKREASON")),), lists=(lst,), next_steps=steps,
        japan=(Element("control", "signs", _t(CONTROL_MARKER)),),
    )


@dataclass
class Env:
    session: object
    supervisor: object
    counsellor: object
    store_path: object


@pytest.fixture
def env(new_store, store_path):
    """The admin's session (the requester), with a supervisor and a counsellor who can approve or not."""
    session, _recovery = new_store
    set_office_profile(session, *OFFICE)
    sup = add_staff(session, "sup", "supervisor", SUPERVISOR_PASSWORD, display_name="MKSUPNAME", kdf=MINIMUM_KDF)
    cou = add_staff(session, "cou", "counsellor", COUNSELLOR_PASSWORD, kdf=MINIMUM_KDF)
    return Env(session, sup, cou, store_path)


def seeded_case(session, child: bool = False, notes: str | None = None):
    """A case with markers in every field and the marker screening result."""
    person = marker_person(child) if notes is None else marker_person(child, notes)
    case = create_case(session, person, today=TODAY)
    records.save_result(session, case.id, marker_result())
    return case


def consent(session, case, recipient_id: str, purpose: str | None = None, **kwargs):
    from app.referrals.recipients import get

    purpose = purpose or get(recipient_id).purposes[0].id
    kwargs.setdefault("given_on", TODAY)
    kwargs.setdefault("language", "th")
    return record_consent(session, case.id, recipient_id, purpose, today=TODAY, **kwargs)
