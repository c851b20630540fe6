"""Progress over months: a chart of talk time and follow-through per peer, and tables with the
same figures (screen readers read the tables; the charts are for the eye)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from peercoach_desktop.coaching.progress import Progress, progress
from peercoach_desktop.ui.infra.access import NotebookAccess
from peercoach_desktop.ui.infra.i18n import number, translate
from peercoach_desktop.ui.infra.widgets import local_time, month_label, named, status_label
from peercoach_desktop.ui.notebook.month_chart import MonthBars
from peercoach_desktop.ui.notebook.sessions_view import minutes


def _table(name: str, accessible: str, headers: list[str]) -> QTableWidget:
    table = named(QTableWidget(0, len(headers)), name, accessible)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table


class ProgressView(QWidget):
    def __init__(self, access: NotebookAccess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.access = access
        self.talk = named(
            MonthBars(translate("ProgressView", "Talk time: each peer's share per month")),
            "chart_talk",
            translate("ProgressView", "Talk-time chart"),
        )
        self.follow = named(
            MonthBars(translate("ProgressView", "Follow-through: next steps done of those set, per month")),
            "chart_follow",
            translate("ProgressView", "Follow-through chart"),
        )
        self.months = _table(
            "progress_months", translate("ProgressView", "Months"), [translate("ProgressView", "Month")]
        )
        self.goals = _table(
            "progress_goals",
            translate("ProgressView", "Goal changes"),
            [
                translate("ProgressView", "When"),
                translate("ProgressView", "Goal"),
                translate("ProgressView", "Status"),
            ],
        )
        charts = QWidget()
        row = QVBoxLayout(charts)
        row.addWidget(self.talk)
        row.addWidget(self.follow)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(charts)
        splitter.addWidget(self.months)
        splitter.addWidget(self.goals)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                translate(
                    "ProgressView",
                    "How the partnership has gone: meetings, follow-through, talk time, goals.",
                )
            )
        )
        layout.addWidget(splitter, 1)
        self._charts_due: list[Callable[[], None]] = []

    def reload(self) -> None:
        self.access.run(progress, self._show)

    def _show(self, data: Progress) -> None:
        me, partner = data.peers
        name = data.names.get
        done_set, spoke = (
            translate("ProgressView", "{name}: done/set"),
            translate("ProgressView", "{name} spoke"),
        )
        headers = [
            translate("ProgressView", "Month"),
            translate("ProgressView", "Held"),
            translate("ProgressView", "Planned"),
            done_set.format(name=name(me)),
            done_set.format(name=name(partner)),
            spoke.format(name=name(me)),
            spoke.format(name=name(partner)),
        ]
        self.months.setColumnCount(len(headers))
        self.months.setHorizontalHeaderLabels(headers)
        self.months.setRowCount(len(data.months))
        talk, follow = [], []
        for row, month in enumerate(data.months):
            spoken_me, spoken_partner = month.spoken.get(me, 0), month.spoken.get(partner, 0)
            cells = [
                month_label(month.month),
                number(month.held),
                number(month.planned),
                f"{number(month.steps_done.get(me, 0))}/{number(month.steps_set.get(me, 0))}",
                f"{number(month.steps_done.get(partner, 0))}/{number(month.steps_set.get(partner, 0))}",
                minutes(spoken_me),
                minutes(spoken_partner),
            ]
            for column, text in enumerate(cells):
                self.months.setItem(row, column, QTableWidgetItem(text))
            total = spoken_me + spoken_partner
            talk.append(
                (month.month, spoken_me / total if total else None, spoken_partner / total if total else None)
            )
            follow.append((month.month, month.rate(me), month.rate(partner)))
        self.months.resizeColumnsToContents()  # German headers are longer than the figures
        names = (name(me) or "", name(partner) or "")
        talk_said = translate("ProgressView", "Talk time per month: see the table of months below.")
        follow_said = translate("ProgressView", "Follow-through per month: see the table of months below.")
        # One chart per turn of the event loop, after the tables have painted: built and painted
        # together with the tables they held the window ~60 ms at once (issue 19: <= 50 ms).
        self._charts_due = [
            lambda: self.talk.set_series(talk, talk_said, names),
            lambda: self.follow.set_series(follow, follow_said, names),
        ]
        QTimer.singleShot(1, self._next_chart)
        self.goals.setRowCount(len(data.goal_changes))
        for row, change in enumerate(data.goal_changes):
            for column, text in enumerate(
                (local_time(change.when), change.goal.title, status_label(change.status))
            ):
                self.goals.setItem(row, column, QTableWidgetItem(text))
        self.goals.resizeColumnsToContents()

    def _next_chart(self) -> None:
        if self._charts_due:
            self._charts_due.pop(0)()
        if self._charts_due:
            QTimer.singleShot(1, self._next_chart)

    def clear(self) -> None:
        self._charts_due = []  # a chart of the notebook just closed must not follow
        self.months.setRowCount(0)
        self.goals.setRowCount(0)
        self.talk.set_series([], "")
        self.follow.set_series([], "")
