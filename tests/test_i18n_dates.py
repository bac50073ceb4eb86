"""Dates and numbers per language (issue 4 item 6), and `tsunagu i18n status`."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app.i18n.dates import format_date, format_japanese, format_number, format_thai_buddhist, japanese_era

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "day, expected",
    [
        (date(2026, 11, 21), "令和8年11月21日（2026年）"),
        (date(2019, 5, 1), "令和元年5月1日（2019年）"),
        (date(2019, 4, 30), "平成31年4月30日（2019年）"),
        (date(1989, 1, 7), "昭和64年1月7日（1989年）"),
        (date(1989, 1, 8), "平成元年1月8日（1989年）"),
    ],
)
def test_japanese_era_dates(day, expected):
    assert format_japanese(day) == expected
    assert format_date(day, "ja") == expected


def test_era_before_meiji_is_refused():
    with pytest.raises(ValueError):
        japanese_era(date(1800, 1, 1))


def test_thai_buddhist_year_for_the_person_only():
    d = date(2026, 11, 21)
    assert format_thai_buddhist(d) == "21 พฤศจิกายน พ.ศ. 2569"
    assert format_date(d, "th", for_person=True) == "21 พฤศจิกายน พ.ศ. 2569"
    assert "2026" in format_date(d, "th")


@pytest.mark.parametrize("lang, expected", [("en", "1,234.5"), ("vi", "1.234,5"), ("pt_BR", "1.234,5"), ("ja", "1,234.5")])
def test_numbers_follow_the_language(lang, expected):
    assert format_number(1234.5, lang) == expected


def test_long_dates_in_every_interview_language():
    from app.i18n.content import INTERVIEW_LANGUAGES

    for lang in INTERVIEW_LANGUAGES:
        text = format_date(date(2026, 3, 9), lang, for_person=True)
        assert text and ("9" in text or "๙" in text), lang


def test_i18n_status_reports_every_language(tmp_path):
    r = subprocess.run([sys.executable, "-m", "ui.launcher", "i18n", "status", "--json"], cwd=ROOT,
                       capture_output=True, text=True, env={"TSUNAGU_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    rows = json.loads(r.stdout[: r.stdout.rindex("]") + 1])
    from app.i18n.content import INTERVIEW_LANGUAGES

    questions = {row["language"]: row for row in rows if row["domain"] == "questions"}
    assert set(questions) == set(INTERVIEW_LANGUAGES)
    assert questions["en"]["review"] == "source"
    assert all(questions[l]["review"] in ("draft", "reviewed") for l in INTERVIEW_LANGUAGES if l != "en")
    incomplete = [l for l, row in questions.items() if row["percent"] < 100 or row["fuzzy"]]
    assert r.returncode == (1 if incomplete else 0)
