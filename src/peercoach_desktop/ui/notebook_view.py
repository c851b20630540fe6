"""Everything about the selected partnership, in tabs: overview, goals, next steps,
sessions, notes and search. Search results jump to the record in its own tab."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QTextBrowser, QWidget

from peercoach_desktop import APP_NAME
from peercoach_desktop.core import browse
from peercoach_desktop.core.browse import Overview
from peercoach_desktop.core.clock import SystemClock, iso
from peercoach_desktop.ui.access import NotebookAccess
from peercoach_desktop.ui.goals_view import GoalsView
from peercoach_desktop.ui.notes_view import NotesView
from peercoach_desktop.ui.overview import overview_html
from peercoach_desktop.ui.search_view import SearchView
from peercoach_desktop.ui.session_tab import SessionTab
from peercoach_desktop.ui.sessions_view import SessionsView
from peercoach_desktop.ui.steps_view import StepsView
from peercoach_desktop.ui.widgets import named


class NotebookView(QTabWidget):
    meeting_planned = Signal()
    content_shown = Signal()  # a notebook's overview is on screen

    def __init__(self, access: NotebookAccess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notebook_tabs")
        self.access = access
        self.people: Overview | None = None
        self.overview = named(QTextBrowser(), "overview", "Overview")
        self.session = SessionTab(access)
        self.goals = GoalsView(access)
        self.steps = StepsView(access)
        self.sessions = SessionsView(access)
        self.notes = NotesView(access)
        self.search = SearchView(access)
        for widget, title in (
            (self.overview, "&Overview"),
            (self.session, "&Run session"),
            (self.goals, "&Goals"),
            (self.steps, "Ne&xt steps"),
            (self.sessions, "Sess&ions"),
            (self.notes, "No&tes"),
            (self.search, "&Search"),
        ):
            self.addTab(widget, title)
        self.search.jump_requested.connect(self.jump)
        access.changed.connect(self.refresh_overview)
        for signal in (self.goals.goal_changed, self.notes.note_changed):
            signal.connect(self.refresh_overview)
        self.steps.step_changed.connect(self._steps_changed)
        self.sessions.session_planned.connect(self._meeting_planned)
        self.session.ended.connect(self._session_ended)

    # ----- loading -------------------------------------------------------------------------

    def load(self) -> None:
        """A partnership was selected: read its overview, then fill every tab from it."""
        now = self._now()
        self.access.run(lambda store: browse.overview(store, now), self._loaded)

    def _loaded(self, view: Overview) -> None:
        self._show_overview(view)
        self.goals.reload(view)
        self.steps.reload(view)
        self.sessions.reload(view)
        self.notes.reload()

    def _now(self) -> str:
        workspace = self.access.workspace
        return iso((workspace.library.clock if workspace else SystemClock()).now())

    def refresh_overview(self) -> None:
        now = self._now()
        self.access.run(lambda store: browse.overview(store, now), self._show_overview)

    def _show_overview(self, view: Overview) -> None:
        self.people = view
        self.overview.setHtml(overview_html(view))
        self.steps.set_people(view)  # goals added or renamed since
        self.content_shown.emit()
        self.window().setWindowTitle(f"{view.title} — {APP_NAME}")

    def _steps_changed(self) -> None:
        self.refresh_overview()
        if self.people is not None:
            self.goals.reload(self.people)  # linked-step counts changed

    def _session_ended(self) -> None:
        if self.people is not None:
            self.steps.reload(self.people)
            self.sessions.reload(self.people)
            self.goals.reload(self.people)
        self._meeting_planned()

    def run_session(self) -> None:
        self.setCurrentWidget(self.session)
        self.session.open()

    def _meeting_planned(self) -> None:
        self.refresh_overview()
        self.meeting_planned.emit()  # the sidebar lists the next meeting

    # ----- jumping -------------------------------------------------------------------------

    def jump(self, kind: str, record_id: str) -> None:
        if kind == "note":
            self.setCurrentWidget(self.notes)
            self.notes.select(record_id)
        elif kind == "goal":
            self.setCurrentWidget(self.goals)
            self.goals.select(record_id)
        elif kind == "step":
            self.setCurrentWidget(self.steps)
            self.steps.select(record_id)

    def focus_search(self) -> None:
        self.setCurrentWidget(self.search)
        self.search.field.setFocus()
        self.search.field.selectAll()

    # ----- saving and clearing -------------------------------------------------------------

    def flush(self) -> None:
        self.notes.flush()
        self.goals.flush()
        self.session.flush()

    def clear(self) -> None:
        self.people = None
        self.overview.clear()
        for view in (self.session, self.goals, self.steps, self.sessions, self.notes, self.search):
            view.clear()
