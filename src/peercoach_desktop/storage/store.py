"""NotebookStore: one partnership's encrypted notebook and the operations on it.

Every mutation is one transaction that also advances the hybrid logical clock, and
returns the record as stored, so callers refresh from what really changed.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any, TypeVar

import sqlcipher3

from peercoach_desktop.domain.clock import Clock, HybridClock, iso
from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, AmbiguousError, NotFoundError, Term, UsageError
from peercoach_desktop.domain.model import (
    Feedback,
    Goal,
    NextStep,
    Note,
    NotebookSnapshot,
    Partnership,
    Peer,
    Record,
    SearchHit,
    Session,
    SessionStatus,
)
from peercoach_desktop.storage import database, history, rows, sync_rows
from peercoach_desktop.storage.edits import NotebookEdits, require_text
from peercoach_desktop.storage.search import search as fts_search

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


def new_id() -> str:
    """A random (version 4) UUID; built by hand because importing uuid costs start-up time."""
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40
    raw[8] = (raw[8] & 0x3F) | 0x80
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


class NotebookStore(NotebookEdits):
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
        require_text(me_name, QT_TRANSLATE_NOOP("Core", "Your name"))
        require_text(partner_name, QT_TRANSLATE_NOOP("Core", "Your partner's name"))
        if path.exists():
            raise UsageError(QT_TRANSLATE_NOOP("Core", "A notebook file with this id already exists."))
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

    def _add(self, record_type: type[R], _id: str | None = None, **fields: Any) -> R:
        common = self._common()
        if _id is not None:
            common["id"] = _id
        with database.transaction(self._conn):
            record = record_type(**common, version=self._hlc.tick(), **fields)
            _insert(self._conn, record)
            self._save_clock()
        return record

    def _change(self, record: R, _keep_history: bool = False, **changes: Any) -> R:
        with database.transaction(self._conn):
            updated = dataclasses.replace(
                record, **changes, updated_at=iso(self._clock.now()), version=self._hlc.tick()
            )
            _update(self._conn, updated)
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
                _update(self._conn, updated)
                sync_rows.after_local_change(self._conn, record, updated, self._hlc.tick)
                if forget_history:  # a purge: no earlier words of it stay behind
                    history.forget(self._conn, record.id)
                else:
                    history.remember(self._conn, record, updated, self.history_policy)
                done.append(updated)
            self._save_clock()
        return done

    def versions(self, record_id: str) -> list[history.Version]:
        """Earlier versions of a note, goal or next step, newest first."""
        return history.versions(self._conn, record_id)

    def restore_version(self, record_id: str, rid: int) -> Record:
        """Put an earlier version's words back, as a new version: nothing is overwritten."""
        for cls in history.KEPT:
            found = self._select(cls, "WHERE id = ? AND deleted = 0", (record_id,))
            if found:
                match = [v for v in self.versions(record_id) if v.rid == rid]
                if not match:
                    raise NotFoundError(QT_TRANSLATE_NOOP("Core", "No such earlier version of this record."))
                return self._change(
                    found[0], _keep_history=True, **history.restore_fields(found[0], match[0])
                )
        raise NotFoundError(
            QT_TRANSLATE_NOOP("Core", "No note, goal or next step with id {record_id}."), record_id=record_id
        )

    def set_history_policy(self, policy: history.HistoryPolicy) -> None:
        """New bounds for earlier versions, applied at once to every record."""
        self.history_policy = policy
        with database.transaction(self._conn):
            history.prune_all(self._conn, policy, iso(self._clock.now()))

    def compact_after_purge(self) -> None:
        """After words were erased: rewrite the search index without them and fold the WAL
        into the file, so neither keeps an encrypted copy (freed pages are zeroed: secure_delete)."""
        for table in ("notes", "goals", "steps"):
            self._conn.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES ('optimize')")
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # Feature modules (session_runner, prompts, schedule) write through the same path.
    add_record = _add
    change_record = _change

    def _save_clock(self) -> None:
        self._conn.execute("UPDATE meta SET value = ? WHERE key = 'hlc'", (self._hlc.last,))

    def _optional(self, cls: type[Record], ref: str | None) -> str | None:
        return None if ref is None else self.find(cls, ref).id


def _insert(conn: sqlcipher3.Connection, record: Record) -> None:
    row = rows.to_row(record)
    names = ", ".join(row)
    marks = ", ".join(f":{name}" for name in row)
    conn.execute(f"INSERT INTO {rows.TABLE_OF[type(record)]} ({names}) VALUES ({marks})", row)


def _update(conn: sqlcipher3.Connection, record: Record) -> None:
    row = rows.to_row(record)
    assignments = ", ".join(f"{name} = :{name}" for name in row if name != "id")
    conn.execute(f"UPDATE {rows.TABLE_OF[type(record)]} SET {assignments} WHERE id = :id", row)
