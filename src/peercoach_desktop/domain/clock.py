"""Injectable time and the hybrid logical clock that versions every record.

A version is ``<wall ms, 12 hex>.<counter, 4 hex>.<node>``: fixed-width, so plain
string comparison orders versions, and the node (the author's peer id) breaks ties
between two laptops deterministically.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """Current time, timezone-aware UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A clock for tests: time moves only when told to."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = start or datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self._now

    def advance(self, seconds: float) -> None:
        self._now += timedelta(seconds=seconds)


def iso(moment: datetime) -> str:
    """UTC ISO-8601 with milliseconds, the one timestamp format we store."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_iso(text: str) -> datetime:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.astimezone()  # a local time typed by the user
    return moment.astimezone(UTC)


@dataclass(frozen=True, order=True)
class Version:
    wall_ms: int
    counter: int
    node: str

    def __str__(self) -> str:
        return f"{self.wall_ms:012x}.{self.counter:04x}.{self.node}"

    @classmethod
    def parse(cls, text: str) -> Version:
        wall, counter, node = text.split(".", 2)
        return cls(int(wall, 16), int(counter, 16), node)


class HybridClock:
    """Hybrid logical clock: monotonic even if the wall clock steps back, and
    ahead of every version seen from the partner."""

    def __init__(self, clock: Clock, node: str, last: str | None = None) -> None:
        self._clock = clock
        self._node = node
        self._last = Version.parse(last) if last else Version(0, 0, node)

    @property
    def last(self) -> str:
        return str(self._last)

    def tick(self) -> str:
        wall = int(self._clock.now().timestamp() * 1000)
        if wall > self._last.wall_ms:
            self._last = Version(wall, 0, self._node)
        else:
            self._last = Version(self._last.wall_ms, self._last.counter + 1, self._node)
        return str(self._last)

    def observe(self, remote: str) -> None:
        seen = Version.parse(remote)
        if (seen.wall_ms, seen.counter) > (self._last.wall_ms, self._last.counter):
            self._last = Version(seen.wall_ms, seen.counter, self._node)
