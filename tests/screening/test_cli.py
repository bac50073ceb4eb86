"""``tsunagu screen ANSWERS.json [--lang ja|en] [--json]``: output and exit codes."""

import argparse
import json

import pytest

from app.cli import screen as commands

CASE = {"age": 30, "japanese_national": "no", "work_kind": ["factory"], "job_different": "yes",
        "paid": "less", "hours": 14, "documents_kept": "yes", "debt_work": "yes",
        "residence_status": "expired"}


def run(argv):
    parser = argparse.ArgumentParser(prog="tsunagu")
    commands.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return args.func(args)


@pytest.fixture()
def answers(tmp_path):
    def write(data):
        path = tmp_path / "answers.json"
        path.write_text(json.dumps(data) if not isinstance(data, str) else data,
                        encoding="utf-8")
        return str(path)
    return write


def test_prints_classification_and_reasons(answers, capsys):
    assert run(["screen", answers(CASE), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Classification: Likely trafficking")
    assert "documents_kept" in out and "not a determination" in out


def test_japanese_report(answers, capsys):
    assert run(["screen", answers(CASE), "--lang", "ja"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("分類: 人身取引の可能性が高い") and "出入国在留管理庁" in out


def test_json_output_is_the_result(answers, capsys):
    assert run(["screen", answers(CASE), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["classification"] == "likely" and data["age"] == 30
    assert "immigration" in [s["id"] for s in data["next_steps"]]


def test_empty_answers_are_none_yet(answers, capsys):
    assert run(["screen", answers({}), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["classification"] == "none_yet"


@pytest.mark.parametrize("data, words", [
    ({"age": 30, "passport_colour": "red"}, "unknown question id 'passport_colour'"),
    ({"age": "thirty"}, "question 'age': expected a number"),
    ({"work_kind": ["spaceship"]},
     "question 'work_kind': 'spaceship' is not one of its choices"),
    ({"documents_kept": True}, "question 'documents_kept'"),
    ("[1, 2]", "must hold one JSON object"),
    ("{not json", "is not valid JSON"),
])
def test_bad_answers_exit_1_with_a_clear_message(answers, capsys, data, words):
    assert run(["screen", answers(data)]) == 1
    captured = capsys.readouterr()
    assert words in captured.err and captured.out == ""


def test_missing_file_exits_1(tmp_path, capsys):
    assert run(["screen", str(tmp_path / "none.json")]) == 1
    assert "none.json" in capsys.readouterr().err
