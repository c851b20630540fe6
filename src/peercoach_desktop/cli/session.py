"""Session-runner commands for `peercoach`: the meeting rhythm and the .ics export
(`show --json` and its session figures are written by cli/show_json.py)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from peercoach_desktop.domain.meeting_plan import DEFAULT_ALARM_MINUTES, Repeat, local_text, zone
from peercoach_desktop.system.local_zone import local_zone_name


def _local(at: datetime) -> str:
    """An instant as this laptop's wall-clock time, with the zone's abbreviation."""
    return at.astimezone(zone(local_zone_name())).strftime("%a %Y-%m-%d %H:%M %Z")


def cmd_schedule(ctx: Any) -> None:
    from peercoach_desktop.coaching import schedule  # here: every command builds this parser

    a = ctx.args
    clock = ctx.library.clock
    repeat = Repeat.MONTHLY if a.monthly else Repeat.NONE if a.once else Repeat.WEEKLY
    with ctx.open(a.partnership) as store:
        if a.skip or a.move:
            plan = schedule.skip(store, a.skip) if a.skip else schedule.move(store, clock, *a.move)
        else:
            plan = schedule.plan_meetings(
                store,
                clock,
                repeat,
                every_weeks=a.every_weeks or 1,
                next_at=a.next,
                zone_name=a.zone,
                minutes=a.minutes,
            )
        soon = schedule.upcoming(store, clock.now(), a.count)
    data = {
        "zone": plan.zone,
        "start": plan.start,
        "repeat": str(plan.repeat),
        "every_weeks": plan.every if plan.repeat == Repeat.WEEKLY else None,
        "minutes": plan.minutes,
        "sequence": plan.sequence,
        "next_meeting": soon[0].at.astimezone(plan.tz).isoformat() if soon else None,
        "meetings": [
            {
                "start": m.at.astimezone(plan.tz).isoformat(),
                "minutes": m.minutes,
                "series_start": m.original and local_text(m.original),
            }
            for m in soon
        ],
    }

    def lines() -> list[str]:
        rhythm = {
            Repeat.WEEKLY: f"every {plan.every} week(s)" if plan.every > 1 else "every week",
            Repeat.MONTHLY: "once a month on the same weekday",
            Repeat.NONE: "once",
        }[plan.repeat]
        out = [f"Meetings {rhythm}, {plan.minutes} min, at {plan.first:%H:%M} {plan.zone}."]
        out += [f"  {_local(m.at)}" + ("" if m.in_series else "  (one-off)") for m in soon]
        return out

    ctx.emit(data, lines)


def cmd_ics(ctx: Any) -> None:
    from peercoach_desktop.coaching import calendar_file  # icalendar costs ~130 ms: only for .ics

    a = ctx.args
    with ctx.open(a.partnership) as store:
        count = calendar_file.write_ics(store, ctx.library.clock, Path(a.out), alarm_minutes=a.alarm_minutes)
    ctx.emit({"path": a.out, "events": count}, lambda: [a.out])
    if not a.json:
        print(f"{count} event(s) written; names and notes are not included.", file=sys.stderr)


def register(add: Callable[..., Any]) -> None:
    p = add("schedule", cmd_schedule, "agree when you meet: the first meeting, the rhythm, the zone")
    p.add_argument("partnership", metavar="P")
    rhythm = p.add_mutually_exclusive_group(required=True)
    rhythm.add_argument("--every-weeks", type=int, metavar="N", help="meet every N weeks (1-12)")
    rhythm.add_argument("--monthly", action="store_true", help="meet once a month on the same weekday")
    rhythm.add_argument("--once", action="store_true", help="one meeting, no series")
    rhythm.add_argument("--skip", metavar="LOCAL", help="skip the series' meeting at that local start")
    rhythm.add_argument("--move", nargs=2, metavar=("LOCAL", "NEW"), help="move one meeting of the series")
    p.add_argument(
        "--next", metavar="DATETIME", help="the first meeting, local time in the zone (e.g. 2026-03-31T15:00)"
    )
    p.add_argument(
        "--zone", metavar="ZONE", help="IANA time zone, e.g. Europe/Berlin (default: this laptop's)"
    )
    p.add_argument("--minutes", type=int, metavar="M", help="how long a meeting lasts (15-240)")
    p.add_argument("--count", type=int, default=5, metavar="K", help="how many coming meetings to list")
    p = add("ics", cmd_ics, "export the agreed meetings as an .ics calendar file")
    p.add_argument("partnership", metavar="P")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument(
        "--alarm-minutes",
        type=int,
        default=DEFAULT_ALARM_MINUTES,
        metavar="M",
        help="reminder this many minutes before (0: none)",
    )
