"""Logging: event names and case numbers only (privacy rule 2), to a private file.

Core dumps are switched off so a crash cannot leave case data in a core file (R8). Handlers
format only the message template's arguments we pass, and no code logs model objects.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys

from app import paths

_configured = False


def disable_core_dumps() -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        pass
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            PR_SET_DUMPABLE = 4
            ctypes.CDLL(None).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
        except (OSError, AttributeError):
            pass


def setup_logging(level: int = logging.INFO) -> None:
    global _configured
    if _configured:
        return
    _configured = True
    disable_core_dumps()
    path = paths.state_dir() / "tsunagu.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=512 * 1024, backupCount=2, encoding="utf-8")
    try:
        os.chmod(path, 0o600)
    except OSError:
        pass
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger("tsunagu")
    root.setLevel(level)
    root.addHandler(handler)
    root.propagate = False
