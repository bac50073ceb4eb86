"""Statuses of residence: the catalogue matches the Act's Appended Tables, lookups behave."""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

import pytest

from app.cases import residence
from app.cases.residence import STATUSES, ResidenceStatus

_REF_NAME = "immigration-control-and-refugee-recognition-act.txt"
_REF_CANDIDATES = [
    Path(os.environ.get("TSUNAGU_REFERENCE_DIR", "/nonexistent")) / _REF_NAME,
    Path(__file__).resolve().parents[1] / "data" / "reference" / _REF_NAME,
    Path(__file__).resolve().parents[3] / "shared" / "reference" / _REF_NAME,  # CI: shared/ beside the clone
]

_ROMAN = re.compile(r"^\((i{1,3}|iv|v|vi{0,3})\)\s")
_LETTER = re.compile(r"^\(([a-h])\)\s")
_SECTION = re.compile(r"^\((\d)\)$")
_HEADERS = {"Status of Residence"}


def _norm(name: str) -> str:
    """Compare names ignoring whitespace and case ("Humanities/ International" == "...s/I...")."""
    return re.sub(r"\s+", "", name).casefold()


@dataclasses.dataclass
class _Parsed:
    name: str
    table: str
    items: dict[str, list[str]]  # roman item -> its lettered sub-items, in order


def parse_tables(text: str) -> list[_Parsed]:
    """The statuses listed in the left-hand column of Appended Tables I and II."""
    lines = [line.strip() for line in text.splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("Appended Table I ("))
    parsed: list[_Parsed] = []
    table = ""
    skip_next = False
    item = None
    for line in lines[start:]:
        if not line:
            continue
        if skip_next:  # the right-hand column's header, after "Status of Residence"
            skip_next = False
            continue
        if line.startswith("Appended Table II"):
            table, item = "II", None
            continue
        if line.startswith("Appended Table I"):
            table, item = "I", None
            continue
        section = _SECTION.match(line)
        if section and table.startswith("I") and table != "II":
            table, item = f"I({section.group(1)})", None
            continue
        if line in _HEADERS:
            skip_next = True
            continue
        roman = _ROMAN.match(line)
        if roman and parsed:
            item = roman.group(1)
            parsed[-1].items[item] = []
            continue
        letter = _LETTER.match(line)
        if letter and parsed:
            if item is not None:
                parsed[-1].items[item].append(letter.group(1))
            continue
        if line.endswith(".") or line.startswith("("):
            continue  # a description in the right-hand column
        parsed.append(_Parsed(name=line, table=table, items={}))
        item = None
    return parsed


def _allowed_names(p: _Parsed) -> set[str]:
    """Every English name an entry may carry for this table row."""
    names = {p.name}
    for roman, letters in p.items.items():
        names.add(f"{p.name} ({roman})")
        names.update(f"{p.name} ({roman})({letter})" for letter in letters)
    return {_norm(n) for n in names}


def missing_from(statuses: tuple[ResidenceStatus, ...], parsed: list[_Parsed]) -> list[str]:
    """Table statuses (and categories) of the reference text that no entry covers."""
    ens = {_norm(s.en) for s in statuses}
    missing: list[str] = []
    for p in parsed:
        if not p.items:
            if _norm(p.name) not in ens:
                missing.append(p.name)
            continue
        for roman, letters in p.items.items():
            whole = _norm(f"{p.name} ({roman})")
            parts = [f"{p.name} ({roman})({letter})" for letter in letters]
            if whole in ens:
                continue  # one category for the whole item, e.g. Highly Skilled Professional (ii)
            missing.extend(n for n in (parts or [f"{p.name} ({roman})"]) if _norm(n) not in ens)
    return missing


@pytest.fixture(scope="module")
def parsed() -> list[_Parsed]:
    for path in _REF_CANDIDATES:
        if path.is_file():
            return parse_tables(path.read_text(encoding="utf-8"))
    pytest.fail(f"reference text {_REF_NAME} not found (expected ../shared/reference beside the checkout)")


# --- the reference text ---------------------------------------------------------------------


def test_parser_reads_every_section(parsed):
    assert {p.table for p in parsed} == {"I(1)", "I(2)", "I(3)", "I(4)", "I(5)", "II"}
    assert len(parsed) >= 25
    names = [p.name for p in parsed]
    assert names[0] == "Diplomat"
    assert "Temporary Visitor" in names and "Long-Term Resident" in names
    assert all(len(n) < 70 for n in names), names


def test_every_table_status_in_reference_is_present(parsed):
    assert missing_from(STATUSES, parsed) == []


def test_every_table_status_is_in_the_right_table(parsed):
    for p in parsed:
        allowed = _allowed_names(p)
        matching = [s for s in STATUSES if _norm(s.en) in allowed]
        assert matching, p.name
        assert {s.table for s in matching} == {p.table}, p.name


def test_source_table_means_listed_in_reference(parsed):
    listed = set().union(*(_allowed_names(p) for p in parsed))
    for s in STATUSES:
        if s.source == "table":
            assert _norm(s.en) in listed, s.code
        else:
            assert _norm(s.en) not in listed, s.code


def test_dropping_a_status_is_detected(parsed):
    for code in ("temporary_visitor", "technical_intern_1b", "highly_skilled_professional_2",
                 "engineer_humanities_international", "long_term_resident"):
        fewer = tuple(s for s in STATUSES if s.code != code)
        missing = missing_from(fewer, parsed)
        dropped = _norm(residence.by_code(code).en)
        assert missing, code
        assert all(_norm(m).startswith(dropped) for m in missing), (code, missing)


def test_parser_on_a_small_table():
    text = "\n".join([
        "Article 1 Something.",
        "Appended Table I (Re. Art. 2-2)",
        "(1)", "Status of Residence", "Authorized activities",
        "Diplomat", "Activities of diplomats.",
        "(2)", "Status of Residence", "Authorized activities",
        "Technical Intern Training", "(i) Activities under (a) or (b)",
        "(a) First.", "(b) Second.", "(ii) Further.",
        "Appended Table II (Re. Art. 2-2)", "Status of Residence",
        "Personal status or position for which residence is authorized",
        "Permanent Resident", "Those permitted.",
    ])
    got = parse_tables(text)
    assert [(p.name, p.table, p.items) for p in got] == [
        ("Diplomat", "I(1)", {}),
        ("Technical Intern Training", "I(2)", {"i": ["a", "b"], "ii": []}),
        ("Permanent Resident", "II", {}),
    ]


# --- the catalogue ---------------------------------------------------------------------------


def test_codes_unique_and_ascii_snake_case():
    all_codes = residence.codes()
    assert len(all_codes) == len(set(all_codes)) == len(STATUSES)
    for code in all_codes:
        assert re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", code), code


def test_english_and_japanese_names_unique():
    assert len({s.en for s in STATUSES}) == len(STATUSES)
    assert len({s.ja for s in STATUSES}) == len(STATUSES)


def test_field_values():
    for s in STATUSES:
        assert s.table in residence.TABLE_VALUES, s.code
        assert s.source in residence.SOURCE_VALUES, s.code
        assert s.work_allowed in residence.WORK_VALUES, s.code
        assert s.ja and s.en, s.code
        assert (s.table == "") == (s.source in ("special_act", "other")), s.code
        if s.source == "amendment":
            assert "Act No." in s.note, s.code


def test_table_order():
    order = ["I(1)", "I(2)", "I(3)", "I(4)", "I(5)", "II", ""]
    ranks = [order.index(s.table) for s in STATUSES]
    assert ranks == sorted(ranks)


