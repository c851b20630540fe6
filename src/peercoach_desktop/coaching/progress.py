"""Progress over months: meetings held and planned, next-step follow-through per peer,
talk-time balance, and each goal's status over time (from its history)."""

from __future__ import annotations

from dataclasses import dataclass, field

from peercoach_desktop.domain.model import Goal, SessionStatus
from peercoach_desktop.storage.store import NotebookStore


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

    def month(key: str) -> Month:
        return months.setdefault(key, Month(key))

    figures = store.monthly_figures()
    for key, status, count in figures.sessions:
        bucket = month(key)  # a month of cancelled sessions only is listed too, with zeros
        if status == SessionStatus.DONE:
            bucket.held += count
        elif status in (SessionStatus.PLANNED, SessionStatus.RUNNING):
            bucket.planned += count
    for key, peer, seconds in figures.spoken:
        month(key).spoken[peer] = seconds
    for key, owner, made, done in figures.steps:
        bucket = month(key)
        bucket.steps_set[owner] = made
        if done:
            bucket.steps_done[owner] = done
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
