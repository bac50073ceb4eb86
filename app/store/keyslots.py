"""The key-slot file: the store's data key wrapped once per staff account and once for recovery.

This is the LUKS / Bitwarden pattern. The data key (DEK) is random; each slot holds it encrypted
with AES-256-GCM under a key derived from one person's password (Argon2id) or from the printed
recovery key. Removing a person removes their slot; resetting a password writes a new slot.
The store file itself never changes when slots change.

The file is JSON beside the store (``<store>.keys``), written atomically with mode 0600. It holds
no names: a slot is found by an HMAC of the normalised user name under a per-store random salt,
so the file does not list who works at the office.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.errors import AuthError, StoreFileError
from app.fileio import atomic_write
from app.i18n import N_
from app.store.kdf import DEFAULT_KDF, KdfParams, derive_kek

FORMAT = "tsunagu-keyslots"
FORMAT_VERSION = 1
RECOVERY = "recovery"
USER = "user"

WRONG_LOGIN = N_("The user name or password is not correct.")
WRONG_RECOVERY = N_("The recovery key is not correct.")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def keys_path(store_path: Path | str) -> Path:
    """Where the key slots of ``store_path`` live."""
    p = Path(store_path)
    return p.with_name(p.name + ".keys")


def normalize_username(name: str) -> str:
    """User names compare NFKC-casefolded and trimmed (ＳＡＴＯ and sato are the same person)."""
    return unicodedata.normalize("NFKC", name).strip().casefold()


@dataclass
class Slot:
    """One wrapped copy of the data key."""

    slot_id: str
    kind: str  # USER or RECOVERY
    lookup: str  # HMAC of the user name (USER) or "" (RECOVERY)
    salt: bytes
    kdf: KdfParams | None  # None for the recovery slot (its key is already high-entropy)
    nonce: bytes
    wrapped: bytes

    def to_dict(self) -> dict:
        return {
            "id": self.slot_id,
            "kind": self.kind,
            "lookup": self.lookup,
            "salt": _b64(self.salt),
            "kdf": self.kdf.to_dict() if self.kdf else None,
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.wrapped),
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Slot":
        kind = d["kind"]
        if kind not in (USER, RECOVERY):
            raise ValueError(kind)
        return cls(
            slot_id=str(d["id"]),
            kind=kind,
            lookup=str(d["lookup"]),
            salt=_unb64(d["salt"]),
            kdf=KdfParams.from_dict(d["kdf"]) if kind == USER else None,
            nonce=_unb64(d["nonce"]),
            wrapped=_unb64(d["wrapped"]),
        )


@dataclass
class KeySlots:
    """All slots of one store, plus the store's id (bound into every wrap as associated data)."""

    store_id: str
    lookup_salt: bytes
    slots: list[Slot] = field(default_factory=list)

    @classmethod
    def new(cls) -> "KeySlots":
        return cls(store_id=secrets.token_hex(16), lookup_salt=secrets.token_bytes(32))

    # -- finding and opening ---------------------------------------------------------------
    def lookup(self, username: str) -> str:
        return hmac.new(self.lookup_salt, normalize_username(username).encode("utf-8"), hashlib.sha256).hexdigest()

    def user_slot(self, username: str) -> Slot | None:
        key = self.lookup(username)
        for slot in self.slots:
            if slot.kind == USER and hmac.compare_digest(slot.lookup, key):
                return slot
        return None

    def has_user(self, username: str) -> bool:
        return self.user_slot(username) is not None

    def unlock_user(self, username: str, password: str) -> bytearray:
        """The data key, or AuthError. An unknown user costs the same KDF time as a known one."""
        slot = self.user_slot(username)
        if slot is None:
            derive_kek(password, secrets.token_bytes(16), DEFAULT_KDF)  # same cost: no user oracle
            raise AuthError(WRONG_LOGIN)
        kek = derive_kek(password, slot.salt, slot.kdf or DEFAULT_KDF)
        return self._unwrap(slot, kek, WRONG_LOGIN)

    def unlock_recovery(self, recovery_key: bytes) -> bytearray:
        for slot in self.slots:
            if slot.kind == RECOVERY:
                kek = _recovery_kek(recovery_key, slot.salt)
                return self._unwrap(slot, kek, WRONG_RECOVERY)
        raise AuthError(WRONG_RECOVERY)

    def _unwrap(self, slot: Slot, kek: bytes, message: str) -> bytearray:
        try:
            dek = AESGCM(kek).decrypt(slot.nonce, slot.wrapped, self._aad(slot))
        except InvalidTag:
            raise AuthError(message) from None
        return bytearray(dek)

    # -- changing ----------------------------------------------------------------------------
    def set_user(self, username: str, password: str, dek: bytes, kdf: KdfParams = DEFAULT_KDF) -> None:
        """Add a slot for ``username`` or replace theirs (password reset)."""
        self.remove_user(username)
        salt = secrets.token_bytes(16)
        slot = Slot(secrets.token_hex(8), USER, self.lookup(username), salt, kdf, b"", b"")
        self._wrap(slot, derive_kek(password, salt, kdf), dek)
        self.slots.append(slot)

    def set_recovery(self, recovery_key: bytes, dek: bytes) -> None:
        self.slots = [s for s in self.slots if s.kind != RECOVERY]
        salt = secrets.token_bytes(16)
        slot = Slot(secrets.token_hex(8), RECOVERY, "", salt, None, b"", b"")
        self._wrap(slot, _recovery_kek(recovery_key, salt), dek)
        self.slots.append(slot)

    def remove_user(self, username: str) -> bool:
        key = self.lookup(username)
        before = len(self.slots)
        self.slots = [s for s in self.slots if not (s.kind == USER and hmac.compare_digest(s.lookup, key))]
        return len(self.slots) != before

    def _wrap(self, slot: Slot, kek: bytes, dek: bytes) -> None:
        slot.nonce = os.urandom(12)
        slot.wrapped = AESGCM(kek).encrypt(slot.nonce, bytes(dek), self._aad(slot))

    def _aad(self, slot: Slot) -> bytes:
        return f"{FORMAT}|{self.store_id}|{slot.slot_id}|{slot.kind}|{slot.lookup}".encode("ascii")

    # -- file --------------------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        doc = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "store_id": self.store_id,
            "lookup_salt": _b64(self.lookup_salt),
            "slots": [s.to_dict() for s in self.slots],
        }
        return json.dumps(doc, indent=1, sort_keys=True).encode("ascii")

    def save(self, store_path: Path | str) -> None:
        atomic_write(keys_path(store_path), self.to_bytes())

    @classmethod
    def load(cls, store_path: Path | str) -> "KeySlots":
        path = keys_path(store_path)
        name = Path(store_path).name
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise StoreFileError(N_("{file} is not a Tsunagu store: its key file is missing."), file=name) from None
        except OSError as exc:
            raise StoreFileError(N_("Could not read the key file of {file} ({reason})."), file=name, reason=exc.strerror or "") from None
        try:
            doc = json.loads(raw.decode("utf-8"))
            if doc.get("format") != FORMAT:
                raise ValueError("format")
            if int(doc.get("version", 0)) > FORMAT_VERSION:
                raise StoreFileError(N_("The key file of {file} was written by a newer Tsunagu. Update Tsunagu to open it."), file=name)
            return cls(
                store_id=str(doc["store_id"]),
                lookup_salt=_unb64(doc["lookup_salt"]),
                slots=[Slot.from_dict(s) for s in doc["slots"]],
            )
        except StoreFileError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
            raise StoreFileError(N_("The key file of {file} is damaged or is not a Tsunagu key file. It was not changed."), file=name) from None


def _recovery_kek(recovery_key: bytes, salt: bytes) -> bytes:
    """The recovery key is 160 random bits, so one HKDF-style step is enough (no slow KDF)."""
    return hmac.new(salt, b"tsunagu-recovery|" + recovery_key, hashlib.sha256).digest()
