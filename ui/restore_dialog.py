"""Restore a backup to a new store file, from the login screen (R13's restore drill).

Choose the backup, choose where the restored store goes (a new file: nothing is overwritten),
and give the user name and password of someone who could log in when the backup was made.
app.store.backup checks every page of the backup with its own key slots before copying it.
On success ``restored`` holds the new file, which the login screen then opens.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog, QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from app.errors import UserError
from app.i18n import _
from ui.widgets import MessageLabel, busy_cursor, button_row, hint_label, title_label


class RestoreDialog(QDialog):
    def __init__(self, parent: QWidget, start: Path) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle("Tsunagu")
        self.setMinimumWidth(640)
        self._start = start
        self.restored: Path | None = None
        self.backup = QLineEdit(objectName="restoreBackup")
        self.target = QLineEdit(objectName="restoreTarget")
        self.user = QLineEdit(objectName="restoreUser")
        self.password = QLineEdit(objectName="restorePassword", echoMode=QLineEdit.EchoMode.Password)
        self.message = MessageLabel("message")
        choose_backup = QPushButton(_("Choose…"), objectName="chooseBackup")
        choose_target = QPushButton(_("Choose…"), objectName="chooseTarget")
        self.restore_button = QPushButton(_("Restore"), objectName="restoreButton")
        self.restore_button.setDefault(True)
        cancel = QPushButton(_("Cancel"))
        form = QFormLayout()
        form.setSpacing(10)
        form.addRow(_("Backup"), _with(self.backup, choose_backup))
        form.addRow(_("Restore to (a new file)"), _with(self.target, choose_target))
        form.addRow(_("User name"), self.user)
        form.addRow(_("Password"), self.password)
        buttons = button_row(cancel, self.restore_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(title_label(_("Restore from a backup")))
        layout.addWidget(hint_label(_(
            "The backup is checked page by page and copied to a new file; nothing existing is changed. "
            "Log in with the user name and password of someone who could log in when the backup was made.")))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        choose_backup.clicked.connect(self._choose_backup)
        choose_target.clicked.connect(self._choose_target)
        self.restore_button.clicked.connect(self.restore)
        cancel.clicked.connect(self.reject)

    def _choose_backup(self) -> None:
        from ui.file_dialogs import private_file_dialog

        chosen = private_file_dialog(self, _("Choose a backup"), save=False, start=self._start,
                                     filters=[_("Tsunagu backups (*.tsunagu)")])
        if chosen:
            self.backup.setText(chosen)
            if not self.target.text():
                self.target.setText(str(Path(chosen).parent / f"restored-{Path(chosen).name}"))

    def _choose_target(self) -> None:
        from ui.file_dialogs import private_file_dialog

        chosen = private_file_dialog(self, _("Restore to"), save=True, start=self._start, suffix="tsunagu",
                                     filters=[_("Tsunagu store (*.tsunagu)")], select="restored.tsunagu")
        if chosen:
            self.target.setText(chosen)

    def restore(self) -> None:
        from app.store.backup import restore_backup

        self.message.clear()
        if not self.backup.text().strip() or not self.target.text().strip():
            self.message.show_text(_("Choose the backup and the new file first."))
            return
        try:
            with busy_cursor():
                self.restored = restore_backup(Path(self.backup.text().strip()), Path(self.target.text().strip()),
                                               self.user.text(), self.password.text())
        except UserError as exc:
            self.message.show_text(exc.message())
            return
        finally:
            self.password.clear()
        self.accept()


def _with(field: QLineEdit, button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(field, 1)
    row.addWidget(button)
    return row
