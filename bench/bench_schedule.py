"""Schedule budget (issue 18): the next 52 meetings and the calendar file, <= 5 ms.

A weekly Berlin series that started a year ago (so the past is stepped over), with skipped and
moved meetings and a one-off. Floors measured in the same run: reading the partnership record
(what any schedule must read) and icalendar serialising one plain event (what any .ics costs).
Prints OVER BUDGET and exits 1 when a median is over its budget.

.venv/bin/python bench/bench_schedule.py
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from common import median_ms, report, timed
from icalendar import Calendar, Event

from peercoach_desktop.coaching import calendar_file, calendar_zone, schedule
from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.domain.meeting_plan import Repeat
from peercoach_desktop.system.files import write_atomic
from peercoach_desktop.vault.keystore import MemoryKeyStore
from peercoach_desktop.vault.library import Library

BUDGET_MS = 5.0


def plain_event() -> bytes:
    cal = Calendar()
    event = Event()
    event.add("uid", "floor@peercoach-desktop")
    event.add("dtstart", datetime(2027, 3, 18, 14, tzinfo=UTC))
    event.add("duration", timedelta(minutes=50))
    cal.add_component(event)
    return cal.to_ical()


def main() -> int:
    work = Path(tempfile.mkdtemp())
    clock = FakeClock(datetime(2026, 3, 1, 9, tzinfo=UTC))
    store = Library(work, MemoryKeyStore(), clock).create("Ana", "Ben").store
    schedule.plan_meetings(
        store, clock, Repeat.WEEKLY, every_weeks=1, next_at="2026-03-19T15:00", zone_name="Europe/Berlin"
    )
    for week in range(60, 66):
        day = datetime(2026, 3, 19, 15) + timedelta(weeks=week)
        schedule.skip(store, day.strftime("%Y-%m-%dT%H:%M"))
    clock.advance(timedelta(days=365).total_seconds())
    schedule.move(store, clock, "2027-04-01T15:00", "2027-04-02T09:00")
    schedule.add_one_off(store, clock, "2027-03-20T11:00", "Europe/Berlin")

    def ours() -> bytes:
        assert len(schedule.upcoming(store, clock.now(), 52)) == 52
        return calendar_file.calendar_bytes(store, clock)

    floor = median_ms(timed(lambda: (store.partnership(), plain_event()), 200))
    compute = median_ms(timed(ours, 200))
    report("next 52 meetings + the .ics (in memory)", compute, floor, f"<= {BUDGET_MS:g} ms")

    def cold() -> bytes:
        calendar_zone.vtimezone.cache_clear()  # the first export in a process describes the zone
        calendar_zone.vtimezone_bytes.cache_clear()
        return ours()

    first = median_ms(timed(cold, 100))
    report("... the first export in a process", first, floor, f"<= {BUDGET_MS:g} ms")
    target = work / "meetings.ics"
    data = ours()
    write_floor = median_ms(timed(lambda: write_atomic(target, data), 50))
    written = median_ms(timed(lambda: calendar_file.write_ics(store, clock, target), 50))
    report("... and written to a file (atomic, fsync)", written, write_floor, "reported; fsync is the disk's")
    store.close()
    over = [ms for ms in (compute, first) if ms > BUDGET_MS]
    for ms in over:
        print(f"OVER BUDGET: next 52 meetings + the .ics took {ms:.3f} ms (budget {BUDGET_MS:g} ms)")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
