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

_QUERY = f"""
SELECT 'note', n.id, substr(n.body, 1, 200), snippet(notes_fts, 0, ?1, ?2, '…', {SNIPPET_TOKENS}),
       n.visibility = 'private', bm25(notes_fts) AS score
  FROM notes_fts JOIN notes n ON n.rid = notes_fts.rowid WHERE notes_fts MATCH ?3
UNION ALL
SELECT 'goal', g.id, g.title, snippet(goals_fts, -1, ?1, ?2, '…', {SNIPPET_TOKENS}), 0,
       bm25(goals_fts, 4.0, 1.0, 1.0) AS score
  FROM goals_fts JOIN goals g ON g.rid = goals_fts.rowid WHERE goals_fts MATCH ?3
UNION ALL
SELECT 'step', s.id, s.text, snippet(steps_fts, 0, ?1, ?2, '…', {SNIPPET_TOKENS}), 0,
       bm25(steps_fts) AS score
  FROM steps_fts JOIN steps s ON s.rid = steps_fts.rowid WHERE steps_fts MATCH ?3
ORDER BY score LIMIT ?4
"""


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
    rows = conn.execute(_QUERY, (MARK_START, MARK_END, query, limit)).fetchall()
    return [
        SearchHit(kind=kind, record_id=rid, title=first_line(title), snippet=snip, private=bool(private))
        for kind, rid, title, snip, private, _score in rows
    ]


def plain_snippet(snippet: str, start: str = "[", end: str = "]") -> str:
    return snippet.replace(MARK_START, start).replace(MARK_END, end)
