"""The referral screens on a real store, offscreen: consent, withdrawal, the exception with a
second supervisor, the packet's preview and save, her copy, and the office profile setting.

The PDFs made through the dialogs are read back with pypdf; the store is read back through a
new session; the audit log is checked for the rows each step must leave.
"""

from __future__ import annotations

import os
import stat

import pytest

from app.cases import repo
from app.cases.model import Person
from app.referrals.consent import consents_of
from app.referrals.office import get_office_profile, set_office_profile
from app.referrals.provisions import provisions_of
from app.store import audit
from tests.printing import pdfcheck
from tests.ui.conftest import PASSWORD, add_person, audit_events, later, log_in
from ui.printing import files

ALIAS = "Referral-Alias-Q4"
REAL_NAME = "Realname-Z9"
SUPERVISOR_PASSWORD = "second supervisor phrase 3"


@pytest.fixture(autouse=True)
def close_referral_dialogs():
    """The tests show the dialog without exec(): close what is left so no later test sees it."""
    yield
    from PySide6.QtWidgets import QApplication

    from ui.referrals.referrals_dialog import ReferralsDialog

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, ReferralsDialog):
            widget.reject()
            widget.deleteLater()


def _case(window, **person):
    fields = dict(alias=ALIAS, real_name=REAL_NAME, nationality="TH", languages=("th",), estimated_age=28)
    case = repo.create_case(window.session, Person(**(fields | person)))
    window.open_case(case.id)
    return case


def _dialog(window, office=True):
    """Open the case's referrals from the case form's button (non-modal for the test)."""
    from ui.referrals.referrals_dialog import ReferralsDialog

    if office:
        set_office_profile(window.session, "テスト女性相談支援センター", "03-1234-5678")
    assert window.case_form.referrals_button.isEnabled()
    dialog = ReferralsDialog(window, window.case_form.case)
    dialog.show()
    return dialog


def test_no_consent_blocks_the_packet_and_says_what_to_do(logged_in, modals, qtbot):
    case = _case(logged_in)
    dialog = _dialog(logged_in)
    dialog.choose("police", "protective_custody")
    assert "record her consent" in dialog.basis.text()
    assert not dialog.withdraw_button.isEnabled()
    assert dialog.exception_button.isVisible()  # the police allow an exception
    dialog.choose("legal_aid")
    assert dialog.exception_button.isHidden()  # Houterasu: consent only
    dialog.choose("police", "protective_custody")
    modals.expect("confirmPacket", lambda box: later(box.buttons()[0].click))
    dialog.packet_button.click()
    qtbot.waitUntil(modals.done)
    assert "There is no consent from her for Police" in dialog.message.text()
    assert provisions_of(logged_in.session, case.id) == []


def test_consent_recorded_in_the_dialog_allows_the_packet(logged_in, modals, qtbot, store, tmp_path, monkeypatch):
    case = _case(logged_in)
    add_person(store[0], "interp", "counsellor")
    dialog = _dialog(logged_in)
    dialog.choose("police", "protective_custody")

    def fill(consent):
        assert consent.language.currentData() == "th"  # her first interview language
        consent.interpreter.setCurrentIndex(consent.interpreter.findText("(interp)", flags=_contains()))
        consent.restrictions.setPlainText("電話連絡は不可")
        consent.agreed.setChecked(True)
        consent.withheld["real_name"].setChecked(True)
        later(consent.findChild(_button(), "saveConsent").click)

    modals.expect("consentDialog", fill)
    dialog.consent_button.click()
    qtbot.waitUntil(modals.done)
    assert "Her consent of" in dialog.basis.text() and "through an interpreter" in dialog.basis.text()
    assert "Real name: not sent" in dialog.fields_text()
    assert dialog.withdraw_button.isEnabled()
    [consent] = consents_of(logged_in.session, case.id)
    assert consent.withheld == ("real_name",) and consent.interpreter_id is not None
    assert dialog.consents.rowCount() == 1

    saved = tmp_path / "packet.pdf"
    monkeypatch.setattr(files, "choose_pdf_path", lambda parent, name: str(saved))
    dialog.addressee.setText("新宿警察署 生活安全課")

    def preview(pdf):
        assert pdf.preview.page_count() >= 1
        assert pdf.suggested_name == f"referral-{case.number}-police.pdf"
        later(pdf.save_button.click)

    modals.expect("confirmPacket", lambda box: later(box.buttons()[0].click))
    modals.expect("packetDialog", preview)
    modals.expect("confirmSavePdf", lambda box: later(box.buttons()[0].click))
    modals.expect("packetDialog", lambda pdf: later(pdf.accept), ready=lambda pdf: "Saved as" in pdf.info.text())
    dialog.packet_button.click()
    qtbot.waitUntil(modals.done)
    text = _flat(saved.read_bytes())
    assert "新宿警察署" in text and ALIAS in text and REAL_NAME not in text  # withheld at her request
    assert stat.S_IMODE(os.stat(saved).st_mode) == 0o600
    assert dialog.provisions.rowCount() == 1
    events = [e for e, _s in audit_events(store[0])]
    assert events.count(audit.CONSENT_RECORDED) == 1
    assert audit.REFERRAL_MADE in events and audit.REFERRAL_SAVED in events


