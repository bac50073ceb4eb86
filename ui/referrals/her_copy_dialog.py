"""Her copy of one provision, previewed in her language (and Japanese), to print or save.

Each build is audited by app.referrals.her_copy; printing and saving add their own rows. A
caution stands above the preview when her language's text is still a draft.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from app.errors import UserError
from app.i18n import N_, _
from app.i18n.content import INTERVIEW_LANGUAGES
from app.i18n.status import is_draft
from app.referrals.her_copy import build_her_copy
from app.referrals.packet import save_referral_pdf
from app.store import audit
from ui.printing.leaflet_dialog import language_label
from ui.printing.preview import PdfDialog, live_session
from ui.widgets import MessageLabel, busy_cursor

DRAFT_NOTE = N_("Her copy in this language is a draft translation that no professional translator has checked "
                "yet. Ask the interpreter to read it through with her before she takes it.")


class HerCopyDialog(PdfDialog):
    def __init__(self, parent: QWidget, win, case_id: int, case_number: str, provision_id: int, lang: str) -> None:
        super().__init__(parent, b"", suggested_name="", title=_("Her copy"),
                         on_printed=lambda: live_session(win).audit(audit.HER_COPY_PRINTED, case_number),
                         write=lambda path, data: save_referral_pdf(live_session(win), case_id, data, path,
                                                                    audit.HER_COPY_SAVED))
        self.setObjectName("herCopyDialog")
        self._win, self._case_number, self._provision_id = win, case_number, provision_id
        self.language = QComboBox(objectName="herCopyLanguage")
        for code in INTERVIEW_LANGUAGES:
            self.language.addItem(language_label(code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        self.caution = MessageLabel("reminder")
        self.caution.setObjectName("herCopyCaution")
        form = QFormLayout()
        form.addRow(_("Her language"), self.language)
        self.header.addLayout(form)
        self.header.addWidget(self.caution)
        self.language.currentIndexChanged.connect(lambda _i: self.rebuild())
        self.rebuild()

    def rebuild(self) -> None:
        lang = self.language.currentData()
        if not self._win.session_open:
            self.reject()
            return
        try:
            with busy_cursor():
                data = build_her_copy(self._win.session, self._provision_id, lang)
        except UserError as exc:
            self.caution.clear()
            self.clear_document(exc.message())
            return
        self.caution.show_text(_(DRAFT_NOTE) if is_draft(lang) else "")
        self.set_document(data, f"her-copy-{self._case_number}-{lang}.pdf")
