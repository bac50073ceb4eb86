"""Settings → Back up now… on a real store: the folder asked for, an encrypted backup that opens
again, the folder remembered (not a case), a clear message when it fails, nothing for counsellors."""

from __future__ import annotations

from app import settings as app_settings
from app.store import backup
from tests.ui.conftest import PASSWORD, add_person, later, log_in
from ui import backup_action


def test_a_supervisor_backs_up_to_the_folder_chosen(logged_in, modals, qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "usb"
    monkeypatch.setattr(backup_action, "choose_backup_folder", lambda win: str(folder))
    said = []
    modals.expect("backupDone", lambda box: (said.append(box.text()), later(box.accept)))
    logged_in.backup_action.trigger()
    qtbot.waitUntil(modals.done)
    [made] = backup.backups_in(folder)
    assert made.name in said[0] and "checked" in said[0]
    assert app_settings.load().backup_folder == str(folder.resolve())
    target = tmp_path / "restored.tsunagu"
    backup.restore_backup(made, target, "admin", PASSWORD)  # and it opens again
    assert target.exists()


def test_a_failed_backup_says_why(logged_in, modals, qtbot, tmp_path, monkeypatch):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    monkeypatch.setattr(backup_action, "choose_backup_folder", lambda win: str(blocked / "backups"))
    said = []
    modals.expect("userError", lambda box: (said.append(box.text()), later(box.accept)))
    logged_in.backup_action.trigger()
    qtbot.waitUntil(modals.done)
    assert said and said[0]


def test_a_counsellor_cannot_back_up(window, store):
    add_person(store[0], "coun", "counsellor")
    log_in(window, "coun")
    assert not window.backup_action.isVisible()


def _backup_of(store_path, tmp_path):
    from app.store.store import open_store

    session = open_store(store_path, "admin", PASSWORD)
    try:
        return backup.backup_store(session, tmp_path / "backups").path
    finally:
        session.close()


def test_restore_from_the_login_screen_opens_the_restored_copy(window, store, modals, qtbot, tmp_path):
    made = _backup_of(store[0], tmp_path)
    target = tmp_path / "restored.tsunagu"
    seen = {}

    def fill(dialog):
        dialog.backup.setText(str(made))
        dialog.target.setText(str(target))
        dialog.user.setText("admin")
        dialog.password.setText("wrong password entirely")
        dialog.restore_button.click()
        seen["wrong"] = dialog.message.text()
        assert dialog.password.text() == ""  # never kept
        dialog.target.setText(str(store[0]))
        dialog.password.setText(PASSWORD)
        dialog.restore_button.click()
        seen["exists"] = dialog.message.text()
        dialog.target.setText(str(target))
        dialog.password.setText(PASSWORD)
        later(dialog.restore_button.click)

    modals.expect("restoreDialog", fill)
    window.login.restore.click()
    qtbot.waitUntil(modals.done)
    assert "not correct" in seen["wrong"] or "password" in seen["wrong"]
    assert "already exists" in seen["exists"]
    assert window.store_path == target and target.exists()
    assert "Restored to restored.tsunagu" in window.login.info.text()
    log_in(window)
    assert window.session_open and window.session.path == target


def test_restore_is_offered_on_the_first_run_page(make_window, tmp_path, modals, qtbot):
    window = make_window(None)
    assert window.stack.currentWidget() is window.first_run
    modals.expect("restoreDialog", lambda dialog: later(dialog.reject))
    window.first_run.form.restore.click()
    qtbot.waitUntil(modals.done)
