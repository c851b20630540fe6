"""The pages of the session runner, one per phase. They render state and emit requests;
the view (ui.session_runner) sends the requests to the notebook worker."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QDate, Qt, QTimer, Signal
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
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from peercoach_desktop.coaching.sessions import Review, RunnerState, SessionSummary
from peercoach_desktop.ui.infra.i18n import QT_TRANSLATE_NOOP, percent, translate
from peercoach_desktop.ui.infra.widgets import date_edit_format, short_date
from peercoach_desktop.ui.session.session_widgets import minutes_seconds, named

REVIEW_LABELS = {
    Review.DONE: QT_TRANSLATE_NOOP("SessionPages", "Done"),
    Review.CARRIED_OVER: QT_TRANSLATE_NOOP("SessionPages", "Carried over"),
    Review.DROPPED: QT_TRANSLATE_NOOP("SessionPages", "Dropped"),
}


def review_label(review: Review) -> str:
    return translate("SessionPages", REVIEW_LABELS[review])


FEEDBACK_HEADING = QT_TRANSLATE_NOOP(
    "SessionPages", "<b>Feedback</b> on how the coaching went: situation, behaviour, impact."
)
STEPS_HEADING = QT_TRANSLATE_NOOP(
    "SessionPages", "<b>Next steps:</b> each peer names concrete steps before the session ends."
)


class CheckInPage(QWidget):
    review_requested = Signal(str, object)  # step id, Review

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(
            translate("SessionPages", "<b>Check-in:</b> how did last time's next steps go?")
        )
        self.heading.setWordWrap(True)  # a long German heading must not widen the window
        self.rows = QWidget()
        self.grid = QGridLayout(self.rows)
        self.grid.setColumnStretch(0, 1)
        scroll = named(QScrollArea(), "check_in_steps", translate("SessionPages", "Next steps to review"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.rows)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a frame, not a control: Tab goes to its rows
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(scroll)
        self.groups: dict[str, QButtonGroup] = {}
        self._shown: dict[str, Review | None] = {}  # the outcome on screen per step id
        self._rows: list[tuple[object, ...]] | None = None  # the steps the rows were made for

    def tab_stops(self) -> list[QWidget]:
        """The review choices, step by step (Tab enters a step's group, arrows choose)."""
        return [b for group in self.groups.values() for b in group.buttons()]

    def show_state(self, state: RunnerState) -> None:
        self._show_heading(state)
        rows = [(s.id, s.text, s.owner_id, s.due_date, s.id in state.overdue) for s in state.to_review]
        if rows == self._rows:  # the same steps: tick what is saved, keep the widgets and focus
            self._shown.update({step_id: state.reviews.get(step_id) for step_id in self.groups})
            for step_id, group in self.groups.items():
                group.setExclusive(False)  # an exclusive group refuses to untick its choice
                for button, review in zip(group.buttons(), Review, strict=True):
                    button.setChecked(state.reviews.get(step_id) == review)
                group.setExclusive(True)
            return
        self._rows = rows
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.groups.clear()
        self._shown = {}
        self._show_rows(state)

    def _show_heading(self, state: RunnerState) -> None:
        rates = []
        for peer, follow in state.follow.items():
            rate = (
                translate("SessionPages", "{done} of {set} ({percent})").format(
                    done=follow.done, set=follow.set, percent=percent(follow.rate)
                )
                if follow.rate is not None
                else "—"
            )
            rates.append(f"{escape(state.name(peer))} {rate}")
        self.heading.setText(
            translate("SessionPages", "<b>Check-in:</b> how did last time's next steps go?")
            + "<br>"
            + translate("SessionPages", "Follow-through, last sessions: {rates}").format(
                rates=", ".join(rates)
            )
        )

    def _show_rows(self, state: RunnerState) -> None:
        if not state.to_review:
            self.grid.addWidget(
                QLabel(translate("SessionPages", "No open next steps from earlier sessions.")), 0, 0
            )
        for row, step in enumerate(state.to_review):
            due = (
                translate("SessionPages", ", due {date}").format(date=short_date(step.due_date))
                if step.due_date
                else ""
            )
            label = QLabel()
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)  # user text is never read as HTML
            late = translate("SessionPages", "Overdue: ") if step.id in state.overdue else ""
            label.setText(f"{late}{step.text} — {state.name(step.owner_id)}{due}")
            if late:
                font = label.font()
                font.setBold(True)
                label.setFont(font)
            self.grid.addWidget(label, row, 0)
            # One radio group per step: announced as such, Tab enters it, arrow keys choose.
            outcomes = named(
                QWidget(),
                f"review_{row}",
                translate("SessionPages", "Outcome of step {n}").format(n=row + 1),
            )
            choices = QHBoxLayout(outcomes)
            choices.setContentsMargins(0, 0, 0, 0)
            group = QButtonGroup(outcomes)
            self.groups[step.id] = group
            for review in Review:
                button = named(
                    QRadioButton(review_label(review)),
                    f"review_{review.value}_{row}",
                    translate("SessionPages", "Mark step {n}: {outcome}").format(
                        n=row + 1, outcome=review_label(review)
                    ),
                )
                button.setChecked(state.reviews.get(step.id) == review)
                group.addButton(button)
                choices.addWidget(button)
                # toggled, not clicked: arrow keys check a radio button without clicking it
                button.toggled.connect(lambda on, s=step.id, r=review: self._chosen(s, r) if on else None)
            self.grid.addWidget(outcomes, row, 1)
            self._shown[step.id] = state.reviews.get(step.id)
        self.grid.setRowStretch(len(state.to_review) + 1, 1)

    def _chosen(self, step_id: str, review: Review) -> None:
        if self._shown.get(step_id) != review:  # not when show_state ticks what is saved
            self._shown[step_id] = review
            self.review_requested.emit(step_id, review)


