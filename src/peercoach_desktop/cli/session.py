"""Session-runner commands for `peercoach`: the meeting rhythm, the .ics export, and the
session figures that `show --json` adds (phase times, turn seconds, reviews, follow-through)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from peercoach_desktop.coaching import schedule
from peercoach_desktop.coaching.sessions import review_of
from peercoach_desktop.domain.accountability import follow_through
from peercoach_desktop.domain.clock import Clock
from peercoach_desktop.domain.model import NextStep, Session
from peercoach_desktop.domain.session_timer import stage_times
from peercoach_desktop.storage.store import NotebookStore


def session_figures(store: NotebookStore, clock: Clock, data: dict[str, Any]) -> dict[str, Any]:
    """Add what a session run leaves behind to a snapshot's dict."""
    steps = store.list(NextStep)
    sessions = store.list(Session)
    data["cadence_weeks"] = store.partnership().cadence_weeks
    for entry in data["sessions"]:
        timer = entry.get("timer_state") or {}
        # By stage name (the protocol's, in the language it ran in); "phases" below has the
        # stable fields a script should key on: position, kind and who spoke.
        entry["phase_seconds"] = {k: round(v) for k, v in stage_times(timer)}
        entry["phases"] = [
            {
                "name": stage["name"],
                "kind": stage["kind"],
                "speaker": stage["speaker"],
                "seconds": round(spent),
            }
            for stage, spent in zip(timer.get("stages", []), timer.get("elapsed", []), strict=False)
        ]
        entry["turn_seconds"] = dict(entry["seconds_by_speaker"])
        entry["steps_reviewed"] = {
            s.id: review.value for s in steps if (review := review_of(s, entry["id"])) is not None
        }
        entry["steps_set"] = [s.id for s in steps if s.set_in_session_id == entry["id"]]
    today = clock.now().date()
    data["follow_through"] = {
        peer: follow_through(peer, sessions, steps, today).to_dict()
        for peer in (store.me_id, store.partner().id)
    }
    return data


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
