"""The audit log for supervisors (R22): filter by staff member and period, and check the chain.

Rows show the local time, who, what (a plain label) and the subject (a case number, an
account id, a leaflet's language: never content). "Check the log" runs the hash-chain check
over every row and says whether it is intact or which row was changed or removed.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox, QDialog, QHBoxLayout, QLabel, QPushButton, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.errors import UserError
from app.i18n import _, current_language
from app.i18n.dates import format_timestamp
from app.store import audit_view
from ui.widgets import (
    MessageLabel, busy_cursor, button_row, date_edit, hint_label, picked_date, record_table, title_label,
)


class AuditDialog(QDialog):
    def __init__(self, win, *, today: date | None = None, parent: QWidget | None = None) -> None:
        from app.store.accounts import display_names

        super().__init__(parent or win)
        self.setObjectName("auditDialog")
        self.setWindowTitle("Tsunagu")
        self.setMinimumSize(900, 600)
        self._win = win
        today = today or date.today()
        self._names = display_names(win.session)
        self.who = QComboBox(objectName="auditWho")
        self.who.addItem(_("Everyone"), None)
        for account_id, name in sorted(self._names.items(), key=lambda item: item[1]):
            self.who.addItem(name, account_id)
        self.since = date_edit(today, "auditSince")
        self.until = date_edit(today, "auditUntil")
        show = QPushButton(_("Show"), objectName="showAudit")
        show.setDefault(True)
        self.check_button = QPushButton(_("Check the log"), objectName="checkAudit")
        self.table = record_table("auditTable", [_("When"), _("Who"), _("What"), _("Subject")])
        self.count = QLabel(objectName="auditCount")
        self.message = MessageLabel("message")
        self.info = MessageLabel("info")
        close = QPushButton(_("Close"), objectName="closeAudit")
        filters = QHBoxLayout()
        for widget in (QLabel(_("Staff member")), self.who, QLabel(_("From")), self.since, QLabel(_("to")),
                       self.until, show):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.count)
        bottom = button_row(close, leading=(self.check_button,))
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(title_label(_("Audit log")))
        layout.addWidget(hint_label(_(
            "Every login, lock, case opened or changed, interview, print and export, newest first. The log "
            "holds case numbers and account numbers, never names or answers. Rows cannot be changed; "
            "“Check the log” shows whether any row was altered or removed.")))
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.info)
        layout.addLayout(bottom)
        show.clicked.connect(self.show_log)
        self.check_button.clicked.connect(self.check)
        close.clicked.connect(self.accept)
        self.show_log()

    def _session(self):
        if not self._win.session_open:
            self.reject()
            return None
        return self._win.session

    def show_log(self) -> None:
        self.message.clear()
        self.table.setRowCount(0)
        self.count.clear()
        session = self._session()
        if session is None:
            return
        try:
            rows = audit_view.read_log(session, picked_date(self.since), picked_date(self.until),
                                       self.who.currentData())
        except UserError as exc:
            self.message.show_text(exc.message())
            return
        for row in rows:
            when = format_timestamp(row.at, current_language())
            who = self._names.get(row.actor, "—") if row.actor is not None else _("Recovery key or no one signed in")
            cells = [when, who, _(audit_view.label(row.event)), row.subject]
            index = self.table.rowCount()
            self.table.insertRow(index)
            for col, text in enumerate(cells):
                self.table.setItem(index, col, QTableWidgetItem(text))
        more = _(" (the newest {limit} only: choose a shorter period)").format(limit=audit_view.MAX_ROWS) \
            if len(rows) >= audit_view.MAX_ROWS else ""
        self.count.setText(_("Rows: {count}").format(count=len(rows)) + more)

    def check(self) -> None:
        self.message.clear()
        self.info.clear()
        session = self._session()
        if session is None:
            return
        with busy_cursor():
            result = audit_view.check_chain(session)
        if result.intact:
            self.info.show_text(_("The log is intact: all {rows} rows are as they were written.").format(rows=result.rows))
        else:
            self.message.show_text(_("The log was altered: row {row} was changed, or a row before it was removed. "
                                     "Keep this computer as it is and tell the administrator.").format(row=result.broken_at))

    def done(self, result: int) -> None:  # noqa: D102 - nothing outlives the dialog
        self.table.setRowCount(0)
        super().done(result)
