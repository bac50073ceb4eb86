"""Lock when the computer locks, sleeps or changes user (R16), not only after idle time.

Windows tells the main window through messages: WM_WTSSESSION_CHANGE (once the window is
registered with WTSRegisterSessionNotification) for a screen lock, a console or remote
disconnect and a user switch, and WM_POWERBROADCAST for suspend. A native event filter reads
them (KeePassXC does the same). Linux desktops say it on D-Bus: logind's PrepareForSleep(true)
on the system bus, its session Lock signal, and the screensaver's ActiveChanged(true) (the
freedesktop name, GNOME's, and the others that copy it). Where a bus or a service is missing,
nothing fails: the idle timer, and its wall clock that counts time asleep, still lock.

Every source emits ``locked`` with a short reason for the log (never content).
"""

from __future__ import annotations

import ctypes
import logging
import sys

from PySide6.QtCore import QAbstractNativeEventFilter, QObject, Signal, Slot

log = logging.getLogger("tsunagu.ui")

WM_WTSSESSION_CHANGE = 0x02B1
WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x0004
# wParam of WM_WTSSESSION_CHANGE that mean the person at the screen is no longer the one who unlocked
WTS_LOCKING = {0x2: "console disconnect", 0x4: "remote disconnect", 0x7: "session lock", 0x3: "remote connect"}
NOTIFY_FOR_THIS_SESSION = 0

SCREENSAVER_INTERFACES = (
    "org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver", "org.mate.ScreenSaver", "org.cinnamon.ScreenSaver",
    "org.xfce.ScreenSaver",
)


class _MSG(ctypes.Structure):
    """The start of Windows' MSG structure (enough for the fields read here)."""

    _fields_ = [("hwnd", ctypes.c_void_p), ("message", ctypes.c_uint), ("wParam", ctypes.c_size_t),
                ("lParam", ctypes.c_ssize_t)]


class WindowsMessages(QAbstractNativeEventFilter):
    """Reads the session and power messages; calls ``notify(reason)`` for those that must lock."""

    def __init__(self, notify) -> None:
        super().__init__()
        self._notify = notify

    def nativeEventFilter(self, event_type, message):  # noqa: N802 - Qt's name
        if bytes(event_type) in (b"windows_generic_MSG", b"windows_dispatcher_MSG") and message:
            msg = _MSG.from_address(int(message))
            if msg.message == WM_WTSSESSION_CHANGE and msg.wParam in WTS_LOCKING:
                self._notify(WTS_LOCKING[msg.wParam])
            elif msg.message == WM_POWERBROADCAST and msg.wParam == PBT_APMSUSPEND:
                self._notify("suspend")
        return False, 0


class OsLockWatcher(QObject):
    """Emits ``locked(reason)`` when the operating system locks, suspends or switches user."""

    locked = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._started = False
        self._filter: WindowsMessages | None = None
        self.sources: list[str] = []  # what is being listened to, for the log and tests

    def start(self, window) -> None:
        """Listen from now on (once; after the window exists, for its handle on Windows)."""
        if self._started:
            return
        self._started = True
        if sys.platform == "win32":
            self._start_windows(window)
        else:
            self._start_dbus()
        log.info("locks with the system: %s", ", ".join(self.sources) or "idle timer only")

    def notify(self, reason: str) -> None:
        log.info("system %s: locking", reason)
        self.locked.emit(reason)

    # -- Windows -----------------------------------------------------------------------------
    def _start_windows(self, window) -> None:
        from PySide6.QtCore import QCoreApplication

        self._filter = WindowsMessages(self.notify)
        QCoreApplication.instance().installNativeEventFilter(self._filter)
        self.sources.append("power messages")
        try:
            registered = ctypes.windll.wtsapi32.WTSRegisterSessionNotification(int(window.winId()),
                                                                              NOTIFY_FOR_THIS_SESSION)
        except (AttributeError, OSError):
            registered = False
        if registered:
            self.sources.append("session messages")

    # -- Linux desktops ----------------------------------------------------------------------
    def _start_dbus(self) -> None:
        from PySide6.QtDBus import QDBusConnection

        system, session = QDBusConnection.systemBus(), QDBusConnection.sessionBus()
        if system.isConnected():
            self.listen_system(system)
        if session.isConnected():
            self.listen_session(session)

    def listen_system(self, bus) -> None:
        """logind on the system bus: going to sleep, and "lock this session" (loginctl lock-session)."""
        from PySide6.QtCore import SLOT

        if bus.connect("org.freedesktop.login1", "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
                       "PrepareForSleep", self, SLOT("prepare_for_sleep(bool)")):
            self.sources.append("logind sleep")
        if bus.connect("org.freedesktop.login1", "", "org.freedesktop.login1.Session", "Lock",
                       self, SLOT("session_lock()")):
            self.sources.append("logind lock")

    def listen_session(self, bus) -> None:
        """The desktop's screensaver on the session bus: ActiveChanged(true) when the screen locks."""
        from PySide6.QtCore import SLOT

        for interface in SCREENSAVER_INTERFACES:
            if bus.connect("", "", interface, "ActiveChanged", self, SLOT("screensaver_changed(bool)")):
                self.sources.append(interface)

    @Slot(bool)
    def prepare_for_sleep(self, going_to_sleep: bool) -> None:
        if going_to_sleep:
            self.notify("suspend")

    @Slot()
    def session_lock(self) -> None:
        self.notify("session lock")

    @Slot(bool)
    def screensaver_changed(self, active: bool) -> None:
        if active:
            self.notify("screen lock")
