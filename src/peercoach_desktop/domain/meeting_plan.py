"""When the partners meet, as they agreed it: a local date and time in an IANA zone.

A meeting at 15:00 in Europe/Berlin stays at 15:00 there across the clock changes, so the
series is kept and repeated in wall-clock time and turned into an instant only at the end.
Both ends follow RFC 5545, as every calendar does: a local time skipped by a spring change
means the same clock reading before the gap (02:30 -> 03:30), and a time that occurs twice
in autumn means its first occurrence (fold 0). New times typed by a user are stricter: a time
that does not exist is refused (see ``to_instant``).

Pure: no storage, no clock; zoneinfo reads the tz database only.
"""

from __future__ import annotations

import calendar
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, PeerCoachError

# The reminder a calendar shows before an exported meeting (its VALARM), unless the user sets another.
DEFAULT_ALARM_MINUTES = 15

MAX_EVERY_WEEKS = 12
MIN_MINUTES, MAX_MINUTES, DEFAULT_MINUTES = 15, 240, 50  # two 15-minute turns and 20 around them
LOCAL_FORMAT = "%Y-%m-%dT%H:%M"  # how a wall-clock time is stored: no offset, the zone beside it
MAX_EXCEPTIONS = 500  # skipped or moved meetings kept in one plan (a partner's file is not trusted)


class Repeat(StrEnum):
    NONE = "none"  # one meeting, no series
    WEEKLY = "weekly"  # every `every` weeks on the same weekday
    MONTHLY = "monthly"  # once a month on the same weekday (the 1st..4th, or the last one)


class ScheduleError(PeerCoachError):
    """A meeting time that cannot be kept: in the past, skipped by a clock change, unknown zone.
    Unlike a malformed request (UsageError, exit 2) it is about the calendar: the CLI exits 1."""


def zone(name: str) -> ZoneInfo:
    """The IANA zone of that name; a clear error for anything else (including path tricks)."""
    try:
        if not name or name.startswith(("/", ".")) or ".." in name:
            raise ValueError(name)
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ScheduleError(
            QT_TRANSLATE_NOOP("Core", "{zone!r} is not a time zone; use a name like Europe/Berlin."),
            zone=name,
        ) from None


def parse_local(text: str) -> datetime:
    """A wall-clock time as stored ("2027-03-18T15:00"), naive; ValueError if malformed."""
    # fromisoformat is ~20x faster than strptime, but takes more forms: only this one passes.
    if len(text) != len("2027-03-18T15:00") or text[10] != "T":
        raise ValueError(text)
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is not None:
        raise ValueError(text)
    return moment


def local_text(moment: datetime) -> str:
    return moment.strftime(LOCAL_FORMAT)


def instant(local: datetime, tz: ZoneInfo) -> datetime:
    """The instant a wall-clock time in tz stands for, as a calendar reads it (RFC 5545 rules
    above: fold 0 picks the first of a doubled hour and the offset before a gap)."""
    return local.replace(tzinfo=tz, fold=0).astimezone(UTC)


def exists(local: datetime, tz: ZoneInfo) -> bool:
    """False for a time the spring change skips (02:30 on the last Sunday of March in Berlin)."""
    there = local.replace(tzinfo=tz, fold=0)
    return there.astimezone(UTC).astimezone(tz).replace(tzinfo=None) == local


def to_instant(local: datetime, tz: ZoneInfo, zone_name: str) -> datetime:
    """A time a user typed, as an instant; refuses one that never shows on a clock there."""
    if not exists(local, tz):
        raise ScheduleError(
            QT_TRANSLATE_NOOP(
                "Core", "{when} does not exist in {zone}: the clocks skip that hour. Pick another time."
            ),
            when=local.strftime("%Y-%m-%d %H:%M"),
            zone=zone_name,
        )
    return instant(local, tz)


def nth_weekday(local: datetime) -> int:
    """Which of its weekday in the month a day is: 1..4, or -1 for a fifth (kept as 'the last')."""
    n = (local.day - 1) // 7 + 1
    return -1 if n == 5 else n


def _in_month(year: int, month: int, weekday: int, n: int, clock_time: datetime) -> datetime:
    days = [d for d in calendar.Calendar().itermonthdates(year, month) if d.month == month]
    matching = [d for d in days if d.weekday() == weekday]
    day = matching[n - 1] if n > 0 else matching[-1]
    return clock_time.replace(year=day.year, month=day.month, day=day.day)