def test_withdrawn_consent_blocks_the_next_packet(logged_in, modals, qtbot):
    from app.referrals.consent import record_consent
    from datetime import date

    case = _case(logged_in)
    record_consent(logged_in.session, case.id, "shelter", "temporary_protection", given_on=date.today(), language="th")
    dialog = _dialog(logged_in)
    dialog.choose("shelter", "temporary_protection")
    assert dialog.withdraw_button.isEnabled()
    modals.expect("confirmWithdraw", lambda box: later(box.buttons()[0].click))
    dialog.withdraw_button.click()
    qtbot.waitUntil(modals.done)
    assert "withdrawal was recorded" in dialog.info.text()
    assert "record her consent" in dialog.basis.text()
    assert not dialog.withdraw_button.isEnabled()
    assert dialog.consents.item(0, 5).text()  # the withdrawal date is shown

    modals.expect("confirmPacket", lambda box: later(box.buttons()[0].click))
    dialog.packet_button.click()
    qtbot.waitUntil(modals.done)
    assert "no consent" in dialog.message.text()
    assert provisions_of(logged_in.session, case.id) == []


def test_consent_needs_the_agreement_ticked(logged_in, modals, qtbot):
    case = _case(logged_in)
    dialog = _dialog(logged_in)

    def try_without(consent):
        consent.findChild(_button(), "saveConsent").click()
        assert consent.isVisible() and "Tick" in consent.message.text()
        later(consent.reject)

    modals.expect("consentDialog", try_without)
    dialog.consent_button.click()
    qtbot.waitUntil(modals.done)
    assert consents_of(logged_in.session, case.id) == []


def test_exception_needs_a_reason_and_another_supervisors_password(logged_in, modals, qtbot, store):
    case = _case(logged_in)
    add_person(store[0], "boss2", "supervisor", SUPERVISOR_PASSWORD)
    dialog = _dialog(logged_in)
    dialog.choose("police", "protective_custody")
    steps = []

    def attempts(exc):
        exc.reason.setPlainText("too short")
        exc.approver.setText("boss2")
        exc.approver_password.setText(SUPERVISOR_PASSWORD)
        exc.approve_button.click()
        steps.append(exc.message.text())
        exc.reason.setPlainText("店の関係者が本人を探しており、今夜の身の安全が確保できないため、保護を求める。")
        exc.approver.setText("admin")  # herself: refused
        exc.approver_password.setText(PASSWORD)
        exc.approve_button.click()
        steps.append(exc.message.text())
        exc.approver.setText("boss2")
        exc.approver_password.setText("wrong password entirely")
        exc.approve_button.click()
        steps.append(exc.message.text())
        assert exc.approver_password.text() == ""  # never kept
        exc.approver_password.setText(SUPERVISOR_PASSWORD)
        later(exc.approve_button.click)

    modals.expect("exceptionDialog", attempts)
    dialog.exception_button.click()
    qtbot.waitUntil(modals.done)
    assert "at least 20 characters" in steps[0]
    assert "Another supervisor must approve" in steps[1]
    assert "not correct" in steps[2]
    assert "exception approved on" in dialog.basis.text()
    assert dialog.exceptions.rowCount() == 1
    assert dialog.exceptions.item(0, 5).text() == "boss2"  # no display name given: the user name
    assert "今夜の身の安全" in dialog.exceptions.item(0, 6).text()
    events = [e for e, _s in audit_events(store[0])]
    assert events.count(audit.EXCEPTION_REFUSED) == 2 and events.count(audit.EXCEPTION_APPROVED) == 1

    modals.expect("confirmPacket", lambda box: later(box.buttons()[0].click))
    modals.expect("packetDialog", lambda pdf: later(pdf.accept))
    dialog.packet_button.click()
    qtbot.waitUntil(modals.done)
    [provision] = provisions_of(logged_in.session, case.id)
    assert provision.exception_id is not None and provision.consent_id is None


