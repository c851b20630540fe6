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
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from peercoach_desktop.coaching import calendar_zone, schedule
from peercoach_desktop.domain.clock import Clock, parse_iso
from peercoach_desktop.domain.meeting_plan import (
    DEFAULT_ALARM_MINUTES,
    MeetingPlan,
    Repeat,
    nth_weekday,
    parse_local,
    zone,
)
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.system.files import write_atomic
from peercoach_desktop.system.local_zone import local_zone_name

EVENT_TITLE = "Peer coaching session"
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
    plan = schedule.plan_of(store)
    tz = plan.tz if plan else zone(local_zone_name())
    first_year = plan.first.year if plan else now.year
    stamp = _utc(now)
    events: list[list[str]] = []
    if plan is not None and (plan.repeat != Repeat.NONE or plan.meetings_after(now, 1)):
        events += _series(plan, series_uid(store.partnership_id))
    for session in schedule.one_offs(store, now, plan):
        start = parse_iso(session.scheduled_at or "").astimezone(tz).replace(tzinfo=None)
        minutes = 2 * session.minutes_per_turn + schedule.BREAK_MINUTES
        events.append(
            [
                f"UID:{session.id}@peercoach-desktop",
                "SEQUENCE:0",
                _local(tz.key, "DTSTART", start),
                _duration(minutes),
            ]
        )
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    head = "\r\n".join(lines).encode("ascii") + b"\r\n"
    body: list[str] = []
    for event in events:
        body += ["BEGIN:VEVENT", f"SUMMARY:{EVENT_TITLE}", f"DTSTAMP:{stamp}", *event]
        if alarm_minutes:
            body += [
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                f"DESCRIPTION:{EVENT_TITLE}",
                "TRIGGER:-" + _duration(alarm_minutes).removeprefix("DURATION:"),
                "END:VALARM",
            ]
        body.append("END:VEVENT")
    body.append("END:VCALENDAR")
    described = calendar_zone.vtimezone_bytes(tz.key, min(first_year, now.year))
    return head + described + "\r\n".join(_fold(line) for line in body).encode("ascii") + b"\r\n"


# The event lines are written here rather than through icalendar objects (which cost ~0.2 ms a
# line, most of the 5 ms budget): every value is ours (times, counts, a fixed title, ASCII zone
# names), so nothing needs escaping; the tests read the file back with an independent parser.


def _series(plan: MeetingPlan, uid: str) -> list[list[str]]:
    name = plan.zone
    main = [
        f"UID:{uid}",
        f"SEQUENCE:{plan.sequence}",
        _local(name, "DTSTART", plan.first),
        _duration(plan.minutes),
    ]
    if plan.repeat != Repeat.NONE:
        main.append(f"RRULE:{_rule(plan)}")
    main += [_local(name, "EXDATE", parse_local(skipped)) for skipped in plan.skipped]
    events = [main]
    for original, new in plan.moved:
        events.append(
            [
                f"UID:{uid}",
                f"SEQUENCE:{plan.sequence}",
                _local(name, "RECURRENCE-ID", parse_local(original)),
                _local(name, "DTSTART", parse_local(new)),
                _duration(plan.minutes),
            ]
        )
    return events


def _rule(plan: MeetingPlan) -> str:
    day = _WEEKDAYS[plan.first.weekday()]
    if plan.repeat == Repeat.MONTHLY:
        return f"FREQ=MONTHLY;BYDAY={nth_weekday(plan.first)}{day}"
    return f"FREQ=WEEKLY;INTERVAL={plan.every};BYDAY={day}"


def _local(zone_name: str, name: str, moment: datetime) -> str:
    return f"{name};TZID={zone_name}:{moment:%Y%m%dT%H%M%S}"


def _utc(moment: datetime) -> str:
    return f"{moment.astimezone(UTC):%Y%m%dT%H%M%SZ}"


def _duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return "DURATION:PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest else "")


def _fold(line: str) -> str:
    """RFC 5545 lines are at most 75 octets; longer ones continue after CRLF and a space."""
    if len(line) <= 75:
        return line
    parts = [line[:75]] + [line[i : i + 74] for i in range(75, len(line), 74)]
    return "\r\n ".join(parts)


def write_ics(store: NotebookStore, clock: Clock, target: Path, **options: Any) -> int:
    """Write the calendar atomically; returns how many events (series count as one) it holds."""
    data = calendar_bytes(store, clock, **options)
    write_atomic(target, data)
    return data.count(b"BEGIN:VEVENT") - data.count(b"RECURRENCE-ID")
