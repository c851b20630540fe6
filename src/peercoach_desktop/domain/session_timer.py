"""The session timer: a pure state machine over an injected clock.

A session runs through stages taken from its protocol template (check-in, talk phases,
feedback, next steps). The timer knows the current stage, how long each stage and each
speaker has taken, whether the clock runs, how long each talk stage may last (its
minutes plus extensions) and which cues (two minutes left, time is up) were given.
Nothing is ever cut: past the end a stage runs on and reports overtime.

Every change is visible in ``to_dict()`` so the caller can persist it after each
step; ``from_dict()`` restores it after a crash, and a clock that was running keeps
counting the time the app was away (the conversation went on in the room).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from peercoach_desktop.domain.clock import Clock, iso, parse_iso
from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, UsageError

FORMAT = 2
WARNING_SECONDS = 120  # the cue two minutes before the end of a talk stage
MAX_EXTENSION_SECONDS = 30 * 60
SPEAKERS = ("a", "b", "both")


class Kind(StrEnum):
    """What a stage is for; it decides the page the runner shows."""

    CHECK_IN = "check_in"  # last time's next steps reviewed
    TALK = "talk"  # one peer (or both) talks, the clock waits for Start and gives cues
    FEEDBACK = "feedback"  # on the coaching: situation, behaviour, impact
    NEXT_STEPS = "next_steps"  # concrete steps, then the session ends


@dataclass(frozen=True)
class Stage:
    name: str
    kind: Kind
    speaker: str  # "a" (first in the speaker order), "b", or "both"
    seconds: int
    prompts: tuple[str, ...] = ()  # prompt categories offered in this stage

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind.value,
            "speaker": self.speaker,
            "seconds": self.seconds,
            "prompts": list(self.prompts),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Stage:
        if data["speaker"] not in SPEAKERS or int(data["seconds"]) <= 0:
            raise ValueError("bad stage")
        return cls(
            str(data["name"]),
            Kind(data["kind"]),
            data["speaker"],
            int(data["seconds"]),
            tuple(data["prompts"]),
        )


def classic_stages(turn_seconds: int) -> tuple[Stage, ...]:
    """The fixed five phases every session had before templates (timer format 1)."""
    turn = ("active_listening", "curious_stance", "reflective_mirror")
    return (
        Stage("Check-in", Kind.CHECK_IN, "both", 300, ("goals_next_steps",)),
        Stage("First turn", Kind.TALK, "a", turn_seconds, turn),
        Stage("Second turn", Kind.TALK, "b", turn_seconds, turn),
        Stage("Feedback", Kind.FEEDBACK, "both", 300, ("feedback",)),
        Stage("Next steps", Kind.NEXT_STEPS, "both", 300, ("goals_next_steps",)),
    )


class CueKind(StrEnum):
    WARNING = "warning"  # two minutes left
    END = "end"  # the stage's time is up


@dataclass(frozen=True)
class Cue:
    kind: CueKind
    stage: int  # index of the stage the cue is for


class SessionTimer:
    def __init__(
        self, speakers: tuple[str, str] | list[str], stages: tuple[Stage, ...] | list[Stage], clock: Clock
    ) -> None:
        if len(speakers) != 2 or speakers[0] == speakers[1]:
            raise UsageError(QT_TRANSLATE_NOOP("Core", "A session has two different speakers."))
        if not stages or any(stage.seconds <= 0 for stage in stages):
            raise UsageError(
                QT_TRANSLATE_NOOP("Core", "A session needs stages that last longer than zero seconds.")
            )
        self._clock = clock
        self.speakers: tuple[str, str] = (speakers[0], speakers[1])
        self.stages: tuple[Stage, ...] = tuple(stages)
        self.index = 0  # len(stages) once the session is done
        self.allowance = [float(stage.seconds) for stage in self.stages]
        self._elapsed = [0.0] * len(self.stages)  # banked, not counting the running stretch
        self._spoken = {s: 0.0 for s in self.speakers}
        self._running_since: datetime | None = None
        self._fired: set[tuple[int, str]] = set()  # (stage index, cue kind)
        self._enter()

    # ----- reading -------------------------------------------------------------------------

    @property
    def done(self) -> bool:
        return self.index >= len(self.stages)

    @property
    def stage(self) -> Stage | None:
        return None if self.done else self.stages[self.index]

    @property
    def running(self) -> bool:
        return self._running_since is not None

    @property
    def timed(self) -> bool:
        """A talk stage: its clock waits for Start, can be extended and gives cues."""
        return self.stage is not None and self.stage.kind is Kind.TALK

    def speaker_of(self, stage: Stage) -> str | None:
        """The peer who has the floor in a talk stage; a check-in, feedback or next-steps
        stage is shared time and counts for neither, whoever the template names."""
        if stage.kind is not Kind.TALK:
            return None
        return {"a": self.speakers[0], "b": self.speakers[1]}.get(stage.speaker)

    @property
    def speaker(self) -> str | None:
        """Who has the floor now, or None when both talk or between stages."""
        return None if self.stage is None else self.speaker_of(self.stage)

    @property
    def coach(self) -> str | None:
        speaker = self.speaker
        return None if speaker is None else self.other(speaker)

    def other(self, speaker_id: str) -> str:
        return self.speakers[1] if speaker_id == self.speakers[0] else self.speakers[0]

    def first(self, kind: Kind) -> int:
        """The index of the first stage of this kind."""
        return next(i for i, stage in enumerate(self.stages) if stage.kind is kind)

    def _stretch(self) -> float:
        if self._running_since is None:
            return 0.0
        return max(0.0, (self._clock.now() - self._running_since).total_seconds())  # clock stepped back: 0

    def elapsed(self, index: int | None = None) -> float:
        index = self.index if index is None else index
        live = self._stretch() if index == self.index else 0.0
        return self._elapsed[index] + live

    def remaining(self) -> float:
        """Seconds left in the current stage; negative means overtime."""
        if self.done:
            return 0.0
        return self.allowance[self.index] - self.elapsed()

    def overtime(self) -> float:
        return max(0.0, -self.remaining())

    def spoken(self, speaker_id: str) -> float:
        """Seconds this peer has had the floor so far."""
        live = self._stretch() if speaker_id == self.speaker else 0.0
        return self._spoken[speaker_id] + live

    def phase_seconds(self) -> dict[str, float]:
        """Time per stage, by stage name, in the protocol's order."""
        return {stage.name: self.elapsed(i) for i, stage in enumerate(self.stages)}

    def seconds_by_speaker(self) -> dict[str, int]:
        return {s: round(self.spoken(s)) for s in self.speakers}

    # ----- changing ------------------------------------------------------------------------

    def _bank(self) -> None:
        """Fold the running stretch into the totals and restart it from now."""
        if self._running_since is None:
            return
        stretch = self._stretch()
        self._elapsed[self.index] += stretch
        if self.speaker is not None:
            self._spoken[self.speaker] += stretch
        self._running_since = self._clock.now()

    def _enter(self) -> None:
        """A talk stage waits for Start; check-in, feedback and next steps count at once."""
        self._running_since = None if self.done or self.timed else self._clock.now()

    def _not_done(self) -> None:
        if self.done:
            raise UsageError(QT_TRANSLATE_NOOP("Core", "The session has ended."))

    def start(self) -> None:
        self._not_done()
        if self._running_since is None:
            self._running_since = self._clock.now()

    def pause(self) -> None:
        self._bank()
        self._running_since = None

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def extend(self, seconds: int = 60) -> None:
        """Give the current talk stage more time; cues not yet reached can sound again."""
        if not self.timed:
            raise UsageError(QT_TRANSLATE_NOOP("Core", "Only a talk stage can be extended."))
        i = self.index
        if seconds <= 0 or self.allowance[i] + seconds - self.stages[i].seconds > MAX_EXTENSION_SECONDS:
            raise UsageError(QT_TRANSLATE_NOOP("Core", "A stage can be extended by up to 30 minutes in all."))
        self.allowance[i] += seconds
        remaining = self.remaining()
        if remaining > 0:
            self._fired.discard((i, CueKind.END.value))
        if remaining > WARNING_SECONDS:
            self._fired.discard((i, CueKind.WARNING.value))

    def go_to(self, index: int) -> None:
        """Move to any stage (len(stages) ends the session)."""
        self._not_done()
        if not 0 <= index <= len(self.stages):
            raise UsageError(QT_TRANSLATE_NOOP("Core", "This session has no such stage."))
        self._bank()
        self.index = index
        self._enter()

    def advance(self) -> int:
        """The next stage; from one speaker's stage to the other's is the role swap."""
        self._not_done()
        self.go_to(self.index + 1)
        return self.index

    def finish(self) -> None:
        if not self.done:
            self.go_to(len(self.stages))

    def poll(self) -> list[Cue]:
        """Cues newly due in the current talk stage; each is given once (until an extension)."""
        if not self.timed:
            return []
        i, remaining = self.index, self.remaining()
        due = []
        if remaining <= WARNING_SECONDS and self.allowance[i] > WARNING_SECONDS:
            due.append(CueKind.WARNING)
        if remaining <= 0:
            due.append(CueKind.END)
        cues = []
        for kind in due:
            if (i, kind.value) not in self._fired:
                self._fired.add((i, kind.value))
                cues.append(Cue(kind, i))
        # At the end only the end cue matters: a late poll must not sound twice.
        return cues[-1:] if len(cues) == 2 else cues

    # ----- persisting ----------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "speakers": list(self.speakers),
            "stages": [stage.to_dict() for stage in self.stages],
            "index": self.index,
            "allowance": list(self.allowance),
            "elapsed": [round(v, 3) for v in self._elapsed],
            "spoken": {s: round(v, 3) for s, v in self._spoken.items()},
            # By stage name, for summaries and `peercoach show` (which read it without a timer).
            "phase_time": {k: round(v, 3) for k, v in self.phase_seconds().items()},
            "running_since": iso(self._running_since) if self._running_since else None,
            "fired": sorted(f"{index}|{kind}" for index, kind in self._fired),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], clock: Clock) -> SessionTimer:
        if not isinstance(data, dict) or data.get("format") not in (1, FORMAT):
            raise UsageError(
                QT_TRANSLATE_NOOP("Core", "This session's timer was saved by another version of the app.")
            )
        try:
            if data["format"] == 1:
                data = _from_format_1(data)
            timer = cls(data["speakers"], [Stage.from_dict(s) for s in data["stages"]], clock)
            count = len(timer.stages)
            timer.index = int(data["index"])
            timer.allowance = [float(v) for v in data["allowance"]]
            timer._elapsed = [float(v) for v in data["elapsed"]]
            if not 0 <= timer.index <= count or len(timer.allowance) != count or len(timer._elapsed) != count:
                raise ValueError("stage counts differ")
            timer._spoken = {s: float(data["spoken"][s]) for s in timer.speakers}
            since = data["running_since"]
            timer._running_since = parse_iso(since) if since else None
            fired = (item.split("|", 1) for item in data["fired"])
            timer._fired = {(int(index), kind) for index, kind in fired}
        except (KeyError, TypeError, ValueError, AttributeError):
            raise UsageError(QT_TRANSLATE_NOOP("Core", "This session's saved timer is damaged.")) from None
        return timer


