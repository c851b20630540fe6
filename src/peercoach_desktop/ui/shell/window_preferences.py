"""Preferences in the window: the dialog, applying them (idle lock, panic shortcut, turn
length, theme, history bounds), and the window's own geometry kept apart from them.

WindowPreferences is a controller the main window owns; it needs only what PreferencesHost lists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QByteArray, QTimer
from PySide6.QtWidgets import QApplication

from peercoach_desktop.ui.infra.theme import apply_palette, follow_system_scheme

if TYPE_CHECKING:
    from peercoach_desktop.ui.infra.access import NotebookAccess
    from peercoach_desktop.ui.infra.settings import Preferences
    from peercoach_desktop.ui.infra.tasks import Tasks
    from peercoach_desktop.ui.infra.window_host import OpenDialogs
    from peercoach_desktop.ui.notebook.notebook_view import NotebookView


class PreferencesHost(Protocol):
    access: NotebookAccess
    tasks: Tasks
    preferences: Preferences
    dialogs: OpenDialogs
    notebook: NotebookView

    @property
    def built(self) -> bool: ...

    @property
    def actions_built(self) -> bool: ...  # the menus exist (built after the first paint)

    def splitter_state(self) -> QByteArray | None: ...

    def findChild(self, kind: Any, name: str) -> Any: ...

    def restoreGeometry(self, geometry: QByteArray) -> bool: ...

    def saveGeometry(self) -> QByteArray: ...

    def resize(self, width: int, height: int) -> None: ...


class WindowPreferences:
    def __init__(self, window: PreferencesHost, idle_timer: QTimer) -> None:
        self._window = window
        self._idle_timer = idle_timer

    def open_dialog(self) -> None:
        from peercoach_desktop.ui.shell.preferences_dialog import PreferencesDialog

        window = self._window
        dialog = window.dialogs.keep("preferences_dialog", PreferencesDialog(window.preferences, window))
        dialog.accepted.connect(self._changed)
        dialog.open()

    def apply(self) -> None:
        window, preferences = self._window, self._window.preferences
        if window.actions_built:
            from PySide6.QtGui import QAction, QKeySequence

            panic = window.findChild(QAction, "action_panic_lock_lock_and_hide")
            if panic is not None:
                panic.setShortcut(QKeySequence(preferences.get("panic_shortcut")))
        self._idle_timer.setInterval(preferences.get("idle_lock_minutes") * 60_000)
        if self._idle_timer.isActive():
            self._idle_timer.start()
        if window.built:
            window.notebook.set_turn_minutes(preferences.get("turn_minutes"))
            window.notebook.set_new_notes_private(preferences.get("new_notes_private"))
        apply_palette(QApplication.instance(), preferences.get("theme"))

    def _changed(self) -> None:
        self.apply()
        self.apply_history_policy()
        follow_system_scheme(QApplication.instance(), self._window.preferences.get("theme"))

    def restore_window_state(self) -> None:
        geometry = self._window.preferences.window_state("geometry")
        if geometry is None or not self._window.restoreGeometry(geometry):
            self._window.resize(1100, 700)

    def save_window_state(self) -> None:
        preferences = self._window.preferences
        preferences.save_window_state("geometry", self._window.saveGeometry())
        splitter = self._window.splitter_state()
        if splitter is not None:
            preferences.save_window_state("splitter", splitter)
        preferences.sync()

    def apply_history_policy(self) -> None:
        from peercoach_desktop.storage.history import HistoryPolicy

        window = self._window
        workspace = window.access.workspace
        if workspace is not None:
            preferences = window.preferences
            policy = HistoryPolicy(preferences.get("history_versions"), preferences.get("history_days"))
            window.tasks.run(lambda: workspace.set_history_policy(policy))
