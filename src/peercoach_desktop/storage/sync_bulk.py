"""Set-based sync SQL for large imports: which versions are stored, the state of only the
records a file may change, and a merge's writes in batches.

A no-op import at 100k notes must not rebuild every record: `known_versions` reads bare
(table, record id, version) triples, and `state_for` reads whole rows only for the keys
that carry a version this notebook has not stored. See sync_rows for the row layout
(conflict copies are rows whose ``conflict_of`` names their record).
"""

from __future__ import annotations

import contextlib
import functools
import json
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, repeat
from typing import Any

import sqlcipher3

from peercoach_desktop.domain.merge import Change, Entry, Key, KnownVersions, State, copy_id, state_of
from peercoach_desktop.storage import rows
from peercoach_desktop.storage.schema import FTS_SOURCES
from peercoach_desktop.storage.sync_rows import CLASS_OF, entries_where

TAB = "char(9)"  # the separator of merge.version_tag, in SQL
BATCH = 400  # ids per statement: well under SQLite's 32766 bound on parameters
REBUILD_HASH = 8 << 20  # bytes of pending search terms during a rebuild (search_index_rebuilt_once)
FTS_HASH_DEFAULT = 1 << 20  # FTS5's own
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


def is_empty(conn: sqlcipher3.Connection, table: str) -> bool:
    return conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is None


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


def _values(entry: Entry, row_id: str, conflict_of: str | None) -> list[Any]:
    values = rows.to_values(entry.record)
    values[0] = row_id  # columns() starts with the id
    ctx = rows.sorted_json(dict(entry.ctx)) if entry.ctx else "{}"  # a record never synced: none
    values += [ctx, conflict_of]
    return values


@dataclass(frozen=True)
class TableWrite:
    """A merge's writes to one table, made ready in Python: the records whose stored rows
    go first (a JSON array of ids; their conflict copies are dropped) and the rows to write
    (a JSON array of column-value arrays). SQLite reads both with json_each, so a part of an
    import is written by one statement per table, and the thread that writes it (UnitOfWork's)
    holds the GIL for one parameter, not for binding every value.

    (Measured at 100k notes: binding the values instead, INSERT ... VALUES (...), (...), ...,
    costs SQLite ~0.5 s less, but the writer then holds the GIL ~3 ms a part while the reader
    wants it, and the import took 2.8-3.5 s against 2.6-2.7 s this way.)"""

    table: str
    stored: str
    rows: str
    count: int


# Column values as JSON: SQLite's json_each gives back the same text, integer or NULL.
_as_json = json.JSONEncoder(ensure_ascii=False, check_circular=False, separators=(",", ":")).encode


def prepare_changes(changes: Iterable[Change]) -> list[TableWrite]:
    """write_changes' Python half: no SQL, so it may run while another thread writes."""
    by_table: dict[str, list[Change]] = {}
    for change in changes:
        by_table.setdefault(change.key[0], []).append(change)
    found = []
    for table, group in by_table.items():
        # A record new here has no row at all (state_for found none, copies included).
        stored = [c.key[1] for c in group if c.before]
        written = []
        for change in group:
            record_id = change.key[1]
            current, *others = change.after
            written.append(_values(current, record_id, None))
            written += [_values(e, copy_id(record_id, e.version), record_id) for e in others]
        found.append(TableWrite(table, _as_json(stored), _as_json(written), len(written)))
    return found


def prepare_new_rows(table: str, columns: list[list[Any]], ctx: list[dict[str, str]]) -> TableWrite:
    """prepare_changes of records new here with one version each (a first import), given as
    columns of their fields' values: the same rows, made a column at a time."""
    values = rows.column_values(CLASS_OF[table], columns)
    contexts = [rows.sorted_json(c) if c else "{}" for c in ctx]  # (_values: a context, or none)
    count = len(contexts)
    written = list(zip(*values, contexts, repeat(None, count), strict=True))
    return TableWrite(table, "[]", _as_json(written), count)


@functools.cache
def _upsert_sql(table: str) -> str:
    names = [*rows.columns(CLASS_OF[table]), *rows.SYNC_COLUMNS]
    updates = ", ".join(f"{n} = excluded.{n}" for n in names if n != "id")
    values = ", ".join(f"value ->> {i}" for i in range(len(names)))
    # (WHERE true: an upsert's SELECT needs one, or ON CONFLICT would read as a join's)
    return (
        f"INSERT INTO {table} ({', '.join(names)}) SELECT {values} FROM json_each(?) WHERE true"
        f" ON CONFLICT(id) DO UPDATE SET {updates}"
    )


