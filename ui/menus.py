"""The main window's menus and the commands behind them (a mixin of MainWindow).

The menus are a table: each row names its menu, the window attribute and object name, the
command, a shortcut, its text and who sees it. Adding a command is one row, and the role rule
(staff see the case tools, supervisors the office's tools, administrators the recovery key) is
applied in one place. The commands open their dialogs; each dialog and the app layer check the
role again.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog

from app.errors import UserError
from app.i18n import N_, _
from app.roles import Permission
from ui.widgets import confirm

STAFF = None  # any logged-in member of staff
ALWAYS = "always"  # shown even on the login screen
SEPARATOR = None

# (attribute, object name, command, shortcut, text, who: STAFF, ALWAYS or the Permission it needs)
CASE_MENU = (
    ("new_action", "actionNewCase", "new_case", QKeySequence.StandardKey.New, N_("New case"), STAFF),
    ("list_action", "actionCaseList", "show_case_list", None, N_("Case list"), STAFF),
    ("leaflet_action", "actionLeaflets", "open_leaflets", None, N_("Leaflets and cards…"), STAFF),
    ("register_action", "actionProvisionRegister", "open_register", None, N_("Register of information provided…"),
     Permission.READ_REGISTER),
    SEPARATOR,
    ("lock_action", "actionLock", "lock", "Ctrl+L", N_("Lock now (F12)"), STAFF),
    ("quit_action", "actionQuit", "close", QKeySequence.StandardKey.Quit, N_("Quit"), ALWAYS),
)
SETTINGS_MENU = (
    ("prefs_action", "actionPreferences", "open_settings", None, N_("Preferences…"), STAFF),
    ("staff_action", "actionStaff", "open_staff", None, N_("Staff…"), Permission.MANAGE_STAFF),
    ("contacts_action", "actionContacts", "open_contacts", None, N_("Consultation lines…"), Permission.EDIT_OFFICE),
    ("audit_action", "actionAuditLog", "open_audit", None, N_("Audit log…"), Permission.READ_AUDIT),
    ("backup_action", "actionBackup", "back_up", None, N_("Back up now…"), Permission.BACK_UP),
    ("recovery_action", "actionReplaceRecoveryKey", "replace_recovery_key", None, N_("Replace recovery key…"), Permission.REPLACE_RECOVERY_KEY),
)
MENUS = (("case_menu", N_("&Case"), CASE_MENU), ("settings_menu", N_("&Settings"), SETTINGS_MENU))


def _rows():
    return [row for _attr, _title, rows in MENUS for row in rows if row is not SEPARATOR]


class MenuCommands:
    """Menus and commands for MainWindow (which provides the session, the pages and ``lock``)."""

    # -- menus -------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        for attr, _title, rows in MENUS:
            menu = bar.addMenu("")
            setattr(self, attr, menu)
            for row in rows:
                if row is SEPARATOR:
                    menu.addSeparator()
                    continue
                name, object_name, command, shortcut = row[:4]
                action = QAction(self)
                action.setObjectName(object_name)
                if shortcut:
                    action.setShortcut(QKeySequence(shortcut))
                action.triggered.connect(getattr(self, command))
                menu.addAction(action)
                setattr(self, name, action)
        self.retranslate()
        bar.setVisible(False)

    def retranslate(self) -> None:
        for attr, title, _rows_ in MENUS:
            getattr(self, attr).setTitle(_(title))
        for name, _object_name, _command, _shortcut, text, _who in _rows():
            getattr(self, name).setText(_(text))

    def _set_menus(self) -> None:
        """Menus only while a staff member is logged in; each item by role."""
        open_ = self.session_open and not self.session.account.is_recovery
        self.menuBar().setVisible(open_)
        for name, _object_name, _command, _shortcut, _text, who in _rows():
            if who is ALWAYS:
                continue
            action = getattr(self, name)
            action.setVisible(who is STAFF or (open_ and self.session.account.may(who)))
            action.setEnabled(open_)

    def _run_dialog(self, dialog: QDialog) -> int:
        result = dialog.exec()
        dialog.deleteLater()
        return result

    def _may(self, permission: Permission) -> bool:
        return self.session_open and self.session.account.may(permission)

    # -- commands ----------------------------------------------------------------------------
    def open_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog

        if self.session_open:
            self._run_dialog(SettingsDialog(self))

    def open_staff(self) -> None:
        from ui.staff_dialog import StaffDialog

        if self._may(Permission.MANAGE_STAFF):
            self._run_dialog(StaffDialog(self))

    def open_leaflets(self) -> None:
        from ui.printing.leaflet_dialog import open_leaflets

        open_leaflets(self)

    def open_referrals(self) -> None:
        """The open case's consents, exceptions, packets and her copies."""
        from ui.referrals.referrals_dialog import ReferralsDialog

        case = self.case_form.case if self.case_form is not None else None
        if self.session_open and case is not None and not self.session.account.is_recovery:
            self._run_dialog(ReferralsDialog(self, case))

    def open_register(self) -> None:
        """The supervisor's register of every provision to a third party."""
        from ui.referrals.register_dialog import RegisterDialog

        if self._may(Permission.READ_REGISTER):
            self._run_dialog(RegisterDialog(self))

    def open_audit(self) -> None:
        """The supervisor's view of the audit log."""
        from ui.audit_dialog import AuditDialog

        if self._may(Permission.READ_AUDIT):
            self._run_dialog(AuditDialog(self))

    def back_up(self) -> None:
        from ui.backup_action import back_up_now

        back_up_now(self)

    def open_contacts(self) -> None:
        from ui.printing.contacts_dialog import open_contacts

        open_contacts(self)

    def replace_recovery_key(self) -> None:
        from app.store import accounts
        from ui.recovery import RecoveryKeyDialog

        if not self._may(Permission.REPLACE_RECOVERY_KEY):
            return
        if not confirm(self, _("Make a new recovery key? The key in the office safe will stop working."),
                       _("Make a new key"), _("Cancel"), name="confirmReplaceKey"):
            return
        if not self.session_open:
            return
        try:
            key = accounts.replace_recovery_key(self.session)
        except UserError as exc:
            from ui.errors import show_user_error

            show_user_error(self, exc)
            return
        dialog = RecoveryKeyDialog(key, self)
        del key
        if dialog.exec() != QDialog.DialogCode.Accepted:
            self._after_unlock_note = _(
                "A new recovery key was made but its window closed before it was written down. "
                "Replace the recovery key again and write the new one down."
            )
            if self.session_open:
                self.statusBar().showMessage(self._after_unlock_note)
                self._after_unlock_note = ""
        dialog.deleteLater()
