"""The layers of app/, bottom to top: a module may import its own package and any package
listed before it, never one after it. tests/test_layering.py reads every import (top-level and
inside functions) and fails on an upward import or an import cycle, naming both ends.

Why this order: the text rules and file locations know nothing; i18n, errors and file writing
serve everyone; the consultation lines are plain data a leaflet can print without ever reaching
the store (tests/printing checks that wall), while the store keeps the office's own lines; cases
and screening are domains over the store; the interview walks the question bank and screens its answers; printing lays out
leaflets (with the contacts) and referrals build their packets on printing and on everything
below (the design notes' first map put printing above referrals: the code is right). The
command line sits on top. ui/ may import any of app/; app/ never imports ui/ or Qt.
"""

from __future__ import annotations

LAYERS: tuple[str, ...] = (
    "layers",
    "text",
    "resources",
    "paths",
    "i18n",
    "errors",
    "fileio",
    "settings",
    "logs",
    "roles",
    "contacts",
    "store",
    "cases",
    "screening",
    "interview",
    "printing",
    "referrals",
    "cli",
)


def rank(package: str) -> int:
    """Position of an app/ package (or top-level module) in LAYERS; unknown names raise KeyError."""
    return LAYERS.index(package)
