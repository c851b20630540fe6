"""The .ics read by an independent parser (vobject: its own reader, VTIMEZONE and RRULE
expansion), as another calendar would: the agreed local hour never moves, the series keeps
one UID, exceptions and reminders come through, and no name is in the file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import vobject
from helpers import memory_library

from peercoach_desktop.coaching import calendar_file, schedule
from peercoach_desktop.domain.clock import FakeClock, Version
from peercoach_desktop.domain.meeting_plan import Repeat
from peercoach_desktop.storage.store import NotebookStore

ZONES = [
    ("Europe/Berlin", "2027-03-18T15:00"),
    ("America/New_York", "2027-03-04T15:00"),
    ("Australia/Sydney", "2027-03-18T15:00"),
    # no weekday rule: each change listed (Israel: the Friday before the last Sunday; Chile)
    ("Asia/Jerusalem", "2027-03-18T15:00"),
    ("America/Santiago", "2027-03-18T15:00"),
]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2027, 2, 1, 9, 0, tzinfo=UTC))


@pytest.fixture
def store(data_dir: Path, clock: FakeClock) -> NotebookStore:
    library = memory_library(data_dir)
    library.clock = clock
    created = library.create("Ana Quokka", "Ben Wombat").store
    yield created
    created.close()


def read(store: NotebookStore, clock: FakeClock, tmp_path: Path, **options: object) -> vobject.base.Component:
    target = tmp_path / "meetings.ics"
    calendar_file.write_ics(store, clock, target, **options)
    return vobject.readOne(target.read_text(encoding="utf-8"))


def series_of(cal: vobject.base.Component) -> list[vobject.base.Component]:
    return [e for e in cal.vevent_list if not hasattr(e, "recurrence_id")]


def starts(event: vobject.base.Component, until: datetime) -> list[datetime]:
    return list(event.getrruleset(addRDate=True).between(datetime(2027, 1, 1, tzinfo=UTC), until, inc=True))


@pytest.mark.parametrize(("zone", "first"), ZONES)
def test_every_calendar_shows_the_agreed_hour_before_and_after_both_clock_changes(
    store: NotebookStore, clock: FakeClock, tmp_path: Path, zone: str, first: str
) -> None:
    schedule.plan_meetings(store, clock, Repeat.WEEKLY, every_weeks=2, next_at=first, zone_name=zone)
    cal = read(store, clock, tmp_path)
    [event] = series_of(cal)
    text = (tmp_path / "meetings.ics").read_text()
    assert f"DTSTART;TZID={zone}:" in text and cal.vtimezone.tzid.value == zone
    there = [t.astimezone(ZoneInfo(zone)) for t in starts(event, datetime(2028, 3, 1, tzinfo=UTC))]
    assert len(there) >= 24  # a year of meetings every two weeks
    assert {(t.hour, t.minute) for t in there} == {(15, 0)}
    assert len({t.utcoffset() for t in there}) == 2  # both sides of the clock changes
    # and the app agrees with the calendar, meeting by meeting
    ours = [m.at for m in schedule.upcoming(store, clock.now(), len(there))]
    assert [t.astimezone(UTC) for t in there] == ours


def test_two_exports_a_month_apart_describe_one_series(
    store: NotebookStore, clock: FakeClock, tmp_path: Path
) -> None:
    schedule.plan_meetings(
        store, clock, Repeat.WEEKLY, every_weeks=2, next_at="2027-03-18T15:00", zone_name="Europe/Berlin"
    )
    before = series_of(read(store, clock, tmp_path))
    clock.advance(timedelta(days=60).total_seconds())  # meetings have passed since
    after = series_of(read(store, clock, tmp_path))
    assert len(before) == len(after) == 1
    old, new = before[0], after[0]
    assert old.uid.value == new.uid.value
    assert old.dtstart.value == new.dtstart.value and old.rrule.value == new.rrule.value
    assert store.partnership_id not in old.uid.value  # the UID does not show the partnership id


def test_skipped_and_moved_meetings_and_a_one_off_come_through_with_a_new_sequence(
    store: NotebookStore, clock: FakeClock, tmp_path: Path
) -> None:
    schedule.plan_meetings(store, clock, Repeat.WEEKLY, next_at="2027-03-18T15:00", zone_name="Europe/Berlin")
    first_sequence = int(series_of(read(store, clock, tmp_path))[0].sequence.value)
    schedule.skip(store, "2027-03-25T15:00")
    schedule.move(store, clock, "2027-04-01T15:00", "2027-04-02T09:30")
    schedule.add_one_off(store, clock, "2027-03-20T11:00", "Europe/Berlin")
    cal = read(store, clock, tmp_path)
    berlin = ZoneInfo("Europe/Berlin")
    [main] = [e for e in series_of(cal) if hasattr(e, "rrule")]
    [one_off] = [e for e in series_of(cal) if e is not main]
    [moved] = [e for e in cal.vevent_list if hasattr(e, "recurrence_id")]
    assert int(main.sequence.value) == first_sequence + 2
    shown = [f"{t.astimezone(berlin):%m-%d %H:%M}" for t in starts(main, datetime(2027, 4, 16, tzinfo=UTC))]
    assert "03-25 15:00" not in shown and "03-18 15:00" in shown and "04-08 15:00" in shown
    assert moved.uid.value == main.uid.value
    assert f"{moved.recurrence_id.value.astimezone(berlin):%m-%d %H:%M}" == "04-01 15:00"
    assert f"{moved.dtstart.value.astimezone(berlin):%m-%d %H:%M}" == "04-02 09:30"
    assert f"{one_off.dtstart.value.astimezone(berlin):%m-%d %H:%M}" == "03-20 11:00"
    assert one_off.uid.value != main.uid.value


def test_a_reminder_by_default_or_as_chosen_and_no_names_in_the_file(
    store: NotebookStore, clock: FakeClock, tmp_path: Path
) -> None:
    schedule.plan_meetings(
        store, clock, Repeat.MONTHLY, next_at="2027-03-18T15:00", zone_name="Europe/Berlin"
    )
    [event] = series_of(read(store, clock, tmp_path))
    assert event.valarm.trigger.value == timedelta(minutes=-15)
    assert event.rrule.value == "FREQ=MONTHLY;BYDAY=3TH"
    [event] = series_of(read(store, clock, tmp_path, alarm_minutes=5))
    assert event.valarm.trigger.value == timedelta(minutes=-5)
    text = (tmp_path / "meetings.ics").read_text()
    assert "Quokka" not in text and "Wombat" not in text and store.partnership().title not in text


def test_partners_in_two_zones_share_one_series_and_a_bad_plan_from_a_partner_is_refused(
    tmp_path: Path,
) -> None:
    import dataclasses

    from sync_helpers import make_pair

    from peercoach_desktop.domain.errors import SyncFileError
    from peercoach_desktop.domain.model import Partnership
    from peercoach_desktop.sync import exchange, sync_file

    pair = make_pair(tmp_path)
    try:
        pair.clock.advance((datetime(2027, 2, 1, tzinfo=UTC) - pair.clock.now()).total_seconds())
        schedule.plan_meetings(
            pair.ana,
            pair.clock,
            Repeat.WEEKLY,
            every_weeks=2,
            next_at="2027-03-18T15:00",
            zone_name="Europe/Berlin",
        )
        pair.exchange()
        on_ana = [m.at for m in schedule.upcoming(pair.ana, pair.clock.now(), 6)]
        on_ben = [m.at for m in schedule.upcoming(pair.ben, pair.clock.now(), 6)]
        assert on_ana == on_ben  # the same instants: Ben in New York reads them in his own time
        assert [t.astimezone(ZoneInfo("America/New_York")).hour for t in on_ben[:2]] == [10, 9]
        uids = set()
        for who, store in (("ana", pair.ana), ("ben", pair.ben)):
            target = tmp_path / f"{who}.ics"
            calendar_file.write_ics(store, pair.clock, target)
            uids |= {e.uid.value for e in vobject.readOne(target.read_text()).vevent_list}
        assert len(uids) == 1  # imported by both into one shared calendar: still one series

        # A partner's file whose plan names no real zone is refused whole, nothing changed.
        state = pair.ana.sync_state()
        entries = [e for group in state.values() for e in group]
        bad = {"zone": "../../../etc/passwd", "start": "2027-03-18T15:00"}

        def changed(version: str) -> str:  # a new version by Ana: a known one is skipped unread
            v = Version.parse(version)
            return str(Version(v.wall_ms, v.counter + 1, pair.ana.me_id))

        entries = [
            dataclasses.replace(
                e, record=dataclasses.replace(e.record, meeting_plan=bad, version=changed(e.version))
            )
            if isinstance(e.record, Partnership)
            else e
            for e in entries
        ]
        header = sync_file.SyncHeader(sync_file.FORMAT, pair.ana.partnership_id, pair.ana.me_id, "2027-02-01")
        path = tmp_path / "bad.pcsync"
        path.write_bytes(sync_file.encode(header, entries, pair.key))
        before = schedule.plan_of(pair.ben)
        with pytest.raises(SyncFileError, match="damaged"):
            exchange.apply_import(pair.ben, path, pair.key)
        assert schedule.plan_of(pair.ben) == before
    finally:
        pair.close()


def test_the_alarm_preference_defaults_to_the_calendar_default() -> None:
    from peercoach_desktop.domain.meeting_plan import DEFAULT_ALARM_MINUTES
    from peercoach_desktop.ui.infra.settings import OPTIONS

    assert OPTIONS["calendar_alarm_minutes"].default == DEFAULT_ALARM_MINUTES
