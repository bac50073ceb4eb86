"""Where Tsunagu keeps its files, all overridable for tests (TSUNAGU_HOME) and portable installs.

The default store lives in the user's data folder; the settings file (last store, staff
language: nothing about any case) in the config folder; the log (event names and case numbers
only) in the state folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_path, user_data_path, user_state_path

APP = "Tsunagu"
DEFAULT_STORE_NAME = "cases.tsunagu"


def _home() -> Path | None:
    value = os.environ.get("TSUNAGU_HOME")
    return Path(value) if value else None


def _private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def data_dir() -> Path:
    home = _home()
    return _private_dir(home / "data" if home else user_data_path(APP, appauthor=False))


def config_dir() -> Path:
    home = _home()
    return _private_dir(home / "config" if home else user_config_path(APP, appauthor=False))


def state_dir() -> Path:
    home = _home()
    return _private_dir(home / "state" if home else user_state_path(APP, appauthor=False))


def default_store_path() -> Path:
    return data_dir() / DEFAULT_STORE_NAME
