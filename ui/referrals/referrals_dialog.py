"""One case's referrals: choose a recipient and purpose, see what allows sharing, act on it.

The top half answers the staff member's questions in order: to whom and why; is there her
consent (or an approved exception) for exactly that; what would be sent. The buttons record a
consent, withdraw it, ask for an exception, or make the packet (which records the provision,
then opens the preview to print or save). Below, the case's consents and provisions; a
provision's row gives her copy. Everything the app layer refuses (no consent, no office
profile, an adult sent to the child guidance centre) is shown in the dialog, in the staff
language, and nothing is lost. A lock closes the dialog and the tables are emptied.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from app.cases.model import Case
from app.errors import UserError
from app.i18n import N_, _, current_language
from app.i18n.content import interview_language
from app.i18n.dates import format_date
from app.referrals import recipients
from app.referrals.consent import Consent, consents_of, covering_consent, withdraw_consent
from app.referrals.legal_basis import EXCEPTION_VALID_DAYS, DisclosureException, covering_exception, exceptions_of
from app.referrals.office import get_office_profile
from app.referrals.provisions import ADDRESSEE_MAX, Provision, provisions_of
from app.store import audit
from ui.widgets import MessageLabel, busy_cursor, button_row, confirm, hint_label, record_table, title_label

NO_OFFICE = N_("The office name and phone number are not set, so no packet can be made yet. "
               "A supervisor sets them in Settings → Preferences.")

UNPRINTABLE = N_("Some characters typed in this case cannot be printed with the fonts on this computer and "
                 "appear as 〓 on the packet: {chars}. If it matters, correct the case and make the packet again.")


def _cell(text: str) -> QTableWidgetItem:
    return QTableWidgetItem(text)


class ReferralsDialog(QDialog):
    def __init__(self, win, case: Case, *, today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent or win)
        self.setObjectName("referralsDialog")
        self.setWindowTitle("Tsunagu")  # never a name; the case number is in the title label
        self.setMinimumSize(900, 700)
        self._win, self.case = win, case
        self._today = today or date.today()
        self._consents: list[Consent] = []
        self._provisions: list[Provision] = []
        self._exceptions: list[DisclosureException] = []
        self._staff_names: dict[int, str] = {}
        lang = current_language()

        self.recipient = QComboBox(objectName="referralRecipient")
        for rcpt in recipients.all_recipients():
            self.recipient.addItem(rcpt.name(lang), rcpt.id)
        self.purpose = QComboBox(objectName="referralPurpose")
        self.basis = QLabel(objectName="referralBasis", wordWrap=True)
        self.fields = (QLabel(objectName="referralFields", wordWrap=True),
                       QLabel(objectName="referralFieldsMore", wordWrap=True))  # two columns: the list is long
        for label in (self.basis, *self.fields):
            label.setTextFormat(Qt.TextFormat.PlainText)  # her restrictions are typed text, never markup
        self.note = hint_label()
        self.note.setObjectName("referralNote")
        self.addressee = QLineEdit(objectName="referralAddressee", maxLength=ADDRESSEE_MAX)
        self.addressee.setPlaceholderText(_("Optional: the office or officer, e.g. 新宿警察署 生活安全課"))
        self.consent_button = QPushButton(_("Record her consent…"), objectName="recordConsent")
        self.withdraw_button = QPushButton(_("She withdraws consent…"), objectName="withdrawConsent")
        self.exception_button = QPushButton(_("Share without consent…"), objectName="requestException")
        self.packet_button = QPushButton(_("Make the packet…"), objectName="makePacket")
        self.consents = record_table("consentsTable", [_("Recipient"), _("Purpose"), _("Agreed on"), _("Explained in"),
                                                 _("Interpreter"), _("Withdrawn on")])
        self.provisions = record_table("provisionsTable", [_("Made on"), _("Recipient"), _("Purpose"), _("Basis"),
                                                     _("Made by")])
        self.exceptions = record_table("exceptionsTable", [_("Approved on"), _("Recipient"), _("Purpose"), _("Legal basis"),
                                                     _("Asked by"), _("Approved by"), _("Reason")])
        self.her_copy_button = QPushButton(_("Her copy…"), objectName="herCopy")
        self.message = MessageLabel("message")
        self.message.setObjectName("referralMessage")
        self.info = MessageLabel("info")
        self.info.setObjectName("referralInfo")
        close = QPushButton(_("Close"), objectName="closeReferrals")

        form = QFormLayout()
        form.setSpacing(10)
        form.addRow(_("Recipient"), self.recipient)
        form.addRow(_("Purpose"), self.purpose)
        form.addRow(_("Allowed by"), self.basis)
        columns = QHBoxLayout()
        for column in self.fields:
            column.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            columns.addWidget(column, 1)
        form.addRow(_("What is sent"), columns)
        form.addRow("", self.note)
        form.addRow(_("Addressed to"), self.addressee)
        actions = QHBoxLayout()
        for button in (self.consent_button, self.withdraw_button, self.exception_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.packet_button)
        shared = QWidget()
        shared_layout = QVBoxLayout(shared)
        shared_layout.addWidget(self.provisions, 1)
        row = button_row(self.her_copy_button)
        shared_layout.addLayout(row)
        self.tabs = QTabWidget(objectName="referralTabs")
        self.tabs.addTab(shared, _("Shared so far"))
        self.tabs.addTab(self.consents, _("Her consents"))
        self.tabs.addTab(self.exceptions, _("Exceptions"))
        bottom = button_row(close)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(title_label(_("Referrals for case {number}").format(number=case.number)))
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.info)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        self.recipient.currentIndexChanged.connect(lambda _i: self._recipient_changed())
        self.purpose.currentIndexChanged.connect(lambda _i: self.update_basis())
        self.consent_button.clicked.connect(self.record_consent)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.exception_button.clicked.connect(self.request_exception)
        self.packet_button.clicked.connect(self.make_packet)
        self.her_copy_button.clicked.connect(self.her_copy)
        self.provisions.itemSelectionChanged.connect(self._selection_changed)
        close.clicked.connect(self.accept)
        self._recipient_changed()
        self.refresh()

    # -- the current choice ------------------------------------------------------------------
    @property
    def rcpt(self) -> recipients.Recipient:
        return recipients.get(self.recipient.currentData())

    @property
    def purpose_id(self) -> str:
        return self.purpose.currentData()

    def choose(self, recipient_id: str, purpose_id: str | None = None) -> None:
        self.recipient.setCurrentIndex(self.recipient.findData(recipient_id))
        if purpose_id is not None:
            self.purpose.setCurrentIndex(self.purpose.findData(purpose_id))

    def fields_text(self) -> str:
        """What is sent, as shown (both columns)."""
        return "\n".join(column.text() for column in self.fields)

    def _recipient_changed(self) -> None:
        rcpt, lang = self.rcpt, current_language()
        self.purpose.blockSignals(True)
        self.purpose.clear()
        for p in rcpt.purposes:
            self.purpose.addItem(p.name(lang), p.id)
        self.purpose.blockSignals(False)
        self.note.setText(rcpt.staff_note)
        self.exception_button.setVisible(bool(rcpt.exceptions))
        self.update_basis()

    def _session(self):
        return self._win.session if self._win.session_open else None

    def update_basis(self) -> None:
        """Say what allows (or does not yet allow) a packet for the current choice."""
        session = self._session()
        if session is None or self.purpose_id is None:
            return
        rcpt, purpose = self.rcpt, self.purpose_id
        consent = covering_consent(session.conn, self.case.id, rcpt.id, purpose)
        exc = None if consent else covering_exception(session.conn, self.case.id, rcpt.id, purpose)
        lang = current_language()
        if consent is not None:
            text = (_("Her consent of {date}, explained in {language} through an interpreter.") if consent.interpreter_id
                    else _("Her consent of {date}, explained in {language}.")).format(
                date=format_date(consent.given_on, lang), language=_language(consent.language))
            if consent.restrictions:
                text += "\n" + _("Her restrictions: {text}").format(text=consent.restrictions)
        elif exc is not None:
            approved = datetime.fromisoformat(exc.approved_at).astimezone().date()
            text = _("An exception approved on {date} ({kind}); it covers packets for {days} days.").format(
                date=format_date(approved, lang), kind=recipients.exception_kind(exc.kind).name(lang),
                days=EXCEPTION_VALID_DAYS)
        else:
            text = _("Nothing yet: record her consent first.")
            if rcpt.exceptions:
                text += " " + _("Without it, only an exception approved by another supervisor allows sharing.")
        self.basis.setText(text)
        self.basis.setProperty("kind", "info" if (consent or exc) else "reminder")
        self.basis.style().polish(self.basis)
        withheld = set(consent.withheld) if consent else set()
        lines = []
        for key in rcpt.fields:
            name = _(recipients.FIELD_NAMES[key])
            lines.append("• " + (_("{field}: not sent, she asked to keep it back").format(field=name)
                                 if key in withheld else name))
        half = (len(lines) + 1) // 2
        self.fields[0].setText("\n".join(lines[:half]))
        self.fields[1].setText("\n".join(lines[half:]))
        self.withdraw_button.setEnabled(consent is not None)
        office = get_office_profile(session)
        self.packet_button.setEnabled(office is not None)
        self.packet_button.setToolTip("" if office else _(NO_OFFICE))
        if office is None:
            self.message.show_text(_(NO_OFFICE))

    # -- the records -------------------------------------------------------------------------
    def refresh(self) -> None:
        session = self._session()
        if session is None:
            return
        from app.store.accounts import display_names

        self._staff_names = display_names(session)
        self._consents = consents_of(session, self.case.id)
        self._provisions = provisions_of(session, self.case.id)
        self._exceptions = exceptions_of(session, self.case.id)
        lang = current_language()
        self.consents.setRowCount(0)
        for c in self._consents:
            rcpt = recipients.get(c.recipient)
            self._add_row(self.consents, [
                rcpt.name(lang), rcpt.purpose(c.purpose).name(lang), format_date(c.given_on, lang),
                _language(c.language), self._staff_names.get(c.interpreter_id, "—") if c.interpreter_id else "—",
                format_date(c.withdrawn_on, lang) if c.withdrawn_on else ""])
        self.provisions.setRowCount(0)
        for p in self._provisions:
            rcpt = recipients.get(p.recipient)
            basis = _("consent") if p.consent_id else _("exception")
            self._add_row(self.provisions, [
                format_date(p.made_on, lang), rcpt.name(lang), rcpt.purpose(p.purpose).name(lang), basis,
                self._staff_names.get(p.made_by, "—")])
        self.exceptions.setRowCount(0)
        for e in self._exceptions:
            rcpt = recipients.get(e.recipient)
            approved = datetime.fromisoformat(e.approved_at).astimezone().date()
            self._add_row(self.exceptions, [
                format_date(approved, lang), rcpt.name(lang), rcpt.purpose(e.purpose).name(lang),
                recipients.exception_kind(e.kind).name(lang), self._staff_names.get(e.requested_by, "—"),
                self._staff_names.get(e.approved_by, "—"), " ".join(e.reason.split())])
        self._selection_changed()
        self.update_basis()

    @staticmethod
    def _add_row(table: QTableWidget, cells: list[str]) -> None:
        row = table.rowCount()
        table.insertRow(row)
        for col, text in enumerate(cells):
            table.setItem(row, col, _cell(text))

    def _selection_changed(self) -> None:
        self.her_copy_button.setEnabled(self._selected_provision() is not None)

    def _selected_provision(self) -> Provision | None:
        rows = self.provisions.selectionModel().selectedRows()
        return self._provisions[rows[0].row()] if rows else None

    # -- actions -----------------------------------------------------------------------------
    def _start(self) -> bool:
        self.message.clear()
        self.info.clear()
        if self._session() is None:
            self.reject()
            return False
        return True

    def record_consent(self) -> None:
        from ui.referrals.consent_dialog import ConsentDialog

        if not self._start():
            return
        dialog = ConsentDialog(self._win, self.case, self.rcpt.id, self.purpose_id,
                               language=interview_language(self.case.person.languages), today=self._today, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.info.show_text(_("Her consent was recorded."))
        dialog.deleteLater()
        self.refresh()

    def withdraw(self) -> None:
        if not self._start():
            return
        consent = covering_consent(self._win.session.conn, self.case.id, self.rcpt.id, self.purpose_id)
        if consent is None:
            return
        question = _("Record that she withdraws her consent to sharing with {recipient} ({purpose}) from today? "
                     "No packet can be made for it afterwards. Packets already given cannot be taken back.").format(
            recipient=self.rcpt.staff_name, purpose=self.purpose.currentText())
        if not confirm(self, question, _("Record the withdrawal"), _("Cancel"), name="confirmWithdraw"):
            return
        if self._session() is None:
            return
        try:
            withdraw_consent(self._win.session, consent.id, today=self._today)
        except UserError as exc:
            self.message.show_text(exc.message())
            return
        self.info.show_text(_("The withdrawal was recorded."))
        self.refresh()

    def request_exception(self) -> None:
        from ui.referrals.exception_dialog import ExceptionDialog

        if not self._start():
            return
        dialog = ExceptionDialog(self._win, self.case, self.rcpt.id, self.purpose_id, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.info.show_text(_("The exception was approved and recorded."))
        dialog.deleteLater()
        self.refresh()

    def make_packet(self) -> None:
        from app.referrals.packet import make_packet, save_referral_pdf
        from ui.printing.preview import PdfDialog, live_session

        if not self._start():
            return
        rcpt = self.rcpt
        question = _("Making the packet records that her information is given to {recipient} ({purpose}). "
                     "Make it now?").format(recipient=rcpt.staff_name, purpose=self.purpose.currentText())
        if not confirm(self, question, _("Make the packet"), _("Cancel"), name="confirmPacket"):
            return
        session = self._session()
        if session is None:
            return
        try:
            with busy_cursor():
                packet = make_packet(session, self.case.id, rcpt.id, self.purpose_id,
                                     addressee=self.addressee.text(), today=self._today)
        except UserError as exc:
            self.message.show_text(exc.message())
            return
        self.refresh()
        case_id = self.case.id
        dialog = PdfDialog(
            self, packet.data, suggested_name=f"referral-{packet.case_number}-{rcpt.id}.pdf",
            title=_("Referral packet: {recipient}").format(recipient=rcpt.staff_name),
            on_printed=lambda: live_session(self._win).audit(audit.REFERRAL_PRINTED, packet.case_number),
            write=lambda path, data: save_referral_pdf(live_session(self._win), case_id, data, path))
        dialog.setObjectName("packetDialog")
        if packet.unprintable:
            from app.printing.printable import describe

            warning = MessageLabel("reminder")
            warning.setObjectName("packetUnprintable")
            warning.show_text(_(UNPRINTABLE).format(chars=describe(packet.unprintable)))
            dialog.header.addWidget(warning)
        dialog.exec()
        dialog.deleteLater()
        self.info.show_text(_("The packet was recorded under “Shared so far”. Give her a copy with “Her copy…”."))
        self.provisions.selectRow(0)

    def her_copy(self) -> None:
        from app.referrals.her_copy import HER_COPY_WARNING
        from ui.referrals.her_copy_dialog import HerCopyDialog

        if not self._start():
            return
        provision = self._selected_provision()
        if provision is None:
            return
        if not confirm(self, _(HER_COPY_WARNING), _("Make her copy"), _("Cancel"), name="confirmHerCopy"):
            return
        if self._session() is None:
            return
        lang = next((c.language for c in self._consents if c.id == provision.consent_id),
                    interview_language(self.case.person.languages))
        dialog = HerCopyDialog(self, self._win, self.case.id, self.case.number, provision.id, lang)
        dialog.exec()
        dialog.deleteLater()

    def done(self, result: int) -> None:  # noqa: D102 - no case data outlives the dialog
        for table in (self.consents, self.provisions, self.exceptions):
            table.setRowCount(0)
        self._consents, self._provisions, self._exceptions, self._staff_names = [], [], [], {}
        self.basis.clear()
        for column in self.fields:
            column.clear()
        self.addressee.clear()
        super().done(result)


def _language(code: str) -> str:
    from app.cases.names import language_name

    return language_name(code, current_language())
