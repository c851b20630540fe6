"""When the partners meet: the agreed series (weekly, every N weeks, or monthly on the same
weekday) at a local time in a zone, single meetings skipped or moved, and one-off meetings.

The series lives in the partnership record (domain/meeting_plan.py), so it syncs to the
partner, who sees the same instants in their own zone. One-off meetings are planned sessions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from peercoach_desktop.domain.clock import Clock, iso, parse_iso
from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, UsageError
from peercoach_desktop.domain.meeting_plan import (
    DEFAULT_MINUTES,
    MAX_EVERY_WEEKS,
    MAX_MINUTES,
    MIN_MINUTES,
    MeetingPlan,
    Repeat,
    ScheduleError,
    instant,
    local_text,
    parse_local,
    to_instant,
    zone,
)
from peercoach_desktop.domain.model import Partnership, Session, SessionStatus
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.system.local_zone import local_zone_name

MAX_CADENCE_WEEKS = MAX_EVERY_WEEKS
DEFAULT_GAP = timedelta(weeks=1)  # when no meeting and no rhythm is known
BREAK_MINUTES = 20  # check-in, feedback and next steps around the two turns


@dataclass(frozen=True)
class Meeting:
    at: datetime  # the instant, UTC
    minutes: int
    original: datetime | None  # its wall-clock start in the series (local, naive); None = one-off
    session_id: str | None = None  # the planned session of a one-off meeting

    @property
    def in_series(self) -> bool:
        return self.original is not None


def plan_of(store: NotebookStore) -> MeetingPlan | None:
    return MeetingPlan.from_dict(store.partnership().meeting_plan)


def _save(store: NotebookStore, plan: MeetingPlan | None) -> Partnership:
    weeks = plan.every if plan and plan.repeat == Repeat.WEEKLY else None
    data = plan.to_dict() if plan else {}
    partnership = store.partnership()
    if partnership.meeting_plan == data and partnership.cadence_weeks == weeks:
        return partnership  # the same plan twice is one change: no new version, no new SEQUENCE
    return store.change_record(partnership, meeting_plan=data, cadence_weeks=weeks)


def _check_every(every_weeks: int) -> None:
    if not 1 <= every_weeks <= MAX_CADENCE_WEEKS:
        raise UsageError(
            QT_TRANSLATE_NOOP("Core", "Meet every 1 to {max_cadence_weeks} weeks, not {every_weeks}."),
            max_cadence_weeks=MAX_CADENCE_WEEKS,
            every_weeks=every_weeks,
        )


def _check_minutes(minutes: int) -> None:
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise UsageError(
            QT_TRANSLATE_NOOP("Core", "A meeting lasts {low} to {high} minutes, not {minutes}."),
            low=MIN_MINUTES,
            high=MAX_MINUTES,
            minutes=minutes,
        )


def local_moment(text: str, zone_name: str) -> datetime:
    """A time the user typed, as wall-clock time in the zone. Without an offset it is read in
    that zone (and refused if the clocks skip it); with one, the instant is shown there."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise UsageError(
            QT_TRANSLATE_NOOP("Core", "A time must look like 2026-03-31T15:00, not {text!r}."), text=text
        ) from None
    tz = zone(zone_name)
    if moment.tzinfo is not None:
        return moment.astimezone(tz).replace(tzinfo=None, second=0, microsecond=0)
    moment = moment.replace(second=0, microsecond=0)
    to_instant(moment, tz, zone_name)
    return moment


def _future(local: datetime, zone_name: str, clock: Clock) -> datetime:
    at = to_instant(local, zone(zone_name), zone_name)
    if at <= clock.now():
        raise ScheduleError(
            QT_TRANSLATE_NOOP("Core", "{when} ({zone}) has already passed. Give a time still to come."),
            when=local.strftime("%Y-%m-%d %H:%M"),
            zone=zone_name,
        )
    return at


def plan_meetings(
    store: NotebookStore,
    clock: Clock,
    repeat: Repeat,
    *,
    every_weeks: int = 1,
    next_at: str | None = None,
    zone_name: str | None = None,
    minutes: int | None = None,
) -> MeetingPlan:
    """Agree on the meetings: the first at `next_at` (local in the zone), repeating as asked.
    Without `next_at` the series keeps its start, or starts one rhythm after the last meeting."""
    if repeat == Repeat.WEEKLY:
        _check_every(every_weeks)
    old = plan_of(store)
    name = zone_name or (old.zone if old else local_zone_name())
    zone(name)  # an unknown zone is refused before anything else is read
    length = minutes or (old.minutes if old else DEFAULT_MINUTES)
    _check_minutes(length)
    every = every_weeks if repeat == Repeat.WEEKLY else 1
    if next_at is not None:
        start = local_moment(next_at, name)
        if (
            old is not None
            and (old.zone, old.repeat, old.every) == (name, repeat, every)
            and old.is_meeting(start)
        ):
            start = (
                old.first
            )  # a meeting of the agreed series: the series stays as it is, with its exceptions
        else:
            _future(start, name, clock)
    elif old is not None:
        start = old.first if old.zone == name else _shown_in(old, name)
    else:
        start = _after_last(store, clock, name, every_weeks if repeat == Repeat.WEEKLY else 4)
    if old is None:
        plan = MeetingPlan(name, local_text(start), length, repeat, every)
    else:
        same = (old.zone, old.first, old.repeat, old.every) == (name, start, repeat, every)
        keep = (old.skipped, old.moved) if same else ((), ())  # exceptions belong to a series
        plan = MeetingPlan(name, local_text(start), length, repeat, every, old.sequence, *keep)
        if plan != old:
            plan = plan.changed()
    _save(store, plan)
    return plan