def test_amendment_statuses():
    assert {s.code for s in STATUSES if s.source == "amendment"} == {
        "nursing_care", "specified_skilled_worker_1", "specified_skilled_worker_2",
        "technical_intern_3a", "technical_intern_3b",
    }


def test_required_entries():
    expected = {
        "technical_intern_1a": ("技能実習（第1号イ）", "Technical Intern Training (i)(a)", "I(2)"),
        "technical_intern_3b": ("技能実習（第3号ロ）", "Technical Intern Training (iii)(b)", "I(2)"),
        "highly_skilled_professional_1c": ("高度専門職（第1号ハ）",
                                           "Highly Skilled Professional (i)(c)", "I(2)"),
        "specified_skilled_worker_2": ("特定技能（第2号）", "Specified Skilled Worker (ii)", "I(2)"),
        "nursing_care": ("介護", "Nursing Care", "I(2)"),
        "temporary_visitor": ("短期滞在", "Temporary Visitor", "I(3)"),
        "designated_activities": ("特定活動", "Designated Activities", "I(5)"),
        "spouse_or_child_of_japanese_national": ("日本人の配偶者等",
                                                 "Spouse or Child of Japanese National", "II"),
        "special_permanent_resident": ("特別永住者", "Special Permanent Resident", ""),
        "no_status": ("在留資格なし・超過滞在", "No status of residence / overstayed", ""),
        "provisional_release": ("仮放免・退去強制手続中",
                                "Provisional release / under deportation procedure", ""),
        "unknown": ("不明", "Unknown", ""),
        "japanese_national": ("日本国籍", "Japanese national", ""),
    }
    for code, (ja, en, table) in expected.items():
        s = residence.by_code(code)
        assert (s.ja, s.en, s.table) == (ja, en, table), code
    assert residence.by_code("special_permanent_resident").source == "special_act"
    assert residence.codes()[-5:] == (
        "special_permanent_resident", "no_status", "provisional_release", "unknown",
        "japanese_national",
    )


def test_work_allowed():
    assert residence.by_code("temporary_visitor").work_allowed == "no"
    assert residence.by_code("trainee").work_allowed == "no"
    assert residence.by_code("technical_intern_2a").work_allowed == "limited"
    assert residence.by_code("permanent_resident").work_allowed == "yes"
    assert residence.by_code("no_status").work_allowed == "no"
    assert residence.by_code("unknown").work_allowed == "unknown"
    for s in STATUSES:
        if s.table in ("I(3)", "I(4)"):
            assert s.work_allowed == "no", s.code  # Art. 19(1)(ii)
        if s.table == "II":
            assert s.work_allowed == "yes", s.code


def test_status_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        STATUSES[0].code = "x"  # type: ignore[misc]


# --- lookups ---------------------------------------------------------------------------------


def test_label():
    assert residence.label("technical_intern_1a", "ja") == "技能実習（第1号イ）"
    assert residence.label("technical_intern_1a", "en") == "Technical Intern Training (i)(a)"
    assert residence.label("temporary_visitor", "th") == "Temporary Visitor"
    assert residence.label("japanese_national", "ja") == "日本国籍"


def test_by_code_unknown_raises_value_error():
    with pytest.raises(ValueError, match="no_such_status"):
        residence.by_code("no_such_status")
    with pytest.raises(ValueError):
        residence.by_code("")
    with pytest.raises(ValueError):
        residence.label("Temporary Visitor", "en")


def test_codes_in_table_order():
    assert residence.codes() == tuple(s.code for s in STATUSES)
    assert residence.codes()[0] == "diplomat"


def test_status_lost_or_uncertain():
    lost = {c for c in residence.codes() if residence.status_lost_or_uncertain(c)}
    assert lost == {"no_status", "provisional_release", "unknown"}
    assert not residence.status_lost_or_uncertain("temporary_visitor")
    assert not residence.status_lost_or_uncertain("japanese_national")
    with pytest.raises(ValueError):
        residence.status_lost_or_uncertain("overstay")
