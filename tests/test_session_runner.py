"""Running a session against a real encrypted notebook, with a fake clock."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from helpers import files_containing, memory_library

from peercoach_desktop.coaching import calendar_file, prompts, schedule
from peercoach_desktop.coaching import sessions as runner
from peercoach_desktop.coaching.sessions import Review
from peercoach_desktop.domain.accountability import follow_through
from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.domain.errors import UsageError
from peercoach_desktop.domain.model import NextStep, Session, SessionStatus, StepStatus
from peercoach_desktop.domain.session_timer import SessionTimer
from peercoach_desktop.storage import database
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.vault.library import Library
from peercoach_desktop.vault.opener import open_notebook


@pytest.fixture
def library(data_dir: Path) -> Library:
    return memory_library(data_dir)


@pytest.fixture
def store(library: Library) -> NotebookStore:
    created = library.create("Ana", "Ben")
    yield created.store
    created.store.close()


def clock_of(library: Library) -> FakeClock:
    assert isinstance(library.clock, FakeClock)
    return library.clock


def test_a_session_opens_running_and_resumes_after_the_app_was_closed(
    library: Library, store: NotebookStore
) -> None:
    clock = clock_of(library)
    opened = runner.open_session(store, clock, turn_minutes=10)
    assert opened.session.status == SessionStatus.RUNNING and opened.session.minutes_per_turn == 10
    timer = SessionTimer.from_dict(opened.session.timer_state, clock)
    timer.advance()
    timer.start()
    clock.advance(120)
    runner.save_timer(store, opened.session.id, timer.to_dict(), timer.seconds_by_speaker())
    store.close()  # the window closed mid-turn

    reopened = open_notebook(library, library.descriptors()[0])
    resumed = runner.open_session(reopened, clock)
    assert resumed.session.id == opened.session.id
    restored = SessionTimer.from_dict(resumed.session.timer_state, clock)
    assert restored.stage.name == "First turn" and restored.spoken(reopened.me_id) == 120
    reopened.close()


def test_a_planned_session_due_now_is_the_one_that_runs(library: Library, store: NotebookStore) -> None:
    clock = clock_of(library)
    planned = store.add_session("2026-01-05T09:30:00Z", minutes=20)
    store.add_session("2026-01-19T09:30:00Z")
    opened = runner.open_session(store, clock)
    assert opened.session.id == planned.id and opened.session.minutes_per_turn == 20


def test_check_in_marks_last_steps_done_carried_or_dropped(library: Library, store: NotebookStore) -> None:
    clock = clock_of(library)
    done = store.add_step("me", "Call the client")
    carried = store.add_step("partner", "Draft the plan")
    dropped = store.add_step("partner", "Read the report")
    state = runner.open_session(store, clock)
    assert {s.id for s in state.to_review} == {done.id, carried.id, dropped.id}
    sid = state.session.id
    runner.review_step(store, clock, sid, done.id, Review.DONE)
    runner.review_step(store, clock, sid, carried.id, Review.CARRIED_OVER)
    state = runner.review_step(store, clock, sid, dropped.id, Review.DROPPED)
    assert state.reviews == {
        done.id: Review.DONE,
        carried.id: Review.CARRIED_OVER,
        dropped.id: Review.DROPPED,
    }
    statuses = {s.id: (s.status, s.reviewed_in_session_id) for s in store.list(NextStep)}
    assert statuses[done.id] == (StepStatus.DONE, sid)
    assert statuses[carried.id] == (StepStatus.OPEN, sid)
    assert statuses[dropped.id] == (StepStatus.DROPPED, sid)


def test_feedback_each_way_and_giving_it_again_replaces_it(library: Library, store: NotebookStore) -> None:
    clock = clock_of(library)
    state = runner.open_session(store, clock)
    sid, ana, ben = state.session.id, state.me.id, state.partner.id
    runner.give_feedback(store, clock, sid, ana, "In your turn", "you paraphrased", "I felt heard")
    runner.give_feedback(store, clock, sid, ben, "Early on", "you gave advice", "I stopped thinking")
    state = runner.give_feedback(store, clock, sid, ana, "In your turn", "you paraphrased twice", "clearer")
    by_giver = {f.giver_id: f for f in state.feedback}
    assert by_giver[ana].receiver_id == ben and by_giver[ana].behaviour == "you paraphrased twice"
    assert by_giver[ben].receiver_id == ana and len(state.feedback) == 2
    with pytest.raises(UsageError):
        runner.give_feedback(store, clock, sid, ana, " ", "", "")


def test_ending_without_next_steps_is_refused_unless_confirmed(
    library: Library, store: NotebookStore
) -> None:
    clock = clock_of(library)
    state = runner.open_session(store, clock)
    with pytest.raises(UsageError, match="ends with next steps"):
        runner.end_session(store, clock, state.session.id, state.session.timer_state)
    assert store.get(Session, state.session.id).status == SessionStatus.RUNNING
    summary = runner.end_session(
        store, clock, state.session.id, state.session.timer_state, allow_without_steps=True
    )
    assert store.get(Session, state.session.id).status == SessionStatus.DONE and summary.steps_set == []


def test_next_steps_default_to_the_next_meeting_and_show_in_the_summary(
    library: Library, store: NotebookStore
) -> None:
    clock = clock_of(library)
    goal = store.add_goal("me", "Delegate more")
    old = store.add_step("me", "List my tasks", goal=goal.id)
    store.add_session("2026-01-19T10:00:00Z")
    state = runner.open_session(store, clock)
    sid = state.session.id
    runner.review_step(store, clock, sid, old.id, Review.DONE)
    timer = SessionTimer.from_dict(state.session.timer_state, clock)
    for speaker_seconds in (600, 540):
        timer.advance()
        timer.start()
        clock.advance(speaker_seconds)
    timer.advance()
    state = runner.add_step(store, clock, sid, state.partner.id, "Ask for the budget figures")
    assert state.steps_set[0].due_date == "2026-01-19" and state.steps_set[0].owner_id == state.partner.id
    summary = runner.end_session(store, clock, sid, timer.to_dict())
    assert summary.seconds_by_speaker == {state.me.id: 600, state.partner.id: 540}
    assert summary.goals_touched == ["Delegate more"]
    assert [(s.id, r) for s, r in summary.steps_reviewed] == [(old.id, Review.DONE)]
    assert summary.phase_seconds["Second turn"] == 540


def test_follow_through_counts_known_outcomes_and_flags_overdue(
    library: Library, store: NotebookStore
) -> None:
    clock = clock_of(library)
    first = runner.open_session(store, clock).session.id
    done = store.add_step("me", "one", session=first, due_date="2026-01-10")
    store.add_step("me", "two", session=first, due_date="2026-01-10")  # open, overdue later
    store.add_step("me", "three", session=first, due_date="2026-02-01")  # open, not yet due
    store.set_step_status(done.id, StepStatus.DONE)
    runner.end_session(store, clock, first, store.get(Session, first).timer_state)
    result = follow_through(store.me_id, store.list(Session), store.list(NextStep), date(2026, 1, 12))
    assert (result.done, result.set, result.rate) == (1, 2, 0.5)
    assert [s.text for s in result.overdue] == ["two"]
    partner = follow_through(store.partner().id, store.list(Session), store.list(NextStep), date(2026, 1, 12))
    assert partner.rate is None and partner.set == 0


def test_a_finished_session_refuses_further_changes(library: Library, store: NotebookStore) -> None:
    clock = clock_of(library)
    state = runner.open_session(store, clock)
    runner.end_session(store, clock, state.session.id, state.session.timer_state, allow_without_steps=True)
    with pytest.raises(UsageError, match="not running"):
        runner.add_step(store, clock, state.session.id, state.me.id, "late step")


MARKER = "QUOKKA-CONFIDENTIAL-5120"


def test_a_session_run_leaves_no_plaintext_on_disk(library: Library, data_dir: Path, tmp_path: Path) -> None:
    clock = clock_of(library)
    store = library.create(f"Ana {MARKER}", "Ben").store
    state = runner.open_session(store, clock)
    sid = state.session.id
    runner.give_feedback(store, clock, sid, state.me.id, f"S {MARKER}", f"B {MARKER}", f"I {MARKER}")
    runner.add_step(store, clock, sid, state.partner.id, f"Step {MARKER}")
    store.add_note(f"Turn notes {MARKER}", session=sid)
    prompts.add_prompt(store, f"My prompt {MARKER}", "turn")
    schedule.schedule(store, clock, 2, None)
    runner.end_session(store, clock, sid, store.get(Session, sid).timer_state)
    calendar = tmp_path / "meetings.ics"
    calendar_file.write_ics(store, clock, calendar)
    store.close()
    assert files_containing(data_dir, MARKER) == []
    assert files_containing(tmp_path, MARKER) == []


def test_a_notebook_from_before_the_runner_migrates_and_runs(tmp_path: Path) -> None:
    key = os.urandom(32)
    path = tmp_path / "nb.pcnb"
    conn = database.connect(path, key)
    database.configure(conn, path)
    database.migrate(conn, 0, backup=lambda _v: None, to_version=2)
    common = "'2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '000000000001.0000.me', 'me', 0"
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [
            ("notebook_id", "nb"),
            ("partnership_id", "p"),
            ("me_peer_id", "me"),
            ("hlc", "000000000001.0000.me"),
        ],
    )
    conn.execute(
        f"INSERT INTO partnership(id, created_at, updated_at, version, author_id, deleted, title) "
        f"VALUES ('p', {common}, 'Old')"
    )
    for peer in ("me", "ben"):
        conn.execute(
            f"INSERT INTO peers(id, created_at, updated_at, version, author_id, deleted, name) "
            f"VALUES ('{peer}', {common}, '{peer}')"
        )
    conn.execute(
        f"INSERT INTO sessions(id, created_at, updated_at, version, author_id, deleted, scheduled_at, "
        f"minutes_per_turn, speaker_order, seconds_by_speaker, status) VALUES ('s', {common}, "
        f"'2026-01-05T09:00:00.000Z', 20, '[\"me\", \"ben\"]', '{{}}', 'planned')"
    )
    conn.close()
    clock = FakeClock()
    store = NotebookStore.open(path, key, clock=clock, backup_dir=tmp_path / "backups")
    assert store.partnership().cadence_weeks is None
    assert store.get(Session, "s").timer_state == {}
    state = runner.open_session(store, clock)
    assert state.session.id == "s" and state.session.timer_state["index"] == 0
    store.close()


def test_a_running_session_with_a_timer_this_app_cannot_read_starts_again_keeping_talk_time(
    library: Library, store: NotebookStore
) -> None:
    clock = clock_of(library)
    opened = runner.open_session(store, clock)
    me = store.me_id
    store.change_record(
        opened.session, timer_state={"format": 3, "from": "a newer app"}, seconds_by_speaker={me: 400}
    )
    resumed = runner.open_session(store, clock)
    assert resumed.timer_restarted and resumed.session.id == opened.session.id
    timer = SessionTimer.from_dict(resumed.session.timer_state, clock)
    assert timer.index == 0 and timer.seconds_by_speaker()[me] == 400
    assert not runner.open_session(store, clock).timer_restarted  # readable again from now on
