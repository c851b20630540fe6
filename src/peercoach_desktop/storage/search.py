"""Full-text search over notes, goals and next steps (FTS5, inside the encrypted file).

The user types words, not FTS5 syntax: every word must appear, the last one may be
the start of a word (results while typing), and punctuation is never an error.
"""

from __future__ import annotations

import re

import sqlcipher3

from peercoach_desktop.domain.model import SearchHit

# Snippet markers: control characters no user types, turned into [..], bold or
# <b>..</b> by whoever renders the snippet.
MARK_START = "\x02"
MARK_END = "\x03"
SNIPPET_TOKENS = 12
_WORD = re.compile(r"\w+", re.UNICODE)

# Ranking every match costs what the number of matches costs (a word in 90% of 100k notes:
# ~200 ms). So each table ranks at most its CANDIDATES newest matches (rowid order is the
# order rows were written; FTS5 walks a rowid range without touching older rows): with fewer
# matches than that, which is every search but the commonest words, the result is the same as
# ranking them all; with more, it is the best of the newest. Snippets, the costly part, are
# made only for the rows shown.
CANDIDATES = 300
_SOURCES = {  # kind: (fts table, base table, bm25 weights, title column, private test)
    "note": ("notes_fts", "notes", "", "substr(t.body, 1, 200)", "t.visibility = 'private'"),
    "goal": ("goals_fts", "goals", ", 4.0, 1.0, 1.0", "t.title", "0"),
    "step": ("steps_fts", "steps", "", "t.text", "0"),
}
_SNIPPET_COLUMN = {"note": 0, "goal": -1, "step": 0}


def _ranked(fts: str, weights: str) -> str:
    # One walk of the doclists, newest first, stopping after :n matches; bm25 for those only.
    return (
        f"SELECT rowid, bm25({fts}{weights}) AS score FROM {fts} WHERE {fts} MATCH :q"
        " ORDER BY rowid DESC LIMIT :n"
    )


_QUERY = (
    " UNION ALL ".join(
        f"SELECT '{kind}' AS kind, {order} AS kind_order, rowid, score FROM ({_ranked(fts, weights)})"
        for order, (kind, (fts, _t, weights, _title, _private)) in enumerate(_SOURCES.items())
    )
    + " ORDER BY score, kind_order, rowid LIMIT :limit"  # equal scores: notes, goals, steps; oldest first
)


def _shown(conn: sqlcipher3.Connection, kind: str, query: str, rids: list[int]) -> dict[int, tuple]:
    """Title and snippet of the rows shown. One walk of the rowid range they span (an
    `IN (...)` list would run the full-text query once per row), a snippet only for them."""
    fts, table, _weights, title, private = _SOURCES[kind]
    marks = ", ".join("?" * len(rids))
    snippet = f"snippet({fts}, {_SNIPPET_COLUMN[kind]}, ?, ?, '…', {SNIPPET_TOKENS})"
    found = conn.execute(
        f"SELECT rowid, CASE WHEN rowid IN ({marks}) THEN {snippet} END FROM {fts}"
        f" WHERE {fts} MATCH ? AND rowid BETWEEN ? AND ?",
        (*rids, MARK_START, MARK_END, query, min(rids), max(rids)),
    )
    snippets = {rid: snip for rid, snip in found if snip is not None}
    rows = conn.execute(
        f"SELECT t.rid, t.id, {title}, {private} FROM {table} t WHERE t.rid IN ({marks})", rids
    )
    return {rid: (record_id, text, snippets[rid], hidden) for rid, record_id, text, hidden in rows}


def fts_query(text: str) -> str | None:
    words = _WORD.findall(text)
    if not words:
        return None
    quoted = [f'"{word}"' for word in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def first_line(text: str, limit: int = 80) -> str:
    line = text.strip().split("\n", 1)[0]
    return line if len(line) <= limit else line[: limit - 1] + "…"


def search(conn: sqlcipher3.Connection, text: str, limit: int = 50) -> list[SearchHit]:
    query = fts_query(text)
    if query is None:
        return []
    ranked = conn.execute(_QUERY, {"q": query, "n": CANDIDATES, "limit": limit}).fetchall()
    shown = {
        kind: _shown(conn, kind, query, [rid for k, _o, rid, _score in ranked if k == kind])
        for kind in {k for k, _o, _rid, _score in ranked}
    }
    hits = []
    for kind, _order, rowid, _score in ranked:
        record_id, title, snip, private = shown[kind][rowid]
        hits.append(
            SearchHit(
                kind=kind, record_id=record_id, title=first_line(title), snippet=snip, private=bool(private)
            )
        )
    return hits


def plain_snippet(snippet: str, start: str = "[", end: str = "]") -> str:
    return snippet.replace(MARK_START, start).replace(MARK_END, end)
