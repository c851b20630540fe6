"""Progress over months: meetings held and planned, next-step follow-through per peer,
talk-time balance, and each goal's status over time (from its history)."""

from __future__ import annotations

from dataclasses import dataclass, field

from peercoach_desktop.core.model import Goal, NextStep, Session, SessionStatus, StepStatus
from peercoach_desktop.core.store import NotebookStore


@dataclass
class Month:
    month: str  # "2026-03"
    held: int = 0
    planned: int = 0
    steps_set: dict[str, int] = field(default_factory=dict)  # peer id -> steps set that month
    steps_done: dict[str, int] = field(default_factory=dict)
    spoken: dict[str, int] = field(default_factory=dict)  # peer id -> seconds spoken

    def rate(self, peer_id: str) -> float | None:
        made = self.steps_set.get(peer_id, 0)
        return self.steps_done.get(peer_id, 0) / made if made else None


@dataclass(frozen=True)
class GoalChange:
    goal: Goal
    when: str  # ISO time
    status: str


@dataclass
class Progress:
    names: dict[str, str]
    peers: list[str]  # me, then partner
    months: list[Month]
    goal_changes: list[GoalChange]


def progress(store: NotebookStore) -> Progress:
    peers = [store.me_id, store.partner().id]
    months: dict[str, Month] = {}

    def month(moment: str | None) -> Month:
        key = (moment or "")[:7] or "unknown"
        return months.setdefault(key, Month(key))

    for session in store.list(Session):
        bucket = month(session.started_at or session.scheduled_at or session.created_at)
        if session.status == SessionStatus.DONE:
            bucket.held += 1
            for peer, seconds in session.seconds_by_speaker.items():
                bucket.spoken[peer] = bucket.spoken.get(peer, 0) + int(seconds)
        elif session.status in (SessionStatus.PLANNED, SessionStatus.RUNNING):
            bucket.planned += 1
    for step in store.list(NextStep):
        bucket = month(step.created_at)
        bucket.steps_set[step.owner_id] = bucket.steps_set.get(step.owner_id, 0) + 1
        if step.status == StepStatus.DONE:
            bucket.steps_done[step.owner_id] = bucket.steps_done.get(step.owner_id, 0) + 1
    changes: list[GoalChange] = []
    for goal in store.list(Goal):
        seen = [(goal.created_at, None)]
        seen += [(v.saved_at, v.fields.get("status")) for v in reversed(store.versions(goal.id))]
        statuses = [status for _when, status in seen[1:]] + [goal.status.value]
        last = None
        for (when, _before), status in zip(seen, statuses, strict=True):
            if status != last:
                changes.append(GoalChange(goal, when, status))
                last = status
    changes.sort(key=lambda c: c.when)
    names = {store.me_id: store.me().name, peers[1]: store.partner().name}
    return Progress(names, peers, [months[k] for k in sorted(months)], changes)
