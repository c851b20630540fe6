"""What a note is about: its kind, goal and session, chosen in three combo boxes that both
the note's form and the list's filter use, and the words the list shows for them."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGridLayout, QWidget

from peercoach_desktop.domain.model import Goal, Note, NoteKind
from peercoach_desktop.storage.browse import NoteFilter
from peercoach_desktop.ui.infra.i18n import QT_TRANSLATE_NOOP, translate
from peercoach_desktop.ui.infra.widgets import local_time, named

KIND_LABELS = {
    NoteKind.NOTE: QT_TRANSLATE_NOOP("NoteLinks", "Note"),
    NoteKind.REFLECTION: QT_TRANSLATE_NOOP("NoteLinks", "Reflection"),
    NoteKind.FEEDBACK: QT_TRANSLATE_NOOP("NoteLinks", "Feedback"),
}


def kind_label(kind: str) -> str:
    text = KIND_LABELS.get(kind)  # type: ignore[call-overload]  # a StrEnum key matches its str
    return translate("NoteLinks", text) if text else kind


MAX_SESSION_CHOICES = 100  # the newest; a note linked to an older one still shows it


@dataclass
class Subjects:
    """The notebook's goals and sessions (id, when; newest first), and its two peers' names."""

    goals: list[Goal] = field(default_factory=list)
    sessions: list[tuple[str, str]] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    _titles: dict[str, str] = field(default_factory=dict, repr=False)
    _times: dict[str, str] = field(default_factory=dict, repr=False)

    def set(self, goals: list[Goal], sessions: list[tuple[str, str]]) -> None:
        self.goals, self.sessions = goals, sessions
        self._titles = {g.id: g.title for g in goals}
        self._times = dict(sessions)  # a list row looks its links up: by id, not by scanning

    def goal_title(self, goal_id: str | None) -> str | None:
        return self._titles.get(goal_id) if goal_id else None

    def session_time(self, session_id: str | None) -> str | None:
        when = self._times.get(session_id) if session_id else None
        return local_time(when) if when else None

    def describe(self, note: Note) -> str:
        """The list's second line: kind, author, date, and what the note is about."""
        parts = [
            kind_label(note.kind),
            self.names.get(note.author_id, "?"),
            local_time(note.created_at),
        ]
        if title := self.goal_title(note.goal_id):
            parts.append(translate("NoteLinks", "Goal: {title}").format(title=title))
        if when := self.session_time(note.session_id):
            parts.append(translate("NoteLinks", "Session: {when}").format(when=when))
        return " · ".join(parts)


class NoteLinks(QWidget):
    """Kind, goal and session of a note (or, with `any_choice`, of the notes a list shows)."""

    changed = Signal()

    def __init__(self, name: str, any_choice: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._any = any_choice
        self.kind = named(QComboBox(), f"{name}_kind", translate("NoteLinks", "Kind of note"))
        self.goal = named(QComboBox(), f"{name}_goal", translate("NoteLinks", "Goal the note is about"))
        self.session = named(QComboBox(), f"{name}_session", translate("NoteLinks", "Session of the note"))
        for box in (self.kind, self.goal, self.session):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(8)  # long goal titles and German dates must not widen the window
        if any_choice:
            self.kind.addItem(translate("NoteLinks", "All kinds"), None)
        for kind in NoteKind:
            self.kind.addItem(kind_label(kind), kind.value)
        self._subjects = Subjects()
        self.fill(self._subjects)
        for box in (self.kind, self.goal, self.session):
            box.currentIndexChanged.connect(self.changed)
        if any_choice:  # two rows: three boxes side by side made the Notes tab too wide
            layout = QGridLayout(self)
            layout.addWidget(self.kind, 0, 0)
            layout.addWidget(self.goal, 0, 1)
            layout.addWidget(self.session, 1, 0, 1, 2)
        else:
            layout = QFormLayout(self)
            layout.addRow(translate("NoteLinks", "&Kind"), self.kind)
            layout.addRow(translate("NoteLinks", "&About goal"), self.goal)
            layout.addRow(translate("NoteLinks", "In s&ession"), self.session)
        layout.setContentsMargins(0, 0, 0, 0)

    def fill(self, subjects: Subjects) -> None:
        """New choices of goals and sessions; the chosen ones stay chosen when still there."""
        self.blockSignals(True)
        goal, session = self.goal.currentData(), self.session.currentData()
        self.goal.clear()
        no_goal = translate("NoteLinks", "All goals") if self._any else translate("NoteLinks", "No goal")
        self.goal.addItem(no_goal, None)
        for g in subjects.goals:
            self.goal.addItem(g.title, g.id)
        self.session.clear()
        no_session = (
            translate("NoteLinks", "All sessions") if self._any else translate("NoteLinks", "No session")
        )
        self.session.addItem(no_session, None)
        for sid, when in subjects.sessions[:MAX_SESSION_CHOICES]:
            self.session.addItem(local_time(when), sid)
        self._subjects = subjects
        self.set(self.kind.currentData(), goal, session)
        self.blockSignals(False)

    def set(self, kind: str | None, goal_id: str | None, session_id: str | None) -> None:
        if session_id is not None and self.session.findData(session_id) < 0:  # older than the choices
            when = self._subjects.session_time(session_id)
            if when is not None:
                self.session.addItem(when, session_id)
        for box, value in ((self.kind, kind), (self.goal, goal_id), (self.session, session_id)):
            box.setCurrentIndex(max(0, box.findData(value)))

    def kind_value(self) -> str:
        return self.kind.currentData() or NoteKind.NOTE.value

    def goal_id(self) -> str | None:
        return self.goal.currentData()

    def session_id(self) -> str | None:
        return self.session.currentData()

    def as_filter(self) -> NoteFilter:
        return NoteFilter(goal_id=self.goal_id(), session_id=self.session_id(), kind=self.kind.currentData())

    def clear(self) -> None:
        self.fill(Subjects())
