"""The session timer as a state machine, driven by a fake clock: no sleeping."""

from __future__ import annotations

import json

import pytest

from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.domain.errors import UsageError
from peercoach_desktop.domain.session_timer import Cue, CueKind, Kind, SessionTimer, Stage, classic_stages

A, B = "peer-a", "peer-b"
CHECK_IN, TURN_A, TURN_B, FEEDBACK, NEXT_STEPS = range(5)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def in_turn_a(clock: FakeClock, minutes: int = 15) -> SessionTimer:
    timer = SessionTimer((A, B), classic_stages(minutes * 60), clock)
    timer.advance()
    timer.start()
    return timer


def test_stages_run_in_the_session_order_and_a_turn_waits_for_start(clock: FakeClock) -> None:
    timer = SessionTimer((A, B), classic_stages(900), clock)
    assert timer.index == CHECK_IN and timer.running and timer.speaker is None
    clock.advance(90)
    assert timer.advance() == TURN_A
    assert not timer.running and timer.speaker == A and timer.coach == B
    clock.advance(30)  # getting ready is not talk time
    assert timer.spoken(A) == 0
    visited = [timer.advance() for _ in range(4)]
    assert visited == [TURN_B, FEEDBACK, NEXT_STEPS, 5] and timer.done and timer.stage is None
    assert timer.phase_seconds()["Check-in"] == 90
    with pytest.raises(UsageError):
        timer.advance()


def test_a_template_with_many_talk_stages_credits_each_speaker(clock: FakeClock) -> None:
    grow = [Stage("Check-in", Kind.CHECK_IN, "both", 300)]
    grow += [Stage(f"A: {step}", Kind.TALK, "a", 180) for step in ("Goal", "Reality")]
    grow += [Stage("Together", Kind.TALK, "both", 120), Stage("Next steps", Kind.NEXT_STEPS, "both", 300)]
    timer = SessionTimer((A, B), grow, clock)
    for seconds in (100, 150):
        timer.advance()
        timer.start()
        clock.advance(seconds)
    assert timer.speaker == A and timer.remaining() == 30
    timer.advance()  # both talk: a timed stage, credited to nobody
    assert timer.speaker is None and timer.timed and not timer.running
    timer.start()
    clock.advance(200)
    assert [c.kind for c in timer.poll()] == [CueKind.END] and timer.overtime() == 80
    assert timer.seconds_by_speaker() == {A: 250, B: 0}
    assert list(timer.phase_seconds().values()) == [0, 100, 150, 200, 0]
    assert timer.first(Kind.NEXT_STEPS) == 4


def test_pause_stops_the_speakers_clock(clock: FakeClock) -> None:
    timer = in_turn_a(clock)
    clock.advance(100)
    timer.pause()
    clock.advance(500)
    assert timer.spoken(A) == 100 and timer.remaining() == 800
    timer.toggle()
    clock.advance(50)
    assert timer.spoken(A) == 150 and timer.running


def test_cues_two_minutes_before_and_at_the_end_each_given_once(clock: FakeClock) -> None:
    timer = in_turn_a(clock, minutes=5)
    clock.advance(179)
    assert timer.poll() == []
    clock.advance(1)
    assert timer.poll() == [Cue(CueKind.WARNING, TURN_A)]
    assert timer.poll() == []
    clock.advance(120)
    assert timer.poll() == [Cue(CueKind.END, TURN_A)]
    clock.advance(60)
    assert timer.poll() == []


def test_overtime_runs_on_and_is_reported_never_cut(clock: FakeClock) -> None:
    timer = in_turn_a(clock, minutes=5)
    clock.advance(300 + 75)
    assert timer.running and timer.index == TURN_A
    assert timer.remaining() == -75 and timer.overtime() == 75
    assert timer.seconds_by_speaker() == {A: 375, B: 0}


def test_extend_adds_time_and_lets_a_passed_cue_sound_again(clock: FakeClock) -> None:
    timer = in_turn_a(clock, minutes=5)
    clock.advance(300)
    assert [c.kind for c in timer.poll()] == [CueKind.END]
    timer.extend(180)
    assert timer.remaining() == 180 and timer.overtime() == 0
    assert timer.poll() == []  # three minutes left: no warning yet
    clock.advance(60)
    assert timer.poll() == [Cue(CueKind.WARNING, TURN_A)]
    clock.advance(120)
    assert timer.poll() == [Cue(CueKind.END, TURN_A)]


