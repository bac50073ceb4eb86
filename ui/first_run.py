"""First run: create the store and its administrator, then show the recovery key once.

After the key is confirmed the person logs in with the password they just chose, which proves
it works before any case is entered.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QStackedWidget, QVBoxLayout, QWidget,
)

from app.errors import UserError
from app.i18n import N_, _
from ui.widgets import MessageLabel, busy_cursor, button_row, centred, hint_label, link_button, title_label

PASSWORD_RULE = N_("Use at least 12 characters, or at least 4 words.")  # the rule in app.store.kdf


def file_dialog(parent: QWidget, title: str, *, save: bool, start: Path) -> str:
    """Choose a store file (no history, no saved state: ui.file_dialogs)."""
    from ui.file_dialogs import private_file_dialog

    return private_file_dialog(parent, title, save=save, start=start, suffix="tsunagu",
                               filters=[_("Tsunagu store (*.tsunagu)"), _("All files (*)")])


class CreateStoreForm(QWidget):
    """Location, administrator user name, password twice with the rule shown."""

    created = Signal(object, str, str)  # store path, recovery key text, user name
    open_existing = Signal(str)
    language_requested = Signal(str)
    restore_requested = Signal()

    def __init__(self, win, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._win = win
        self.title = title_label()
        self.intro = hint_label()
        self.location = QLineEdit()
        self.location.setObjectName("storeLocation")
        self.browse = QPushButton()
        self.user = QLineEdit()
        self.user.setObjectName("adminUser")
        self.password = QLineEdit()
        self.password.setObjectName("adminPassword")
        self.repeat = QLineEdit()
        self.repeat.setObjectName("adminRepeat")
        for field in (self.password, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.rule = hint_label()
        self.message = MessageLabel("message")
        self.message.setObjectName("createMessage")
        self.create = QPushButton()
        self.create.setObjectName("createStore")
        self.create.setDefault(True)
        self.existing = link_button()
        self.restore = link_button()
        self.restore.setObjectName("restoreFromBackup")
        self.language = link_button()

        self.location.setMinimumWidth(360)  # the whole path should be readable
        where = QHBoxLayout()
        where.addWidget(self.location, 1)
        where.addWidget(self.browse)
        self.location_label = QLabel()
        self.form = QFormLayout()
        self.form.setSpacing(10)
        self.form.addRow(self.location_label, where)
        self.user_label, self.password_label, self.repeat_label = QLabel(), QLabel(), QLabel()
        self.form.addRow(self.user_label, self.user)
        self.form.addRow(self.password_label, self.password)
        self.form.addRow(self.repeat_label, self.repeat)
        self.form.addRow("", self.rule)
        links = QHBoxLayout()
        links.addWidget(self.existing)
        links.addWidget(self.restore)
        links.addStretch(1)
        links.addWidget(self.language)
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        row = button_row(self.create)
        layout.addLayout(row)
        layout.addLayout(links)
        layout.addStretch(1)

        self.browse.clicked.connect(self._browse)
        self.create.clicked.connect(self.attempt)
        self.repeat.returnPressed.connect(self.attempt)
        self.password.textChanged.connect(self._password_hint)
        self.existing.clicked.connect(self._open_existing)
        self.restore.clicked.connect(self.restore_requested)
        self.language.clicked.connect(self._toggle_language)
        self.retranslate()

    def retranslate(self) -> None:
        from app.i18n import current_language

        self.title.setText(_("Welcome to Tsunagu"))
        self.intro.setText(_(
            "First, create the store where cases are kept. It is encrypted: only staff with a "
            "password, or the recovery key kept in the office safe, can open it."
        ))
        self.location_label.setText(_("Store file"))
        self.browse.setText(_("Choose…"))
        self.user_label.setText(_("Administrator user name"))
        self.password_label.setText(_("Password"))
        self.repeat_label.setText(_("Password again"))
        self.create.setText(_("Create store"))
        self.existing.setText(_("Open an existing store…"))
        self.restore.setText(_("Restore from a backup…"))
        self.language.setText("English" if current_language() == "ja" else "日本語")
        self._password_hint()

    def _toggle_language(self) -> None:
        from app.i18n import current_language

        self.language_requested.emit("en" if current_language() == "ja" else "ja")

    def prepare(self, default_path: Path) -> None:
        if not self.location.text():
            self.location.setText(str(default_path))
        self.user.setFocus()

    def _password_hint(self) -> None:
        text = self.password.text()
        problem = None
        if text:  # imported on the first key press: argon2 is not needed to show the page
            from app.store.kdf import password_problem

            problem = password_problem(text)
        lines = [_(PASSWORD_RULE)]
        if problem and problem != PASSWORD_RULE:
            lines.append(_(problem))
        self.rule.setText("\n".join(lines))

    def _browse(self) -> None:
        start = Path(self.location.text() or ".").expanduser()
        chosen = file_dialog(self, _("Where to create the store"), save=True, start=start.parent)
        if chosen:
            self.location.setText(chosen)

    def _open_existing(self) -> None:
        start = Path(self.location.text() or ".").expanduser().parent
        chosen = file_dialog(self, _("Open a store"), save=False, start=start)
        if chosen:
            self.open_existing.emit(chosen)

    def attempt(self) -> None:
        from app.store.kdf import password_problem
        from app.store.store import create_store

        path = Path(self.location.text().strip()).expanduser()
        if not self.location.text().strip():
            self.message.show_text(_("Choose where to create the store."))
            return
        if self.password.text() != self.repeat.text():
            self.message.show_text(_("The two passwords are not the same."))
            return
        problem = password_problem(self.password.text())
        if problem:
            self.message.show_text(_(problem))
            return
        try:
            with busy_cursor():
                session, key = create_store(path, self.user.text(), self.password.text(), kdf=self._win.kdf)
            session.close()
        except UserError as exc:
            self.message.show_text(exc.message())
            return
        user = session.account.username
        self.password.setText("")
        self.repeat.setText("")
        self.message.clear()
        self.created.emit(path, key, user)


class FirstRunPage(QStackedWidget):
    """The create form, then the recovery key; ``finished(path, user)`` when both are done."""

    finished = Signal(object, str)

    def __init__(self, win, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunPage")
        self.form = CreateStoreForm(win)
        self.key_view = None  # made when there is a key to show (start-up budget)
        self._created: tuple[Path, str] | None = None
        self.addWidget(self._holder(self.form))
        self.form.created.connect(self._show_key)

    @staticmethod
    def _holder(page: QWidget) -> QWidget:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(48, 32, 48, 32)
        page.setMaximumWidth(720)
        box.addLayout(centred(page))
        return holder

    def retranslate(self) -> None:
        self.form.retranslate()
        if self.key_view is not None:
            self.key_view.retranslate()

    def prepare(self, default_path: Path) -> None:
        self.setCurrentIndex(0)
        self.form.prepare(default_path)

    def showing_key(self) -> bool:
        return self.currentIndex() == 1

    def _show_key(self, path: Path, key: str, user: str) -> None:
        if self.key_view is None:
            from ui.recovery import RecoveryKeyView

            self.key_view = RecoveryKeyView()
            self.key_view.setObjectName("firstRunKey")
            self.key_view.confirmed.connect(self._done)
            self.addWidget(self._holder(self.key_view))
        self._created = (path, user)
        self.key_view.show_key(key)
        self.setCurrentIndex(1)

    def _done(self) -> None:
        if self._created is None:
            return
        path, user = self._created
        self._created = None
        self.setCurrentIndex(0)
        self.finished.emit(path, user)
