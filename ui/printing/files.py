"""Where a PDF may go: a real printer, or a file the user chose after being warned.

Printing paints PDFium's page images onto the ``QPrinter`` (render.paint_document): no temp
file and no Qt PDF engine, and "print to file" is neither offered nor accepted, since that
would write an unencrypted PDF past the save warning. Saving warns that the file is not
encrypted, asks with Qt's own file dialog (no history, no saved state: R18) and writes
atomically with mode 0600 (R12). ``choose_printer`` and ``choose_pdf_path`` are the two
seams tests replace.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QWidget

from app.errors import UserError
from app.fileio import atomic_write, disk_error
from app.i18n import N_, _
from ui.printing import render
from ui.widgets import confirm

SAVE_WARNING = N_(
    "The saved PDF is not encrypted: anyone who can open the folder, USB stick or shared drive "
    "where it goes can read it. Save it only where it is needed, for example straight onto the "
    "recipient's own medium, and delete it when it is no longer needed."
)


def choose_printer(parent: QWidget) -> QPrinter | None:
    """The printer the user chose, set up; None if they cancelled."""
    if not QPrinterInfo.availablePrinters():
        raise UserError(N_("No printer is set up on this computer. Ask your administrator to set one up, "
                           "or save the document as a PDF."))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("printDialog")
    dialog.setWindowTitle("Tsunagu")
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintSelection, False)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, False)
    accepted = dialog.exec() == QPrintDialog.DialogCode.Accepted
    dialog.deleteLater()
    if not accepted:
        return None
    check_printer(printer)
    return printer


def check_printer(printer: QPrinter) -> None:
    """Refuse anything but a real printer: a file would skip the save warning."""
    if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat or printer.outputFileName():
        raise UserError(N_("Choose a printer. To keep a file, use “Save as PDF…”, which warns first."))


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Paint ``data`` onto ``printer`` (the pages the print dialog asked for); pages sent."""
    from PySide6.QtGui import QPainter

    printer.setFullPage(True)  # we place each page on the whole sheet ourselves
    printer.setDocName("Tsunagu")  # the spooler's job name: never a title or a name
    pages = _pages_asked(printer, len(render.page_sizes(data)))
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError(N_("The printer could not be started. Check that it is on and try again."))
    try:
        sent = render.paint_document(
            data, painter, dpi=printer.resolution(), new_page=printer.newPage, pages=pages,
            paper=printer.paperRect(QPrinter.Unit.DevicePixel),
        )
    except BaseException:
        printer.abort()
        raise
    finally:
        painter.end()
    return sent


def _pages_asked(printer: QPrinter, count: int) -> list[int]:
    """0-based pages in printing order: the range asked for, and the copies when the printer
    cannot make them itself (collated or not, as chosen)."""
    pages = range(count)
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        pages = range(max(1, printer.fromPage()) - 1, min(count, printer.toPage() or count))
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if printer.collateCopies():
        return [p for _copy in range(copies) for p in pages]
    return [p for p in pages for _copy in range(copies)]


def choose_pdf_path(parent: QWidget, suggested_name: str) -> str:
    """Qt's own save dialog with no history and no saved state; "" if cancelled."""
    from ui.file_dialogs import private_file_dialog

    return private_file_dialog(parent, _("Save as PDF"), save=True, start=Path.home(), suffix="pdf",
                               filters=[_("PDF document (*.pdf)")], select=suggested_name)


def save_pdf_as(parent: QWidget, data: bytes, suggested_name: str, write=None) -> Path | None:
    """Warn, ask where, write atomically (0600); the path written, or None if cancelled.

    ``write(path, data)``, if given, does the writing instead (a referral writes its audit row
    and the file in one transaction)."""
    if not confirm(parent, _(SAVE_WARNING), _("Choose where to save…"), _("Cancel"), name="confirmSavePdf"):
        return None
    chosen = choose_pdf_path(parent, suggested_name)
    if not chosen:
        return None
    path = Path(chosen)
    if write is not None:
        write(path, data)
        return path
    try:
        atomic_write(path, data, mode=0o600)
    except OSError as exc:  # the temp file could not even be made (a folder we may not write)
        raise disk_error(exc, path) from exc
    return path
