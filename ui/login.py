"""The login page, which is also the neutral lock screen: "Tsunagu", a user name, a password.

Wrong passwords slow down (LoginThrottle, R17): the wait is shown as a countdown with the button
disabled, and after ten failures for one user name only the recovery key or another account
can unlock. The store modules are imported on the first attempt, not at start-up.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.errors import AuthError, UserError
from app.i18n import _
from ui.widgets import MessageLabel, busy_cursor, button_row, centred, hint_label, link_button, title_label

COUNTDOWN_MS = 250


class LoginPage(QWidget):
    """Emits ``unlocked(session)`` after a successful login; the window takes it from there."""

    unlocked = Signal(object)
    recovery_requested = Signal()
    other_store_requested = Signal()
    restore_requested = Signal()
    language_requested = Signal(str)

    def __init__(self, win, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginPage")
        self._win = win
        self.store_path: Path | None = None
        self.locked_mode = False

        self.app_name = title_label("Tsunagu", "appName")
        self.store_label = hint_label()
        self.user = QLineEdit()
        self.user.setObjectName("loginUser")
        self.password = QLineEdit()
        self.password.setObjectName("loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = MessageLabel("message")
        self.message.setObjectName("loginMessage")
        self.info = MessageLabel("info")
        self.wait = MessageLabel("info")
        self.wait.setObjectName("wait")
        self.button = QPushButton()
        self.button.setObjectName("loginButton")
        self.button.setDefault(True)
        self.recovery = link_button()
        self.recovery.setObjectName("useRecoveryKey")
        self.other_store = link_button()
        self.restore = link_button()
        self.restore.setObjectName("restoreFromBackup")
        self.language = link_button()

        self.user_label = QLabel()
        self.password_label = QLabel()
        self.form = QFormLayout()
        self.form.setSpacing(10)
        self.form.addRow(self.user_label, self.user)
        self.form.addRow(self.password_label, self.password)
        links = QHBoxLayout()
        links.addWidget(self.recovery)
        links.addStretch(1)
        links.addWidget(self.other_store)
        links.addWidget(self.language)

        column = QVBoxLayout()
        column.setSpacing(14)
        column.addLayout(centred(self.app_name))
        column.addLayout(centred(self.store_label))
        column.addSpacing(12)
        column.addLayout(self.form)
        column.addWidget(self.info)
        column.addWidget(self.message)
        column.addWidget(self.wait)
        column.addWidget(self.button)
        column.addLayout(links)
        restore_row = button_row(self.restore)
        column.addLayout(restore_row)
        box = QWidget()
        box.setLayout(column)
        box.setMinimumWidth(420)
        box.setMaximumWidth(520)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(centred(box))
        outer.addStretch(2)

        self.countdown = QTimer(self)
        self.countdown.setInterval(COUNTDOWN_MS)
        self.countdown.timeout.connect(self.update_wait)
        self.button.clicked.connect(self.attempt)
        self.password.returnPressed.connect(self.attempt)
        self.user.returnPressed.connect(self.password.setFocus)
        self.user.textChanged.connect(self.update_wait)
        self.recovery.clicked.connect(self.recovery_requested)
        self.other_store.clicked.connect(self.other_store_requested)
        self.restore.clicked.connect(self.restore_requested)
        self.language.clicked.connect(lambda: self.language_requested.emit(self._other_language()))
        self.retranslate()

    # -- texts -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.user_label.setText(_("User name"))
        self.password_label.setText(_("Password"))
        self.button.setText(_("Unlock") if self.locked_mode else _("Log in"))
        self.recovery.setText(_("Use recovery key"))
        self.other_store.setText(_("Open another store…"))
        self.restore.setText(_("Restore from a backup…"))
        self.language.setText("English" if self._current_language() == "ja" else "日本語")
        self._update_store_label()
        self.update_wait()

    def _current_language(self) -> str:
        from app.i18n import current_language

        return current_language()

    def _other_language(self) -> str:
        return "en" if self._current_language() == "ja" else "ja"

    def _update_store_label(self) -> None:
        show = self.store_path is not None and not self.locked_mode
        self.store_label.setText(_("Store: {file}").format(file=self.store_path.name) if show else "")
        self.store_label.setVisible(show)
        self.other_store.setVisible(not self.locked_mode)
        self.restore.setVisible(not self.locked_mode)

    # -- modes -------------------------------------------------------------------------------
    def prepare(self, store_path: Path, username: str = "", *, locked: bool = False, info: str = "") -> None:
        """Show the page for ``store_path``: a login, or the lock screen's unlock form."""
        self.store_path = Path(store_path)
        self.locked_mode = locked
        self.user.setText(username)
        self.password.setText("")
        self.message.clear()
        self.info.show_text(info)
        self.retranslate()
        (self.password if username else self.user).setFocus()

    # -- unlocking ---------------------------------------------------------------------------
    def attempt(self) -> None:
        user = self.user.text().strip()
        password = self.password.text()
        if not user or not password:
            self.message.show_text(_("Enter your user name and password."))
            return
        throttle = self._win.throttle
        if throttle.locked_out(user) or throttle.wait_seconds(user) > 0:
            self.update_wait()
            return
        from app.store.store import open_store

        self.info.clear()
        try:
            with busy_cursor():
                session = open_store(self.store_path, user, password)
        except AuthError as exc:
            throttle.record_failure(user)
            self.password.setText("")
            self.message.show_text(exc.message())
            self.update_wait()
            return
        except UserError as exc:
            self.message.show_text(exc.message())
            return
        self.password.setText("")
        self.message.clear()
        self.unlocked.emit(session)

    def update_wait(self) -> None:
        """Enable the button, or show why not: a countdown, or the lock-out after 10 failures."""
        throttle = self._win.existing_throttle()
        user = self.user.text().strip()
        if throttle is None or not user:
            wait, locked_out = 0.0, False
        else:
            wait, locked_out = throttle.wait_seconds(user), throttle.locked_out(user)
        if locked_out:
            self.wait.show_text(_(
                "Too many wrong passwords for this user name. Only the recovery key or "
                "another person's account can unlock Tsunagu now."
            ))
        elif wait > 0:
            self.wait.show_text(_("Try again in {seconds} s").format(seconds=math.ceil(wait)))
        else:
            self.wait.clear()
        self.button.setEnabled(not locked_out and wait <= 0)
        if wait > 0 and not locked_out:
            if not self.countdown.isActive():
                self.countdown.start()
        else:
            self.countdown.stop()

    def clear(self) -> None:
        self.password.setText("")
        self.message.clear()
        self.info.clear()
