"""Settings: staff language, lock time, staff management by role, replacing the recovery key."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication

from app import settings
from app.errors import AuthError
from app.i18n import _, current_language
from app.store import accounts, audit, office_settings
from app.store.store import open_store, open_with_recovery
from tests.ui.conftest import NEW_PASSWORD, PASSWORD, add_person, audit_events, later, log_in


def test_counsellor_sees_no_staff_management(make_window, store, modals):
    add_person(store[0], "aiko", "counsellor")
    window = make_window(store[0])
    log_in(window, "aiko")
    assert window.session_open
    assert not window.staff_action.isVisible()
    assert not window.recovery_action.isVisible()
    assert window.prefs_action.isVisible()
    window.open_staff()  # even when called directly: no dialog
    window.replace_recovery_key()
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]

    def look(dialog):
        assert not dialog.minutes.isEnabled()  # the lock time is the supervisor's decision
        later(dialog.reject)

    modals.expect("settingsDialog", look)
    window.prefs_action.trigger()
    assert modals.done()


def test_supervisor_manages_staff_but_not_the_recovery_key(make_window, store):
    add_person(store[0], "sato", "supervisor")
    window = make_window(store[0])
    log_in(window, "sato")
    assert window.staff_action.isVisible()
    assert not window.recovery_action.isVisible()


def test_admin_adds_resets_and_removes_staff(logged_in, modals):
    window = logged_in
    path = window.store_path

    def add(staff):
        def fill(dialog):
            roles = [dialog.role.itemData(i) for i in range(dialog.role.count())]
            assert roles == ["counsellor", "supervisor", "admin"]
            dialog.user.setText("yui")
            dialog.display.setText("Yui T.")
            dialog.role.setCurrentIndex(dialog.role.findData("counsellor"))
            dialog.password.setText("short")
            dialog.repeat.setText("short")
            dialog.attempt()
            assert "12 characters" in dialog.message.text()  # stays open, keeps the user name
            assert dialog.user.text() == "yui"
            dialog.password.setText(PASSWORD)
            dialog.repeat.setText(PASSWORD)
            later(dialog.attempt)

        modals.expect("passwordDialog", fill)
        later(staff.add_button.click)

    def reset(staff):
        assert staff.info.text() == "The person was added."
        names = [staff.table.item(r, 0).text() for r in range(staff.table.rowCount())]
        assert names == ["admin", "yui"]
        staff.select_user("yui")

        def fill(dialog):
            dialog.password.setText(NEW_PASSWORD)
            dialog.repeat.setText(NEW_PASSWORD)
            later(dialog.attempt)

        modals.expect("passwordDialog", fill)
        later(staff.reset_button.click)

    def remove_self(staff):
        assert staff.info.text() == "New password set for yui."
        staff.select_user("admin")
        modals.expect("confirmRemove", lambda box: later(box.buttons()[0].click))
        later(staff.remove_button.click)

    def remove(staff):
        assert staff.message.text() == "You cannot remove your own account."  # plain, nothing lost
        staff.select_user("yui")
        modals.expect("confirmRemove", lambda box: later(box.buttons()[0].click))
        later(staff.remove_button.click)

    def close(staff):
        assert staff.info.text() == "yui was removed."
        assert staff.table.rowCount() == 1
        later(staff.accept)

    modals.expect("staffDialog", add).expect("staffDialog", reset).expect("staffDialog", remove_self)
    modals.expect("staffDialog", remove)
    modals.expect("staffDialog", close)
    window.staff_action.trigger()
    assert modals.done(), modals.seen
    with pytest.raises(AuthError):
        open_store(path, "yui", NEW_PASSWORD)
    events = [e for e, _s in audit_events(path)]
    for event in (audit.STAFF_ADDED, audit.STAFF_PASSWORD_RESET, audit.STAFF_REMOVED):
        assert event in events


def test_supervisor_sets_the_lock_time(logged_in, modals):
    window = logged_in

    def change(dialog):
        assert dialog.minutes.isEnabled() and dialog.minutes.value() == 5
        assert dialog.minutes.maximum() == 15
        dialog.minutes.setValue(2)
        later(dialog.save)

    modals.expect("settingsDialog", change)
    window.prefs_action.trigger()
    assert modals.done()
    assert window.watcher.timeout_s == 120
    assert office_settings.lock_minutes(window.session) == 2


def test_language_switch_to_japanese(logged_in, modals):
    window = logged_in
    assert window.case_list.new_button.text() == "New case"

    def choose(dialog):
        dialog.language.setCurrentIndex(dialog.language.findData("ja"))
        later(dialog.save)

    modals.expect("settingsDialog", choose)
    window.prefs_action.trigger()
    assert modals.done()
    assert current_language() == "ja"
    assert settings.load().staff_language == "ja"
    new_case = window.case_list.new_button.text()
    assert new_case == _("New case") and new_case != "New case"
    assert window.case_menu.title() != "&Case"
    assert window.case_list.status.itemText(0) != "All statuses"
    header = window.case_list.model.headerData(0, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)
    assert header != "Case number"
    assert QFontInfo(QApplication.font()).family() == "IPAexGothic"
    assert QApplication.font().pointSize() >= 11

    window.new_case()
    form = window.case_form
    assert form.residence.itemText(0) == "不明"
    assert form.nationality.itemText(form.nationality.findData("TH")) == "タイ"
    assert form.languages.list.item(2).text() == "タイ語"
    assert form.reminder.text() != form.reminder.text().encode("ascii", "ignore").decode()  # Japanese

    # The lock screen too, and the choice is kept for the next start.
    form.back_button.click()
    window.lock()
    assert window.login.button.text() == _("Unlock") != "Unlock"


def test_language_link_on_the_login_page(window):
    window.login.language.click()
    assert current_language() == "ja"
    assert window.login.button.text() != "Log in"
    assert window.login.language.text() == "English"
    window.login.language.click()
    assert window.login.button.text() == "Log in"


def test_replace_recovery_key(logged_in, modals, store):
    window = logged_in
    path, old_key = store
    shown = []

    def write_down(dialog):
        shown.append(dialog.view.key_label.text())
        assert not dialog.view.continue_button.isEnabled()
        dialog.view.written.setChecked(True)
        later(dialog.view.continue_button.click)

    modals.expect("confirmReplaceKey", lambda box: later(box.buttons()[0].click))
    modals.expect("recoveryKeyDialog", write_down)
    window.recovery_action.trigger()
    assert modals.done()
    with pytest.raises(AuthError):
        open_with_recovery(path, old_key)
    open_with_recovery(path, shown[0]).close(event=None)
    assert audit.RECOVERY_KEY_REPLACED in [e for e, _s in audit_events(path)]


def test_a_lock_while_the_new_key_is_shown_warns_afterwards(logged_in, modals, store):
    window = logged_in
    modals.expect("confirmReplaceKey", lambda box: later(box.buttons()[0].click))
    modals.expect("recoveryKeyDialog", lambda dialog: window.lock())
    window.recovery_action.trigger()
    assert modals.done()
    assert not window.session_open
    log_in(window)
    assert "Replace the recovery key again" in window.statusBar().currentMessage()


def test_accounts_are_checked_again_by_the_core(logged_in, store):
    """The menu hides what a role may not do; the core refuses it anyway."""
    add_person(store[0], "aiko", "counsellor")
    window = logged_in
    window.lock()
    log_in(window, "aiko")
    from app.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        accounts.add_staff(window.session, "x" * 5, "counsellor", PASSWORD)
