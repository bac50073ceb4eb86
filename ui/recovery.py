"""The recovery key: shown once in large groups to be written down by hand, and used to unlock.

The key is never put on the clipboard, never saved, and its label is cleared as soon as the
person confirms they wrote it down.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from app.errors import UserError
from app.i18n import _
from ui.style import mono_font
from ui.widgets import MessageLabel, busy_cursor, button_row, hint_label, title_label

KEY_POINT_SIZE = 24


def key_lines(key: str) -> str:
    """``ABCD-EFGH-…`` (8 groups) as two lines of four groups, wide apart for copying by hand."""
    groups = [g for g in key.replace(" ", "-").split("-") if g]
    half = (len(groups) + 1) // 2
    return "\n".join("   ".join(groups[i:i + half]) for i in range(0, len(groups), half))


class RecoveryKeyView(QWidget):
    """The key, the advice, and "I have written it down" before Continue is enabled."""

    confirmed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title_label()
        self.key_label = QLabel()
        self.key_label.setObjectName("recoveryKey")
        self.key_label.setFont(mono_font(KEY_POINT_SIZE))
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.written = QCheckBox()
        self.written.setObjectName("writtenDown")
        self.continue_button = QPushButton()
        self.continue_button.setObjectName("recoveryContinue")
        self.continue_button.setEnabled(False)
        self.written.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self._confirm)
        layout = QVBoxLayout(self)
        layout.setSpacing(16)
        layout.addWidget(self.title)
        layout.addWidget(self.advice)
        layout.addWidget(self.key_label)
        layout.addWidget(self.written)
        row = button_row(self.continue_button)
        layout.addLayout(row)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(_("Recovery key"))
        self.advice.setText(_(
            "This key opens the store if every password is lost. It is shown only this once. "
            "Write it down by hand on paper, check every character, and keep the paper in the "
            "office safe. Do not save it on this computer, print it, or photograph it."
        ))
        self.written.setText(_("I have written it down"))
        self.continue_button.setText(_("Continue"))

    def show_key(self, key: str) -> None:
        self.key_label.setText(key_lines(key))
        self.written.setChecked(False)
        self.continue_button.setEnabled(False)

    def clear(self) -> None:
        self.key_label.clear()
        self.written.setChecked(False)

    def _confirm(self) -> None:
        if not self.written.isChecked():
            return
        self.clear()
        self.confirmed.emit()


class RecoveryKeyDialog(QDialog):
    """The new key after "Replace recovery key"."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryKeyDialog")
        self.setWindowTitle("Tsunagu")
        self.view = RecoveryKeyView(self)
        self.view.show_key(key)
        self.view.confirmed.connect(self.accept)
        QVBoxLayout(self).addWidget(self.view)

    def done(self, result: int) -> None:  # noqa: D102 - also on reject and on lock
        self.view.clear()
        super().done(result)


class RecoveryUnlockDialog(QDialog):
    """Type the recovery key; on success ``session`` holds the recovery session."""

    def __init__(self, store_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryUnlockDialog")
        self.setWindowTitle("Tsunagu")
        self.setMinimumWidth(560)
        self.store_path = store_path
        self.session = None
        self.key = QLineEdit()
        self.key.setObjectName("recoveryKeyInput")
        self.key.setFont(mono_font(16))
        self.key.setPlaceholderText(_("8 groups of 4 letters and digits, as written down"))
        self.message = MessageLabel("message")
        self.ok = QPushButton(_("Unlock"))
        self.ok.setObjectName("recoveryUnlock")
        self.ok.setDefault(True)
        cancel = QPushButton(_("Cancel"))
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(title_label(_("Unlock with the recovery key")))
        layout.addWidget(hint_label(_(
            "Type the key from the paper kept in the office safe. Afterwards you will set a new "
            "password for the person who lost theirs."
        )))
        layout.addWidget(self.key)
        layout.addWidget(self.message)
        row = button_row(cancel, self.ok)
        layout.addLayout(row)
        self.ok.clicked.connect(self.attempt)
        self.key.returnPressed.connect(self.attempt)
        cancel.clicked.connect(self.reject)

    def attempt(self) -> None:
        from app.store.store import open_with_recovery

        try:
            with busy_cursor():
                self.session = open_with_recovery(self.store_path, self.key.text())
        except UserError as exc:
            self.message.show_text(exc.message())
            return
        self.key.setText("")
        self.accept()

    def done(self, result: int) -> None:  # noqa: D102
        self.key.setText("")
        super().done(result)
