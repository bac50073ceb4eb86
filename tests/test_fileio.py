"""Files outside the store are replaced atomically: old or new, never partial (R12)."""

from __future__ import annotations

import errno
import os

import pytest

from app import fileio, settings
from app.errors import UserError
from app.store.throttle import LOCKOUT_AFTER, LoginThrottle, delay_after


class FailAfter:
    """A file object that fails after ``n`` bytes, like a disk filling up mid-write."""

    def __init__(self, real, n):
        self.real, self.left = real, n

    def write(self, data):
        if len(data) > self.left:
            self.real.write(data[: self.left])
            raise OSError(errno.ENOSPC, "No space left on device")
        self.left -= len(data)
        return self.real.write(data)

    def __getattr__(self, name):
        return getattr(self.real, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.real.close()


@pytest.mark.parametrize("n", [0, 1, 512, 4095])
def test_failed_write_leaves_the_old_file(tmp_path, monkeypatch, n):
    (tmp_path / "d").mkdir()
    target = tmp_path / "d" / "slots.keys"
    target.write_bytes(b"old complete content")
    real_fdopen = os.fdopen
    monkeypatch.setattr(fileio.os, "fdopen", lambda fd, mode: FailAfter(real_fdopen(fd, mode), n))
    with pytest.raises(UserError) as err:
        fileio.atomic_write(target, b"n" * 8192)
    assert "disk is full" in str(err.value)
    assert target.read_bytes() == b"old complete content"
    assert sorted(p.name for p in target.parent.iterdir()) == ["slots.keys"]


def test_new_file_is_private_from_the_start(tmp_path):
    target = tmp_path / "new.json"
    fileio.atomic_write(target, b"{}")
    assert target.stat().st_mode & 0o777 == 0o600


def test_settings_round_trip_and_damaged_file(tsunagu_home):
    s = settings.load()
    s.last_store, s.staff_language = "/x/cases.tsunagu", "ja"
    settings.save(s)
    assert settings.load().language() == "ja"
    settings.settings_path().write_text("{broken")
    assert settings.load().last_store == ""


def test_login_delay_grows_and_locks_out():
    now = [1000.0]
    t = LoginThrottle(clock=lambda: now[0])
    assert [delay_after(n) for n in range(1, 7)] == [0, 0, 2, 4, 8, 16]
    for _ in range(3):
        t.record_failure("Sato")
    assert t.wait_seconds("sato") == 2.0
    now[0] += 1.5
    assert t.wait_seconds("SATO") == pytest.approx(0.5)
    for _ in range(LOCKOUT_AFTER - 3):
        t.record_failure("sato")
    assert t.locked_out("sato") and not t.locked_out("kato")
    assert delay_after(50) == 300.0
    assert len(t.record_success("sato")) == LOCKOUT_AFTER
    assert t.failures("sato") == 0 and t.pending == []
