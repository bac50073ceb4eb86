"""The consultation lines printed on leaflets, managed by a supervisor or administrator.

Shipped lines (from the 2014 annual report) and the office's own are listed together; a line
not checked for more than a year is marked with its date. A supervisor adds a local line (the
police station, the shelter), edits one (a shipped line edited becomes a local copy that
replaces it), hides one that no longer exists, or records "checked today". Each change is saved
at once through app.store.local_contacts, which checks the role again and audits it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QPushButton, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from app.contacts.model import Contact
from app.errors import UserError
from app.i18n import _, current_language
from app.roles import Permission
from ui.printing.contact_form import ContactForm
from ui.widgets import MessageLabel, confirm, hint_label, title_label

STALE_BACKGROUND = QColor("#fff6dd")
ID_ROLE = Qt.ItemDataRole.UserRole


def _plain(entry: Contact) -> dict:
    return entry.to_dict() | {"local": False}


class ContactsDialog(QDialog):
    def __init__(self, win, parent: QWidget | None = None, *, today: date | None = None) -> None:
        from app.contacts.directory import load_defaults
        from app.store.local_contacts import load_local_entries

        super().__init__(parent or win)
        self.setObjectName("contactsDialog")
        self.setWindowTitle("Tsunagu")
        self.setMinimumSize(820, 520)
        self._win = win
        self.today = today or date.today()
        self._defaults = {e.id: e for e in load_defaults()}
        self._local = {e.id: replace(e, local=True) for e in load_local_entries(win.session)}
        self.table = QTableWidget(0, 5, objectName="contactsTable")
        self.table.setHorizontalHeaderLabels([_("Line"), _("Number"), _("Last checked"), _("Kind"), _("Status")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.message = MessageLabel("message")
        self.info = MessageLabel("info")
        self.add_button = QPushButton(_("Add a line…"), objectName="addContact")
        self.edit_button = QPushButton(_("Edit…"), objectName="editContact")
        self.checked_button = QPushButton(_("Checked today"), objectName="checkedToday")
        self.hide_button = QPushButton(_("Hide"), objectName="hideContact")
        self.remove_button = QPushButton(_("Remove local change…"), objectName="removeContact")
        close = QPushButton(_("Close"), objectName="closeContacts")
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.checked_button, self.hide_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(title_label(_("Consultation lines")))
        layout.addWidget(hint_label(_(
            "These lines are printed on the leaflets and cards. Numbers change: call a line to check it, "
            "then choose “Checked today”. Lines not checked for more than a year are marked. Add your "
            "local police station or shelter with “Add a line…”; an address is never printed."
        )))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.info)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.checked_button.clicked.connect(self.mark_checked)
        self.hide_button.clicked.connect(self.toggle_hidden)
        self.remove_button.clicked.connect(self.remove_local)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        close.clicked.connect(self.accept)
        self.refresh()

    # -- the list ----------------------------------------------------------------------------
    def entries(self) -> list[Contact]:
        """Every line, hidden ones too: the local entry where there is one, by print order."""
        merged = dict(self._defaults) | self._local
        return sorted(merged.values(), key=lambda e: (e.priority, e.id))

    def refresh(self, select: str | None = None) -> None:
        select = select or self.selected_id(quiet=True)
        entries = self.entries()
        self.table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            name = e.name_ja if current_language() == "ja" else e.name_en
            stale = e.stale(self.today)
            checked = e.last_checked.isoformat()
            if stale:
                checked = _("{date} (over a year ago: check it)").format(date=checked)
            cells = (name, e.number or "—", checked, self._kind(e), self._status(e))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, e.id)
                if stale and col == 2:
                    item.setBackground(QBrush(STALE_BACKGROUND))
                self.table.setItem(row, col, item)
            if e.id == select:
                self.table.selectRow(row)
        self._selection_changed()

    def _kind(self, e: Contact) -> str:
        if e.id not in self._local:
            return _("Shipped")
        return _("Local change") if e.id in self._defaults else _("Local")

    @staticmethod
    def _status(e: Contact) -> str:
        if e.hidden:
            return _("Hidden")
        return _("Printed") if e.number and (e.leaflet or e.card) else _("Not printed")

    def selected_id(self, *, quiet: bool = False) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            if not quiet:
                self.message.show_text(_("Choose a line in the list first."))
            return None
        return self.table.item(rows[0].row(), 0).data(ID_ROLE)

    def current(self, entry_id: str) -> Contact:
        return self._local.get(entry_id) or self._defaults[entry_id]

    def _selection_changed(self) -> None:
        entry_id = self.selected_id(quiet=True)
        entry = self.current(entry_id) if entry_id else None
        for b in (self.edit_button, self.checked_button, self.hide_button):
            b.setEnabled(entry is not None)
        self.hide_button.setText(_("Show again") if entry is not None and entry.hidden else _("Hide"))
        self.remove_button.setEnabled(entry_id in self._local)
        if entry_id in self._local:
            shipped = entry_id in self._defaults
            self.remove_button.setText(_("Use the shipped line again…") if shipped else _("Remove line…"))

    # -- changes -----------------------------------------------------------------------------
    def _save(self, local: dict[str, Contact], done_text: str, select: str | None = None) -> bool:
        """Save the office's entries; a local copy identical to its shipped line is dropped."""
        from app.store.local_contacts import save_local_entries

        self.message.clear()
        if not self._win.session_open:
            self.reject()
            return False
        kept = {i: e for i, e in local.items() if i not in self._defaults or _plain(e) != _plain(self._defaults[i])}
        try:
            save_local_entries(self._win.session, list(kept.values()))
        except UserError as exc:
            self.message.show_text(exc.message())
            return False
        self._local = {i: replace(e, local=True) for i, e in kept.items()}
        self.info.show_text(done_text)
        self.refresh(select)
        return True

    def _put(self, entry: Contact, done_text: str) -> bool:
        return self._save(self._local | {entry.id: entry}, done_text, entry.id)

    def add(self) -> None:
        taken = set(self._defaults) | set(self._local)
        form = ContactForm(self, None, self.today, taken)
        if self._run(form) and form.result_entry is not None:
            self._put(form.result_entry, _("The line was added."))

    def edit(self) -> None:
        entry_id = self.selected_id()
        if not entry_id:
            return
        form = ContactForm(self, self.current(entry_id), self.today, set())
        if self._run(form) and form.result_entry is not None:
            self._put(form.result_entry, _("The line was saved."))

    def mark_checked(self) -> None:
        entry_id = self.selected_id()
        if entry_id:
            entry = replace(self.current(entry_id), last_checked=self.today)
            self._put(entry, _("Recorded as checked today."))

    def toggle_hidden(self) -> None:
        entry_id = self.selected_id()
        if entry_id:
            entry = self.current(entry_id)
            done = _("The line is shown again.") if entry.hidden else _("The line is hidden: it is no longer printed.")
            self._put(replace(entry, hidden=not entry.hidden), done)

    def remove_local(self) -> None:
        entry_id = self.selected_id()
        if not entry_id or entry_id not in self._local:
            return
        shipped = entry_id in self._defaults
        question = (_("Undo this office's changes to the line and use the shipped one again?") if shipped
                    else _("Remove this line? It will no longer be printed."))
        if not confirm(self, question, _("Remove") if not shipped else _("Use the shipped line"), _("Cancel"),
                       name="confirmRemoveContact"):
            return
        local = {i: e for i, e in self._local.items() if i != entry_id}
        self._save(local, _("The line was removed.") if not shipped else _("The shipped line is used again."),
                   entry_id if shipped else None)

    def _run(self, dialog: QDialog) -> bool:
        self.message.clear()
        self.info.clear()
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return accepted and self._win.session_open


def open_contacts(win) -> None:
    """The menu's "Consultation lines…": supervisors and administrators only."""
    from ui.errors import show_user_error

    if not win.session_open or not win.session.account.may(Permission.EDIT_OFFICE):
        return
    try:
        dialog = ContactsDialog(win)
    except UserError as exc:
        show_user_error(win, exc)
        return
    dialog.exec()
    dialog.deleteLater()
