"""Staff management (supervisors and administrators): list, add, reset a password, remove.

Each change goes through app.store.accounts, which checks the role again and audits it. After a
recovery-key unlock this dialog is where the lost password is replaced.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QFormLayout, QHBoxLayout, QHeaderView, QLineEdit, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.errors import UserError
from app.i18n import _
from app.roles import assignable_roles
from ui.first_run import PASSWORD_RULE
from ui.widgets import MessageLabel, busy_cursor, button_row, confirm, hint_label, title_label



class PasswordDialog(QDialog):
    """Add a person (``username`` empty) or set a new password for ``username``."""

    def __init__(self, win, parent: QWidget, username: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("passwordDialog")
        self.setWindowTitle("Tsunagu")
        self.setMinimumWidth(480)
        self._win = win
        self.username = username
        self.user = QLineEdit(objectName="staffUser")
        self.display = QLineEdit(objectName="staffDisplayName")
        self.role = QComboBox(objectName="staffRole")
        for role in assignable_roles(win.session.account.role):
            self.role.addItem(_(role.label), role.value)
        self.password = QLineEdit(objectName="staffPassword", echoMode=QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(objectName="staffRepeat", echoMode=QLineEdit.EchoMode.Password)
        self.message = MessageLabel("message")
        ok = QPushButton(_("Add person") if not username else _("Set password"), objectName="staffOk")
        ok.setDefault(True)
        cancel = QPushButton(_("Cancel"))
        form = QFormLayout()
        form.setSpacing(10)
        if username:
            form.addRow(_("User name"), hint_label(username))
        else:
            form.addRow(_("User name"), self.user)
            form.addRow(_("Name shown to colleagues"), self.display)
            form.addRow(_("Role"), self.role)
        form.addRow(_("Password"), self.password)
        form.addRow(_("Password again"), self.repeat)
        form.addRow("", hint_label(_(PASSWORD_RULE)))
        buttons = button_row(cancel, ok)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        title = _("New password for {name}").format(name=username) if username else _("Add a person")
        layout.addWidget(title_label(title))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        ok.clicked.connect(self.attempt)
        cancel.clicked.connect(self.reject)

    def attempt(self) -> None:
        from app.store import accounts

        if not self._win.session_open:
            self.reject()
            return
        if self.password.text() != self.repeat.text():
            self.message.show_text(_("The two passwords are not the same."))
            return
        session, kdf = self._win.session, self._win.kdf
        try:
            with busy_cursor():
                if self.username:
                    accounts.reset_password(session, self.username, self.password.text(), kdf=kdf)
                else:
                    accounts.add_staff(session, self.user.text(), self.role.currentData(), self.password.text(),
                                       self.display.text(), kdf=kdf)
        except UserError as exc:
            self.message.show_text(exc.message())
            return
        self.accept()

    def done(self, result: int) -> None:  # noqa: D102 - passwords never outlive the dialog
        self.password.setText("")
        self.repeat.setText("")
        super().done(result)


class StaffDialog(QDialog):
    def __init__(self, win, parent: QWidget | None = None, *, recovery: bool = False) -> None:
        super().__init__(parent or win)
        self.setObjectName("staffDialog")
        self.setWindowTitle("Tsunagu")
        self.setMinimumSize(620, 420)
        self._win = win
        self.table = QTableWidget(0, 3, objectName="staffTable")
        self.table.setHorizontalHeaderLabels([_("User name"), _("Name"), _("Role")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.message = MessageLabel("message")
        self.info = MessageLabel("info")
        self.add_button = QPushButton(_("Add a person…"), objectName="addStaff")
        self.reset_button = QPushButton(_("Reset password…"), objectName="resetPassword")
        self.remove_button = QPushButton(_("Remove person…"), objectName="removeStaff")
        close = QPushButton(_("Close"), objectName="closeStaff")
        buttons = QHBoxLayout()
        for b in (self.add_button, self.reset_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(title_label(_("Staff")))
        if recovery:
            self.info.show_text(_(
                "You unlocked Tsunagu with the recovery key. Choose the person who lost their "
                "password and set a new one with “Reset password…”."
            ))
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.reset_button.clicked.connect(self.reset)
        self.remove_button.clicked.connect(self.remove)
        close.clicked.connect(self.accept)
        self.refresh()

    def refresh(self) -> None:
        from app.store import accounts

        if not self._win.session_open:
            return
        staff = accounts.list_staff(self._win.session)
        self.table.setRowCount(len(staff))
        for row, person in enumerate(staff):
            role = _(person.role.label)
            for col, text in enumerate((person.username, person.display_name, role)):
                self.table.setItem(row, col, QTableWidgetItem(text))

    def selected_user(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.message.show_text(_("Choose a person in the list first."))
            return None
        return self.table.item(rows[0].row(), 0).text()

    def select_user(self, username: str) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).text() == username:
                self.table.selectRow(row)

    def _run(self, dialog: QDialog, done_text: str) -> None:
        self.message.clear()
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted and self._win.session_open:
            self.info.show_text(done_text)
            self.refresh()

    def add(self) -> None:
        self._run(PasswordDialog(self._win, self), _("The person was added."))

    def reset(self) -> None:
        user = self.selected_user()
        if user:
            self._run(PasswordDialog(self._win, self, user), _("New password set for {name}.").format(name=user))

    def remove(self) -> None:
        from app.store import accounts

        user = self.selected_user()
        if not user:
            return
        question = _("Remove {name}? Their password will no longer open the store.").format(name=user)
        if not confirm(self, question, _("Remove"), _("Cancel"), name="confirmRemove"):
            return
        if not self._win.session_open:
            return
        try:
            accounts.remove_staff(self._win.session, user)
        except UserError as exc:
            self.message.show_text(exc.message())
            return
        self.info.show_text(_("{name} was removed.").format(name=user))
        self.refresh()
