"""The records of a workshop notebook: its participants and its rounds (one per hour held).

Plain data, no I/O: storage/workshop_store reads and writes them, coaching/workshop decides."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Participant:
    id: str
    name: str
    unit: str
    present: bool

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "unit": self.unit, "present": self.present}


@dataclass(frozen=True)
class Round:
    """One workshop hour: its seed, its groups (participant ids; table n is groups[n - 1]), and
    whether it is finished (then its pairs count as "already met" for the next rounds)."""

    id: str
    started_at: str
    seed: int
    groups: tuple[tuple[str, ...], ...]
    finished_at: str | None = None
    phase_minutes: dict[str, int] = field(default_factory=dict)
    timer_state: dict[str, Any] = field(default_factory=dict)
    themes: str = ""
    tally: dict[str, int] = field(default_factory=dict)
    continuing: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "seed": self.seed,
            "groups": [list(g) for g in self.groups],
            "phase_minutes": dict(self.phase_minutes),
            "themes": self.themes,
            "tally": dict(self.tally),
            "continuing": self.continuing,
        }
