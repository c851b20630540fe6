"""Plan meetings in the window: a biweekly 15:00 in Berlin stays at 15:00 across the spring
change in the list, the overview says it in words, one meeting is skipped, the calendar is
exported, and a time already past is refused in one sentence with nothing stored."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import vobject
from PySide6.QtCore import QDateTime
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from window_driver import create_partnership, idle

from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.domain.meeting_plan import Repeat
from peercoach_desktop.ui.infra.file_choice import set_next_path
from peercoach_desktop.ui.notebook_tools.meetings_dialog import MeetingsDialog
from peercoach_desktop.ui.shell.main_window import MainWindow


@pytest.fixture
def berlin(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This laptop is in Berlin (the C library's zone too, which shows local times)."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def open_dialog(qtbot: QtBot, window: MainWindow) -> MeetingsDialog:
    window.findChild(QAction, "action_plan_meetings").trigger()
    qtbot.waitUntil(lambda: window.dialogs.is_open("meetings_dialog"))
    idle(qtbot, window)
    return window.dialogs["meetings_dialog"]


def plan(qtbot: QtBot, window: MainWindow, dialog: MeetingsDialog, first: str) -> None:
    dialog.first.setDateTime(QDateTime.fromString(first, "yyyy-MM-ddTHH:mm"))
    dialog.repeat.setCurrentIndex(dialog.repeat.findData(Repeat.WEEKLY))
    dialog.every.setValue(2)
    dialog.zone.setCurrentText("Europe/Berlin")
    dialog.save.click()
    idle(qtbot, window)


def coming(dialog: MeetingsDialog) -> list[str]:
    return [dialog.coming.item(row).text() for row in range(dialog.coming.count())]


def test_plan_skip_and_export_meetings_that_stay_at_15_00(
    qtbot: QtBot, window: MainWindow, berlin: None, tmp_path: Path
) -> None:
    create_partnership(qtbot, window)
    clock = window.workspace.library.clock
    assert isinstance(clock, FakeClock)
    clock.advance((datetime(2026, 3, 16, 9, 0, tzinfo=UTC) - clock.now()).total_seconds())  # a Monday
    dialog = open_dialog(qtbot, window)
    assert dialog.zone.currentText() == "Europe/Berlin"  # this laptop's zone by default
    plan(qtbot, window, dialog, "2026-03-19T15:00")
    shown = coming(dialog)
    assert len(shown) == 8 and all("15:00" in line for line in shown), shown  # Berlin changes on 29 March
    assert shown[0] == "Thursday 15:00, in 3 days"
    assert shown[1].startswith("Thursday 2026-04-02, 15:00")
    qtbot.waitUntil(lambda: "Thursday 15:00, in 3 days" in window.notebook.overview.toPlainText())

    dialog.coming.setCurrentRow(1)
    dialog.skip.click()
    idle(qtbot, window)
    assert coming(dialog)[1].startswith("Thursday 2026-04-16, 15:00")

    target = tmp_path / "meetings.ics"
    set_next_path(str(target))
    dialog.export.click()
    idle(qtbot, window)
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, "saved_message") is not None)
    event = next(e for e in vobject.readOne(target.read_text()).vevent_list if hasattr(e, "rrule"))
    assert event.valarm.trigger.value.total_seconds() == -15 * 60  # the preference's default
    berlin_times = {t.astimezone().strftime("%H:%M") for t in event.getrruleset(addRDate=True)[:20]}
    assert berlin_times == {"15:00"}
    assert "Ana" not in target.read_text() and "Ben" not in target.read_text()


def test_a_time_already_past_is_refused_in_one_sentence_and_nothing_is_stored(
    qtbot: QtBot, window: MainWindow, berlin: None
) -> None:
    create_partnership(qtbot, window)
    dialog = open_dialog(qtbot, window)
    plan(qtbot, window, dialog, "2025-06-05T15:00")
    box = dialog.findChild(QMessageBox, "error_message")
    assert box is not None and box.isVisible()
    assert box.text() == "2025-06-05 15:00 (Europe/Berlin) has already passed. Give a time still to come."
    assert coming(dialog) == ["No meetings planned."]
