"""Full-text search over notes, goals and next steps (FTS5, inside the encrypted file).

The user types words, not FTS5 syntax: every word must appear, the last one may be
the start of a word (results while typing), and punctuation is never an error.

What a search costs is bounded for any word (issue 19). Each table ranks at most its
CANDIDATES newest matches: FTS5 walks rowids newest first and stops. bm25() though walks every
row of each word to count them, and a last word longer than the prefix index makes FTS5 gather
all rows of every word it starts (for matches, count and snippets: ~4 ms each for a word in
90% of 100k notes). So each table first estimates that walk from capped counts (_fts_cost):
small, and bm25() ranks as before; large, and the newest matches are scored here as bm25()
scores them (search_rank.py), from the words highlight() marks in them. A long last word that
is common as typed is then found through the index of its first letters (_scanned: FTS5 says
which marked words it starts, search_words.py), else gathered once; its snippets are marked
by the words it matched. With fewer matches than CANDIDATES, which is every search but the
commonest words, the order is that of ranking them all; with more, the best of the newest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlcipher3

from peercoach_desktop.domain.model import SearchHit
from peercoach_desktop.storage import search_rank
from peercoach_desktop.storage.search_words import WordMatcher

# Snippet markers: control characters no user types, turned into [..], bold or
# <b>..</b> by whoever renders the snippet.
MARK_START = "\x02"
MARK_END = "\x03"
SNIPPET_TOKENS = 12
_WORD = re.compile(r"\w+", re.UNICODE)
_ONE_TOKEN = re.compile(r"[^\W_]+")  # a word the tokenizer keeps whole
_MARKED = re.compile(f"{MARK_START}(.*?){MARK_END}", re.DOTALL)

CANDIDATES = 150  # newest matches ranked, per table
SHORT_PREFIX = 3  # the longest prefix index (schema: prefix='2 3')
SCAN_ROWS = 4 * CANDIDATES  # rows of a long word's first letters looked at before gathering its own
# Above this, scoring here (~3 ms for CANDIDATES rows at most) is cheaper than bm25() (_fts_cost).
FTS_ROWS = 60000
GATHER_ROWS = 20_000  # a long word in at most the rows of its first letters: gathered in < 1 ms
ROWS_PER_ROW_LOOKED_AT = 250  # rows of a word FTS5 gathers in the time a row is looked at here


@dataclass(frozen=True)
class _Source:
    fts: str
    table: str
    weights: tuple[float, ...]  # bm25 weight of each column
    title: str
    private: str
    snippet_column: int


_SOURCES = {
    "note": _Source("notes_fts", "notes", (1.0,), "substr(t.body, 1, 200)", "t.visibility = 'private'", 0),
    "goal": _Source("goals_fts", "goals", (4.0, 1.0, 1.0), "t.title", "0", -1),
    "step": _Source("steps_fts", "steps", (1.0,), "t.text", "0", 0),
}


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


@dataclass(frozen=True)
class _Query:
    phrases: tuple[str, ...]  # one FTS5 phrase a word; the last one a prefix
    short: str | None  # the last word cut to SHORT_PREFIX letters, when it is longer

    @property
    def text(self) -> str:
        return " ".join(self.phrases)


def _parse(text: str) -> _Query | None:
    words = _WORD.findall(text)
    if not words:
        return None
    phrases = (*(_quoted(w) for w in words[:-1]), _quoted(words[-1]) + "*")
    last = words[-1]
    long = len(last) > SHORT_PREFIX and _ONE_TOKEN.fullmatch(last) is not None
    return _Query(phrases, _quoted(last[:SHORT_PREFIX]) + "*" if long else None)


def fts_query(text: str) -> str | None:
    query = _parse(text)
    return query.text if query else None


@dataclass
class _Match:
    rowid: int
    marked: list[list[str]]  # each column's marked words
    score: float = 0.0


@dataclass
class _Found:
    matches: list[_Match]
    snippet_query: str  # what marks the words in the snippets of the rows shown


def _rows_with(
    conn: sqlcipher3.Connection, src: _Source, query: _Query, info: search_rank.Table
) -> tuple[list[int], bool]:
    """Rows holding each phrase, counted up to ROWS_COUNTED (search_rank.rows_with), and whether
    to find a long last word through its first letters (_scanned). Such a word is not counted
    as a prefix (FTS5 would gather all its rows): as typed if that is common, else by its first
    letters (an upper bound)."""
    counted = [search_rank.rows_with(conn, src.fts, phrase, info) for phrase in query.phrases[:-1]]
    if query.short is None:
        return [*counted, search_rank.rows_with(conn, src.fts, query.phrases[-1], info)], False
    short = search_rank.rows_with(conn, src.fts, query.short, info)
    if short < search_rank.ROWS_COUNTED:  # the word's rows are fewer still: gathered in no time
        return [*counted, search_rank.rows_with(conn, src.fts, query.phrases[-1], info)], False
    whole = search_rank.rows_with(conn, src.fts, query.phrases[-1][:-1], info)
    if whole < search_rank.ROWS_COUNTED:
        if short <= GATHER_ROWS:
            return [*counted, search_rank.rows_with(conn, src.fts, query.phrases[-1], info)], False
        return [*counted, short], False
    # Looking at CANDIDATES / share rows of the first letters against gathering all `whole`
    # rows of the word.
    share = whole / max(short, 1)
    return [*counted, whole], whole * share > ROWS_PER_ROW_LOOKED_AT * CANDIDATES


def _ranked_by_fts(conn: sqlcipher3.Connection, src: _Source, query: _Query) -> _Found:
    """Every word is rare in this table: FTS5's bm25() over all matches costs little."""
    weights = "".join(f", {w}" for w in src.weights) if len(src.weights) > 1 else ""
    rows = conn.execute(
        f"SELECT rowid, bm25({src.fts}{weights}) FROM {src.fts} WHERE {src.fts} MATCH ?"
        " ORDER BY rowid DESC LIMIT ?",
        (query.text, CANDIDATES),
    )
    return _Found([_Match(rowid, [], score) for rowid, score in rows], query.text)


