"""The supervisor's audit log window, offscreen on a real store: rows with labels and case
numbers, the staff filter, the chain check, and nothing for a counsellor."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from app.cases import repo
from app.cases.model import Person
from tests.ui.conftest import add_person, later, log_in

ALIAS = "Audit-Alias-W2"


def _open(window, modals, qtbot, action):
    seen = {}

    def run(dialog):
        seen.update(action(dialog) or {})
        later(dialog.accept)

    modals.expect("auditDialog", run)
    window.audit_action.trigger()
    qtbot.waitUntil(modals.done)
    return seen


def test_the_log_shows_what_happened_by_case_number_and_never_a_name(logged_in, modals, qtbot):
    case = repo.create_case(logged_in.session, Person(alias=ALIAS, real_name="Realname-Y1"))
    logged_in.open_case(case.id)

    def look(dialog):
        table = dialog.table
        rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
        return {"rows": rows, "count": dialog.count.text()}

    seen = _open(logged_in, modals, qtbot, look)
    whats = [row[2] for row in seen["rows"]]
    assert "Case opened" in whats and "Case created" in whats and "Logged in" in whats
    assert [row[3] for row in seen["rows"] if row[2] == "Case opened"] == [case.number]
    assert not any(ALIAS in cell or "Realname" in cell for row in seen["rows"] for cell in row)
    assert seen["count"] == f"Rows: {len(seen['rows'])}"


def test_the_staff_filter_and_the_chain_check(logged_in, modals, qtbot, store):
    add_person(store[0], "cou", "counsellor")

    def filter_and_check(dialog):
        dialog.who.setCurrentIndex(dialog.who.findText("cou"))
        dialog.show_log()
        only_cou = dialog.table.rowCount()
        dialog.check_button.click()
        return {"only_cou": only_cou, "info": dialog.info.text()}

    seen = _open(logged_in, modals, qtbot, filter_and_check)
    assert seen["only_cou"] == 0  # the counsellor has not done anything yet
    assert seen["info"].startswith("The log is intact")


def test_a_counsellor_has_no_audit_log(window, store):
    add_person(store[0], "coun", "counsellor")
    log_in(window, "coun")
    assert not window.audit_action.isVisible()
    window.open_audit()
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.objectName() == "auditDialog"]
