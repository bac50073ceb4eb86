"""``tsunagu screen ANSWERS.json [--lang ja|en] [--json]``: screen a file of answers.

ANSWERS.json is one JSON object: answers keyed by question id (``age`` is a question too), e.g.
``{"age": 24, "documents_kept": "yes", "work_kind": ["factory"]}``. An unknown question id or a
value of the wrong type exits 1 with a message naming the question; nothing is screened then.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.errors import UserError
from app.i18n import N_, _, current_language, set_language
from app.interview.answers import check_answer
from app.interview.bank import QUESTIONS_DIR
from app.interview.load import load_bank
from app.interview.observe import screen_answers
from app.screening.catalog import INDICATORS_DIR, load_catalog
from app.screening.render import render_text


class AnswersFileError(UserError):
    """The answers file cannot be read, is not JSON, or holds unknown questions or bad values."""


def register(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "screen", help=_("screen a JSON file of answers and print the result"))
    parser.add_argument("answers", type=Path, help=_("JSON object of answers by question id"))
    parser.add_argument("--lang", choices=("ja", "en"), default=None,
                        help=_("staff language of the report (default: the system's)"))
    parser.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    parser.add_argument("--questions", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--indicators", type=Path, default=None, help=argparse.SUPPRESS)
    parser.set_defaults(func=handler)
    return parser


def read_answers(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise AnswersFileError(N_("cannot read {path}: {error}"), path=path,
                               error=exc.strerror or exc) from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise AnswersFileError(N_("{path} is not valid JSON: {error}"), path=path,
                               error=exc) from exc
    if not isinstance(data, dict):
        raise AnswersFileError(N_("{path} must hold one JSON object of answers"), path=path)
    return data


def checked_answers(bank, data: dict) -> dict:
    """Every answer checked against its question; the first problem raises."""
    out = {}
    for qid, value in data.items():
        question = bank.questions.get(qid)
        if question is None:
            raise AnswersFileError(N_("unknown question id '{question}'"), question=qid)
        out[qid] = check_answer(question, value)
    return out


def handler(args) -> int:
    if args.lang:
        set_language(args.lang)
    lang = current_language()
    try:
        return _run(args, lang)
    except UserError as err:
        print(f"tsunagu: {err.message()}", file=sys.stderr)
        return err.exit_code


def _run(args, lang: str) -> int:
    catalog = load_catalog(args.indicators or INDICATORS_DIR)
    bank = load_bank(args.questions or QUESTIONS_DIR, catalog)
    answers = checked_answers(bank, read_answers(args.answers))
    result = screen_answers(bank, answers, catalog)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(render_text(result, catalog.texts, lang))
    return 0