@dataclass(frozen=True)
class MeetingPlan:
    """The partnership's agreed meetings. `start` is the first meeting of the series (local, in
    `zone`); `skipped` and `moved` hold single meetings taken out of it, by their original start."""

    zone: str
    start: str
    minutes: int = DEFAULT_MINUTES
    repeat: Repeat = Repeat.NONE
    every: int = 1  # weeks between meetings for WEEKLY; 1 otherwise
    sequence: int = 0  # bumped on each change, so calendars replace what they imported earlier
    skipped: tuple[str, ...] = ()
    moved: tuple[tuple[str, str], ...] = ()  # (original start, new start), both local
    extra: dict[str, Any] = field(default_factory=dict, compare=False)  # unknown keys from newer versions

    # -- storing ------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("extra")
        data["repeat"] = str(self.repeat)
        data["skipped"] = list(self.skipped)
        data["moved"] = [list(pair) for pair in self.moved]
        return {**self.extra, **data}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MeetingPlan | None:
        """The plan stored in a partnership (None for none); ValueError/TypeError if malformed,
        which a sync import turns into 'damaged file' (a partner's record is not trusted)."""
        if not data:
            return None
        known = {"zone", "start", "minutes", "repeat", "every", "sequence", "skipped", "moved"}
        plan = cls(
            zone=str(data["zone"]),
            start=str(data["start"]),
            minutes=int(data.get("minutes", DEFAULT_MINUTES)),
            repeat=Repeat(data.get("repeat", Repeat.NONE)),
            every=int(data.get("every", 1)),
            sequence=int(data.get("sequence", 0)),
            skipped=tuple(str(s) for s in data.get("skipped", [])),
            moved=tuple((str(a), str(b)) for a, b in data.get("moved", [])),
            extra={k: v for k, v in data.items() if k not in known},
        )
        plan.check()
        return plan

    def check(self) -> None:
        try:
            zone(self.zone)
        except ScheduleError as exc:
            raise ValueError(str(exc)) from None
        for text in (self.start, *self.skipped, *(t for pair in self.moved for t in pair)):
            parse_local(text)
        if not (MIN_MINUTES <= self.minutes <= MAX_MINUTES and 1 <= self.every <= MAX_EVERY_WEEKS):
            raise ValueError("minutes or every out of range")
        if len(self.skipped) + len(self.moved) > MAX_EXCEPTIONS or self.sequence < 0:
            raise ValueError("too many exceptions")

    # -- reading ------------------------------------------------------------------------

    @property
    def tz(self) -> ZoneInfo:
        return zone(self.zone)

    @property
    def first(self) -> datetime:
        return parse_local(self.start)

    @property
    def duration(self) -> timedelta:
        return timedelta(minutes=self.minutes)

    def changed(self, **fields: Any) -> MeetingPlan:
        return replace(self, sequence=self.sequence + 1, **fields)

    def series(self, near: datetime | None = None) -> Any:
        """The series' wall-clock starts in order, without exceptions: endless unless NONE.
        With `near` (local) it may begin a little before that instead of at the first meeting:
        a series agreed years ago is not walked from its start."""
        first = self.first
        if self.repeat == Repeat.NONE:
            yield first
            return
        if self.repeat == Repeat.WEEKLY:
            step = timedelta(weeks=self.every)
            k = max(0, (near - first) // step - 1) if near else 0
            while True:
                yield first + k * step
                k += 1
        n, weekday = nth_weekday(first), first.weekday()
        year, month = first.year, first.month
        if near is not None and (near.year, near.month) > (year, month + 1):
            year, month = (near.year, near.month - 1) if near.month > 1 else (near.year - 1, 12)
        while True:
            yield _in_month(year, month, weekday, n, first)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)

    def meetings_after(self, after: datetime, count: int) -> list[tuple[datetime, datetime]]:
        """The next `count` meetings starting at or after the instant `after`, earliest first,
        as (instant, original local start): skipped ones left out, moved ones where they went."""
        tz = self.tz
        # Compared as datetimes: formatting every meeting of the series as text costs more.
        taken_out = {parse_local(t) for t in self.skipped} | {parse_local(a) for a, _ in self.moved}
        found: list[tuple[datetime, datetime]] = []
        for original, new in self.moved:
            at = instant(parse_local(new), tz)
            if at >= after:
                found.append((at, parse_local(original)))
        # The series is in order, so its first `count` future meetings plus every moved one
        # hold the `count` earliest of all.
        taken = 0
        once = self.repeat == Repeat.NONE
        for local in self.series(after.astimezone(tz).replace(tzinfo=None)):
            at = local.replace(tzinfo=tz).astimezone(UTC)  # instant(): fold 0 is the default
            if at >= after and local not in taken_out:
                found.append((at, local))
                taken += 1
            if taken >= count or once:
                break
        found.sort()
        return found[:count]

    def next_meeting(self, after: datetime) -> datetime | None:
        upcoming = self.meetings_after(after, 1)
        return upcoming[0][0] if upcoming else None

    def is_meeting(self, local: datetime) -> bool:
        """Whether the series (before exceptions) has a meeting at that wall-clock start."""
        if local < self.first:
            return False
        if self.repeat == Repeat.NONE:
            return local == self.first
        if self.repeat == Repeat.WEEKLY:
            return (local - self.first) % timedelta(weeks=self.every) == timedelta(0)
        same_time = local.time() == self.first.time() and local.weekday() == self.first.weekday()
        n = nth_weekday(self.first)
        if n == -1:
            return same_time and (local + timedelta(weeks=1)).month != local.month
        return same_time and nth_weekday(local) == n
