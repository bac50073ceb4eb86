"""The case list: search as you type (debounced), a status filter, names hidden by default.

The table is a QAbstractTableModel over at most ``LIMIT`` summaries from repo.search_cases, so a
store of 100,000 cases stays responsive. Showing real names is a deliberate, audited switch,
turned off again whenever Tsunagu locks.
"""

from __future__ import annotations


from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
    QTableView, QVBoxLayout, QWidget,
)

from app.cases import names, residence
from app.cases import repo
from app.cases.model import STATUS_LABELS, CaseSummary
from app.i18n import N_, _, current_language

SEARCH_DELAY_MS = 150
LIMIT = 500
COLUMN_PADDING = 16

COLUMNS = (
    ("number", N_("Case number")),
    ("alias", N_("Alias")),
    ("real_name", N_("Name")),
    ("nationality", N_("Nationality")),
    ("age", N_("Age")),
    ("residence", N_("Status of residence")),
    ("status", N_("Status")),
    ("updated", N_("Updated")),
)


def local_time(iso_utc: str) -> str:
    """A stored UTC time as local time, written the staff language's way (one library: babel)."""
    from app.i18n.dates import format_timestamp

    return format_timestamp(iso_utc, current_language())


class CaseTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[CaseSummary] = []
        self.show_names = False
        self.lang = "en"
        self._country_names: dict[str, str] = {}

    def columns(self) -> list[tuple[str, str]]:
        return [c for c in COLUMNS if self.show_names or c[0] != "real_name"]

    def set_rows(self, rows: list[CaseSummary], *, show_names: bool, lang: str) -> None:
        self.beginResetModel()
        self.rows = rows
        self.show_names = show_names
        if lang != self.lang:
            self._country_names = {}
        self.lang = lang
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self.rows = []
        self.show_names = False
        self._country_names = {}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt's names)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns())

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        cols = self.columns()
        return _(cols[section][1]) if 0 <= section < len(cols) else None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(self.rows[index.row()], self.columns()[index.column()][0])
        if role == Qt.ItemDataRole.UserRole:
            return self.rows[index.row()].id
        return None

    def text(self, row: CaseSummary, column: str) -> str:
        if column == "number":
            return row.number
        if column == "alias":
            return row.alias
        if column == "real_name":
            return row.real_name
        if column == "nationality":
            return self._country(row.nationality)
        if column == "age":
            return "" if row.age is None else str(row.age)
        if column == "residence":
            try:
                return residence.label(row.residence_status, self.lang)
            except ValueError:
                return row.residence_status
        if column == "status":
            return _(STATUS_LABELS.get(row.status, row.status))
        if column == "updated":
            return local_time(row.updated_at)
        return ""

    def _country(self, code: str) -> str:
        name = self._country_names.get(code)
        if name is None:
            name = self._country_names[code] = names.country_name(code, self.lang)
        return name


class CaseListPage(QWidget):
    open_case = Signal(int)
    new_case = Signal()

    def __init__(self, win, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseListPage")
        self._win = win
        self.search = QLineEdit()
        self.search.setObjectName("caseSearch")
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.setObjectName("statusFilter")
        self.names_toggle = QCheckBox()
        self.names_toggle.setObjectName("showNames")
        self.new_button = QPushButton()
        self.new_button.setObjectName("newCase")
        self.model = CaseTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("caseTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.count = QLabel()
        self.count.setProperty("kind", "hint")
        self._sized = False
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(SEARCH_DELAY_MS)

        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.search, 1)
        top.addWidget(self.status)
        top.addWidget(self.names_toggle)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

        self.search.textChanged.connect(self.debounce.start)
        self.debounce.timeout.connect(self.refresh)
        self.status.currentIndexChanged.connect(self.refresh)
        self.names_toggle.toggled.connect(self._names_toggled)
        self.new_button.clicked.connect(self.new_case)
        self.table.activated.connect(self._activated)
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(_("Search by case number, alias or nationality"))
        current = self.status.currentData()
        self.status.blockSignals(True)
        self.status.clear()
        self.status.addItem(_("All statuses"), "")
        for code, label in STATUS_LABELS.items():
            self.status.addItem(_(label), code)
        self.status.setCurrentIndex(max(0, self.status.findData(current or "")))
        self.status.blockSignals(False)
        self.names_toggle.setText(_("Show names"))
        self.new_button.setText(_("New case"))
        if self._win.session_open:
            self.refresh()

    # -- data --------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.debounce.stop()
        if not self._win.session_open:
            return
        show = self.names_toggle.isChecked()
        lang = current_language()
        rows = repo.search_cases(
            self._win.session, self.search.text(), self.status.currentData() or None,
            lang=lang, with_names=show, limit=LIMIT,
        )
        layout_before = (self.model.columnCount(), self.model.lang)
        self.model.set_rows(rows, show_names=show, lang=lang)
        if rows and (layout_before != (self.model.columnCount(), lang) or not self._sized):
            self.table.resizeColumnsToContents()  # once per column layout, not per keystroke
            for col in range(self.model.columnCount()):
                self.table.setColumnWidth(col, self.table.columnWidth(col) + COLUMN_PADDING)
            self._sized = True
        if len(rows) >= LIMIT:
            self.count.setText(
                _("Showing the newest {count} matches. Type more to narrow the search.").format(count=LIMIT))
        else:
            self.count.setText(_("Cases shown: {count}").format(count=len(rows)))

    def _names_toggled(self, on: bool) -> None:
        if not self._win.session_open:
            return
        repo.set_names_shown(self._win.session, on)
        self.refresh()

    def hide_names(self) -> None:
        """Names off without a new audit row (the caller records it, or the store is closing)."""
        self.names_toggle.blockSignals(True)
        self.names_toggle.setChecked(False)
        self.names_toggle.blockSignals(False)

    def _activated(self, index: QModelIndex) -> None:
        case_id = self.model.data(index, Qt.ItemDataRole.UserRole)
        if case_id is not None:
            self.open_case.emit(int(case_id))

    def clear(self) -> None:
        """Forget everything shown (lock)."""
        self.debounce.stop()
        self.hide_names()
        self.search.blockSignals(True)
        self.search.setText("")
        self.search.blockSignals(False)
        self.status.blockSignals(True)
        self.status.setCurrentIndex(0)
        self.status.blockSignals(False)
        self.model.clear()
        self.count.clear()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