FEEDBACK_AUTOSAVE_MS = 1000


class FeedbackForm(QGroupBox):
    def __init__(self, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = {}
        form = QFormLayout(self)
        for key, label, hint in (
            (
                "situation",
                translate("SessionPages", "Situation"),
                translate("SessionPages", "When… (the moment)"),
            ),
            (
                "behaviour",
                translate("SessionPages", "Behaviour"),
                translate("SessionPages", "you… (what the coach did)"),
            ),
            (
                "impact",
                translate("SessionPages", "Impact"),
                translate("SessionPages", "and the effect on me was…"),
            ),
        ):
            about = translate("SessionPages", "{field} of feedback {n}").format(field=label, n=index + 1)
            edit = named(QLineEdit(), f"feedback_{index}_{key}", about)
            edit.setPlaceholderText(hint)
            self.fields[key] = edit
            form.addRow(label, edit)
        self.save = named(
            QPushButton(translate("SessionPages", "Save feedback")),
            f"save_feedback_{index}",
            translate("SessionPages", "Save feedback {n}").format(n=index + 1),
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
        heading = QLabel(translate("SessionPages", FEEDBACK_HEADING))
        heading.setWordWrap(True)
        layout.addWidget(heading)
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

    def tab_stops(self) -> list[QWidget]:
        return [w for form in self.forms for w in (*form.fields.values(), form.save)]

    def show_state(self, state: RunnerState, fill: bool) -> None:
        order = state.session.speaker_order
        self.givers = [order[0], order[1]]
        given = {f.giver_id: f for f in state.feedback}
        for giver, form in zip(self.givers, self.forms, strict=True):
            receiver = order[1] if giver == order[0] else order[0]
            title = (
                translate("SessionPages", "{giver} to {receiver} — saved")
                if giver in given
                else translate("SessionPages", "{giver} to {receiver}")
            )
            form.setTitle(title.format(giver=state.name(giver), receiver=state.name(receiver)))
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
        self.owner = named(QComboBox(), "step_owner", translate("SessionPages", "Owner of the next step"))
        self.text = named(QLineEdit(), "step_text", translate("SessionPages", "Next step"))
        self.text.setPlaceholderText(
            translate("SessionPages", "A concrete step, e.g. 'Ask Sam for the Q3 figures'")
        )
        self.due = named(QDateEdit(), "step_due", translate("SessionPages", "Due date"))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat(date_edit_format())
        self.goal = named(QComboBox(), "step_goal", translate("SessionPages", "Goal of the next step"))
        add = named(
            QPushButton(translate("SessionPages", "&Add step")),
            "add_step",
            translate("SessionPages", "Add the next step"),
        )
        add.clicked.connect(self._add)
        self.text.returnPressed.connect(self._add)
        self.add = add
        form = QFormLayout()  # the step first: writing it is this page's task
        form.addRow(translate("SessionPages", "&Step"), self.text)
        form.addRow(translate("SessionPages", "&Owner"), self.owner)
        form.addRow(translate("SessionPages", "D&ue"), self.due)
        form.addRow(translate("SessionPages", "&Goal"), self.goal)
        form.addRow(add)
        self.list = named(
            QListWidget(), "steps_set", translate("SessionPages", "Next steps set in this session")
        )
        self.end = named(
            QPushButton(translate("SessionPages", "&End session")),
            "end_session",
            translate("SessionPages", "End the session"),
        )
        self.end.clicked.connect(self.end_requested)
        layout = QVBoxLayout(self)
        heading = QLabel(translate("SessionPages", STEPS_HEADING))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.end)

    def tab_stops(self) -> list[QWidget]:
        return [self.text, self.owner, self.due, self.goal, self.add, self.list, self.end]

    def show_state(self, state: RunnerState) -> None:
        owner = self.owner.currentData()
        self.owner.clear()
        for peer in (state.me, state.partner):
            self.owner.addItem(peer.name, peer.id)
        if owner is not None:
            self.owner.setCurrentIndex(max(0, self.owner.findData(owner)))
        goal = self.goal.currentData()
        self.goal.clear()
        self.goal.addItem(translate("SessionPages", "(no goal)"), None)
        for g in state.goals:
            self.goal.addItem(f"{g.title} ({state.name(g.owner_id)})", g.id)
        self.goal.setCurrentIndex(max(0, self.goal.findData(goal)))
        self.due.setDate(QDate.fromString(state.due_default, "yyyy-MM-dd"))
        self.list.clear()
        for step in state.steps_set:
            self.list.addItem(
                translate("SessionPages", "{step} — {owner}, due {date}").format(
                    step=step.text, owner=state.name(step.owner_id), date=short_date(step.due_date)
                )
            )

    def _add(self) -> None:
        if self.text.text().strip():
            due = self.due.date().toString("yyyy-MM-dd")
            self.step_requested.emit(self.owner.currentData(), self.text.text(), due, self.goal.currentData())
            self.text.clear()


class SummaryPage(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "session_summary", translate("SessionPages", "Session summary"))

    def show_summary(self, summary: SessionSummary) -> None:
        self.setHtml(summary_html(summary))


def summary_html(summary: SessionSummary) -> str:
    name = summary.names.get

    def heading(text: str, count: int | None = None) -> str:
        return f"<h3>{escape(text if count is None else text.format(n=count))}</h3><ul>"

    parts = [f"<h2>{escape(translate('SessionPages', 'Session summary'))}</h2>"]
    parts.append(heading(translate("SessionPages", "Time per speaker")))
    for peer, seconds in summary.seconds_by_speaker.items():
        parts.append(f"<li>{escape(name(peer, '?'))}: {minutes_seconds(seconds)}</li>")
    parts.append("</ul>" + heading(translate("SessionPages", "Time per phase")))
    for phase, seconds in summary.phase_seconds.items():
        parts.append(f"<li>{escape(phase)}: {minutes_seconds(seconds)}</li>")
    parts.append(
        "</ul>" + heading(translate("SessionPages", "Goals touched ({n})"), len(summary.goals_touched))
    )
    parts += [f"<li>{escape(goal)}</li>" for goal in summary.goals_touched]
    parts.append("</ul>" + heading(translate("SessionPages", "Next steps set ({n})"), len(summary.steps_set)))
    for step in summary.steps_set:
        line = translate("SessionPages", "{step} — {owner}, due {date}").format(
            step=step.text, owner=name(step.owner_id, "?"), date=short_date(step.due_date)
        )
        parts.append(f"<li>{escape(line)}</li>")
    reviewed = heading(translate("SessionPages", "Steps reviewed ({n})"), len(summary.steps_reviewed))
    parts.append("</ul>" + reviewed)
    for step, review in summary.steps_reviewed:
        parts.append(f"<li>{escape(step.text)}: {escape(review_label(review))}</li>")
    parts.append("</ul>")
    return "".join(parts)
