"""The register of third-party provisions, for supervisors: every packet made in a period.

A period (this month by default) and a table: made on, case number, recipient and addressee,
purpose, the kinds of information sent, the basis (her consent and its date, or the exception
and the day it was approved) and who made it. Case numbers only, never names. Each "Show" reads
the store through app.referrals.register, which checks the role and audits the period read.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.errors import UserError
from app.i18n import _, current_language
from app.i18n.dates import format_date
from app.referrals import recipients
from app.referrals.register import RegisterEntry, provision_register
from ui.widgets import MessageLabel, button_row, date_edit, hint_label, picked_date, record_table, title_label


class RegisterDialog(QDialog):
    def __init__(self, win, *, today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent or win)
        self.setObjectName("registerDialog")
        self.setWindowTitle("Tsunagu")
        self.setMinimumSize(980, 560)
        self._win = win
        today = today or date.today()
        self.since = date_edit(today.replace(day=1), "registerSince")
        self.until = date_edit(today, "registerUntil")
        show = QPushButton(_("Show"), objectName="showRegister")
        show.setDefault(True)
        headers = [_("Made on"), _("Case"), _("Recipient"), _("Purpose"), _("Basis"), _("Made by"),
                   _("Information sent")]
        self.table = record_table("registerTable", headers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(4, 190)  # the basis wraps onto two lines rather than crowd out what was sent
        header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)  # wraps in the room left
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.count = QLabel(objectName="registerCount")
        self.message = MessageLabel("message")
        close = QPushButton(_("Close"), objectName="closeRegister")
        period = QHBoxLayout()
        period.addWidget(QLabel(_("From")))
        period.addWidget(self.since)
        period.addWidget(QLabel(_("to")))
        period.addWidget(self.until)
        period.addWidget(show)
        period.addStretch(1)
        period.addWidget(self.count)
        bottom = button_row(close)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(title_label(_("Register of information provided")))
        layout.addWidget(hint_label(_(
            "Every referral packet made, by the day it was made: the record the office keeps of each "
            "provision of personal information to a third party. Cases are shown by number only.")))
        layout.addLayout(period)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        show.clicked.connect(self.show_register)
        close.clicked.connect(self.accept)
        self.show_register()

    def show_register(self) -> None:
        self.message.clear()
        self.table.setRowCount(0)
        self.count.clear()
        if not self._win.session_open:
            self.reject()
            return
        try:
            entries = provision_register(self._win.session, picked_date(self.since), picked_date(self.until))
        except UserError as exc:
            self.message.show_text(exc.message())
            return
        for entry in entries:
            self._add(entry)
        self.count.setText(_("Provisions: {count}").format(count=len(entries)))

    def _add(self, entry: RegisterEntry) -> None:
        lang = current_language()
        p = entry.provision
        rcpt = recipients.get(p.recipient)
        to = rcpt.name(lang) + (f"\n{p.addressee}" if p.addressee else "")
        sent = ("、" if lang == "ja" else ", ").join(_(recipients.FIELD_NAMES[k]) for k in p.fields if k in recipients.FIELD_NAMES)
        if entry.basis_kind == "consent":
            basis = _("Her consent of {date}").format(date=format_date(entry.basis_date, lang))
        else:
            basis = _("Exception approved on {date}: {kind}").format(
                date=format_date(entry.basis_date, lang), kind=recipients.exception_kind(entry.basis_kind).name(lang))
        cells = [format_date(p.made_on, lang), entry.case_number, to, rcpt.purpose(p.purpose).name(lang), basis,
                 entry.made_by, sent]
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, text in enumerate(cells):
            self.table.setItem(row, col, QTableWidgetItem(text))

    def done(self, result: int) -> None:  # noqa: D102 - nothing outlives the dialog
        self.table.setRowCount(0)
        super().done(result)
