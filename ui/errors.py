"""Two kinds of error (qutebrowser's pattern): a plain message for a UserError, a crash dialog
for a bug.

The crash dialog says something went wrong and that saved work is safe. It shows the exception
type and the code locations (file:line) only: never the exception's message or any object's
repr, since either could hold a name or a note.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QLabel, QMessageBox, QPlainTextEdit, QVBoxLayout, QWidget,
)

from app.errors import UserError
from app.i18n import _

log = logging.getLogger("tsunagu.ui")
_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def show_user_error(parent: QWidget | None, exc: UserError) -> None:
    """A plain message box in the staff language."""
    box = QMessageBox(parent)
    box.setObjectName("userError")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Tsunagu")
    box.setText(exc.message())
    box.addButton(_("OK"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    box.deleteLater()


def locations(tb: TracebackType | None) -> list[str]:
    """``path:line`` for every frame, paths relative to the program; nothing else."""
    out = []
    for frame in traceback.extract_tb(tb):
        path = frame.filename
        if path.startswith(_ROOT + os.sep):
            path = os.path.relpath(path, _ROOT)
        else:
            path = os.path.basename(path)
        out.append(f"{path}:{frame.lineno}")
    return out


def crash_report(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """What the crash dialog shows and the log keeps: the type's name and file:line frames."""
    return "\n".join([exc_type.__name__, *("  " + loc for loc in locations(tb))])


class CrashDialog(QDialog):
    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle("Tsunagu")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        title = QLabel(_("Something went wrong in Tsunagu."))
        title.setObjectName("pageTitle")
        text = QLabel(_(
            "Everything that was saved is safe. Changes you had not saved yet may be lost. "
            "Please tell your administrator what you were doing, and give them the details below "
            "(they contain no case information)."
        ))
        text.setWordWrap(True)
        details = QPlainTextEdit(report)
        details.setObjectName("crashDetails")
        details.setReadOnly(True)
        buttons = QDialogButtonBox()
        buttons.addButton(_("Close"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        for w in (title, text, details, buttons):
            layout.addWidget(w)


class ExceptHook:
    """``sys.excepthook`` while the program runs; tests call it directly."""

    def __init__(self) -> None:
        self.previous = sys.excepthook
        self._busy = False

    def install(self) -> None:
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self.previous

    def __call__(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        parent = QApplication.activeWindow()
        if isinstance(exc, UserError):
            show_user_error(parent, exc)
            return
        report = crash_report(exc_type, tb)
        log.error("crash %s", report.replace("\n", " "))
        sys.stderr.write("tsunagu: crash\n" + report + "\n")
        if self._busy or QApplication.instance() is None:
            return  # a crash inside the crash dialog: logged, not shown again
        self._busy = True
        try:
            from PySide6.QtCore import Qt

            dialog = CrashDialog(report, parent)
            dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
            dialog.exec()
            dialog.deleteLater()
        finally:
            self._busy = False
