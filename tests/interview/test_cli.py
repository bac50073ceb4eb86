"""``tsunagu questions check [DIR]``: exit codes and messages."""

import argparse

from app.cli import questions as commands

from .conftest import BANKS


def run(argv):
    parser = argparse.ArgumentParser(prog="tsunagu")
    commands.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return args.func(args)


def test_shipped_bank_exits_0(capsys):
    assert run(["questions", "check"]) == 0
    assert "OK" in capsys.readouterr().out


def test_broken_bank_exits_1_with_messages(capsys):
    assert run(["questions", "check", str(BANKS / "cycle")]) == 1
    err = capsys.readouterr().err
    assert "20_second.toml: question 'locked_in', field 'next[0].goto'" in err


def test_missing_folder_exits_1(tmp_path, capsys):
    assert run(["questions", "check", str(tmp_path / "nowhere")]) == 1
    assert "nowhere" in capsys.readouterr().err
