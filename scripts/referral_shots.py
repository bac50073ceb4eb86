"""Screenshots of the referral screens on a real X display, for people to look at.

Run under Xvfb:  xvfb-run -a -s "-screen 0 1400x1000x24" .venv/bin/python scripts/referral_shots.py OUTDIR [ja|en]
Uses the fictional demo case of app.referrals.demo (a throwaway store with her consent to the
police): the referrals dialog, the consent form, the exception form, the packet preview and
her copy in Thai, the supervisor's register and the audit log. Nothing here touches a real store.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(out: Path, lang: str) -> None:
    os.environ["TSUNAGU_HOME"] = tempfile.mkdtemp(prefix="tsunagu-shots-")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from app.cases.repo import read_case
    from app.i18n import set_language
    from app.referrals.demo import demo_store
    from app.referrals.packet import make_packet
    from ui.main import create_application
    from ui.referrals.consent_dialog import ConsentDialog
    from ui.referrals.exception_dialog import ExceptionDialog
    from ui.referrals.her_copy_dialog import HerCopyDialog
    from ui.referrals.referrals_dialog import ReferralsDialog
    from ui.printing.preview import PdfDialog
    from ui.style import apply_language

    app = create_application([])
    set_language(lang)
    apply_language(app, lang)
    out.mkdir(parents=True, exist_ok=True)

    def shot(widget, name: str) -> None:
        widget.show()
        for _ in range(30):
            app.processEvents()
        QApplication.primaryScreen().grabWindow(0).copy(widget.frameGeometry()).save(str(out / f"{lang}-{name}.png"))

    class Win(QWidget):  # what the dialogs ask of the main window
        def __init__(self, session) -> None:
            super().__init__()
            self.session = session
            self.session_open = True
            from app.store.throttle import LoginThrottle

            self.approval_throttle = LoginThrottle()

    with demo_store("police", "protective_custody", "th") as demo:
        win = Win(demo.session)
        case = read_case(demo.session.conn, demo.case_id)
        packet = make_packet(demo.session, demo.case_id, "police", "protective_custody", addressee="新宿警察署 生活安全課")
        dialog = ReferralsDialog(win, case)
        dialog.resize(1000, 820)
        dialog.provisions.selectRow(0)
        shot(dialog, "referrals")
        dialog.choose("shelter", "temporary_protection")
        shot(dialog, "referrals-no-consent")
        consent = ConsentDialog(win, case, "shelter", "temporary_protection", language="th", parent=dialog)
        shot(consent, "consent")
        consent.reject()
        exc = ExceptionDialog(win, case, "shelter", "temporary_protection", parent=dialog)
        exc.reason.setPlainText("店の関係者が本人を探しており、今夜の身の安全が確保できないため。")
        exc.approver.setText("sato")
        shot(exc, "exception")
        exc.reject()
        pdf = PdfDialog(dialog, packet.data, suggested_name="referral.pdf", title="Referral packet")
        pdf.resize(900, 1000)
        shot(pdf, "packet")
        pdf.reject()
        her = HerCopyDialog(dialog, win, case.id, case.number, packet.provision.id, "th")
        her.resize(900, 1000)
        shot(her, "her-copy-th")
        her.reject()
        dialog.reject()
        from ui.referrals.register_dialog import RegisterDialog

        register = RegisterDialog(win)
        register.resize(1100, 500)
        shot(register, "register")
        register.reject()
        from ui.audit_dialog import AuditDialog

        log = AuditDialog(win)
        log.resize(1000, 600)
        log.check()
        shot(log, "audit-log")
        log.reject()
    QTimer.singleShot(0, app.quit)
    app.exec()


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "en")
