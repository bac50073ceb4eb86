"""One consultation line, added or edited by a supervisor.

The form edits what a supervisor can check by phone: names, number, hours, purpose, languages,
where it prints, its order and when it was checked. Everything else of the entry (further
numbers, the hidden flag) is carried over unchanged. The result is validated by
``Contact.from_dict``, and a problem is shown next to the field's own label.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox, QDateEdit, QDialog, QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QSpinBox, QVBoxLayout,
    QWidget,
)

from app.contacts.model import Contact, ContactError
from app.i18n import N_, _
from ui.widgets import MessageLabel, button_row, hint_label, title_label

TEXT_FIELDS = (
    ("name_ja", N_("Name in Japanese")),
    ("name_en", N_("Name in English")),
    ("number", N_("Phone number")),
    ("hours_ja", N_("Hours in Japanese")),
    ("hours_en", N_("Hours in English")),
    ("purpose_ja", N_("What it is for, in Japanese")),
    ("purpose_en", N_("What it is for, in English")),
    ("source", N_("Where the number comes from")),
    ("notes", N_("Notes for staff (never printed)")),
)
FLAGS = (
    ("free_call", N_("Free call")),
    ("other_languages", N_("Help in other languages")),
    ("leaflet", N_("Print on the A4 leaflet")),
    ("card", N_("Print on the wallet card")),
)
OTHER_LABELS = {
    "id": N_("Short code"),
    "languages": N_("Languages"),
    "priority": N_("Order"),
    "last_checked": N_("Last checked"),
    "other_numbers": N_("Other numbers"),
    "hidden": N_("Hidden"),
}
LABELS = dict(TEXT_FIELDS + FLAGS) | OTHER_LABELS


def label(name: str) -> str:
    """The form's label for an entry field, in the staff language."""
    return _(LABELS[name])


def new_id(name_en: str, taken: set[str]) -> str:
    """``local_`` and the English name as a short code, unique among ``taken``."""
    slug = re.sub(r"[^a-z0-9]+", "_", name_en.lower()).strip("_")[:30] or "line"
    base = f"local_{slug}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    return candidate


class ContactForm(QDialog):
    """Add a line (``entry`` None) or edit ``entry``; ``result_entry`` holds the valid result."""

    def __init__(self, parent: QWidget, entry: Contact | None, today: date, taken: set[str]) -> None:
        super().__init__(parent)
        self.setObjectName("contactForm")
        self.setWindowTitle("Tsunagu")
        self.setMinimumWidth(620)
        self._entry, self._taken = entry, set(taken)
        self.result_entry: Contact | None = None
        self.id = QLineEdit(objectName="contact_id")
        self.id.setPlaceholderText(_("made from the English name if left empty"))
        self.texts = {name: QLineEdit(objectName=f"contact_{name}") for name, _label in TEXT_FIELDS}
        self.flags = {name: QCheckBox(_(text), objectName=f"contact_{name}") for name, text in FLAGS}
        self.languages = QLineEdit(objectName="contact_languages")
        self.priority = QSpinBox(objectName="contact_priority")
        self.priority.setRange(0, 9999)
        self.checked = QDateEdit(objectName="contact_last_checked")
        self.checked.setDisplayFormat("yyyy-MM-dd")
        self.checked.setCalendarPopup(True)
        self.message = MessageLabel("message")
        self._fill(entry, today)

        form = QFormLayout()
        form.setSpacing(8)
        form.addRow(label("id"), self.id if entry is None else hint_label(entry.id))
        for name, text in TEXT_FIELDS:
            form.addRow(_(text), self.texts[name])
        form.addRow(label("languages"), self.languages)
        form.addRow("", hint_label(_("Language codes separated by commas, for example: ja, en, zh_Hans")))
        flags = QHBoxLayout()
        for box in self.flags.values():
            flags.addWidget(box)
        flags.addStretch(1)
        form.addRow("", flags)
        form.addRow(label("priority"), self.priority)
        form.addRow("", hint_label(_("Lower numbers come first: the police emergency line 110 is 10.")))
        form.addRow(label("last_checked"), self.checked)
        ok = QPushButton(_("Save"), objectName="contactOk")
        ok.setDefault(True)
        cancel = QPushButton(_("Cancel"))
        buttons = button_row(cancel, ok)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(title_label(_("Add a line") if entry is None else _("Edit a line")))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        ok.clicked.connect(self.attempt)
        cancel.clicked.connect(self.reject)

    def _fill(self, entry: Contact | None, today: date) -> None:
        if entry is None:
            self.languages.setText("ja")
            self.flags["leaflet"].setChecked(True)
            self.priority.setValue(100)
            self.checked.setDate(QDate(today.year, today.month, today.day))
            return
        for name, field in self.texts.items():
            field.setText(getattr(entry, name))
        for name, box in self.flags.items():
            box.setChecked(getattr(entry, name))
        self.languages.setText(", ".join(entry.languages))
        self.priority.setValue(entry.priority)
        d = entry.last_checked
        self.checked.setDate(QDate(d.year, d.month, d.day))

    def values(self) -> dict:
        """The form as a dict for ``Contact.from_dict``, over the original entry's other fields."""
        data = self._entry.to_dict() if self._entry is not None else {}
        data.pop("local", None)
        for name, field in self.texts.items():
            data[name] = field.text().strip()
        for name, box in self.flags.items():
            data[name] = box.isChecked()
        data["languages"] = [x for x in re.split(r"[\s,、，]+", self.languages.text()) if x]
        data["priority"] = self.priority.value()
        data["last_checked"] = self.checked.date().toString("yyyy-MM-dd")
        if self._entry is None:
            data["id"] = self.id.text().strip() or new_id(data["name_en"], self._taken)
        return data

    def attempt(self) -> None:
        data = self.values()
        if self._entry is None and data["id"] in self._taken:
            self.message.show_text(_("The short code {id} is already used by another line.").format(id=data["id"]))
            return
        try:
            self.result_entry = Contact.from_dict(data, where="local")
        except ContactError as exc:
            self.message.show_text(field_problem(exc))
            return
        self.accept()


def field_problem(exc: ContactError) -> str:
    """``Phone number: not a phone number``: the form's own label, then the problem."""
    field = str(exc.params.get("field", ""))
    if field not in LABELS:
        return exc.message()
    return _("{field}: {problem}").format(field=label(field), problem=_(str(exc.params["problem"])))
