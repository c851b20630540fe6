"""The 'Run session' tab: the protocol to follow, and a session runner for the selected
partnership, made when the user starts (or resumes) a session and dropped again on lock
or switching partnership."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from peercoach_desktop.coaching import catalog, templates
from peercoach_desktop.domain.model import DEFAULT_TURN_MINUTES
from peercoach_desktop.ui.infra.access import NotebookAccess
from peercoach_desktop.ui.infra.dialogs import show_error
from peercoach_desktop.ui.infra.i18n import QT_TRANSLATE_NOOP, language, translate
from peercoach_desktop.ui.infra.widgets import named

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
    ended = Signal()  # a session was closed: history, steps and overview changed

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
        self.start_button = named(
            QPushButton(translate("SessionTab", "Start or res&ume the session")),
            "start_session",
            translate("SessionTab", "Start or resume the session"),
        )
        self.start_button.clicked.connect(self.open)
        self._intro = QWidget()
        box = QVBoxLayout(self._intro)
        box.addWidget(intro)
        box.addLayout(choice)
        box.addWidget(self.outline)
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
        view.session_ended.connect(lambda _summary: self.ended.emit())
        self._intro.hide()
        self._layout.addWidget(view)
        self.view = view
        view.start()
        if self._draft.get(pid):  # a next step typed before a lock or a switch
            view.next_steps.text.setText(self._draft.pop(pid))

    # ----- the protocol ------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the protocols: the bundled ones and this notebook's own."""
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
        if self.view is not None:
            typed = self.view.next_steps.text.text()
            if typed.strip() and self._pid is not None:
                self._draft[self._pid] = typed  # in memory only; back when the session reopens
            self.view.ticker.stop()
            self._layout.removeWidget(self.view)
            self.view.setParent(None)  # out of the window's tree at once, not at the next event loop
            self.view.deleteLater()
            self.view = None
        dialog = self.protocols_dialog
        if dialog is not None:
            dialog.done(0)  # its edits were queued by flush() while the notebook was selected
            dialog.deleteLater()  # its lists name your own protocols
            self.protocols_dialog = None
        self.templates = []
        self.protocol.clear()  # your own protocols' names are notebook content
        self._intro.show()
