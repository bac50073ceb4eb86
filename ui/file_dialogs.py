"""Qt's own file dialog with no history and no saved state (R18, KeePassXC #1151).

Qt keeps a file dialog's last folder and history in the user's shared QtProject settings. Here
they go to a private folder of ours, which is removed as soon as the dialog is gone. Every file
dialog in the program (opening a store, saving a PDF) goes through ``private_file_dialog``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def private_qt_settings() -> Path:
    """Point Qt's user settings at a private scratch folder (removed after each dialog)."""
    from PySide6.QtCore import QSettings

    from app.paths import config_dir

    folder = config_dir() / "qt-scratch"
    folder.mkdir(mode=0o700, exist_ok=True)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    return folder


def private_file_dialog(
    parent: QWidget, title: str, *, save: bool, start: Path, filters: list[str], suffix: str = "",
    select: str = "", folder_only: bool = False,
) -> str:
    """The chosen path (a folder with ``folder_only``), or "" if cancelled."""
    import shiboken6

    folder = private_qt_settings()
    dialog = QFileDialog(parent, title, str(start))
    dialog.setObjectName("fileDialog")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setHistory([])
    dialog.setNameFilters(filters)
    if folder_only:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    elif save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        if suffix:
            dialog.setDefaultSuffix(suffix)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    if select:
        dialog.selectFile(select)
    accepted = dialog.exec() == QFileDialog.DialogCode.Accepted
    chosen = dialog.selectedFiles()[0] if accepted and dialog.selectedFiles() else ""
    dialog.setHistory([])
    shiboken6.delete(dialog)  # now, so that it saves its state before the folder is removed
    shutil.rmtree(folder, ignore_errors=True)
    return chosen
