"""The session timer as a state machine, driven by a fake clock: no sleeping."""

from __future__ import annotations

import json

import pytest

from peercoach_desktop.core.clock import FakeClock
from peercoach_desktop.core.errors import UsageError
from peercoach_desktop.core.session_timer import Cue, CueKind, Phase, SessionTimer

A, B = "peer-a", "peer-b"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def in_turn_a(clock: FakeClock, minutes: int = 15) -> SessionTimer:
    timer = SessionTimer((A, B), minutes * 60, clock)
    timer.advance()
    timer.start()
    return timer


def test_phases_run_in_the_session_order_and_a_turn_waits_for_start(clock: FakeClock) -> None:
    timer = SessionTimer((A, B), 900, clock)
    assert timer.phase is Phase.CHECK_IN and timer.running and timer.speaker is None
    clock.advance(90)
    assert timer.advance() is Phase.TURN_A
    assert not timer.running and timer.speaker == A and timer.coach == B
    clock.advance(30)  # getting ready is not talk time
    assert timer.spoken(A) == 0
    visited = [timer.advance() for _ in range(4)]
    assert visited == [Phase.TURN_B, Phase.FEEDBACK, Phase.NEXT_STEPS, Phase.DONE]
    assert timer.phase_seconds()["check_in"] == 90
    with pytest.raises(UsageError):
        timer.advance()


def test_pause_stops_the_speakers_clock(clock: FakeClock) -> None:
    timer = in_turn_a(clock)
    clock.advance(100)
    timer.pause()
    clock.advance(500)
    assert timer.spoken(A) == 100 and timer.remaining(A) == 800
    timer.toggle()
    clock.advance(50)
    assert timer.spoken(A) == 150 and timer.running


def test_cues_two_minutes_before_and_at_the_end_each_given_once(clock: FakeClock) -> None:
    timer = in_turn_a(clock, minutes=5)
    clock.advance(179)
    assert timer.poll() == []
    clock.advance(1)
    assert timer.poll() == [Cue(CueKind.WARNING, A)]
    assert timer.poll() == []
    clock.advance(120)
    assert timer.poll() == [Cue(CueKind.END, A)]
    clock.advance(60)
    assert timer.poll() == []


def test_overtime_runs_on_and_is_reported_never_cut(clock: FakeClock) -> None:
    timer = in_turn_a(clock, minutes=5)
    clock.advance(300 + 75)
    assert timer.running and timer.phase is Phase.TURN_A
    assert timer.remaining(A) == -75 and timer.overtime(A) == 75
    assert timer.seconds_by_speaker() == {A: 375, B: 0}


def test_extend_adds_time_and_lets_a_passed_cue_sound_again(clock: FakeClock) -> None:
    timer = in_turn_a(clock, minutes=5)
    clock.advance(300)
    assert [c.kind for c in timer.poll()] == [CueKind.END]
    timer.extend(180)
    assert timer.remaining(A) == 180 and timer.overtime(A) == 0
    assert timer.poll() == []  # three minutes left: no warning yet
    clock.advance(60)
    assert timer.poll() == [Cue(CueKind.WARNING, A)]
    clock.advance(120)
    assert timer.poll() == [Cue(CueKind.END, A)]


def test_extend_is_only_for_turns_and_bounded(clock: FakeClock) -> None:
    timer = SessionTimer((A, B), 900, clock)
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
    assert timer.remaining(B) == 60
    assert timer.phase_seconds()["turn_a"] == 600 and timer.phase_seconds()["turn_b"] == 840


def test_resume_after_restart_keeps_time_cues_and_the_running_clock(clock: FakeClock) -> None:
    timer = in_turn_a(clock, minutes=5)
    clock.advance(200)
    assert timer.poll() == [Cue(CueKind.WARNING, A)]
    saved = json.dumps(timer.to_dict())  # what is persisted on every change

    clock.advance(40)  # the app was down; the conversation went on
    restored = SessionTimer.from_dict(json.loads(saved), clock)
    assert restored.phase is Phase.TURN_A and restored.running
    assert restored.spoken(A) == 240
    assert restored.poll() == []  # the warning was already given before the crash
    clock.advance(60)
    assert restored.poll() == [Cue(CueKind.END, A)]


def test_a_paused_timer_restores_paused(clock: FakeClock) -> None:
    timer = in_turn_a(clock)
    clock.advance(30)
    timer.pause()
    restored = SessionTimer.from_dict(timer.to_dict(), clock)
    clock.advance(1000)
    assert not restored.running and restored.spoken(A) == 30


def test_a_damaged_saved_timer_is_refused_clearly(clock: FakeClock) -> None:
    with pytest.raises(UsageError, match="damaged"):
        SessionTimer.from_dict({"format": 1, "speakers": [A, B]}, clock)
    with pytest.raises(UsageError, match="another version"):
        SessionTimer.from_dict({"format": 99}, clock)


def test_a_wall_clock_stepping_back_never_makes_time_negative(clock: FakeClock) -> None:
    timer = in_turn_a(clock)
    clock.advance(-3600)
    assert timer.spoken(A) == 0
