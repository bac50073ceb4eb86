"""Login: plain wrong-password message, the growing delay as a countdown, the lock-out after
ten failures, failures audited after the next login, and unlocking with the recovery key."""

from __future__ import annotations

from app.store import audit
from app.store.store import open_store
from tests.ui.conftest import NEW_PASSWORD, PASSWORD, audit_events, later, log_in


def test_wrong_password_shows_plain_message_and_growing_delay(window, clock):
    page = window.login
    assert page.user.text() == "" and page.button.text() == "Log in"
    for attempt in (1, 2):
        log_in(window, "admin", "not the password at all")
        assert page.message.text() == "The user name or password is not correct."
        assert page.password.text() == ""
        assert page.button.isEnabled(), attempt  # two free tries
        assert not page.wait.isVisibleTo(window)
    log_in(window, "admin", "not the password at all")
    assert page.wait.text() == "Try again in 2 s"
    assert not page.button.isEnabled()
    assert page.countdown.isActive()

    clock.advance(1.2)
    page.update_wait()  # what the countdown timer does every 250 ms
    assert page.wait.text() == "Try again in 1 s"
    log_in(window, "admin", PASSWORD)  # clicking a disabled button does nothing
    assert not window.session_open

    clock.advance(1.0)
    page.update_wait()
    assert page.button.isEnabled() and not page.wait.isVisibleTo(window)
    log_in(window, "admin", "still wrong password")
    assert page.wait.text() == "Try again in 4 s"  # the delay doubles

    clock.advance(4.0)
    page.update_wait()
    log_in(window, "admin", PASSWORD)
    assert window.session_open
    window.shutdown()
    failed = [(e, s) for e, s in audit_events(window.store_path) if e == audit.LOGIN_FAILED]
    assert failed == [(audit.LOGIN_FAILED, "failed")] * 4


def test_ten_failures_leave_only_recovery_or_another_account(window, clock, store):
    from tests.ui.conftest import add_person

    add_person(store[0], "sato", "supervisor")
    page = window.login
    for _ in range(10):
        clock.advance(400)
        page.update_wait()
        log_in(window, "admin", "wrong wrong wrong wrong")
    assert "Only the recovery key or another person's account" in page.wait.text()
    assert not page.button.isEnabled()
    clock.advance(10_000)
    page.update_wait()
    assert not page.button.isEnabled()  # no amount of waiting helps
    page.user.setText("sato")  # another account may still unlock
    assert page.button.isEnabled() and not page.wait.isVisibleTo(window)
    log_in(window, "sato", PASSWORD)
    assert window.session_open and window.session.account.username == "sato"


def test_empty_fields_ask_for_both(window):
    window.login.button.click()
    assert window.login.message.text() == "Enter your user name and password."
    assert not window.session_open


def test_recovery_key_unlock_leads_to_a_new_password(window, store, modals, qtbot, clock):
    path, recovery = store
    page = window.login

    def type_key(dialog):
        dialog.key.setText("not-a-key")
        dialog.attempt()
        assert "32 letters and digits" in dialog.message.text()
        dialog.key.setText(recovery.lower().replace("-", " "))  # hand-copied forms are accepted
        later(dialog.ok.click)

    def choose_admin(staff):
        assert "recovery key" in staff.info.text()
        staff.select_user("admin")
        later(staff.reset_button.click)

    def close_staff(staff):
        assert "New password set for admin." in staff.info.text()
        later(staff.accept)

    modals.expect("recoveryUnlockDialog", type_key).expect("staffDialog", choose_admin)
    modals.expect("passwordDialog", lambda d: (d.password.setText(NEW_PASSWORD), d.repeat.setText(NEW_PASSWORD),
                                               later(d.attempt)))
    modals.expect("staffDialog", close_staff)
    page.recovery.click()  # returns when the whole recovery flow is done
    assert modals.done(), modals.seen
    assert not window.session_open
    assert window.stack.currentWidget() is page
    assert page.info.text() == "Log in with the new password."

    log_in(window, "admin", PASSWORD)
    assert not window.session_open  # the old password no longer opens the store
    log_in(window, "admin", NEW_PASSWORD)
    assert window.session_open
    window.shutdown()
    session = open_store(path, "admin", NEW_PASSWORD)
    try:
        events = [r.event for r in reversed(audit.rows(session.conn))]
    finally:
        session.close(event=None)
    assert audit.LOGIN_RECOVERY in events and audit.STAFF_PASSWORD_RESET in events
    assert events.index(audit.LOGIN_RECOVERY) < events.index(audit.STAFF_PASSWORD_RESET)