def test_extend_is_only_for_turns_and_bounded(clock: FakeClock) -> None:
    timer = SessionTimer((A, B), classic_stages(900), clock)
    with pytest.raises(UsageError):
        timer.extend(60)
    timer.advance()
    with pytest.raises(UsageError):
        timer.extend(31 * 60)


def test_role_swap_gives_peer_b_a_fresh_turn_and_keeps_a_time(clock: FakeClock) -> None:
    timer = in_turn_a(clock)
    clock.advance(600)
    timer.advance()
    assert timer.speaker == B and timer.coach == A and not timer.running
    timer.start()
    clock.advance(840)
    assert timer.seconds_by_speaker() == {A: 600, B: 840}
    assert timer.remaining() == 60
    assert timer.phase_seconds()["First turn"] == 600 and timer.phase_seconds()["Second turn"] == 840


def test_resume_after_restart_keeps_time_cues_and_the_running_clock(clock: FakeClock) -> None:
    timer = in_turn_a(clock, minutes=5)
    clock.advance(200)
    assert timer.poll() == [Cue(CueKind.WARNING, TURN_A)]
    saved = json.dumps(timer.to_dict())  # what is persisted on every change

    clock.advance(40)  # the app was down; the conversation went on
    restored = SessionTimer.from_dict(json.loads(saved), clock)
    assert restored.index == TURN_A and restored.running
    assert restored.spoken(A) == 240
    assert restored.poll() == []  # the warning was already given before the crash
    clock.advance(60)
    assert restored.poll() == [Cue(CueKind.END, TURN_A)]


def test_a_paused_timer_restores_paused(clock: FakeClock) -> None:
    timer = in_turn_a(clock)
    clock.advance(30)
    timer.pause()
    restored = SessionTimer.from_dict(timer.to_dict(), clock)
    clock.advance(1000)
    assert not restored.running and restored.spoken(A) == 30


def test_a_damaged_saved_timer_is_refused_clearly(clock: FakeClock) -> None:
    with pytest.raises(UsageError, match="damaged"):
        SessionTimer.from_dict({"format": 2, "speakers": [A, B]}, clock)
    saved = in_turn_a(clock).to_dict()
    with pytest.raises(UsageError, match="damaged"):
        SessionTimer.from_dict(saved | {"index": 9}, clock)
    with pytest.raises(UsageError, match="another version"):
        SessionTimer.from_dict({"format": 99}, clock)


def test_a_wall_clock_stepping_back_never_makes_time_negative(clock: FakeClock) -> None:
    timer = in_turn_a(clock)
    clock.advance(-3600)
    assert timer.spoken(A) == 0


def test_a_session_saved_before_templates_resumes_with_its_time(clock: FakeClock) -> None:
    old = {  # timer format 1: fixed phases, allowance per speaker
        "format": 1,
        "speakers": [A, B],
        "turn_seconds": 600,
        "phase": "turn_b",
        "allowance": {A: 660.0, B: 600.0},
        "spoken": {A: 630.0, B: 100.0},
        "phase_time": {"check_in": 60.0, "turn_a": 630.0, "turn_b": 100.0},
        "running_since": None,
        "fired": [f"{A}|end", f"{A}|warning"],
    }
    timer = SessionTimer.from_dict(old, clock)
    assert timer.index == TURN_B and timer.speaker == B and timer.remaining() == 500
    assert timer.allowance[TURN_A] == 660 and timer.seconds_by_speaker() == {A: 630, B: 100}
    assert timer.phase_seconds()["First turn"] == 630
    timer.start()
    clock.advance(400)
    assert timer.poll() == [Cue(CueKind.WARNING, TURN_B)]


def test_only_talk_stages_count_as_a_peers_talk_time(clock: FakeClock) -> None:
    stages = [
        Stage("Check-in", Kind.CHECK_IN, "a", 300),
        Stage("Talk", Kind.TALK, "a", 300),
        Stage("Reflection", Kind.FEEDBACK, "a", 300),
    ]
    timer = SessionTimer((A, B), stages, clock)
    clock.advance(60)
    timer.advance()
    timer.start()
    clock.advance(60)
    timer.advance()
    clock.advance(60)
    assert timer.speaker is None and timer.seconds_by_speaker() == {A: 60, B: 0}
