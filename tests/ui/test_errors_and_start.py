"""The crash dialog shows no case data; a UserError is a plain message; start-up stays light."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit

from app.errors import UserError
from tests.ui.conftest import later

ROOT = Path(__file__).resolve().parents[2]
SECRET = "Maria Santos, passport P1234567"


def _raise_with_secret():
    person = {"name": SECRET}
    raise ValueError(f"cannot handle {person!r}")


def test_crash_dialog_shows_type_and_locations_only(qapp, modals):
    from ui.errors import ExceptHook

    try:
        _raise_with_secret()
    except ValueError:
        exc_type, exc, tb = sys.exc_info()
    seen = {}

    def read(dialog):
        seen["details"] = dialog.findChild(QPlainTextEdit, "crashDetails").toPlainText()
        seen["texts"] = " ".join(label.text() for label in dialog.findChildren(QLabel))
        later(dialog.accept)

    modals.expect("crashDialog", read)
    hook = ExceptHook()
    hook(exc_type, exc, tb)
    assert modals.done()
    details = seen["details"]
    assert details.splitlines()[0] == "ValueError"
    assert "tests/ui/test_errors_and_start.py:" in details
    assert SECRET not in details and "passport" not in details and "cannot handle" not in details
    assert all(line.strip().rsplit(":", 1)[1].isdigit() for line in details.splitlines()[1:])
    assert "saved is safe" in seen["texts"]


def test_user_error_becomes_a_plain_message(qapp, modals):
    from ui.errors import ExceptHook

    seen = []
    modals.expect("userError", lambda box: (seen.append(box.text()), later(box.accept)))
    ExceptHook()(UserError, UserError("The store is locked."), None)
    assert seen == ["The store is locked."]


def test_hook_installs_and_restores(qapp):
    from ui.errors import ExceptHook

    before = sys.excepthook
    hook = ExceptHook()
    hook.install()
    assert sys.excepthook is hook
    hook.uninstall()
    assert sys.excepthook is before


def _bench(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, TSUNAGU_BENCH_SHOWN="1", TSUNAGU_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    code = (
        "import sys; from ui.main import run; rc = run(*sys.argv[1:]); "
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('babel', 'sqlcipher3', 'cryptography', 'argon2') or m.startswith('PySide6.QtWebEngine') "
        "or m in ('PySide6.QtNetwork', 'PySide6.QtQml', 'app.store.store', 'app.cases.repo')); "
        "print('heavy', heavy); sys.exit(rc)"
    )
    return subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)


def test_benchmark_hook_on_first_run(tmp_path):
    started = time.monotonic()
    result = _bench(tmp_path / "home")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("shown ")
    assert started < float(lines[0].split()[1]) < time.monotonic()
    assert lines[1] == "heavy []"  # nothing heavy before the first page is on screen


def test_benchmark_hook_on_login(tmp_path, store):
    result = _bench(tmp_path / "home", str(store[0]))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("shown ")
    assert "heavy []" in result.stdout


def test_run_opens_the_login_window_and_returns_the_exit_code(qapp, store, monkeypatch):
    from ui import main

    shown = {}

    def look_and_close():
        window = [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"][0]
        shown["title"] = window.windowTitle()
        shown["page"] = window.stack.currentWidget().objectName()
        window.close()

    QTimer.singleShot(200, look_and_close)
    monkeypatch.setattr(main, "PRELOAD_DELAY_MS", 0)
    assert main.run(str(store[0])) == 0
    assert shown == {"title": "Tsunagu", "page": "loginPage"}
