"""NotebookStore: one partnership's encrypted notebook and the operations on it.

Every mutation is one transaction that also advances the hybrid logical clock, and
returns the record as stored, so callers refresh from what really changed.
"""

from __future__ import annotations

import dataclasses
import os
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import sqlcipher3

from peercoach_desktop.core import database, rows, sync_rows
from peercoach_desktop.core.clock import Clock, HybridClock, iso, parse_iso
from peercoach_desktop.core.errors import AmbiguousError, NotFoundError, UsageError
from peercoach_desktop.core.model import (
    DEFAULT_TURN_MINUTES,
    MAX_TURN_MINUTES,
    MIN_TURN_MINUTES,
    Feedback,
    Goal,
    GoalStatus,
    NextStep,
    Note,
    NotebookSnapshot,
    NoteKind,
    Partnership,
    Peer,
    Record,
    SearchHit,
    Session,
    SessionStatus,
    StepStatus,
    Visibility,
)
from peercoach_desktop.core.search import search as fts_search

R = TypeVar("R", bound=Record)
TITLE_FIELD: dict[type[Record], str] = {
    Goal: "title",
    Note: "body",
    NextStep: "text",
    Session: "scheduled_at",
}


def new_id() -> str:
    """A random (version 4) UUID; built by hand because importing uuid costs start-up time."""
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40
    raw[8] = (raw[8] & 0x3F) | 0x80
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def parse_date(text: str | None, what: str) -> str | None:
    if text is None or text == "":
        return None
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise UsageError(f"{what} must be a date like 2026-03-31, not {text!r}.") from None


def _require_text(text: str, what: str) -> str:
    if not text.strip():
        raise UsageError(f"{what} cannot be empty.")
    return text


