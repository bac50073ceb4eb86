"""Locking (R16): after inactivity with an injected clock, at once on F12 and Esc-Esc (also with
a dialog open), and what a lock leaves behind: a neutral screen, a closed store, no case data."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from app.cases import repo
from app.cases.model import Person
from app.store import audit
from tests.ui.conftest import PASSWORD, add_person, all_texts, audit_events, later, log_in

MARKER = "Zq7Marker"


def make_cases(window, n: int = 3) -> list:
    return [
        repo.create_case(window.session, Person(alias=f"{MARKER}-alias-{i}", real_name=f"{MARKER}-name-{i}",
                                                nationality="PH", notes=f"{MARKER} note {i}"))
        for i in range(n)
    ]


def open_first_case(window, qtbot):
    table = window.case_list.table
    window.case_list.refresh()
    rect = table.visualRect(window.case_list.model.index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # as a real double
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # click sends both
    assert window.stack.currentWidget() is window.case_form
    return window.case_form.case


def assert_locked(window, session) -> None:
    assert window.stack.currentWidget() is window.login
    assert window.login.locked_mode and window.login.button.text() == "Unlock"
    assert not window.login.store_label.isVisibleTo(window)  # neutral: no file name either
    assert window.windowTitle() == "Tsunagu"
    assert not window.menuBar().isVisible()
    assert window.session is None
    assert session.conn is None and not session.is_open
    assert all(b == 0 for b in session._dek)
    assert window.case_list.model.rowCount() == 0
    assert window.case_form.case is None
    leftovers = [t for t in all_texts() if MARKER in t]
    assert leftovers == []
    for field in QApplication.allWidgets():
        if isinstance(field, QLineEdit):
            assert not field.isUndoAvailable(), field.objectName()  # nothing to undo back into view
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


@pytest.fixture
def busy(logged_in, qtbot):
    """Logged in, with cases, one of them open in the form and names shown in the list."""
    window = logged_in
    make_cases(window)
    window.case_list.names_toggle.setChecked(True)
    case = open_first_case(window, qtbot)
    assert window.windowTitle() == f"Tsunagu — {case.number}"
    return window


def test_idle_lock_with_injected_clock(busy, clock, qtbot):
    window = busy
    session = window.session
    assert window.watcher.timeout_s == 5 * 60  # the office default
    clock.advance(4 * 60)
    qtbot.keyClick(window.case_form.alias, Qt.Key.Key_End)  # input resets the idle time
    clock.advance(4 * 60)
    window.watcher.check()
    assert window.session_open
    clock.advance(60)
    window.watcher.check()
    assert_locked(window, session)
    events = [e for e, _s in audit_events(window.store_path)]
    assert events[-2:] == [audit.NAMES_HIDDEN, audit.LOCK]


def test_wall_clock_counts_time_asleep(busy, wall_clock):
    """A suspended laptop's monotonic clock may stand still; the wall clock does not."""
    session = busy.session
    wall_clock.advance(6 * 60)
    busy.watcher.check()
    assert_locked(busy, session)


def test_the_timer_runs_the_check(busy, clock, qtbot):
    session = busy.session
    clock.advance(301)
    qtbot.waitUntil(lambda: busy.session is None, timeout=3000)
    assert_locked(busy, session)


def test_f12_locks_at_once(busy, qtbot):
    session = busy.session
    started = time.perf_counter()
    qtbot.keyClick(busy.case_form.notes, Qt.Key.Key_F12)
    assert time.perf_counter() - started < 0.2
    assert_locked(busy, session)


def test_escape_twice_locks(busy, qtbot, clock):
    session = busy.session
    qtbot.keyClick(busy.case_form.alias, Qt.Key.Key_Escape)
    clock.advance(0.9)  # too slow: not a double press
    qtbot.keyClick(busy.case_form.alias, Qt.Key.Key_Escape)
    assert busy.session_open
    clock.advance(0.5)
    qtbot.keyClick(busy.case_form.alias, Qt.Key.Key_Escape)
    assert_locked(busy, session)


def test_one_escape_is_not_a_panic(busy, qtbot, clock):
    """One press reaches several receivers (field, form, window); it still counts once."""
    qtbot.keyClick(busy.case_form.alias, Qt.Key.Key_Escape)
    assert busy.session_open
    clock.advance(5)
    qtbot.keyClick(busy.case_list, Qt.Key.Key_Escape)
    assert busy.session_open


def test_panic_in_a_dialog_closes_it(busy, modals, qtbot):
    session = busy.session

    def panic(dialog):
        qtbot.keyClick(dialog.findChild(QLineEdit, "staffUser"), Qt.Key.Key_F12)

    modals.expect("staffDialog", lambda d: later(d.add_button.click)).expect("passwordDialog", panic)
    busy.staff_action.trigger()  # returns once the lock closed both dialogs
    assert modals.done()
    assert_locked(busy, session)


