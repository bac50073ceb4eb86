"""The contacts directory: the report's numbers exactly, staleness, validation, local entries."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from app.contacts import Contact, ContactError, Directory, default_directory, load_defaults
from app.contacts.model import validate

REPORT = Path("/work/shared/reference/japan-trafficking-annual-report-2014.txt")

# Exactly as the annual report prints them (its list from line 1109).
REPORT_NUMBERS = {
    "anonymous_report": "0120-924-839",
    "police_emergency": "110",
    "police_consultation": "#9110",  # printed with ♯ (music sharp); dialled as #
    "immigration_info": "0570-013904",
    "womens_rights": "0570-070-810",
    "childrens_rights": "0120-007-110",
    "trainee_native_language": "0120-022332",
    "yorisoi": "0120-279-338",
}


def test_defaults_hold_the_reports_numbers_exactly():
    entries = {e.id: e for e in load_defaults()}
    for entry_id, number in REPORT_NUMBERS.items():
        assert entries[entry_id].number == number
    assert entries["human_rights_foreigners"].number == ""
    assert not entries["human_rights_foreigners"].leaflet
    other = {n.number for n in entries["immigration_info"].other_numbers}
    assert {"03-5796-7112", "011-261-7502", "092-623-2400"} <= other
    assert "03-6430-1111" in {n.number for n in entries["trainee_native_language"].other_numbers}


@pytest.mark.skipif(not REPORT.exists(), reason="reference material not present")
def test_every_default_number_appears_in_the_report():
    text = REPORT.read_text(encoding="utf-8").replace("♯", "#")
    for entry in load_defaults():
        for number in [entry.number] + [n.number for n in entry.other_numbers]:
            if number:
                assert number in text, (entry.id, number)


def test_defaults_cite_their_source_and_date():
    for entry in load_defaults():
        assert "Annual report on trafficking in persons 2014" in entry.source
        assert "line" in entry.source
        assert entry.last_checked == date(2015, 3, 31)


def test_the_2014_numbers_are_stale_now_and_were_not_then():
    directory = default_directory()
    assert len(directory.stale(date(2026, 5, 1))) == len(directory.entries)
    assert directory.stale(date(2015, 12, 31)) == ()
    entry = directory.get("anonymous_report")
    assert not entry.stale(date(2016, 3, 30)) and entry.stale(date(2016, 4, 1))


def test_a_date_in_the_future_counts_as_stale():
    entry = _local(last_checked=date(2030, 1, 1))
    assert entry.stale(date(2026, 1, 1))


def _local(**changes) -> Contact:
    values = dict(id="local_police", name_ja="○○警察署", name_en="Local police station", number="03-1234-5678",
                  last_checked=date(2026, 4, 1), source="checked by phone by the supervisor",
                  purpose_en="Your nearest police station.", purpose_ja="最寄りの警察署。", priority=15)
    values.update(changes)
    return Contact(**values)


def test_local_entries_add_replace_and_hide():
    defaults = load_defaults()
    updated = next(e for e in defaults if e.id == "immigration_info")
    updated = Contact.from_dict({**updated.to_dict(), "number": "0570-011000", "last_checked": "2026-04-01"})
    gone = Contact.from_dict({**next(e for e in defaults if e.id == "yorisoi").to_dict(), "hidden": True})
    directory = Directory(defaults, [_local(), updated, gone])
    assert directory.get("local_police").local
    assert directory.get("immigration_info").number == "0570-011000"
    assert directory.get("immigration_info").local
    assert directory.get("yorisoi") is None
    assert "yorisoi" not in [e.id for e in directory.for_leaflet()]
    assert [e.id for e in directory.entries][:3] == ["police_emergency", "local_police", "anonymous_report"]
    assert not directory.get("immigration_info").stale(date(2026, 5, 1))


def test_local_entries_round_trip_through_json():
    directory = Directory(load_defaults(), [_local()])
    stored = json.loads(json.dumps(directory.local_dicts()))
    again = Directory.from_local_dicts(load_defaults(), stored)
    assert again.get("local_police") == directory.get("local_police")


def test_default_entries_round_trip_too():
    for entry in load_defaults():
        assert Contact.from_dict(json.loads(json.dumps(entry.to_dict()))) == entry


@pytest.mark.parametrize("field,value,problem", [
    ("id", "Local Police", "lower-case"),
    ("number", "call us", "not a phone number"),
    ("number", "12", "not a phone number"),
    ("number", "", "needs a number"),
    ("name_ja", "", "missing"),
    ("name_en", "two\nlines", "one line"),
    ("languages", ["japanese"], "language codes"),
    ("priority", -1, "whole number"),
    ("free_call", "yes", "true or false"),
    ("last_checked", "last spring", "not a date"),
    ("name_en", "Police \u202estation", "invisible"),
    ("purpose_ja", "相談\u200b窓口", "invisible"),
])
def test_validation_names_the_entry_and_field(field, value, problem):
    data = _local().to_dict()
    data[field] = value
    with pytest.raises(ContactError) as err:
        Contact.from_dict(data)
    message = err.value.message()
    assert problem in message and field in message and "local" in message


def test_unknown_fields_and_missing_fields_are_refused():
    with pytest.raises(ContactError, match="unknown field"):
        Contact.from_dict({**_local().to_dict(), "address": "1-2-3 Somewhere"})
    data = _local().to_dict()
    del data["source"]
    with pytest.raises(ContactError, match="source"):
        Contact.from_dict(data)


def test_an_entry_without_number_is_fine_off_the_leaflet():
    validate(_local(number="", leaflet=False, card=False))


def test_duplicate_ids_are_refused():
    with pytest.raises(ContactError, match="used twice"):
        Directory(load_defaults(), [_local(), _local()])


def test_broken_defaults_file_names_the_file(tmp_path):
    bad = tmp_path / "hotlines.toml"
    bad.write_text('[[contact]]\nid = "x1"\nname_ja = "a"\nname_en = "b"\nnumber = "abc"\n'
                   'source = "s"\nlast_checked = 2020-01-01\n', encoding="utf-8")
    with pytest.raises(ContactError) as err:
        load_defaults(bad)
    assert "hotlines.toml" in str(err.value) and "x1" in str(err.value) and "number" in str(err.value)
    bad.write_text("[[contact]\n", encoding="utf-8")
    with pytest.raises(ContactError, match="hotlines.toml"):
        load_defaults(bad)


def test_free_call_marks_only_toll_free_numbers():
    for entry in load_defaults():
        if entry.free_call:
            assert entry.number.startswith("0120") or entry.number == "110", entry.id
        if entry.number.startswith("0570"):
            assert not entry.free_call, entry.id
