"""Broken question banks (tests/data/banks) are refused with file, question id and field."""

import pytest

from app.interview.load import bank_issues, load_bank
from app.screening.issues import ValidationFailed

from .conftest import BANKS


def issues_of(name, catalog):
    _, issues = bank_issues(BANKS / name, catalog)
    return issues


def test_the_shipped_bank_checks_clean(catalog):
    bank, issues = bank_issues(catalog=catalog)
    assert issues == []
    assert len(bank.questions) > 60


def test_the_control_fixture_is_clean(catalog):
    assert issues_of("valid_small", catalog) == []


@pytest.mark.parametrize("name, file, question, field, words", [
    ("duplicate_id", "20_second.toml", "documents_kept", "id", "duplicate id"),
    ("unknown_indicator", "20_second.toml", "locked_in", "signals.yes",
     "unknown indicator id ILO-5-LOCKED-UP"),
    ("cycle", "20_second.toml", "locked_in", "next[0].goto", "cycle"),
    ("unreachable", "20_second.toml", "watched", "id", "unreachable"),
    ("bad_condition", "20_second.toml", "locked_in", "show_if", "unknown operator 'lessthan'"),
])
def test_each_broken_bank_names_file_question_and_field(catalog, name, file, question, field,
                                                        words):
    issues = issues_of(name, catalog)
    assert len(issues) == 1, [str(i) for i in issues]
    issue = issues[0]
    assert (issue.file, issue.item, issue.field) == (file, question, field)
    text = str(issue)
    assert file in text and f"'{question}'" in text and f"'{field}'" in text and words in text


def test_condition_on_a_later_question_and_an_impossible_value(catalog):
    issues = {(i.item, i.field): str(i) for i in issues_of("bad_condition_later", catalog)}
    assert "later question" in issues[("age", "show_if")]
    assert "can never be 'yes'" in issues[("documents_kept", "show_if")]


def test_load_bank_raises_with_every_problem(catalog):
    with pytest.raises(ValidationFailed) as info:
        load_bank(BANKS / "bad_condition_later", catalog)
    assert len(info.value.issues) == 2
    assert "10_first.toml" in str(info.value)


def test_signal_on_declined_is_refused(tmp_path, catalog):
    (tmp_path / "10.toml").write_text(
        '[section]\nid="s"\nversion="1"\ntitle="S"\n\n[[question]]\nid="q"\ntype="yes_no"\n'
        'text="Q?"\nhelp="H"\nsignals = { declined = ["ILO-5-DOCUMENTS"] }\n', encoding="utf-8")
    issues = issues_of(tmp_path, catalog)
    assert [(i.item, i.field) for i in issues] == [("q", "signals.declined")]
    assert "never counted as a sign" in str(issues[0])


def test_list_specific_id_in_a_question_gets_a_hint(tmp_path, catalog):
    (tmp_path / "10.toml").write_text(
        '[section]\nid="s"\nversion="1"\ntitle="S"\n\n[[question]]\nid="q"\ntype="yes_no"\n'
        'text="Q?"\nhelp="H"\nsignals = { yes = ["ILO-A-L-5-S-1"] }\n', encoding="utf-8")
    (issue,) = issues_of(tmp_path, catalog)
    assert "ILO-5-DOCUMENTS" in str(issue)
