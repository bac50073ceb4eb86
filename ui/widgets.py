"""Small shared pieces: message labels, link buttons, busy cursor, a confirm box with our texts.

The login page is built from these before the first frame, so nothing here touches PySide6's
``Qt`` namespace at import or construction: building that namespace costs more than the whole
page (start-up budget). It is imported inside the functions that need it.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget


class MessageLabel(QLabel):
    """A word-wrapped message area that hides itself when empty. ``kind``: message or info."""

    def __init__(self, kind: str = "message", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("kind", kind)
        self.setWordWrap(True)
        self.setVisible(False)
        self._plain = False

    def show_text(self, text: str) -> None:
        if not self._plain:  # messages are never markup, whatever they quote
            from PySide6.QtCore import Qt

            self.setTextFormat(Qt.TextFormat.PlainText)
            self._plain = True
        self.setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        super().clear()
        self.setVisible(False)


def link_button(text: str = "", parent: QWidget | None = None) -> QPushButton:
    """A flat button that reads like a link (keyboard-reachable, unlike a QLabel link)."""
    button = QPushButton(text, parent)
    button.setFlat(True)
    QTimer.singleShot(0, button, lambda: _pointing_hand(button))
    button.setStyleSheet(
        "QPushButton { color: palette(link); text-decoration: underline; border: none; padding: 2px; }")
    return button


def _pointing_hand(button: QPushButton) -> None:
    from PySide6.QtCore import Qt

    button.setCursor(Qt.CursorShape.PointingHandCursor)


def centred(widget: QWidget) -> QHBoxLayout:
    """``widget`` centred by stretches (no alignment flag: see the module notes)."""
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(widget)
    row.addStretch(1)
    return row


def title_label(text: str = "", name: str = "pageTitle") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    return label


def hint_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setProperty("kind", "hint")
    label.setWordWrap(True)
    return label


@contextlib.contextmanager
def busy_cursor():
    """A wait cursor around a slow call on the GUI thread (an Argon2id unlock takes ~0.5 s)."""
    from PySide6.QtCore import Qt

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    QApplication.processEvents()
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def confirm(parent: QWidget | None, text: str, yes: str, no: str, *, name: str = "confirm") -> bool:
    """A yes/no question with explicit button texts in the staff language."""
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Tsunagu")
    box.setText(text)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes_button)
    box.exec()
    answer = box.clickedButton() is yes_button
    box.deleteLater()
    return answer


def record_table(name: str, headers: list[str]):
    """A read-only table of records, one row each, selected whole, columns sized to their text."""
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget

    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def date_edit(value, name: str, maximum=None):
    """A year-month-day field with a calendar, set to ``value`` (a ``datetime.date``)."""
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QDateEdit

    edit = QDateEdit(QDate(value.year, value.month, value.day), objectName=name, calendarPopup=True,
                     displayFormat="yyyy-MM-dd")
    if maximum is not None:
        edit.setMaximumDate(QDate(maximum.year, maximum.month, maximum.day))
    return edit


def picked_date(edit):
    """The ``datetime.date`` a date field holds."""
    from datetime import date

    d = edit.date()
    return date(d.year(), d.month(), d.day())


def button_row(*buttons, leading=()) -> QHBoxLayout:
    """Dialog buttons on the right (Cancel, then the main action); ``leading`` ones on the left."""
    row = QHBoxLayout()
    for widget in leading:
        row.addWidget(widget)
    row.addStretch(1)
    for widget in buttons:
        row.addWidget(widget)
    return row
