"""A workshop notebook: one SQLCipher file per group, opened with a raw key like a partnership
notebook (storage/database), but with its own small schema: the roster and the rounds.

Names and units are personal data, so they live only inside the encrypted file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import sqlcipher3

from peercoach_desktop.domain.clock import Clock, iso
from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, NotebookFormatError, NotFoundError, UsageError
from peercoach_desktop.domain.ids import new_id
from peercoach_desktop.domain.workshop import Participant, Round
from peercoach_desktop.storage import database

KIND = "workshop"
SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE participants (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    unit TEXT NOT NULL,
    present INTEGER NOT NULL DEFAULT 0);
CREATE TABLE rounds (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    seed INTEGER NOT NULL,
    groups TEXT NOT NULL DEFAULT '[]',
    phase_minutes TEXT NOT NULL DEFAULT '{}',
    timer_state TEXT NOT NULL DEFAULT '{}',
    themes TEXT NOT NULL DEFAULT '',
    tally TEXT NOT NULL DEFAULT '{}',
    continuing INTEGER NOT NULL DEFAULT 0);
"""
ROUND_COLUMNS = (
    "id, started_at, seed, groups, finished_at, phase_minutes, timer_state, themes, tally, continuing"
)


def name_key(name: str) -> str:
    """Two names are one person when they match ignoring case and spacing."""
    return " ".join(name.split()).casefold()


