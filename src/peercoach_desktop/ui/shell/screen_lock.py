"""Lock the notebooks when the desktop locks its screen or the laptop goes to sleep.

Linux: the session bus's screensaver signals (org.freedesktop.ScreenSaver, which KDE and
most desktops send, and org.gnome.ScreenSaver) and the system bus's logind
PrepareForSleep. Windows and macOS: Qt exposes no screen-lock event; the window locks
when the application is suspended by the system (Qt's ApplicationSuspended state, sent on
some platforms) and the idle lock covers the rest (README: the gaps).
"""

from __future__ import annotations

from PySide6.QtCore import SLOT, QObject, Qt, Signal, Slot
from PySide6.QtDBus import QDBusConnection
from PySide6.QtGui import QGuiApplication

SCREENSAVERS = (
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/ScreenSaver", "org.freedesktop.ScreenSaver"),  # KDE's older path
    ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)
LOGIND = ("org.freedesktop.login1", "/org/freedesktop/login1", "org.freedesktop.login1.Manager")


class ScreenLockWatcher(QObject):
    """Emits lock_now when the screen locks, the machine prepares to sleep or the app is suspended."""

    lock_now = Signal()

    def __init__(
        self,
        session: QDBusConnection | None = None,
        system: QDBusConnection | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.listening: list[str] = []
        session = session if session is not None else QDBusConnection.sessionBus()
        system = system if system is not None else QDBusConnection.systemBus()
        if session.isConnected():
            for path, interface in SCREENSAVERS:
                if session.connect("", path, interface, "ActiveChanged", self, SLOT("_screensaver(bool)")):
                    self.listening.append(f"{interface} ActiveChanged")
        if system.isConnected():
            service, path, interface = LOGIND
            if system.connect(service, path, interface, "PrepareForSleep", self, SLOT("_sleep(bool)")):
                self.listening.append("logind PrepareForSleep")
        app = QGuiApplication.instance()
        if app is not None:
            app.applicationStateChanged.connect(self._state)

    @Slot(bool)
    def _screensaver(self, active: bool) -> None:
        if active:
            self.lock_now.emit()

    @Slot(bool)
    def _sleep(self, going_to_sleep: bool) -> None:
        if going_to_sleep:
            self.lock_now.emit()

    def _state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.lock_now.emit()
