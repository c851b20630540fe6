"""The 'Run session' tab: the protocol to follow, and a session runner for the selected
partnership, made when the user starts (or resumes) a session and dropped again on lock
or switching partnership."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from peercoach_desktop.coaching import catalog, templates
from peercoach_desktop.coaching import sessions as runner
from peercoach_desktop.domain.model import DEFAULT_TURN_MINUTES
from peercoach_desktop.ui.infra.access import NotebookAccess
from peercoach_desktop.ui.infra.dialogs import show_error
from peercoach_desktop.ui.infra.i18n import QT_TRANSLATE_NOOP, language, translate
from peercoach_desktop.ui.infra.widgets import local_time, named
from peercoach_desktop.ui.session.session_widgets import ask_yes_no

if TYPE_CHECKING:
    from peercoach_desktop.ui.session.runner_view import SessionRunnerView

INTRO = QT_TRANSLATE_NOOP(
    "SessionTab",
    "<h3>Run a peer-coaching session</h3>"
    "<p>Check in on last time's next steps, take turns as speaker following the protocol you "
    "choose, and end with concrete next steps. The timer and your notes are saved as you go: a "
    "session left open resumes here (with the protocol it started with).</p>",
)


class SessionTab(QWidget):
    ended = Signal()  # a session was closed or abandoned: history, steps and overview changed
    started = Signal()  # a session is open now: the overview says so

    def __init__(self, access: NotebookAccess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.access = access
        self.turn_minutes = DEFAULT_TURN_MINUTES
        self.language = language()  # of the bundled protocols and prompts
        self.view: SessionRunnerView | None = None  # made by open()
        self._pid: str | None = None
        self._draft: dict[str, str] = {}  # partnership id -> a next step typed, not yet added
        intro = named(
            QLabel(translate("SessionTab", INTRO)), "session_intro", translate("SessionTab", "About sessions")
        )
        intro.setWordWrap(True)
        self.templates: list[templates.Template] = []
        self.protocols_dialog: QWidget | None = None
        self._chosen: dict[str, str] = {}  # partnership id -> protocol chosen last (this run)
        self.protocol = named(
            QComboBox(), "protocol_choice", translate("SessionTab", "Protocol for a new session")
        )
        self.protocol.currentIndexChanged.connect(self._show_outline)
        self.outline = named(QLabel(), "protocol_outline", translate("SessionTab", "Protocol phases"))
        self.outline.setWordWrap(True)
        self.outline.setTextFormat(Qt.TextFormat.PlainText)  # names the user typed are never HTML
        self.edit_button = named(
            QPushButton(translate("SessionTab", "Edit protoco&ls…")),
            "edit_protocols",
            translate("SessionTab", "Copy and edit protocols"),
        )
        self.edit_button.clicked.connect(self.edit_protocols)
        label = QLabel(translate("SessionTab", "Proto&col"))
        label.setBuddy(self.protocol)  # Alt+C reaches the list (Alt+P is the Partner menu)
        choice = QHBoxLayout()
        choice.addWidget(label)
        choice.addWidget(self.protocol, 1)
        choice.addWidget(self.edit_button)
        self.open_state = named(QLabel(), "session_open_state", translate("SessionTab", "Open session"))
        self.open_state.setWordWrap(True)
        self.start_button = named(QPushButton(), "start_session")
        self.start_button.clicked.connect(self.open)
        self._intro = QWidget()
        box = QVBoxLayout(self._intro)
        box.addWidget(intro)
        box.addLayout(choice)
        box.addWidget(self.outline)
        box.addWidget(self.open_state)
        box.addWidget(self.start_button)
        box.addStretch()
        # Above the runner: that a session is open, and the way out of it before its end.
        self.running_label = named(QLabel(), "session_running", translate("SessionTab", "Session open"))
        self.abandon_button = named(
            QPushButton(translate("SessionTab", "A&bandon this session…")),
            "abandon_session",
            translate("SessionTab", "Abandon this session"),
        )
        self.abandon_button.clicked.connect(self.abandon)
        self._running_bar = QWidget()
        bar = QHBoxLayout(self._running_bar)
        bar.setContentsMargins(9, 6, 9, 0)
        bar.addWidget(self.running_label, 1)
        bar.addWidget(self.abandon_button)
        self._running_bar.hide()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self._intro)
        self._layout.addWidget(self._running_bar)
        self.show_open(None)

    def show_open(self, since: str | None) -> None:
        """Whether this partnership has a session open (started at `since`): said, and the
        button says whether it starts a new one or resumes that one."""
        self._open_since = since
        if since is None:
            self.open_state.setText(translate("SessionTab", "No session is open."))
            self.start_button.setText(translate("SessionTab", "Start a ne&w session"))
            self.start_button.setAccessibleName(translate("SessionTab", "Start a new session"))
        else:
            text = translate("SessionTab", "A session is open since {when}; it goes on where it was left.")
            self.open_state.setText(text.format(when=local_time(since)))
            self.start_button.setText(translate("SessionTab", "Res&ume the open session"))
            self.start_button.setAccessibleName(translate("SessionTab", "Resume the open session"))
        # an open session keeps the protocol it started with
        self.protocol.setEnabled(since is None)

    def open(self) -> None:
        """Start a session, or resume the one that is running."""
        workspace, pid = self.access.workspace, self.access.partnership_id
        if self.view is not None or workspace is None or pid is None:
            return
        from peercoach_desktop.ui.session.runner_view import SessionRunnerView  # loaded when first used

        self._pid = pid

        template_id = self.protocol.currentData()
        if template_id is not None:
            self._chosen[pid] = template_id
        view = SessionRunnerView(
            self.access.tasks,
            lambda: workspace.store(pid),
            workspace.library.clock,
            self.turn_minutes,
            template_id,
            self.language,
        )
        view.failed.connect(lambda error: show_error(self, error))
        view.session_ended.connect(self._ended)
        view.session_started.connect(self._started)
        self._intro.hide()
        self.running_label.setText(translate("SessionTab", "Opening the session…"))
        self.abandon_button.setEnabled(False)
        self._running_bar.show()
        self._layout.addWidget(view)
        self.view = view
        view.start()
        if self._draft.get(pid):  # a next step typed before a lock or a switch
            view.next_steps.text.setText(self._draft.pop(pid))

    def _started(self, _session_id: str) -> None:
        view = self.view
        since = view.state.session.started_at if view is not None and view.state is not None else None
        self.running_label.setText(
            translate("SessionTab", "Session open since {when}.").format(when=local_time(since))
        )
        self.abandon_button.setEnabled(True)
        self.started.emit()

    def _ended(self, _summary: object) -> None:
        self.running_label.setText(translate("SessionTab", "Session ended."))
        self.abandon_button.setEnabled(False)
        self.ended.emit()

    def abandon(self) -> None:
        """Stop the open session for good, after asking; what was typed is saved first."""
        view = self.view
        if view is None or view.timer is None or view.state is None or view.timer.done:
            return
        question = translate(
            "SessionTab",
            "The session stops here and is kept as cancelled: no meeting is planned from it. "
            "Its notes, feedback and next steps so far are kept.",
        )
        if not ask_yes_no(self, translate("SessionTab", "Abandon this session?"), question):
            return
        view.flush()  # notes, feedback and the timer as they are now
        sid, clock, data = view.state.session.id, view.clock, view.timer.to_dict()
        self._drop_runner()  # a next step typed but not added is kept for the next session
        self.access.run(lambda store: runner.abandon_session(store, clock, sid, data), self._abandoned)

    def _abandoned(self, _session: object) -> None:
        self.show_open(None)
        self.ended.emit()

    # ----- the protocol ------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the protocols: the bundled ones and this notebook's own; and, with a session
        running here, whether the partner's laptop now runs it too."""
        if self.view is not None:
            self.view.notice_partner()
        language = self.language
        self.access.run(lambda store: catalog.available(store, language)[0], self._templates_loaded)

    def _templates_loaded(self, found: list[templates.Template]) -> None:
        wanted = self.protocol.currentData() or self._chosen.get(self.access.partnership_id or "")
        self.templates = found
        self.protocol.blockSignals(True)
        self.protocol.clear()
        for template in found:
            shown = (
                translate("SessionTab", "{name} (yours)").format(name=template.name)
                if template.own
                else template.name
            )
            self.protocol.addItem(shown, template.id)
        self.protocol.setCurrentIndex(max(0, self.protocol.findData(wanted)))
        self.protocol.blockSignals(False)
        self._show_outline()

    def _show_outline(self) -> None:
        from peercoach_desktop.ui.session.protocol_form import outline

        index = self.protocol.currentIndex()
        self.outline.setText(outline(self.templates[index]) if 0 <= index < len(self.templates) else "")

    def edit_protocols(self) -> None:
        from peercoach_desktop.ui.session.template_dialog import ProtocolsDialog

        if self.protocols_dialog is not None:
            self.protocols_dialog.deleteLater()  # not on close: a save may still be answering it
        dialog = ProtocolsDialog(self.access, self.language, self)
        dialog.saved.connect(self.reload)
        self.protocols_dialog = dialog
        dialog.open()

    def flush(self, *, wait: bool = True) -> None:
        """Before a lock or a switch, while the notebook is still selected: queue the saves."""
        if self.view is not None:
            self.view.flush(wait=wait)  # notes and timer
        if self.protocols_dialog is not None:
            self.protocols_dialog.flush()  # a protocol being edited

    def clear(self) -> None:
        """Drop the runner: its labels show names and steps, which a lock must hide."""
        self._drop_runner()
        dialog = self.protocols_dialog
        if dialog is not None:
            dialog.done(0)  # its edits were queued by flush() while the notebook was selected
            dialog.deleteLater()  # its lists name your own protocols
            self.protocols_dialog = None
        self.templates = []
        self.protocol.clear()  # your own protocols' names are notebook content
        self.show_open(None)

    def _drop_runner(self) -> None:
        if self.view is not None:
            typed = self.view.next_steps.text.text()
            if typed.strip() and self._pid is not None:
                self._draft[self._pid] = typed  # in memory only; back when the session reopens
            self.view.ticker.stop()
            self._layout.removeWidget(self.view)
            self.view.setParent(None)  # out of the window's tree at once, not at the next event loop
            self.view.deleteLater()
            self.view = None
        self._running_bar.hide()
        self._intro.show()
