"""Plain drawn icons for the four answers anyone can point at: yes, no, not sure, rather not say.

Drawn with QPainter rather than taken from an emoji or symbol font, so they never turn into
boxes on a machine without that font, and read the same to every reader.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap

COLOURS = {"yes": "#2e7d32", "no": "#c62828", "not_sure": "#b26a00", "declined": "#607d8b"}


def answer_pixmap(value: str, size: int = 96) -> QPixmap:
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(QColor(COLOURS.get(value, "#607d8b")))
    p.setPen(Qt.PenStyle.NoPen)
    m = size * 0.04
    p.drawEllipse(QRectF(m, m, size - 2 * m, size - 2 * m))
    pen = QPen(QColor("white"), size * 0.11, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    s = size
    if value == "yes":
        path = QPainterPath(QPointF(s * 0.28, s * 0.52))
        path.lineTo(QPointF(s * 0.44, s * 0.68))
        path.lineTo(QPointF(s * 0.73, s * 0.35))
        p.drawPath(path)
    elif value == "no":
        p.drawLine(QPointF(s * 0.32, s * 0.32), QPointF(s * 0.68, s * 0.68))
        p.drawLine(QPointF(s * 0.68, s * 0.32), QPointF(s * 0.32, s * 0.68))
    elif value == "not_sure":
        font = QFont()
        font.setPixelSize(int(s * 0.62))
        font.setBold(True)
        p.setFont(font)
        p.drawText(QRectF(0, 0, s, s), Qt.AlignmentFlag.AlignCenter, "?")
    else:  # declined: a closed bar, "I would rather not say"
        p.drawLine(QPointF(s * 0.28, s * 0.5), QPointF(s * 0.72, s * 0.5))
    p.end()
    return pix


def answer_icon(value: str, size: int = 48) -> QIcon:
    return QIcon(answer_pixmap(value, size))
