"""GUI test fixtures: real stores in tmp_path, a fake clock, and a Qt warning fails the test.

Like qutebrowser's suite: every Qt warning or critical message not on the short list of known
harmless offscreen ones makes the test fail, and time is injected rather than waited for.
"""

from __future__ import annotations

import collections
import sys
import time
from pathlib import Path

import pytest

import ui  # noqa: F401  (first: the shiboken6 reference-count workaround, see ui/__init__.py)
from PySide6.QtCore import QModelIndex, Qt, QtMsgType, QTimer, qInstallMessageHandler
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QApplication, QComboBox, QGroupBox, QLabel, QLineEdit,
    QListWidget, QPlainTextEdit, QTableWidget,
)

from app.store.kdf import MINIMUM_KDF

PASSWORD = "correct horse battery staple 7"
NEW_PASSWORD = "a brand new passphrase 2026"

# Messages the offscreen platform prints for things it cannot do; never about our code.
HARMLESS = (
    "This plugin does not support propagateSizeHints()",
    "This plugin does not support raise()",
    "This plugin does not support grabbing the keyboard",
    "QFont::fromString",
)


@pytest.fixture(autouse=True)
def fail_on_qt_warnings():
    """Collect Qt warnings and critical messages; any that are not known-harmless fail the test."""
    bad: list[str] = []

    def handler(msg_type, context, message):
        if msg_type == QtMsgType.QtFatalMsg:  # Qt aborts right after: say why first
            sys.stderr.write(f"Qt fatal: {message}\n")
            sys.stderr.flush()
        if msg_type in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            if not any(h in message for h in HARMLESS):
                bad.append(f"{msg_type.name}: {message}")
        if previous is not None:
            previous(msg_type, context, message)  # pytest-qt's capture still reports it

    previous = qInstallMessageHandler(handler)
    yield bad
    current = qInstallMessageHandler(previous)
    if current is not None and current != handler:  # pytest-qt already restored its own: keep that
        qInstallMessageHandler(current)
    if bad:
        pytest.fail("Qt warnings:\n" + "\n".join(bad), pytrace=False)


class FakeClock:
    """A monotonic clock that moves only when told to."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def wall_clock():
    return FakeClock(1_800_000_000.0)


@pytest.fixture
def store(tmp_path):
    """A real store with an administrator ("admin"); returns (path, recovery key text)."""
    from app.store.store import create_store

    path = tmp_path / "office.tsunagu"
    session, recovery = create_store(path, "admin", PASSWORD, kdf=MINIMUM_KDF)
    session.close()
    return path, recovery


def add_person(path: Path, username: str, role: str, password: str = PASSWORD) -> None:
    from app.store import accounts
    from app.store.store import open_store

    session = open_store(path, "admin", PASSWORD)
    try:
        accounts.add_staff(session, username, role, password, kdf=MINIMUM_KDF)
    finally:
        session.close()


def audit_events(path: Path) -> list[tuple[str, str]]:
    """(event, subject) of every audit row, oldest first, read through a new session (whose own
    login row is left out)."""
    from app.store import audit
    from app.store.store import open_store

    session = open_store(path, "admin", PASSWORD)
    try:
        rows = audit.rows(session.conn, limit=100_000)
    finally:
        session.close(event=None)
    return [(r.event, r.subject) for r in reversed(rows)][:-1]


@pytest.fixture
def make_window(qtbot, clock, wall_clock):
    """Build the main window as ``run`` does, with the fake clocks and the cheap legal KDF."""
    from ui.style import apply_language
    from ui.window import MainWindow

    made = []

    def make(store_path: Path | None = None) -> MainWindow:
        window = MainWindow(store_path, kdf=MINIMUM_KDF, clock=clock, wall_clock=wall_clock)
        qtbot.addWidget(window)
        window.start()
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.shutdown()
    apply_language(QApplication.instance(), "en")


@pytest.fixture
def window(make_window, store):
    return make_window(store[0])


def log_in(window, username: str = "admin", password: str = PASSWORD) -> None:
    page = window.login
    page.user.setText(username)
    page.password.setText(password)
    page.button.click()


@pytest.fixture
def logged_in(window):
    log_in(window)
    assert window.session_open
    return window


def later(fn, *args) -> None:
    """Run ``fn`` from the event loop (so a modal dialog it opens does not block the caller)."""
    QTimer.singleShot(0, lambda: fn(*args))


class ModalDriver:
    """Acts on modal dialogs as they appear: ``expect(objectName, action)``.

    A modal dialog that nothing expects is closed after ``STUCK_S`` and recorded, so a broken
    flow fails the test instead of hanging the suite.
    """

    STUCK_S = 5.0

    def __init__(self) -> None:
        self.steps: collections.deque = collections.deque()
        self.seen: list[str] = []
        self.stuck: list[str] = []
        self._unexpected_since: float | None = None
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def expect(self, name: str, action, ready=None) -> "ModalDriver":
        """Run ``action`` on the next modal named ``name``; with ``ready``, only once
        ``ready(widget)`` holds (a second step on the same dialog must wait for the first
        step's queued clicks to finish, however slow the machine)."""
        self.steps.append((name, action, ready))
        return self

    def _poll(self) -> None:
        """Run the first step expected for the modal widget on top (steps for one name run in
        the order given; a step may add steps for the dialogs it opens)."""
        widget = QApplication.activeModalWidget()
        if widget is None or not widget.isVisible():
            self._unexpected_since = None
            return
        for i, (name, action, ready) in enumerate(self.steps):
            if widget.objectName() == name:
                if ready is not None and not ready(widget):
                    return
                del self.steps[i]
                self.seen.append(name)
                self._unexpected_since = None
                action(widget)
                return
        now = time.monotonic()
        if self._unexpected_since is None:
            self._unexpected_since = now
        elif now - self._unexpected_since > self.STUCK_S:
            self.stuck.append(widget.objectName() or type(widget).__name__)
            self._unexpected_since = None
            widget.close()

    def done(self) -> bool:
        return not self.steps

    def stop(self) -> None:
        self.timer.stop()


@pytest.fixture
def modals():
    driver = ModalDriver()
    yield driver
    driver.stop()
    assert driver.stuck == [], "modal dialogs left open"


def flush_deletes() -> None:
    """Delete widgets scheduled with deleteLater, as the event loop would."""
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def all_texts() -> list[str]:
    """Every text any widget holds, hidden or not: labels, fields, items, headers, titles."""
    flush_deletes()
    out: list[str] = []
    for w in QApplication.allWidgets():
        out += [w.windowTitle(), w.toolTip(), w.accessibleName()]
        if isinstance(w, (QLabel, QAbstractButton)):
            out.append(w.text())
        if isinstance(w, QLineEdit):
            out += [w.text(), w.placeholderText()]
        if isinstance(w, QPlainTextEdit):
            out.append(w.toPlainText())
        if isinstance(w, QGroupBox):
            out.append(w.title())
        if isinstance(w, QComboBox):
            out += [w.currentText()] + [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QListWidget):
            out += [w.item(i).text() for i in range(w.count())]
        if isinstance(w, QTableWidget):
            out += [w.item(r, c).text() for r in range(w.rowCount()) for c in range(w.columnCount()) if w.item(r, c)]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model, root = w.model(), QModelIndex()
            try:
                columns = model.columnCount(root)
            except TypeError:  # list models keep columnCount private: one column
                columns = 1
            out += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)]
            for r in range(model.rowCount(root)):
                for c in range(columns):
                    value = model.data(model.index(r, c))
                    out.append("" if value is None else str(value))
    return [t for t in out if t]

