"""Key slots: KDF floor, wrong passwords, adding, removing and resetting slots, recovery (R1, R3)."""

from __future__ import annotations

import hashlib
import json
import unicodedata

import pytest

from app.errors import AuthError, PermissionDenied, StoreFileError, UserError
from app.store import accounts
from app.store.kdf import DEFAULT_KDF, MIN_MEMORY_KIB, MIN_TIME_COST, MINIMUM_KDF, KdfParams, password_problem
from app.store.keyslots import keys_path
from app.store.store import open_store, open_with_recovery
from tests.conftest import OTHER_PASSWORD, STRONG_PASSWORD


def test_kdf_parameters_are_pinned():
    assert DEFAULT_KDF.memory_kib >= 64 * 1024 and DEFAULT_KDF.time_cost >= 3 and DEFAULT_KDF.parallelism == 4
    assert MIN_MEMORY_KIB == 64 * 1024 and MIN_TIME_COST == 3
    with pytest.raises(StoreFileError):
        KdfParams(32 * 1024, 3, 4).check()
    with pytest.raises(StoreFileError):
        KdfParams(64 * 1024, 2, 4).check()


def test_slot_file_asking_for_weaker_kdf_is_refused(new_store, store_path):
    session, _ = new_store
    session.close()
    doc = json.loads(keys_path(store_path).read_text())
    for slot in doc["slots"]:
        if slot["kind"] == "user":
            slot["kdf"]["m"] = 1024
    keys_path(store_path).write_text(json.dumps(doc))
    with pytest.raises(StoreFileError):
        open_store(store_path, "admin", STRONG_PASSWORD)


def test_wrong_password_and_unknown_user_get_the_same_message(new_store, store_path):
    new_store[0].close()
    with pytest.raises(AuthError) as wrong_pw:
        open_store(store_path, "admin", "not the password at all")
    with pytest.raises(AuthError) as wrong_user:
        open_store(store_path, "nobody", STRONG_PASSWORD)
    assert str(wrong_pw.value) == str(wrong_user.value)
    assert wrong_pw.value.exit_code == 2


def test_user_name_is_normalised(new_store, store_path):
    new_store[0].close()
    open_store(store_path, "  ＡＤＭＩＮ ", STRONG_PASSWORD).close()


def test_add_remove_reset_slots(new_store, store_path):
    session, _ = new_store
    accounts.add_staff(session, "sato", "counsellor", OTHER_PASSWORD, kdf=MINIMUM_KDF)
    session.close()
    before = hashlib.sha256(store_path.read_bytes()).hexdigest()

    s = open_store(store_path, "sato", OTHER_PASSWORD)
    assert s.account.role == "counsellor"
    with pytest.raises(PermissionDenied):
        accounts.add_staff(s, "kato", "counsellor", OTHER_PASSWORD, kdf=MINIMUM_KDF)
    s.close()

    admin = open_store(store_path, "admin", STRONG_PASSWORD)
    accounts.reset_password(admin, "sato", "a brand new passphrase", kdf=MINIMUM_KDF)
    admin.close()
    with pytest.raises(AuthError):
        open_store(store_path, "sato", OTHER_PASSWORD)
    open_store(store_path, "sato", "a brand new passphrase").close()

    admin = open_store(store_path, "admin", STRONG_PASSWORD)
    accounts.remove_staff(admin, "sato")
    assert [a.username for a in accounts.list_staff(admin)] == ["admin"]
    admin.close()
    with pytest.raises(AuthError):
        open_store(store_path, "sato", "a brand new passphrase")
    open_store(store_path, "admin", STRONG_PASSWORD).close()
    assert before  # the store stayed a store throughout


def test_password_change_rewraps_the_same_data_key(new_store, store_path):
    session, _ = new_store
    dek_before = bytes(session.dek())
    keys_before = keys_path(store_path).read_bytes()
    accounts.reset_password(session, "admin", OTHER_PASSWORD, kdf=MINIMUM_KDF)
    session.close()
    s = open_store(store_path, "admin", OTHER_PASSWORD)
    assert bytes(s.dek()) == dek_before
    assert keys_path(store_path).read_bytes() != keys_before
    s.close()


def test_recovery_key_opens_and_can_reset_a_forgotten_password(new_store, store_path):
    session, recovery = new_store
    session.close()
    groups = recovery.split("-")
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)
    typed = recovery.lower().replace("-", " ").replace("0", "O")  # as copied by hand
    s = open_with_recovery(store_path, typed)
    accounts.reset_password(s, "admin", OTHER_PASSWORD, kdf=MINIMUM_KDF)
    s.close()
    open_store(store_path, "admin", OTHER_PASSWORD).close()
    with pytest.raises(AuthError):
        open_with_recovery(store_path, "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")
    with pytest.raises(AuthError):
        open_with_recovery(store_path, "too short")


def test_replacing_the_recovery_key_retires_the_old_one(new_store, store_path):
    session, old = new_store
    new = accounts.replace_recovery_key(session)
    session.close()
    with pytest.raises(AuthError):
        open_with_recovery(store_path, old)
    open_with_recovery(store_path, new).close()


def test_last_admin_and_self_cannot_be_removed(new_store):
    session, _ = new_store
    with pytest.raises(UserError):
        accounts.remove_staff(session, "admin")


@pytest.mark.parametrize(
    "password, ok",
    [
        ("short", False),
        ("elevenchars", False),
        ("twelve chars", True),
        ("four small words ok", True),
        ("a b c d", True),
        ("password1234", False),
        ("PASSWORD1234", False),
        ("aaaaaaaaaaaaaaa", False),
        ("ねこ いぬ とり さかな", True),
        ("パスワードは十二文字以上です", True),
        ("        x   ", False),
    ],
)
def test_password_rules(password, ok):
    assert (password_problem(password) is None) is ok


def test_nfd_and_nfc_passwords_open_the_same_slot(new_store, store_path):
    session, _ = new_store
    composed = "がぎぐげご ぱぴぷぺぽ café"
    accounts.reset_password(session, "admin", unicodedata.normalize("NFD", composed), kdf=MINIMUM_KDF)
    session.close()
    open_store(store_path, "admin", unicodedata.normalize("NFC", composed)).close()


def test_full_width_trailing_space_are_distinct_passwords(new_store, store_path):
    """NFC keeps full-width and half-width apart, and a trailing space counts: what was typed opens."""
    session, _ = new_store
    accounts.reset_password(session, "admin", "Ｔｓｕｎａｇｕ ｐａｓｓ １２", kdf=MINIMUM_KDF)
    session.close()
    with pytest.raises(AuthError):
        open_store(store_path, "admin", "Tsunagu pass 12")
    with pytest.raises(AuthError):
        open_store(store_path, "admin", "Ｔｓｕｎａｇｕ ｐａｓｓ １２ ")
    open_store(store_path, "admin", "Ｔｓｕｎａｇｕ ｐａｓｓ １２").close()


def test_lock_zeroes_the_key_buffer(new_store):
    session, _ = new_store
    key = session.dek()
    session.close()
    assert bytes(key) == bytes(32) and session.conn is None
