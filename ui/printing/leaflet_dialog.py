"""Leaflets and wallet cards for the person to keep, from the menu, for any signed-in staff.

The dialog takes a language, a format, the directory and a date: never a case, a person or the
session (R20: a leaflet cannot be made from a case record). ``open_leaflets`` reads the
office's consultation lines through the session and hands the dialog an ``audit`` function;
that is all the session is used for. Warnings (numbers not checked for over a year, texts not
yet translated) stand above the preview, and the preview changes as the choices do.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QComboBox, QFormLayout, QFrame, QScrollArea, QWidget

from app.contacts.directory import Directory
from app.errors import UserError
from app.i18n import N_, _, current_language
from app.i18n.content import INTERVIEW_LANGUAGES
from app.printing.leaflet import FORMATS, build_leaflet, leaflet_warnings
from app.store import audit as audit_events
from ui.printing.preview import PdfDialog, live_session
from ui.widgets import MessageLabel, busy_cursor

FORMAT_LABELS = {"a4": N_("Leaflet (A4)"), "card": N_("Wallet card (91 × 55 mm, front and back)")}

AuditFn = Callable[[str, str], None]
WARNINGS_HEIGHT = 120


def language_label(code: str) -> str:
    """Her language in its own script, then in the staff language: ``ไทย — Thai``."""
    from app.cases.names import language_name, native_language_name

    native, staff = native_language_name(code), language_name(code, current_language())
    return native if native == staff else f"{native} — {staff}"


class LeafletDialog(PdfDialog):
    def __init__(self, parent: QWidget, directory: Directory, today: date, audit: AuditFn,
                 lang: str = "en", fmt: str = "a4") -> None:
        super().__init__(parent, b"", suggested_name="", title=_("Leaflets and cards"),
                         on_printed=lambda: self._audit(audit_events.LEAFLET_PRINTED),
                         on_saved=lambda: self._audit(audit_events.LEAFLET_SAVED))
        self.setObjectName("leafletDialog")
        self._directory, self._today, self._audit_fn = directory, today, audit
        self.language = QComboBox(objectName="leafletLanguage")
        for code in INTERVIEW_LANGUAGES:
            self.language.addItem(language_label(code), code)
        self.format = QComboBox(objectName="leafletFormat")
        for fmt_code in FORMATS:
            self.format.addItem(_(FORMAT_LABELS[fmt_code]), fmt_code)
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        self.format.setCurrentIndex(max(0, self.format.findData(fmt)))
        self.warnings = MessageLabel("reminder")
        self.warnings.setObjectName("leafletWarnings")
        self.warnings_box = QScrollArea(objectName="leafletWarningsBox")
        self.warnings_box.setWidget(self.warnings)
        self.warnings_box.setWidgetResizable(True)
        self.warnings_box.setFrameShape(QFrame.Shape.NoFrame)
        self.warnings_box.setMaximumHeight(WARNINGS_HEIGHT)  # the preview keeps most of the room
        form = QFormLayout()
        form.addRow(_("Her language"), self.language)
        form.addRow(_("Format"), self.format)
        self.header.addLayout(form)
        self.header.addWidget(self.warnings_box)
        self.language.currentIndexChanged.connect(lambda _i: self.rebuild())
        self.format.currentIndexChanged.connect(lambda _i: self.rebuild())
        self.rebuild()

    @property
    def choice(self) -> tuple[str, str]:
        return self.language.currentData(), self.format.currentData()

    def rebuild(self) -> None:
        """Build the chosen leaflet in memory and show it with its warnings."""
        lang, fmt = self.choice
        try:
            with busy_cursor():
                warnings = leaflet_warnings(lang, self._directory, self._today)
                data = build_leaflet(lang, fmt, self._directory, self._today)
        except UserError as exc:  # a missing font, a card text too long to fit
            self.warnings.clear()
            self.warnings_box.setVisible(False)
            self.clear_document(exc.message())
            return
        self.warnings.show_text("\n".join("• " + w for w in warnings))
        self.warnings_box.setVisible(bool(warnings))
        self.set_document(data, f"leaflet-{lang}-{fmt}.pdf")

    def _audit(self, event: str) -> None:
        lang, fmt = self.choice
        self._audit_fn(event, f"leaflet:{lang}:{fmt}")


def session_audit(win) -> AuditFn:
    """Audit through the window's session while it is open (a lock closes this dialog anyway)."""

    def write(event: str, subject: str) -> None:
        live_session(win).audit(event, subject)

    return write


def open_leaflets(win) -> None:
    """The menu's "Leaflets and cards…": any signed-in staff member."""
    from app.store.local_contacts import load_directory
    from ui.errors import show_user_error

    if not win.session_open:
        return
    try:
        directory = load_directory(win.session)
    except UserError as exc:
        show_user_error(win, exc)
        return
    dialog = LeafletDialog(win, directory, date.today(), session_audit(win))
    dialog.exec()
    dialog.deleteLater()
