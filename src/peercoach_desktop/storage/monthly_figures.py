"""Per-month counts for the Progress view, counted by SQLite (a row a month): reading every
session and step as a record held the worker (and, through the GIL, the window) for ~12 ms per
500 sessions."""

from __future__ import annotations

from dataclasses import dataclass

import sqlcipher3

from peercoach_desktop.domain.model import SessionStatus, StepStatus

# A record's month: its first non-empty moment's "YYYY-MM", or "unknown".
_MONTH = "coalesce(substr({}, 1, 7), 'unknown')"
_SESSION_MONTH = _MONTH.format(
    "coalesce(nullif(started_at, ''), nullif(scheduled_at, ''), nullif(created_at, ''))"
)
_STEP_MONTH = _MONTH.format("nullif(created_at, '')")


@dataclass(frozen=True)
class MonthlyFigures:
    sessions: list[tuple[str, str, int]]  # month, status, count
    spoken: list[tuple[str, str, int]]  # month, peer id, seconds spoken in held sessions
    steps: list[tuple[str, str, int, int]]  # month, owner id, steps set, steps done


def monthly_figures(conn: sqlcipher3.Connection) -> MonthlyFigures:
    sessions = conn.execute(
        f"SELECT {_SESSION_MONTH}, status, count(*) FROM sessions WHERE deleted = 0 GROUP BY 1, 2"
    ).fetchall()
    spoken = conn.execute(
        f"SELECT {_SESSION_MONTH}, spoken.key, sum(CAST(spoken.value AS INTEGER))"
        " FROM sessions, json_each(sessions.seconds_by_speaker) AS spoken"
        " WHERE deleted = 0 AND status = ? GROUP BY 1, 2",
        (SessionStatus.DONE,),
    ).fetchall()
    steps = conn.execute(
        f"SELECT {_STEP_MONTH}, owner_id, count(*), coalesce(sum(status = ?), 0) FROM steps"
        " WHERE deleted = 0 GROUP BY 1, 2",
        (StepStatus.DONE,),
    ).fetchall()
    return MonthlyFigures(sessions, spoken, steps)
