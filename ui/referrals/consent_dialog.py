"""Record her consent to one recipient and purpose (R21): when, in which language, through whom.

Staff first read her what will be shared, with whom and why, that she may say no, and that she
may withdraw later; the dialog lists those points in the staff language so nothing is skipped,
and saving needs the box "she understood and agreed" ticked. The interpreter is chosen from the
staff accounts (an id is stored, never a name). Fields she asks to keep back are ticked here and
left out of every packet this consent covers. Saving goes through app.referrals.consent, which
checks everything again and writes the audit row.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QFormLayout, QGridLayout, QGroupBox, QLabel,
    QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from app.cases.model import Case
from app.errors import UserError
from app.i18n import N_, _, current_language
from app.i18n.content import INTERVIEW_LANGUAGES
from app.referrals import recipients
from app.referrals.consent import Consent, record_consent
from ui.printing.leaflet_dialog import language_label
from ui.widgets import MessageLabel, button_row, date_edit, hint_label, picked_date, title_label

EXPLAIN = (
    N_("Who will receive her information, and why."),
    N_("Which information (the list below), and that nothing else is sent."),
    N_("That she may say no, and that saying no does not change the help she gets from us."),
    N_("That she may withdraw her consent at any time; information already given cannot be taken back."),
)


class ConsentDialog(QDialog):
    """One consent for ``recipient_id`` and ``purpose_id``; ``consent`` holds it once saved."""

    def __init__(self, win, case: Case, recipient_id: str, purpose_id: str, *, language: str = "en",
                 today: date | None = None, parent: QWidget | None = None) -> None:
        from app.store.accounts import list_staff

        super().__init__(parent or win)
        self.setObjectName("consentDialog")
        self.setWindowTitle("Tsunagu")
        self.setMinimumWidth(620)
        self._win, self._case = win, case
        self._today = today or date.today()
        self.recipient = recipients.get(recipient_id)
        self.purpose = self.recipient.purpose(purpose_id)
        self.consent: Consent | None = None
        lang = current_language()

        self.given_on = date_edit(self._today, "consentDate", maximum=self._today)
        self.language = QComboBox(objectName="consentLanguage")
        for code in INTERVIEW_LANGUAGES:
            self.language.addItem(language_label(code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.interpreter = QComboBox(objectName="consentInterpreter")
        self.interpreter.addItem(_("No interpreter (explained in a language she understands)"), None)
        for account in list_staff(win.session):
            self.interpreter.addItem(f"{account.display_name} ({account.username})", account.id)
        self.restrictions = QPlainTextEdit(objectName="consentRestrictions")
        self.restrictions.setPlaceholderText(_("For example: do not contact her by phone; not before her hearing"))
        self.restrictions.setFixedHeight(70)
        self.withheld: dict[str, QCheckBox] = {}
        fields_box = QGroupBox(_("Information this recipient receives (tick what she asks to keep back)"))
        grid = QGridLayout(fields_box)
        for i, key in enumerate(self.recipient.fields):
            box = QCheckBox(_(recipients.FIELD_NAMES[key]), objectName=f"withhold_{key}")
            self.withheld[key] = box
            grid.addWidget(box, i // 2, i % 2)
        self.agreed = QCheckBox(_("I explained these points to her and she agreed."), objectName="consentAgreed")
        self.message = MessageLabel("message")
        save = QPushButton(_("Record consent"), objectName="saveConsent")
        cancel = QPushButton(_("Cancel"), objectName="cancelConsent")
        save.setDefault(True)

        explain = QLabel("\n".join("• " + _(line) for line in EXPLAIN))
        explain.setWordWrap(True)
        form = QFormLayout()
        form.setSpacing(10)
        form.addRow(_("Recipient"), QLabel(self.recipient.name(lang)))
        form.addRow(_("Purpose"), QLabel(self.purpose.name(lang)))
        form.addRow(_("Date she agreed"), self.given_on)
        form.addRow(_("Explained in"), self.language)
        form.addRow(_("Interpreter"), self.interpreter)
        form.addRow(_("Her restrictions"), self.restrictions)
        buttons = button_row(cancel, save)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(title_label(_("Record her consent")))
        layout.addWidget(hint_label(_("Before recording, explain to her in her language:")))
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(fields_box)
        layout.addWidget(self.agreed)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        save.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)

    def withheld_keys(self) -> list[str]:
        return [key for key, box in self.withheld.items() if box.isChecked()]

    def save(self) -> None:
        if not self._win.session_open:
            self.reject()
            return
        if not self.agreed.isChecked():
            self.message.show_text(_("Tick “I explained these points to her and she agreed” first. "
                                     "If she did not agree, do not record a consent."))
            return
        if len(self.withheld_keys()) == len(self.withheld):
            self.message.show_text(_("She asked to keep back everything this recipient would receive: "
                                     "there is nothing to share, so no consent is recorded."))
            return
        try:
            self.consent = record_consent(
                self._win.session, self._case.id, self.recipient.id, self.purpose.id,
                given_on=picked_date(self.given_on), language=self.language.currentData(),
                interpreter_id=self.interpreter.currentData(), restrictions=self.restrictions.toPlainText(),
                withheld=self.withheld_keys(), today=self._today,
            )
        except UserError as exc:
            self.message.show_text(exc.message())
            return
        self.accept()

    def done(self, result: int) -> None:  # noqa: D102 - nothing typed outlives the dialog
        self.restrictions.clear()
        super().done(result)
