"""Preferences, each declared once with its default and its check, and the window's
own state (geometry, splitters) kept apart from them. Stored in an INI file in the
config dir; it holds no user text, only choices and window sizes."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, NamedTuple

from PySide6.QtCore import QByteArray, QSettings

from peercoach_desktop.system.paths import config_dir_text

SCHEMA_VERSION = 1
THEMES = ("system", "light", "dark")
LANGUAGES = ("system", "en", "de")  # = ui.i18n.LANGUAGES (a test checks)


class Option(NamedTuple):
    name: str
    default: Any
    valid: Callable[[Any], bool]


OPTIONS: dict[str, Option] = {
    option.name: option
    for option in (
        Option(
            "turn_minutes", 15, lambda v: _turn_ok(v)
        ),  # = core.model.DEFAULT_TURN_MINUTES (a test checks)
        Option("idle_lock_minutes", 5, lambda v: 1 <= v <= 240),
        Option("theme", "system", lambda v: v in THEMES),
        Option("data_dir", "", lambda v: isinstance(v, str)),
        Option("panic_shortcut", "Ctrl+Shift+L", lambda v: isinstance(v, str) and bool(v.strip())),
        Option("clear_clipboard_on_lock", True, lambda v: isinstance(v, bool)),
        Option("new_notes_private", False, lambda v: isinstance(v, bool)),
        Option("history_versions", 50, lambda v: 1 <= v <= 1000),
        Option("history_days", 365, lambda v: 1 <= v <= 3650),
        Option("language", "system", lambda v: v in LANGUAGES),
        # The reminder a calendar shows for an exported meeting (.ics VALARM); 0 = none.
        # = domain.meeting_plan.DEFAULT_ALARM_MINUTES (a test holds them equal; not imported here:
        # preferences load before the first paint, the zone code after it).
        Option("calendar_alarm_minutes", 15, lambda v: 0 <= v <= 1440),
        # Reminders while the app runs (ui/shell/reminders.py): before a meeting, and on the
        # morning a next step is due.
        Option("reminders", True, lambda v: isinstance(v, bool)),
        Option("reminder_minutes", 10, lambda v: 1 <= v <= 240),
        # {partnership id: folder}, as JSON: where each partnership's sync files go (Partner ▸ Sync folder)
        Option("sync_folders", "{}", lambda v: isinstance(v, str)),
    )
}


def _turn_ok(minutes: int) -> bool:
    from peercoach_desktop.domain import model

    return model.MIN_TURN_MINUTES <= minutes <= model.MAX_TURN_MINUTES


class Preferences:
    def __init__(self, settings: QSettings | None = None) -> None:
        if settings is None:
            path = os.path.join(config_dir_text(), "settings.ini")
            settings = QSettings(path, QSettings.Format.IniFormat)
        self._settings = settings
        if int(settings.value("schema", 0)) < SCHEMA_VERSION:
            settings.setValue("schema", SCHEMA_VERSION)  # future upgrades hook in here

    def get(self, name: str) -> Any:
        option = OPTIONS[name]
        raw = self._settings.value(f"preferences/{name}", option.default)
        if isinstance(option.default, bool):  # an INI file gives back "true"/"false"
            return raw in (True, 1, "true", "1")
        try:
            value = type(option.default)(raw)
        except (TypeError, ValueError):
            return option.default
        return value if option.valid(value) else option.default  # a hand-edited file can't break us

    def set(self, name: str, value: Any) -> None:
        option = OPTIONS[name]
        if not option.valid(value):
            raise ValueError(f"{name} cannot be {value!r}")
        self._settings.setValue(f"preferences/{name}", value)
        self._settings.sync()

    def window_state(self, name: str) -> QByteArray | None:
        value = self._settings.value(f"window/{name}")
        return value if isinstance(value, QByteArray) else None

    def save_window_state(self, name: str, state: QByteArray) -> None:
        self._settings.setValue(f"window/{name}", state)

    def last_folder(self, kind: str) -> str:
        """The folder a file dialog for this kind of file (e.g. "pcnb") last chose: window
        state, like the geometry, not a preference."""
        value = self._settings.value(f"folders/{kind}", "")
        return value if isinstance(value, str) else ""

    def remember_folder(self, kind: str, folder: str) -> None:
        self._settings.setValue(f"folders/{kind}", folder)

    def sync(self) -> None:
        self._settings.sync()
