"""The 'Run session' tab: a session runner for the selected partnership, made when the
user starts (or resumes) a session and dropped again on lock or switching partnership."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from peercoach_desktop.core.model import DEFAULT_TURN_MINUTES
from peercoach_desktop.ui.access import NotebookAccess
from peercoach_desktop.ui.dialogs import show_error
from peercoach_desktop.ui.widgets import named

if TYPE_CHECKING:
    from peercoach_desktop.ui.session_runner import SessionRunnerView

INTRO = (
    "<h3>Run a peer-coaching session</h3>"
    "<p>Check in on last time's next steps, take a turn each as speaker, give feedback, and end "
    "with concrete next steps. The timer and your notes are saved as you go: a session left "
    "open resumes here.</p>"
)


class SessionTab(QWidget):
    ended = Signal()  # a session was closed: history, steps and overview changed

    def __init__(self, access: NotebookAccess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.access = access
        self.turn_minutes = DEFAULT_TURN_MINUTES
        self.view: SessionRunnerView | None = None  # made by open()
        self._pid: str | None = None
        self._draft: dict[str, str] = {}  # partnership id -> a next step typed, not yet added
        intro = named(QLabel(INTRO), "session_intro", "About sessions")
        intro.setWordWrap(True)
        self.start_button = named(QPushButton("&Start or resume the session"), "start_session")
        self.start_button.clicked.connect(self.open)
        self._intro = QWidget()
        box = QVBoxLayout(self._intro)
        box.addWidget(intro)
        box.addWidget(self.start_button)
        box.addStretch()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self._intro)

    def open(self) -> None:
        """Start a session, or resume the one that is running."""
        workspace, pid = self.access.workspace, self.access.partnership_id
        if self.view is not None or workspace is None or pid is None:
            return
        from peercoach_desktop.ui.session_runner import SessionRunnerView  # loaded when first used

        self._pid = pid

        view = SessionRunnerView(
            self.access.tasks, lambda: workspace.store(pid), workspace.library.clock, self.turn_minutes
        )
        view.failed.connect(lambda error: show_error(self, error))
        view.session_ended.connect(lambda _summary: self.ended.emit())
        self._intro.hide()
        self._layout.addWidget(view)
        self.view = view
        view.start()
        if self._draft.get(pid):  # a next step typed before a lock or a switch
            view.next_steps.text.setText(self._draft.pop(pid))

    def flush(self) -> None:
        if self.view is not None:
            self.view.flush()  # notes and timer saved before a lock or a switch

    def clear(self) -> None:
        """Drop the runner: its labels show names and steps, which a lock must hide."""
        if self.view is not None:
            typed = self.view.next_steps.text.text()
            if typed.strip() and self._pid is not None:
                self._draft[self._pid] = typed  # in memory only; back when the session reopens
            self.view.ticker.stop()
            self._layout.removeWidget(self.view)
            self.view.setParent(None)  # out of the window's tree at once, not at the next event loop
            self.view.deleteLater()
            self.view = None
        self._intro.show()
