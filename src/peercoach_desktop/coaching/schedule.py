"""When the partners meet: the next meeting, a rhythm of every N weeks, and an .ics export.

The calendar file names no person and no goal ("Peer coaching session"), so nothing a
user wrote leaves the encrypted notebook through it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from peercoach_desktop.domain.clock import Clock, iso, parse_iso
from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, UsageError
from peercoach_desktop.domain.model import Partnership, Session, SessionStatus
from peercoach_desktop.storage.files import write_atomic
from peercoach_desktop.storage.store import NotebookStore

MAX_CADENCE_WEEKS = 12
DEFAULT_GAP = timedelta(weeks=1)  # when no meeting and no rhythm is known
EVENT_TITLE = "Peer coaching session"
BREAK_MINUTES = 20  # check-in, feedback and next steps around the two turns


def set_cadence(store: NotebookStore, every_weeks: int | None) -> Partnership:
    if every_weeks is not None and not 1 <= every_weeks <= MAX_CADENCE_WEEKS:
        raise UsageError(
            QT_TRANSLATE_NOOP("Core", "Meet every 1 to {max_cadence_weeks} weeks, not {every_weeks}."),
            max_cadence_weeks=MAX_CADENCE_WEEKS,
            every_weeks=every_weeks,
        )
    return store.change_record(store.partnership(), cadence_weeks=every_weeks)


def planned(store: NotebookStore, now: datetime) -> list[Session]:
    """Planned sessions from now on, earliest first."""
    found = [
        s
        for s in store.list(Session)
        if s.status == SessionStatus.PLANNED and s.scheduled_at and parse_iso(s.scheduled_at) >= now
    ]
    return sorted(found, key=lambda s: s.scheduled_at or "")


def next_meeting(store: NotebookStore, now: datetime) -> datetime:
    """The next planned meeting; else now plus the rhythm (or a week)."""
    upcoming = planned(store, now)
    if upcoming and upcoming[0].scheduled_at:
        return parse_iso(upcoming[0].scheduled_at)
    weeks = store.partnership().cadence_weeks
    return now + (timedelta(weeks=weeks) if weeks else DEFAULT_GAP)


def next_meeting_date(store: NotebookStore, now: datetime) -> date:
    """The default due date of a next step set today."""
    return next_meeting(store, now).date()


def schedule(
    store: NotebookStore, clock: Clock, every_weeks: int | None, next_at: str | None
) -> Session | None:
    """Set the rhythm and, if given, plan the next meeting (once: the same time twice is one meeting)."""
    set_cadence(store, every_weeks)
    if next_at is None:
        return plan_following(store, clock)
    when = iso(_moment(next_at))
    same = [s for s in store.list(Session) if s.scheduled_at == when and s.status == SessionStatus.PLANNED]
    return same[0] if same else store.add_session(when)


def plan_following(store: NotebookStore, clock: Clock, after: Session | None = None) -> Session | None:
    """With a rhythm and nothing planned ahead, plan the next meeting N weeks after the last one."""
    weeks = store.partnership().cadence_weeks
    now = clock.now()
    if not weeks or planned(store, now):
        return None
    held = [s for s in store.list(Session) if s.scheduled_at]
    base = after or max(held, key=lambda s: s.scheduled_at or "", default=None)
    start = parse_iso(base.scheduled_at) if base and base.scheduled_at else now
    minutes = base.minutes_per_turn if base else None
    when = start + timedelta(weeks=weeks)
    while when < now:
        when += timedelta(weeks=weeks)
    return store.add_session(iso(when), minutes) if minutes else store.add_session(iso(when))


def _moment(text: str) -> datetime:
    try:
        return parse_iso(text)
    except ValueError:
        raise UsageError(
            QT_TRANSLATE_NOOP("Core", "A time must look like 2026-03-31T15:00, not {text!r}."), text=text
        ) from None


def calendar_bytes(store: NotebookStore, clock: Clock) -> bytes:
    """The planned meetings as iCalendar; with a rhythm, the next one repeats every N weeks."""
    from icalendar import Calendar, Event

    now = clock.now()
    weeks = store.partnership().cadence_weeks
    cal = Calendar()
    cal.add("prodid", "-//PeerCoach Desktop//peercoach//EN")
    cal.add("version", "2.0")
    upcoming = planned(store, now)
    rule_start = parse_iso(upcoming[0].scheduled_at) if upcoming and upcoming[0].scheduled_at else None
    for index, session in enumerate(upcoming):
        start = parse_iso(session.scheduled_at or "")
        on_rule = (
            weeks
            and rule_start is not None
            and index > 0
            and (start - rule_start) % timedelta(weeks=weeks) == timedelta(0)
        )
        if on_rule:
            continue  # the repeating event already shows it
        event = Event()
        event.add("uid", f"{session.id}@peercoach-desktop")
        event.add("summary", EVENT_TITLE)
        event.add("dtstamp", now)
        event.add("dtstart", start)
        event.add("duration", timedelta(minutes=2 * session.minutes_per_turn + BREAK_MINUTES))
        if weeks and index == 0:
            event.add("rrule", {"freq": "weekly", "interval": weeks})
        cal.add_component(event)
    return cal.to_ical()


def write_ics(store: NotebookStore, clock: Clock, target: Path) -> int:
    """Write the calendar atomically; returns how many events it holds."""
    data = calendar_bytes(store, clock)
    write_atomic(target, data)
    return data.count(b"BEGIN:VEVENT")
