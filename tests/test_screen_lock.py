"""The window locks when the desktop's screensaver starts or the laptop prepares to sleep.

Driven over a real, private D-Bus session bus: the same signal a desktop sends."""

from __future__ import annotations

from PySide6.QtDBus import QDBusConnection, QDBusMessage
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from window_driver import create_partnership, idle, visible_texts, write_note

from peercoach_desktop.ui.infra.settings import Preferences
from peercoach_desktop.ui.shell.main_window import MainWindow
from peercoach_desktop.ui.shell.screen_lock import ScreenLockWatcher


def _bus(address: str, name: str) -> QDBusConnection:
    bus = QDBusConnection.connectToBus(address, name)
    assert bus.isConnected(), bus.lastError().message()
    return bus


def test_the_screensaver_signal_locks_the_window(
    qtbot: QtBot, window: MainWindow, secret_service: dict[str, str]
) -> None:
    address = secret_service["DBUS_SESSION_BUS_ADDRESS"]
    create_partnership(qtbot, window)
    write_note(qtbot, window, "MARKER-SCREEN-2718 what we said")
    window.notebook.flush()
    idle(qtbot, window)
    listener, sender = _bus(address, "peercoach-test-listener"), _bus(address, "peercoach-test-sender")
    watcher = ScreenLockWatcher(session=listener, system=listener, parent=window)
    assert "org.freedesktop.ScreenSaver ActiveChanged" in watcher.listening
    watcher.lock_now.connect(window.lock)

    inactive = QDBusMessage.createSignal(
        "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged"
    )
    inactive.setArguments([False])
    assert sender.send(inactive)
    qtbot.wait(200)
    assert not window.locked  # the screensaver ending is no reason to lock

    active = QDBusMessage.createSignal(
        "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged"
    )
    active.setArguments([True])
    assert sender.send(active)
    qtbot.waitUntil(lambda: window.locked, timeout=1000)  # within a second
    assert not any("MARKER-SCREEN" in text for text in visible_texts(window))
    idle(qtbot, window)  # the notebooks close on the worker, after the last saves
    assert window.workspace._stores == {}  # the notebooks are closed, not just hidden
    QDBusConnection.disconnectFromBus("peercoach-test-listener")
    QDBusConnection.disconnectFromBus("peercoach-test-sender")


def test_panic_lock_locks_hides_and_clears_what_was_copied(qtbot: QtBot, window: MainWindow) -> None:
    create_partnership(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QApplication.clipboard().setText("copied from a note")  # as Ctrl+C in a note does
    panic = window.findChild(QAction, "action_panic_lock_lock_and_hide")
    assert panic is not None and panic.shortcut().toString() == "Ctrl+Shift+L"
    panic.trigger()
    assert window.locked and window.isMinimized()
    assert QApplication.clipboard().text() == ""


def test_the_clipboard_is_kept_when_the_user_says_so(qtbot: QtBot, window: MainWindow) -> None:
    create_partnership(qtbot, window)
    window.preferences.set("clear_clipboard_on_lock", False)
    assert Preferences().get("clear_clipboard_on_lock") is False  # read back from the INI file
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QApplication.clipboard().setText("a line I want to keep")
    window.lock()
    assert QApplication.clipboard().text() == "a line I want to keep"
