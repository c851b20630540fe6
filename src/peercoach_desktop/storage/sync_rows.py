"""Sync metadata in the notebook tables: reading versions, writing a merge, local edits.

Conflict copies are ordinary rows of the record's table (so they show up in lists and
search) whose ``conflict_of`` names the record they belong to. This module is the
only one that reads or writes ``sync_ctx`` and ``conflict_of``.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable
from typing import Any

import sqlcipher3

from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, UsageError
from peercoach_desktop.domain.ids import new_id
from peercoach_desktop.domain.merge import (
    Change,
    Entry,
    State,
    copy_id,
    extend_ctx,
    kept_copy_mark,
    make_ctx,
    state_of,
)
from peercoach_desktop.domain.model import Record
from peercoach_desktop.storage import rows

CLASS_OF: dict[str, type[Record]] = {table: cls for cls, table in rows.TABLE_OF.items()}
COPY_REFUSED = QT_TRANSLATE_NOOP(
    "Core", "This is a conflict copy; resolve the conflict first (keep one version, or both)."
)


def entries_where(
    conn: sqlcipher3.Connection, table: str, where: str = "", params: tuple = ()
) -> list[Entry]:
    """The stored versions in `table` (WHERE clause `where`), conflict copies under their record's id."""
    cls = CLASS_OF[table]
    cursor = conn.execute(f"SELECT * FROM {table} {where}", params)
    names = [d[0] for d in cursor.description]
    ctx_at, copy_at = names.index("sync_ctx"), names.index("conflict_of")
    found = []
    for values in cursor.fetchall():
        record = rows.from_row(cls, names, values)
        if values[copy_at] is not None:
            record = dataclasses.replace(record, id=values[copy_at])
        found.append(Entry(table, record, make_ctx(json.loads(values[ctx_at]))))
    return found


def read_state(conn: sqlcipher3.Connection) -> State:
    """Every version of every record, private ones included (merge needs to know them)."""
    return state_of(e for table in CLASS_OF for e in entries_where(conn, table))


def _upsert(conn: sqlcipher3.Connection, entry: Entry, row_id: str, conflict_of: str | None) -> None:
    row: dict[str, Any] = rows.to_row(dataclasses.replace(entry.record, id=row_id))
    row |= {"sync_ctx": json.dumps(dict(entry.ctx), sort_keys=True), "conflict_of": conflict_of}
    names = ", ".join(row)
    marks = ", ".join(f":{n}" for n in row)
    updates = ", ".join(f"{n} = excluded.{n}" for n in row if n != "id")
    conn.execute(
        f"INSERT INTO {entry.kind} ({names}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {updates}", row
    )


def write_changes(conn: sqlcipher3.Connection, changes: Iterable[Change]) -> None:
    """Store merged groups: the current version under the record id, the others as copies."""
    for change in changes:
        table, record_id = change.key
        conn.execute(f"DELETE FROM {table} WHERE conflict_of = ?", (record_id,))
        current, *others = change.after
        _upsert(conn, current, record_id, None)
        for entry in others:
            _upsert(conn, entry, copy_id(record_id, entry.version), record_id)


def settle(
    conn: sqlcipher3.Connection,
    new: Record,
    base_ctx: dict[str, str],
    copies: list[Entry],
    *,
    keep_copies: bool,
    tick: Callable[[], str],
) -> list[Record]:
    """Write `new` as a version that has seen `base_ctx` and every conflict copy of the
    record. The copies are dropped, or with keep_copies turned into records of their
    own, so no word is lost. Returns those new records."""

    table = rows.TABLE_OF[type(new)]
    ctx = base_ctx
    kept: list[Record] = []
    for entry in copies:
        ctx = extend_ctx(ctx, *dict(entry.ctx).values(), entry.version)
        if keep_copies and not entry.record.deleted:
            mark = kept_copy_mark(entry.record)  # before the new version replaces whose it was
            own = dataclasses.replace(
                entry.record, id=new_id(), version=tick(), updated_at=new.updated_at, **mark
            )
            kept.append(own)
    conn.execute(f"DELETE FROM {table} WHERE conflict_of = ?", (new.id,))
    _upsert(conn, Entry(table, new, make_ctx(ctx)), new.id, None)
    for record in kept:
        _upsert(conn, Entry(table, record), record.id, None)
    return kept


def copied_ids(conn: sqlcipher3.Connection, table: str) -> list[str]:
    """The ids of the records that have conflict copies (over the partial index)."""
    return [
        r[0] for r in conn.execute(f"SELECT DISTINCT conflict_of FROM {table} WHERE conflict_of IS NOT NULL")
    ]


def copies_of(conn: sqlcipher3.Connection, table: str, record_id: str) -> list[Entry]:
    return entries_where(conn, table, "WHERE conflict_of = ?", (record_id,))


def after_local_change(
    conn: sqlcipher3.Connection, before: Record, after: Record, tick: Callable[[], str]
) -> None:
    """Called by the store inside each local edit's transaction: the new version's context
    is the old one's plus the old version; an open conflict is settled, keeping both texts."""
    table = rows.TABLE_OF[type(after)]
    ctx_text, conflict_of = conn.execute(
        f"SELECT sync_ctx, conflict_of FROM {table} WHERE id = ?", (after.id,)
    ).fetchone()
    if conflict_of is not None:
        raise UsageError(COPY_REFUSED)
    base = extend_ctx(json.loads(ctx_text), before.version)
    # A session's copies are already joined into `after` (domain/meeting.py): kept apart they
    # would become a second session of the same meeting.
    keep = table != "sessions"
    settle(conn, after, base, copies_of(conn, table, after.id), keep_copies=keep, tick=tick)


def current_entry(conn: sqlcipher3.Connection, table: str, record_id: str) -> Entry:
    return entries_where(conn, table, "WHERE id = ?", (record_id,))[0]


@dataclasses.dataclass(frozen=True)
class CopyRow:
    record_id: str
    row_id: str
    record: Record  # with the record's own id


def copies_with_ids(conn: sqlcipher3.Connection, table: str) -> list[CopyRow]:
    ids = [r[0] for r in conn.execute(f"SELECT id FROM {table} WHERE conflict_of IS NOT NULL ORDER BY rid")]
    found = []
    for row_id in ids:
        entry = entries_where(conn, table, "WHERE id = ?", (row_id,))[0]
        found.append(CopyRow(entry.record.id, row_id, entry.record))
    return found
