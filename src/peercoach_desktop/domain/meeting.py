"""One meeting, one session, even when both laptops start it.

Two rules, on top of the merge (merge.py), which stays as it is:

1. A session is identified by its meeting. A planned meeting already has one shared record; a
   meeting started without a plan gets an id derived from the partnership and the day
   (`meeting_session_id`), so when Ana and Ben both press "Start" they start the same record.
   The day is the same on both laptops (`meeting_day`): not the UTC date, which turns at 19:00
   in New York and 10:00 in Sydney, in the middle of evening and morning meetings, nor each
   laptop's own date, which differs between zones; but the date in the zone the partners agreed
   to meet in (the meeting plan's), with days turning at 04:00 there, when no meeting runs.
2. Concurrent versions of a session are not a conflict for the user to settle: the session shown
   is `join_sessions` of every version the merge keeps (the current one and its conflict copies),
   field by field. The join is a function of the *set* of versions (each field by min, max or
   union, ties broken by the unique version string), so it inherits the merge's laws: whatever
   order the files arrive in, both laptops show the same session. The next local save of that
   session settles the copies with the joined content (sync_rows.after_local_change), so no
   talk time, start or end is lost and nothing turns into a second session.

Talk time: both laptops time the same conversation, so a speaker's seconds are the larger of the
two counts, never their sum. Who started the meeting where is kept in the timer state
(`STARTED_ON`: peer id -> time), joined as a union, so the window can say "Ben started this
session on his laptop at 10:02".
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from peercoach_desktop.domain.model import Session, SessionStatus

STARTED_ON = "started_on"
DAY_STARTS = timedelta(hours=4)  # wall-clock time: 03:59 is still yesterday's meeting
_RANK = {
    SessionStatus.PLANNED: 0,
    SessionStatus.RUNNING: 1,
    SessionStatus.DONE: 2,
    SessionStatus.CANCELLED: 3,
}


def meeting_day(moment: datetime, zone_name: str) -> str:
    """The day (YYYY-MM-DD) of a meeting started at `moment`, in the partnership's zone, days
    turning at DAY_STARTS: both laptops derive it alike whatever their own zones."""
    return (moment.astimezone(ZoneInfo(zone_name)) - DAY_STARTS).date().isoformat()


def meeting_session_id(partnership_id: str, day: str, nth: int = 0) -> str:
    """The id of the nth unplanned meeting of `day` (meeting_day): the same on both laptops."""
    h = hashlib.sha256(f"meeting:{partnership_id}:{day}:{nth}".encode()).hexdigest()
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-9{h[17:20]}-{h[20:32]}"


def started_on(session: Session) -> dict[str, str]:
    value = session.timer_state.get(STARTED_ON) if isinstance(session.timer_state, dict) else None
    if not isinstance(value, dict):
        return {}
    return {str(k): str(v) for k, v in value.items() if isinstance(v, str)}


def join_sessions(versions: Iterable[Session]) -> Session:
    """One session from concurrent versions of it (see the module's rules)."""
    items = sorted(versions, key=lambda s: s.version)
    live = [s for s in items if not s.deleted]
    base = (live or items)[-1]  # like merge.ordered: the newest live version is current
    if len(items) == 1:
        return base
    started = [s for s in items if s.started_at]
    first = min(started, key=lambda s: (s.started_at or "", s.version)) if started else base
    status = max(items, key=lambda s: (_RANK.get(s.status, 0), s.version)).status
    ended = max((s.ended_at for s in items if s.ended_at), default=None)
    seconds: dict[str, int] = {}
    for s in items:
        for peer, value in s.seconds_by_speaker.items():
            seconds[peer] = max(seconds.get(peer, 0), int(value))
    where: dict[str, str] = {}
    for s in items:
        for peer, moment in started_on(s).items():
            where[peer] = min(where.get(peer, moment), moment)
    timer: dict[str, Any] = dict(base.timer_state) if isinstance(base.timer_state, dict) else {}
    if where:
        timer[STARTED_ON] = where
    return dataclasses.replace(
        base,
        status=status,
        started_at=first.started_at,
        ended_at=ended if status in (SessionStatus.DONE, SessionStatus.CANCELLED) else None,
        speaker_order=list(first.speaker_order),
        minutes_per_turn=first.minutes_per_turn,
        seconds_by_speaker=seconds,
        timer_state=timer,
    )
