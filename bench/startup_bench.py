"""Start-up: process start to the login window shown, against a bare PySide6 window.

Both are started the same way (a new Python process, same platform plugin) in the same run and
alternated, so the ratio is fair on a busy machine. The program prints "shown <monotonic>" when
its first page is exposed if TSUNAGU_BENCH_SHOWN is set; time.monotonic is system-wide on
Linux, so the parent's start time and the child's are on one clock.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app.cases.demo import make_demo_store
from app.store.kdf import MINIMUM_KDF
from bench.common import median, report

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 7

BARE = r"""
import os, sys, time
from PySide6.QtCore import QObject, QEvent
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv)
w = QWidget(); w.setWindowTitle("bare"); w.resize(900, 600)
class Shown(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Expose and obj.isExposed():
            print(f"shown {time.monotonic()}", flush=True); app.quit()
        return False
f = Shown(); w.windowHandle() if False else None
w.show(); w.windowHandle().installEventFilter(f)
app.exec()
"""


def _time_to_shown(cmd: list[str], env: dict) -> float:
    start = time.monotonic()
    out = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
    for line in out.stdout.splitlines():
        if line.startswith("shown "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"no 'shown' line from {cmd[:3]}: {out.stdout[-300:]} {out.stderr[-500:]}")


def run(results: dict) -> None:
    with tempfile.TemporaryDirectory(prefix="tsunagu-start-") as tmp:
        home = Path(tmp) / "home"
        env = dict(os.environ, TSUNAGU_HOME=str(home), TSUNAGU_BENCH_SHOWN="1")
        env.setdefault("QT_QPA_PLATFORM", "offscreen" if not env.get("DISPLAY") else "xcb")
        store = Path(tmp) / "start.tsunagu"
        make_demo_store(store, 50, kdf=MINIMUM_KDF)
        sys.path.insert(0, str(ROOT))
        from app import settings

        os.environ["TSUNAGU_HOME"] = str(home)
        settings.save(settings.Settings(last_store=str(store), staff_language="ja"))
        program = [sys.executable, "-m", "ui.launcher"]
        bare = [sys.executable, "-c", BARE]
        _time_to_shown(program, env), _time_to_shown(bare, env)  # warm the file cache
        login, plain = [], []
        for _ in range(ROUNDS):
            login.append(_time_to_shown(program, env))
            plain.append(_time_to_shown(bare, env))
    report(results, "startup_login_window_s", median(login), "s", "<= 1.0")
    report(results, "startup_bare_pyside6_window_s", median(plain), "s")
    report(results, "startup_ratio_login_to_bare", median(login) / median(plain), "x", "<= 2")
