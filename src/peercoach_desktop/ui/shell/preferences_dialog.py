"""Preferences: default turn length, idle lock, theme, language and data folder."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
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

from peercoach_desktop.domain.model import MAX_TURN_MINUTES, MIN_TURN_MINUTES
from peercoach_desktop.ui.infra.file_choice import choose_folder
from peercoach_desktop.ui.infra.i18n import translate
from peercoach_desktop.ui.infra.settings import LANGUAGES, THEMES, Preferences
from peercoach_desktop.ui.infra.widgets import named


class PreferencesDialog(QDialog):
    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("PreferencesDialog", "Preferences"))
        self.setMinimumWidth(520)
        self.preferences = preferences
        self.turn_minutes = named(
            QSpinBox(), "pref_turn_minutes", translate("PreferencesDialog", "Default turn length in minutes")
        )
        self.turn_minutes.setRange(MIN_TURN_MINUTES, MAX_TURN_MINUTES)
        self.turn_minutes.setSuffix(translate("PreferencesDialog", " min"))
        self.turn_minutes.setValue(preferences.get("turn_minutes"))
        self.idle_minutes = named(
            QSpinBox(), "pref_idle_lock_minutes", translate("PreferencesDialog", "Lock after idle minutes")
        )
        self.idle_minutes.setRange(1, 240)
        self.idle_minutes.setSuffix(translate("PreferencesDialog", " min"))
        self.idle_minutes.setValue(preferences.get("idle_lock_minutes"))
        self.theme = named(QComboBox(), "pref_theme", translate("PreferencesDialog", "Theme"))
        theme_names = {
            "system": translate("PreferencesDialog", "Follow the system"),
            "light": translate("PreferencesDialog", "Light"),
            "dark": translate("PreferencesDialog", "Dark"),
        }
        for theme in THEMES:
            self.theme.addItem(theme_names[theme], theme)
        self.theme.setCurrentIndex(self.theme.findData(preferences.get("theme")))
        self.language = named(QComboBox(), "pref_language", translate("PreferencesDialog", "Language"))
        # Each language in its own name, so a user who cannot read the current one finds theirs.
        language_names = {
            "system": translate("PreferencesDialog", "Follow the system"),
            "en": "English",
            "de": "Deutsch",
        }
        for code in LANGUAGES:
            self.language.addItem(language_names[code], code)
        self.language.setCurrentIndex(self.language.findData(preferences.get("language")))
        self.data_dir = named(
            QLineEdit(preferences.get("data_dir")),
            "pref_data_dir",
            translate("PreferencesDialog", "Data folder"),
        )
        self.data_dir.setPlaceholderText(translate("PreferencesDialog", "the standard folder for app data"))
        browse = named(
            QPushButton(translate("PreferencesDialog", "&Browse…")),
            "pref_browse_data_dir",
            translate("PreferencesDialog", "Choose data folder"),
        )
        browse.clicked.connect(self._browse)
        self.panic = named(
            QKeySequenceEdit(QKeySequence(preferences.get("panic_shortcut"))),
            "pref_panic_shortcut",
            translate("PreferencesDialog", "Panic lock shortcut"),
        )
        self.clear_clipboard = named(
            QCheckBox(translate("PreferencesDialog", "&Clear text copied from a notebook when it locks")),
            "pref_clear_clipboard",
        )
        self.clear_clipboard.setChecked(preferences.get("clear_clipboard_on_lock"))
        self.new_notes_private = named(
            QCheckBox(translate("PreferencesDialog", "New notes are p&rivate until I share them")),
            "pref_new_notes_private",
        )
        self.new_notes_private.setChecked(preferences.get("new_notes_private"))
        self.history_versions = named(
            QSpinBox(),
            "pref_history_versions",
            translate("PreferencesDialog", "Earlier versions kept per item"),
        )
        self.history_versions.setRange(1, 1000)
        self.history_versions.setValue(preferences.get("history_versions"))
        self.history_days = named(
            QSpinBox(), "pref_history_days", translate("PreferencesDialog", "Keep earlier versions for days")
        )
        self.history_days.setRange(1, 3650)
        self.history_days.setSuffix(translate("PreferencesDialog", " days"))
        self.history_days.setValue(preferences.get("history_days"))
        self.reminders = named(
            QCheckBox(translate("PreferencesDialog", "&Remind me before meetings and of due steps")),
            "pref_reminders",
        )
        self.reminders.setChecked(preferences.get("reminders"))
        self.reminder_minutes = named(
            QSpinBox(),
            "pref_reminder_minutes",
            translate("PreferencesDialog", "Remind minutes before a meeting"),
        )
        self.reminder_minutes.setRange(1, 240)
        self.reminder_minutes.setSuffix(translate("PreferencesDialog", " min before"))
        self.reminder_minutes.setValue(preferences.get("reminder_minutes"))
        self.reminders.toggled.connect(self.reminder_minutes.setEnabled)
        self.reminder_minutes.setEnabled(self.reminders.isChecked())
        self.calendar_alarm = named(
            QSpinBox(),
            "pref_calendar_alarm",
            translate("PreferencesDialog", "Calendar reminder, minutes before"),
        )
        self.calendar_alarm.setRange(0, 1440)
        self.calendar_alarm.setSpecialValueText(translate("PreferencesDialog", "none"))
        self.calendar_alarm.setSuffix(translate("PreferencesDialog", " min before"))
        self.calendar_alarm.setValue(preferences.get("calendar_alarm_minutes"))
        folder = QHBoxLayout()
        folder.addWidget(self.data_dir, 1)
        folder.addWidget(browse)
        form = QFormLayout()
        form.addRow(translate("PreferencesDialog", "Default &turn length"), self.turn_minutes)
        form.addRow(translate("PreferencesDialog", "&Lock after idle"), self.idle_minutes)
        form.addRow(translate("PreferencesDialog", "T&heme"), self.theme)
        form.addRow(translate("PreferencesDialog", "Lan&guage"), self.language)
        form.addRow(translate("PreferencesDialog", "Pa&nic lock (locks and hides)"), self.panic)
        form.addRow("", self.clear_clipboard)
        form.addRow("", self.reminders)
        form.addRow(translate("PreferencesDialog", "Meeting rem&inder"), self.reminder_minutes)
        form.addRow(translate("PreferencesDialog", "Reminder in e&xported calendars"), self.calendar_alarm)
        form.addRow("", self.new_notes_private)
        form.addRow(translate("PreferencesDialog", "Earlier &versions kept"), self.history_versions)
        form.addRow(translate("PreferencesDialog", "…for at &most"), self.history_days)
        folder_label = QLabel(translate("PreferencesDialog", "&Data folder"))
        folder_label.setBuddy(self.data_dir)
        form.addRow(folder_label, folder)
        note = QLabel(
            translate(
                "PreferencesDialog",
                "A new language or data folder is used from the next start; notebooks are not moved.",
            )
        )
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
        chosen = choose_folder(self, translate("PreferencesDialog", "Data folder"), self.data_dir.text())
        if chosen:
            self.data_dir.setText(chosen)

    def accept(self) -> None:
        self.preferences.set("turn_minutes", self.turn_minutes.value())
        self.preferences.set("idle_lock_minutes", self.idle_minutes.value())
        self.preferences.set("theme", self.theme.currentData())
        self.preferences.set("language", self.language.currentData())
        self.preferences.set("data_dir", self.data_dir.text().strip())
        panic = self.panic.keySequence().toString()
        if panic:
            self.preferences.set("panic_shortcut", panic)
        self.preferences.set("clear_clipboard_on_lock", self.clear_clipboard.isChecked())
        self.preferences.set("new_notes_private", self.new_notes_private.isChecked())
        self.preferences.set("history_versions", self.history_versions.value())
        self.preferences.set("history_days", self.history_days.value())
        self.preferences.set("reminders", self.reminders.isChecked())
        self.preferences.set("reminder_minutes", self.reminder_minutes.value())
        self.preferences.set("calendar_alarm_minutes", self.calendar_alarm.value())
        super().accept()
