"""The pages of the session runner, one per phase. They render state and emit requests;
the view (ui.session_runner) sends the requests to the notebook worker."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from peercoach_desktop.core.session_runner import Review, RunnerState, SessionSummary
from peercoach_desktop.ui.session_widgets import minutes_seconds, named

REVIEW_LABELS = {Review.DONE: "Done", Review.CARRIED_OVER: "Carried over", Review.DROPPED: "Dropped"}


class CheckInPage(QWidget):
    review_requested = Signal(str, object)  # step id, Review

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel("<b>Check-in:</b> how did last time's next steps go?")
        self.rows = QWidget()
        self.grid = QGridLayout(self.rows)
        self.grid.setColumnStretch(0, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.rows)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(scroll)
        self.groups: dict[str, QButtonGroup] = {}

    def show_state(self, state: RunnerState) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.groups.clear()
        rates = []
        for peer, follow in state.follow.items():
            rate = (
                f"{follow.done} of {follow.set} ({round(100 * follow.rate)}%)"
                if follow.rate is not None
                else "—"
            )
            rates.append(f"{escape(state.name(peer))} {rate}")
        self.heading.setText(
            "<b>Check-in:</b> how did last time's next steps go?<br>"
            f"Follow-through, last sessions: {', '.join(rates)}"
        )
        if not state.to_review:
            self.grid.addWidget(QLabel("No open next steps from earlier sessions."), 0, 0)
        for row, step in enumerate(state.to_review):
            due = f", due {step.due_date}" if step.due_date else ""
            label = QLabel()
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)  # user text is never read as HTML
            late = "Overdue: " if step.id in state.overdue else ""
            label.setText(f"{late}{step.text} — {state.name(step.owner_id)}{due}")
            if late:
                font = label.font()
                font.setBold(True)
                label.setFont(font)
            self.grid.addWidget(label, row, 0)
            group = QButtonGroup(self.rows)
            self.groups[step.id] = group
            for column, review in enumerate(Review, start=1):
                button = named(
                    QPushButton(REVIEW_LABELS[review]),
                    f"review_{review.value}_{row}",
                    f"Mark step {row + 1} {REVIEW_LABELS[review].lower()}",
                )
                button.setCheckable(True)
                button.setChecked(state.reviews.get(step.id) == review)
                group.addButton(button)
                button.clicked.connect(lambda _c=False, s=step.id, r=review: self.review_requested.emit(s, r))
                self.grid.addWidget(button, row, column)
        self.grid.setRowStretch(len(state.to_review) + 1, 1)


class TurnPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.roles = named(QLabel(), "turn_roles", "Who speaks and who coaches")
        font = self.roles.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.roles.setFont(font)
        self.clock = named(QLabel("15:00"), "turn_clock", "Time left in this turn")
        big = QFont(self.clock.font())
        big.setPointSizeF(big.pointSizeF() * 4.5)
        big.setBold(True)
        self.clock.setFont(big)
        self.clock.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clock.setAutoFillBackground(True)
        self.cue = named(QLabel(), "turn_cue", "Time cue")
        self.cue.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start = named(QPushButton("Start (Space)"), "start_pause", "Start or pause the turn")
        self.extend_one = named(QPushButton("+1 min (+)"), "extend_one", "Extend the turn by one minute")
        self.extend_five = named(QPushButton("+5 min"), "extend_five", "Extend the turn by five minutes")
        self.swap = named(QPushButton("Swap roles"), "swap_roles", "Swap roles: the other peer's turn")
        buttons = QHBoxLayout()
        for button in (self.start, self.extend_one, self.extend_five, self.swap):
            buttons.addWidget(button)
        self.notes = named(QPlainTextEdit(), "coach_notes", "Session notes")
        self.notes.setPlaceholderText("Notes for this session (saved as you type, shared with your partner)")
        self.nudge = named(QLabel(), "curious_nudge", "Curious-stance hint")
        self.nudge.setWordWrap(True)
        self.nudge.setForegroundRole(QPalette.ColorRole.Link)
        layout = QVBoxLayout(self)
        layout.addWidget(self.roles)
        layout.addWidget(self.clock)
        layout.addWidget(self.cue)
        layout.addLayout(buttons)
        layout.addWidget(self.notes, 1)
        layout.addWidget(self.nudge)

    def show_time(self, remaining: float, allowance: float, running: bool, cue_level: int) -> None:
        if remaining >= 0:
            self.clock.setText(minutes_seconds(remaining))
            self.clock.setAccessibleDescription(f"{minutes_seconds(remaining)} left")
        else:
            self.clock.setText(f"+{minutes_seconds(remaining)}")
            self.clock.setAccessibleDescription(f"{minutes_seconds(remaining)} over time")
        self.start.setText("Pause (Space)" if running else "Start (Space)")
        # cue_level 0: calm; 1: two minutes left; 2: time is up. Palette roles read in dark and light.
        highlighted = cue_level > 0
        self.clock.setBackgroundRole(
            QPalette.ColorRole.Highlight if highlighted else QPalette.ColorRole.Window
        )
        self.clock.setForegroundRole(
            QPalette.ColorRole.HighlightedText if highlighted else QPalette.ColorRole.WindowText
        )
        calm = f"left of {minutes_seconds(allowance)}" + ("" if running else " — paused")
        self.cue.setText(
            [calm, "Two minutes left.", "Time is up — overtime is counted; swap roles when ready."][cue_level]
        )


FEEDBACK_AUTOSAVE_MS = 1000


class FeedbackForm(QGroupBox):
    def __init__(self, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = {}
        form = QFormLayout(self)
        for key, hint in (
            ("situation", "When… (the moment)"),
            ("behaviour", "you… (what the coach did)"),
            ("impact", "and the effect on me was…"),
        ):
            edit = named(QLineEdit(), f"feedback_{index}_{key}", f"{key} of feedback {index + 1}")
            edit.setPlaceholderText(hint)
            self.fields[key] = edit
            form.addRow(key.capitalize(), edit)
        self.save = named(
            QPushButton("Save feedback"), f"save_feedback_{index}", f"Save feedback {index + 1}"
        )
        form.addRow(self.save)

    def values(self) -> tuple[str, str, str]:
        return tuple(self.fields[k].text() for k in ("situation", "behaviour", "impact"))  # type: ignore[return-value]


class FeedbackPage(QWidget):
    feedback_requested = Signal(str, str, str, str)  # giver id, situation, behaviour, impact

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.forms = [FeedbackForm(0), FeedbackForm(1)]
        self.givers = ["", ""]
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>Feedback</b> on how the coaching went: situation, behaviour, impact."))
        for index, form in enumerate(self.forms):
            form.save.clicked.connect(lambda _c=False, i=index: self._save(i))
            for edit in form.fields.values():
                edit.textEdited.connect(lambda _t: self._autosave.start())
            layout.addWidget(form)
        layout.addStretch()
        # Typed feedback saves itself like a note: giving it again replaces the earlier words.
        self._saved: dict[str, tuple[str, str, str]] = {}
        self._autosave = QTimer(self, singleShot=True, interval=FEEDBACK_AUTOSAVE_MS)
        self._autosave.timeout.connect(self.flush)

    def show_state(self, state: RunnerState, fill: bool) -> None:
        order = state.session.speaker_order
        self.givers = [order[0], order[1]]
        given = {f.giver_id: f for f in state.feedback}
        for giver, form in zip(self.givers, self.forms, strict=True):
            receiver = order[1] if giver == order[0] else order[0]
            done = " — saved" if giver in given else ""
            form.setTitle(f"{state.name(giver)} to {state.name(receiver)}{done}")
            if giver in given:
                saved = tuple(getattr(given[giver], k) for k in ("situation", "behaviour", "impact"))
                self._saved[giver] = saved  # type: ignore[assignment]
            if fill and giver in given:
                for key in ("situation", "behaviour", "impact"):
                    form.fields[key].setText(getattr(given[giver], key))

    def _save(self, index: int) -> None:
        values = self.forms[index].values()
        self._saved[self.givers[index]] = tuple(v.strip() for v in values)  # type: ignore[assignment]
        self.feedback_requested.emit(self.givers[index], *values)

    def flush(self) -> None:
        """Save each form whose words changed since they were last saved (not empty ones)."""
        self._autosave.stop()
        for index, form in enumerate(self.forms):
            values = tuple(v.strip() for v in form.values())
            if self.givers[index] and any(values) and values != self._saved.get(self.givers[index]):
                self._save(index)


class NextStepsPage(QWidget):
    step_requested = Signal(str, str, str, object)  # owner id, text, due date, goal id or None
    end_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.owner = named(QComboBox(), "step_owner", "Owner of the next step")
        self.text = named(QLineEdit(), "step_text", "Next step")
        self.text.setPlaceholderText("A concrete step, e.g. 'Ask Sam for the Q3 figures'")
        self.due = named(QDateEdit(), "step_due", "Due date")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.goal = named(QComboBox(), "step_goal", "Goal of the next step")
        add = named(QPushButton("&Add step"), "add_step", "Add the next step")
        add.clicked.connect(self._add)
        self.text.returnPressed.connect(self._add)
        form = QFormLayout()
        form.addRow("&Owner", self.owner)
        form.addRow("&Step", self.text)
        form.addRow("D&ue", self.due)
        form.addRow("&Goal", self.goal)
        form.addRow(add)
        self.list = named(QListWidget(), "steps_set", "Next steps set in this session")
        self.end = named(QPushButton("&End session"), "end_session", "End the session")
        self.end.clicked.connect(self.end_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>Next steps:</b> each peer names concrete steps before the session ends."))
        layout.addLayout(form)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.end)

    def show_state(self, state: RunnerState) -> None:
        owner = self.owner.currentData()
        self.owner.clear()
        for peer in (state.me, state.partner):
            self.owner.addItem(peer.name, peer.id)
        if owner is not None:
            self.owner.setCurrentIndex(max(0, self.owner.findData(owner)))
        goal = self.goal.currentData()
        self.goal.clear()
        self.goal.addItem("(no goal)", None)
        for g in state.goals:
            self.goal.addItem(f"{g.title} ({state.name(g.owner_id)})", g.id)
        self.goal.setCurrentIndex(max(0, self.goal.findData(goal)))
        self.due.setDate(QDate.fromString(state.due_default, "yyyy-MM-dd"))
        self.list.clear()
        for step in state.steps_set:
            self.list.addItem(f"{step.text} — {state.name(step.owner_id)}, due {step.due_date or '-'}")

    def _add(self) -> None:
        if self.text.text().strip():
            due = self.due.date().toString("yyyy-MM-dd")
            self.step_requested.emit(self.owner.currentData(), self.text.text(), due, self.goal.currentData())
            self.text.clear()


class SummaryPage(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "session_summary", "Session summary")

    def show_summary(self, summary: SessionSummary) -> None:
        self.setHtml(summary_html(summary))


def summary_html(summary: SessionSummary) -> str:
    name = summary.names.get
    parts = ["<h2>Session summary</h2><h3>Time per speaker</h3><ul>"]
    for peer, seconds in summary.seconds_by_speaker.items():
        parts.append(f"<li>{escape(name(peer, '?'))}: {minutes_seconds(seconds)}</li>")
    parts.append("</ul><h3>Time per phase</h3><ul>")
    for phase, seconds in summary.phase_seconds.items():
        parts.append(f"<li>{escape(phase)}: {minutes_seconds(seconds)}</li>")
    parts.append(f"</ul><h3>Goals touched ({len(summary.goals_touched)})</h3><ul>")
    parts += [f"<li>{escape(goal)}</li>" for goal in summary.goals_touched]
    parts.append(f"</ul><h3>Next steps set ({len(summary.steps_set)})</h3><ul>")
    for step in summary.steps_set:
        parts.append(
            f"<li>{escape(step.text)} — {escape(name(step.owner_id, '?'))}, due {step.due_date}</li>"
        )
    parts.append(f"</ul><h3>Steps reviewed ({len(summary.steps_reviewed)})</h3><ul>")
    for step, review in summary.steps_reviewed:
        parts.append(f"<li>{escape(step.text)}: {REVIEW_LABELS[review].lower()}</li>")
    parts.append("</ul>")
    return "".join(parts)
