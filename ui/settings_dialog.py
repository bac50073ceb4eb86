"""Preferences: the staff language (this computer); the lock time and the office profile printed on
referral packets (the office, supervisors only)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QGroupBox, QLineEdit, QPushButton, QSpinBox, QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import _, current_language
from app.roles import Permission
from ui.widgets import MessageLabel, button_row, hint_label, title_label

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
        supervisor = win.session.account.may(Permission.EDIT_OFFICE)
        self.minutes.setEnabled(supervisor)
        from app.referrals.office import NAME_MAX, get_office_profile

        profile = get_office_profile(win.session)
        self._initial_office = (profile.name, profile.phone) if profile else ("", "")
        self.office_name = QLineEdit(self._initial_office[0], objectName="officeName", maxLength=NAME_MAX)
        self.office_phone = QLineEdit(self._initial_office[1], objectName="officePhone", maxLength=32)
        self.office_phone.setPlaceholderText("03-1234-5678")
        for field in (self.office_name, self.office_phone):
            field.setReadOnly(not supervisor)
        self.message = MessageLabel("message")
        save = QPushButton(_("Save"), objectName="saveSettings")
        save.setDefault(True)
        cancel = QPushButton(_("Cancel"))

        form = QFormLayout()
        form.setSpacing(10)
        form.addRow(_("Staff language"), self.language)
        form.addRow(_("Lock after this many minutes without use"), self.minutes)
        office = QGroupBox(_("Office (printed on referral packets as the sender)"))
        office_form = QFormLayout(office)
        office_form.addRow(_("Office name"), self.office_name)
        office_form.addRow(_("Phone"), self.office_phone)
        if not supervisor:
            form.addRow("", hint_label(_("Only a supervisor or an administrator can change the lock time.")))
            office_form.addRow("", hint_label(_("Only a supervisor or an administrator can change these.")))
        buttons = button_row(cancel, save)
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addWidget(title_label(_("Settings")))
        layout.addLayout(form)
        layout.addWidget(office)
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
            self._initial_minutes = minutes
        office = (self.office_name.text(), self.office_phone.text())
        if not self.office_name.isReadOnly() and office != self._initial_office:
            from app.referrals.office import set_office_profile

            try:
                set_office_profile(self._win.session, *office)
            except UserError as exc:
                self.message.show_text(exc.message())
                return
        self.accept()
        lang = self.language.currentData()
        if lang != current_language():
            self._win.set_language(lang)