class WorkshopStore:
    def __init__(self, conn: sqlcipher3.Connection, path: Path, clock: Clock) -> None:
        self._conn = conn
        self.path = path
        self.clock = clock

    @classmethod
    def create(cls, path: Path, key: bytes, *, workshop_id: str, title: str, clock: Clock) -> WorkshopStore:
        conn = database.connect(path, key)
        try:
            database.configure(conn, path)
            with database.transaction(conn):
                for statement in SCHEMA.strip().split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.executemany(
                    "INSERT INTO meta (key, value) VALUES (?, ?)",
                    [("kind", KIND), ("workshop_id", workshop_id), ("title", title.strip())],
                )
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, clock)

    @classmethod
    def open(cls, path: Path, key: bytes, *, clock: Clock) -> WorkshopStore:
        conn = database.connect(path, key)
        try:
            # What the file is comes first: a partnership notebook is not "a newer workshop".
            version = database.schema_version(conn)
            kind = conn.execute("SELECT value FROM meta WHERE key = 'kind'").fetchone() if version else None
            if kind is None or kind[0] != KIND:
                raise NotebookFormatError(
                    QT_TRANSLATE_NOOP("Core", "This file is not a PeerCoach workshop. It was not changed.")
                )
            if version > SCHEMA_VERSION:
                raise NotebookFormatError(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "This workshop was written by a newer PeerCoach Desktop. Update the app. "
                        "The file was not changed.",
                    )
                )
            database.configure(conn, path)
        except sqlcipher3.DatabaseError:
            conn.close()
            raise NotebookFormatError(
                QT_TRANSLATE_NOOP("Core", "This file is not a PeerCoach workshop. It was not changed.")
            ) from None
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, clock)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> WorkshopStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----- the workshop --------------------------------------------------------------------

    def _meta(self, key: str) -> str:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else ""

    @property
    def workshop_id(self) -> str:
        return self._meta("workshop_id")

    def title(self) -> str:
        return self._meta("title")

    # ----- the roster ----------------------------------------------------------------------

    def participants(self) -> list[Participant]:
        rows = self._conn.execute("SELECT id, name, unit, present FROM participants ORDER BY rid").fetchall()
        return [Participant(r[0], r[1], r[2], bool(r[3])) for r in rows]

    def participant(self, ref: str) -> Participant:
        """A participant by id, id prefix or name (case and spacing ignored)."""
        people = self.participants()
        key = name_key(ref)
        found = [p for p in people if name_key(p.name) == key] or [
            p for p in people if ref and p.id.startswith(ref.strip())
        ]
        if len(found) != 1:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Core", "No participant of this workshop matches {ref!r}."), ref=ref
            )
        return found[0]

    def add_participants(
        self, people: list[tuple[str, str]], *, present: bool = False, lines: list[int] | None = None
    ) -> list[Participant]:
        """Add (name, unit) pairs in one transaction: all of them, or none when a name is taken.
        `lines`: where each stood in an imported roster, so a refusal names the line."""
        taken = {name_key(p.name): p.name for p in self.participants()}
        added = []
        for number, (name, unit) in enumerate(people, start=1):
            line = lines[number - 1] if lines else None
            clean_name, clean_unit = " ".join(name.split()), " ".join(unit.split())
            if not clean_name or not clean_unit:
                raise UsageError(
                    QT_TRANSLATE_NOOP("Core", "Participant {number} needs a name and a unit."), number=number
                )
            if name_key(clean_name) in taken:
                if line is not None:
                    raise UsageError(
                        QT_TRANSLATE_NOOP(
                            "Core", "Line {line}: {name} is already on this workshop's roster."
                        ),
                        line=line,
                        name=taken[name_key(clean_name)],
                    )
                raise UsageError(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "{name} is already on this workshop's roster; add an initial to tell them apart.",
                    ),
                    name=taken[name_key(clean_name)],
                )
            taken[name_key(clean_name)] = clean_name
            added.append(Participant(new_id(), clean_name, clean_unit, present))
        with database.transaction(self._conn):
            self._conn.executemany(
                "INSERT INTO participants (id, name, name_key, unit, present) VALUES (?, ?, ?, ?, ?)",
                [(p.id, p.name, name_key(p.name), p.unit, int(p.present)) for p in added],
            )
        return added

    def update_participant(self, participant_id: str, name: str, unit: str) -> Participant:
        clean_name, clean_unit = " ".join(name.split()), " ".join(unit.split())
        if not clean_name or not clean_unit:
            raise UsageError(
                QT_TRANSLATE_NOOP("Core", "Participant {number} needs a name and a unit."), number=1
            )
        clash = self._conn.execute(
            "SELECT 1 FROM participants WHERE name_key = ? AND id != ?",
            (name_key(clean_name), participant_id),
        ).fetchone()
        if clash:
            raise UsageError(
                QT_TRANSLATE_NOOP(
                    "Core", "{name} is already on this workshop's roster; add an initial to tell them apart."
                ),
                name=clean_name,
            )
        with database.transaction(self._conn):
            self._conn.execute(
                "UPDATE participants SET name = ?, name_key = ?, unit = ? WHERE id = ?",
                (clean_name, name_key(clean_name), clean_unit, participant_id),
            )
        return next(p for p in self.participants() if p.id == participant_id)

    def remove_participant(self, participant_id: str) -> None:
        with database.transaction(self._conn):
            self._conn.execute("DELETE FROM participants WHERE id = ?", (participant_id,))

    def set_present(self, participant_ids: list[str], present: bool) -> None:
        with database.transaction(self._conn):
            self._conn.executemany(
                "UPDATE participants SET present = ? WHERE id = ?",
                [(int(present), pid) for pid in participant_ids],
            )

    # ----- rounds --------------------------------------------------------------------------

    def rounds(self) -> list[Round]:
        rows = self._conn.execute(f"SELECT {ROUND_COLUMNS} FROM rounds ORDER BY rid").fetchall()
        return [_round(r) for r in rows]

    def current_round(self) -> Round | None:
        """The round being prepared or held (not finished), if any."""
        open_rounds = [r for r in self.rounds() if r.finished_at is None]
        return open_rounds[-1] if open_rounds else None

    def save_round(self, held: Round) -> Round:
        values = (
            held.started_at,
            held.seed,
            json.dumps([list(g) for g in held.groups]),
            held.finished_at,
            json.dumps(held.phase_minutes),
            json.dumps(held.timer_state),
            held.themes,
            json.dumps(held.tally),
            held.continuing,
        )
        with database.transaction(self._conn):
            updated = self._conn.execute(
                "UPDATE rounds SET started_at = ?, seed = ?, groups = ?, finished_at = ?, phase_minutes = ?, "
                "timer_state = ?, themes = ?, tally = ?, continuing = ? WHERE id = ?",
                (*values, held.id),
            ).rowcount
            if not updated:
                self._conn.execute(
                    "INSERT INTO rounds (started_at, seed, groups, finished_at, phase_minutes, timer_state, "
                    "themes, tally, continuing, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*values, held.id),
                )
        return held

    def now(self) -> str:
        return iso(self.clock.now())


def _round(row: tuple[Any, ...]) -> Round:
    return Round(
        id=row[0],
        started_at=row[1],
        seed=int(row[2]),
        groups=tuple(tuple(g) for g in json.loads(row[3])),
        finished_at=row[4],
        phase_minutes=json.loads(row[5]),
        timer_state=json.loads(row[6]),
        themes=row[7],
        tally=json.loads(row[8]),
        continuing=int(row[9]),
    )
