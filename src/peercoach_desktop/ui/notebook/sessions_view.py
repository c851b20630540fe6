"""Session history, newest first and fetched page by page: when, how long, who spoke
how long, notes and steps set; the selected session's notes, feedback and steps below."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QDateTime, QItemSelection, QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateTimeEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from peercoach_desktop.coaching.summary import feedback_text
from peercoach_desktop.domain.model import NextStep, Session, Visibility
from peercoach_desktop.domain.overview import Overview
from peercoach_desktop.storage import browse
from peercoach_desktop.storage.browse import SessionDetail, SessionRow
from peercoach_desktop.storage.search import first_line
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.ui.infra.access import NotebookAccess
from peercoach_desktop.ui.infra.i18n import number, translate
from peercoach_desktop.ui.infra.widgets import date_edit_format, local_time, named, status_label
from peercoach_desktop.ui.notebook.notes_view import private_mark
from peercoach_desktop.ui.notebook.paged_model import Column, PagedModel
from peercoach_desktop.ui.notebook.summary_words import summary_words


def minutes(seconds: int) -> str:
    return translate("SessionsView", "{n} min").format(n=number(round(seconds / 60)))


class SessionsView(QWidget):
    session_planned = Signal()

    def __init__(self, access: NotebookAccess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.access = access
        self.names: dict[str, str] = {}
        self.turn_minutes = 15
        columns: list[Column[SessionRow]] = [
            Column(translate("SessionsView", "When"), lambda r: local_time(r.session.scheduled_at)),
            Column(translate("SessionsView", "Status"), lambda r: status_label(r.session.status.value)),
            Column(translate("SessionsView", "Length"), lambda r: _length(r.session)),
            Column(translate("SessionsView", "Who spoke"), self._speakers),
            Column(translate("SessionsView", "Notes"), lambda r: number(r.note_count)),
            Column(translate("SessionsView", "Steps set"), lambda r: number(r.steps_set)),
        ]
        self.model: PagedModel[SessionRow] = PagedModel(
            access, browse.sessions_page, columns, key=lambda r: r.session.id
        )
        self.table = named(QTableView(), "sessions_table", translate("SessionsView", "Session history"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((190, 80, 70, 220, 60)):
            header.resizeSection(column, width)
        self.detail = named(QTextBrowser(), "session_detail", translate("SessionsView", "Selected session"))

        self.when = named(
            QDateTimeEdit(), "plan_session_when", translate("SessionsView", "Next meeting date and time")
        )
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(
            f"{date_edit_format()} {QLocale().timeFormat(QLocale.FormatType.ShortFormat)}"
        )
        self.when.setDateTime(_next_week())
        plan = named(
            QPushButton(translate("SessionsView", "&Plan meeting")),
            "plan_session",
            translate("SessionsView", "Plan meeting"),
        )
        plan.clicked.connect(self.plan_session)
        planner = QHBoxLayout()
        planner.addWidget(QLabel(translate("SessionsView", "Next meeting:")))
        planner.addWidget(self.when)
        planner.addWidget(plan)
        planner.addStretch()

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([380, 200])
        layout = QVBoxLayout(self)
        layout.addLayout(planner)
        layout.addWidget(splitter, 1)
        self.table.selectionModel().selectionChanged.connect(self._selected)

    def _speakers(self, row: SessionRow) -> str:
        spoken = row.session.seconds_by_speaker
        if not any(spoken.values()):
            return "—"
        return " · ".join(
            f"{self.names.get(pid, '?')} {minutes(spoken.get(pid, 0))}" for pid in row.session.speaker_order
        )

    def reload(self, people: Overview) -> None:
        self.names = {people.me.id: people.me.name, people.partner.id: people.partner.name}
        self.detail.clear()
        self.model.reload()

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        self.detail.clear()
        if indexes:
            session_id = self.model.item(indexes[0].row()).session.id
            self.access.run(lambda store: browse.session_detail(store, session_id), self._show_detail)

    def _show_detail(self, detail: SessionDetail) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.model.item(rows[0].row()).session.id != detail.session.id:
            return
        session = detail.session
        parts = [f"<h3>{escape(local_time(session.scheduled_at))}</h3>", f"<p>{self._turns(session)}</p>"]
        notes = translate("SessionsView", "Notes ({n})").format(n=number(len(detail.notes)))
        parts.append(f"<h4>{notes}</h4><ul>")
        for note in detail.notes:
            lock = private_mark() if note.visibility == Visibility.PRIVATE else ""
            parts.append(f"<li>{escape(lock + first_line(note.body, 100))}</li>")
        parts.append("</ul>")
        feedback = translate("SessionsView", "Feedback ({n})").format(n=number(len(detail.feedback)))
        parts.append(f"<h4>{feedback}</h4><ul>")
        words, name = summary_words(), lambda peer: self.names.get(peer, "?")
        parts += [f"<li>{escape(feedback_text(f, name, words))}</li>" for f in detail.feedback]
        parts.append("</ul>")
        for title, steps in (
            (translate("SessionsView", "Next steps set ({n})"), detail.steps_set),
            (translate("SessionsView", "Steps reviewed ({n})"), detail.steps_reviewed),
        ):
            parts.append(f"<h4>{title.format(n=number(len(steps)))}</h4><ul>{self._step_items(steps)}</ul>")
        self.detail.setHtml("".join(parts))

    def _turns(self, session: Session) -> str:
        spoken = session.seconds_by_speaker
        turn = translate("SessionsView", "{n}-minute turns.").format(n=number(session.minutes_per_turn))
        if not any(spoken.values()):
            return turn + " " + translate("SessionsView", "Not run yet.")
        turns = ", ".join(
            translate("SessionsView", "{name} spoke {minutes}").format(
                name=escape(self.names.get(pid, "?")), minutes=minutes(spoken.get(pid, 0))
            )
            for pid in session.speaker_order
        )
        return f"{turn} {turns}."

    def _step_items(self, steps: list[NextStep]) -> str:
        return "".join(
            f"<li>{escape(s.text)} — {escape(self.names.get(s.owner_id, '?'))}, "
            f"{status_label(s.status.value)}</li>"
            for s in steps
        )

    def plan_session(self) -> None:
        when = self.when.dateTime().toString(Qt.DateFormat.ISODate)  # local time: the store converts
        turn = self.turn_minutes

        def job(store: NotebookStore) -> Session:
            return store.add_session(when, minutes=turn)

        self.access.write(job, lambda _s: self._planned())

    def _planned(self) -> None:
        self.model.reload()
        self.session_planned.emit()

    def clear(self) -> None:
        self.names = {}
        self.model.clear()
        self.detail.clear()


def _length(session: Session) -> str:
    spoken = sum(session.seconds_by_speaker.values())
    return minutes(spoken) if spoken else "—"


def _next_week() -> QDateTime:
    return QDateTime(QDateTime.currentDateTime().addDays(7).date(), QTime(10, 0))
