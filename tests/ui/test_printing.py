"""Leaflets, the PDF preview, printing, saving and the consultation lines editor, offscreen on a
real store. Printing is checked by painting through the same code path onto an image, and once
onto a PDF-format QPrinter in tmp_path (only the test does that: the program refuses it)."""

from __future__ import annotations

import inspect
import os
import stat
from datetime import date

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from app.contacts import default_directory
from app.store.local_contacts import load_directory
from app.errors import UserError
from app.printing.leaflet import build_leaflet
from app.store import audit
from tests.printing import pdfcheck
from tests.ui.conftest import add_person, audit_events, later, log_in
from ui.printing import files, render
from ui.printing.leaflet_dialog import LeafletDialog
from ui.printing.preview import PdfDialog

TODAY = date(2026, 5, 1)


@pytest.fixture(scope="module")
def leaflet_th():
    return build_leaflet("th", "a4", default_directory(), TODAY)


def _pdf_dialog(window, data, **kw) -> PdfDialog:
    dialog = PdfDialog(window, data, suggested_name="leaflet-th-a4.pdf", title="Leaflet", **kw)
    dialog.show()
    return dialog


def _pdf_printer(path, dpi=96) -> QPrinter:
    """A printer that writes a PDF: allowed in this test only, to count what was painted."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(dpi)
    return printer


def test_preview_shows_every_page(logged_in, leaflet_th):
    dialog = _pdf_dialog(logged_in, leaflet_th)
    preview = dialog.preview
    assert preview.page_count() == pdfcheck.page_count(leaflet_th) == 2
    pixmaps = preview.page_pixmaps()
    assert len(pixmaps) == 2 and not any(p.isNull() for p in pixmaps)
    assert preview.page_label.text() == "Page 1 of 2"
    assert dialog.windowTitle() == "Tsunagu"
    preview.zoom.setCurrentIndex(preview.zoom.findData(1.0))  # true size on screen
    width = preview.page_pixmaps()[0].deviceIndependentSize().width()
    assert width == pytest.approx(595.3 * preview.logicalDpiX() / 72, abs=2)
    dialog.reject()
    assert preview.page_count() == 0 and preview.data == b""  # nothing kept after closing


def test_a_damaged_pdf_is_a_plain_message(logged_in):
    dialog = _pdf_dialog(logged_in, b"%PDF-1.4 not really")
    assert "could not be read" in dialog.message.text()
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
    dialog.reject()


def test_pages_are_painted_at_true_size_onto_any_device(qapp):
    data = build_leaflet("th", "card", default_directory(), TODAY)
    dpi = 100
    image = QImage(827, 1169, QImage.Format.Format_RGB32)  # A4 at 100 dpi
    image.fill(QColor("magenta"))
    sheets = []
    painter = QPainter(image)
    count = render.paint_document(data, painter, dpi=dpi, paper=QRectF(0, 0, 827, 1169),
                                  new_page=lambda: sheets.append(1) or True)
    painter.end()
    assert count == 2 and len(sheets) == 1
    row = [image.pixelColor(x, 1169 // 2) != QColor("magenta") for x in range(827)]
    painted = sum(row)
    assert painted == pytest.approx(91 / 25.4 * dpi, abs=2)  # the card stays 91 mm wide, centred
    assert row.index(True) == pytest.approx((827 - painted) / 2, abs=2)


def test_print_paints_every_page_through_pdfium(logged_in, leaflet_th, tmp_path, monkeypatch):
    out = tmp_path / "printed.pdf"
    monkeypatch.setattr(files, "choose_printer", lambda parent: _pdf_printer(out))
    printed = []
    dialog = _pdf_dialog(logged_in, leaflet_th, on_printed=lambda: printed.append(1))
    dialog.print_button.click()
    assert printed == [1]
    assert "2 pages" in dialog.info.text()
    assert pdfcheck.page_count(out.read_bytes()) == 2
    assert "0120-924-839" not in pdfcheck.text(out.read_bytes())  # painted pixels, not Qt's PDF text
    dialog.reject()


def test_print_honours_the_page_range_and_copies(qapp, leaflet_th, tmp_path):
    out = tmp_path / "range.pdf"
    printer = _pdf_printer(out, dpi=48)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 2)
    printer.setCopyCount(3)  # a PDF "printer" cannot copy by itself: we paint each copy
    assert files.print_pdf(leaflet_th, printer) == 3
    assert pdfcheck.page_count(out.read_bytes()) == 3


def test_print_to_file_and_no_printer_are_refused(qapp, tmp_path, monkeypatch):
    with pytest.raises(UserError, match="Choose a printer"):
        files.check_printer(_pdf_printer(tmp_path / "x.pdf"))
    monkeypatch.setattr(files.QPrinterInfo, "availablePrinters", staticmethod(lambda: []))
    with pytest.raises(UserError, match="No printer is set up"):
        files.choose_printer(None)
    assert not (tmp_path / "x.pdf").exists()


def test_save_warns_first_then_writes_0600_atomically(logged_in, leaflet_th, tmp_path, modals, tsunagu_home):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "out" / "leaflet.pdf"
    target.parent.mkdir()
    saved = []
    dialog = _pdf_dialog(logged_in, leaflet_th, on_saved=lambda: saved.append(1))

    def warned(box):
        assert "not encrypted" in box.text()
        later(box.buttons()[0].click)

    def pick(chooser):
        assert chooser.testOption(QFileDialog.Option.DontUseNativeDialog)
        assert chooser.history() in ([], [chooser.directory().absolutePath()])
        assert QSettings(QSettings.Scope.UserScope, "QtProject").fileName().startswith(str(tsunagu_home))
        assert chooser.selectedFiles()[0].endswith("leaflet-th-a4.pdf")  # no name, only language and format
        chooser.selectFile(str(target))
        later(chooser.accept)

    modals.expect("confirmSavePdf", warned).expect("fileDialog", pick)
    dialog.save_button.click()
    assert modals.done(), modals.seen
    assert target.read_bytes() == leaflet_th
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert os.listdir(target.parent) == ["leaflet.pdf"]  # no temp file left beside it
    assert saved == [1]
    assert not (tsunagu_home / "config" / "qt-scratch").exists()
    dialog.reject()


def test_save_cancelled_at_the_warning_writes_nothing(logged_in, leaflet_th, modals, monkeypatch):
    monkeypatch.setattr(files, "choose_pdf_path", lambda *a: pytest.fail("asked where before warning"))
    saved = []
    dialog = _pdf_dialog(logged_in, leaflet_th, on_saved=lambda: saved.append(1))
    modals.expect("confirmSavePdf", lambda box: later(box.buttons()[1].click))
    dialog.save_button.click()
    assert modals.done() and saved == []
    dialog.reject()


def test_a_full_disk_is_shown_and_nothing_is_lost(logged_in, leaflet_th, tmp_path, modals, monkeypatch):
    import errno

    target = tmp_path / "full.pdf"
    target.write_bytes(b"old")
    monkeypatch.setattr(files, "choose_pdf_path", lambda *a: str(target))

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("app.fileio.os.fsync", full)
    saved, shown = [], []
    dialog = _pdf_dialog(logged_in, leaflet_th, on_saved=lambda: saved.append(1))
    modals.expect("confirmSavePdf", lambda box: later(box.buttons()[0].click))
    modals.expect("userError", lambda box: (shown.append(box.text()), later(box.accept)))
    dialog.save_button.click()
    assert modals.done(), modals.seen
    assert "disk is full" in shown[0] and "disk is full" in dialog.message.text()
    assert target.read_bytes() == b"old" and os.listdir(tmp_path).count("full.pdf") == 1
    assert saved == [] and dialog.preview.data == leaflet_th  # still there to try again
    dialog.reject()


def test_leaflet_dialog_cannot_reach_a_case(make_window, store, modals, monkeypatch, tmp_path):
    """Any staff member prints a leaflet; nothing on the way reads a case (R20)."""
    from app.cases import repo
    from app.interview import records

    params = list(inspect.signature(LeafletDialog.__init__).parameters)
    assert params == ["self", "parent", "directory", "today", "audit", "lang", "fmt"]
    add_person(store[0], "aiko", "counsellor")
    window = make_window(store[0])
    log_in(window, "aiko")  # the case list reads cases; from here on nothing may
    for module in (repo, records):
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ == module.__name__:
                monkeypatch.setattr(module, name, lambda *a, _n=name, **k: pytest.fail(f"case data read: {_n}"))
    assert window.leaflet_action.isVisible() and window.leaflet_action.isEnabled()
    monkeypatch.setattr(files, "choose_printer", lambda parent: _pdf_printer(tmp_path / "p.pdf"))
    monkeypatch.setattr(files, "choose_pdf_path", lambda parent, name: str(tmp_path / name))

    def use(dialog):
        assert "more than a year ago" in dialog.warnings.text()  # the shipped numbers are from 2015
        dialog.language.setCurrentIndex(dialog.language.findData("th"))
        dialog.format.setCurrentIndex(dialog.format.findData("card"))
        assert dialog.suggested_name == "leaflet-th-card.pdf"
        assert dialog.preview.page_count() == 2
        assert "ไทย" in dialog.language.currentText()
        dialog.print_button.click()
        modals.expect("confirmSavePdf", lambda box: later(box.buttons()[0].click))
        later(dialog.save_button.click)  # a modal opened from the event loop, not from this step

    def close(dialog):
        assert "not encrypted" in dialog.info.text()
        later(dialog.accept)

    modals.expect("leafletDialog", use).expect("leafletDialog", close, ready=lambda d: "not encrypted" in d.info.text())
    window.leaflet_action.trigger()
    assert modals.done(), modals.seen
    assert (tmp_path / "leaflet-th-card.pdf").is_file()
    events = audit_events(store[0])
    assert (audit.LEAFLET_PRINTED, "leaflet:th:card") in events
    assert (audit.LEAFLET_SAVED, "leaflet:th:card") in events


def test_lock_closes_the_leaflet_dialog(logged_in, modals):
    window = logged_in
    kept = []

    def lock(dialog):
        kept.append(dialog.preview)
        assert dialog.preview.page_count() > 0
        later(window.lock)

    modals.expect("leafletDialog", lock)
    window.leaflet_action.trigger()
    assert modals.done()
    assert not window.session_open
    assert kept[0].page_count() == 0 and kept[0].data == b""
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]


def test_counsellor_cannot_open_the_contacts_editor(make_window, store):
    add_person(store[0], "aiko", "counsellor")
    window = make_window(store[0])
    log_in(window, "aiko")
    assert not window.contacts_action.isVisible()
    window.open_contacts()  # even when called directly: no dialog
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]


def _select(dialog, entry_id):
    for row in range(dialog.table.rowCount()):
        if dialog.table.item(row, 0).data(0x0100) == entry_id:
            dialog.table.selectRow(row)
            return row
    raise AssertionError(entry_id)


def test_supervisor_adds_a_local_line_that_reaches_the_leaflet(make_window, store, modals):
    add_person(store[0], "sato", "supervisor")
    window = make_window(store[0])
    log_in(window, "sato")
    assert window.contacts_action.isVisible()

    def fill(form):
        form.texts["name_ja"].setText("中央警察署")
        form.texts["name_en"].setText("Chuo Police Station")
        form.texts["number"].setText("not a number")
        form.texts["source"].setText("Phoned by the office")
        form.attempt()
        assert form.message.text() == "Phone number: not a phone number"  # plain, stays open
        form.texts["number"].setText("03-1234-5678")
        form.priority.setValue(15)
        later(form.attempt)

    def add(dialog):
        row = _select(dialog, "yorisoi")
        assert "over a year ago" in dialog.table.item(row, 2).text()  # 2015: stale
        assert dialog.table.item(row, 3).text() == "Shipped"
        modals.expect("contactForm", fill)
        later(dialog.add_button.click)

    def check(dialog):
        assert dialog.info.text() == "The line was added."
        row = _select(dialog, "local_chuo_police_station")
        assert dialog.table.item(row, 1).text() == "03-1234-5678"
        assert dialog.table.item(row, 3).text() == "Local"
        _select(dialog, "yorisoi")
        dialog.checked_button.click()
        row = _select(dialog, "yorisoi")
        assert "over a year ago" not in dialog.table.item(row, 2).text()
        assert dialog.table.item(row, 3).text() == "Local change"
        _select(dialog, "immigration_info")
        dialog.hide_button.click()
        assert dialog.table.item(_select(dialog, "immigration_info"), 4).text() == "Hidden"
        later(dialog.accept)

    modals.expect("contactsDialog", add).expect(
        "contactsDialog", check, ready=lambda d: d.info.text() == "The line was added.")
    window.contacts_action.trigger()
    assert modals.done(), modals.seen

    directory = load_directory(window.session)
    assert directory.get("local_chuo_police_station").number == "03-1234-5678"
    assert not directory.get("yorisoi").stale(date.today())
    assert directory.get("immigration_info") is None
    text = pdfcheck.text(build_leaflet("en", "a4", directory, date.today()))
    assert "03-1234-5678" in text and "Chuo Police Station" in text
    assert "0570-013904" not in text
    changes = [s for e, s in audit_events(store[0]) if e == audit.CONTACTS_CHANGED]
    assert changes == ["added=local_chuo_police_station", "added=yorisoi", "added=immigration_info"]


def test_a_shipped_line_can_be_restored(logged_in, modals):
    window = logged_in

    def hide(dialog):
        _select(dialog, "yorisoi")
        dialog.hide_button.click()
        assert dialog.hide_button.text() == "Show again"
        modals.expect("confirmRemoveContact", lambda box: later(box.buttons()[0].click))
        later(dialog.remove_button.click)

    def restored(dialog):
        assert dialog.info.text() == "The shipped line is used again."
        assert dialog.table.item(_select(dialog, "yorisoi"), 3).text() == "Shipped"
        later(dialog.accept)

    modals.expect("contactsDialog", hide).expect(
        "contactsDialog", restored, ready=lambda d: d.info.text() == "The shipped line is used again.")
    window.contacts_action.trigger()
    assert modals.done(), modals.seen
    assert load_directory(window.session).local_entries == ()