def test_escape_escape_in_a_dialog(busy, modals, qtbot):
    session = busy.session

    def escape_twice(dialog):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # closes the dialog, as Esc does
        qtbot.keyClick(busy, Qt.Key.Key_Escape)

    modals.expect("settingsDialog", escape_twice)
    busy.prefs_action.trigger()
    assert modals.done()
    assert_locked(busy, session)


def test_lock_while_unsaved_question_is_open_keeps_valid_changes(busy, modals, qtbot):
    session = busy.session
    form = busy.case_form
    number = form.case.number
    form.contact_how.setText("Only through the shelter phone")
    modals.expect("unsavedChanges", lambda box: busy.lock())
    form.back_button.click()
    assert modals.done()
    assert_locked(busy, session)
    log_in(busy)
    assert "changes were saved" in busy.statusBar().currentMessage()
    case = [c for c in repo.search_cases(busy.session) if c.number == number][0]
    assert repo.get_case(busy.session, case.id).person.contact_how == "Only through the shelter phone"


def test_unlock_writes_unlock_and_names_stay_hidden(busy, qtbot):
    busy.lock()
    log_in(busy, "admin", PASSWORD)
    assert busy.session_open
    assert busy.stack.currentWidget() is busy.case_list
    assert not busy.case_list.names_toggle.isChecked()
    assert busy.case_list.model.columnCount() == 7  # no name column
    assert MARKER + "-name" not in " ".join(all_texts())
    events = [e for e, _s in audit_events(busy.store_path)]
    assert events[-4:] == [audit.NAMES_HIDDEN, audit.LOCK, audit.LOGIN_OK, audit.UNLOCK]
    assert events.count(audit.UNLOCK) == 1


def test_clipboard_with_our_text_is_cleared_on_lock(busy, qtbot):
    field = busy.case_form.alias
    field.setFocus()
    field.selectAll()
    field.copy()
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text().startswith(MARKER)
    busy.lock()
    assert clipboard.text() == ""


def test_clipboard_of_others_is_kept(busy):
    clipboard = QGuiApplication.clipboard()
    busy.clipboard._ours = None
    clipboard.blockSignals(True)
    clipboard.setText("copied in another program")
    clipboard.blockSignals(False)
    busy.lock()
    assert clipboard.text() == "copied in another program"


def test_lock_time_comes_from_the_office_setting(make_window, store, clock):
    from app.store import office_settings
    from app.store.store import open_store

    session = open_store(store[0], "admin", PASSWORD)
    office_settings.set_lock_minutes(session, 2)
    session.close()
    window = make_window(store[0])
    log_in(window)
    assert window.watcher.timeout_s == 120
    clock.advance(121)
    window.watcher.check()
    assert not window.session_open


def test_minimising_locks(busy):
    session = busy.session
    busy.showMinimized()
    assert_locked(busy, session)


def test_lock_screen_after_counsellor(make_window, store):
    add_person(store[0], "aiko", "counsellor")
    window = make_window(store[0])
    log_in(window, "aiko")
    window.lock()
    assert window.login.user.text() == "aiko" and window.login.password.text() == ""


def test_the_system_locking_locks_the_store(logged_in):
    """R16: a screen lock, suspend or user switch reported by the system locks at once."""
    window = logged_in
    assert window.os_lock is not None  # started at login
    window.os_lock.screensaver_changed(False)  # the screensaver went away: nothing to do
    assert window.session_open
    window.os_lock.screensaver_changed(True)
    assert not window.session_open and window.stack.currentWidget() is window.login


@pytest.mark.parametrize("call", ["prepare_for_sleep", "session_lock"])
def test_suspend_and_a_session_lock_signal_lock(logged_in, call):
    slot = getattr(logged_in.os_lock, call)
    slot(True) if call == "prepare_for_sleep" else slot()
    assert not logged_in.session_open


def test_windows_session_and_power_messages_are_read_from_the_native_filter():
    """The filter is fed the MSG structures Windows would send (built here with ctypes)."""
    import ctypes

    from ui.os_lock import PBT_APMSUSPEND, WM_POWERBROADCAST, WM_WTSSESSION_CHANGE, WindowsMessages, _MSG

    seen = []
    native = WindowsMessages(seen.append)

    def send(message, wparam, kind=b"windows_generic_MSG"):
        msg = _MSG(None, message, wparam, 0)
        assert native.nativeEventFilter(kind, ctypes.addressof(msg)) == (False, 0)  # never swallowed

    send(WM_WTSSESSION_CHANGE, 0x7)  # WTS_SESSION_LOCK
    send(WM_WTSSESSION_CHANGE, 0x8)  # WTS_SESSION_UNLOCK: not a reason to lock
    send(WM_WTSSESSION_CHANGE, 0x4)  # WTS_REMOTE_DISCONNECT
    send(WM_POWERBROADCAST, PBT_APMSUSPEND)
    send(WM_POWERBROADCAST, 0x12)  # PBT_APMRESUMEAUTOMATIC
    send(0x0100, 0)  # WM_KEYDOWN
    send(WM_WTSSESSION_CHANGE, 0x7, kind=b"xcb_generic_event_t")  # not a Windows message at all
    assert seen == ["session lock", "remote disconnect", "suspend"]