class NotebookStore:
    def __init__(self, conn: sqlcipher3.Connection, path: Path, clock: Clock) -> None:
        self._conn = conn
        self.path = path
        self._clock = clock
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        self.notebook_id: str = meta["notebook_id"]
        self.partnership_id: str = meta["partnership_id"]
        self.me_id: str = meta["me_peer_id"]
        self._hlc = HybridClock(clock, self.me_id, meta.get("hlc"))

    # ----- opening -------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path,
        key: bytes,
        *,
        notebook_id: str,
        partnership_id: str,
        me_name: str,
        partner_name: str,
        title: str,
        clock: Clock,
        me_id: str | None = None,
        partner_id: str | None = None,
    ) -> NotebookStore:
        _require_text(me_name, "Your name")
        _require_text(partner_name, "Your partner's name")
        if path.exists():
            raise UsageError("A notebook file with this id already exists.")
        conn = database.connect(path, key)
        database.configure(conn, path)
        database.migrate(conn, 0, backup=lambda _v: None)
        me_id, partner_id = me_id or new_id(), partner_id or new_id()  # given when joining a partner
        hlc = HybridClock(clock, me_id)
        now = iso(clock.now())
        with database.transaction(conn):
            meta = {"notebook_id": notebook_id, "partnership_id": partnership_id, "me_peer_id": me_id}
            conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", meta.items())
            common = {"created_at": now, "updated_at": now, "author_id": me_id, "deleted": False}
            records: list[Record] = [
                Partnership(id=partnership_id, version=hlc.tick(), title=title.strip(), **common),
                Peer(id=me_id, version=hlc.tick(), name=me_name.strip(), **common),
                Peer(id=partner_id, version=hlc.tick(), name=partner_name.strip(), **common),
            ]
            for record in records:
                _insert(conn, record)
            conn.execute("INSERT INTO meta(key, value) VALUES ('hlc', ?)", (hlc.last,))
        return cls(conn, path, clock)

    @classmethod
    def open(cls, path: Path, key: bytes, *, clock: Clock, backup_dir: Path) -> NotebookStore:
        conn = database.connect(path, key)
        try:
            version = database.check_openable(conn)
            database.configure(conn, path)

            def backup(old_version: int) -> None:
                stamp = clock.now().strftime("%Y%m%dT%H%M%S")
                target = backup_dir / f"{path.stem}-schema{old_version}-{stamp}{path.suffix}"
                database.copy_encrypted(conn, path, target)

            database.migrate(conn, version, backup)
            return cls(conn, path, clock)
        except BaseException:
            conn.close()
            raise

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> NotebookStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----- reading -------------------------------------------------------------------------

    def records(self, cls: type[R], where: str = "", params: tuple[Any, ...] = ()) -> list[R]:
        """Records of one type by an SQL tail (WHERE/ORDER/LIMIT); for core query modules."""
        return self._select(cls, where, params)

    def scalar(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        return self._conn.execute(sql, params).fetchone()[0]

    def rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        return self._conn.execute(sql, params).fetchall()

    def _select(self, cls: type[R], where: str = "", params: tuple[Any, ...] = ()) -> list[R]:
        cursor = self._conn.execute(f"SELECT * FROM {rows.TABLE_OF[cls]} {where}", params)
        names = [d[0] for d in cursor.description]
        return [rows.from_row(cls, names, values) for values in cursor.fetchall()]

    def list(self, cls: type[R], *, include_deleted: bool = False) -> list[R]:
        where = "" if include_deleted else "WHERE deleted = 0"
        return self._select(cls, f"{where} ORDER BY created_at, rid")

    def where(self, cls: type[R], **equals: Any) -> list[R]:
        """Live records whose columns equal these values: one (indexed) query, not a full list."""
        clause = " AND ".join(f"{column} = ?" for column in equals)
        return self._select(
            cls, f"WHERE deleted = 0 AND {clause} ORDER BY created_at, rid", tuple(equals.values())
        )

    def get(self, cls: type[R], record_id: str) -> R:
        found = self._select(cls, "WHERE id = ? AND deleted = 0", (record_id,))
        if not found:
            raise NotFoundError(f"No {cls.__name__.lower()} with id {record_id}.")
        return found[0]

    def find(self, cls: type[R], ref: str) -> R:
        """A record by full id, unique id prefix, or exact (case-insensitive) title/text."""
        what = {NextStep: "next step"}.get(cls, cls.__name__.lower())
        if len(ref) >= 4:
            pattern = ref.lower().replace("%", "").replace("_", "") + "%"
            found = self._select(cls, "WHERE deleted = 0 AND id LIKE ?", (pattern,))
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                raise AmbiguousError(f"More than one {what} id starts with {ref!r}; give more characters.")
        field = TITLE_FIELD[cls]
        found = self._select(cls, f"WHERE deleted = 0 AND lower({field}) = lower(?)", (ref.strip(),))
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise AmbiguousError(f"More than one {what} is called {ref!r}; use its id.")
        raise NotFoundError(f"No {what} matches {ref!r}.")

    def partnership(self) -> Partnership:
        return self._select(Partnership, "WHERE conflict_of IS NULL")[0]  # not a sync conflict copy

    def me(self) -> Peer:
        return self.get(Peer, self.me_id)

    def partner(self) -> Peer:
        return next(p for p in self._select(Peer, "WHERE conflict_of IS NULL") if p.id != self.me_id)

    def peer_id(self, who: str) -> str:
        if who == "me":
            return self.me_id
        if who == "partner":
            return self.partner().id
        raise UsageError(f"An owner is 'me' or 'partner', not {who!r}.")

    def snapshot(self) -> NotebookSnapshot:
        return NotebookSnapshot(
            notebook_id=self.notebook_id,
            partnership_id=self.partnership_id,
            title=self.partnership().title,
            me=self.me(),
            partner=self.partner(),
            goals=self.list(Goal),
            sessions=self._select(Session, "WHERE deleted = 0 ORDER BY scheduled_at, rid"),
            notes=self.list(Note),
            steps=self.list(NextStep),
            feedback=self.list(Feedback),
        )

    def next_meeting(self, now_iso: str) -> str | None:
        """The earliest planned session from now on: one indexed query, no snapshot."""
        row = self._conn.execute(
            "SELECT min(scheduled_at) FROM sessions WHERE deleted = 0 AND status = ? AND scheduled_at >= ?",
            (SessionStatus.PLANNED.value, now_iso),
        ).fetchone()
        return row[0]

    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        return fts_search(self._conn, text, limit)

    def integrity_problems(self) -> list[str]:
        problems = [row[0] for row in self._conn.execute("PRAGMA cipher_integrity_check")]
        problems += [r[0] for r in self._conn.execute("PRAGMA quick_check") if r[0] != "ok"]
        return problems

    # ----- writing -------------------------------------------------------------------------

    def _common(self) -> dict[str, Any]:
        now = iso(self._clock.now())
        return {
            "id": new_id(),
            "created_at": now,
            "updated_at": now,
            "author_id": self.me_id,
            "deleted": False,
        }

    def _add(self, record_type: type[R], **fields: Any) -> R:
        with database.transaction(self._conn):
            record = record_type(**self._common(), version=self._hlc.tick(), **fields)
            _insert(self._conn, record)
            self._save_clock()
        return record

    def _change(self, record: R, **changes: Any) -> R:
        with database.transaction(self._conn):
            updated = dataclasses.replace(
                record, **changes, updated_at=iso(self._clock.now()), version=self._hlc.tick()
            )
            _update(self._conn, updated)
            sync_rows.after_local_change(self._conn, record, updated, self._hlc.tick)
            self._save_clock()
        return updated

    def change_together(self, changes: list[tuple[R, dict[str, Any]]]) -> list[R]:
        """Several records changed in one transaction with one timestamp: a goal moved to the
        trash with its steps, so restoring it can bring back exactly those."""
        stamp = iso(self._clock.now())
        done = []
        with database.transaction(self._conn):
            for record, fields in changes:
                updated = dataclasses.replace(record, **fields, updated_at=stamp, version=self._hlc.tick())
                _update(self._conn, updated)
                sync_rows.after_local_change(self._conn, record, updated, self._hlc.tick)
                done.append(updated)
            self._save_clock()
        return done

    # Feature modules (session_runner, prompts, schedule) write through the same path.
    add_record = _add
    change_record = _change

    def _save_clock(self) -> None:
        self._conn.execute("UPDATE meta SET value = ? WHERE key = 'hlc'", (self._hlc.last,))

    def _optional(self, cls: type[Record], ref: str | None) -> str | None:
        return None if ref is None else self.find(cls, ref).id

    def add_goal(
        self,
        owner: str,
        title: str,
        *,
        why: str = "",
        success_criteria: str = "",
        target_date: str | None = None,
    ) -> Goal:
        return self._add(
            Goal,
            owner_id=self.peer_id(owner),
            title=_require_text(title, "A goal's title").strip(),
            why=why,
            success_criteria=success_criteria,
            status=GoalStatus.ACTIVE,
            target_date=parse_date(target_date, "A target date"),
        )

    def set_goal_status(self, goal_ref: str, status: str) -> Goal:
        return self._change(self.find(Goal, goal_ref), status=_goal_status(status))

    def update_goal(self, goal_id: str, **changes: Any) -> Goal:
        """Edit a goal's title, owner, why, success criteria, target date, progress or status."""
        goal = self.get(Goal, goal_id)
        clean: dict[str, Any] = {}
        for name, value in changes.items():
            if name == "title":
                clean[name] = _require_text(value, "A goal's title").strip()
            elif name in ("why", "success_criteria"):
                clean[name] = value
            elif name == "owner":
                clean["owner_id"] = self.peer_id(value)
            elif name == "target_date":
                clean[name] = parse_date(value, "A target date")
            elif name == "progress":
                if not 0 <= int(value) <= 100:
                    raise UsageError(f"Progress is a percentage from 0 to 100, not {value}.")
                clean[name] = int(value)
            elif name == "status":
                clean[name] = _goal_status(value)
            else:
                raise UsageError(f"A goal has no field {name!r}.")
        if all(getattr(goal, name) == value for name, value in clean.items()):
            return goal
        return self._change(goal, **clean)

    def add_session(self, scheduled_at: str | None = None, minutes: int = DEFAULT_TURN_MINUTES) -> Session:
        if not MIN_TURN_MINUTES <= minutes <= MAX_TURN_MINUTES:
            raise UsageError(f"A turn lasts {MIN_TURN_MINUTES} to {MAX_TURN_MINUTES} minutes, not {minutes}.")
        when = self._clock.now() if scheduled_at is None else _parse_moment(scheduled_at)
        order = [self.me_id, self.partner().id]
        return self._add(
            Session,
            scheduled_at=iso(when),
            started_at=None,
            ended_at=None,
            minutes_per_turn=minutes,
            speaker_order=order,
            seconds_by_speaker={peer: 0 for peer in order},
            status=SessionStatus.PLANNED,
        )

    def add_note(
        self,
        body: str,
        *,
        kind: str = NoteKind.NOTE,
        private: bool = False,
        session: str | None = None,
        goal: str | None = None,
    ) -> Note:
        try:
            note_kind = NoteKind(kind)
        except ValueError:
            allowed = ", ".join(k.value for k in NoteKind)
            raise UsageError(f"A note's kind is one of {allowed}; not {kind!r}.") from None
        return self._add(
            Note,
            body=_require_text(body, "A note"),
            kind=note_kind,
            visibility=Visibility.PRIVATE if private else Visibility.SHARED,
            session_id=self._optional(Session, session),
            goal_id=self._optional(Goal, goal),
        )

    def update_note(self, note_id: str, body: str) -> Note:
        """The autosave path: one small transaction per debounced edit."""
        note = self.get(Note, note_id)
        return note if note.body == body else self._change(note, body=body)

    def set_note_private(self, note_id: str, private: bool) -> Note:
        visibility = Visibility.PRIVATE if private else Visibility.SHARED
        return self._change(self.get(Note, note_id), visibility=visibility)

    def add_step(
        self,
        owner: str,
        text: str,
        *,
        goal: str | None = None,
        due_date: str | None = None,
        session: str | None = None,
    ) -> NextStep:
        return self._add(
            NextStep,
            owner_id=self.peer_id(owner),
            text=_require_text(text, "A next step").strip(),
            goal_id=self._optional(Goal, goal),
            due_date=parse_date(due_date, "A due date"),
            status=StepStatus.OPEN,
            set_in_session_id=self._optional(Session, session),
            reviewed_in_session_id=None,
        )

    def update_step(self, step_id: str, **changes: Any) -> NextStep:
        """Edit a next step's text, owner ('me'/'partner'), due date or goal."""
        step = self.get(NextStep, step_id)
        clean: dict[str, Any] = {}
        for name, value in changes.items():
            if name == "text":
                clean[name] = _require_text(value, "A next step").strip()
            elif name == "owner":
                clean["owner_id"] = self.peer_id(value)
            elif name == "due_date":
                clean[name] = parse_date(value, "A due date")
            elif name == "goal":
                clean["goal_id"] = self._optional(Goal, value)
            else:
                raise UsageError(f"A next step has no field {name!r}.")
        if all(getattr(step, name) == value for name, value in clean.items()):
            return step
        return self._change(step, **clean)

    def set_step_status(self, step_ref: str, status: StepStatus, reviewed_in: str | None = None) -> NextStep:
        step = self.find(NextStep, step_ref)
        return self._change(step, status=status, reviewed_in_session_id=self._optional(Session, reviewed_in))


def _goal_status(status: str) -> GoalStatus:
    try:
        return GoalStatus(status)
    except ValueError:
        allowed = ", ".join(s.value for s in GoalStatus)
        raise UsageError(f"A goal's status is one of {allowed}; not {status!r}.") from None


def _parse_moment(text: str) -> Any:
    try:
        return parse_iso(text)
    except ValueError:
        raise UsageError(f"A time must look like 2026-03-31T15:00, not {text!r}.") from None


def _insert(conn: sqlcipher3.Connection, record: Record) -> None:
    row = rows.to_row(record)
    names = ", ".join(row)
    marks = ", ".join(f":{name}" for name in row)
    conn.execute(f"INSERT INTO {rows.TABLE_OF[type(record)]} ({names}) VALUES ({marks})", row)


def _update(conn: sqlcipher3.Connection, record: Record) -> None:
    row = rows.to_row(record)
    assignments = ", ".join(f"{name} = :{name}" for name in row if name != "id")
    conn.execute(f"UPDATE {rows.TABLE_OF[type(record)]} SET {assignments} WHERE id = :id", row)
