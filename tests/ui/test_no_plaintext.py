"""The release gate in small (R6): drive the program with marker strings in a case, then look
for them in every file it could have written: the store, -wal, -shm, key slots, settings, logs,
Qt's own settings and the temp folder. Expected hits: none."""

from __future__ import annotations

import base64
from pathlib import Path

from PySide6.QtCore import Qt

from app.logs import setup_logging
from tests.ui.conftest import PASSWORD, log_in

MARKERS = ["Marker-Alias-ZQ81", "試験花子", "สมหญิงทดสอบ", "Dela-Cruz-Marker", "090-8765-4321", "Secret-Note-X4"]


def _needles(extra: list[bytes]) -> list[bytes]:
    out = list(extra)
    for m in MARKERS:
        out += [m.encode("utf-8"), m.encode("utf-16-le")]
        try:
            out.append(m.encode("shift_jis"))
        except UnicodeEncodeError:
            pass
    return out


def _scan(roots, needles):
    hits = []
    for root in roots:
        root = Path(root)
        files = [root] if root.is_file() else [f for f in root.rglob("*") if f.is_file()] if root.exists() else []
        for f in files:
            data = f.read_bytes()
            hits += [(str(f), n[:20]) for n in needles if n in data]
    return hits


def test_driving_the_program_leaves_no_marker_on_disk(make_window, store, qtbot, tmp_path, monkeypatch, tsunagu_home):
    monkeypatch.setenv("HOME", str(tmp_path / "userhome"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "userhome" / ".config"))
    setup_logging()
    path, _recovery = store
    window = make_window(path)
    log_in(window)
    dek = bytes(window.session.dek())
    window.case_list.new_button.click()
    form = window.case_form
    form.alias.setText(MARKERS[0])
    form.real_name.setText(MARKERS[1] + " " + MARKERS[3])
    form.contact_how.setText(MARKERS[4])
    form.notes.setPlainText(f"{MARKERS[2]} {MARKERS[5]}")
    form.nationality.setEditText("thailand")
    form.languages.check("th")
    form.save_button.click()
    assert form.case is not None
    form.interview_button.click()
    page = window.interview
    for key in (Qt.Key.Key_Y, Qt.Key.Key_Y, Qt.Key.Key_Y, Qt.Key.Key_Y):
        qtbot.keyClick(page, key)
    page.pause_button.click()
    window.show_case_list()
    window.case_list.search.setText(MARKERS[0][:10])
    window.case_list.refresh()
    window.case_list.names_toggle.setChecked(True)
    wal = Path(f"{path}-wal")
    assert wal.exists() and wal.stat().st_size > 0
    roots = [path.parent, tsunagu_home, tmp_path / "tmp", tmp_path / "userhome"]
    needles = _needles([dek.hex().encode(), base64.b64encode(dek), PASSWORD.encode()])
    assert _scan(roots, needles) == [], "while open"
    qtbot.keyClick(window, Qt.Key.Key_F12)
    assert not window.session_open
    log_in(window)
    window.shutdown()
    assert _scan(roots, needles) == [], "after lock and quit"
