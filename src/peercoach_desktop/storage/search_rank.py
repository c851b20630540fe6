"""BM25 for the newest matches of a search, the way FTS5's bm25() scores them, at a bounded cost.

FTS5's bm25() counts, once per query, every row holding each word (for a word in 90% of 100k
notes, most of a search's time). Here the per-row figures are FTS5's own (row and table sizes
in tokens from its docsize and averages records, a word's instances from highlight()), and
each word's number of rows is counted up to a cap: exact below it, estimated from how densely
the newest rows hold the word above it. Below the cap the score is bm25()'s, operation for
operation, so the order is the same (tests/test_search_bounded.py).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence

import sqlcipher3

K1 = 1.2
B = 0.75
# A word's rows are counted up to this many (one walk of its newest rows); at most a
# millisecond for the commonest word.
ROWS_COUNTED = 2000
_AVERAGES_ID = 1  # FTS5_AVERAGES_ROWID: the row count, then the token count of each column


class Table:
    """A full-text table's row count, tokens per row and newest rowid, each read when first needed."""

    def __init__(self, conn: sqlcipher3.Connection, fts: str) -> None:
        self.conn, self.fts = conn, fts

    @functools.cached_property
    def _sizes(self) -> tuple[int, float]:
        row = self.conn.execute(f"SELECT block FROM {self.fts}_data WHERE id = ?", (_AVERAGES_ID,)).fetchone()
        sizes = varints(row[0]) if row and row[0] else [0]
        rows, tokens = sizes[0], sum(sizes[1:])
        return rows, float(tokens) / float(rows) if rows else 0.0  # bm25(): (double)nToken / (double)nRow

    @property
    def rows(self) -> int:
        return self._sizes[0]

    @property
    def average(self) -> float:
        return self._sizes[1]

    @functools.cached_property
    def last_rowid(self) -> int:
        return int(self.conn.execute(f"SELECT max(rowid) FROM {self.fts}").fetchone()[0] or 0)


def varints(blob: bytes) -> list[int]:
    """SQLite's varints, as FTS5 writes its size records: 7 bits a byte, high bit = more
    (the ninth byte gives 8)."""
    values, value, length = [], 0, 0
    for byte in blob:
        length += 1
        if length == 9:
            values.append((value << 8) | byte)
            value = length = 0
        elif byte & 0x80:
            value = (value << 7) | (byte & 0x7F)
        else:
            values.append((value << 7) | byte)
            value = length = 0
    return values


def row_sizes(conn: sqlcipher3.Connection, fts: str, rowids: Sequence[int]) -> dict[int, int]:
    """Each row's size in tokens, all columns (bm25()'s xColumnSize(-1))."""
    marks = ", ".join("?" * len(rowids))
    found = conn.execute(f"SELECT id, sz FROM {fts}_docsize WHERE id IN ({marks})", tuple(rowids))
    return {rowid: sum(varints(size)) for rowid, size in found}


def rows_with(conn: sqlcipher3.Connection, fts: str, phrase: str, info: Table) -> int:
    """How many rows hold `phrase`: counted up to ROWS_COUNTED; above, the count of its newest
    rows scaled by the share of the table they span."""
    count, oldest = conn.execute(
        f"SELECT count(*), min(rowid) FROM (SELECT rowid FROM {fts} WHERE {fts} MATCH ?"
        " ORDER BY rowid DESC LIMIT ?)",
        (phrase, ROWS_COUNTED),
    ).fetchone()
    if count < ROWS_COUNTED or info.rows <= ROWS_COUNTED:
        return int(count)
    return estimate(int(count), int(oldest), info)


def estimate(newest: int, oldest_rowid: int, info: Table) -> int:
    """Rows holding a word, from its `newest` rows reaching back to `oldest_rowid`: as densely
    as there, all through the table."""
    span = max(info.last_rowid - oldest_rowid + 1, 1)
    return min(info.rows, round(newest * max(info.last_rowid, 1) / span))


def idf(rows: int, hits: int) -> float:
    value = math.log((rows - hits + 0.5) / (hits + 0.5))
    return value if value > 0.0 else 1e-6


def score(freqs: Sequence[float], idfs: Sequence[float], size: int, average: float) -> float:
    """bm25() of one row: `freqs` the weighted instances of each phrase, `size` its tokens."""
    total = 0.0
    d = float(size)
    for freq, weight in zip(freqs, idfs, strict=True):
        total += weight * ((freq * (K1 + 1.0)) / (freq + K1 * (1 - B + B * d / average)))
    return -1.0 * total
