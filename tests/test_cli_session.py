"""`peercoach schedule`, `peercoach ics` and the session figures in `show --json`."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from test_cli import Cli

from peercoach_desktop.coaching import sessions as runner
from peercoach_desktop.coaching.sessions import Review, review_of
from peercoach_desktop.domain.accountability import follow_through
from peercoach_desktop.domain.clock import Clock
from peercoach_desktop.domain.model import NextStep, Session
from peercoach_desktop.domain.session_timer import SessionTimer, stage_times
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.vault.library import Library
from peercoach_desktop.vault.opener import open_notebook


@pytest.fixture
def cli(data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(data_dir, capsys, monkeypatch)


@pytest.fixture
def pid(cli: Cli) -> str:
    return cli("new", "--me", "Ana", "--partner", "Ben")[1].strip()


def test_schedule_and_ics_export(cli: Cli, pid: str, tmp_path: Path) -> None:
    code, out, _ = cli("schedule", pid, "--every-weeks", "2", "--next", "2026-01-12T10:00:00Z", "--json")
    assert code == 0 and json.loads(out)["next_meeting"].startswith("2026-01-12T10:00")
    target = tmp_path / "out.ics"
    code, out, err = cli("ics", pid, "--out", str(target))
    assert code == 0 and out.strip() == str(target) and "1 event" in err
    [event] = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert event["rrule"]["INTERVAL"] == [2]
    assert cli("schedule", pid, "--every-weeks", "40")[0] == 2
    assert cli("schedule", pid, "--every-weeks", "1", "--next", "soon")[0] == 2


def test_a_berlin_meeting_is_at_15_00_before_and_after_the_spring_change(
    cli: Cli, pid: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")  # the laptop's zone, the default for new meetings
    cli.clock.advance((datetime(2027, 3, 1, tzinfo=UTC) - cli.clock.now()).total_seconds())
    code, out, _ = cli("schedule", pid, "--every-weeks", "2", "--next", "2027-03-18T15:00", "--json")
    shown = json.loads(out)
    assert code == 0 and shown["zone"] == "Europe/Berlin"
    assert [m["start"] for m in shown["meetings"][:2]] == [
        "2027-03-18T15:00:00+01:00",
        "2027-04-01T15:00:00+02:00",
    ]
    code, out, _ = cli("schedule", pid, "--every-weeks", "2", "--count", "2")
    assert code == 0 and "Thu 2027-03-18 15:00 CET" in out and "Thu 2027-04-01 15:00 CEST" in out
    assert "UTC" not in out


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--next", "2026-01-01T15:00"), "already passed"),
        (("--next", "2027-03-28T02:30"), "does not exist in Europe/Berlin"),
        (("--next", "2027-03-18T15:00", "--zone", "Europe/Atlantis"), "not a time zone"),
    ],
)
def test_a_meeting_that_cannot_be_kept_is_one_line_exit_1_and_nothing_stored(
    cli: Cli, pid: str, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], says: str
) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    before = cli("show", pid, "--json")[1]
    code, out, err = cli("schedule", pid, "--every-weeks", "2", *args)
    assert code == 1 and out == "" and says in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    assert cli("show", pid, "--json")[1] == before


def test_show_json_has_phase_times_turns_feedback_reviews_and_follow_through(
    cli: Cli, pid: str, data_dir: Path
) -> None:
    library = Library(data_dir, cli.keystore, cli.clock)
    with open_notebook(library, library.resolve(pid)) as store:
        old = store.add_step("partner", "Read the report")
        state = runner.open_session(store, cli.clock)
        sid, ben = state.session.id, state.partner.id
        runner.review_step(store, cli.clock, sid, old.id, Review.DONE)
        timer = SessionTimer.from_dict(state.session.timer_state, cli.clock)
        cli.clock.advance(60)
        timer.advance()
        timer.start()
        cli.clock.advance(300)
        runner.give_feedback(store, cli.clock, sid, ben, "Your turn", "you mirrored", "I saw my pattern")
        runner.add_step(store, cli.clock, sid, ben, "Ask for help")
        runner.end_session(store, cli.clock, sid, timer.to_dict())
    shown = json.loads(cli("show", pid, "--json")[1])
    session = next(s for s in shown["sessions"] if s["id"] == sid)
    assert (
        session["phase_seconds"]["Check-in"] == 60
        and session["phase_seconds"]["First turn"] == 300
        and session["phases"][1]
        == {
            "name": "First turn",
            "kind": "talk",
            "speaker": "a",
            "seconds": 300,
        }
    )
    assert session["turn_seconds"][shown["me"]["id"]] == 300
    assert session["steps_reviewed"] == {old.id: "done"}
    assert shown["feedback"][0]["behaviour"] == "you mirrored"
    assert shown["follow_through"][ben] == {"peer_id": ben, "done": 0, "set": 0, "rate": None, "overdue": []}


# `show --json` before issue 19 (the whole snapshot, then one indented string): the oracle
# for the streamed document.
def old_session_figures(store: NotebookStore, clock: Clock, data: dict[str, Any]) -> dict[str, Any]:
    """Add what a session run leaves behind to a snapshot's dict."""
    steps = store.list(NextStep)
    sessions = store.list(Session)
    data["cadence_weeks"] = store.partnership().cadence_weeks
    for entry in data["sessions"]:
        timer = entry.get("timer_state") or {}
        # By stage name (the protocol's, in the language it ran in); "phases" below has the
        # stable fields a script should key on: position, kind and who spoke.
        entry["phase_seconds"] = {k: round(v) for k, v in stage_times(timer)}  # protocol order
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


