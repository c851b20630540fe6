"""The agreed meetings as an iCalendar file that every calendar reads the same way.

The series is one VEVENT whose UID never changes (derived from the partnership, so a second
export, or the partner's, updates the same series instead of adding one), with DTSTART in the
meetings' zone (TZID plus the VTIMEZONE it needs: 15:00 stays 15:00 across clock changes), the
RRULE of the cadence, skipped meetings as EXDATE and moved ones as their own VEVENT with a
RECURRENCE-ID. SEQUENCE is the plan's change count, so a calendar replaces what it imported
before. One-off meetings are their own events.

The file names no person and no goal ("Peer coaching session"): nothing a user wrote leaves
the encrypted notebook through it.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from icalendar import Alarm, Calendar, Event, vRecur

from peercoach_desktop.coaching import calendar_zone, schedule
from peercoach_desktop.domain.clock import Clock, parse_iso
from peercoach_desktop.domain.meeting_plan import MeetingPlan, Repeat, nth_weekday, parse_local, zone
from peercoach_desktop.storage.files import write_atomic
from peercoach_desktop.storage.local_zone import local_zone_name
from peercoach_desktop.storage.store import NotebookStore

EVENT_TITLE = "Peer coaching session"
DEFAULT_ALARM_MINUTES = 15
PRODID = "-//PeerCoach Desktop//peercoach//EN"
_SERIES_NAMESPACE = uuid.UUID("6f1c2a64-3b8e-4d0a-9a7e-1d5b2c9e8f40")
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def series_uid(partnership_id: str) -> str:
    """The series' UID for ever: a name-based UUID, so it does not show the partnership id."""
    return f"{uuid.uuid5(_SERIES_NAMESPACE, partnership_id)}@peercoach-desktop"


def calendar_bytes(
    store: NotebookStore, clock: Clock, alarm_minutes: int | None = DEFAULT_ALARM_MINUTES
) -> bytes:
    """The series and the one-off meetings still to come; `alarm_minutes` None = no reminder."""
    now = clock.now()
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    plan = schedule.plan_of(store)
    if plan is not None and (plan.repeat != Repeat.NONE or plan.meetings_after(now, 1)):
        for event in _series(plan, series_uid(store.partnership_id), now):
            _finish(event, now, alarm_minutes)
            cal.add_component(event)
    tz = plan.tz if plan else zone(local_zone_name())
    first_year = plan.first.year if plan else now.year
    described = calendar_zone.vtimezone_bytes(tz.key, min(first_year, now.year))
    for session in schedule.one_offs(store, now, plan):
        event = Event()
        event.add("uid", f"{session.id}@peercoach-desktop")
        event.add("sequence", 0)
        event.add("dtstart", parse_iso(session.scheduled_at or "").astimezone(tz))
        event.add("duration", timedelta(minutes=2 * session.minutes_per_turn + schedule.BREAK_MINUTES))
        _finish(event, now, alarm_minutes)
        cal.add_component(event)
    if described is None:
        cal.add_missing_timezones()  # a zone without a yearly rule: icalendar lists its changes
        return cal.to_ical()
    # The zone's text is the same for every export (serialising it is a third of the cost), so it
    # is kept and put where clients expect it: before the first event.
    data = cal.to_ical()
    at = data.find(b"BEGIN:VEVENT")
    at = at if at >= 0 else data.rfind(b"END:VCALENDAR")
    return data[:at] + described + data[at:]


def _series(plan: MeetingPlan, uid: str, now: datetime) -> list[Event]:
    tz = plan.tz
    main = Event()
    main.add("uid", uid)
    main.add("sequence", plan.sequence)
    main.add("dtstart", plan.first.replace(tzinfo=tz))
    main.add("duration", plan.duration)
    if plan.repeat != Repeat.NONE:
        main.add("rrule", _rule(plan))
    for skipped in plan.skipped:
        main.add("exdate", parse_local(skipped).replace(tzinfo=tz))
    events = [main]
    for original, new in plan.moved:
        moved = Event()
        moved.add("uid", uid)
        moved.add("sequence", plan.sequence)
        moved.add("recurrence-id", parse_local(original).replace(tzinfo=tz))
        moved.add("dtstart", parse_local(new).replace(tzinfo=tz))
        moved.add("duration", plan.duration)
        events.append(moved)
    return events


def _rule(plan: MeetingPlan) -> vRecur:
    day = _WEEKDAYS[plan.first.weekday()]
    if plan.repeat == Repeat.MONTHLY:
        return vRecur({"freq": "MONTHLY", "byday": f"{nth_weekday(plan.first)}{day}"})
    return vRecur({"freq": "WEEKLY", "interval": plan.every, "byday": day})


def _finish(event: Event, now: datetime, alarm_minutes: int | None) -> None:
    event.add("summary", EVENT_TITLE)
    event.add("dtstamp", now)
    if alarm_minutes:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", EVENT_TITLE)
        alarm.add("trigger", timedelta(minutes=-alarm_minutes))
        event.add_component(alarm)


def write_ics(store: NotebookStore, clock: Clock, target: Path, **options: Any) -> int:
    """Write the calendar atomically; returns how many events (series count as one) it holds."""
    data = calendar_bytes(store, clock, **options)
    write_atomic(target, data)
    return data.count(b"BEGIN:VEVENT") - data.count(b"RECURRENCE-ID")
