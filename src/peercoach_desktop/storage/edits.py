"""The edits a notebook offers (goals, sessions, notes, next steps), with their checks.

NotebookEdits builds on NotebookBase (records and the write path) and NotebookStore on it: each
edit validates what the user gave, then writes through the one-transaction _add/_change, which
also advance the clock and the sync context.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from peercoach_desktop.domain.clock import iso, parse_iso
from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, Term, UsageError
from peercoach_desktop.domain.model import (
    DEFAULT_TURN_MINUTES,
    MAX_TURN_MINUTES,
    MIN_TURN_MINUTES,
    Goal,
    GoalStatus,
    NextStep,
    Note,
    NoteKind,
    Session,
    SessionStatus,
    StepStatus,
    Visibility,
)
from peercoach_desktop.storage.notebook_base import NotebookBase


def parse_date(text: str | None, what: str) -> str | None:
    if text is None or text == "":
        return None
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise UsageError(
            QT_TRANSLATE_NOOP("Core", "{what} must be a date like 2026-03-31, not {text!r}."),
            what=Term(what),
            text=text,
        ) from None


def require_text(text: str, what: str) -> str:
    if not text.strip():
        raise UsageError(QT_TRANSLATE_NOOP("Core", "{what} cannot be empty."), what=Term(what))
    return text


class NotebookEdits(NotebookBase):
    def add_goal(
        self,
        owner: str,
        title: str,
        *,
        why: str = "",
        success_criteria: str = "",
        target_date: str | None = None,
    ) -> Goal:
        return self._add(
            Goal,
            owner_id=self.peer_id(owner),
            title=require_text(title, QT_TRANSLATE_NOOP("Core", "A goal's title")).strip(),
            why=why,
            success_criteria=success_criteria,
            status=GoalStatus.ACTIVE,
            target_date=parse_date(target_date, QT_TRANSLATE_NOOP("Core", "A target date")),
        )

    def set_goal_status(self, goal_ref: str, status: str) -> Goal:
        return self._change(self.find(Goal, goal_ref), status=_goal_status(status))

    def update_goal(self, goal_id: str, **changes: Any) -> Goal:
        """Edit a goal's title, owner, why, success criteria, target date, progress or status."""
        goal = self.get(Goal, goal_id)
        clean: dict[str, Any] = {}
        for name, value in changes.items():
            if name == "title":
                clean[name] = require_text(value, QT_TRANSLATE_NOOP("Core", "A goal's title")).strip()
            elif name in ("why", "success_criteria"):
                clean[name] = value
            elif name == "owner":
                clean["owner_id"] = self.peer_id(value)
            elif name == "target_date":
                clean[name] = parse_date(value, QT_TRANSLATE_NOOP("Core", "A target date"))
            elif name == "progress":
                if not 0 <= int(value) <= 100:
                    raise UsageError(
                        QT_TRANSLATE_NOOP("Core", "Progress is a percentage from 0 to 100, not {value}."),
                        value=value,
                    )
                clean[name] = int(value)
            elif name == "status":
                clean[name] = _goal_status(value)
            else:
                raise UsageError(QT_TRANSLATE_NOOP("Core", "A goal has no field {name!r}."), name=name)
        if all(getattr(goal, name) == value for name, value in clean.items()):
            return goal
        return self._change(goal, **clean)

    def add_session(
        self,
        scheduled_at: str | None = None,
        minutes: int = DEFAULT_TURN_MINUTES,
        record_id: str | None = None,
    ) -> Session:
        """record_id: a meeting's own id (domain/meeting.py), which the partner's laptop derives
        too; its speakers are then in an order both laptops agree on."""
        if not MIN_TURN_MINUTES <= minutes <= MAX_TURN_MINUTES:
            raise UsageError(
                QT_TRANSLATE_NOOP(
                    "Core", "A turn lasts {min_turn_minutes} to {max_turn_minutes} minutes, not {minutes}."
                ),
                min_turn_minutes=MIN_TURN_MINUTES,
                max_turn_minutes=MAX_TURN_MINUTES,
                minutes=minutes,
            )
        when = self._clock.now() if scheduled_at is None else _parse_moment(scheduled_at)
        order = [self.me_id, self.partner().id]
        if record_id is not None and self.partnership().author_id == order[1]:
            order.reverse()  # both laptops: whoever made the partnership speaks first
        return self._add(
            Session,
            **({"id": record_id} if record_id else {}),
            scheduled_at=iso(when),
            started_at=None,
            ended_at=None,
            minutes_per_turn=minutes,
            speaker_order=order,
            seconds_by_speaker={peer: 0 for peer in order},
            status=SessionStatus.PLANNED,
        )

    def add_note(
        self,
        body: str,
        *,
        kind: str = NoteKind.NOTE,
        private: bool = False,
        session: str | None = None,
        goal: str | None = None,
        note_id: str | None = None,
    ) -> Note:
        """`note_id`: the window names a new note before it is saved, so edits queued behind
        the first save reach the same note."""
        note_kind = _note_kind(kind)
        return self._add(
            Note,
            _id=note_id,
            body=require_text(body, QT_TRANSLATE_NOOP("Core", "A note")),
            kind=note_kind,
            visibility=Visibility.PRIVATE if private else Visibility.SHARED,
            session_id=self._optional(Session, session),
            goal_id=self._optional(Goal, goal),
        )

    def update_note(self, note_id: str, body: str) -> Note:
        """The autosave path: one small transaction per debounced edit."""
        note = self.get(Note, note_id)
        if note.body == body:
            return note
        # New words: no longer just the version a conflict kept, so no longer marked as such.
        unmark = {"kept_from": {}} if note.kept_from else {}
        return self._change(note, body=body, **unmark)

    def set_note_private(self, note_id: str, private: bool) -> Note:
        visibility = Visibility.PRIVATE if private else Visibility.SHARED
        return self._change(self.get(Note, note_id), visibility=visibility)

    def set_note_links(self, note_id: str, *, kind: str, goal: str | None, session: str | None) -> Note:
        """What a note is about: its kind, goal and session (None: no goal, no session)."""
        note = self.get(Note, note_id)
        clean = {
            "kind": _note_kind(kind),
            "goal_id": self._optional(Goal, goal),
            "session_id": self._optional(Session, session),
        }
        if all(getattr(note, name) == value for name, value in clean.items()):
            return note
        return self._change(note, **clean)

    def add_step(
        self,
        owner: str,
        text: str,
        *,
        goal: str | None = None,
        due_date: str | None = None,
        session: str | None = None,
    ) -> NextStep:
        return self._add(
            NextStep,
            owner_id=self.peer_id(owner),
            text=require_text(text, QT_TRANSLATE_NOOP("Core", "A next step")).strip(),
            goal_id=self._optional(Goal, goal),
            due_date=parse_date(due_date, QT_TRANSLATE_NOOP("Core", "A due date")),
            status=StepStatus.OPEN,
            set_in_session_id=self._optional(Session, session),
            reviewed_in_session_id=None,
        )

    def update_step(self, step_id: str, **changes: Any) -> NextStep:
        """Edit a next step's text, owner ('me'/'partner'), due date or goal."""
        step = self.get(NextStep, step_id)
        clean: dict[str, Any] = {}
        for name, value in changes.items():
            if name == "text":
                clean[name] = require_text(value, QT_TRANSLATE_NOOP("Core", "A next step")).strip()
            elif name == "owner":
                clean["owner_id"] = self.peer_id(value)
            elif name == "due_date":
                clean[name] = parse_date(value, QT_TRANSLATE_NOOP("Core", "A due date"))
            elif name == "goal":
                clean["goal_id"] = self._optional(Goal, value)
            else:
                raise UsageError(QT_TRANSLATE_NOOP("Core", "A next step has no field {name!r}."), name=name)
        if all(getattr(step, name) == value for name, value in clean.items()):
            return step
        return self._change(step, **clean)

    def set_step_status(self, step_ref: str, status: StepStatus, reviewed_in: str | None = None) -> NextStep:
        step = self.find(NextStep, step_ref)
        return self._change(step, status=status, reviewed_in_session_id=self._optional(Session, reviewed_in))


def _note_kind(kind: str) -> NoteKind:
    try:
        return NoteKind(kind)
    except ValueError:
        allowed = ", ".join(k.value for k in NoteKind)
        raise UsageError(
            QT_TRANSLATE_NOOP("Core", "A note's kind is one of {allowed}; not {kind!r}."),
            allowed=allowed,
            kind=kind,
        ) from None


def _goal_status(status: str) -> GoalStatus:
    try:
        return GoalStatus(status)
    except ValueError:
        allowed = ", ".join(s.value for s in GoalStatus)
        raise UsageError(
            QT_TRANSLATE_NOOP("Core", "A goal's status is one of {allowed}; not {status!r}."),
            allowed=allowed,
            status=status,
        ) from None


def _parse_moment(text: str) -> Any:
    try:
        return parse_iso(text)
    except ValueError:
        raise UsageError(
            QT_TRANSLATE_NOOP("Core", "A time must look like 2026-03-31T15:00, not {text!r}."), text=text
        ) from None
