"""A VTIMEZONE written the way calendar clients write them: one yearly RRULE per change.

icalendar can describe a zone too, but as a list of every past change date (RDATE) up to 2038.
Some readers keep only the first date of such a list (vobject does, seen in our tests), and then
every meeting after the spring change shows an hour late. Zones
whose clocks change on "the last Sunday of March"-style rules (all of Europe, North America,
Australia, ...) get the RRULE form here, checked against zoneinfo for the years it must hold;
any other zone lists its changes one component each (see `listed`).
"""

from __future__ import annotations

import calendar
import functools
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

CHECK_YEARS = 15  # how far ahead the yearly rule is confirmed against the tz database
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _offset(tz: ZoneInfo, at: datetime) -> timedelta:
    return at.astimezone(tz).utcoffset() or timedelta(0)


def _changes(tz: ZoneInfo, year: int) -> list[datetime]:
    """The instants (UTC, to the minute) at which the zone's offset changes in that year: a
    look at each month's start, then a bisection inside a month that changed (~60 lookups)."""
    found = []
    edges = [datetime(year, month, 1, tzinfo=UTC) for month in range(1, 13)] + [
        datetime(year + 1, 1, 1, tzinfo=UTC)
    ]
    offsets = [_offset(tz, edge) for edge in edges]
    for low, high, before, after in zip(edges, edges[1:], offsets, offsets[1:], strict=False):
        if before == after:
            continue  # (a zone changing there and back within one month is not described here)
        while high - low > timedelta(minutes=1):
            mid = (low + (high - low) / 2).replace(second=0, microsecond=0)
            if mid <= low:
                break
            low, high = (mid, high) if _offset(tz, mid) == before else (low, mid)
        found.append(high)
    return found


def _rule_day(local: datetime) -> int:
    """Which of its weekday in the month: 1..4, or -1 for the last one."""
    last = calendar.monthrange(local.year, local.month)[1]
    return -1 if local.day + 7 > last else (local.day - 1) // 7 + 1


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> int:
    first_weekday, length = calendar.monthrange(year, month)
    first = 1 + (weekday - first_weekday) % 7
    if n > 0:
        return first + 7 * (n - 1)
    return first + 7 * ((length - first) // 7)


@functools.lru_cache(maxsize=16)
def vtimezone(name: str, first_year: int) -> Timezone | None:
    """The zone with yearly rules valid from first_year on; None if its changes follow no such
    rule (the caller then lets icalendar describe it). Kept per process: the tz database does
    not change under a running app, and re-exports (the window's) cost ~0.9 ms less."""
    tz = ZoneInfo(name)
    base = first_year - 1  # a component must start before the first event
    changes = _changes(tz, base)
    component = Timezone()
    component.add("tzid", name)
    if not changes:
        offset = _offset(tz, datetime(base, 7, 1, tzinfo=UTC))
        if any(_changes(tz, year) for year in (first_year, first_year + 1)):
            return None
        standard = TimezoneStandard()
        standard.add("dtstart", datetime(1970, 1, 1))
        standard.add("tzoffsetfrom", offset)
        standard.add("tzoffsetto", offset)
        standard.add("tzname", datetime(base, 7, 1, tzinfo=UTC).astimezone(tz).tzname() or name)
        component.add_component(standard)
        return component
    if len(changes) != 2:
        return None
    for change in changes:
        before, after = _offset(tz, change - timedelta(minutes=1)), _offset(tz, change)
        wall = (change + before).replace(tzinfo=None)  # RFC 5545: DTSTART in the offset before
        n, weekday = _rule_day(wall), wall.weekday()
        for year in range(base + 1, base + CHECK_YEARS):
            day = _nth_weekday(year, wall.month, weekday, n)
            at = wall.replace(year=year, day=day).replace(tzinfo=UTC) - before
            if _offset(tz, at - timedelta(minutes=1)) != before or _offset(tz, at) != after:
                return None  # the rule changed (or is not a weekday rule): not describable this way
        local_after = change.astimezone(tz)
        part = TimezoneDaylight() if local_after.dst() else TimezoneStandard()
        part.add("dtstart", wall)
        part.add("tzoffsetfrom", before)
        part.add("tzoffsetto", after)
        part.add("tzname", local_after.tzname() or name)
        part.add("rrule", {"freq": "YEARLY", "bymonth": wall.month, "byday": f"{n}{_WEEKDAYS[weekday]}"})
        component.add_component(part)
    return component


def listed(name: str, first_year: int, years: int = CHECK_YEARS) -> Timezone:
    """A zone whose changes follow no weekday rule (Morocco, Israel, Chile...): one component
    per change, each with its own DTSTART and no RDATE list (which some readers cut short),
    for the years from first_year on."""
    tz = ZoneInfo(name)
    component = Timezone()
    component.add("tzid", name)
    base = first_year - 1
    start = datetime(base, 1, 1, tzinfo=UTC)
    first = TimezoneStandard()
    first.add("dtstart", (start + _offset(tz, start)).replace(tzinfo=None))
    first.add("tzoffsetfrom", _offset(tz, start))
    first.add("tzoffsetto", _offset(tz, start))
    first.add("tzname", start.astimezone(tz).tzname() or name)
    component.add_component(first)
    for year in range(base, base + years + 1):
        for change in _changes(tz, year):
            before, after = _offset(tz, change - timedelta(minutes=1)), _offset(tz, change)
            local_after = change.astimezone(tz)
            part = TimezoneDaylight() if local_after.dst() else TimezoneStandard()
            part.add("dtstart", (change + before).replace(tzinfo=None))
            part.add("tzoffsetfrom", before)
            part.add("tzoffsetto", after)
            part.add("tzname", local_after.tzname() or name)
            component.add_component(part)
    return component


@functools.lru_cache(maxsize=16)
def vtimezone_bytes(name: str, first_year: int) -> bytes:
    """The serialised VTIMEZONE (CRLF lines, folded): the yearly-rule form where the zone has
    one, else each change of the next CHECK_YEARS years on its own (~3 ms, once per zone)."""
    component = vtimezone(name, first_year) or listed(name, first_year)
    return component.to_ical()
