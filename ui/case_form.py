"""One form for a new case and an existing one.

Saving calls repo.create_case or repo.update_case; a validation error (UserError) is shown in the
message area and nothing typed is lost. The notes reminder is always visible above the notes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QScrollArea, QSpinBox, QVBoxLayout, QWidget,
)

from app.cases import repo, residence
from app.cases.model import (
    ALIAS_MAX, CONTACT_LABELS, GENDER_LABELS, NAME_MAX, NOTES_REMINDER, SEX_LABELS, SHORT_MAX,
    STATUS_LABELS, Case, Person,
)
from app.errors import UserError
from app.i18n import N_, _, current_language
from ui.pickers import LanguagePicker, NationalityCombo
from ui.widgets import MessageLabel, title_label

DATE_HINT = "YYYY-MM-DD"
LABEL_WIDTH = 190
BODY_MAX_WIDTH = 980


def _fill_combo(combo: QComboBox, items) -> None:
    """(code, label msgid) pairs, translated now, keeping the chosen code."""
    keep = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for code, label in items:
        combo.addItem(_(label), code)
    combo.setCurrentIndex(max(0, combo.findData(keep)))
    combo.blockSignals(False)


def _set_combo(combo: QComboBox, code: str) -> None:
    combo.setCurrentIndex(max(0, combo.findData(code)))


class CaseFormPage(QWidget):
    saved = Signal(object)  # the Case as stored
    close_requested = Signal()
    interview_requested = Signal(str)  # "start", "continue" or "result"
    referrals_requested = Signal()

    def __init__(self, win, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseFormPage")
        self._win = win
        self.case: Case | None = None
        self._loaded: tuple = ()
        self.labels: dict[str, tuple[QLabel, str]] = {}
        self._build()
        self.retranslate()
        self.clear()

    # -- building ----------------------------------------------------------------------------
    def _row(self, form: QFormLayout, msgid: str, field) -> None:
        label = QLabel()
        label.setWordWrap(True)
        label.setMinimumWidth(LABEL_WIDTH)  # the same label column in every group
        self.labels[msgid] = (label, msgid)
        form.addRow(label, field)

    def _group(self, layout: QVBoxLayout, key: str) -> QFormLayout:
        box = QGroupBox()
        self.labels["group:" + key] = (box, key)
        form = QFormLayout(box)
        form.setSpacing(10)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addWidget(box)
        return form

    def _build(self) -> None:
        self.title = title_label()
        self.number = QLabel()
        self.number.setObjectName("caseNumber")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QComboBox(objectName="caseStatus")
        self.alias = QLineEdit(objectName="alias", maxLength=ALIAS_MAX)
        self.real_name = QLineEdit(objectName="realName", maxLength=NAME_MAX)
        self.birth_date = QLineEdit(objectName="birthDate", placeholderText=DATE_HINT, maxLength=10)
        self.age = QSpinBox(objectName="estimatedAge", minimum=-1, maximum=120)
        self.sex = QComboBox(objectName="sex")
        self.gender = QComboBox(objectName="gender")
        self.nationality = NationalityCombo()
        self.languages = LanguagePicker()
        self.residence = QComboBox(objectName="residenceStatus")
        self.residence.setMaxVisibleItems(20)
        self.stay_expiry = QLineEdit(objectName="stayExpiry", placeholderText=DATE_HINT, maxLength=10)
        self.contact_safe = QComboBox(objectName="contactSafe")
        self.contact_how = QLineEdit(objectName="contactHow", maxLength=SHORT_MAX)
        self.reminder = QLabel(objectName="notesReminder", wordWrap=True)
        self.reminder.setProperty("kind", "reminder")
        self.notes = QPlainTextEdit(objectName="notes")
        self.notes.setMinimumHeight(160)
        self.message = MessageLabel("message")
        self.message.setObjectName("formMessage")
        self.info = MessageLabel("info")
        self.info.setObjectName("formInfo")
        self.save_button = QPushButton(objectName="saveCase")
        self.back_button = QPushButton(objectName="backToList")
        self.interview_button = QPushButton(objectName="startInterview")
        self.continue_button = QPushButton(objectName="continueInterview")
        self.result_button = QPushButton(objectName="lastResult")
        self.referrals_button = QPushButton(objectName="openReferrals")

        body = QWidget()
        body.setMaximumWidth(BODY_MAX_WIDTH)
        column = QVBoxLayout(body)
        column.setSpacing(16)
        column.setContentsMargins(24, 16, 24, 16)
        form = self._group(column, N_("Case"))
        self._row(form, N_("Case number"), self.number)
        self._row(form, N_("Status"), self.status)
        form = self._group(column, N_("Person"))
        self._row(form, N_("Alias (required)"), self.alias)
        self._row(form, N_("Real name (optional)"), self.real_name)
        age_row = QHBoxLayout()
        self.age_or = QLabel()
        age_row.addWidget(self.birth_date)
        age_row.addWidget(self.age_or)
        age_row.addWidget(self.age)
        age_row.addStretch(1)
        self._row(form, N_("Date of birth"), age_row)
        self._row(form, N_("Sex"), self.sex)
        self._row(form, N_("Gender"), self.gender)
        self._row(form, N_("Nationality"), self.nationality)
        self._row(form, N_("Languages spoken"), self.languages)
        form = self._group(column, N_("Residence"))
        self._row(form, N_("Status of residence"), self.residence)
        self._row(form, N_("Period of stay expires"), self.stay_expiry)
        form = self._group(column, N_("Contact"))
        self._row(form, N_("Can she be contacted safely?"), self.contact_safe)
        self._row(form, N_("How to contact her safely"), self.contact_how)
        form = self._group(column, N_("Notes"))
        form.addRow(self.reminder)
        form.addRow(self.notes)
        column.addStretch(1)
        centred = QWidget()
        centring = QHBoxLayout(centred)
        centring.setContentsMargins(0, 0, 0, 0)
        centring.addStretch(0)
        centring.addWidget(body, 1)
        centring.addStretch(0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(centred)
        self.scroll = scroll

        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        for button, action in ((self.interview_button, "start"), (self.continue_button, "continue"),
                               (self.result_button, "result")):
            buttons.addWidget(button)
            button.clicked.connect(lambda _=False, a=action: self._interview(a))
        buttons.addWidget(self.referrals_button)
        self.referrals_button.clicked.connect(self._referrals)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 12)
        header = QHBoxLayout()
        header.setContentsMargins(24, 0, 24, 0)
        header.addWidget(self.title)
        header.addStretch(1)
        layout.addLayout(header)
        layout.addWidget(scroll, 1)
        bottom = QVBoxLayout()
        bottom.setContentsMargins(24, 0, 24, 0)
        bottom.addWidget(self.message)
        bottom.addWidget(self.info)
        bottom.addLayout(buttons)
        layout.addLayout(bottom)

        self.birth_date.textChanged.connect(self._birth_changed)
        self.save_button.clicked.connect(self.save)
        self.back_button.clicked.connect(self.close_requested)

    def retranslate(self) -> None:
        for widget, msgid in self.labels.values():
            (widget.setTitle if isinstance(widget, QGroupBox) else widget.setText)(_(msgid))
        self.age_or.setText(_("or estimated age"))
        self.age.setSpecialValueText(_("Not known"))
        self.birth_date.setToolTip(_("Year-month-day, for example 2001-04-01"))
        self.stay_expiry.setToolTip(_("Year-month-day, for example 2026-04-01"))
        self.reminder.setText(_(NOTES_REMINDER))
        self.save_button.setText(_("Save"))
        self.back_button.setText(_("Back to the case list"))
        self.interview_button.setText(_("Start interview"))
        self.continue_button.setText(_("Continue interview"))
        self.result_button.setText(_("Screening result"))
        self.referrals_button.setText(_("Referrals…"))
        self.languages.filter.setPlaceholderText(_("Find a language"))
        dirty = self.is_dirty()
        _fill_combo(self.status, STATUS_LABELS.items())
        _fill_combo(self.sex, SEX_LABELS.items())
        _fill_combo(self.gender, GENDER_LABELS.items())
        _fill_combo(self.contact_safe, CONTACT_LABELS.items())
        self._fill_residence()
        self.nationality.fill()
        self.languages.fill()
        self._update_title()
        if not dirty:
            self._loaded = self.values()

    def _fill_residence(self) -> None:
        lang = current_language()
        codes = ("unknown",) + tuple(c for c in residence.codes() if c != "unknown")
        keep = self.residence.currentData() or "unknown"
        self.residence.blockSignals(True)
        self.residence.clear()
        for code in codes:
            self.residence.addItem(residence.label(code, lang), code)
        _set_combo(self.residence, keep)
        self.residence.blockSignals(False)

    def _update_title(self) -> None:
        if self.case is None:
            self.title.setText(_("New case"))
            self.number.setText(_("Given when the case is first saved"))
        else:
            self.title.setText(_("Case {number}").format(number=self.case.number))
            self.number.setText(self.case.number)

    def _birth_changed(self, text: str) -> None:
        known = bool(text.strip())
        if known:
            self.age.setValue(-1)
        self.age.setEnabled(not known)

    # -- values ------------------------------------------------------------------------------
    def values(self) -> tuple:
        """Everything typed, raw, for the unsaved-changes check."""
        return (
            self.status.currentData(), self.alias.text(), self.real_name.text(), self.birth_date.text(),
            self.age.value(), self.sex.currentData(), self.gender.currentData(), self.nationality.currentText(),
            tuple(sorted(self.languages.codes())), self.residence.currentData(), self.stay_expiry.text(),
            self.contact_safe.currentData(), self.contact_how.text(), self.notes.toPlainText(),
        )

    def is_dirty(self) -> bool:
        return bool(self._loaded) and self.values() != self._loaded

    def person(self) -> Person:
        """The Person typed in, or UserError naming what to fix."""
        birth = self._date(self.birth_date, N_("Date of birth"))
        expiry = self._date(self.stay_expiry, N_("Period of stay expires"))
        age = self.age.value()
        return Person(
            alias=self.alias.text(), real_name=self.real_name.text(), birth_date=birth,
            estimated_age=None if birth or age < 0 else age, sex=self.sex.currentData(),
            gender=self.gender.currentData(), nationality=self.nationality.code(),
            languages=self.languages.codes(), residence_status=self.residence.currentData(),
            stay_expiry=expiry, contact_safe=self.contact_safe.currentData(),
            contact_how=self.contact_how.text(), notes=self.notes.toPlainText(),
        )

    @staticmethod
    def _date(field: QLineEdit, label: str):
        try:
            return repo.parse_iso_date(field.text())
        except UserError as exc:
            field.setFocus()
            raise UserError(N_("{field}: {problem}"), field=_(label), problem=exc.message()) from None

    # -- loading and saving ------------------------------------------------------------------
    def load_new(self) -> None:
        self.clear()
        self._loaded = self.values()
        self.alias.setFocus()

    def load_case(self, case: Case) -> None:
        self.clear()
        self.case = case
        p = case.person
        _set_combo(self.status, case.status)
        self.alias.setText(p.alias)
        self.real_name.setText(p.real_name)
        self.birth_date.setText(p.birth_date.isoformat() if p.birth_date else "")
        self.age.setValue(-1 if p.birth_date or p.estimated_age is None else p.estimated_age)
        _set_combo(self.sex, p.sex)
        _set_combo(self.gender, p.gender)
        self.nationality.set_code(p.nationality)
        self.languages.set_codes(p.languages)
        _set_combo(self.residence, p.residence_status)
        self.stay_expiry.setText(p.stay_expiry.isoformat() if p.stay_expiry else "")
        _set_combo(self.contact_safe, p.contact_safe)
        self.contact_how.setText(p.contact_how)
        self.notes.setPlainText(p.notes)
        self._update_title()
        self._loaded = self.values()
        self._update_interview_buttons()

    def _update_interview_buttons(self) -> None:
        """Interviews need a saved case; 'continue' only when one is unfinished."""
        from app.interview import records

        session = self._win.session if self._win.session_open else None
        unfinished = has_result = False
        if session is not None and self.case is not None:
            unfinished = records.unfinished_interview(session, self.case.id) is not None
            has_result = records.has_result(session, self.case.id)
        self.interview_button.setEnabled(self.case is not None)
        self.referrals_button.setEnabled(self.case is not None)
        self.continue_button.setVisible(unfinished)
        self.result_button.setVisible(has_result)

    def _interview(self, action: str) -> None:
        """Leave the form only when it is saved: the interview belongs to a stored case."""
        if self.case is None or (self.is_dirty() and not self.save()):
            return
        self.interview_requested.emit(action)

    def _referrals(self) -> None:
        """Referrals read the stored case: save typed changes first."""
        if self.case is None or (self.is_dirty() and not self.save()):
            return
        self.referrals_requested.emit()

    def save(self) -> bool:
        """Validate and save; on a problem show it, keep every field, and return False."""
        if not self._win.session_open:
            return False
        self.info.clear()
        try:
            person = self.person()
            if self.case is None:
                stored = repo.create_case(self._win.session, person, self.status.currentData())
            else:
                stored = repo.update_case(self._win.session, self.case.id, person, self.status.currentData())
        except UserError as exc:
            self.message.show_text(exc.message())
            return False
        self.message.clear()
        self.load_case(stored)
        self.info.show_text(_("Saved."))
        self.saved.emit(stored)
        return True

    def clear(self) -> None:
        """Empty every field (new case, and on lock: no case data may stay in a widget)."""
        self.case = None
        for field in (self.alias, self.real_name, self.birth_date, self.stay_expiry, self.contact_how):
            field.setText("")  # setText also drops the undo history; clear() keeps it
        self.notes.clear()
        self.age.setValue(-1)
        for combo in (self.status, self.sex, self.gender, self.contact_safe):
            combo.setCurrentIndex(0)
        _set_combo(self.residence, "unknown")
        self.nationality.set_code("")
        self.languages.clear_all()
        self.message.clear()
        self.info.clear()
        self._loaded = ()
        self._update_title()
        self.interview_button.setEnabled(False)
        self.referrals_button.setEnabled(False)
        self.continue_button.setVisible(False)
        self.result_button.setVisible(False)
        self.scroll.verticalScrollBar().setValue(0)
