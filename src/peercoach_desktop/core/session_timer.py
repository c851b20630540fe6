"""The session timer: a pure state machine over an injected clock.

It knows the phases of a peer-coaching session, how long each speaker has talked,
whether the clock runs, how long each turn may last (turn length plus extensions)
and which cues (two minutes left, time is up) have already been given. Nothing is
ever cut: past the end a turn runs on and reports overtime.

Every change is visible in ``to_dict()`` so the caller can persist it after each
step; ``from_dict()`` restores it after a crash, and a clock that was running keeps
counting the time the app was away (the conversation went on in the room).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from peercoach_desktop.core.clock import Clock, iso, parse_iso
from peercoach_desktop.core.errors import UsageError

FORMAT = 1
WARNING_SECONDS = 120  # the cue two minutes before the end of a turn
MAX_EXTENSION_SECONDS = 30 * 60


class Phase(StrEnum):
    CHECK_IN = "check_in"
    TURN_A = "turn_a"
    TURN_B = "turn_b"
    FEEDBACK = "feedback"
    NEXT_STEPS = "next_steps"
    DONE = "done"


PHASES = list(Phase)
TURNS = (Phase.TURN_A, Phase.TURN_B)


class CueKind(StrEnum):
    WARNING = "warning"  # two minutes left
    END = "end"  # the turn's time is up


@dataclass(frozen=True)
class Cue:
    kind: CueKind
    speaker_id: str


class SessionTimer:
    def __init__(self, speakers: tuple[str, str] | list[str], turn_seconds: int, clock: Clock) -> None:
        if len(speakers) != 2 or speakers[0] == speakers[1]:
            raise UsageError("A session has two different speakers.")
        if turn_seconds <= 0:
            raise UsageError("A turn must last longer than zero seconds.")
        self._clock = clock
        self.speakers: tuple[str, str] = (speakers[0], speakers[1])
        self.turn_seconds = turn_seconds
        self.phase = Phase.CHECK_IN
        self.allowance = {s: float(turn_seconds) for s in self.speakers}
        self._spoken = {s: 0.0 for s in self.speakers}  # banked, not counting the running stretch
        self._phase_time = {p.value: 0.0 for p in PHASES}
        self._running_since: datetime | None = None
        self._fired: set[tuple[str, str]] = set()  # (speaker, cue kind)
        self.start()  # check-in time counts from the moment the session opens

    # ----- reading -------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._running_since is not None

    @property
    def speaker(self) -> str | None:
        """Whose turn it is, or None outside the two turns."""
        if self.phase in TURNS:
            return self.speakers[TURNS.index(self.phase)]
        return None

    @property
    def coach(self) -> str | None:
        speaker = self.speaker
        return None if speaker is None else self.other(speaker)

    def other(self, speaker_id: str) -> str:
        return self.speakers[1] if speaker_id == self.speakers[0] else self.speakers[0]

    def _stretch(self) -> float:
        if self._running_since is None:
            return 0.0
        return max(0.0, (self._clock.now() - self._running_since).total_seconds())  # clock stepped back: 0

    def spoken(self, speaker_id: str) -> float:
        """Seconds this speaker has talked in their turn so far."""
        live = self._stretch() if speaker_id == self.speaker else 0.0
        return self._spoken[speaker_id] + live

    def remaining(self, speaker_id: str) -> float:
        """Seconds left in this speaker's turn; negative means overtime."""
        return self.allowance[speaker_id] - self.spoken(speaker_id)

    def overtime(self, speaker_id: str) -> float:
        return max(0.0, -self.remaining(speaker_id))

    def phase_seconds(self) -> dict[str, float]:
        times = dict(self._phase_time)
        times[self.phase.value] += self._stretch()
        return times

    def seconds_by_speaker(self) -> dict[str, int]:
        return {s: round(self.spoken(s)) for s in self.speakers}

    # ----- changing ------------------------------------------------------------------------

    def _bank(self) -> None:
        """Fold the running stretch into the totals and restart it from now."""
        if self._running_since is None:
            return
        stretch = self._stretch()
        self._phase_time[self.phase.value] += stretch
        if self.speaker is not None:
            self._spoken[self.speaker] += stretch
        self._running_since = self._clock.now()

    def start(self) -> None:
        if self.phase is Phase.DONE:
            raise UsageError("The session has ended.")
        if self._running_since is None:
            self._running_since = self._clock.now()

    def pause(self) -> None:
        self._bank()
        self._running_since = None

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def extend(self, seconds: int = 60) -> None:
        """Give the current speaker more time; cues not yet reached can sound again."""
        speaker = self.speaker
        if speaker is None:
            raise UsageError("Only a speaker's turn can be extended.")
        if seconds <= 0 or self.allowance[speaker] + seconds - self.turn_seconds > MAX_EXTENSION_SECONDS:
            raise UsageError("A turn can be extended by up to 30 minutes in all.")
        self.allowance[speaker] += seconds
        remaining = self.remaining(speaker)
        if remaining > 0:
            self._fired.discard((speaker, CueKind.END.value))
        if remaining > WARNING_SECONDS:
            self._fired.discard((speaker, CueKind.WARNING.value))

    def go_to(self, phase: Phase) -> None:
        """Move to any phase. A turn waits for Start; other phases count time at once."""
        if self.phase is Phase.DONE:
            raise UsageError("The session has ended.")
        self._bank()
        self.phase = phase
        if phase in TURNS or phase is Phase.DONE:
            self._running_since = None
        elif self._running_since is None:
            self._running_since = self._clock.now()

    def advance(self) -> Phase:
        """The next phase; from peer A's turn this is the role swap to peer B."""
        if self.phase is Phase.DONE:
            raise UsageError("The session has ended.")
        self.go_to(PHASES[PHASES.index(self.phase) + 1])
        return self.phase

    def finish(self) -> None:
        if self.phase is not Phase.DONE:
            self.go_to(Phase.DONE)

    def poll(self) -> list[Cue]:
        """Cues newly due for the current speaker; each is given once (until an extension)."""
        speaker = self.speaker
        if speaker is None:
            return []
        remaining = self.remaining(speaker)
        due = []
        if remaining <= WARNING_SECONDS and self.allowance[speaker] > WARNING_SECONDS:
            due.append(CueKind.WARNING)
        if remaining <= 0:
            due.append(CueKind.END)
        cues = []
        for kind in due:
            if (speaker, kind.value) not in self._fired:
                self._fired.add((speaker, kind.value))
                cues.append(Cue(kind, speaker))
        # At the end only the end cue matters: a late poll must not sound twice.
        return cues[-1:] if len(cues) == 2 else cues

    # ----- persisting ----------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "speakers": list(self.speakers),
            "turn_seconds": self.turn_seconds,
            "phase": self.phase.value,
            "allowance": dict(self.allowance),
            "spoken": {s: round(v, 3) for s, v in self._spoken.items()},
            "phase_time": {p: round(v, 3) for p, v in self._phase_time.items()},
            "running_since": iso(self._running_since) if self._running_since else None,
            "fired": sorted(f"{speaker}|{kind}" for speaker, kind in self._fired),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], clock: Clock) -> SessionTimer:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise UsageError("This session's timer was saved by another version of the app.")
        try:
            timer = cls(data["speakers"], int(data["turn_seconds"]), clock)
            timer.phase = Phase(data["phase"])
            timer.allowance = {s: float(data["allowance"][s]) for s in timer.speakers}
            timer._spoken = {s: float(data["spoken"][s]) for s in timer.speakers}
            timer._phase_time = {p.value: float(data["phase_time"].get(p.value, 0.0)) for p in PHASES}
            since = data["running_since"]
            timer._running_since = parse_iso(since) if since else None
            timer._fired = {tuple(item.split("|", 1)) for item in data["fired"]}  # type: ignore[misc]
        except (KeyError, TypeError, ValueError):
            raise UsageError("This session's saved timer is damaged.") from None
        return timer
