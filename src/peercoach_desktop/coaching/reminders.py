"""When to remind: before a meeting, and on the morning one of my next steps is due or overdue.

An Agenda holds times and counts only, never a word the user wrote, a goal or a name: it is
what the window keeps while locked (the notebooks are closed then), and a reminder made from
it can be shown anywhere, even in the desktop's notification history.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from peercoach_desktop.coaching import schedule
from peercoach_desktop.domain.clock import iso
from peercoach_desktop.domain.model import NextStep, StepStatus
from peercoach_desktop.storage.store import NotebookStore

MORNING = time(8, 0)  # local: the step reminder comes with the working day, not at midnight
MEETINGS_AHEAD = 5


@dataclass(frozen=True)
class Agenda:
    meetings: tuple[datetime, ...] = ()  # coming meetings of every open partnership (UTC)
    steps_due: tuple[date, ...] = ()  # due dates of my open next steps


@dataclass(frozen=True)
class Reminder:
    key: str  # each reminder is shown once
    kind: str  # "meeting" or "steps"
    count: int  # minutes to the meeting, or how many steps are due


@dataclass
class Reminded:
    """What was shown already (this run of the app)."""

    keys: set[str] = field(default_factory=set)


def agenda_of(store: NotebookStore, now: datetime) -> Agenda:
    meetings = tuple(m.at for m in schedule.upcoming(store, now, MEETINGS_AHEAD))
    due = tuple(
        date.fromisoformat(s.due_date)
        for s in store.list(NextStep, owner_id=store.me_id, status=StepStatus.OPEN)
        if s.due_date and _is_date(s.due_date)
    )
    return Agenda(meetings, due)


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def combined(agendas: Iterable[Agenda]) -> Agenda:
    meetings: list[datetime] = []
    due: list[date] = []
    for agenda in agendas:
        meetings += agenda.meetings
        due += agenda.steps_due
    return Agenda(tuple(sorted(meetings)), tuple(sorted(due)))


def due_now(agenda: Agenda, now: datetime, before: timedelta, reminded: Reminded) -> list[Reminder]:
    """The reminders to show at `now` (aware); marks them as shown."""
    found = []
    for at in agenda.meetings:
        key = f"meeting:{iso(at)}"
        if at - before <= now < at and key not in reminded.keys:
            minutes = max(1, round((at - now).total_seconds() / 60))
            found.append(Reminder(key, "meeting", minutes))
    local = now.astimezone()  # this laptop's morning
    steps = sum(1 for day in agenda.steps_due if day <= local.date())
    key = f"steps:{local.date().isoformat()}"
    if steps and local.time() >= MORNING and key not in reminded.keys:
        found.append(Reminder(key, "steps", steps))
    reminded.keys.update(r.key for r in found)
    return found
