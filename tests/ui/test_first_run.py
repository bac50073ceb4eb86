"""First run: create a store, see the recovery key once, log in, make the first case."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Qt

from app import settings
from app.store.store import open_with_recovery
from tests.ui.conftest import PASSWORD, all_texts, audit_events

ALIAS = "Sentinel-Alias-Ploy"
REAL_NAME = "Sentinel-Realname-Srisuk"


def test_first_run_creates_store_shows_key_and_makes_a_case(make_window, qtbot, tmp_path):
    window = make_window(None)
    first = window.first_run
    assert window.stack.currentWidget() is first
    assert not window.menuBar().isVisible()
    form = first.form
    path = tmp_path / "centre.tsunagu"
    form.location.setText(str(path))
    form.user.setText("Admin")
    form.password.setText(PASSWORD)
    form.repeat.setText(PASSWORD)
    form.create.click()

    # The recovery key, once, in large monospace groups, with the checkbox before Continue.
    assert first.showing_key()
    shown = first.key_view.key_label.text()
    groups = shown.split()
    assert len(groups) == 8 and all(re.fullmatch(r"[0-9A-Z]{4}", g) for g in groups)
    assert first.key_view.key_label.font().pointSize() >= 20
    assert "office safe" in first.key_view.advice.text()
    assert not first.key_view.continue_button.isEnabled()
    first.key_view.written.setChecked(True)
    assert first.key_view.continue_button.isEnabled()
    first.key_view.continue_button.click()
    assert first.key_view.key_label.text() == ""  # the key does not stay in any widget
    assert all("".join(groups) not in t.replace("-", "").replace(" ", "").replace("\n", "") for t in all_texts())

    # Log in with the password just chosen (user name prefilled).
    assert window.stack.currentWidget() is window.login
    assert window.login.user.text() == "admin"
    window.login.password.setText(PASSWORD)
    window.login.button.click()
    assert window.session_open
    assert window.stack.currentWidget() is window.case_list
    assert settings.load().last_store == str(path.resolve())

    # A new case: alias, real name, nationality, languages, residence, age, notes.
    window.case_list.new_button.click()
    case_form = window.case_form
    assert window.stack.currentWidget() is case_form
    assert window.windowTitle() == "Tsunagu"
    assert case_form.reminder.isVisibleTo(window) and "transcript" in case_form.reminder.text()
    case_form.alias.setText(ALIAS)
    case_form.real_name.setText(REAL_NAME)
    case_form.age.setValue(24)
    case_form.sex.setCurrentIndex(case_form.sex.findData("female"))
    case_form.nationality.setEditText("thailand")  # typed, any case
    case_form.languages.check("th")
    case_form.languages.check("en")
    case_form.residence.setCurrentIndex(case_form.residence.findData("temporary_visitor"))
    case_form.stay_expiry.setText("2026-12-31")
    case_form.contact_safe.setCurrentIndex(case_form.contact_safe.findData("no"))
    case_form.notes.setPlainText("Needs a place to stay tonight.")
    case_form.save_button.click()

    number = f"{date.today().year}-0001"
    assert case_form.message.text() == "" or not case_form.message.isVisible()
    assert case_form.case is not None and case_form.case.number == number
    assert window.windowTitle() == f"Tsunagu — {number}"
    person = case_form.case.person
    assert (person.nationality, person.languages, person.residence_status, person.estimated_age) == (
        "TH", ("en", "th"), "temporary_visitor", 24)
    assert not case_form.is_dirty()

    # Back in the list: the case is there, names hidden, nationality by name.
    case_form.back_button.click()
    assert window.windowTitle() == "Tsunagu"
    model = window.case_list.model
    assert model.rowCount() == 1
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert row[:4] == [number, ALIAS, "Thailand", "24"]
    assert "Temporary Visitor" in row and "Open" in row
    assert REAL_NAME not in row
    assert all(ALIAS not in w.windowTitle() for w in qtbot_top_levels())

    # The key shown was the real recovery key.
    window.shutdown()
    open_with_recovery(path, shown).close(event=None)
    events = [e for e, _s in audit_events(path)]
    assert events[:2] == ["store_created", "staff_added"] and "case_created" in events


def qtbot_top_levels():
    from PySide6.QtWidgets import QApplication

    return QApplication.topLevelWidgets()


def test_first_run_refuses_weak_or_mismatched_passwords(make_window, tmp_path):
    window = make_window(None)
    form = window.first_run.form
    form.location.setText(str(tmp_path / "x.tsunagu"))
    form.user.setText("admin")
    assert "at least 12 characters" in form.rule.text()
    form.password.setText("short")
    form.repeat.setText("short")
    form.create.click()
    assert form.message.isVisibleTo(window) and "12 characters" in form.message.text()
    form.password.setText(PASSWORD)
    form.repeat.setText(PASSWORD + "x")
    form.create.click()
    assert "not the same" in form.message.text()
    assert form.password.text() == PASSWORD  # nothing typed is lost
    assert not (tmp_path / "x.tsunagu").exists()
    assert not window.first_run.showing_key()


def test_first_run_can_open_an_existing_store(make_window, store, monkeypatch):
    window = make_window(None)
    window.first_run.form.open_existing.emit(str(store[0]))
    assert window.stack.currentWidget() is window.login
    assert window.login.store_path == store[0]
    assert "office.tsunagu" in window.login.store_label.text()


def test_key_press_on_first_run_does_not_lock(make_window, qtbot):
    window = make_window(None)
    qtbot.keyClick(window.first_run.form.user, Qt.Key.Key_F12)
    assert window.stack.currentWidget() is window.first_run


def test_file_dialog_keeps_no_history_or_state(make_window, store, modals, tsunagu_home):
    """Qt's own dialog, no history, and Qt's saved state never reaches the shared settings."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QFileDialog

    from tests.ui.conftest import later

    window = make_window(None)

    def pick(dialog):
        assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
        assert dialog.history() in ([], [dialog.directory().absolutePath()])  # nothing from before
        qt_settings = QSettings(QSettings.Scope.UserScope, "QtProject").fileName()
        assert qt_settings.startswith(str(tsunagu_home))  # not the user's shared QtProject.conf
        dialog.selectFile(str(store[0]))
        later(dialog.accept)

    modals.expect("fileDialog", pick)
    window.first_run.form.existing.click()
    assert modals.done()
    assert window.stack.currentWidget() is window.login
    assert window.login.store_path == store[0]
    assert not (tsunagu_home / "config" / "qt-scratch").exists()