def _upsert(conn: sqlcipher3.Connection, write: TableWrite) -> None:
    conn.execute(_upsert_sql(write.table), (write.rows,))


def write_prepared(
    conn: sqlcipher3.Connection, writes: list[TableWrite], deferred: Collection[str] = ()
) -> None:
    """write_changes' SQL half: two statements per table at most."""
    for write in writes:
        table = write.table
        if write.stored != "[]":
            conn.execute(
                f"DELETE FROM {table} WHERE conflict_of IN (SELECT value FROM json_each(?))", (write.stored,)
            )
        if table in FTS_SOURCES and table not in deferred and mostly_new(conn, table, write.count):
            with search_index_rebuilt_once(conn, table):
                _upsert(conn, write)
        else:
            _upsert(conn, write)


def write_changes(
    conn: sqlcipher3.Connection, changes: Iterable[Change], deferred: Collection[str] = ()
) -> None:
    """Store merged groups as sync_rows.write_changes does (the current version under the
    record id, the others as conflict copies), one statement per table and kind of write.
    The search index of the `deferred` tables is rebuilt by the caller (search_index_deferred)."""
    write_prepared(conn, prepare_changes(changes), deferred)


def mostly_new(conn: sqlcipher3.Connection, table: str, count: int) -> bool:
    """Whether a batch is big next to its table (max(rid) is one index step; count(*) a scan)."""
    (top,) = conn.execute(f"SELECT coalesce(max(rid), 0) FROM {table}").fetchone()
    return count >= BULK and count * 4 >= top


@contextlib.contextmanager
def search_index_rebuilt_once(conn: sqlcipher3.Connection, table: str) -> Iterator[None]:
    """Writes without the row-by-row full-text triggers, then one FTS5 'rebuild' (about 3x
    faster for a big import). Dropping and re-creating the triggers is part of the caller's
    transaction, so a crash or an error leaves them as they were."""
    triggers = search_triggers_dropped(conn, table)
    yield
    search_index_rebuilt(conn, table)
    search_triggers_restored(conn, triggers)


def search_triggers_dropped(conn: sqlcipher3.Connection, table: str) -> list[str]:
    """Drop the full-text triggers of `table`; returns their SQL, for search_triggers_restored."""
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)
    ).fetchall()
    for name, _sql in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    return [sql for _name, sql in triggers]


def search_triggers_restored(conn: sqlcipher3.Connection, triggers: list[str]) -> None:
    for sql in triggers:
        conn.execute(sql)


def search_index_rebuilt(conn: sqlcipher3.Connection, table: str) -> None:
    """The search index of `table` made anew from its rows (one FTS5 'rebuild')."""
    # FTS5 buffers this many bytes of terms before it writes a segment (1 MiB by default):
    # with 8 MiB the rebuild of 100k notes writes and merges fewer segments, ~30% faster.
    # The notebook's own setting is put back in the same transaction.
    (before,) = conn.execute(
        f"SELECT coalesce((SELECT v FROM {table}_fts_config WHERE k = 'hashsize'), ?)", (FTS_HASH_DEFAULT,)
    ).fetchone()
    conn.execute(f"INSERT INTO {table}_fts({table}_fts, rank) VALUES ('hashsize', ?)", (REBUILD_HASH,))
    conn.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES ('rebuild')")
    conn.execute(f"INSERT INTO {table}_fts({table}_fts, rank) VALUES ('hashsize', ?)", (before,))


def deferrable(conn: sqlcipher3.Connection, incoming: dict[str, int]) -> set[str]:
    """For an import written part by part: the tables about to receive many rows (`incoming`:
    an upper bound per table) whose search index is better rebuilt once than kept row by row."""
    return {t for t, n in incoming.items() if t in FTS_SOURCES and mostly_new(conn, t, n)}


