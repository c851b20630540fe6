"""Set-based sync SQL for large imports: which versions are stored, the state of only the
records a file may change, and a merge's writes in batches.

A no-op import at 100k notes must not rebuild every record: `known_versions` reads bare
(table, record id, version) triples, and `state_for` reads whole rows only for the keys
that carry a version this notebook has not stored. See sync_rows for the row layout
(conflict copies are rows whose ``conflict_of`` names their record).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import Any

import sqlcipher3

from peercoach_desktop.domain.merge import Change, Key, KnownVersions, State, copy_id, state_of
from peercoach_desktop.storage import rows
from peercoach_desktop.storage.schema import FTS_SOURCES
from peercoach_desktop.storage.sync_rows import CLASS_OF, entries_where

TAB = "char(9)"  # the separator of merge.version_tag, in SQL
BATCH = 400  # ids per statement: well under SQLite's 32766 bound on parameters
BULK = 2000  # rows of one table from which the search index is rebuilt once, not row by row


def known_versions(conn: sqlcipher3.Connection) -> KnownVersions:
    """The version_tag() of every stored row, and the records made private here, made by
    SQL itself (no Python work per row but putting a string in a set)."""
    stored: set[str] = set()
    for table in CLASS_OF:
        stored.update(
            chain.from_iterable(
                conn.execute(
                    f"SELECT '{table}' || {TAB} || coalesce(conflict_of, id) || {TAB} || version FROM {table}"
                )
            )
        )
    private = set(
        chain.from_iterable(
            conn.execute(
                f"SELECT 'notes' || {TAB} || id FROM notes"
                " WHERE conflict_of IS NULL AND visibility = 'private'"
            )
        )
    )
    return KnownVersions(stored, private)


def _batches(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]


def state_for(conn: sqlcipher3.Connection, keys: Iterable[Key]) -> State:
    """The stored versions of these records only (those not stored are simply absent)."""
    by_table: dict[str, list[str]] = {}
    for table, record_id in keys:
        by_table.setdefault(table, []).append(record_id)
    found = []
    for table, ids in by_table.items():
        for batch in _batches(sorted(ids)):
            marks = ", ".join("?" * len(batch))
            where = f"WHERE id IN ({marks}) OR conflict_of IN ({marks})"
            found += entries_where(conn, table, where, (*batch, *batch))
    return state_of(found)


def _row(entry: Any, row_id: str, conflict_of: str | None) -> dict[str, Any]:
    row: dict[str, Any] = rows.to_row(entry.record)
    row["id"] = row_id
    row |= {"sync_ctx": json.dumps(dict(entry.ctx), sort_keys=True), "conflict_of": conflict_of}
    return row


def write_changes(conn: sqlcipher3.Connection, changes: Iterable[Change]) -> None:
    """Store merged groups as sync_rows.write_changes does (the current version under the
    record id, the others as conflict copies), one statement per table and kind of write."""
    by_table: dict[str, list[Change]] = {}
    for change in changes:
        by_table.setdefault(change.key[0], []).append(change)
    for table, group in by_table.items():
        conn.executemany(f"DELETE FROM {table} WHERE conflict_of = ?", [(c.key[1],) for c in group])
        written = []
        for change in group:
            record_id = change.key[1]
            current, *others = change.after
            written.append(_row(current, record_id, None))
            written += [_row(e, copy_id(record_id, e.version), record_id) for e in others]
        names = list(written[0])
        marks = ", ".join(f":{n}" for n in names)
        updates = ", ".join(f"{n} = excluded.{n}" for n in names if n != "id")
        upsert = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})"
        upsert += f" ON CONFLICT(id) DO UPDATE SET {updates}"
        if table in FTS_SOURCES and _mostly_new(conn, table, len(written)):
            with _search_index_rebuilt_once(conn, table):
                conn.executemany(upsert, written)
        else:
            conn.executemany(upsert, written)


def _mostly_new(conn: sqlcipher3.Connection, table: str, count: int) -> bool:
    """Whether a batch is big next to its table (max(rid) is one index step; count(*) a scan)."""
    (top,) = conn.execute(f"SELECT coalesce(max(rid), 0) FROM {table}").fetchone()
    return count >= BULK and count * 4 >= top


@contextlib.contextmanager
def _search_index_rebuilt_once(conn: sqlcipher3.Connection, table: str) -> Iterator[None]:
    """Writes without the row-by-row full-text triggers, then one FTS5 'rebuild' (about 3x
    faster for a big import). Dropping and re-creating the triggers is part of the caller's
    transaction, so a crash or an error leaves them as they were."""
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)
    ).fetchall()
    for name, _sql in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    yield
    conn.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES ('rebuild')")
    for _name, sql in triggers:
        conn.execute(sql)


SharedRow = tuple[str, str, str, str, dict[str, Any]]  # table, record id, version, ctx JSON, row


def shared_rows(conn: sqlcipher3.Connection) -> Iterator[SharedRow]:
    """Every stored version that may leave this laptop, straight from SQL: what
    `sync_file.shared_entries(read_state(conn))` holds, without building a record per row.
    A record any of whose versions is private is left out whole (sync_file explains why)."""
    for table, cls in CLASS_OF.items():
        where = ""
        if table == "notes":
            where = (
                " WHERE coalesce(conflict_of, id) NOT IN"
                " (SELECT coalesce(conflict_of, id) FROM notes WHERE visibility = 'private')"
            )
        cursor = conn.execute(f"SELECT * FROM {table}{where}")
        names = [d[0] for d in cursor.description]
        wanted = [(name, names.index(name)) for name in rows.columns(cls)]
        ctx_at, copy_at = names.index("sync_ctx"), names.index("conflict_of")
        flags = [name for name in ("hidden",) if name in names]
        for values in cursor:
            row = {name: values[at] for name, at in wanted}
            for name in flags:
                row[name] = bool(row[name])
            if values[copy_at] is not None:
                row["id"] = values[copy_at]
            yield table, row["id"], row["version"], values[ctx_at], row
