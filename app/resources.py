"""Where the shipped data files are: the question bank, indicators, recipients, contacts, leaflets
and the translation catalogs.

One helper instead of each module counting ``parents[2]`` from its own file, so that a frozen
build (PyInstaller unpacks data beside the code, ``sys._MEIPASS``) and a source checkout find the
same files the same way.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[1]))


def path(*parts: str) -> Path:
    """A file or folder under resources/, e.g. ``path("questions")``."""
    return ROOT.joinpath("resources", *parts)


def locales_dir() -> Path:
    """The gettext catalogs, ``locales/<lang>/LC_MESSAGES/<domain>.po``."""
    return ROOT / "locales"