def _marked(
    conn: sqlcipher3.Connection, src: _Source, query: str, limit: int, before: int | None = None
) -> list[_Match]:
    """The newest rows matching `query` (older than `before`), with their marked words."""
    columns = ", ".join(f"highlight({src.fts}, {c}, :start, :end)" for c in range(len(src.weights)))
    older = "" if before is None else " AND rowid < :before"
    rows = conn.execute(
        f"SELECT rowid, {columns} FROM {src.fts} WHERE {src.fts} MATCH :q{older}"
        " ORDER BY rowid DESC LIMIT :n",
        {"start": MARK_START, "end": MARK_END, "q": query, "n": limit, "before": before},
    ).fetchall()
    return [_Match(row[0], [_MARKED.findall(text or "") for text in row[1:]]) for row in rows]


def _words_of(matches: list[_Match]) -> set[str]:
    return {w for m in matches for column in m.marked for w in column}


def _scanned(
    conn: sqlcipher3.Connection, src: _Source, query: _Query, words: WordMatcher
) -> tuple[list[_Match], bool] | None:
    """The newest matches when the long last word is common as typed, found through the index
    of its first letters (no gathering of all its rows): rows newest first, kept when FTS5
    says one of their marked words starts with the whole word. With the rows looked at, their
    words: all a match newer than the last row looked at can hold. None past SCAN_ROWS rows."""
    assert query.short is not None
    short_query = " ".join((*query.phrases[:-1], query.short))
    last = len(query.phrases) - 1
    found: list[_Match] = []
    before, scanned = None, 0
    while scanned < SCAN_ROWS:
        batch = _marked(conn, src, short_query, CANDIDATES, before)
        scanned += len(batch)
        words.learn(_words_of(batch))
        whole = {w for w, phrases in words.known.items() if last in phrases}
        found += [m for m in batch if any(not whole.isdisjoint(column) for column in m.marked)]
        exhausted = len(batch) < CANDIDATES
        if len(found) >= CANDIDATES or exhausted:
            return found[:CANDIDATES], exhausted and len(found) <= CANDIDATES
        before = batch[-1].rowid
    return None