_FORMAT_1_PHASES = ("check_in", "turn_a", "turn_b", "feedback", "next_steps", "done")


def stage_times(state: dict[str, Any] | None) -> list[tuple[str, float]]:
    """Seconds spent in each stage of a saved timer, in the protocol's order: the one place
    that orders them (a stored timer's "phase_time" is keyed by name, and JSON sorts keys)."""
    if not state:
        return []
    stages, elapsed = state.get("stages"), state.get("elapsed")
    if isinstance(stages, list) and isinstance(elapsed, list) and len(stages) == len(elapsed):
        # elapsed: what each stage banked (all of it once the session ended); two stages of
        # the same name stay two lines
        return [
            (str(stage.get("name", "?")), float(spent)) for stage, spent in zip(stages, elapsed, strict=True)
        ]
    times = state.get("phase_time") or {}
    order = {name: i for i, name in enumerate(_FORMAT_1_PHASES)}  # before templates: the classic five
    return sorted(((str(k), float(v)) for k, v in times.items()), key=lambda kv: order.get(kv[0], len(order)))


def _from_format_1(old: dict[str, Any]) -> dict[str, Any]:
    """A session saved before templates: the five classic phases, time carried over."""
    a, b = old["speakers"]
    stages = classic_stages(int(old["turn_seconds"]))
    allowance = [float(stage.seconds) for stage in stages]
    allowance[1], allowance[2] = float(old["allowance"][a]), float(old["allowance"][b])
    speaker_stage = {a: 1, b: 2}
    return {
        "speakers": [a, b],
        "stages": [stage.to_dict() for stage in stages],
        "index": _FORMAT_1_PHASES.index(old["phase"]),
        "allowance": allowance,
        "elapsed": [float(old["phase_time"].get(key, 0.0)) for key in _FORMAT_1_PHASES[:-1]],
        "spoken": old["spoken"],
        "running_since": old["running_since"],
        "fired": [f"{speaker_stage[s]}|{kind}" for s, kind in (f.split("|", 1) for f in old["fired"])],
    }
