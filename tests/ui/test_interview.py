"""The interview in the program: keys answer, each answer is in the store at once, lock keeps
it, continue resumes at the same question, and the end shows and stores the screening result."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from app.cases import repo
from app.cases.model import Person
from app.interview import records
from app.store.store import open_store
from tests.ui.conftest import PASSWORD, all_texts, audit_events, log_in

ALIAS = "Interview-Alias-K7"


def _open_new_case(window):
    case = repo.create_case(window.session, Person(alias=ALIAS, nationality="TH", languages=("th",), estimated_age=24))
    window.open_case(case.id)
    return case


def _saved_answers(path, interview_id):
    s = open_store(path, "admin", PASSWORD)
    try:
        row = s.conn.execute("SELECT state FROM interviews WHERE id = ?", (interview_id,)).fetchone()
    finally:
        s.close(event=None)
    return json.loads(row[0])["answers"]


def test_keys_answer_and_every_answer_is_saved_at_once(logged_in, qtbot, store):
    window = logged_in
    case = _open_new_case(window)
    form = window.case_form
    assert form.interview_button.isEnabled() and not form.continue_button.isVisible()
    form.interview_button.click()
    page = window.interview
    assert window.stack.currentWidget() is page
    assert window.windowTitle() == f"Tsunagu — {case.number}"
    assert page.record.person_language == "th"
    assert not page.signs.isVisible(), "the signs panel starts hidden: she may see the screen"
    first = page.flow.current(page.record.state).id
    qtbot.keyClick(page, Qt.Key.Key_Y)
    assert _saved_answers(store[0], page.record.id) == {first: "yes"}
    second = page.flow.current(page.record.state).id
    qtbot.keyClick(page, Qt.Key.Key_N)
    qtbot.keyClick(page, Qt.Key.Key_Left)  # back: the answer is kept and shown
    assert page.flow.current(page.record.state).id == second
    assert page.answers.buttons["no"].isChecked()
    qtbot.keyClick(page, Qt.Key.Key_D)
    saved = _saved_answers(store[0], page.record.id)
    assert saved[first] == "yes" and saved[second] == "declined"
    events = [e for e, _ in audit_events(store[0])]
    assert events.count("answer_saved") >= 3 and "interview_started" in events


def test_lock_mid_interview_then_continue_at_the_same_question(logged_in, qtbot, store):
    window = logged_in
    _open_new_case(window)
    window.case_form.interview_button.click()
    page = window.interview
    for _ in range(3):
        qtbot.keyClick(page, Qt.Key.Key_Y)
    where = page.flow.current(page.record.state).id
    interview_id = page.record.id
    window.lock()
    assert page.record is None and ALIAS not in all_texts()
    assert page.question.text() == ""
    log_in(window)
    found = repo.search_cases(window.session, ALIAS)
    window.open_case(found[0].id)
    assert window.case_form.continue_button.isVisibleTo(window.case_form)
    window.case_form.continue_button.click()
    assert window.interview.record.id == interview_id
    assert window.interview.flow.current(window.interview.record.state).id == where


def test_whole_interview_ends_with_a_stored_result(logged_in, qtbot, store):
    window = logged_in
    case = _open_new_case(window)
    window.case_form.interview_button.click()
    page = window.interview
    for _ in range(400):
        q = page.flow.current(page.record.state)
        if q is None:
            break
        if q.type == "yes_no":
            qtbot.keyClick(page, Qt.Key.Key_Y if q.id in ("safe_now", "interpreter_ok", "consent") else Qt.Key.Key_N)
        else:  # a field has the focus (typing goes there): the button is what staff click
            page.answers.buttons["declined"].click()
    assert page.views.currentIndex() == 1, "the result view is shown at the end"
    html = page.result_view.toPlainText()
    assert page.result.disclaimer.en.split()[0] in html
    assert records.has_result(window.session, case.id)
    page.done_button.click()
    assert window.stack.currentWidget() is window.case_form
    assert window.case_form.result_button.isVisibleTo(window.case_form)
    window.case_form.result_button.click()
    assert window.stack.currentWidget() is window.interview and window.interview.views.currentIndex() == 1
    assert window.windowTitle() == f"Tsunagu — {case.number}"


def test_signs_panel_opens_for_staff(logged_in, qtbot):
    window = logged_in
    _open_new_case(window)
    window.case_form.interview_button.click()
    page = window.interview
    page.signs_button.click()
    assert page.signs.isVisible() and page.signs.toPlainText()
    page.signs_button.click()
    assert not page.signs.isVisible()


def test_result_says_when_a_list_is_not_yet_verified(qtbot):
    """The sexual-exploitation lists are reconstructed, not checked against the brochure: a
    result that used one says so to staff."""
    from app.interview.flow import Flow
    from app.interview.load import load_bank
    from app.screening.engine import default_catalog
    from app.screening.result import Observation
    from app.screening.engine import screen
    from ui.interview.result_view import result_html

    catalog = default_catalog()
    flow = Flow(load_bank(), catalog)
    sexual = screen([Observation("TYPE-SEXUAL", "work_kind", ["sex_industry"])], age=25, catalog=catalog)
    labour = screen([Observation("TYPE-LABOUR", "work_kind", ["factory"])], age=25, catalog=catalog)
    note = "has not yet been checked against the ILO/EC brochure"
    assert note in result_html(sexual, catalog.texts, "en", flow.bank, catalog)
    assert note not in result_html(labour, catalog.texts, "en", flow.bank, catalog)
