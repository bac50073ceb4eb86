"""The interpreter screen: only the current question, in her language, in large type, with
answers she can point at. A second window for a second monitor, or full screen when the laptop
is turned toward her.

It never shows an identity field, a case number or the signs panel (privacy rule 6): the page
gives it the question text, the answer labels and the language, nothing else. Its title is
"Tsunagu". It is display-only, so a stray touch cannot answer for her.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.interview.icons import answer_pixmap

QUESTION_POINTS = 30
ANSWER_POINTS = 20
MANY_ANSWER_POINTS = 16  # a long list of choices (e.g. kinds of work) still fits one screen
ICON_SIZE = 64


MIN_QUESTION_POINTS = 18  # below this the text is shrunk no further: it must stay readable
MIN_ANSWER_POINTS = 13
MARGIN, SPACING, GRID_SPACING, TILE_PAD = 40, 28, 14, 16
FIXED = ("yes", "no", "not_sure", "declined")


def answer_points(count: int) -> int:
    return ANSWER_POINTS if count <= 8 else MANY_ANSWER_POINTS


def columns_for(count: int) -> int:
    return 2 if count <= 8 else 3 if count <= 12 else 4


def layout_height(lang: str, text: str, answers, width: int, q_points: int, a_points: int, base) -> int:
    """The height the screen needs for this question at these point sizes (real fonts, wrapped)."""
    from PySide6.QtGui import QFontMetrics

    from ui.fonts import qfont_for

    flags = int(Qt.TextFlag.TextWordWrap)
    inner = width - 2 * MARGIN
    q_h = QFontMetrics(qfont_for(lang, q_points, base)).boundingRect(0, 0, inner, 10**5, flags, text).height()
    columns = columns_for(len(answers))
    metrics = QFontMetrics(qfont_for(lang, a_points, base))
    tile_w = (inner - GRID_SPACING * (columns - 1)) // columns - 24
    heights = []
    for value, label in answers:
        icon = value in FIXED
        h = metrics.boundingRect(0, 0, tile_w - (ICON_SIZE + 6 if icon else 0), 10**5, flags, label).height()
        heights.append(max(h, ICON_SIZE if icon else 0) + TILE_PAD)
    rows = [max(heights[i:i + columns]) for i in range(0, len(heights), columns)]
    return 2 * 36 + q_h + SPACING + sum(rows) + GRID_SPACING * max(0, len(rows) - 1)


def fit_points(lang: str, text: str, answers, size: tuple[int, int], base) -> tuple[int, int, bool]:
    """(question points, answer points, fits): the largest sizes, down to the readable minimum,
    at which the question and its answers fit the screen."""
    width, height = size
    q_points, a_points = QUESTION_POINTS, answer_points(len(answers))
    while True:
        if layout_height(lang, text, answers, width, q_points, a_points, base) <= height:
            return q_points, a_points, True
        if q_points <= MIN_QUESTION_POINTS and a_points <= MIN_ANSWER_POINTS:
            return q_points, a_points, False
        q_points, a_points = max(MIN_QUESTION_POINTS, q_points - 2), max(MIN_ANSWER_POINTS, a_points - 1)
DEFAULT_SIZE = (1280, 720)  # 720p: the smallest second screen, TV or projector in use; texts must fit


class AnswerTile(QWidget):
    """A large, plain answer: an icon for the four fixed answers, then the text."""

    def __init__(self, value: str, text: str, font, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName(f"tile_{value}")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        if value in ("yes", "no", "not_sure", "declined"):
            icon = QLabel()
            icon.setPixmap(answer_pixmap(value, ICON_SIZE))
            row.addWidget(icon)
        self.label = QLabel(text)
        self.label.setFont(font)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.label, 1)
        self.setStyleSheet("AnswerTile { border: 2px solid #c9c9c9; border-radius: 12px; background: white; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)


class InterpreterWindow(QWidget):
    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("interpreterWindow")
        self.setWindowTitle("Tsunagu")
        self.setStyleSheet("#interpreterWindow { background: #f7f5f0; }")
        self.resize(*DEFAULT_SIZE)
        self.lang = ""
        self.question = QLabel(objectName="interpreterQuestion")
        self.question.setWordWrap(True)
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        self.question.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.grid = QGridLayout()
        self.grid.setSpacing(GRID_SPACING)
        self.tiles: list[AnswerTile] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, 36, MARGIN, 36)
        layout.setSpacing(SPACING)
        layout.addWidget(self.question)
        layout.addLayout(self.grid)
        layout.addStretch(1)

    def show_question(self, lang: str, text: str, answers: list[tuple[str, str]]) -> None:
        """Show ``text`` and the ``(value, label)`` answers in ``lang``'s font."""
        from ui.fonts import qfont_for

        self.lang = lang
        size = (max(self.width(), DEFAULT_SIZE[0]), max(self.height(), DEFAULT_SIZE[1]))
        q_points, a_points, _fits = fit_points(lang, text, answers, size, self.font())
        self.question.setFont(qfont_for(lang, q_points, self.font()))
        self.question.setText(text)
        self._drop_tiles()
        font = qfont_for(lang, a_points, self.font())
        columns = columns_for(len(answers))
        for n, (value, label) in enumerate(answers):
            tile = AnswerTile(value, label, font)
            self.grid.addWidget(tile, n // columns, n % columns)
            self.tiles.append(tile)

    def clear(self) -> None:
        self.question.clear()
        self._drop_tiles()

    def _drop_tiles(self) -> None:
        """Remove the previous answers now (hidden first: a parentless visible widget would
        become a window of its own)."""
        for tile in self.tiles:
            tile.hide()
            self.grid.removeWidget(tile)
            tile.deleteLater()
        self.tiles = []

    def place(self) -> None:
        """On a second screen full screen when there is one; else a normal window to move."""
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            other = next(s for s in screens if s is not self.screen()) if self.screen() in screens else screens[1]
            self.setGeometry(other.geometry())
            self.showFullScreen()
        else:
            self.show()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_F11:
            self.showNormal() if self.isFullScreen() else self.showFullScreen()
        else:
            super().keyPressEvent(event)
