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