def known_versions_for(conn: sqlcipher3.Connection, keys: Iterable[Key]) -> KnownVersions:
    """known_versions() of these records only: a part of a sync file is compared against the
    few rows it names (found by id or by conflict_of through their indexes), not against the
    whole notebook."""
    by_table: dict[str, list[str]] = {}
    for table, record_id in keys:
        by_table.setdefault(table, []).append(record_id)
    stored: set[str] = set()
    private: set[str] = set()
    for table, ids in by_table.items():
        if table not in CLASS_OF:
            continue  # not a table of ours: nothing stored (the validator refuses it)
        for batch in _batches(ids):
            marks = ", ".join("?" * len(batch))
            tag = f"'{table}' || {TAB} || coalesce(conflict_of, id) || {TAB} || version"
            where = f"WHERE id IN ({marks}) OR conflict_of IN ({marks})"
            stored.update(
                chain.from_iterable(conn.execute(f"SELECT {tag} FROM {table} {where}", (*batch, *batch)))
            )
            if table == "notes":
                private.update(
                    chain.from_iterable(
                        conn.execute(
                            f"SELECT 'notes' || {TAB} || id FROM notes WHERE id IN ({marks})"
                            " AND conflict_of IS NULL AND visibility = 'private'",
                            batch,
                        )
                    )
                )
    return KnownVersions(stored, private)


def authored_at(conn: sqlcipher3.Connection, table: str, author_id: str, created: Iterable[str]) -> State:
    """The stored versions of `table` written by `author_id` with one of these creation times:
    what the validator needs to recognise a conflict copy of one's own text that the partner
    kept as a record of its own (inbound._split_from_mine), without reading the notebook."""
    found = []
    for batch in _batches(sorted(set(created))):
        marks = ", ".join("?" * len(batch))
        where = f"WHERE author_id = ? AND created_at IN ({marks})"
        found += entries_where(conn, table, where, (author_id, *batch))
    return state_of(found)


CHUNK_ROWS = 1000  # records per part of a sync file: json.loads of one holds the GIL a few ms


def _entry_json(table: str) -> str:
    """SQL making one sync-file entry, {"kind", "ctx", "row"} as sync_file.entry_to_json writes
    it (rows.to_row's values: JSON fields as their stored text, deleted 0/1, hidden a boolean),
    from the row aliased `t`, in SQLite's C code rather than Python's per field."""
    cls = CLASS_OF[table]
    fields = []
    for name in rows.columns(cls):
        value = f"t.{name}"
        if name == "id":
            value = "coalesce(t.conflict_of, t.id)"  # a conflict copy travels under its record's id
        elif name == "hidden":
            value = "json(CASE WHEN t.hidden THEN 'true' ELSE 'false' END)"
        fields.append(f"'{name}', {value}")
    row = f"json_object({', '.join(fields)})"
    return f"""'{{"kind":"{table}","ctx":' || t.sync_ctx || ',"row":' || {row} || '}}'"""


def shared_chunks(conn: sqlcipher3.Connection) -> Iterator[tuple[str, int, str]]:
    """What an export writes, as (table, entry count, JSON array of entries) per part of at
    most about CHUNK_ROWS records: every stored version that may leave this laptop. Parts follow the rowid,
    so records added later land in later parts and an unchanged range of records makes the
    same part again (an importer that has merged it skips it); a conflict copy goes in the
    part of its record, so every version of a record is merged together."""
    for table in CLASS_OF:
        keep = "1"
        if table == "notes":  # a record any of whose versions is private is left out whole
            keep = "coalesce(t.conflict_of, t.id) NOT IN"
            keep += " (SELECT coalesce(conflict_of, id) FROM notes WHERE visibility = 'private')"
        entry = _entry_json(table)
        copies: dict[int, list[str]] = {}
        for part, text in conn.execute(
            f"SELECT m.rid / {CHUNK_ROWS}, {entry} FROM {table} t JOIN {table} m ON m.id = t.conflict_of"
            f" WHERE t.conflict_of IS NOT NULL AND {keep} ORDER BY t.rid"
        ):
            copies.setdefault(part, []).append(text)
        cursor = conn.execute(
            f"SELECT t.rid / {CHUNK_ROWS} AS part, count(*), group_concat({entry}, ',' ORDER BY t.rid)"
            f" FROM {table} t WHERE t.conflict_of IS NULL AND {keep} GROUP BY part ORDER BY part"
        )
        for part, count, text in cursor:
            extra = copies.pop(part, [])
            yield table, count + len(extra), "[" + ",".join([text, *extra]) + "]"
        for extra in copies.values():  # copies whose record is left out: none, unless damaged
            yield table, len(extra), "[" + ",".join(extra) + "]"
