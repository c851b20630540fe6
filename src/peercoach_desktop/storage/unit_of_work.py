"""The writes of one notebook transaction, for modules outside storage/ (sync, pairing).

Obtained from `NotebookStore.writing()`: the store opens the transaction, saves the clock when the
block ends and rolls back on an exception. Each operation is typed; none takes SQL.

A merge's writes (`write_changes`, `write_new_rows`) and the rebuilds of a deferred search index
run on a second thread, in the order asked, while the caller makes the next ones ready (an
import: part k is written while part k+1 is decrypted, parsed and checked): SQLite lets the GIL
go while it writes, so the two use both cores. The connection is only ever used by one thread at
a time: every other operation, and the end of the transaction, first waits for every write in
flight (`_settled`), and an error of one is raised there, inside the transaction.
"""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

import sqlcipher3

from peercoach_desktop.domain.clock import Clock, HybridClock, iso
from peercoach_desktop.domain.merge import Change, Entry, Key, KnownVersions, State, copy_id
from peercoach_desktop.domain.model import Record
from peercoach_desktop.storage import rows, sync_bulk, sync_rows

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

MAX_IN_FLIGHT = 8  # writes made ready ahead of the writer thread (a part each, ~1 MB)


class UnitOfWork:
    def __init__(self, conn: sqlcipher3.Connection, hlc: HybridClock, clock: Clock) -> None:
        self._connection = conn
        self._writer: ThreadPoolExecutor | None = None
        self._in_flight: deque[Future[None]] = deque()
        # The search index of these tables is kept by rebuilds (search_index_deferred); those
        # written since their last rebuild was asked for are rebuilt when the block ends.
        self._deferred: set[str] = set()
        self._stale: set[str] = set()
        self._hlc = hlc
        self._clock = clock
        # For a first import (tables empty): which tables held no row when this transaction first
        # looked, and the row ids and conflict_of values written to them since. A record none of
        # whose rows can exist is not looked up (100k lookups of nothing, part by part).
        self._empty: dict[str, bool] = {}
        self._looked = False
        self._touched: dict[str, set[str]] = {}

    @property
    def _conn(self) -> sqlcipher3.Connection:
        """The connection, once no write is in flight (this thread's turn to use it)."""
        self._settled()
        return self._connection

    def _settled(self, keep: int = 0) -> None:
        """Wait for the writes in flight (all but the newest `keep`); an error is raised here."""
        while len(self._in_flight) > keep:
            self._in_flight.popleft().result()

    def _submit(self, job: Callable[..., None], *args: Any) -> None:
        """Run job(connection, *args) on the writer thread after the jobs asked before it."""
        self._settled(keep=MAX_IN_FLIGHT - 1)  # (a bound on the memory of parts made ready)
        if self._writer is None:
            # Here, not at the top: concurrent.futures brings logging (~9 ms), and every command
            # of the CLI imports this module; only an import in parts starts the writer.
            from concurrent.futures import ThreadPoolExecutor

            self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="notebook-writer")
        self._in_flight.append(self._writer.submit(job, self._connection, *args))

    def finish(self) -> None:
        """Before the commit: every write done (an error raised, so the transaction rolls back)."""
        try:
            self._settled()
        finally:
            self._close_writer()

    def abandon(self) -> None:
        """Before a rollback: wait for the write in flight; its own error no longer matters."""
        with contextlib.suppress(Exception):
            self._settled()
        self._close_writer()

    def _close_writer(self) -> None:
        if self._writer is not None:
            self._writer.shutdown(wait=True)
            self._writer = None

    def now(self) -> str:
        return iso(self._clock.now())

    def tick(self) -> str:
        """A new version, later than every version this notebook has written or seen."""
        return self._hlc.tick()

    def observe(self, version: str) -> None:
        """A partner's version was seen: later local edits must sort after it."""
        self._hlc.observe(version)

    def set_meta(self, key: str, value: str) -> None:
        self._conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def sync_state(self) -> State:
        return sync_rows.read_state(self._conn)

    def known_versions(self) -> KnownVersions:
        return sync_bulk.known_versions(self._conn)

    def known_versions_for(self, keys: Iterable[Key]) -> KnownVersions:
        maybe = self._maybe_stored(keys)
        if not maybe:  # nothing to look up: no wait for the write in flight either
            return KnownVersions(set(), set())
        return sync_bulk.known_versions_for(self._conn, maybe)

    def authored_at(self, table: str, author_id: str, created: Iterable[str]) -> State:
        return sync_bulk.authored_at(self._conn, table, author_id, created)

    def state_for(self, keys: Iterable[Key]) -> State:
        """The stored versions of these records only."""
        maybe = self._maybe_stored(keys)
        return sync_bulk.state_for(self._conn, maybe) if maybe else {}

    def _maybe_stored(self, keys: Iterable[Key]) -> list[Key]:
        """The keys that may have a row: all but those of a table empty when this transaction
        began whose id no row written since carries (as its id or as the record it copies)."""
        self._look_once()
        empty, touched = self._empty, self._touched
        keys = keys if isinstance(keys, (set, list)) else list(keys)
        tables = {table for table, _id in keys}
        if len(tables) == 1 and empty.get(next(iter(tables))):  # a part's records, of one table
            (table,) = tables
            written = touched.get(table, set())
            return [(table, record_id) for record_id in written.intersection(i for _t, i in keys)]
        return [
            (table, record_id)
            for table, record_id in keys
            if not empty.get(table) or record_id in touched.get(table, ())
        ]

    def _was_empty(self, table: str) -> bool:
        """Whether `table` held no row when this transaction first looked."""
        self._look_once()
        # (not a table of ours: left to the lookups, and the validator refuses it)
        return self._empty.get(table, False)

    def _look_once(self) -> None:
        """Which tables are empty, all looked at the first time any is asked about (so no
        later question waits for the writes in flight)."""
        if not self._looked:
            for name in sync_rows.CLASS_OF:
                if name not in self._empty:  # (settle() may have written one already)
                    self._empty[name] = sync_bulk.is_empty(self._conn, name)
            self._looked = True

    def write_changes(self, changes: Iterable[Change]) -> None:
        """A merge's writes, set-based (many changes are one statement per table)."""
        changes = list(changes)
        for change in changes:
            table, record_id = change.key
            if self._was_empty(table):  # every row written: the record's id and its copies' ids
                touched = self._touched.setdefault(table, set())
                touched.add(record_id)
                touched.update(copy_id(record_id, e.version) for e in change.after[1:])
        self._write(sync_bulk.prepare_changes(changes))  # Python, while the previous write runs

    def write_new_rows(self, table: str, columns: list[list[Any]], ctx: list[dict[str, str]]) -> None:
        """write_changes of records new here, one version each, given as columns of their fields'
        values (rows.columns() order) and their causal contexts: a first import's part."""
        if self._was_empty(table):
            self._touched.setdefault(table, set()).update(columns[0])  # (their ids)
        self._write([sync_bulk.prepare_new_rows(table, columns, ctx)])

    def _write(self, writes: list[sync_bulk.TableWrite]) -> None:
        self._stale.update(w.table for w in writes if w.table in self._deferred)
        self._submit(sync_bulk.write_prepared, writes, frozenset(self._deferred))

    @contextlib.contextmanager
    def search_index_deferred(self, incoming: dict[str, int]) -> Iterator[set[str]]:
        """An import in parts: the search index of tables receiving many rows (`incoming`: at
        most how many per table) is not kept row by row but rebuilt once, when asked
        (search_index_now) or when the block ends. Yields those tables."""
        chosen = sync_bulk.deferrable(self._conn, incoming)
        triggers = {table: sync_bulk.search_triggers_dropped(self._conn, table) for table in sorted(chosen)}
        self._deferred = chosen
        yield set(chosen)
        for table in sorted(self._stale):
            self.search_index_now(table)
        self._deferred = set()
        for table in sorted(triggers):
            sync_bulk.search_triggers_restored(self._conn, triggers[table])

    def search_index_now(self, table: str) -> None:
        """Within search_index_deferred: rebuild the search index of `table` now (on the writer
        thread, after the writes asked before), as the caller writes no more of it; if it does,
        the index is rebuilt again when the block ends."""
        if table in self._stale:
            self._stale.discard(table)
            self._submit(sync_bulk.search_index_rebuilt, table)

    def current_entry(self, table: str, record_id: str) -> Entry:
        return sync_rows.current_entry(self._conn, table, record_id)

    def copies_of(self, table: str, record_id: str) -> list[Entry]:
        return sync_rows.copies_of(self._conn, table, record_id)

    def settle(
        self, new: Record, base_ctx: dict[str, str], copies: list[Entry], *, keep_copies: bool
    ) -> list[Record]:
        """Write `new` over a record and its conflict copies (sync_rows.settle)."""
        self._empty[rows.TABLE_OF[type(new)]] = False  # rows written outside the count above
        return sync_rows.settle(
            self._conn, new, base_ctx, copies, keep_copies=keep_copies, tick=self._hlc.tick
        )
