"""One meeting started on two laptops around UTC midnight is still one session: its id comes
from the day in the partnership's meeting zone (turning at 04:00 there), not from the UTC date
or from each laptop's own date."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sync_helpers import make_pair

from peercoach_desktop.coaching import schedule
from peercoach_desktop.coaching import sessions as runner
from peercoach_desktop.domain import meeting
from peercoach_desktop.domain.meeting_plan import Repeat
from peercoach_desktop.domain.model import Session
from peercoach_desktop.storage.browse import sessions_page

# Zones with summer time on either hemisphere, half- and quarter-hour offsets, and the date line.
ZONES = [
    "Europe/Berlin",
    "America/New_York",
    "America/Los_Angeles",
    "Australia/Sydney",
    "Pacific/Auckland",
    "Pacific/Chatham",
    "Asia/Kolkata",
    "Pacific/Kiritimati",
    "UTC",
]


@settings(max_examples=300, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    day=st.dates(datetime(2026, 1, 1).date(), datetime(2029, 12, 31).date()),
    start_minutes=st.integers(6 * 60, 22 * 60),  # a meeting starts between 06:00 and 22:00 there
    gap_minutes=st.integers(0, 5 * 60),  # the second laptop presses Start up to 5 h later
)
def test_two_presses_of_one_meeting_fall_on_the_same_day_whatever_the_utc_date(
    zone: str, day, start_minutes: int, gap_minutes: int
) -> None:  # type: ignore[no-untyped-def]
    local = datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(zone)) + timedelta(minutes=start_minutes)
    first = local.astimezone(UTC)
    second = first + timedelta(minutes=gap_minutes)
    assert meeting.meeting_day(first, zone) == meeting.meeting_day(second, zone) == day.isoformat()


def test_the_day_turns_at_four_in_the_morning_there() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    late = datetime(2026, 3, 6, 3, 59, tzinfo=berlin)
    assert meeting.meeting_day(late, "Europe/Berlin") == "2026-03-05"
    assert meeting.meeting_day(late + timedelta(minutes=1), "Europe/Berlin") == "2026-03-06"


@pytest.mark.parametrize("planned_in", [None, "America/New_York"])
def test_started_on_both_sides_of_utc_midnight_it_is_one_session(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, planned_in: str | None
) -> None:
    """Without a plan both laptops are in Sydney (a morning meeting at 11:00 there is midnight
    UTC); with a plan in New York (an evening meeting at 19:00 there is midnight UTC), the two
    laptops are in other zones, which do not matter."""
    pair = make_pair(tmp_path)
    try:
        pair.clock.advance((datetime(2026, 1, 5, 23, 58, tzinfo=UTC) - pair.clock.now()).total_seconds())
        if planned_in:  # next week's meeting: today's is unplanned (nothing due within hours)
            schedule.plan_meetings(
                pair.ana, pair.clock, Repeat.WEEKLY, next_at="2026-01-12T19:00", zone_name=planned_in
            )
            pair.send(pair.ana, pair.ben)
        monkeypatch.setenv("TZ", "Europe/Berlin" if planned_in else "Australia/Sydney")  # Ana's laptop
        a = runner.open_session(pair.ana, pair.clock)
        pair.clock.advance(4 * 60)  # Ben presses Start four minutes later: the next UTC day
        monkeypatch.setenv("TZ", "America/Los_Angeles" if planned_in else "Australia/Sydney")  # Ben's
        b = runner.open_session(pair.ben, pair.clock)
        assert (a.session.started_at or "")[:10] != (b.session.started_at or "")[:10]  # two UTC dates
        assert a.session.id == b.session.id

        pair.exchange()
        for store in (pair.ana, pair.ben):
            (row,) = sessions_page(store).rows  # one session, no second "Running" one
            assert row.session.id == a.session.id and len(store.list(Session)) == 1
    finally:
        pair.close()
