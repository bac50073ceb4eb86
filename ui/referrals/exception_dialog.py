"""Share without her consent, under an APPI exception, approved by another supervisor at once.

The person asking chooses the legal basis this recipient allows and writes the reason; a
supervisor or administrator other than them types their own user name and password on this
computer (the four-eyes check of app.referrals.legal_basis, which also audits a refusal).
Wrong approver passwords slow down like logins do, on a throttle of their own, so the dialog
cannot be used to guess a supervisor's password faster than the login page allows.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout,
    QWidget,
)

from app.cases.model import Case
from app.errors import AuthError, UserError
from app.i18n import _, current_language
from app.referrals import recipients
from app.referrals.legal_basis import EXCEPTION_VALID_DAYS, MIN_REASON_CHARS, DisclosureException, approve_exception
from ui.widgets import MessageLabel, busy_cursor, button_row, hint_label, title_label


class ExceptionDialog(QDialog):
    """``approved`` holds the exception once a second supervisor approved it."""

    def __init__(self, win, case: Case, recipient_id: str, purpose_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent or win)
        self.setObjectName("exceptionDialog")
        self.setWindowTitle("Tsunagu")
        self.setMinimumWidth(620)
        self._win, self._case = win, case
        self.recipient = recipients.get(recipient_id)
        self.purpose = self.recipient.purpose(purpose_id)
        self.approved: DisclosureException | None = None
        lang = current_language()
        self.kind = QComboBox(objectName="exceptionKind")
        for kind in self.recipient.exceptions:
            self.kind.addItem(recipients.exception_kind(kind).name(lang), kind)
        # the legal texts are long: the box stays narrow (its labels must not be squeezed) and the
        # whole text of the chosen basis wraps underneath
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind.setMinimumContentsLength(24)
        self.kind_text = hint_label()
        self.kind_text.setObjectName("exceptionKindText")
        self.kind.currentIndexChanged.connect(lambda _i: self.kind_text.setText(self.kind.currentText()))
        self.kind_text.setText(self.kind.currentText())
        self.reason = QPlainTextEdit(objectName="exceptionReason")
        self.reason.setPlaceholderText(_("What is the danger or the legal duty, and why can she not be asked? "
                                         "(at least {count} characters)").format(count=MIN_REASON_CHARS))
        self.reason.setMinimumHeight(110)
        self.approver = QLineEdit(objectName="approverName")
        self.approver_password = QLineEdit(objectName="approverPassword", echoMode=QLineEdit.EchoMode.Password)
        self.message = MessageLabel("message")
        self.approve_button = QPushButton(_("Approve and record"), objectName="approveException")
        cancel = QPushButton(_("Cancel"), objectName="cancelException")
        self.approve_button.setDefault(True)

        form = QFormLayout()
        form.setSpacing(10)
        form.addRow(_("Recipient"), QLabel(self.recipient.name(lang)))
        form.addRow(_("Purpose"), QLabel(self.purpose.name(lang)))
        form.addRow(_("Legal basis"), self.kind)
        form.addRow("", self.kind_text)
        form.addRow(_("Reason"), self.reason)
        approval = QFormLayout()
        approval.setSpacing(10)
        approval.addRow(_("Approving supervisor's user name"), self.approver)
        approval.addRow(_("Their password"), self.approver_password)
        buttons = button_row(cancel, self.approve_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(title_label(_("Share without her consent")))
        layout.addWidget(hint_label(_(
            "Only when the law requires it, or when her life or body is at risk and her consent cannot be "
            "obtained. Another supervisor must approve now, on this computer. The approval covers packets "
            "for {days} days; the reason is printed on the packet.").format(days=EXCEPTION_VALID_DAYS)))
        layout.addLayout(form)
        layout.addWidget(hint_label(_("Approval by another supervisor or administrator")))
        layout.addLayout(approval)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.approve_button.clicked.connect(self.approve)
        cancel.clicked.connect(self.reject)

    def approve(self) -> None:
        if not self._win.session_open:
            self.reject()
            return
        throttle = self._win.approval_throttle
        name = self.approver.text().strip()
        if throttle.locked_out(name):
            self._refuse(_("Too many wrong passwords for this approver. Sign in again later or ask another supervisor."))
            return
        wait = throttle.wait_seconds(name)
        if wait > 0:
            self._refuse(_("Wait {seconds} seconds before trying again.").format(seconds=int(wait + 0.999)))
            return
        try:
            with busy_cursor():
                self.approved = approve_exception(
                    self._win.session, self._case.id, self.recipient.id, self.purpose.id, self.kind.currentData(),
                    self.reason.toPlainText(), name, self.approver_password.text())
        except AuthError as exc:
            throttle.record_failure(name)
            self._refuse(exc.message())
            return
        except UserError as exc:
            self._refuse(exc.message())
            return
        finally:
            self.approver_password.clear()
        throttle.record_success(name)
        self.accept()

    def _refuse(self, text: str) -> None:
        self.message.show_text(text)
        self.approver_password.setFocus()

    def done(self, result: int) -> None:  # noqa: D102 - no password or reason outlives the dialog
        self.approver_password.clear()
        self.reason.clear()
        super().done(result)
