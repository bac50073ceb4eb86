"""``tsunagu referral --demo``: a packet or her copy of the fictional case, written 0600."""

from __future__ import annotations

import argparse

import pytest

from app.errors import UserError
from app.cli import referral as commands
from tests.referrals.conftest import pdf_text


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="tsunagu")
    commands.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return args.func(args)


def test_demo_packet_is_written_private(tmp_path, capsys):
    out = tmp_path / "police.pdf"
    assert _run(["referral", "--demo", "--to", "police", "--out", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and (out.stat().st_mode & 0o777) == 0o600
    text = pdf_text(data)
    assert "取扱注意" in text and "警察署御中" in text and "人身取引の可能性" in text
    assert "Saved" in capsys.readouterr().out
    assert not any((tmp_path / "tmp").iterdir())  # the demo store went with its folder


def test_demo_her_copy_and_a_child_referral(tmp_path):
    her = tmp_path / "her.pdf"
    assert _run(["referral", "--demo", "--to", "police", "--her-copy", "--lang", "ja", "--out", str(her)]) == 0
    assert "あなたの情報の提供について" in pdf_text(her.read_bytes())
    child = tmp_path / "child.pdf"
    assert _run(["referral", "--demo", "--to", "child_guidance", "--out", str(child)]) == 0
    assert "児童相談所御中" in pdf_text(child.read_bytes())


def test_without_demo_or_with_a_bad_purpose_it_refuses(tmp_path):
    with pytest.raises(UserError, match="--demo"):
        _run(["referral", "--to", "police", "--out", str(tmp_path / "x.pdf")])
    with pytest.raises(UserError, match="not a purpose"):
        _run(["referral", "--demo", "--to", "police", "--purpose", "x", "--out", str(tmp_path / "x.pdf")])
    assert not (tmp_path / "x.pdf").exists()
    with pytest.raises(SystemExit):
        _run(["referral", "--demo", "--to", "newspaper", "--out", str(tmp_path / "x.pdf")])
