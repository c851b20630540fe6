"""SessionRunnerView: runs one peer-coaching session of the current partnership.

The timer is core.session_timer.SessionTimer driven by the injected clock; this view
only renders it (a 250 ms QTimer re-reads it) and saves its state through the notebook
worker after every change, so a crash or a closed window loses nothing: opening the
view again resumes the running session.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from peercoach_desktop.coaching import catalog, templates
from peercoach_desktop.coaching import prompts as prompt_lib
from peercoach_desktop.coaching import sessions as runner
from peercoach_desktop.domain.clock import Clock
from peercoach_desktop.domain.errors import UsageError
from peercoach_desktop.domain.model import DEFAULT_TURN_MINUTES
from peercoach_desktop.domain.nudge import curious_nudge
from peercoach_desktop.domain.session_timer import CueKind, Kind, SessionTimer
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.ui.infra.dialogs import error_text
from peercoach_desktop.ui.infra.i18n import QT_TRANSLATE_NOOP, translate
from peercoach_desktop.ui.infra.tasks import Tasks
from peercoach_desktop.ui.session.session_pages import (
    CheckInPage,
    FeedbackPage,
    NextStepsPage,
    SummaryPage,
)
from peercoach_desktop.ui.session.session_prompts import PromptActions
from peercoach_desktop.ui.session.session_widgets import (
    CueSound,
    TalkBalance,
    ask_yes_no,
    elsewhere_text,
    named,
)
from peercoach_desktop.ui.session.stage_bar import StageBar
from peercoach_desktop.ui.session.tab_order import order_runner_tabs
from peercoach_desktop.ui.session.turn_page import TurnPage

TICK_MS = 250
NOTE_SAVE_MS = 500
NO_STEPS_QUESTION = QT_TRANSLATE_NOOP(
    "SessionRunner",
    "Peer coaching ends with next steps. No next step was set in this session.\n\nEnd the session anyway?",
)


class SessionRunnerView(PromptActions, QWidget):
    """Constructor: tasks (the notebook worker), store_of (called ON THE WORKER, returns the
    current partnership's NotebookStore), clock, turn_minutes (5-30, from preferences),
    template_id (the protocol a new session follows; None for the default).

    Call start() to open or resume the session. Signals: session_started(str session id),
    session_ended(SessionSummary), failed(BaseException) for errors to show.
    """

    session_started = Signal(str)
    session_ended = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        tasks: Tasks,
        store_of: Callable[[], NotebookStore],
        clock: Clock,
        turn_minutes: int = DEFAULT_TURN_MINUTES,
        template_id: str | None = None,
        language: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        named(self, "session_runner", translate("SessionRunner", "Session runner"))
        self.tasks, self.store_of, self.clock, self.turn_minutes = tasks, store_of, clock, turn_minutes
        self.template_id, self.language = template_id, language
        self.state: runner.RunnerState | None = None
        self._told_partner = False  # "Ben started this session on their laptop at …" said once
        self.timer: SessionTimer | None = None
        self.summary: runner.SessionSummary | None = None
        self.prompts: list[prompt_lib.Prompt] = []
        self.prompt_turn = 0
        self.sound = CueSound()
        self._note: dict[str, str | None] = {"id": None}  # read and written on the worker only

        self.next_button = named(
            QPushButton(translate("SessionRunner", "Next phase ▶")),
            "next_phase",
            translate("SessionRunner", "Next phase (Ctrl+Right)"),
        )
        self.next_button.clicked.connect(self.advance)
        self.stage_bar = StageBar(self.next_button)  # the stage buttons are made on opening
        self.stage_bar.stage_clicked.connect(self.go_to)

        self.check_in = CheckInPage()
        self.check_in.review_requested.connect(self._review)
        self.turn = TurnPage()
        self.turn.start.clicked.connect(self.toggle)
        self.turn.extend_one.clicked.connect(lambda: self.extend(60))
        self.turn.extend_five.clicked.connect(lambda: self.extend(300))
        self.turn.swap.clicked.connect(self.advance)
        self.turn.notes.textChanged.connect(self._notes_changed)
        self.feedback = FeedbackPage()
        self.feedback.feedback_requested.connect(self._give_feedback)
        self.next_steps = NextStepsPage()
        self.next_steps.step_requested.connect(self._add_step)
        self.next_steps.end_requested.connect(self.end_session)
        self.summary_page = SummaryPage()
        self.pages = QStackedWidget()
        for page in (self.check_in, self.turn, self.feedback, self.next_steps, self.summary_page):
            self.pages.addWidget(page)
        pages = (self.check_in, self.turn, self.feedback, self.next_steps)  # in Kind's order
        self.kind_pages: dict[Kind, QWidget] = dict(zip(Kind, pages, strict=True))

        self.session_balance = TalkBalance(
            translate("SessionRunner", "Talk time, this session"), "balance_session"
        )
        self.partnership_balance = TalkBalance(
            translate("SessionRunner", "Talk time, whole partnership"), "balance_partnership"
        )
        self.card = self._prompt_card()
        self.mute = named(
            QCheckBox(translate("SessionRunner", "&Mute cues (Ctrl+M)")),
            "mute",
            translate("SessionRunner", "Mute the sound cues"),
        )
        self.mute.toggled.connect(lambda on: setattr(self.sound, "muted", on))
        self.status = named(QLabel(), "runner_status", translate("SessionRunner", "Session status"))
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # messages may quote names users typed
        self.status.setWordWrap(True)
        side = QVBoxLayout()
        for widget in (self.session_balance, self.partnership_balance, self.card, self.mute, self.status):
            side.addWidget(widget)
        side.addStretch()
        body = QHBoxLayout()
        body.addWidget(self.pages, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stage_bar)
        layout.addLayout(body, 1)

        for keys, slot in (
            ("Space", self.space),
            ("+", lambda: self.extend(60)),
            ("Ctrl+Right", self.advance),
            ("Ctrl+M", self.mute.toggle),
            ("Ctrl+Shift+A", self.another_prompt),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.ticker = QTimer(self, interval=TICK_MS)
        self.ticker.timeout.connect(self.tick)
        self.note_timer = QTimer(self, singleShot=True, interval=NOTE_SAVE_MS)
        self.note_timer.timeout.connect(self.save_notes)
        self.setEnabled(False)

    # ----- opening -------------------------------------------------------------------------

    def _run(self, job: Callable[[NotebookStore], Any], on_done: Callable[[Any], None] | None = None) -> None:
        store_of = self.store_of
        self.tasks.run(lambda: job(store_of()), on_done, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.status.setText(error_text(error))
        self.failed.emit(error)

    def start(self) -> None:
        """Open the running session, or start one; loads the prompt library too."""
        clock, minutes, template_id, language = self.clock, self.turn_minutes, self.template_id, self.language

        def job(store: NotebookStore) -> tuple[runner.RunnerState, SessionTimer, list[prompt_lib.Prompt]]:
            template = templates.find(catalog.available(store, language)[0], template_id)
            state = runner.open_session(store, clock, minutes, template, language)
            # Read here, not in the callback: an error reaches _failed and is shown.
            timer = SessionTimer.from_dict(state.session.timer_state, clock)
            return state, timer, self._prompt_library(store)

        self._run(job, self._opened)

    def _opened(self, result: tuple[runner.RunnerState, SessionTimer, list[prompt_lib.Prompt]]) -> None:
        state, self.timer, self.prompts = result
        self.stage_bar.set_stages(self.timer, state)
        if state.session_note is not None:  # resuming: bring back what was typed
            self._note["id"] = state.session_note.id
            self.turn.notes.blockSignals(True)
            self.turn.notes.setPlainText(state.session_note.body)
            self.turn.notes.blockSignals(False)
        self._set_state(state, fill=True)
        if state.timer_restarted:
            self.status.setText(
                translate(
                    "SessionRunner",
                    "This session's saved timer could not be read (saved by another version of the app?), "
                    "so it starts again at the check-in. Talk time so far, notes and steps are kept.",
                )
            )
        else:
            self._tell_partner_started(state.partner_started_at)
        self.setEnabled(True)
        self.ticker.start()
        self.session_started.emit(state.session.id)

    def notice_partner(self) -> None:
        """The notebook was re-read (the partner's changes came in): if the partner's laptop has
        started this meeting since it opened here, say so once."""
        state = self.state
        if state is None or self._told_partner:
            return
        sid = state.session.id
        self._run(lambda store: runner.partner_started_at(store, sid), self._tell_partner_started)

    def _tell_partner_started(self, at: str | None) -> None:
        """Once per runner: whichever read first learns it (opening, a later state, a sync)."""
        state = self.state
        if at and state is not None and not self._told_partner:
            self._told_partner = True
            state.partner_started_at = at
            self.status.setText(elsewhere_text(state.partner.name, at))

    def _set_state(self, state: runner.RunnerState, fill: bool = False) -> None:
        self.state = state
        if not fill:  # opening tells it after its own messages (_opened)
            self._tell_partner_started(state.partner_started_at)
        self.check_in.show_state(state)
        self.feedback.show_state(state, fill)
        self.next_steps.show_state(state)
        order_runner_tabs(self)  # the check-in's rows are new widgets: the main task first again
        self.render()

    # ----- the timer -----------------------------------------------------------------------

    def _changed(self) -> None:
        """After every timer change: save it (worker) and re-render."""
        if self.timer is None or self.state is None:
            return
        sid, data, seconds = self.state.session.id, self.timer.to_dict(), self.timer.seconds_by_speaker()
        self._run(lambda store: runner.save_timer(store, sid, data, seconds))
        self.render()

    def space(self) -> None:
        """Space presses a focused button (keyboard users reach every control that way);
        anywhere else in the runner, outside text fields, it starts or pauses the clock."""
        focus = QApplication.focusWidget()
        if isinstance(focus, QAbstractButton) and focus is not self.turn.start and self.isAncestorOf(focus):
            focus.animateClick()
        else:
            self.toggle()

    def toggle(self) -> None:
        if self.timer and self.timer.timed:
            self.timer.toggle()
            self._changed()

    def extend(self, seconds: int) -> None:
        if self.timer and self.timer.timed:
            try:
                self.timer.extend(seconds)
            except UsageError:  # the one limit: 30 minutes more in all
                self.status.setText(
                    translate("SessionRunner", "A phase can be extended by up to 30 minutes in all.")
                )
                return
            self._changed()

    def go_to(self, index: int) -> None:
        """Move to a stage of the protocol; only ending the session leaves the last one."""
        if self.timer is None or self.timer.done or not 0 <= index < len(self.timer.stages):
            self.render()
            return
        self.save_notes()
        self.timer.go_to(index)
        self.prompt_turn = 0
        self.status.clear()
        self._changed()

    def advance(self) -> None:
        if self.timer is None or self.timer.done:
            return
        if self.timer.index == len(self.timer.stages) - 1:
            self.end_session()
        else:
            self.go_to(self.timer.index + 1)

    def tick(self) -> None:
        if self.timer is None:
            return
        cues = self.timer.poll()
        for cue in cues:
            self.sound.play()
            self.status.setText(
                translate("SessionRunner", "Two minutes left in this phase.")
                if cue.kind is CueKind.WARNING
                else translate("SessionRunner", "This phase's time is up.")
            )
        if cues:
            self._changed()
        else:
            self.render()

    # ----- rendering -----------------------------------------------------------------------

    def render(self) -> None:
        timer, state = self.timer, self.state
        if timer is None or state is None:
            return
        self.stage_bar.show_current(timer.index)
        stage = timer.stage
        last = timer.index == len(timer.stages) - 1
        page = self.summary_page if stage is None else self.kind_pages[stage.kind]
        self.pages.setCurrentWidget(page)
        self.next_button.setText(
            translate("SessionRunner", "End session ■")
            if last
            else translate("SessionRunner", "Next phase ▶")
        )
        self.next_button.setEnabled(stage is not None)
        if stage is not None and stage.kind is Kind.TALK:
            self.turn.show_stage(timer, state)
        a, b = timer.speakers
        names = (state.name(a), state.name(b))
        now = (timer.spoken(a), timer.spoken(b))
        self.session_balance.show_seconds(names, now)
        earlier = state.earlier_seconds
        self.partnership_balance.show_seconds(names, (earlier.get(a, 0) + now[0], earlier.get(b, 0) + now[1]))
        self.card.show_prompt(
            None if stage is None else prompt_lib.pick(self.prompts, stage, self.prompt_turn)
        )
        self.card.setVisible(stage is not None)

    # ----- check-in, feedback, next steps --------------------------------------------------

    def _sid(self) -> str:
        assert self.state is not None
        return self.state.session.id

    def _review(self, step_id: str, review: runner.Review) -> None:
        sid, clock = self._sid(), self.clock
        self._run(lambda store: runner.review_step(store, clock, sid, step_id, review), self._set_state)

    def _give_feedback(self, giver: str, situation: str, behaviour: str, impact: str) -> None:
        sid, clock = self._sid(), self.clock
        self._run(
            lambda store: runner.give_feedback(store, clock, sid, giver, situation, behaviour, impact),
            self._set_state,
        )

    def _add_step(self, owner: str, text: str, due: str, goal: str | None) -> None:
        sid, clock = self._sid(), self.clock
        self._run(lambda store: runner.add_step(store, clock, sid, owner, text, due, goal), self._set_state)

    def end_session(self) -> None:
        if self.timer is None or self.state is None or self.timer.done:
            return
        self.feedback.flush()  # typed feedback belongs in the summary
        allow = bool(self.state.steps_set)
        if not allow:
            question = translate("SessionRunner", NO_STEPS_QUESTION)
            if not ask_yes_no(self, translate("SessionRunner", "End the session?"), question):
                self.go_to(self.timer.first(Kind.NEXT_STEPS))
                self.status.setText(
                    translate("SessionRunner", "Add a next step for each peer, then end the session.")
                )
                return
            allow = True
        self.save_notes()
        sid, clock, data = self._sid(), self.clock, self.timer.to_dict()
        self._run(lambda store: runner.end_session(store, clock, sid, data, allow), self._ended)

    def _ended(self, summary: runner.SessionSummary) -> None:
        assert self.timer is not None
        self.timer.finish()
        self.summary = summary
        self.summary_page.show_summary(summary)
        self.ticker.stop()
        self.render()
        self.status.setText(translate("SessionRunner", "Session ended."))
        self.session_ended.emit(summary)

    # ----- notes and the curious-stance nudge ----------------------------------------------

    def _notes_changed(self) -> None:
        nudge = curious_nudge(self.turn.notes.toPlainText())
        hint = translate("SessionRunner", 'Curious stance: try "{suggestion}"')
        self.turn.nudge.setText(hint.format(suggestion=nudge.suggestion) if nudge else "")
        self.note_timer.start()

    def save_notes(self) -> None:
        """Save the session notes now (the debounce, a phase change, ending, closing)."""
        self.note_timer.stop()
        body = self.turn.notes.toPlainText()
        if self.state is None or not body.strip():
            return
        sid, holder = self._sid(), self._note

        def job(store: NotebookStore) -> None:
            if holder["id"] is None:
                holder["id"] = store.add_note(body, session=sid).id
            else:
                store.update_note(holder["id"], body)

        self._run(job)

    def flush(self, *, wait: bool = True) -> None:
        """Before the window closes, locks or switches: queue the saves of notes, feedback and the
        timer; wait=True also waits for the worker to finish them."""
        self.save_notes()
        self.feedback.flush()
        if self.timer is not None and self.state is not None and not self.timer.done:
            self._changed()
        if wait:
            self.tasks.run_and_wait(lambda: None)
