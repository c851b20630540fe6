"""Reminders at the right fake time: 10 minutes before a meeting (also behind the lock screen,
saying nothing but that), on the morning a step is due, and never when turned off."""

from __future__ import annotations

from datetime import UTC, datetime

from pytestqt.qtbot import QtBot
from window_driver import create_partnership, idle

from peercoach_desktop.coaching import schedule
from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.ui.shell.main_window import MainWindow


def ready(qtbot: QtBot, window: MainWindow) -> FakeClock:
    create_partnership(qtbot, window)
    qtbot.waitUntil(lambda: window.reminders is not None)
    window.reminders.timer.setInterval(10)  # check often; time itself only moves by the fake clock
    clock = window.workspace.library.clock
    assert isinstance(clock, FakeClock)
    return clock


def plan(window: MainWindow, clock: FakeClock, at: str) -> None:
    pid = window.access.partnership_id
    window.tasks.run_and_wait(lambda: schedule.add_one_off(window.workspace.store(pid), clock, at, "UTC"))
    window.access.changed.emit()  # as after any change in the window: the agenda is read again


def go_to(clock: FakeClock, moment: datetime) -> None:
    clock.advance((moment - clock.now()).total_seconds())


def checks_pass(qtbot: QtBot, window: MainWindow, n: int = 5) -> None:
    """Let a few checks run (bounded by the qtbot timeout, no sleeping)."""
    assert window.reminders is not None
    start = window.reminders.checks
    qtbot.waitUntil(lambda: window.reminders.checks >= start + n)


def test_a_meeting_reminder_comes_ten_minutes_before_and_tells_nothing_while_locked(
    qtbot: QtBot, window: MainWindow
) -> None:
    clock = ready(qtbot, window)  # 2026-01-05 09:00 UTC
    plan(window, clock, "2026-01-05T10:00")
    plan(window, clock, "2026-01-05T12:00")
    idle(qtbot, window)
    reminders = window.reminders
    go_to(clock, datetime(2026, 1, 5, 9, 49, tzinfo=UTC))
    checks_pass(qtbot, window)
    assert reminders.shown == []  # 11 minutes before: not yet
    go_to(clock, datetime(2026, 1, 5, 9, 50, tzinfo=UTC))
    qtbot.waitUntil(lambda: reminders.shown == ["A meeting starts in 10 minutes."])
    assert window.statusBar().currentMessage() == "A meeting starts in 10 minutes."  # no tray offscreen
    checks_pass(qtbot, window)
    assert len(reminders.shown) == 1  # once

    window.lock()
    idle(qtbot, window)
    go_to(clock, datetime(2026, 1, 5, 11, 50, tzinfo=UTC))
    qtbot.waitUntil(lambda: len(reminders.shown) == 2)
    assert reminders.shown[1] == "A meeting starts in 10 minutes."
    shown = window.statusBar().currentMessage()
    assert shown == "A meeting starts in 10 minutes." and "Ben" not in shown and "Ana" not in shown


def test_a_step_due_today_is_mentioned_in_the_morning_by_count_only(qtbot: QtBot, window: MainWindow) -> None:
    clock = ready(qtbot, window)
    pid = window.access.partnership_id
    window.tasks.run_and_wait(
        lambda: window.workspace.store(pid).add_step(
            "me", "Ask Kim about the forecast", due_date="2026-01-06"
        )
    )
    window.access.changed.emit()
    idle(qtbot, window)
    go_to(clock, datetime(2026, 1, 6, 7, 59).astimezone())  # the laptop's own morning
    checks_pass(qtbot, window)
    assert window.reminders.shown == []
    go_to(clock, datetime(2026, 1, 6, 8, 0).astimezone())
    qtbot.waitUntil(lambda: window.reminders.shown == ["1 of your next steps is due today or overdue."])


def test_reminders_can_be_turned_off(qtbot: QtBot, window: MainWindow) -> None:
    clock = ready(qtbot, window)
    window.preferences.set("reminders", False)
    plan(window, clock, "2026-01-05T10:00")
    idle(qtbot, window)
    go_to(clock, datetime(2026, 1, 5, 9, 55, tzinfo=UTC))
    checks_pass(qtbot, window)
    assert window.reminders.shown == [] and window.statusBar().currentMessage() == ""
