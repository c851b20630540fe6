"""Meetings at the hour people agreed: a local time in a zone that stays put across clock changes.

Fake clocks only; three zones with clock changes on different dates (Berlin and New York change
on different Sundays, Sydney's summer is Europe's winter)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from helpers import memory_library

from peercoach_desktop.coaching import schedule
from peercoach_desktop.domain.clock import FakeClock, parse_iso
from peercoach_desktop.domain.meeting_plan import Repeat, ScheduleError
from peercoach_desktop.storage.store import NotebookStore

# zone, a first meeting before that zone's next two clock changes
ZONES = [
    ("Europe/Berlin", "2027-03-18T15:00"),
    ("America/New_York", "2027-03-04T15:00"),
    ("Australia/Sydney", "2027-03-18T15:00"),
]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2027, 2, 1, 9, 0, tzinfo=UTC))


@pytest.fixture
def store(data_dir: Path, clock: FakeClock) -> NotebookStore:
    library = memory_library(data_dir)
    library.clock = clock
    created = library.create("Ana", "Ben").store
    yield created
    created.close()


@pytest.mark.parametrize(("zone", "first"), ZONES)
def test_a_biweekly_meeting_stays_at_its_local_hour_across_both_clock_changes(
    store: NotebookStore, clock: FakeClock, zone: str, first: str
) -> None:
    schedule.plan_meetings(store, clock, Repeat.WEEKLY, every_weeks=2, next_at=first, zone_name=zone)
    meetings = schedule.upcoming(store, clock.now(), 26)  # a year
    there = [m.at.astimezone(ZoneInfo(zone)) for m in meetings]
    assert {(t.hour, t.minute) for t in there} == {(15, 0)}
    assert len({t.utcoffset() for t in there}) == 2  # the year really crossed the changes
    assert {t.weekday() for t in there} == {there[0].weekday()}
    assert all(
        b - a in {timedelta(weeks=2, hours=h) for h in (-1, 0, 1)} for a, b in itertools.pairwise(there)
    )
    # The overview asks the store; after the spring change it still says 15:00 there.
    clock.advance(timedelta(days=70).total_seconds())
    shown = parse_iso(store.next_meeting(clock.now().isoformat()) or "").astimezone(ZoneInfo(zone))
    assert (shown.hour, shown.minute) == (15, 0)


def test_the_partner_in_another_zone_sees_the_same_instant_in_their_time(
    store: NotebookStore, clock: FakeClock
) -> None:
    schedule.plan_meetings(
        store, clock, Repeat.WEEKLY, every_weeks=2, next_at="2027-03-18T15:00", zone_name="Europe/Berlin"
    )
    first, second = schedule.upcoming(store, clock.now(), 2)
    in_new_york = [m.at.astimezone(ZoneInfo("America/New_York")) for m in (first, second)]
    # New York moved its clocks on 14 March, Berlin only on 28 March: 10:00 then 09:00 there.
    assert [t.hour for t in in_new_york] == [10, 9]


def test_monthly_meetings_keep_the_same_weekday_of_the_month(store: NotebookStore, clock: FakeClock) -> None:
    # 18 March 2027 is the third Thursday; 29 April the fifth, kept as "the last Thursday".
    schedule.plan_meetings(
        store, clock, Repeat.MONTHLY, next_at="2027-03-18T15:00", zone_name="Europe/Berlin"
    )
    days = [m.at.astimezone(ZoneInfo("Europe/Berlin")) for m in schedule.upcoming(store, clock.now(), 4)]
    assert [(d.month, d.day, d.hour) for d in days] == [(3, 18, 15), (4, 15, 15), (5, 20, 15), (6, 17, 15)]
    schedule.plan_meetings(
        store, clock, Repeat.MONTHLY, next_at="2027-04-29T15:00", zone_name="Europe/Berlin"
    )
    days = [m.at.astimezone(ZoneInfo("Europe/Berlin")) for m in schedule.upcoming(store, clock.now(), 3)]
    assert [(d.month, d.day) for d in days] == [(4, 29), (5, 27), (6, 24)]


def test_one_meeting_can_be_skipped_or_moved_and_the_rest_stay(
    store: NotebookStore, clock: FakeClock
) -> None:
    schedule.plan_meetings(store, clock, Repeat.WEEKLY, next_at="2027-03-18T15:00", zone_name="Europe/Berlin")
    schedule.skip(store, "2027-03-25T15:00")
    plan = schedule.move(store, clock, "2027-04-01T15:00", "2027-04-02T09:30")
    assert plan.sequence == 2
    local = [m.at.astimezone(ZoneInfo("Europe/Berlin")) for m in schedule.upcoming(store, clock.now(), 4)]
    assert [f"{t:%m-%d %H:%M}" for t in local] == ["03-18 15:00", "04-02 09:30", "04-08 15:00", "04-15 15:00"]
    with pytest.raises(ScheduleError):
        schedule.skip(store, "2027-03-26T15:00")  # no meeting then


def test_the_same_plan_twice_changes_nothing(store: NotebookStore, clock: FakeClock) -> None:
    args = {"every_weeks": 2, "next_at": "2027-03-18T15:00", "zone_name": "Europe/Berlin"}
    first = schedule.plan_meetings(store, clock, Repeat.WEEKLY, **args)
    version = store.partnership().version
    assert schedule.plan_meetings(store, clock, Repeat.WEEKLY, **args) == first
    assert store.partnership().version == version and first.sequence == 0
    assert store.partnership().cadence_weeks == 2


@pytest.mark.parametrize(
    ("next_at", "zone", "says"),
    [
        ("2027-01-20T15:00", "Europe/Berlin", "already passed"),
        ("2027-03-28T02:30", "Europe/Berlin", "does not exist"),  # the spring change skips 02:00-03:00
        ("2027-03-14T02:30", "America/New_York", "does not exist"),
        ("2027-10-03T02:30", "Australia/Sydney", "does not exist"),
        ("2027-03-18T15:00", "Mars/Olympus_Mons", "not a time zone"),
        ("2027-03-18T15:00", "../../etc/passwd", "not a time zone"),
    ],
)
def test_a_time_that_cannot_be_kept_is_refused_and_nothing_is_stored(
    store: NotebookStore, clock: FakeClock, next_at: str, zone: str, says: str
) -> None:
    before = store.partnership()
    with pytest.raises(ScheduleError, match=says):
        schedule.plan_meetings(store, clock, Repeat.WEEKLY, next_at=next_at, zone_name=zone)
    assert store.partnership() == before


def test_the_doubled_autumn_hour_is_its_first_occurrence_as_calendars_read_it(
    store: NotebookStore, clock: FakeClock
) -> None:
    schedule.plan_meetings(store, clock, Repeat.NONE, next_at="2027-10-31T02:30", zone_name="Europe/Berlin")
    [meeting] = schedule.upcoming(store, clock.now(), 5)
    assert meeting.at == datetime(2027, 10, 31, 0, 30, tzinfo=UTC)  # 02:30 summer time (+02:00)


def test_a_step_set_today_is_due_on_the_day_of_the_next_meeting(
    store: NotebookStore, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Australia/Sydney")
    # 08:30 in Sydney on 19 March is still 18 March in UTC: the due day is Sydney's.
    schedule.plan_meetings(
        store, clock, Repeat.WEEKLY, next_at="2027-03-19T08:30", zone_name="Australia/Sydney"
    )
    assert schedule.next_meeting_date(store, clock.now()).isoformat() == "2027-03-19"


def test_saving_the_series_again_later_keeps_its_start_and_its_exceptions(
    store: NotebookStore, clock: FakeClock
) -> None:
    schedule.plan_meetings(store, clock, Repeat.WEEKLY, next_at="2027-03-18T15:00", zone_name="Europe/Berlin")
    clock.advance(timedelta(days=60).total_seconds())  # the first meeting is long past
    schedule.skip(store, "2027-04-22T15:00")
    # The window shows the next meeting of the series and saves it with a new duration.
    plan = schedule.plan_meetings(
        store, clock, Repeat.WEEKLY, next_at="2027-04-08T15:00", zone_name="Europe/Berlin", minutes=60
    )
    assert (plan.start, plan.skipped, plan.minutes) == ("2027-03-18T15:00", ("2027-04-22T15:00",), 60)
    with pytest.raises(ScheduleError, match="already passed"):  # off the series, in the past
        schedule.plan_meetings(
            store, clock, Repeat.WEEKLY, next_at="2027-03-19T15:00", zone_name="Europe/Berlin"
        )
