"""The notebook's records: reading them, and the one write path every change takes.

NotebookBase holds the SQLCipher connection and the hybrid logical clock. Each change is one
transaction that also advances the clock (and the sync context), and returns the record as stored.
Modules outside storage/ write through `writing()`, a unit of work with typed operations; no
module outside this package sees the connection.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import sqlcipher3

from peercoach_desktop.domain.clock import Clock, HybridClock, iso, parse_iso
from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, AmbiguousError, NotFoundError, Term, UsageError
from peercoach_desktop.domain.ids import new_id
from peercoach_desktop.domain.meeting import join_sessions
from peercoach_desktop.domain.meeting_plan import MeetingPlan
from peercoach_desktop.domain.merge import Key, KnownVersions, State
from peercoach_desktop.domain.model import (
    Feedback,
    Goal,
    NextStep,
    Note,
    NotebookSnapshot,
    Partnership,
    Peer,
    Record,
    Session,
    SessionStatus,
)
from peercoach_desktop.storage import database, history, record_sql, rows, sync_bulk, sync_rows
from peercoach_desktop.storage.unit_of_work import UnitOfWork

R = TypeVar("R", bound=Record)
TITLE_FIELD: dict[type[Record], str] = {
    Goal: "title",
    Note: "body",
    NextStep: "text",
    Session: "scheduled_at",
}

# How an error names a kind of record (a Term: the GUI translates it).
KIND_WORDS: dict[type[Record], str] = {
    Goal: QT_TRANSLATE_NOOP("Core", "goal"),
    Note: QT_TRANSLATE_NOOP("Core", "note"),
    NextStep: QT_TRANSLATE_NOOP("Core", "next step"),
    Session: QT_TRANSLATE_NOOP("Core", "session"),
}


class NotebookBase:
    def __init__(self, conn: sqlcipher3.Connection, path: Path, clock: Clock) -> None:
        self._conn = conn
        self.path = path
        self._clock = clock
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        self.notebook_id: str = meta["notebook_id"]
        self.partnership_id: str = meta["partnership_id"]
        self.me_id: str = meta["me_peer_id"]
        self._hlc = HybridClock(clock, self.me_id, meta.get("hlc"))
        self.history_policy = history.HistoryPolicy()  # the window sets it from preferences

    @property
    def clock(self) -> Clock:
        return self._clock

    def now(self) -> str:
        """This moment as the notebook writes it (ISO 8601, UTC)."""
        return iso(self._clock.now())

    def meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def sync_state(self) -> State:
        """Every shared and private record with its sync context, as the merge reads it."""
        return sync_rows.read_state(self._conn)

    def known_versions(self) -> KnownVersions:
        """Every stored (table, record id, version): what an import compares a file against."""
        return sync_bulk.known_versions(self._conn)

    def state_for(self, keys: Iterable[Key]) -> State:
        """The stored versions of these records only."""
        return sync_bulk.state_for(self._conn, keys)

    def known_versions_for(self, keys: Iterable[Key]) -> KnownVersions:
        """known_versions() of these records only."""
        return sync_bulk.known_versions_for(self._conn, keys)

    def authored_at(self, table: str, author_id: str, created: Iterable[str]) -> State:
        """Stored versions in `table` by `author_id` created at one of these times."""
        return sync_bulk.authored_at(self._conn, table, author_id, created)

    def shared_chunks(self) -> Iterator[tuple[str, int, str]]:
        """What an export writes, in parts made by SQL (private records left out)."""
        return sync_bulk.shared_chunks(self._conn)

    def conflict_copies(self, table: str) -> list[sync_rows.CopyRow]:
        return sync_rows.copies_with_ids(self._conn, table)

    @contextmanager
    def page_cache_for(self, rows: int) -> Iterator[None]:
        """Around a transaction writing about `rows` new rows: a page cache that holds them."""
        with database.page_cache_for(self._conn, rows):
            yield

    @contextmanager
    def writing(self, *, synced: bool = False) -> Iterator[UnitOfWork]:
        """One transaction: `with store.writing() as work:` then work's typed writes. The clock
        is saved with it; an exception rolls everything back. `synced` (an import): durable when
        the block ends, without a checkpoint inside the commit (database.synced_commit)."""
        with database.transaction(self._conn, synced=synced):
            work = UnitOfWork(self._conn, self._hlc, self._clock)
            try:
                yield work
            except BaseException:
                work.abandon()  # no write still running when the transaction rolls back
                raise
            work.finish()
            self._save_clock()

    # ----- reading -------------------------------------------------------------------------

    def matching(
        self,
        cls: type[R],
        *,
        deleted: bool | None = False,
        originals: bool = False,
        id_prefix: str | None = None,
        order_by: str = "created_at",
        **equals: Any,
    ) -> list[R]:
        """Records of one type by typed conditions (no SQL from callers): `deleted` False = live,
        True = in the trash, None = both; `originals` leaves out sync conflict copies;
        `equals` are column = value tests on the record's own fields."""
        where, params = record_sql.typed_where(cls, deleted, originals, id_prefix, order_by, equals)
        return self._select(cls, where, params)

    def each(
        self, cls: type[R], *, deleted: bool | None = False, order_by: str = "created_at"
    ) -> Iterator[R]:
        """Like matching(), one row at a time: for readers of a whole table (show --json), so
        100k notes are never in memory at once. Finish iterating before the next write."""
        where, params = record_sql.typed_where(cls, deleted, False, None, order_by, {})
        cursor = self._conn.execute(f"SELECT * FROM {rows.TABLE_OF[cls]} {where}", params)
        names = [d[0] for d in cursor.description]
        for values in cursor:
            yield rows.from_row(cls, names, values)

    @contextmanager
    def one_pass(self) -> Iterator[None]:
        """For one read of whole tables (show --json): a small page cache. Pages read once are
        not read again, and the cache sized to the file (database.configure) grew to the
        file's size, ~70 MiB of RSS at 100k notes."""
        (kib,) = self._conn.execute("PRAGMA cache_size").fetchone()
        self._conn.execute(f"PRAGMA cache_size = -{database.MIN_CACHE_KIB}")
        try:
            yield
        finally:
            self._conn.execute(f"PRAGMA cache_size = {int(kib)}")

    def plain_each(self, cls: type[Record], *, order_by: str = "created_at") -> Iterator[dict[str, Any]]:
        """each()'s live records as the plain dicts their to_dict() gives, one at a time and
        without building the records (most of show --json's time at 100k notes)."""
        where, params = record_sql.typed_where(cls, False, False, None, order_by, {})
        names = rows.columns(cls)
        cursor = self._conn.execute(f"SELECT {', '.join(names)} FROM {rows.TABLE_OF[cls]} {where}", params)
        yield from rows.plain_dicts(names, cursor)

    def each_json(self, cls: type[Record], *, depth: int) -> Iterator[str]:
        """each()'s live records as their JSON text (rows.json_text_sql), laid out by SQLite: no
        record or dict per row in Python, but for the few with a JSON field that is not empty."""
        where, params = record_sql.typed_where(cls, False, False, None, "created_at", {})
        table, names = rows.TABLE_OF[cls], rows.columns(cls)
        sql = f"SELECT rid, {rows.json_text_sql(cls, depth)} FROM {table} {where}"
        for rid, text in self._conn.execute(sql, params):
            if text is None:
                values = self._conn.execute(
                    f"SELECT {', '.join(names)} FROM {table} WHERE rid = ?", (rid,)
                ).fetchone()
                text = rows.json_text(names, values, depth)
            yield text

    def has_conflict_copies(self, cls: type[Record], record_id: str) -> bool:
        table = rows.TABLE_OF[cls]
        return bool(
            self._conn.execute(
                f"SELECT 1 FROM {table} WHERE conflict_of = ? LIMIT 1", (record_id,)
            ).fetchone()
        )

    # Raw SQL, for the query modules of storage/ (browse) only: everything above storage uses the
    # typed methods (tests/test_layers.py checks that no SQL leaves this package).
    def records(self, cls: type[R], where: str = "", params: tuple[Any, ...] = ()) -> list[R]:
        """Records of one type by an SQL tail (WHERE/ORDER/LIMIT)."""
        return self._select(cls, where, params)

    def scalar(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        return self._conn.execute(sql, params).fetchone()[0]

    def rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        return self._conn.execute(sql, params).fetchall()

    def _select(self, cls: type[R], where: str = "", params: tuple[Any, ...] = ()) -> list[R]:
        cursor = self._conn.execute(f"SELECT * FROM {rows.TABLE_OF[cls]} {where}", params)
        names = [d[0] for d in cursor.description]
        return [rows.from_row(cls, names, values) for values in cursor.fetchall()]

    def list(self, cls: type[R], *, include_deleted: bool = False, **equals: Any) -> list[R]:
        """Every record of a type (live ones unless include_deleted), or those whose columns
        equal `equals` (the planned sessions, my open steps: not a whole table of objects)."""
        tests = [] if include_deleted else ["deleted = 0"]
        tests += [f"{column} = ?" for column in equals]
        if cls is Session:  # one meeting, one session: copies are folded in, never listed
            tests.append("conflict_of IS NULL")
        where = f"WHERE {' AND '.join(tests)}" if tests else ""
        found = self._select(cls, f"{where} ORDER BY created_at, rid", tuple(equals.values()))
        if cls is Session:
            # One look for the sessions that have copies, not one query per session.
            with_copies = set(sync_rows.copied_ids(self._conn, "sessions"))
            return [self.joined(s) if s.id in with_copies else s for s in found]  # type: ignore[attr-defined]
        return found

    def joined(self, session: Session) -> Any:
        """A session as both laptops see it: joined with the versions a sync kept beside it
        (domain/meeting.py). Any: the callers' own record type (a Session)."""
        copies = sync_rows.copies_of(self._conn, "sessions", session.id)
        if not copies:
            return session
        return join_sessions([session, *(e.record for e in copies)])

    def where(self, cls: type[R], **equals: Any) -> list[R]:
        """Live records whose columns equal these values: one (indexed) query, not a full list."""
        clause = " AND ".join(f"{column} = ?" for column in equals)
        return self._select(
            cls, f"WHERE deleted = 0 AND {clause} ORDER BY created_at, rid", tuple(equals.values())
        )

    def by_id(self, cls: type[R], record_id: str) -> R:
        """The record with this id, deleted or not (a conflict's current version)."""
        return self._select(cls, "WHERE id = ?", (record_id,))[0]

    def get(self, cls: type[R], record_id: str) -> R:
        found = self._select(cls, "WHERE id = ? AND deleted = 0", (record_id,))
        if found and cls is Session:
            found = [self.joined(found[0])]  # type: ignore[arg-type]
        if not found:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Core", "No {kind} with id {record_id}."),
                kind=Term(KIND_WORDS.get(cls, cls.__name__.lower())),
                record_id=record_id,
            )
        return found[0]

    def find(self, cls: type[R], ref: str) -> R:
        """A record by full id, unique id prefix, or exact (case-insensitive) title/text."""
        what = Term(KIND_WORDS.get(cls, cls.__name__.lower()))
        if len(ref) >= 4:
            pattern = ref.lower().replace("%", "").replace("_", "") + "%"
            found = self._select(cls, "WHERE deleted = 0 AND id LIKE ?", (pattern,))
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                raise AmbiguousError(
                    QT_TRANSLATE_NOOP(
                        "Core", "More than one {what} id starts with {ref!r}; give more characters."
                    ),
                    what=what,
                    ref=ref,
                )
        field = TITLE_FIELD[cls]
        found = self._select(cls, f"WHERE deleted = 0 AND lower({field}) = lower(?)", (ref.strip(),))
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise AmbiguousError(
                QT_TRANSLATE_NOOP("Core", "More than one {what} is called {ref!r}; use its id."),
                what=what,
                ref=ref,
            )
        raise NotFoundError(QT_TRANSLATE_NOOP("Core", "No {what} matches {ref!r}."), what=what, ref=ref)

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
        raise UsageError(QT_TRANSLATE_NOOP("Core", "An owner is 'me' or 'partner', not {who!r}."), who=who)

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
        """The earliest meeting from now on, planned one-off or of the agreed series (UTC ISO):
        one indexed query and a few steps of the series, no snapshot."""
        row = self._conn.execute(
            "SELECT min(scheduled_at) FROM sessions WHERE deleted = 0 AND status = ? AND scheduled_at >= ?",
            (SessionStatus.PLANNED.value, now_iso),
        ).fetchone()
        plan = MeetingPlan.from_dict(self.partnership().meeting_plan)
        in_series = plan.next_meeting(parse_iso(now_iso)) if plan else None
        found = [t for t in (row[0], in_series and iso(in_series)) if t]
        return min(found) if found else None

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

    def _add(self, record_type: type[R], _id: str | None = None, **fields: Any) -> R:
        common = self._common()
        if _id is not None:
            common["id"] = _id
        with database.transaction(self._conn):
            record = record_type(**(common | fields), version=self._hlc.tick())
            record_sql.insert(self._conn, record)
            self._save_clock()
        return record

    def _change(self, record: R, _keep_history: bool = False, **changes: Any) -> R:
        with database.transaction(self._conn):
            updated = dataclasses.replace(
                record, **changes, updated_at=iso(self._clock.now()), version=self._hlc.tick()
            )
            record_sql.update(self._conn, updated)
            sync_rows.after_local_change(self._conn, record, updated, self._hlc.tick)
            history.remember(self._conn, record, updated, self.history_policy, always=_keep_history)
            self._save_clock()
        return updated

    def change_together(
        self, changes: list[tuple[R, dict[str, Any]]], *, forget_history: bool = False
    ) -> list[R]:
        """Several records changed in one transaction with one timestamp: a goal moved to the
        trash with its steps, so restoring it can bring back exactly those."""
        stamp = iso(self._clock.now())
        done = []
        with database.transaction(self._conn):
            for record, fields in changes:
                updated = dataclasses.replace(record, **fields, updated_at=stamp, version=self._hlc.tick())
                record_sql.update(self._conn, updated)
                sync_rows.after_local_change(self._conn, record, updated, self._hlc.tick)
                if forget_history:  # a purge: no earlier words of it stay behind
                    history.forget(self._conn, record.id)
                else:
                    history.remember(self._conn, record, updated, self.history_policy)
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
