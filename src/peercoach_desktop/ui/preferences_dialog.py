"""Preferences: default turn length, idle lock, theme and data folder."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from peercoach_desktop.core.model import MAX_TURN_MINUTES, MIN_TURN_MINUTES
from peercoach_desktop.ui.settings import THEMES, Preferences
from peercoach_desktop.ui.widgets import named


class PreferencesDialog(QDialog):
    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setMinimumWidth(520)
        self.preferences = preferences
        self.turn_minutes = named(QSpinBox(), "pref_turn_minutes", "Default turn length in minutes")
        self.turn_minutes.setRange(MIN_TURN_MINUTES, MAX_TURN_MINUTES)
        self.turn_minutes.setSuffix(" min")
        self.turn_minutes.setValue(preferences.get("turn_minutes"))
        self.idle_minutes = named(QSpinBox(), "pref_idle_lock_minutes", "Lock after idle minutes")
        self.idle_minutes.setRange(1, 240)
        self.idle_minutes.setSuffix(" min")
        self.idle_minutes.setValue(preferences.get("idle_lock_minutes"))
        self.theme = named(QComboBox(), "pref_theme", "Theme")
        for theme in THEMES:
            self.theme.addItem({"system": "Follow the system"}.get(theme, theme.capitalize()), theme)
        self.theme.setCurrentIndex(self.theme.findData(preferences.get("theme")))
        self.data_dir = named(QLineEdit(preferences.get("data_dir")), "pref_data_dir", "Data folder")
        self.data_dir.setPlaceholderText("the standard folder for app data")
        browse = named(QPushButton("&Browse…"), "pref_browse_data_dir", "Choose data folder")
        browse.clicked.connect(self._browse)
        self.panic = named(
            QKeySequenceEdit(QKeySequence(preferences.get("panic_shortcut"))),
            "pref_panic_shortcut",
            "Panic lock shortcut",
        )
        self.clear_clipboard = named(
            QCheckBox("Clear text copied from a notebook when it locks"), "pref_clear_clipboard"
        )
        self.clear_clipboard.setChecked(preferences.get("clear_clipboard_on_lock"))
        self.history_versions = named(QSpinBox(), "pref_history_versions", "Earlier versions kept per item")
        self.history_versions.setRange(1, 1000)
        self.history_versions.setValue(preferences.get("history_versions"))
        self.history_days = named(QSpinBox(), "pref_history_days", "Keep earlier versions for days")
        self.history_days.setRange(1, 3650)
        self.history_days.setSuffix(" days")
        self.history_days.setValue(preferences.get("history_days"))
        folder = QHBoxLayout()
        folder.addWidget(self.data_dir, 1)
        folder.addWidget(browse)
        form = QFormLayout()
        form.addRow("Default &turn length", self.turn_minutes)
        form.addRow("&Lock after idle", self.idle_minutes)
        form.addRow("T&heme", self.theme)
        form.addRow("Pa&nic lock (locks and hides)", self.panic)
        form.addRow("", self.clear_clipboard)
        form.addRow("Earlier &versions kept", self.history_versions)
        form.addRow("…for at &most", self.history_days)
        folder_label = QLabel("&Data folder")
        folder_label.setBuddy(self.data_dir)
        form.addRow(folder_label, folder)
        note = QLabel("A new data folder is used from the next start; notebooks are not moved.")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Data folder", self.data_dir.text())
        if chosen:
            self.data_dir.setText(chosen)

    def accept(self) -> None:
        self.preferences.set("turn_minutes", self.turn_minutes.value())
        self.preferences.set("idle_lock_minutes", self.idle_minutes.value())
        self.preferences.set("theme", self.theme.currentData())
        self.preferences.set("data_dir", self.data_dir.text().strip())
        panic = self.panic.keySequence().toString()
        if panic:
            self.preferences.set("panic_shortcut", panic)
        self.preferences.set("clear_clipboard_on_lock", self.clear_clipboard.isChecked())
        self.preferences.set("history_versions", self.history_versions.value())
        self.preferences.set("history_days", self.history_days.value())
        super().accept()
