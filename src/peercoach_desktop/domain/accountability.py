"""Accountability: how often each peer follows through on the next steps they set.

follow-through = done / steps whose outcome is known, over the steps set in the last
few sessions. A step's outcome is known once it is done or dropped, reviewed at a
check-in, or past its due date; a step that is still open and not yet due does not
count against anyone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from peercoach_desktop.domain.model import NextStep, Session, SessionStatus, StepStatus

DEFAULT_LAST_SESSIONS = 5


@dataclass
class FollowThrough:
    peer_id: str
    done: int
    set: int
    overdue: list[NextStep] = field(default_factory=list)

    @property
    def rate(self) -> float | None:
        return self.done / self.set if self.set else None

    def to_dict(self) -> dict[str, object]:
        return {
            "peer_id": self.peer_id,
            "done": self.done,
            "set": self.set,
            "rate": None if self.rate is None else round(self.rate, 3),
            "overdue": [s.id for s in self.overdue],
        }


def is_overdue(step: NextStep, today: date) -> bool:
    return step.status == StepStatus.OPEN and step.due_date is not None and step.due_date < today.isoformat()


def follow_through(
    peer_id: str,
    sessions: list[Session],
    steps: list[NextStep],
    today: date,
    last_sessions: int = DEFAULT_LAST_SESSIONS,
) -> FollowThrough:
    held = [s for s in sessions if s.status in (SessionStatus.DONE, SessionStatus.RUNNING) and not s.deleted]
    held.sort(key=lambda s: s.started_at or s.scheduled_at or "")
    recent = {s.id for s in held[-last_sessions:]}
    mine = [s for s in steps if s.owner_id == peer_id and not s.deleted]
    counted = [
        s
        for s in mine
        if s.set_in_session_id in recent
        and (s.status != StepStatus.OPEN or s.reviewed_in_session_id or is_overdue(s, today))
    ]
    done = sum(1 for s in counted if s.status == StepStatus.DONE)
    overdue = sorted((s for s in mine if is_overdue(s, today)), key=lambda s: s.due_date or "")
    return FollowThrough(peer_id, done, len(counted), overdue)
