"""The session runner by keyboard alone (issue 22, item 8): on every page Tab reaches the
phase's main task first, every stop has a name a screen reader can say, and the check-in's
outcomes are radio groups that arrow keys choose from."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import memory_library
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QRadioButton, QWidget
from pytestqt.qtbot import QtBot
from test_session_runner_view import button, idle, open_view

from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.domain.model import NextStep, StepStatus
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.ui.infra.tasks import Tasks
from peercoach_desktop.ui.session.runner_view import SessionRunnerView
from peercoach_desktop.vault.library import Library


@pytest.fixture
def library(data_dir: Path) -> Library:
    return memory_library(data_dir)


@pytest.fixture
def store(library: Library) -> Iterator[NotebookStore]:
    created = library.create("Ana", "Ben")
    yield created.store
    created.store.close()


@pytest.fixture
def tasks(store: NotebookStore) -> Iterator[Tasks]:  # made after the store, so it stops first
    worker = Tasks()
    yield worker
    worker.shutdown()


@pytest.fixture
def clock(library: Library) -> FakeClock:
    assert isinstance(library.clock, FakeClock)
    return library.clock


def tab_stops(qtbot: QtBot, view: SessionRunnerView) -> list[QWidget]:
    """Tab from the runner's last stop (Mute) round to it again: the stops a keyboard user meets."""
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    # Widgets just made (the check-in's rows, the phase buttons) show once events have run
    page = view.pages.currentWidget()
    made = [*getattr(page, "tab_stops", list)(), *view.stage_bar.buttons]
    qtbot.waitUntil(lambda: all(w.isVisible() for w in made))
    view.mute.setFocus(Qt.FocusReason.TabFocusReason)
    stops: list[QWidget] = []
    for _ in range(80):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        if focus is view.mute:
            return stops
        if not stops or stops[-1] is not focus:  # a date field's sections take one Tab each
            stops.append(focus)
    raise AssertionError(f"Tab never came back to Mute: {[w.objectName() for w in stops]}")


def assert_named_stops(stops: list[QWidget]) -> None:
    for stop in stops:
        assert not isinstance(stop, QAbstractScrollArea) or stop.objectName() in (
            "coach_notes",
            "steps_set",
            "session_summary",
        ), f"a scroll area is a Tab stop: {stop.objectName()}"
        assert stop.accessibleName(), f"unnamed Tab stop: {type(stop).__name__} {stop.objectName()!r}"


def test_check_in_outcomes_are_radio_groups_reached_and_chosen_by_keyboard(
    qtbot: QtBot, tasks: Tasks, store: NotebookStore, clock: FakeClock
) -> None:
    first = store.add_step("me", "Call the client")
    second = store.add_step("partner", "Draft the plan")
    view = open_view(qtbot, tasks, store, clock)
    stops = tab_stops(qtbot, view)
    assert_named_stops(stops)
    assert stops[0].objectName() == "review_done_0"  # the check-in's task first, not the stage bar
    # One stop per step: Tab enters a step's choices, the arrow keys move within them
    assert [s.objectName() for s in stops[:2]] == ["review_done_0", "review_done_1"]
    assert all(isinstance(s, QRadioButton) for s in stops[:2])

    stops[0].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(stops[0], Qt.Key.Key_Space)  # Done
    idle(qtbot, tasks)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)  # Carried over
    idle(qtbot, tasks)
    assert QApplication.focusWidget().objectName() == "review_carried_over_0"
    assert button(view, "review_carried_over_0").isChecked()
    # Tab: the second step's group (not the first step's other choices)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget().objectName() == "review_done_1"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)  # nothing chosen yet: arrows move…
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    assert QApplication.focusWidget().objectName() == "review_dropped_1"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # …and Space chooses: Dropped
    idle(qtbot, tasks)
    sid = view.state.session.id
    statuses = {s.id: (s.status, s.reviewed_in_session_id) for s in store.list(NextStep)}
    assert statuses == {first.id: (StepStatus.OPEN, sid), second.id: (StepStatus.DROPPED, sid)}
    assert button(view, "review_dropped_1").isChecked()


def test_each_later_page_puts_its_main_task_first(
    qtbot: QtBot, tasks: Tasks, store: NotebookStore, clock: FakeClock
) -> None:
    view = open_view(qtbot, tasks, store, clock)
    first_stop = {"turn": "start_pause", "feedback": "feedback_0_situation", "next_steps": "step_text"}
    seen = set()
    while view.timer.stage is not None and view.timer.index < len(view.timer.stages):
        page = view.pages.currentWidget()
        stops = tab_stops(qtbot, view)
        assert_named_stops(stops)
        name = next((n for n, p in vars(view).items() if p is page and n in first_stop), None)
        if name is not None:
            assert stops[0].objectName() == first_stop[name], (name, [s.objectName() for s in stops])
            seen.add(name)
        if view.timer.index == len(view.timer.stages) - 1:
            break
        view.advance()
        idle(qtbot, tasks)
    assert seen == set(first_stop)

    view.next_steps.text.setText("Ask Sam for the figures")
    button(view, "add_step").click()
    idle(qtbot, tasks)
    with qtbot.waitSignal(view.session_ended, timeout=5000):
        button(view, "end_session").click()
    assert view.pages.currentWidget() is view.summary_page
    stops = tab_stops(qtbot, view)
    assert_named_stops(stops)
    assert stops[0] is view.summary_page  # the summary to read first, then the phases