def _shown_in(plan: MeetingPlan, name: str) -> datetime:
    return to_instant(plan.first, plan.tz, plan.zone).astimezone(zone(name)).replace(tzinfo=None)


def _after_last(store: NotebookStore, clock: Clock, name: str, weeks: int) -> datetime:
    """One rhythm after the last meeting held or planned (or after now), at the same local time."""
    tz, now = zone(name), clock.now()
    held = [s for s in store.list(Session) if s.scheduled_at]
    last = max(held, key=lambda s: s.scheduled_at or "", default=None)
    base = parse_iso(last.scheduled_at) if last and last.scheduled_at else now
    local = base.astimezone(tz).replace(tzinfo=None, second=0, microsecond=0)
    while True:
        local += timedelta(weeks=weeks)
        if instant(local, tz) > now:
            return local


def schedule(
    store: NotebookStore, clock: Clock, every_weeks: int | None, next_at: str | None
) -> MeetingPlan | None:
    """`peercoach schedule --every-weeks N [--next T]` as before: a weekly series."""
    if every_weeks is None:
        return clear(store)
    return plan_meetings(store, clock, Repeat.WEEKLY, every_weeks=every_weeks, next_at=next_at)


def clear(store: NotebookStore) -> None:
    _save(store, None)


def _series_meeting(plan: MeetingPlan, original: str) -> datetime:
    try:
        local = parse_local(original)
    except ValueError:
        local = None
    taken = {a for a, _ in plan.moved} | set(plan.skipped)
    if local is None or not plan.is_meeting(local) or original in taken:
        raise ScheduleError(
            QT_TRANSLATE_NOOP("Core", "There is no planned meeting at {when}."),
            when=original.replace("T", " "),
        )
    return local


def skip(store: NotebookStore, original: str) -> MeetingPlan:
    """Take one meeting (by its local start, "2027-04-01T15:00") out of the series."""
    plan = _require(store)
    _series_meeting(plan, original)
    plan = plan.changed(skipped=(*plan.skipped, original))
    _save(store, plan)
    return plan


def move(store: NotebookStore, clock: Clock, original: str, new_at: str) -> MeetingPlan:
    """Move one meeting of the series to another local time; the rest stay where they were."""
    plan = _require(store)
    _series_meeting(plan, original)
    new = local_moment(new_at, plan.zone)
    _future(new, plan.zone, clock)
    plan = plan.changed(moved=(*plan.moved, (original, local_text(new))))
    _save(store, plan)
    return plan


def _require(store: NotebookStore) -> MeetingPlan:
    plan = plan_of(store)
    if plan is None:
        raise UsageError(QT_TRANSLATE_NOOP("Core", "No meetings are planned yet."))
    return plan


def add_one_off(store: NotebookStore, clock: Clock, at: str, zone_name: str | None = None) -> Session:
    """A single meeting outside the series (a planned session, so the runner picks it up)."""
    name = zone_name or local_zone_name()
    local = local_moment(at, name)
    when = _future(local, name, clock)
    same = [
        s
        for s in store.list(Session, status=SessionStatus.PLANNED)
        if s.scheduled_at == iso(when) and s.status == SessionStatus.PLANNED
    ]
    return same[0] if same else store.add_session(iso(when))


def upcoming(store: NotebookStore, now: datetime, count: int) -> list[Meeting]:
    """The next `count` meetings, series and one-off, earliest first."""
    plan = plan_of(store)
    found = (
        [Meeting(at, plan.minutes, local) for at, local in plan.meetings_after(now, count)] if plan else []
    )
    series_times = {m.at for m in found}
    for s in store.list(Session, status=SessionStatus.PLANNED):  # not 10k sessions held
        if s.status != SessionStatus.PLANNED or not s.scheduled_at:
            continue
        at = parse_iso(s.scheduled_at)
        if at < now or at in series_times or (plan and _on_series(plan, at)):
            continue  # planned before the series existed, on one of its meetings: the same meeting
        found.append(Meeting(at, 2 * s.minutes_per_turn + BREAK_MINUTES, None, s.id))
    return sorted(found, key=lambda m: m.at)[:count]


def one_offs(store: NotebookStore, now: datetime, plan: MeetingPlan | None) -> list[Session]:
    """Planned sessions still to come that are not meetings of the series."""
    return [
        s
        for s in store.list(Session, status=SessionStatus.PLANNED)
        if s.status == SessionStatus.PLANNED
        and s.scheduled_at
        and parse_iso(s.scheduled_at) >= now
        and not (plan and _on_series(plan, parse_iso(s.scheduled_at)))
    ]


def _on_series(plan: MeetingPlan, at: datetime) -> bool:
    local = at.astimezone(plan.tz).replace(tzinfo=None)
    return plan.is_meeting(local) and local_text(local) not in plan.skipped


def next_meeting(store: NotebookStore, now: datetime) -> datetime:
    """The next meeting; else now plus a week (the default due date of a next step)."""
    soon = upcoming(store, now, 1)
    return soon[0].at if soon else now + DEFAULT_GAP


def next_meeting_date(store: NotebookStore, now: datetime) -> date:
    """The default due date of a next step set today: the day of the next meeting, there."""
    return next_meeting(store, now).astimezone(zone(local_zone_name())).date()
