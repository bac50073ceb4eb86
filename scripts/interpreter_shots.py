"""Screenshots of the bilingual interview card and the interpreter screen in given languages.

Run under Xvfb:  xvfb-run -a -s "-screen 0 2600x900x24" .venv/bin/python scripts/interpreter_shots.py OUTDIR th my km ne zh_Hant ko
For each language: a fictional case, an interview started in that language, a few questions
answered (so a choice question shows), then the staff window and the interpreter window are
grabbed from the X screen. Used to check by eye that every script renders (no boxes, marks in
place) and nothing is clipped.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(out: Path, langs: list[str], staff: str = "ja") -> None:
    tmp = Path(tempfile.mkdtemp(prefix="tsunagu-interp-"))
    os.environ["TSUNAGU_HOME"] = str(tmp / "home")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from app import settings
    from app.cases import repo
    from app.cases.model import Person
    from app.store.kdf import MINIMUM_KDF
    from app.store.store import create_store
    from ui.main import create_application
    from ui.window import MainWindow

    settings.save(settings.Settings(staff_language=staff))
    app = create_application([])
    out.mkdir(parents=True, exist_ok=True)
    store = tmp / "shots.tsunagu"
    session, _ = create_store(store, "admin", "screenshot store password", kdf=MINIMUM_KDF)
    session.close()

    def grab(widget, name):
        for _ in range(30):
            app.processEvents()
        app.primaryScreen().grabWindow(0).copy(widget.frameGeometry()).save(str(out / name))

    win = MainWindow(store, kdf=MINIMUM_KDF)
    win.resize(1280, 800)
    win.move(0, 0)
    win.start()
    win.show()
    win.login.user.setText("admin")
    win.login.password.setText("screenshot store password")
    win.login.button.click()
    for lang in langs:
        case = repo.create_case(win.session, Person(alias="Demo", languages=(lang,)))
        win.open_case(case.id)
        win.case_form.interview_button.click()
        page = win.interview
        page.interpreter_button.setChecked(True)
        page.interpreter.move(1290, 0)
        for key in (Qt.Key.Key_Y, Qt.Key.Key_N, Qt.Key.Key_Y, Qt.Key.Key_Y):
            QTest.keyClick(page, key)
        grab(win, f"{lang}-card-1.png")
        grab(page.interpreter, f"{lang}-interpreter-1.png")
        page.answers.buttons["declined"].click()  # age: does not want to say
        if page.flow.current(page.record.state).type != "multi":
            page.answers.buttons["declined"].click()
        grab(win, f"{lang}-card-2.png")
        grab(page.interpreter, f"{lang}-interpreter-2.png")
        page.interpreter_button.setChecked(False)
        page.pause_button.click()
    win.shutdown()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:] or ["th", "my", "km", "ne", "zh_Hant", "ko"])
