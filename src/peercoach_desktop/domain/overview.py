"""What the overview of a partnership shows, as plain data: read by storage.browse, drawn by
the window's overview. Here, below both, so the window can hold one without importing the
notebook core (a read-ahead first screen arrives in it from another process: vault.first_screen)."""

from __future__ import annotations

from dataclasses import dataclass, field

from peercoach_desktop.domain.accountability import FollowThrough
from peercoach_desktop.domain.model import Goal, NextStep, Peer

# The overview lists this many open steps (soonest due first) and counts the rest: reading and
# building 5,000 open steps at 100k notes took ~140 ms of every start, twice over.
OVERVIEW_STEPS = 30


@dataclass(frozen=True)
class GoalProgress:
    goal: Goal
    steps_done: int
    steps_total: int


@dataclass(frozen=True)
class Overview:
    title: str
    me: Peer
    partner: Peer
    next_meeting: str | None
    open_steps: list[NextStep]  # the OVERVIEW_STEPS due soonest
    goals: list[GoalProgress]  # active goals
    note_count: int
    session_count: int
    open_step_count: int = 0  # every open step of both peers
    follow_through: list[FollowThrough] = field(default_factory=list)  # me, then partner
    open_session_since: str | None = None  # when the session still running was started

    def name_of(self, peer_id: str) -> str:
        return {self.me.id: self.me.name, self.partner.id: self.partner.name}.get(peer_id, "?")
