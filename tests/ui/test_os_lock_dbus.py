"""R16 on a real D-Bus: a private session bus (dbus-daemon) delivers the screensaver's
ActiveChanged(true), sent by dbus-send as a desktop would, to the watcher, which reports a lock."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from ui.os_lock import OsLockWatcher

pytestmark = pytest.mark.skipif(shutil.which("dbus-daemon") is None or shutil.which("dbus-send") is None,
                                reason="dbus-daemon is installed by scripts/system-deps.sh")


@pytest.fixture
def private_bus():
    """A throwaway session bus: its address, and a Qt connection to it."""
    from PySide6.QtDBus import QDBusConnection

    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                              stdout=subprocess.PIPE, text=True)
    try:
        address = daemon.stdout.readline().strip()
        bus = QDBusConnection.connectToBus(address, "tsunagu-test-bus")
        assert bus.isConnected()
        yield address, bus
    finally:
        QDBusConnection.disconnectFromBus("tsunagu-test-bus")
        daemon.terminate()
        daemon.wait(5)


def _send(address: str, interface: str, active: bool) -> None:
    subprocess.run(["dbus-send", f"--bus={address}", "--type=signal", "/org/freedesktop/ScreenSaver",
                    f"{interface}.ActiveChanged", f"boolean:{'true' if active else 'false'}"], check=True)


@pytest.mark.parametrize("interface", ["org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver"])
def test_a_screen_lock_on_the_bus_is_reported(qtbot, private_bus, interface):
    address, bus = private_bus
    watcher = OsLockWatcher()
    watcher.listen_session(bus)
    assert interface in watcher.sources
    reasons = []
    watcher.locked.connect(reasons.append)
    _send(address, interface, active=False)  # the screensaver ended: nothing to do
    with qtbot.waitSignal(watcher.locked, timeout=5000):
        _send(address, interface, active=True)
    assert reasons == ["screen lock"]
