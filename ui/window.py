"""The main window: one QStackedWidget of pages, the session, and locking (KeePassXC's pattern).

Pages: first run, login (which is also the neutral lock screen), case list, case form; the menus
and their commands are in ui/menus.py. The case pages are built at the first login, so start-up
imports no store or CLDR code. Locking closes
every dialog, keeps valid unsaved work by saving it, clears every model and form, closes the
session (checkpoint, close, zero the key), clears our clipboard text and shows "Tsunagu" with an
Unlock form. The title is "Tsunagu", or "Tsunagu — 2026-0007" while a case is open: never a name.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMessageBox, QStackedWidget

from app import settings as app_settings
from app.errors import UserError
from app.i18n import _, set_language
from app.i18n.content import interview_language
from ui.lock import ClipboardGuard, LockWatcher
from ui.login import LoginPage
from ui.menus import MenuCommands
from ui.style import apply_language

log = logging.getLogger("tsunagu.ui")

APP_TITLE = "Tsunagu"


class MainWindow(QMainWindow, MenuCommands):
    def __init__(
        self, store: str | Path | None = None, *, kdf=None,
        clock: Callable[[], float] = time.monotonic, wall_clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_TITLE)
        self.resize(1100, 760)
        self._kdf = kdf
        self.clock = clock
        self._throttle = None
        self._approval_throttle = None
        self.session = None
        self.store_path: Path | None = Path(store).expanduser() if store else None
        self._locked = False  # the next login follows a lock: audit UNLOCK too
        self._after_unlock_note = ""
        self._state_watched = False
        self.first_run = self.case_list = self.case_form = self.interview = None
        self.os_lock = None

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.login = LoginPage(self)
        self.stack.addWidget(self.login)
        self.login.unlocked.connect(self._enter_session)
        self.login.recovery_requested.connect(self.recover)
        self.login.other_store_requested.connect(self._choose_store)
        self.login.restore_requested.connect(self._restore_backup)
        self.login.language_requested.connect(self.set_language)

        self.watcher = LockWatcher(self, clock=clock, wall_clock=wall_clock)
        self.watcher.idle.connect(self.lock)
        self.watcher.panic.connect(self.lock)
        self.clipboard = ClipboardGuard(self)
        self._build_menus()
        self.stack.currentChanged.connect(self.update_title)

    # -- lazily made things ------------------------------------------------------------------
    @property
    def kdf(self):
        if self._kdf is None:
            from app.store.kdf import DEFAULT_KDF

            self._kdf = DEFAULT_KDF
        return self._kdf

    @property
    def throttle(self):
        if self._throttle is None:
            from app.store.throttle import LoginThrottle

            self._throttle = LoginThrottle(clock=self.clock)
        return self._throttle

    @throttle.setter
    def throttle(self, value) -> None:
        self._throttle = value

    @property
    def approval_throttle(self):
        """Wrong approver passwords (exceptions to consent) slow down like logins, counted apart."""
        if self._approval_throttle is None:
            from app.store.throttle import LoginThrottle

            self._approval_throttle = LoginThrottle(clock=self.clock)
        return self._approval_throttle

    def existing_throttle(self):
        return self._throttle

    @property
    def session_open(self) -> bool:
        return self.session is not None and self.session.is_open

    def _case_pages(self):
        if self.case_list is None:
            from ui.case_form import CaseFormPage
            from ui.case_list import CaseListPage

            self.case_list = CaseListPage(self)
            self.case_form = CaseFormPage(self)
            self.stack.addWidget(self.case_list)
            self.stack.addWidget(self.case_form)
            self.case_list.open_case.connect(self.open_case)
            self.case_list.new_case.connect(self.new_case)
            self.case_form.saved.connect(lambda _case: self.update_title())
            self.case_form.close_requested.connect(self.show_case_list)
            self.case_form.interview_requested.connect(self.interview_action)
            self.case_form.referrals_requested.connect(self.open_referrals)
        return self.case_list, self.case_form

    def _interview_page(self):
        if self.interview is None:
            from ui.interview.page import InterviewPage

            self.interview = InterviewPage(self)
            self.stack.addWidget(self.interview)
            self.interview.closed.connect(self._interview_closed)
        return self.interview

    def interview_action(self, action: str) -> None:
        """Start or continue the open case's interview, or show its last screening result."""
        from app.interview import records

        case = self.case_form.case if self.case_form is not None else None
        if not self.session_open or case is None:
            return
        page = self._interview_page()
        try:
            if action == "continue":
                interview_id = records.unfinished_interview(self.session, case.id)
                if interview_id is None:
                    return
                page.resume(interview_id)
            elif action == "result":
                if not page.show_saved_result(case):
                    return
            else:
                page.start(case, interview_language(case.person.languages))
        except UserError as exc:
            from ui.errors import show_user_error

            show_user_error(self, exc)
            return
        self.stack.setCurrentWidget(page)
        page.setFocus()
        self.update_title()

    def _interview_closed(self) -> None:
        case_id = self.interview.case_id if self.interview is not None else None
        if self.interview is not None:
            self.interview.clear()
        if case_id is not None and self.session_open:
            self.open_case(case_id)

    # -- starting ----------------------------------------------------------------------------
    def start(self) -> None:
        """The first page: the store given or last used, else the first-run set-up."""
        s = app_settings.load()
        if self.store_path is None and s.last_store and Path(s.last_store).is_file():
            self.store_path = Path(s.last_store)
        if self.store_path is None:
            from app.paths import default_store_path

            default = default_store_path()
            if default.is_file():
                self.store_path = default
        if self.store_path is None:
            self.show_first_run()
        else:
            self.show_login(username=s.last_user)

    def show_login(self, username: str = "", info: str = "") -> None:
        self.login.prepare(self.store_path, username, locked=False, info=info)
        self.stack.setCurrentWidget(self.login)
        self._set_menus()

    def show_first_run(self) -> None:
        if self.first_run is None:
            from ui.first_run import FirstRunPage

            self.first_run = FirstRunPage(self)
            self.first_run.finished.connect(self._store_created)
            self.first_run.form.open_existing.connect(self._use_store)
            self.first_run.form.language_requested.connect(self.set_language)
            self.first_run.form.restore_requested.connect(self._restore_backup)
            self.stack.addWidget(self.first_run)
        from app.paths import default_store_path

        self.first_run.prepare(default_store_path())
        self.stack.setCurrentWidget(self.first_run)

    def _store_created(self, path: Path, username: str) -> None:
        self._remember(path, username)
        self.store_path = Path(path)
        self.show_login(username, info=_("The store is ready. Log in with the password you just chose."))

    def _use_store(self, path: str) -> None:
        self.store_path = Path(path)
        self._remember(self.store_path, "")
        self.show_login()

    def _choose_store(self) -> None:
        from ui.first_run import file_dialog

        start = self.store_path.parent if self.store_path else Path.home()
        chosen = file_dialog(self, _("Open a store"), save=False, start=start)
        if chosen:
            self._use_store(chosen)

    def _restore_backup(self) -> None:
        """Restore a backup to a new file, then show the login for it."""
        from ui.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self, self.store_path.parent if self.store_path else Path.home())
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        restored = dialog.restored
        dialog.deleteLater()
        if accepted and restored is not None:
            self.store_path = restored
            self._remember(restored, "")
            self.show_login(info=_("Restored to {file}. Log in to use it; the old store was not changed.").format(
                file=restored.name))

    @staticmethod
    def _remember(path: Path, username: str) -> None:
        s = app_settings.load()
        s.last_store = str(Path(path).resolve())
        s.last_user = username
        app_settings.save(s)

    # -- logging in --------------------------------------------------------------------------
    def _begin(self, session) -> None:
        """A store is open: audit what happened while it was closed, start the idle timer."""
        from app.store import audit, office_settings

        self.session = session
        throttle = self.throttle
        if session.account.is_recovery:
            pending, throttle.pending = throttle.pending, []
        else:
            pending = throttle.record_success(session.account.username)
        for _name in pending:
            session.audit(audit.LOGIN_FAILED, "failed")
        if self._locked:
            session.audit(audit.UNLOCK)
            self._locked = False
        self.watcher.start(office_settings.lock_minutes(session) * 60)
        self._watch_system()
        handle = self.windowHandle()
        if handle is not None and not self._state_watched:
            handle.windowStateChanged.connect(self._window_state_changed)  # minimising locks
            self._state_watched = True

    def _watch_system(self) -> None:
        """Lock when the computer locks, sleeps or switches user (started at the first login:
        the D-Bus and Windows hooks cost start-up time the login window does not need)."""
        if self.os_lock is None:
            from ui.os_lock import OsLockWatcher

            self.os_lock = OsLockWatcher(self)
            self.os_lock.locked.connect(self._system_locked)
        self.os_lock.start(self)

    def _system_locked(self, _reason: str) -> None:
        if self.session_open:
            self.lock()

    def _enter_session(self, session) -> None:
        self._begin(session)
        self._remember(session.path, session.account.username)
        case_list, _form = self._case_pages()
        self._set_menus()
        self.stack.setCurrentWidget(case_list)
        case_list.refresh()
        case_list.focus_search()
        note, self._after_unlock_note = self._after_unlock_note, ""
        self.statusBar().showMessage(note)

    def recover(self) -> None:
        """Unlock with the recovery key, then set a new password in staff management."""
        from ui.recovery import RecoveryUnlockDialog
        from ui.staff_dialog import StaffDialog

        dialog = RecoveryUnlockDialog(self.store_path, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        session = dialog.session
        dialog.deleteLater()
        if not accepted or session is None:
            return
        self._begin(session)
        staff = StaffDialog(self, recovery=True)
        staff.exec()
        staff.deleteLater()
        if self.session is not session:  # locked meanwhile
            return
        self.session = None
        self.watcher.stop()
        session.close()
        self._throttle = None  # the recovery key holder vouched: failures start again from zero
        self.show_login(info=_("Log in with the new password."))

    # -- cases -------------------------------------------------------------------------------
    def show_case_list(self) -> None:
        if not self.session_open or not self._leave_form():
            return
        case_list, form = self._case_pages()
        form.clear()
        self.stack.setCurrentWidget(case_list)
        case_list.refresh()
        case_list.focus_search()

    def new_case(self) -> None:
        if not self.session_open or not self._leave_form():
            return
        _list, form = self._case_pages()
        form.load_new()
        self.stack.setCurrentWidget(form)
        self.update_title()

    def open_case(self, case_id: int) -> None:
        from app.cases import repo

        if not self.session_open or not self._leave_form():
            return
        try:
            case = repo.get_case(self.session, case_id)
        except UserError as exc:
            from ui.errors import show_user_error

            show_user_error(self, exc)
            return
        _list, form = self._case_pages()
        form.load_case(case)
        self.stack.setCurrentWidget(form)
        self.update_title()

    def _leave_form(self) -> bool:
        """True when the form may be left: nothing unsaved, saved now, or discarded on purpose."""
        form = self.case_form
        if form is None or self.stack.currentWidget() is not form or not form.is_dirty():
            return True
        box = QMessageBox(self)
        box.setObjectName("unsavedChanges")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(APP_TITLE)
        box.setText(_("This case has changes that are not saved yet."))
        save = box.addButton(_("Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(_("Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(_("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        if not self.session_open:  # locked while the question was open
            return False
        if clicked is save:
            return form.save()
        return clicked is discard

    def update_title(self, *_args) -> None:
        form, current = self.case_form, self.stack.currentWidget()
        number = None
        if self.session_open and form is not None and current is form and form.case is not None:
            number = form.case.number
        elif self.session_open and self.interview is not None and current is self.interview:
            number = self.interview.case_number
        self.setWindowTitle(f"{APP_TITLE} — {number}" if number else APP_TITLE)

    # -- locking -----------------------------------------------------------------------------
    def lock(self) -> None:
        """Lock now. Every step runs even if an earlier one fails; the first error is re-raised
        once the lock screen is up (the crash dialog shows no case data)."""
        if self.session is None:
            return
        from app.store import audit

        session = self.session
        errors: list[BaseException] = []

        def step(fn) -> None:
            try:
                fn()
            except BaseException as exc:  # noqa: BLE001 - locking must finish; re-raised below
                errors.append(exc)

        step(self._save_before_lock)
        step(self._hide_names_for_lock)
        step(close_dialogs)
        self.watcher.stop()
        self.session = None
        step(self._clear_pages)
        step(lambda: session.close(event=audit.LOCK))
        step(self.clipboard.clear)
        self._locked = True
        username = "" if session.account.is_recovery else session.account.username
        self.login.prepare(session.path, username, locked=True)
        self.stack.setCurrentWidget(self.login)
        self._set_menus()
        self.statusBar().clearMessage()
        self.setWindowTitle(APP_TITLE)
        log.info("locked")
        if errors:
            raise errors[0]

    def _save_before_lock(self) -> None:
        form = self.case_form
        if form is None or self.stack.currentWidget() is not form or not form.is_dirty():
            return
        if form.save():
            self._after_unlock_note = _("Tsunagu locked while a case was being edited. The changes were saved.")
        else:
            self._after_unlock_note = _(
                "Tsunagu locked while a case was being edited. The changes could not be saved "
                "(for example, a required field was empty) and were not kept."
            )

    def _hide_names_for_lock(self) -> None:
        if self.case_list is not None and self.case_list.names_toggle.isChecked():
            from app.cases import repo

            self.case_list.hide_names()
            repo.set_names_shown(self.session, False)

    def _clear_pages(self) -> None:
        if self.case_list is not None:
            self.case_list.clear()
            self.case_form.clear()
        if self.interview is not None:
            self.interview.clear()

    def _window_state_changed(self, *_args) -> None:
        if self.isMinimized() and self.session_open:
            self.lock()

    def set_language(self, lang: str) -> None:
        """Switch the staff language now: saved for next time, every page retranslated."""
        set_language(lang)
        s = app_settings.load()
        s.staff_language = lang
        app_settings.save(s)
        apply_language(QApplication.instance(), lang)
        self.retranslate()
        for page in (self.login, self.first_run, self.case_list, self.case_form):
            if page is not None:
                page.retranslate()
        self.update_title()

    # -- closing -----------------------------------------------------------------------------
    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.session_open and not self._leave_form():
            event.ignore()
            return
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        """Log out and forget everything (window closing, tests tearing down)."""
        self.watcher.stop()
        session, self.session = self.session, None
        if self.case_list is not None:
            self._clear_pages()
        if session is not None and session.is_open:
            session.close()
        self.clipboard.clear()


def close_dialogs() -> None:
    """Close popups, menus, message boxes and dialogs of every kind, innermost first."""
    for _i in range(20):
        popup = QApplication.activePopupWidget()
        if popup is None:
            break
        popup.close()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    for dialog in reversed(dialogs):
        dialog.reject()
