"""Everything about the selected partnership, in tabs: overview, run session, goals, next
steps, sessions, notes and search. Search results jump to the record in its own tab.

Only the overview is built up front; each other tab is built (its module loaded, its
data read) the first time it is shown or asked for, so a notebook shows sooner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QTextBrowser, QWidget

from peercoach_desktop import APP_NAME
from peercoach_desktop.domain.model import DEFAULT_TURN_MINUTES
from peercoach_desktop.ui.infra.access import NotebookAccess
from peercoach_desktop.ui.infra.i18n import QT_TRANSLATE_NOOP, translate
from peercoach_desktop.ui.infra.widgets import named

if TYPE_CHECKING:
    from peercoach_desktop.domain.overview import Overview
    from peercoach_desktop.storage.store import NotebookStore
    from peercoach_desktop.ui.notebook.goals_view import GoalsView
    from peercoach_desktop.ui.notebook.notes_view import NotesView
    from peercoach_desktop.ui.notebook.progress_view import ProgressView
    from peercoach_desktop.ui.notebook.search_view import SearchView
    from peercoach_desktop.ui.notebook.sessions_view import SessionsView
    from peercoach_desktop.ui.notebook.steps_view import StepsView
    from peercoach_desktop.ui.session.session_tab import SessionTab

LAZY_TABS = (  # titles translated when shown
    ("session", QT_TRANSLATE_NOOP("NotebookView", "&Run session")),
    ("goals", QT_TRANSLATE_NOOP("NotebookView", "&Goals")),
    ("steps", QT_TRANSLATE_NOOP("NotebookView", "Ne&xt steps")),
    ("sessions", QT_TRANSLATE_NOOP("NotebookView", "Sess&ions")),
    ("notes", QT_TRANSLATE_NOOP("NotebookView", "No&tes")),
    ("progress", QT_TRANSLATE_NOOP("NotebookView", "Progress")),  # every letter is taken (Alt+7)
    ("search", QT_TRANSLATE_NOOP("NotebookView", "&Search")),
)
TAB_NAMES = [name for name, _ in LAZY_TABS]


def read_overview(store: NotebookStore, now: str) -> Overview:
    """On the worker, which imports the notebook core at start while the GUI thread builds
    these tabs: the GUI thread does not import (or wait for) the core's queries."""
    from peercoach_desktop.storage import browse

    return browse.overview(store, now)


