"""Preferences in the window: the dialog, applying them (idle lock, panic shortcut, turn
length, theme, history bounds), and the window's own geometry kept apart from them.

A mixin of MainWindow, like ui.locking.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from peercoach_desktop.ui.infra.theme import apply_palette, follow_system_scheme

if TYPE_CHECKING:
    from peercoach_desktop.ui.shell.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class PreferencesMixin(_Base):
    def open_preferences(self) -> None:
        from peercoach_desktop.ui.shell.preferences_dialog import PreferencesDialog

        self.preferences_dialog = PreferencesDialog(self.preferences, self)
        self.preferences_dialog.setObjectName("preferences_dialog")
        self.preferences_dialog.accepted.connect(self._preferences_changed)
        self.preferences_dialog.open()

    def apply_preferences(self) -> None:
        if self._finished_start:  # the menu actions exist
            from PySide6.QtGui import QAction, QKeySequence

            panic = self.findChild(QAction, "action_panic_lock_lock_and_hide")
            if panic is not None:
                panic.setShortcut(QKeySequence(self.preferences.get("panic_shortcut")))
        self.idle_timer.setInterval(self.preferences.get("idle_lock_minutes") * 60_000)
        if self.idle_timer.isActive():
            self.idle_timer.start()
        if self._built:
            self.notebook.set_turn_minutes(self.preferences.get("turn_minutes"))
            self.notebook.set_new_notes_private(self.preferences.get("new_notes_private"))
        apply_palette(QApplication.instance(), self.preferences.get("theme"))

    def _preferences_changed(self) -> None:
        self.apply_preferences()
        self._apply_history_policy()
        follow_system_scheme(QApplication.instance(), self.preferences.get("theme"))

    def _restore_window_state(self) -> None:
        geometry = self.preferences.window_state("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 700)

    def _save_window_state(self) -> None:
        self.preferences.save_window_state("geometry", self.saveGeometry())
        if self._frame is not None:
            self.preferences.save_window_state("splitter", self._frame.saveState())
        self.preferences.sync()

    def _apply_history_policy(self) -> None:
        from peercoach_desktop.storage.history import HistoryPolicy

        workspace = self.access.workspace
        if workspace is not None:
            policy = HistoryPolicy(
                self.preferences.get("history_versions"), self.preferences.get("history_days")
            )
            self.tasks.run(lambda: workspace.set_history_policy(policy))
