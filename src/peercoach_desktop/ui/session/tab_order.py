"""The runner's Tab order: the current phase's main task first, then the rest of its page,
then the phase buttons and the side panel. Qt's default order is the order widgets were
made in, which put the stage bar (made first) before every page and the check-in's rows
(remade on each change) after everything else."""

from __future__ import annotations

from itertools import pairwise
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget


class Page(Protocol):
    def tab_stops(self) -> list[QWidget]: ...


class StageButtons(Protocol):
    buttons: list[QPushButton]


class RunnerParts(Protocol):
    """What of the runner view decides its Tab order."""

    check_in: Page
    turn: Page
    feedback: Page
    next_steps: Page
    summary_page: QWidget
    stage_bar: StageButtons
    next_button: QPushButton
    card: QWidget
    mute: QWidget


def order_runner_tabs(view: RunnerParts) -> None:
    """Tab visits each page's stops (main task first), then the phase buttons and the side
    panel. Hidden widgets (the other pages of the stack) are skipped by Qt, so one chain
    serves every page; it is laid again whenever the check-in's rows are remade."""
    stops = [
        *view.check_in.tab_stops(),
        *view.turn.tab_stops(),
        *view.feedback.tab_stops(),
        *view.next_steps.tab_stops(),
        view.summary_page,
        *view.stage_bar.buttons,
        view.next_button,
        *stops_in(view.card),
        view.mute,
    ]
    for before, after in pairwise(stops):
        QWidget.setTabOrder(before, after)


def stops_in(panel: QWidget) -> list[QWidget]:
    """A panel's Tab stops (fields and buttons), in the order they were made."""
    tab = Qt.FocusPolicy.TabFocus
    return [w for w in panel.findChildren(QWidget) if w.focusPolicy() & tab == tab]
