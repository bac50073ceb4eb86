"""Atomic, private writes for every file outside the store (Electrum's storage.py pattern).

Key slots, settings and saved PDFs are written to a temp file in the same folder, created with
mode 0600 before the first byte, flushed, fsynced, then ``os.replace``d over the target, and the
folder is fsynced. A crash or a full disk leaves either the old file or the new one, never a
truncated mix. Errors become ``UserError`` with a plain message; the old file is untouched.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from app.errors import UserError
from app.i18n import N_


def atomic_write(path: Path | str, data: bytes, mode: int = 0o600) -> None:
    """Replace ``path`` with ``data`` atomically; the new file has ``mode`` from its creation."""
    path = Path(path)
    folder = path.parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        _discard(tmp)
        raise disk_error(exc, path) from exc
    except BaseException:
        _discard(tmp)
        raise
    fsync_dir(folder)


def _discard(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); a no-op where folders cannot be opened (Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def disk_error(exc: OSError, path: Path) -> UserError:
    """Turn an OSError into the plain message staff should see."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return UserError(N_("The disk is full. Nothing was changed in {file}. Free some space and try again."), file=path.name)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return UserError(N_("Tsunagu may not write to {file}. Nothing was changed."), file=path.name)
    return UserError(N_("Could not write {file} ({reason}). Nothing was changed."), file=path.name, reason=exc.strerror or "I/O error")
