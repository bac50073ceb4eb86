"""Settings → Back up now…: an encrypted, checked backup into a folder the supervisor picks.

The folder (a USB stick, the office's backup drive) is asked for each time, starting at the last
one used; app.store.backup writes, checks and rotates, and the result or the reason it failed is
said in the staff language. Restoring is done from the command line to a new file (README).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from app import settings as app_settings
from app.errors import UserError
from app.i18n import _
from app.roles import Permission
from ui.widgets import busy_cursor


def choose_backup_folder(win) -> str:
    """The folder chosen (our private dialog: no history); "" if cancelled. Tests replace this."""
    from ui.file_dialogs import private_file_dialog

    last = app_settings.load().backup_folder
    start = Path(last) if last and Path(last).is_dir() else Path.home()
    return private_file_dialog(win, _("Choose the folder for backups"), save=False, start=start, filters=[],
                               folder_only=True)


def back_up_now(win) -> None:
    from app.store.backup import DEFAULT_KEEP, backup_store
    from ui.errors import show_user_error

    if not win.session_open or not win.session.account.may(Permission.BACK_UP):
        return
    folder = choose_backup_folder(win)
    if not folder or not win.session_open:
        return
    try:
        with busy_cursor():
            made = backup_store(win.session, Path(folder), keep=DEFAULT_KEEP)
    except UserError as exc:
        show_user_error(win, exc)
        return
    s = app_settings.load()
    s.backup_folder = str(Path(folder).resolve())
    app_settings.save(s)
    box = QMessageBox(QMessageBox.Icon.Information, "Tsunagu", _(
        "The backup was written and checked against the store: {file}. It is encrypted and opens with the "
        "passwords of today. The newest {keep} backups in that folder are kept.").format(
        file=made.path.name, keep=DEFAULT_KEEP), parent=win)
    box.setObjectName("backupDone")
    box.exec()
    box.deleteLater()
