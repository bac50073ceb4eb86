"""Pickers whose names come from CLDR in the staff language: nationality and languages spoken.

Codes are what the case stores (ISO 3166 alpha-2, CLDR language codes); names are looked up at
display time, so a Japanese and an English speaker see the same case in their own words.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox, QCompleter, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget,
)

from app.cases import names
from app.errors import UserError
from app.i18n import N_, current_language

CODE_ROLE = Qt.ItemDataRole.UserRole


class NationalityCombo(QComboBox):
    """An editable combo of country names with a contains-match completer; ``code()`` reads it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nationality")
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.fill()

    def fill(self) -> None:
        """(Re)build the items in the staff language, keeping the chosen country."""
        lang = current_language()
        keep = self.code_or_none()
        self.blockSignals(True)
        self.clear()
        self.addItem(names.country_name(names.UNKNOWN, lang), names.UNKNOWN)
        self.addItem(names.country_name(names.STATELESS, lang), names.STATELESS)
        for code, name in names.countries(lang):
            self.addItem(name, code)
        self.set_code(keep or names.UNKNOWN)
        self.blockSignals(False)

    def set_code(self, code: str) -> None:
        index = self.findData(code)
        if index < 0:  # a code CLDR no longer lists: keep it rather than lose it
            self.addItem(code, code)
            index = self.count() - 1
        self.setCurrentIndex(index)
        self.setEditText(self.itemText(index))

    def code_or_none(self) -> str | None:
        text = self.currentText().strip()
        if not text:
            return names.UNKNOWN
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        return self.itemData(index) if index >= 0 else None

    def code(self) -> str:
        code = self.code_or_none()
        if code is None:
            raise UserError(N_("Choose a nationality from the list."))
        return code


def _other_language_codes() -> list[str]:
    from babel import localedata

    common = set(names.COMMON_LANGUAGES)
    return [c for c in localedata.locale_identifiers() if "_" not in c and c != "root" and c not in common]


class LanguagePicker(QWidget):
    """Checkable languages, the common ones first, with a filter box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit()
        self.filter.setObjectName("languageFilter")
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setObjectName("languages")
        self.list.setMinimumHeight(180)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self.filter.textChanged.connect(self._apply_filter)
        self.fill()

    def fill(self) -> None:
        lang = current_language()
        keep = self.codes()
        self.list.clear()
        bold = QFont(self.list.font())
        bold.setBold(True)
        for code in names.COMMON_LANGUAGES:
            self._add(code, names.language_name(code, lang), bold)
        others = [(names.language_name(c, lang), c) for c in _other_language_codes()]
        for name, code in sorted((n, c) for n, c in others if n != c):
            self._add(code, name, None)
        self.set_codes(keep)
        self._apply_filter()

    def _add(self, code: str, name: str, font: QFont | None) -> QListWidgetItem:
        item = QListWidgetItem(name, self.list)
        item.setData(CODE_ROLE, code)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        if font is not None:
            item.setFont(font)
        return item

    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def codes(self) -> tuple[str, ...]:
        return tuple(i.data(CODE_ROLE) for i in self.items() if i.checkState() == Qt.CheckState.Checked)

    def set_codes(self, codes) -> None:
        wanted = list(codes)
        present = {i.data(CODE_ROLE): i for i in self.items()}
        for code in wanted:
            if code not in present:  # keep an unusual stored code visible and checked
                present[code] = self._add(code, names.language_name(code, current_language()), None)
        for code, item in present.items():
            item.setCheckState(Qt.CheckState.Checked if code in wanted else Qt.CheckState.Unchecked)

    def check(self, code: str, on: bool = True) -> None:
        for item in self.items():
            if item.data(CODE_ROLE) == code:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _apply_filter(self) -> None:
        needle = self.filter.text().strip().casefold()
        for item in self.items():
            hit = not needle or needle in item.text().casefold() or needle == str(item.data(CODE_ROLE)).casefold()
            item.setHidden(not hit)

    def clear_all(self) -> None:
        self.filter.setText("")
        self.set_codes(())
        self.list.scrollToTop()
