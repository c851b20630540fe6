"""Session-runner commands for `peercoach`: the meeting rhythm and the .ics export
(`show --json` and its session figures are written by cli/show_json.py)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from peercoach_desktop.coaching import schedule


def cmd_schedule(ctx: Any) -> None:
    a = ctx.args
    clock = ctx.library.clock
    with ctx.open(a.partnership) as store:
        planned = schedule.schedule(store, clock, a.every_weeks, a.next)
        nxt = schedule.next_meeting(store, clock.now())
    data = {"every_weeks": a.every_weeks, "next_meeting": nxt.isoformat(), "planned": planned and planned.id}
    ctx.emit(data, lambda: [f"Every {a.every_weeks} week(s); next meeting {nxt:%Y-%m-%d %H:%M} UTC"])


def cmd_ics(ctx: Any) -> None:
    a = ctx.args
    with ctx.open(a.partnership) as store:
        count = schedule.write_ics(store, ctx.library.clock, Path(a.out))
    ctx.emit({"path": a.out, "events": count}, lambda: [a.out])
    if not a.json:
        print(f"{count} event(s) written; names and notes are not included.", file=sys.stderr)


def register(add: Callable[..., Any]) -> None:
    p = add("schedule", cmd_schedule, "set how often you meet and plan the next meeting")
    p.add_argument("partnership", metavar="P")
    p.add_argument("--every-weeks", type=int, required=True, metavar="N", help="meet every N weeks (1-12)")
    p.add_argument("--next", metavar="DATETIME", help="the next meeting, ISO 8601 (e.g. 2026-03-31T15:00)")
    p = add("ics", cmd_ics, "export the planned meetings as an .ics calendar file")
    p.add_argument("partnership", metavar="P")
    p.add_argument("--out", required=True, metavar="FILE")