def test_wrong_approver_passwords_slow_down(logged_in, modals, qtbot, store, clock):
    _case(logged_in)
    add_person(store[0], "boss2", "supervisor", SUPERVISOR_PASSWORD)
    dialog = _dialog(logged_in)
    dialog.choose("police", "protective_custody")
    messages = []

    def guess(exc):
        exc.reason.setPlainText("店の関係者が本人を探しており、今夜の身の安全が確保できないため。")
        exc.approver.setText("boss2")
        for _ in range(4):
            exc.approver_password.setText("guess guess guess")
            exc.approve_button.click()
            messages.append(exc.message.text())
        later(exc.reject)

    modals.expect("exceptionDialog", guess)
    dialog.exception_button.click()
    qtbot.waitUntil(modals.done)
    assert "not correct" in messages[2]
    assert messages[3].startswith("Wait ")  # the third failure set a delay; no fourth try was checked
    assert logged_in.approval_throttle.failures("boss2") == 3


def test_counsellor_cannot_approve(logged_in, modals, qtbot, store):
    _case(logged_in)
    add_person(store[0], "coun", "counsellor")
    dialog = _dialog(logged_in)
    dialog.choose("police", "protective_custody")
    seen = []

    def try_counsellor(exc):
        exc.reason.setPlainText("店の関係者が本人を探しており、今夜の身の安全が確保できないため。")
        exc.approver.setText("coun")
        exc.approver_password.setText(PASSWORD)
        exc.approve_button.click()
        seen.append(exc.message.text())
        later(exc.reject)

    modals.expect("exceptionDialog", try_counsellor)
    dialog.exception_button.click()
    qtbot.waitUntil(modals.done)
    assert "Only a supervisor or an administrator can approve" in seen[0]


def test_her_copy_after_a_packet_warns_first_and_names_no_identity(logged_in, modals, qtbot, store, tmp_path,
                                                                    monkeypatch):
    from datetime import date

    from app.referrals.consent import record_consent
    from app.referrals.packet import make_packet

    case = _case(logged_in)
    record_consent(logged_in.session, case.id, "legal_aid", "legal_consultation", given_on=date.today(), language="th")
    dialog = _dialog(logged_in)
    make_packet(logged_in.session, case.id, "legal_aid", "legal_consultation")
    dialog.refresh()
    assert not dialog.her_copy_button.isEnabled()  # nothing chosen yet
    dialog.provisions.selectRow(0)
    assert dialog.her_copy_button.isEnabled()
    shown = {}

    def look(pdf):
        shown["lang"] = pdf.language.currentData()
        shown["text"] = _flat(pdf.preview.data)
        shown["caution"] = pdf.caution.text()
        pdf.language.setCurrentIndex(pdf.language.findData("ko"))  # rebuilt in her other language
        assert pdf.suggested_name == f"her-copy-{case.number}-ko.pdf"
        later(pdf.save_button.click)

    saved = tmp_path / "her-copy.pdf"
    monkeypatch.setattr(files, "choose_pdf_path", lambda *a: str(saved))
    modals.expect("confirmHerCopy", lambda box: (shown.setdefault("warning", box.text()), later(box.buttons()[0].click)))
    modals.expect("herCopyDialog", look)
    modals.expect("confirmSavePdf", lambda box: later(box.buttons()[0].click))
    modals.expect("herCopyDialog", lambda pdf: later(pdf.accept), ready=lambda pdf: "Saved as" in pdf.info.text())
    dialog.her_copy_button.click()
    qtbot.waitUntil(modals.done)
    assert "safe for her to carry" in shown["warning"]
    assert shown["lang"] == "th"  # the language her consent was explained in
    assert "ข้อมูล" in shown["text"] and "法テラス" in shown["text"]
    assert ALIAS not in shown["text"] and REAL_NAME not in shown["text"] and case.number not in shown["text"]
    assert "draft" in shown["caution"]
    assert "정보" in _flat(saved.read_bytes())
    events = [e for e, _s in audit_events(store[0])]
    assert events.count(audit.HER_COPY_MADE) == 2 and events.count(audit.HER_COPY_SAVED) == 1