class NotebookView(QTabWidget):
    meeting_planned = Signal()
    undoable = Signal(str, object)  # what was done, the job that undoes it
    content_shown = Signal()  # a notebook's overview is on screen

    def __init__(self, access: NotebookAccess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notebook_tabs")
        self.access = access
        self.people: Overview | None = None
        self.turn_minutes = DEFAULT_TURN_MINUTES
        self.new_notes_private = False
        self.overview = named(QTextBrowser(), "overview", translate("NotebookView", "Overview"))
        self.addTab(self.overview, translate("NotebookView", "&Overview"))
        self._views: dict[str, Any] = {}
        for _name, title in LAZY_TABS:
            self.addTab(
                QWidget(), translate("NotebookView", title)
            )  # a placeholder until the tab is first shown
        self.currentChanged.connect(self._tab_shown)
        access.changed.connect(self.refresh_overview)

    # ----- the tabs, built when first needed -----------------------------------------------

    @property
    def session(self) -> SessionTab:
        return self._view("session")

    @property
    def goals(self) -> GoalsView:
        return self._view("goals")

    @property
    def steps(self) -> StepsView:
        return self._view("steps")

    @property
    def sessions(self) -> SessionsView:
        return self._view("sessions")

    @property
    def notes(self) -> NotesView:
        return self._view("notes")

    @property
    def progress(self) -> ProgressView:
        return self._view("progress")

    @property
    def search(self) -> SearchView:
        return self._view("search")

    def _tab_shown(self, index: int) -> None:
        if index >= 1:
            self._view(TAB_NAMES[index - 1])

    def has_view(self, name: str) -> bool:
        """Whether a lazily built tab (e.g. "sessions", "session") exists yet."""
        return name in self._views

    def _view(self, name: str) -> Any:
        view = self._views.get(name)
        if view is None:
            view = self._views[name] = self._make(name)
            index = TAB_NAMES.index(name) + 1
            shown = self.currentIndex() == index
            self.blockSignals(True)
            placeholder = self.widget(index)
            self.removeTab(index)
            self.insertTab(index, view, translate("NotebookView", LAZY_TABS[index - 1][1]))
            placeholder.deleteLater()
            if shown:
                self.setCurrentIndex(index)
            self.blockSignals(False)
            if self.people is not None:
                self._fill(name, view, self.people)
        return view

    def _make(self, name: str) -> Any:
        access = self.access
        if name == "session":
            from peercoach_desktop.ui.session.session_tab import SessionTab

            session = SessionTab(access)
            session.turn_minutes = self.turn_minutes
            session.ended.connect(self._session_ended)
            session.started.connect(self.refresh_overview)
            return session
        if name == "goals":
            from peercoach_desktop.ui.notebook.goals_view import GoalsView

            goals = GoalsView(access)
            goals.goal_changed.connect(self._goal_changed)
            return goals
        if name == "steps":
            from peercoach_desktop.ui.notebook.steps_view import StepsView

            steps = StepsView(access)
            steps.step_changed.connect(self._steps_changed)
            steps.undoable.connect(self.undoable)
            return steps
        if name == "sessions":
            from peercoach_desktop.ui.notebook.sessions_view import SessionsView

            sessions = SessionsView(access)
            sessions.turn_minutes = self.turn_minutes
            sessions.session_planned.connect(self._meeting_planned)
            return sessions
        if name == "notes":
            from peercoach_desktop.ui.notebook.notes_view import NotesView

            notes = NotesView(access)
            notes.new_private = self.new_notes_private
            notes.note_changed.connect(self._note_changed)
            return notes
        if name == "progress":
            from peercoach_desktop.ui.notebook.progress_view import ProgressView

            return ProgressView(access)
        from peercoach_desktop.ui.notebook.search_view import SearchView

        search = SearchView(access)
        search.jump_requested.connect(self.jump)
        return search

    def current_record_id(self) -> str | None:
        """The record the user is on in the current tab: the one Delete moves to the trash."""
        widget = self.currentWidget()
        views = {name: self._views.get(name) for name in ("notes", "goals", "steps", "sessions")}
        if widget is views["notes"] and (note_id := views["notes"].editing_id()) is not None:
            return note_id
        if widget is views["goals"] and (goal_id := views["goals"].editing_id()) is not None:
            return goal_id
        if widget is views["steps"] and (step := views["steps"].selected()) is not None:
            return step.id
        if widget is views["sessions"]:
            rows = views["sessions"].table.selectionModel().selectedRows()
            if rows:
                return views["sessions"].model.item(rows[0].row()).session.id
        return None

    def let_go(self, record_id: str) -> None:
        """The record on screen is about to be deleted: its editor lets go of it unsaved."""
        for name in ("notes", "goals"):
            view = self._views.get(name)
            if view is not None and view.editing_id() == record_id:
                view.let_go()

    def _built(self, *names: str) -> list[Any]:
        return [self._views[name] for name in names if name in self._views]

    def set_new_notes_private(self, private: bool) -> None:
        self.new_notes_private = private
        for view in self._built("notes"):
            view.new_private = private

    def set_turn_minutes(self, minutes: int) -> None:
        self.turn_minutes = minutes
        for view in self._built("session", "sessions"):
            view.turn_minutes = minutes

    # ----- loading -------------------------------------------------------------------------

    def load(self) -> None:
        """A partnership was selected: read its overview, then fill the tabs built so far."""
        now = self._now()
        self.access.run(lambda store: read_overview(store, now), self._loaded)

    def _loaded(self, view: Overview) -> None:
        self.show_overview(view)
        for name, built in list(self._views.items()):
            self._fill(name, built, view)

    @staticmethod
    def _fill(name: str, view: Any, people: Overview) -> None:
        if name in ("goals", "steps", "sessions", "notes"):
            view.reload(people)
        elif name in ("progress", "session"):
            view.reload()
        if name == "session":
            view.show_open(people.open_session_since)

    def _now(self) -> str:
        from peercoach_desktop.domain.clock import SystemClock, iso

        workspace = self.access.workspace
        return iso((workspace.library.clock if workspace else SystemClock()).now())

    def refresh_overview(self) -> None:
        now = self._now()
        self.access.run(lambda store: read_overview(store, now), self.show_overview)

    def show_overview(self, view: Overview) -> None:
        from peercoach_desktop.domain.clock import parse_iso
        from peercoach_desktop.ui.notebook.overview import overview_html

        self.people = view
        self.overview.setHtml(overview_html(view, parse_iso(self._now())))
        for steps in self._built("steps"):
            steps.set_people(view)  # goals added or renamed since
        for session in self._built("session"):
            session.show_open(view.open_session_since)
        self.content_shown.emit()
        self.window().setWindowTitle(f"{view.title} — {APP_NAME}")

    def _goal_changed(self) -> None:
        self.refresh_overview()
        self._refresh_note_subjects()

    def _refresh_note_subjects(self) -> None:
        for notes in self._built("notes"):
            notes.refresh_subjects()  # a goal or session was added or renamed

    def _note_changed(self) -> None:
        self.refresh_overview()
        for goals in self._built("goals"):
            goals.refresh_links()  # a note may have moved to or from the goal on screen

    def _steps_changed(self) -> None:
        self.refresh_overview()
        if self.people is not None:
            for goals in self._built("goals"):
                goals.reload(self.people)  # linked-step counts changed

    def _session_ended(self) -> None:
        if self.people is not None:
            for name in ("steps", "sessions", "goals"):
                for view in self._built(name):
                    view.reload(self.people)
        self._meeting_planned()

    def run_session(self) -> None:
        """The Run session tab, at its choice of protocol: a session starts only from there
        (its button says whether it starts a new one or resumes the open one)."""
        self.setCurrentWidget(self.session)
        tab = self.session
        (tab.view if tab.view is not None else tab.start_button).setFocus()

    def _meeting_planned(self) -> None:
        self.refresh_overview()
        self._refresh_note_subjects()
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

    def flush(self, *, wait: bool = True) -> None:
        """Queue the saves of what is typed. wait=False (the lock): never block on the worker;
        its jobs run in order, so the saves still land before the notebook closes."""
        for view in self._built("notes", "goals"):
            view.flush()
        for view in self._built("session"):
            view.flush(wait=wait)

    def clear(self) -> None:
        self.people = None
        self.overview.clear()
        for view in self._views.values():
            view.clear()
