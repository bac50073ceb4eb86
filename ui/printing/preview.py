"""See a PDF before it leaves the program: a page preview, and a dialog to print or save it.

``PdfPreview`` shows any PDF bytes (leaflets here, referral packets elsewhere) as page images
in a scroll area, fit to the width or at a chosen zoom, with "Page x of y". ``PdfDialog`` adds
Print… (the pages painted onto the printer by PDFium: no temp file, no Qt PDF engine), Save as
PDF… (a warning first, then our private file dialog and an atomic 0600 write) and Close. The
caller's ``on_printed`` and ``on_saved`` write the audit row. The dialog forgets the bytes and
the page images when it closes, which a lock forces.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox, QDialog, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from app.errors import UserError
from app.i18n import N_, _
from ui.printing import files, render
from ui.widgets import MessageLabel, busy_cursor, title_label

FIT_WIDTH = 0.0
ZOOMS = (FIT_WIDTH, 0.5, 0.75, 1.0, 1.5, 2.0)
MARGIN = 16
MIN_SCALE = 0.2  # pixels per point: a page never shrinks to a smudge


def live_session(win):
    """The window's open session, for a print or save callback; a UserError once it is locked
    (a lock closes these dialogs, so this only guards a callback already under way)."""
    if not win.session_open:
        raise UserError(N_("The store is locked."))
    return win.session


class PdfPreview(QWidget):
    """Pages of a PDF, one under the other, on a grey ground; re-rendered when the width changes."""

    page_changed = Signal(int, int)  # current page (1-based), page count

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self._data = b""
        self._sizes: list[tuple[float, float]] = []
        self._labels: list[QLabel] = []
        self._rendered_scale = 0.0
        self.zoom = QComboBox(objectName="pdfZoom")
        for value in ZOOMS:
            self.zoom.addItem(_("Fit width") if value == FIT_WIDTH else f"{round(value * 100)} %", value)
        self.page_label = QLabel(objectName="pdfPageLabel")
        self.pages_box = QWidget(objectName="pdfPages")
        self.pages_box.setStyleSheet("QWidget#pdfPages { background: #8a8a8a; }")
        self._pages_layout = QVBoxLayout(self.pages_box)
        self._pages_layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        self._pages_layout.setSpacing(MARGIN)
        self._pages_layout.addStretch(1)
        self.scroll = QScrollArea(objectName="pdfScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.pages_box)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # no width see-saw
        self._centre = Qt.AlignmentFlag.AlignHCenter
        self._timer = QTimer(self, singleShot=True, interval=80)
        self._timer.timeout.connect(self.render_now)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(_("Zoom")))
        bar.addWidget(self.zoom)
        bar.addStretch(1)
        bar.addWidget(self.page_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)
        self.zoom.currentIndexChanged.connect(lambda _i: self.render_now())
        self.scroll.verticalScrollBar().valueChanged.connect(lambda _v: self._update_page_label())

    # -- the document ------------------------------------------------------------------------
    def set_pdf(self, data: bytes) -> None:
        """Show ``data`` (UserError if PDFium cannot read it; the old pages are gone either way)."""
        self.clear()
        sizes = render.page_sizes(data)
        self._data, self._sizes = bytes(data), sizes
        for i in range(len(sizes)):
            label = QLabel(objectName="pdfPage")
            label.setAccessibleName(_("Page {page}").format(page=i + 1))
            self._pages_layout.insertWidget(i, label, 0, self._centre)
            self._labels.append(label)
        self.render_now()
        self.scroll.verticalScrollBar().setValue(0)
        self._update_page_label()

    def clear(self) -> None:
        """Forget the bytes and every page image."""
        self._timer.stop()
        for label in self._labels:
            label.clear()
            self._pages_layout.removeWidget(label)
            label.deleteLater()
        self._labels, self._sizes, self._data = [], [], b""
        self._rendered_scale = 0.0
        self.page_label.clear()

    @property
    def data(self) -> bytes:
        return self._data

    def page_count(self) -> int:
        return len(self._sizes)

    def page_pixmaps(self) -> list[QPixmap]:
        return [label.pixmap() for label in self._labels]

    # -- drawing -----------------------------------------------------------------------------
    def scale(self) -> float:
        """Pixels per point for the current zoom (fit width: the widest page fills the view)."""
        zoom = self.zoom.currentData()
        if zoom == FIT_WIDTH:
            widest = max((w for w, _h in self._sizes), default=1.0)
            room = self.scroll.viewport().width() - 2 * MARGIN
            return max(MIN_SCALE, room / widest)
        return zoom * self.logicalDpiX() / render.POINTS_PER_INCH

    def render_now(self) -> None:
        if not self._data:
            return
        scale = self.scale()
        if abs(scale - self._rendered_scale) < 0.005:
            return
        ratio = self.devicePixelRatioF()
        with busy_cursor():
            images = render.render_pages(self._data, scale * ratio)
        for label, image in zip(self._labels, images):
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.deviceIndependentSize().toSize())
        self._rendered_scale = scale
        self._update_page_label()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._data and self.zoom.currentData() == FIT_WIDTH:
            self._timer.start()

    def current_page(self) -> int:
        """The page at the upper third of the view (1-based; 0 with no document)."""
        if not self._labels:
            return 0
        y = self.scroll.verticalScrollBar().value() + self.scroll.viewport().height() // 3
        for i, label in enumerate(self._labels):
            if label.geometry().bottom() + MARGIN >= y:
                return i + 1
        return len(self._labels)

    def _update_page_label(self) -> None:
        count = self.page_count()
        page = self.current_page()
        self.page_label.setText(_("Page {page} of {pages}").format(page=page, pages=count) if count else "")
        self.page_changed.emit(page, count)


class PdfDialog(QDialog):
    """Preview any PDF bytes with Print…, Save as PDF… and Close.

    ``suggested_name`` never holds a person's name (``leaflet-th-a4.pdf``, a case number).
    ``on_printed()`` and ``on_saved()`` run after a print job was sent or a file was written, so
    the caller can audit; a UserError they raise is shown, and nothing is lost. ``write(path, data)``
    replaces the plain file write when the audit row and the file must go together.
    """

    def __init__(self, parent: QWidget, data: bytes, *, suggested_name: str, title: str,
                 on_printed: Callable[[], None] | None = None,
                 on_saved: Callable[[], None] | None = None,
                 write: Callable[[object, bytes], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfDialog")
        self.setWindowTitle("Tsunagu")  # never the document's title: it may name a case
        self.setMinimumSize(720, 640)
        self.resize(860, 860)
        self.suggested_name = suggested_name
        self._on_printed, self._on_saved, self._write = on_printed, on_saved, write
        self.title = title_label(title)
        self.header = QVBoxLayout()  # subclasses put their choices here
        self.preview = PdfPreview(self)
        self.message = MessageLabel("message")
        self.info = MessageLabel("info")
        self.print_button = QPushButton(_("Print…"), objectName="printPdf")
        self.save_button = QPushButton(_("Save as PDF…"), objectName="savePdf")
        close = QPushButton(_("Close"), objectName="closePdf")
        self.print_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addLayout(self.header)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.info)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_document)
        close.clicked.connect(self.accept)
        if data:
            self.set_document(data, suggested_name)
        else:
            self._enable(False)

    def set_document(self, data: bytes, suggested_name: str | None = None) -> None:
        """Show new bytes (a leaflet in another language); a damaged PDF is said plainly."""
        if suggested_name is not None:
            self.suggested_name = suggested_name
        self.message.clear()
        try:
            self.preview.set_pdf(data)
        except UserError as exc:
            self.message.show_text(exc.message())
        self._enable(bool(self.preview.data))

    def clear_document(self, reason: str = "") -> None:
        self.preview.clear()
        self._enable(False)
        if reason:
            self.message.show_text(reason)

    def _enable(self, on: bool) -> None:
        self.print_button.setEnabled(on)
        self.save_button.setEnabled(on)

    def _start(self) -> bytes:
        """The document shown, with old messages cleared; empty when there is none."""
        self.message.clear()
        self.info.clear()
        return self.preview.data or b""

    def print_document(self) -> None:
        data = self._start()
        if not data:
            return
        try:
            printer = files.choose_printer(self)
            if printer is None:
                return
            with busy_cursor():
                pages = files.print_pdf(data, printer)
            if self._on_printed is not None:
                self._on_printed()
        except UserError as exc:
            self._error(exc)
            return
        self.info.show_text(_("Sent to the printer ({pages} pages).").format(pages=pages))

    def save_document(self) -> None:
        data = self._start()
        if not data:
            return
        try:
            path = files.save_pdf_as(self, data, self.suggested_name, self._write)
            if not path:
                return
            if self._on_saved is not None:
                self._on_saved()
        except UserError as exc:
            self._error(exc)
            return
        self.info.show_text(_("Saved as {file}. The file is not encrypted.").format(file=path.name))

    def _error(self, exc: UserError) -> None:
        from ui.errors import show_user_error

        self.message.show_text(exc.message())
        if self.isVisible():
            show_user_error(self, exc)

    def done(self, result: int) -> None:  # noqa: D102 - nothing outlives the dialog
        self.preview.clear()
        super().done(result)
