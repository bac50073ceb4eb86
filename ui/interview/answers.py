"""The answer area for one question: large buttons for yes/no and choices, fields for the rest.

"Not sure" and "does not want to say" are always offered (the bank accepts them for every
question and never counts them as signs). The panel only reports the value; the page checks it
against the question (app.interview.answers) and saves it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from app.i18n import N_, _
from app.i18n.content import FIXED_ANSWERS, ctext
from ui.widgets import button_row

DECLINED, NOT_SURE = "declined", "not_sure"
YES_NO_LABELS = {"yes": N_("Yes"), "no": N_("No"), NOT_SURE: N_("Not sure"), DECLINED: N_("Does not want to say")}
SHORTCUT_HINTS = {"yes": "Y", "no": "N", NOT_SURE: "?", DECLINED: "D"}


class BilingualButton(QPushButton):
    """A large answer button: the staff language on top, her language below in her own font."""

    def __init__(self, staff_text: str, person_text: str | None, person_font, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setProperty("kind", "answer")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 6, 12, 6)
        column.setSpacing(2)
        self.staff_label = QLabel(staff_text)
        self.person_label = QLabel(person_text or "")
        for label in (self.staff_label, self.person_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            column.addWidget(label)
        if person_font is not None:
            self.person_label.setFont(person_font)
        self.person_label.setVisible(bool(person_text))
        self.setMinimumHeight(62 if not person_text else 84)

    def text(self) -> str:  # for tests and accessibility: both languages
        return "\n".join(t for t in (self.staff_label.text(), self.person_label.text()) if t)


class AnswerPanel(QWidget):
    answered = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("answerPanel")
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(0, 0, 0, 0)
        self._box: QWidget | None = None
        self.layout_ = QVBoxLayout()
        self.question = None
        self.buttons: dict[str, QPushButton] = {}
        self.field = None

    def clear(self) -> None:
        """Drop the previous question's controls at once (a fresh container each question)."""
        if self._box is not None:
            self._box.hide()
            self._box.setParent(None)
            self._box.deleteLater()
        self._box = QWidget(self)
        self.layout_ = QVBoxLayout(self._box)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(10)
        self._outer.addWidget(self._box)
        self.buttons, self.field, self.question = {}, None, None
        self.person_lang, self.person_font = None, None

    def show_question(self, question, lang: str, current=None, person_lang: str | None = None,
                      person_font=None) -> None:
        """Build the answer controls for ``question`` in the staff language ``lang`` and, below
        each, her language ``person_lang``; ``current`` pre-selects a kept answer."""
        self.clear()
        self.question = question
        self.person_lang, self.person_font = (person_lang if person_lang != lang else None), person_font
        if question.type == "yes_no":
            self._choice_grid([(v, _(YES_NO_LABELS[v]) + f"  ({SHORTCUT_HINTS[v]})", person_answer(v, self.person_lang))
                               for v in ("yes", "no")], current)
        elif question.type in ("single", "multi"):
            self._choice_grid([(c.value, ctext(c.text, lang), ctext(c.text, self.person_lang) if self.person_lang else None)
                               for c in question.choices], current, checkable=question.type == "multi")
        else:
            self._field(question, current)
        self._non_answers(question.type == "yes_no", current)

    def _choice_grid(self, items, current, checkable: bool = False) -> None:
        grid = QGridLayout()
        grid.setSpacing(10)
        columns = 1 if len(items) > 6 or checkable else 2
        chosen = set(current) if isinstance(current, list) else {current}
        for n, (value, text, person_text) in enumerate(items):
            button = BilingualButton(text, person_text, self.person_font, f"answer_{value}")
            button.setCheckable(checkable or value in chosen)
            button.setChecked(value in chosen)
            if not checkable:
                button.clicked.connect(lambda _=False, v=value: self.answered.emit(v))
            self.buttons[value] = button
            grid.addWidget(button, n // columns, n % columns)
        self.layout_.addLayout(grid)
        if checkable:
            self._next_button(lambda: self.answered.emit([v for v, b in self.buttons.items() if b.isChecked()]))

    def _field(self, question, current) -> None:
        field = QLineEdit(objectName="answerText")
        if question.type == "number":
            low = int(question.minimum) if question.minimum is not None else 0
            high = int(question.maximum) if question.maximum is not None else 10**6
            field.setValidator(QIntValidator(low, high, field))
            field.setMaxLength(len(str(high)))
            field.setPlaceholderText(f"{low}–{high}")
        elif question.type == "date":
            field.setPlaceholderText(_("Year, or year-month, or year-month-day: 2024, 2024-05, 2024-05-17"))
            field.setMaxLength(10)
        else:
            field.setMaxLength(question.max_length or 200)
        if isinstance(current, (int, float)) or (isinstance(current, str) and current not in (DECLINED, NOT_SURE)):
            field.setText(str(current))

        def value():
            text = field.text().strip()
            return int(text) if question.type == "number" and text.lstrip("-").isdigit() else text

        field.returnPressed.connect(lambda: self.answered.emit(value()))
        font = field.font()
        font.setPointSize(font.pointSize() + 4)
        field.setFont(font)
        field.setMinimumHeight(48)
        self.field = field
        self.layout_.addWidget(field)
        field.setFocus()
        self._next_button(lambda: self.answered.emit(value()))

    def _next_button(self, slot) -> None:
        button = QPushButton(_("Save answer and continue"))
        button.setObjectName("answerNext")
        button.setDefault(True)
        button.clicked.connect(slot)
        row = button_row(button)
        self.layout_.addLayout(row)

    def _non_answers(self, with_hints: bool, current) -> None:
        row = QHBoxLayout()
        for value in (NOT_SURE, DECLINED):
            text = _(YES_NO_LABELS[value]) + f"  ({SHORTCUT_HINTS[value]})"
            button = BilingualButton(text, person_answer(value, self.person_lang), self.person_font, f"answer_{value}")
            button.setCheckable(current == value)
            button.setChecked(current == value)
            button.clicked.connect(lambda _=False, v=value: self.answered.emit(v))
            self.buttons[value] = button
            row.addWidget(button)
        self.layout_.addLayout(row)

    def key_value(self, key: int) -> str | None:
        """The answer a shortcut key gives for this question, if any (Y, N, ?, D)."""
        keys = {Qt.Key.Key_Question: NOT_SURE, Qt.Key.Key_D: DECLINED}
        if self.question is not None and self.question.type == "yes_no":
            keys.update({Qt.Key.Key_Y: "yes", Qt.Key.Key_N: "no"})
        return keys.get(Qt.Key(key))


def person_answer(value: str, person_lang: str | None) -> str | None:
    """One of the four fixed answers in her language (None when she reads the staff language)."""
    return ctext(FIXED_ANSWERS[value], person_lang) if person_lang else None
