"""Password rules and the key-derivation parameters for staff key slots.

Argon2id turns a password into a key-encryption key (KEK). The floor below is a security
requirement (R1): a slot file asking for less is refused, so nobody can downgrade a slot by
editing the file. New slots use the default, tuned to about half a second on the reference
machine (bench/ measures it). Passwords are NFC-normalised so a password typed through a
Japanese IME in one composition form still opens the store in another.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw

from app.errors import UserError
from app.i18n import N_

MIN_MEMORY_KIB = 64 * 1024
MIN_TIME_COST = 3
MIN_PARALLELISM = 1
MIN_PASSWORD_CHARS = 12
MIN_PASSWORD_WORDS = 4

# A short blocklist of passwords people actually choose in offices; long and common ones only,
# since anything under 12 characters is refused anyway.
BLOCKLIST = frozenset(
    {
        "password1234", "passwordpassword", "123456789012", "1234567890123", "qwertyuiopas",
        "qwerty123456", "abcdefghijkl", "aaaaaaaaaaaa", "iloveyou1234", "welcome12345",
        "tsunagutsunagu", "tsunagu12345", "tsunagu2026!", "administrator", "adminadminadmin",
        "letmein12345", "changeme1234", "p@ssw0rd1234", "passw0rd1234", "0000000000000",
        "111111111111", "correct horse battery staple",
    }
)


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost; stored in each slot so it can be raised later without breaking old slots."""

    memory_kib: int = 256 * 1024
    time_cost: int = 3
    parallelism: int = 4

    def check(self) -> None:
        if (
            self.memory_kib < MIN_MEMORY_KIB
            or self.time_cost < MIN_TIME_COST
            or self.parallelism < MIN_PARALLELISM
        ):
            from app.errors import StoreFileError

            raise StoreFileError(N_("The key file asks for weaker protection than Tsunagu allows; it was not used."))

    def to_dict(self) -> dict:
        return {"alg": "argon2id", "m": self.memory_kib, "t": self.time_cost, "p": self.parallelism}

    @classmethod
    def from_dict(cls, d: dict) -> "KdfParams":
        if d.get("alg") != "argon2id":
            from app.errors import StoreFileError

            raise StoreFileError(N_("The key file uses an unknown key derivation; it was not used."))
        params = cls(int(d["m"]), int(d["t"]), int(d["p"]))
        params.check()
        return params


DEFAULT_KDF = KdfParams()
MINIMUM_KDF = KdfParams(MIN_MEMORY_KIB, MIN_TIME_COST, 4)


def normalize_password(password: str) -> str:
    """NFC form, so composed and decomposed kana or accents give the same key."""
    return unicodedata.normalize("NFC", password)


def password_problem(password: str) -> str | None:
    """Why ``password`` is too weak (an English msgid), or None when it is acceptable."""
    pw = normalize_password(password)
    stripped = pw.strip()
    words = [w for w in stripped.split() if w]
    if len(stripped) < MIN_PASSWORD_CHARS and len(words) < MIN_PASSWORD_WORDS:
        return N_("Use at least 12 characters, or at least 4 words.")
    if stripped.casefold() in BLOCKLIST or len(set(stripped)) <= 2:
        return N_("This password is too common. Choose another one.")
    return None


def check_password(password: str) -> str:
    """The normalised password, or a UserError saying why it is refused."""
    problem = password_problem(password)
    if problem:
        raise UserError(problem)
    return normalize_password(password)


def derive_kek(password: str, salt: bytes, params: KdfParams) -> bytes:
    """A 256-bit key-encryption key from a password (NFC) and the slot's salt."""
    params.check()
    return hash_secret_raw(
        normalize_password(password).encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )
