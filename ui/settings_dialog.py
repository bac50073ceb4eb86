"""Preferences: the staff language (this computer) and the lock time (the office, supervisors only)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QHBoxLayout, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from app.errors import UserError
from app.i18n import _, current_language
from ui.widgets import MessageLabel, hint_label, title_label

LANGUAGES = (("ja", "日本語"), ("en", "English"))  # each named in itself


class SettingsDialog(QDialog):
    def __init__(self, win, parent: QWidget | None = None) -> None:
        super().__init__(parent or win)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("Tsunagu")
        self.setMinimumWidth(460)
        self._win = win
        from app.store import office_settings

        self._office = office_settings
        self.language = QComboBox(objectName="staffLanguage")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self.minutes = QSpinBox(objectName="lockMinutes")
        self.minutes.setRange(office_settings.MIN_LOCK_MINUTES, office_settings.MAX_LOCK_MINUTES)
        self.minutes.setSuffix(" " + _("min"))
        self._initial_minutes = office_settings.lock_minutes(win.session)
        self.minutes.setValue(self._initial_minutes)
        supervisor = win.session.account.is_supervisor
        self.minutes.setEnabled(supervisor)
        self.message = MessageLabel("message")
        save = QPushButton(_("Save"), objectName="saveSettings")
        save.setDefault(True)
        cancel = QPushButton(_("Cancel"))

        form = QFormLayout()
        form.setSpacing(10)
        form.addRow(_("Staff language"), self.language)
        form.addRow(_("Lock after this many minutes without use"), self.minutes)
        if not supervisor:
            form.addRow("", hint_label(_("Only a supervisor or an administrator can change the lock time.")))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(save)
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addWidget(title_label(_("Settings")))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        save.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)

    def save(self) -> None:
        if not self._win.session_open:
            self.reject()
            return
        minutes = self.minutes.value()
        if self.minutes.isEnabled() and minutes != self._initial_minutes:
            try:
                self._office.set_lock_minutes(self._win.session, minutes)
            except UserError as exc:
                self.message.show_text(exc.message())
                return
            self._win.watcher.timeout_s = minutes * 60
        self.accept()
        lang = self.language.currentData()
        if lang != current_language():
            self._win.set_language(lang)
