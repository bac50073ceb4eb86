"""The office's own consultation lines in the store: round trip, role, audit, validation."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.contacts import Contact, ContactError, load_defaults
from app.store.local_contacts import LOCAL_CONTACTS, load_directory, load_local_entries, save_local_entries
from app.errors import PermissionDenied
from app.store import accounts, audit
from app.store.kdf import MINIMUM_KDF
from app.store.store import open_store
from tests.conftest import STRONG_PASSWORD

POLICE = Contact(id="local_police", name_ja="中央警察署", name_en="Chuo Police Station", number="03-1234-5678",
                 last_checked=date(2026, 4, 1), source="Phoned by the office", priority=15)


def _last_audit(session):
    row = audit.rows(session.conn, limit=1)[0]
    return row.event, row.subject


def test_nothing_saved_means_the_shipped_directory(new_store):
    session, _key = new_store
    assert load_local_entries(session) == ()
    assert [e.id for e in load_directory(session).entries] == [e.id for e in load_defaults() if not e.hidden]


def test_local_entries_round_trip_and_are_audited_by_id(new_store):
    session, _key = new_store
    yorisoi = {e.id: e for e in load_defaults()}["yorisoi"]
    save_local_entries(session, [POLICE])
    assert _last_audit(session) == (audit.CONTACTS_CHANGED, "added=local_police")
    save_local_entries(session, [POLICE, replace(yorisoi, last_checked=date(2026, 4, 2))])
    assert _last_audit(session) == (audit.CONTACTS_CHANGED, "added=yorisoi")
    save_local_entries(session, [replace(POLICE, number="03-1234-0000"), replace(yorisoi, hidden=True)])
    assert _last_audit(session) == (audit.CONTACTS_CHANGED, "changed=local_police,yorisoi")
    directory = load_directory(session)
    assert directory.get("local_police").number == "03-1234-0000"
    assert directory.get("local_police").local
    assert directory.get("yorisoi") is None  # hidden
    assert "03-1234-0000" not in _last_audit(session)[1]  # ids only, never numbers or names
    save_local_entries(session, [])
    assert _last_audit(session) == (audit.CONTACTS_CHANGED, "removed=local_police,yorisoi")
    assert load_local_entries(session) == ()
    assert audit.verify_chain(session.conn) is None


def test_only_a_supervisor_may_change_them(new_store, store_path):
    session, _key = new_store
    accounts.add_staff(session, "aiko", "counsellor", STRONG_PASSWORD, kdf=MINIMUM_KDF)
    counsellor = open_store(store_path, "aiko", STRONG_PASSWORD)
    try:
        with pytest.raises(PermissionDenied):
            save_local_entries(counsellor, [POLICE])
        assert load_local_entries(counsellor) == ()  # every staff member reads them for leaflets
    finally:
        counsellor.close()


def test_invalid_entries_are_refused_before_anything_is_written(new_store):
    session, _key = new_store
    with pytest.raises(ContactError, match="number"):
        save_local_entries(session, [replace(POLICE, number="call us")])
    with pytest.raises(ContactError, match="used twice"):
        save_local_entries(session, [POLICE, POLICE])
    assert session.conn.execute("SELECT COUNT(*) FROM settings WHERE key = ?", (LOCAL_CONTACTS,)).fetchone()[0] == 0
    assert _last_audit(session)[0] != audit.CONTACTS_CHANGED


@pytest.mark.parametrize("stored", ["{not json", '{"id": "x"}', '[{"id": "bad id!"}]', '[{"id": "ok_id", "x": 1}]'])
def test_a_damaged_stored_list_is_a_clear_error(new_store, stored):
    session, _key = new_store
    with session.transaction() as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)", (LOCAL_CONTACTS, stored))
    with pytest.raises(ContactError) as info:
        load_directory(session)
    assert "local" in info.value.message()
