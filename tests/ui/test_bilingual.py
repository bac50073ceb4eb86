"""Bilingual cards, her language changed mid-interview, and the interpreter screen (issue 4)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from app.cases import repo
from app.cases.model import Person
from app.i18n.content import INTERVIEW_LANGUAGES, ctext
from app.interview import records
from tests.ui.conftest import all_texts

ALIAS = "Bilingual-Alias-P3"
REAL = "Hidden-Name-Q8"


def _interview(window, languages=("th",)):
    case = repo.create_case(window.session, Person(alias=ALIAS, real_name=REAL, nationality="TH",
                                                   languages=languages, estimated_age=30))
    window.open_case(case.id)
    window.case_form.interview_button.click()
    return case, window.interview


def test_card_shows_both_languages_and_buttons_in_both(logged_in):
    window = logged_in
    _case, page = _interview(window)
    q = page.flow.current(page.record.state)
    assert page.question.text() == q.text  # staff language (en here)
    assert page.question_person.isVisibleTo(page)
    assert page.question_person.text() == ctext(q.text, "th") != q.text
    yes = page.answers.buttons["yes"]
    assert yes.staff_label.text().startswith("Yes") and yes.person_label.text() == ctext("Yes", "th")
    assert page.caution.isVisibleTo(page), "Thai is a draft: staff see the caution on every card"


def test_changing_her_language_keeps_every_answer(logged_in, qtbot, store):
    window = logged_in
    _case, page = _interview(window)
    for _ in range(3):
        qtbot.keyClick(page, Qt.Key.Key_Y)
    before = dict(page.record.state.answers)
    where = page.flow.current(page.record.state).id
    page.language.setCurrentIndex(page.language.findData("my"))
    page.language.activated.emit(page.language.currentIndex())
    assert page.record.person_language == "my"
    assert page.record.state.answers == before
    assert page.flow.current(page.record.state).id == where
    assert page.question_person.text() == ctext(page.flow.current(page.record.state).text, "my")
    history = [lang for _at, lang in records.language_history(window.session, page.record.id)]
    assert history == ["th", "my"]
    saved = window.session.conn.execute("SELECT state FROM interviews WHERE id = ?", (page.record.id,)).fetchone()[0]
    assert json.loads(saved)["answers"] == before


def test_interpreter_screen_shows_only_the_question_in_her_language(logged_in, qtbot):
    window = logged_in
    case, page = _interview(window, ("ko",))
    page.interpreter_button.setChecked(True)
    screen = page.interpreter
    assert screen.isVisible() and screen.windowTitle() == "Tsunagu"
    q = page.flow.current(page.record.state)
    assert screen.question.text() == ctext(q.text, "ko")
    texts = [screen.windowTitle(), screen.question.text()] + [t.label.text() for t in screen.tiles]
    for secret in (ALIAS, REAL, case.number, "Thailand", "タイ"):
        assert all(secret not in t for t in texts)
    assert [t.objectName() for t in screen.tiles] == ["tile_yes", "tile_no", "tile_not_sure", "tile_declined"]
    qtbot.keyClick(page, Qt.Key.Key_Y)
    assert screen.question.text() == ctext(page.flow.current(page.record.state).text, "ko")
    window.lock()
    assert not screen.isVisible() and screen.question.text() == "" and screen.tiles == []
    assert ALIAS not in all_texts()


@pytest.mark.parametrize("lang", INTERVIEW_LANGUAGES)
def test_every_question_fits_the_interpreter_screen(qtbot, lang):
    """Measured with the real fonts at the default window size: every question and its answers
    fit, and the type is never shrunk below the readable minimum to get there."""
    from app.i18n.content import FIXED_ANSWERS
    from app.interview.load import load_bank
    from ui.interview.interpreter import DEFAULT_SIZE, InterpreterWindow, fit_points, layout_height

    screen = InterpreterWindow()
    qtbot.addWidget(screen)
    problems = []
    for q in load_bank().questions.values():
        fixed = (["yes", "no"] if q.type == "yes_no" else []) + ["not_sure", "declined"]
        answers = [(c.value, ctext(c.text, lang)) for c in q.choices] + [(v, ctext(FIXED_ANSWERS[v], lang)) for v in fixed]
        text = ctext(q.text, lang)
        q_pt, a_pt, fits = fit_points(lang, text, answers, DEFAULT_SIZE, screen.font())
        if not fits:
            problems.append(f"{q.id}: {layout_height(lang, text, answers, DEFAULT_SIZE[0], q_pt, a_pt, screen.font())}px")
    assert problems == [], f"{lang}: taller than the {DEFAULT_SIZE[1]}px interpreter screen even at the smallest type"


def test_shown_question_uses_the_fitted_size(qtbot):
    from ui.interview.interpreter import QUESTION_POINTS, InterpreterWindow

    screen = InterpreterWindow()
    qtbot.addWidget(screen)
    screen.show_question("en", "Short?", [("yes", "Yes"), ("no", "No")])
    assert screen.question.font().pointSize() == QUESTION_POINTS
    long_answers = [(f"c{i}", "A long answer choice that wraps over more than one line " * 2) for i in range(14)]
    screen.show_question("en", "A long question " * 12, long_answers)
    assert screen.question.font().pointSize() < QUESTION_POINTS
