"""The agenda of a workshop hour (resources/workshop/agenda.toml) and the one shared timer.

The room runs on the session runner's own timer (domain/session_timer): every agenda phase is
a timed stage, so the room gets the same cues (two minutes left, time is up, overtime counted).
"""

from __future__ import annotations

from dataclasses import dataclass

from peercoach_desktop.domain.clock import Clock
from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, PeerCoachError
from peercoach_desktop.domain.session_timer import Kind, SessionTimer, Stage
from peercoach_desktop.system.files import read_toml
from peercoach_desktop.system.resources import resource_path

LANGUAGES = ("en", "de")
# The timer of a room has no two peers; these stand for the whole room.
ROOM_SPEAKERS = ("room", "facilitator")
TURN_KEYS = ("first", "second")  # phases where one person per pair speaks


class AgendaError(PeerCoachError):
    """The bundled agenda file is damaged."""


@dataclass(frozen=True)
class Phase:
    key: str
    name: str
    text: str
    minutes: int


def load(language: str = "en") -> list[Phase]:
    code = language if language in LANGUAGES else "en"
    data = read_toml(resource_path("workshop", "agenda.toml"), AgendaError)
    try:
        return [
            Phase(str(p["key"]), str(p[code]["name"]), str(p[code]["text"]).strip(), int(p["minutes"]))
            for p in data["phase"]
        ]
    except (KeyError, TypeError, ValueError):
        raise AgendaError(
            QT_TRANSLATE_NOOP("Core", "The app's resource {path} is damaged; reinstall PeerCoach Desktop."),
            path="workshop/agenda.toml",
        ) from None


def with_minutes(phases: list[Phase], minutes: dict[str, int]) -> list[Phase]:
    """The agenda with the facilitator's own phase lengths (1 to 60 minutes each)."""
    return [Phase(p.key, p.name, p.text, max(1, min(60, int(minutes.get(p.key, p.minutes))))) for p in phases]


def trio_turn_minutes(phases: list[Phase]) -> int:
    """A trio shares the two speaking phases three ways, so it ends with the room."""
    total = sum(p.minutes for p in phases if p.key in TURN_KEYS)
    return max(1, total // 3)


def room_timer(phases: list[Phase], clock: Clock) -> SessionTimer:
    stages = tuple(Stage(p.name, Kind.TALK, "both", p.minutes * 60) for p in phases)
    return SessionTimer(ROOM_SPEAKERS, stages, clock)
