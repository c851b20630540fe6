"""The records of one partnership's notebook.

Every record carries what sync needs to merge without a schema change: a UUID,
created/updated times, a hybrid-logical-clock version, its author and a tombstone.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class GoalStatus(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    ACHIEVED = "achieved"
    DROPPED = "dropped"


class SessionStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    DONE = "done"
    CANCELLED = "cancelled"


class NoteKind(StrEnum):
    NOTE = "note"
    REFLECTION = "reflection"
    FEEDBACK = "feedback"


class Visibility(StrEnum):
    SHARED = "shared"
    PRIVATE = "private"


class StepStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


MIN_TURN_MINUTES = 5
MAX_TURN_MINUTES = 30
DEFAULT_TURN_MINUTES = 15


@dataclass
class Record:
    id: str
    created_at: str
    updated_at: str
    version: str
    author_id: str
    deleted: bool

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Partnership(Record):
    title: str
    cadence_weeks: int | None = None  # meet every N weeks; None = no rhythm set
    # The agreed meetings in local time and zone: MeetingPlan.to_dict() (domain/meeting_plan.py);
    # {} = none. Replaces cadence_weeks, which is kept in step for older readers of --json.
    meeting_plan: dict[str, Any] = field(default_factory=dict)


@dataclass
class Peer(Record):
    name: str


@dataclass
class Goal(Record):
    owner_id: str
    title: str
    why: str
    success_criteria: str
    status: GoalStatus
    target_date: str | None
    progress: int = 0  # percent, set by its owner


@dataclass
class Session(Record):
    scheduled_at: str | None
    started_at: str | None
    ended_at: str | None
    minutes_per_turn: int
    speaker_order: list[str]
    seconds_by_speaker: dict[str, int]
    status: SessionStatus
    timer_state: dict[str, Any] = field(default_factory=dict)  # SessionTimer.to_dict(), saved on each change


@dataclass
class Note(Record):
    body: str
    kind: NoteKind
    visibility: Visibility
    session_id: str | None
    goal_id: str | None
    # Set when "Keep both" settled a conflict: whose version of the note this copy keeps and when
    # it was written ({"by": peer id, "at": ISO time}), so both copies are recognisable in the
    # Notes list, on both laptops (it is synced). {} for every other note; an edit clears it.
    kept_from: dict[str, str] = field(default_factory=dict)


@dataclass
class NextStep(Record):
    owner_id: str
    text: str
    goal_id: str | None
    due_date: str | None
    status: StepStatus
    set_in_session_id: str | None
    reviewed_in_session_id: str | None


@dataclass
class Feedback(Record):
    """One peer's feedback to the other on how the coaching went (situation, behaviour, impact)."""

    session_id: str
    giver_id: str
    receiver_id: str
    situation: str
    behaviour: str
    impact: str


@dataclass
class UserPrompt(Record):
    """A prompt the user added, or their edit or hiding of a built-in one (same prompt_id)."""

    prompt_id: str
    text: str
    category: str
    phase: str
    why: str
    hidden: bool


@dataclass
class SessionTemplate(Record):
    """A protocol template the user copied and edited (core/templates.py validates it)."""

    name: str
    description: str
    phases: list[dict[str, Any]]  # each: name, kind, minutes, speaker, prompts


@dataclass
class SearchHit:
    kind: str  # "note", "goal" or "step"
    record_id: str
    title: str
    snippet: str
    private: bool


@dataclass
class NotebookSnapshot:
    """The whole readable notebook, as `peercoach show` and the window overview see it."""

    notebook_id: str
    partnership_id: str
    title: str
    me: Peer
    partner: Peer
    goals: list[Goal] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    steps: list[NextStep] = field(default_factory=list)
    feedback: list[Feedback] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
