"""Failed logins slow down: a growing delay per user name, shown to the person waiting (R17).

This is friction for someone guessing at the keyboard, not the real protection (an offline
attacker skips it; the slow KDF is the real control). The clock is injectable for tests.
Failures are kept in memory and written to the audit log at the next successful unlock, since
nothing can be written to the store before it is unlocked.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

from app.store.keyslots import normalize_username

FREE_TRIES = 2
MAX_DELAY_S = 300.0
LOCKOUT_AFTER = 10


def delay_after(failures: int) -> float:
    """Seconds to wait after ``failures`` consecutive failures: 0, 0, 2, 4, 8 ... up to 5 min."""
    if failures <= FREE_TRIES:
        return 0.0
    return min(MAX_DELAY_S, 2.0 ** (failures - FREE_TRIES))


@dataclass
class LoginThrottle:
    clock: Callable[[], float] = time.monotonic
    _failures: dict[str, int] = field(default_factory=dict)
    _next_allowed: dict[str, float] = field(default_factory=dict)
    pending: list[str] = field(default_factory=list)  # user names that failed, for the audit log

    def wait_seconds(self, username: str) -> float:
        """How long before ``username`` may try again (0 when it may try now)."""
        key = normalize_username(username)
        return max(0.0, self._next_allowed.get(key, 0.0) - self.clock())

    def failures(self, username: str) -> int:
        return self._failures.get(normalize_username(username), 0)

    def locked_out(self, username: str) -> bool:
        """After 10 failures only the recovery key (or another account) unlocks in this session."""
        return self.failures(username) >= LOCKOUT_AFTER

    def record_failure(self, username: str) -> float:
        key = normalize_username(username)
        n = self._failures.get(key, 0) + 1
        self._failures[key] = n
        delay = delay_after(n)
        self._next_allowed[key] = self.clock() + delay
        self.pending.append(key)
        return delay

    def record_success(self, username: str) -> list[str]:
        """Forget this user's failures; return (and clear) every failure still to be audited."""
        key = normalize_username(username)
        self._failures.pop(key, None)
        self._next_allowed.pop(key, None)
        pending, self.pending = self.pending, []
        return pending
