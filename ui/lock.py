"""Inactivity and panic locking (KeePassXC's pattern), and the clipboard guard (R16, R19).

``LockWatcher`` is an event filter on the whole QApplication, so input in any window, dialog or
message box counts. Each input event marks activity; a one-second timer asks whether the idle
time has reached the office's lock time. Both a monotonic clock and the wall clock are measured,
so time spent suspended counts as idle too. Clocks are injectable; tests pass fakes and call
``check()`` themselves.

Panic: F12 locks at once; so does Esc pressed twice within 0.7 s. Qt delivers one key press to a
chain of receivers (window, focus widget, its parents) and the application filter sees each of
them, so a press is counted once: the next Esc counts only after a key release.
"""

from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

DOUBLE_ESC_S = 0.7
CHECK_INTERVAL_MS = 1000
CLIPBOARD_CLEAR_S = 30



def _activity_events() -> frozenset:
    """The input event types that count as activity (built on first use: start-up budget)."""
    t = QEvent.Type
    return frozenset({
        t.KeyPress, t.KeyRelease, t.MouseButtonPress, t.MouseButtonRelease, t.MouseButtonDblClick,
        t.MouseMove, t.Wheel, t.TouchBegin, t.TouchUpdate, t.TouchEnd, t.TabletPress, t.TabletMove,
        t.InputMethod,
    })


class LockWatcher(QObject):
    """Emits ``idle`` after ``timeout_s`` without input and ``panic`` on F12 or Esc-Esc.

    It only watches while ``active`` (a store is open); the lock screen itself never locks.
    """

    idle = Signal()
    panic = Signal()

    def __init__(
        self, parent: QObject | None = None, *, clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time, timeout_s: float = 300.0,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.wall_clock = wall_clock
        self.timeout_s = timeout_s
        self.active = False
        self._last = clock()
        self._last_wall = wall_clock()
        self._last_esc: float | None = None
        self._esc_counted = False  # this Esc press was already counted (propagation to parents)
        self._activity: frozenset = frozenset()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)

    def start(self, timeout_s: float) -> None:
        """Watch all input of the application (installed only while a store is open)."""
        self.timeout_s = timeout_s
        if not self._activity:
            from PySide6.QtCore import Qt

            self._activity = _activity_events()
            self._escape, self._panic_key = Qt.Key.Key_Escape, Qt.Key.Key_F12
        if not self.active:
            QCoreApplication.instance().installEventFilter(self)
        self.active = True
        self._last_esc = None
        self.touch()
        self.timer.start()

    def stop(self) -> None:
        if self.active:
            QCoreApplication.instance().removeEventFilter(self)
        self.active = False
        self.timer.stop()

    def touch(self) -> None:
        self._last = self.clock()
        self._last_wall = self.wall_clock()

    def idle_seconds(self) -> float:
        mono = self.clock() - self._last
        wall = self.wall_clock() - self._last_wall
        return max(mono, wall if wall > 0 else 0.0)

    def check(self) -> None:
        if self.active and self.idle_seconds() >= self.timeout_s:
            self.idle.emit()

    # -- input -------------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        etype = event.type()
        if not self.active or etype not in self._activity:
            return False
        self.touch()
        if etype == QEvent.Type.KeyPress:
            return self._key_press(event)
        if etype == QEvent.Type.KeyRelease and event.key() == self._escape:
            self._esc_counted = False
        return False

    def _key_press(self, event) -> bool:
        key = event.key()
        if key == self._panic_key:
            self.panic.emit()
            return True
        if key != self._escape:
            self._last_esc = None
            return False
        if self._esc_counted or event.isAutoRepeat():
            return False
        self._esc_counted = True
        now = self.clock()
        if self._last_esc is not None and now - self._last_esc <= DOUBLE_ESC_S:
            self._last_esc = None
            self.panic.emit()
            return True
        self._last_esc = now
        return False


class ClipboardGuard(QObject):
    """Remembers text copied from Tsunagu; clears it after 30 s or on lock if still there.

    A later copy by the person in another program is never wiped: only text that is still
    exactly what was copied while Tsunagu had the focus is cleared.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ours: str | None = None
        self.clipboard = QGuiApplication.clipboard()
        self.clipboard.dataChanged.connect(self._changed)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(CLIPBOARD_CLEAR_S * 1000)
        self.timer.timeout.connect(self.clear)

    def _changed(self) -> None:
        text = self.clipboard.text(QClipboard.Mode.Clipboard)
        from PySide6.QtCore import Qt

        ours = self.clipboard.ownsClipboard() or (
            QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
            and QGuiApplication.focusWindow() is not None
        )
        if ours and text:
            self._ours = text
            self.timer.start()
        elif text != self._ours:
            self._ours = None
            self.timer.stop()

    def holds_ours(self) -> bool:
        return self._ours is not None and self.clipboard.text(QClipboard.Mode.Clipboard) == self._ours

    def clear(self) -> None:
        if self.holds_ours():
            self.clipboard.clear(QClipboard.Mode.Clipboard)
        self._ours = None
        self.timer.stop()
