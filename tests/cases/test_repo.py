"""Cases through a real store: numbering, validation, search, names hidden, hostile input (R24)."""

from __future__ import annotations

from datetime import date

import pytest

from app.cases.model import NOTES_MAX, Person
from app.cases.repo import count_cases, create_case, get_case, parse_iso_date, search_cases, update_case
from app.errors import UserError
from app.store import audit

HOSTILE = [
    "' OR 1=1--",
    "'); DROP TABLE cases;--",
    "\u202eevil\u202c right-to-left",
    "zero\u200bwidth\u200djoiner",
    "%_\\ like wildcards",
    "😀 emoji 𠮷",
]


def test_numbers_run_per_year(new_store):
    session, _ = new_store
    a = create_case(session, Person(alias="A"), today=date(2025, 12, 31))
    b = create_case(session, Person(alias="B"), today=date(2026, 1, 1))
    c = create_case(session, Person(alias="C"), today=date(2026, 3, 1))
    assert (a.number, b.number, c.number) == ("2025-0001", "2026-0001", "2026-0002")


def test_round_trip_of_every_field(new_store):
    session, _ = new_store
    person = Person(
        alias="ノック", real_name="試験花子", birth_date=date(2001, 2, 3), sex="female", gender="woman",
        nationality="TH", languages=("th", "ja"), residence_status="temporary_visitor",
        stay_expiry=date(2026, 12, 1), contact_safe="no", contact_how="Only through the shelter", notes="Needs a doctor.",
    )
    case = create_case(session, person)
    loaded = get_case(session, case.id)
    assert loaded.person == person.checked()
    assert loaded.status == "open" and loaded.number == case.number
    edited = update_case(session, case.id, Person(alias="Nok", nationality="TH"), "referred")
    assert edited.status == "referred" and edited.person.alias == "Nok" and edited.person.real_name == ""


@pytest.mark.parametrize(
    "person, message",
    [
        (Person(alias=""), "Alias is required"),
        (Person(alias="x", estimated_age=130), "between 0 and 120"),
        (Person(alias="x", nationality="XQ"), "not a country code"),
        (Person(alias="x", languages=("not-a-lang!",)), "not a language code"),
        (Person(alias="x", residence_status="astronaut"), "not a status of residence"),
        (Person(alias="x", birth_date=date(2999, 1, 1)), "in the future"),
        (Person(alias="x", notes="n" * (NOTES_MAX + 1)), "too long"),
        (Person(alias="x", sex="robot"), "not one of the choices"),
        (Person(alias="a\x00b"), "cannot be stored"),
    ],
)
def test_bad_input_is_a_clear_error_and_nothing_is_saved(new_store, person, message):
    session, _ = new_store
    create_case(session, Person(alias="kept"))
    with pytest.raises(UserError) as err:
        create_case(session, person)
    assert message in str(err.value)
    assert count_cases(session) == 1


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_strings_are_stored_verbatim(new_store, text):
    session, _ = new_store
    schema_before = session.conn.execute("SELECT group_concat(sql) FROM sqlite_master").fetchone()
    case = create_case(session, Person(alias=text, notes=text, real_name=text))
    assert get_case(session, case.id).person.notes == text
    assert session.conn.execute("SELECT group_concat(sql) FROM sqlite_master").fetchone() == schema_before
    assert [c.number for c in search_cases(session, text)] == [case.number]


def test_wildcards_in_search_are_literal(new_store):
    session, _ = new_store
    create_case(session, Person(alias="Alpha"))
    assert search_cases(session, "%") == [] and search_cases(session, "_") == []


def test_search_by_number_alias_nationality_and_status(new_store):
    session, _ = new_store
    nok = create_case(session, Person(alias="Nok", nationality="TH"))
    may = create_case(session, Person(alias="ＭＡＹ", nationality="PH"), status="referred")
    lan = create_case(session, Person(alias="Lan", nationality="VN"), status="closed")
    numbers = lambda found: [c.number for c in found]  # noqa: E731
    assert numbers(search_cases(session, "")) == [lan.number, may.number, nok.number]
    assert numbers(search_cases(session, "may")) == [may.number]
    assert numbers(search_cases(session, nok.number)) == [nok.number]
    assert numbers(search_cases(session, "タイ", lang="ja")) == [nok.number]
    assert numbers(search_cases(session, "Viet", lang="en")) == [lan.number]
    assert numbers(search_cases(session, "", status="referred")) == [may.number]
    assert numbers(search_cases(session, "nok", status="closed")) == []
    with pytest.raises(UserError):
        search_cases(session, "", status="deleted")


def test_real_names_only_when_asked(new_store):
    session, _ = new_store
    create_case(session, Person(alias="Nok", real_name="Somchai Hidden"))
    assert search_cases(session, "")[0].real_name == ""
    assert search_cases(session, "", with_names=True)[0].real_name == "Somchai Hidden"


def test_viewing_is_audited_with_the_case_number(new_store):
    session, _ = new_store
    case = create_case(session, Person(alias="Nok"))
    get_case(session, case.id)
    last = audit.rows(session.conn, limit=1)[0]
    assert (last.event, last.subject, last.actor) == (audit.CASE_VIEWED, case.number, session.account.id)


def test_age_from_birth_date_or_estimate():
    assert Person("x", birth_date=date(2010, 6, 1)).age(date(2026, 5, 31)) == 15
    assert Person("x", birth_date=date(2010, 6, 1)).is_child(date(2028, 6, 1)) is False
    assert Person("x", estimated_age=16).is_child() is True
    assert Person("x").is_child() is None


def test_parse_iso_date():
    assert parse_iso_date("2026/04/01") == date(2026, 4, 1)
    assert parse_iso_date("") is None
    with pytest.raises(UserError):
        parse_iso_date("1 April")