def test_no_office_profile_disables_the_packet_with_the_reason(logged_in):
    _case(logged_in)
    dialog = _dialog(logged_in, office=False)
    assert not dialog.packet_button.isEnabled()
    assert "office name and phone number are not set" in dialog.message.text()


def test_lock_closes_the_referrals_and_forgets_them(logged_in, modals, qtbot):
    _case(logged_in)
    set_office_profile(logged_in.session, "テスト女性相談支援センター", "03-1234-5678")
    seen = {}

    def lock_now(dialog):
        seen["title"] = dialog.windowTitle()
        later(logged_in.lock)

    modals.expect("referralsDialog", lock_now)
    logged_in.case_form.referrals_button.click()
    qtbot.waitUntil(modals.done)
    assert seen["title"] == "Tsunagu"
    assert not logged_in.session_open
    from tests.ui.conftest import all_texts

    assert not any(ALIAS in t or REAL_NAME in t for t in all_texts())


def test_supervisor_sets_the_office_profile_in_settings(logged_in, modals, qtbot, store):
    def fill(settings):
        settings.office_name.setText("つなぐセンター")
        settings.office_phone.setText("０３-１２３４-５６７８")  # full-width digits are accepted
        later(settings.findChild(_button(), "saveSettings").click)

    modals.expect("settingsDialog", fill)
    logged_in.open_settings()
    qtbot.waitUntil(modals.done)
    profile = get_office_profile(logged_in.session)
    assert (profile.name, profile.phone) == ("つなぐセンター", "03-1234-5678")


def test_counsellor_sees_the_office_profile_read_only(window, modals, qtbot, store):
    add_person(store[0], "coun", "counsellor")
    log_in(window, "coun")
    seen = {}

    def look(settings):
        seen["ro"] = settings.office_name.isReadOnly() and settings.office_phone.isReadOnly()
        later(settings.reject)

    modals.expect("settingsDialog", look)
    window.open_settings()
    qtbot.waitUntil(modals.done)
    assert seen["ro"]


def test_bad_office_phone_is_refused_and_nothing_is_lost(logged_in, modals, qtbot):
    seen = {}

    def fill(settings):
        settings.office_name.setText("つなぐセンター")
        settings.office_phone.setText("call us")
        settings.findChild(_button(), "saveSettings").click()
        seen["message"] = settings.message.text()
        seen["visible"] = settings.isVisible()
        seen["typed"] = settings.office_name.text()
        later(settings.reject)

    modals.expect("settingsDialog", fill)
    logged_in.open_settings()
    qtbot.waitUntil(modals.done)
    assert "phone number" in seen["message"] and seen["visible"] and seen["typed"] == "つなぐセンター"
    assert get_office_profile(logged_in.session) is None


def test_japanese_screens_name_the_recipient_in_japanese(logged_in):
    logged_in.set_language("ja")
    _case(logged_in)
    dialog = _dialog(logged_in)
    dialog.choose("police", "protective_custody")
    assert dialog.recipient.currentText() == "警察署"
    assert "同意" in dialog.basis.text()


def _flat(data: bytes) -> str:
    """The PDF's text with every space and line break removed (lines break anywhere in Japanese)."""
    return "".join(pdfcheck.text(data).split())


def _button():
    from PySide6.QtWidgets import QPushButton

    return QPushButton


def _contains():
    from PySide6.QtCore import Qt

    return Qt.MatchFlag.MatchContains


