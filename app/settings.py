"""Per-user settings outside the store: the last store opened and the staff language.

Nothing here may identify a person or a case (privacy rule 1): the file is plain JSON, written
atomically with mode 0600. A damaged file is replaced by defaults rather than stopping the
program, since it holds nothing that cannot be chosen again.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path

from app import paths
from app.fileio import atomic_write
from app.i18n import STAFF_LANGUAGES, system_language

log = logging.getLogger("tsunagu")
FILE_NAME = "settings.json"


@dataclass
class Settings:
    last_store: str = ""
    staff_language: str = ""
    last_user: str = ""  # a staff user name is not case data; it saves typing on a personal laptop
    backup_folder: str = ""  # where the last backup went (a folder, never a case)

    def language(self) -> str:
        return self.staff_language if self.staff_language in STAFF_LANGUAGES else system_language()


def settings_path() -> Path:
    return paths.config_dir() / FILE_NAME


def load() -> Settings:
    path = settings_path()
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        known = {k: str(v) for k, v in doc.items() if k in Settings.__dataclass_fields__}
        return Settings(**known)
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError, TypeError, AttributeError):
        log.warning("settings file unreadable; using defaults")
        return Settings()


def save(settings: Settings) -> None:
    atomic_write(settings_path(), json.dumps(asdict(settings), indent=1).encode("utf-8"))
