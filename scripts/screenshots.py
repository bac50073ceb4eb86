"""Screenshots of the program's screens on a real X display, for people to look at.

Run under Xvfb:  xvfb-run -a -s "-screen 0 1366x800x24" .venv/bin/python scripts/screenshots.py OUTDIR [ja|en]
Makes a throwaway demo store (fictional cases) in a temp folder, walks through first run, login,
case list, case form, an interview and the lock screen, and grabs the screen after each step.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(out: Path, lang: str) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="tsunagu-shots-"))
    os.environ["TSUNAGU_HOME"] = str(tmp / "home")
    from PySide6.QtCore import Qt

    from app import settings
    from app.cases.demo import DEMO_PASSWORD, DEMO_USER, make_demo_store
    from app.store.kdf import MINIMUM_KDF
    from ui.main import create_application
    from ui.window import MainWindow

    settings.save(settings.Settings(staff_language=lang))
    app = create_application([])
    out.mkdir(parents=True, exist_ok=True)

    def shot(window, name: str) -> None:
        for _ in range(20):
            app.processEvents()
        pixmap = app.primaryScreen().grabWindow(0)
        pixmap.copy(window.frameGeometry()).save(str(out / f"{lang}-{name}.png"))

    first = MainWindow(None, kdf=MINIMUM_KDF)
    first.resize(1200, 760)
    first.start()
    first.show()
    shot(first, "first-run")
    first.shutdown()
    first.close()

    store = tmp / "demo.tsunagu"
    make_demo_store(store, 60, kdf=MINIMUM_KDF)
    win = MainWindow(store, kdf=MINIMUM_KDF)
    win.resize(1200, 760)
    win.start()
    win.show()
    win.login.user.setText(DEMO_USER)
    shot(win, "login")
    win.login.password.setText(DEMO_PASSWORD)
    win.login.button.click()
    shot(win, "case-list")
    from app.cases import repo

    case = repo.search_cases(win.session, "")[0]
    win.open_case(case.id)
    shot(win, "case-form")
    win.case_form.interview_button.click()
    shot(win, "interview-1")
    page = win.interview
    from PySide6.QtTest import QTest

    for key in (Qt.Key.Key_Y, Qt.Key.Key_N, Qt.Key.Key_Y, Qt.Key.Key_Y):
        QTest.keyClick(page, key)
    shot(win, "interview-5")
    page.signs_button.click()
    shot(win, "interview-signs")
    win.lock()
    shot(win, "locked")
    win.shutdown()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "screenshots", sys.argv[2] if len(sys.argv) > 2 else "en")
