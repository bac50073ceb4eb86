"""Start the program: QApplication, staff language and fonts, the crash handler, the main window.

Start-up imports only QtCore, QtGui and QtWidgets and the light parts of app/; the store, CLDR
and case modules are imported once the first page is on screen. With TSUNAGU_BENCH_SHOWN set,
"shown <time.monotonic()>" is printed when the first page is exposed and the program quits (the
start-up benchmark reads it).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from app import settings as app_settings
from app.i18n import set_language

PRELOAD_DELAY_MS = 300


class _FirstExpose(QObject):
    """Calls ``callback`` once, when the window is first really on screen.

    Polled with a zero-time timer rather than an event filter: a Python event filter makes
    PySide6 build its enum classes before the first frame, which costs more than the window.
    """

    def __init__(self, window, callback) -> None:
        super().__init__(window)
        self._window = window
        self._callback = callback
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._poll)

    def arm(self) -> None:
        self._poll()
        if self._callback is not None:
            self._timer.start()

    def _poll(self) -> None:
        handle = self._window.windowHandle()
        if handle is None or not handle.isExposed():
            return
        self._timer.stop()
        callback, self._callback = self._callback, None
        if callback is not None:
            callback()


def _bench_shown(app: QApplication) -> None:
    sys.stdout.write(f"shown {time.monotonic()}\n")
    sys.stdout.flush()
    QTimer.singleShot(0, app.quit)


def _preload() -> None:
    """Import what the first login needs while the person is typing their password."""
    import app.cases.names  # noqa: F401
    import app.store.store  # noqa: F401
    import ui.case_form  # noqa: F401
    import ui.case_list  # noqa: F401


def create_application(argv: list[str] | None = None) -> QApplication:
    from ui.style import apply_language

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Tsunagu")
    lang = app_settings.load().language()
    set_language(lang)
    apply_language(app, lang)
    return app


def run(store: str | None = None, *, kdf=None) -> int:
    """The desktop program; returns the exit code. ``kdf`` is for tests (a cheaper legal cost)."""
    app = create_application()
    from ui.errors import ExceptHook
    from ui.window import MainWindow

    hook = ExceptHook()
    hook.install()
    window = MainWindow(Path(store) if store else None, kdf=kdf)
    window.start()
    if os.environ.get("TSUNAGU_BENCH_SHOWN"):
        watcher = _FirstExpose(window, lambda: _bench_shown(app))
    else:
        watcher = _FirstExpose(window, lambda: QTimer.singleShot(PRELOAD_DELAY_MS, _preload))
    window.show()
    watcher.arm()
    try:
        return app.exec()
    finally:
        window.shutdown()
        hook.uninstall()


if __name__ == "__main__":
    sys.exit(run(sys.argv[1] if len(sys.argv) > 1 else None))