def test_full_disk_saving_a_packet_leaves_no_file_and_no_saved_row(logged_in, modals, qtbot, store, tmp_path,
                                                                    monkeypatch):
    import errno
    from datetime import date

    from app.referrals.consent import record_consent

    case = _case(logged_in)
    record_consent(logged_in.session, case.id, "legal_aid", "legal_consultation", given_on=date.today(), language="th")
    dialog = _dialog(logged_in)
    dialog.choose("legal_aid", "legal_consultation")
    target = tmp_path / "packet.pdf"
    target.write_bytes(b"old")
    monkeypatch.setattr(files, "choose_pdf_path", lambda *a: str(target))

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("app.fileio.os.fsync", full)
    shown = []
    modals.expect("confirmPacket", lambda box: later(box.buttons()[0].click))
    modals.expect("packetDialog", lambda pdf: later(pdf.save_button.click))
    modals.expect("confirmSavePdf", lambda box: later(box.buttons()[0].click))
    modals.expect("userError", lambda box: (shown.append(box.text()), later(box.accept)))
    modals.expect("packetDialog", lambda pdf: (shown.append(pdf.message.text()), later(pdf.accept)),
                  ready=lambda pdf: bool(pdf.message.text()))
    dialog.packet_button.click()
    qtbot.waitUntil(modals.done)
    assert "disk is full" in shown[0] and "disk is full" in shown[1]
    assert target.read_bytes() == b"old" and os.listdir(tmp_path).count("packet.pdf") == 1
    events = [e for e, _s in audit_events(store[0])]
    assert audit.REFERRAL_MADE in events and audit.REFERRAL_SAVED not in events


def test_the_packet_dialog_says_which_typed_characters_print_as_geta(logged_in, modals, qtbot):
    from datetime import date

    from PySide6.QtWidgets import QLabel

    from app.referrals.consent import record_consent

    case = _case(logged_in, alias="Ploy 🌸")
    record_consent(logged_in.session, case.id, "shelter", "temporary_protection", given_on=date.today(), language="th")
    dialog = _dialog(logged_in)
    dialog.choose("shelter", "temporary_protection")
    seen = {}

    def look(pdf):
        label = pdf.findChild(QLabel, "packetUnprintable")
        seen["warning"] = label.text() if label is not None and label.isVisible() else ""
        seen["text"] = _flat(pdf.preview.data)
        later(pdf.accept)

    modals.expect("confirmPacket", lambda box: later(box.buttons()[0].click))
    modals.expect("packetDialog", look)
    dialog.packet_button.click()
    qtbot.waitUntil(modals.done)
    assert "🌸 (U+1F338 CHERRY BLOSSOM)" in seen["warning"] and "〓" in seen["warning"]
    assert "Ploy〓" in seen["text"]


def test_typed_restrictions_are_shown_as_text_never_as_markup(logged_in):
    from datetime import date

    from PySide6.QtCore import Qt

    from app.referrals.consent import record_consent

    case = _case(logged_in)
    record_consent(logged_in.session, case.id, "police", "protective_custody", given_on=date.today(), language="th",
                   restrictions="<b>bold</b><img src='file:///etc/passwd'>")
    dialog = _dialog(logged_in)
    dialog.choose("police", "protective_custody")
    assert dialog.basis.textFormat() == Qt.TextFormat.PlainText
    assert "<b>bold</b>" in dialog.basis.text()


def test_supervisor_register_lists_packets_by_case_number_only(logged_in, modals, qtbot, store):
    from datetime import date

    from app.referrals.consent import record_consent
    from app.referrals.packet import make_packet

    case = _case(logged_in)
    set_office_profile(logged_in.session, "テスト女性相談支援センター", "03-1234-5678")
    record_consent(logged_in.session, case.id, "legal_aid", "legal_consultation", given_on=date.today(), language="th")
    make_packet(logged_in.session, case.id, "legal_aid", "legal_consultation", addressee="MK-ADDRESSEE")
    assert logged_in.register_action.isVisible()
    seen = {}

    def look(register):
        table = register.table
        seen["rows"] = table.rowCount()
        seen["cells"] = [table.item(0, c).text() for c in range(table.columnCount())]
        seen["count"] = register.count.text()
        later(register.accept)

    modals.expect("registerDialog", look)
    logged_in.register_action.trigger()
    qtbot.waitUntil(modals.done)
    assert seen["rows"] == 1 and seen["count"] == "Provisions: 1"
    cells = seen["cells"]
    assert cells[1] == case.number and "MK-ADDRESSEE" in cells[2] and cells[4].startswith("Her consent of")
    assert not any(ALIAS in c or REAL_NAME in c for c in cells)
    assert audit.REGISTER_VIEWED in [e for e, _s in audit_events(store[0])]


def test_counsellor_has_no_register(window, store):
    add_person(store[0], "coun", "counsellor")
    log_in(window, "coun")
    assert not window.register_action.isVisible()
    window.open_register()  # even when called directly: nothing opens
    from PySide6.QtWidgets import QApplication

    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.objectName() == "registerDialog"]
