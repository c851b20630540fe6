from __future__ import annotations

from peercoach_desktop.domain.clock import FakeClock, HybridClock, Version


def test_versions_keep_rising_when_the_wall_clock_steps_back() -> None:
    clock = FakeClock()
    hlc = HybridClock(clock, "node-a")
    first = hlc.tick()
    clock.advance(-3600)
    second = hlc.tick()
    third = hlc.tick()
    assert first < second < third


def test_a_version_seen_from_the_partner_is_overtaken() -> None:
    clock = FakeClock()
    mine = HybridClock(clock, "a")
    theirs = HybridClock(FakeClock(clock.now().replace(year=2027)), "b")
    remote = theirs.tick()
    mine.observe(remote)
    assert mine.tick() > remote


def test_version_text_round_trips_and_sorts_like_its_value() -> None:
    a, b = Version(5, 1, "x"), Version(16, 0, "a")
    assert Version.parse(str(a)) == a
    assert (str(a) < str(b)) == (a < b)


def test_clock_resumes_from_its_saved_state() -> None:
    clock = FakeClock()
    hlc = HybridClock(clock, "a")
    saved = hlc.tick()
    clock.advance(-10)
    assert HybridClock(clock, "a", saved).tick() > saved
