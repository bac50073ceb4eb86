"""PDF pages to pixels with PDFium (pypdfium2), entirely in memory.

The bytes a document builder made are opened straight from memory (no temp file, no viewer
through the OS temp folder: R7) and rasterised to ``QImage``s from PDFium's own bitmap buffer,
without PIL. Printing paints those images onto the ``QPrinter`` page by page at the printer's
resolution (capped), in horizontal bands so a 600 dpi A4 page never needs one 140 MB bitmap.
Nothing here goes through Qt's PDF engine, and nothing touches disk.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Iterable, Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from app.errors import UserError
from app.i18n import N_

MAX_PRINT_DPI = 600
BAND_ROWS = 512  # pixel rows rendered at a time when printing
POINTS_PER_INCH = 72.0


def _unreadable() -> UserError:
    return UserError(N_("The document could not be read, so it cannot be shown or printed."))


@contextlib.contextmanager
def open_pdf(data: bytes) -> Iterator[pdfium.PdfDocument]:
    """The document opened from memory; closed (its memory freed) on leaving."""
    try:
        doc = pdfium.PdfDocument(bytes(data))
    except pdfium.PdfiumError:
        raise _unreadable() from None
    try:
        yield doc
    finally:
        doc.close()


def page_sizes(data: bytes) -> list[tuple[float, float]]:
    """Each page's (width, height) in points."""
    with open_pdf(data) as doc:
        return [tuple(doc.get_page_size(i)) for i in range(len(doc))]


def _to_image(bitmap: pdfium.PdfBitmap) -> QImage:
    """A QImage that owns a copy of the pixels (the bitmap's buffer dies with the bitmap)."""
    image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                   QImage.Format.Format_RGBX8888)
    return image.copy()


def _render(page: pdfium.PdfPage, scale: float, crop=(0, 0, 0, 0)) -> QImage:
    bitmap = page.render(scale=scale, crop=crop, force_bitmap_format=pdfium_c.FPDFBitmap_BGRx,
                         rev_byteorder=True, fill_color=(255, 255, 255, 255), may_draw_forms=False)
    try:
        return _to_image(bitmap)
    finally:
        bitmap.close()


def render_pages(data: bytes, scale: float, first: int = 0, last: int | None = None) -> list[QImage]:
    """Pages ``first``..``last`` (inclusive; default all) at ``scale`` pixels per point."""
    with open_pdf(data) as doc:
        last = len(doc) - 1 if last is None else min(last, len(doc) - 1)
        images = []
        for i in range(first, last + 1):
            page = doc[i]
            try:
                images.append(_render(page, scale))
            finally:
                page.close()
        return images


def bands(page: pdfium.PdfPage, scale: float, rows: int = BAND_ROWS) -> Iterator[tuple[int, int, QImage]]:
    """(first row, full height, image) for horizontal bands of ``page`` rendered at ``scale``.

    PDFium rounds crops up to whole pixels (``ceil(crop * scale)``); each crop is given a
    quarter pixel short of the wanted edge so that the rounding lands exactly on it.
    """
    width_pt, height_pt = page.get_size()
    full = math.ceil(height_pt * scale)
    top = 0
    while top < full:
        bottom = min(full, top + rows)
        crop_top = max(0.0, top - 0.25) / scale
        crop_bottom = max(0.0, full - bottom - 0.25) / scale
        yield top, full, _render(page, scale, (0, crop_bottom, 0, crop_top))
        top = bottom


def paint_document(data: bytes, painter: QPainter, *, dpi: float, paper: QRectF,
                   new_page: Callable[[], bool], pages: Iterable[int] | None = None) -> int:
    """Paint the pages (0-based indices; default all) onto ``painter``; how many were painted.

    ``painter`` draws on a printer or an image. ``dpi`` is the device's resolution and
    ``paper`` the whole sheet in device pixels. Each PDF page is drawn at its true size, centred
    (a 91 x 55 mm card stays wallet-sized on A4), or shrunk to fit a smaller sheet.
    ``new_page`` starts the next sheet.
    """
    painted = 0
    with open_pdf(data) as doc:
        for i in range(len(doc)) if pages is None else pages:
            if painted and not new_page():
                raise UserError(N_("The printer stopped after page {page}."), page=painted)
            page = doc[i]
            try:
                _paint_page(page, painter, dpi, paper)
            finally:
                page.close()
            painted += 1
    return painted


def _paint_page(page: pdfium.PdfPage, painter: QPainter, dpi: float, paper: QRectF) -> None:
    width_pt, height_pt = page.get_size()
    true_w, true_h = width_pt / POINTS_PER_INCH * dpi, height_pt / POINTS_PER_INCH * dpi
    fit = min(1.0, paper.width() / true_w, paper.height() / true_h)
    target = QRectF(0, 0, true_w * fit, true_h * fit)
    target.moveCenter(paper.center())
    scale = min(dpi, MAX_PRINT_DPI) / POINTS_PER_INCH * fit
    for top, full, image in bands(page, scale):
        ratio = target.height() / full
        painter.drawImage(QRectF(target.x(), target.y() + top * ratio, target.width(), image.height() * ratio),
                          image)
