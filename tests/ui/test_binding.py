"""Guard against the shiboken6 6.12.0 bug on CPython 3.11 (None's reference count leaks away on
every void call, then the interpreter aborts): an upgrade of PySide6 must pass this first."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget


def test_void_calls_keep_none_alive(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    before = sys.getrefcount(None)
    for _ in range(2000):
        w.setWindowTitle("Tsunagu")
    assert sys.getrefcount(None) - before > -100
