"""The printed recovery key: 160 random bits as 8 groups of 4 characters for the office safe.

Crockford's base32 alphabet has no I, L, O or U, so a key copied by hand survives the usual
misreadings: input is upper-cased, spaces and hyphens dropped, O read as 0 and I or L as 1.
"""

from __future__ import annotations

import secrets
import unicodedata

from app.errors import AuthError
from app.i18n import N_

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
KEY_BYTES = 20
GROUP = 4


def new_recovery_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def format_recovery_key(key: bytes) -> str:
    """``ABCD-EFGH-...`` (8 groups)."""
    n = int.from_bytes(key, "big")
    chars = []
    for _ in range(KEY_BYTES * 8 // 5):
        chars.append(ALPHABET[n & 31])
        n >>= 5
    text = "".join(reversed(chars))
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def parse_recovery_key(text: str) -> bytes:
    """The key from what a person typed; AuthError if it cannot be a recovery key."""
    cleaned = unicodedata.normalize("NFKC", text).upper().replace("O", "0").replace("I", "1").replace("L", "1")
    cleaned = "".join(ch for ch in cleaned if ch not in " -\t\r\n\u3000ー－")
    if len(cleaned) != KEY_BYTES * 8 // 5 or any(ch not in ALPHABET for ch in cleaned):
        raise AuthError(N_("A recovery key has 32 letters and digits in 8 groups of 4. Check what you typed."))
    n = 0
    for ch in cleaned:
        n = (n << 5) | ALPHABET.index(ch)
    return n.to_bytes(KEY_BYTES, "big")