def _ranked_here(
    conn: sqlcipher3.Connection,
    src: _Source,
    query: _Query,
    info: search_rank.Table,
    counted: list[int],
    common: bool,
) -> _Found:
    """A word is common in this table: its newest matches, scored from their marked words
    (search_rank.py). A long last word's rows are gathered at most once, not when it is
    common as typed (_scanned)."""
    words = WordMatcher(conn, query.phrases, marks_are_phrases=False)
    try:
        scan = _scanned(conn, src, query, words) if common else None
        if scan is None:
            matches = _marked(conn, src, query.text, CANDIDATES + 1)
            scan = matches[:CANDIDATES], len(matches) <= CANDIDATES
            words.marks_are_phrases = True
            words.learn(_words_of(scan[0]))
    finally:
        words.close()
    matches, complete = scan
    if not matches:
        return _Found([], query.text)
    last = len(query.phrases) - 1
    if len(query.phrases) == 1:
        hits = [len(matches) if complete else search_rank.estimate(len(matches), matches[-1].rowid, info)]
    else:
        hits = list(counted)
        if query.short is not None and info.rows <= search_rank.ROWS_COUNTED:
            hits[last] = search_rank.rows_with(conn, src.fts, query.phrases[last], info)  # few rows: cheap
    idfs = [search_rank.idf(info.rows, h) for h in hits]
    sizes = search_rank.row_sizes(conn, src.fts, [m.rowid for m in matches])
    for match in matches:
        freqs = [0.0] * len(query.phrases)
        for weight, column in zip(src.weights, match.marked, strict=True):
            for word in column:
                for index in words.known[word]:
                    freqs[index] += weight
        match.score = search_rank.score(freqs, idfs, sizes.get(match.rowid, 0), info.average)
    snippet_query = query.text
    either = {w for w in _words_of(matches) if last in words.known[w]} if query.short is not None else set()
    if either:  # the words the long last word matched: no second gathering of its rows
        snippet_query = " AND ".join(
            (*query.phrases[:-1], "(" + " OR ".join(map(_quoted, sorted(either))) + ")")
        )
    return _Found(matches, snippet_query)


def _find(conn: sqlcipher3.Connection, src: _Source, query: _Query) -> _Found:
    """The table's newest CANDIDATES matches, scored."""
    info = search_rank.Table(conn, src.fts)
    if _fts_cost(query, [info.rows] * len(query.phrases)) <= FTS_ROWS:  # even if every row matched
        return _ranked_by_fts(conn, src, query)
    counted, common = _rows_with(conn, src, query, info)
    if _fts_cost(query, counted) <= FTS_ROWS:
        return _ranked_by_fts(conn, src, query)
    return _ranked_here(conn, src, query, info, counted, common)


def _fts_cost(query: _Query, rows: list[int]) -> int:
    """Rows bm25() walks: each word's once to count them, a long last word's three times more
    (FTS5 gathers them for the matches, for the count and for the snippets)."""
    return sum(rows) + (3 * rows[-1] if query.short is not None else 0)


def _shown(
    conn: sqlcipher3.Connection, kind: str, query: str, rids: list[int]
) -> dict[int, tuple[str, str, str, int]]:
    """Title and snippet of the rows shown. One walk of the rowid range they span (an
    `IN (...)` list would run the full-text query once per row), a snippet only for them."""
    src = _SOURCES[kind]
    marks = ", ".join("?" * len(rids))
    snippet = f"snippet({src.fts}, {src.snippet_column}, ?, ?, '…', {SNIPPET_TOKENS})"
    found = conn.execute(
        f"SELECT rowid, CASE WHEN rowid IN ({marks}) THEN {snippet} END FROM {src.fts}"
        f" WHERE {src.fts} MATCH ? AND rowid BETWEEN ? AND ?",
        (*rids, MARK_START, MARK_END, query, min(rids), max(rids)),
    )
    snippets = {rid: snip for rid, snip in found if snip is not None}
    rows = conn.execute(
        f"SELECT t.rid, t.id, {src.title}, {src.private} FROM {src.table} t WHERE t.rid IN ({marks})", rids
    )
    return {rid: (record_id, text, snippets.get(rid, ""), hidden) for rid, record_id, text, hidden in rows}


def first_line(text: str, limit: int = 80) -> str:
    line = text.strip().split("\n", 1)[0]
    return line if len(line) <= limit else line[: limit - 1] + "…"


def search(conn: sqlcipher3.Connection, text: str, limit: int = 50) -> list[SearchHit]:
    query = _parse(text)
    if query is None:
        return []
    found = {kind: _find(conn, src, query) for kind, src in _SOURCES.items()}
    order = {kind: n for n, kind in enumerate(_SOURCES)}
    ranked = sorted((m.score, order[kind], m.rowid, kind) for kind, f in found.items() for m in f.matches)[
        :limit
    ]  # equal scores: notes, goals, steps; oldest first
    shown = {
        kind: _shown(conn, kind, found[kind].snippet_query, [rowid for *_, rowid, k in ranked if k == kind])
        for kind in {kind for *_, kind in ranked}
    }
    hits = []
    for _score, _order, rowid, kind in ranked:
        record_id, title, snip, private = shown[kind][rowid]
        hits.append(
            SearchHit(
                kind=kind, record_id=record_id, title=first_line(title), snippet=snip, private=bool(private)
            )
        )
    return hits


def plain_snippet(snippet: str, start: str = "[", end: str = "]") -> str:
    return snippet.replace(MARK_START, start).replace(MARK_END, end)