def test_show_json_streamed_is_the_document_it_was(cli: Cli, pid: str, data_dir: Path) -> None:
    library = Library(data_dir, cli.keystore, cli.clock)
    with open_notebook(library, library.resolve(pid)) as store:
        goal = store.add_goal("me", "Delegate more")
        old = store.add_step("partner", "Read the report", goal=goal.id)
        store.add_note("Private words", private=True)
        state = runner.open_session(store, cli.clock)
        runner.review_step(store, cli.clock, state.session.id, old.id, Review.DROPPED)
        runner.add_step(store, cli.clock, state.session.id, state.partner.id, "Ask for help")
        runner.give_feedback(store, cli.clock, state.session.id, state.partner.id, "a", "b", "c")
        runner.end_session(store, cli.clock, state.session.id, state.session.timer_state)
        store.add_note('A note with "quotes", ümlauts and a\nsecond line')
        # Laid out by SQLite's json_quote(): escapes as Python's json does, for every kind of text.
        store.add_note("back\\slash, tab\t, bell\x07, nul\x00, del\x7f, \u2028, emoji 🌱, 漢字, 'single'")
        store.update_goal(goal.id, progress=40, target_date="2027-01-31")
        kept = store.add_note("A copy kept from a conflict")  # its mark is laid out by Python's json
        mark = json.dumps({"at": "2026-03-01T10:00:00.000Z", "by": "Zoë's laptop"}, sort_keys=True)
        store._conn.execute("UPDATE notes SET kept_from = ? WHERE id = ?", (mark, kept.id))
        expected = json.dumps(
            old_session_figures(store, cli.clock, store.snapshot().to_dict()), indent=2, ensure_ascii=False
        )
    assert cli("show", pid, "--json")[1] == expected + "\n"


@pytest.mark.parametrize(
    "value",
    [
        {"id": "n-1", "body": 'ümlaut "quoted"\nline', "deleted": False, "n": 3, "x": 1.5, "none": None},
        {"timer": {"stages": [{"name": "Check-in", "elapsed": [1, 2.5]}, {}], "order": []}, "e": {}},
        [[], {}, [1, [2, {"a": [3]}]], "s"],
        {1: "a non-text key", "b": [True]},
        {},
        [],
        "plain",
    ],
)
def test_the_streamed_layout_is_json_dumps_with_indent_2(value: Any) -> None:
    from peercoach_desktop.cli.show_json import _dumps

    assert _dumps(value, 0) == json.dumps(value, indent=2, ensure_ascii=False)
    assert _dumps(value, 2) == json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n    ")
