"""Search stays fast for any word (issue 19): each table ranks at most its newest
CANDIDATES matches, and snippets are made for the rows shown only. With fewer matches than
that the hits are exactly those of ranking every match; with more, the best of the newest."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from peercoach_desktop.domain.model import Note, SearchHit
from peercoach_desktop.storage import search
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.vault.keystore import MemoryKeyStore
from peercoach_desktop.vault.library import Library

# The query before issue 19: every match ranked (and given a snippet) before the LIMIT.
EVERY_MATCH_RANKED = f"""
SELECT 'note', n.id, substr(n.body, 1, 200), snippet(notes_fts, 0, ?1, ?2, '…', {search.SNIPPET_TOKENS}),
       n.visibility = 'private', bm25(notes_fts) AS score, 0 AS o, n.rid
  FROM notes_fts JOIN notes n ON n.rid = notes_fts.rowid WHERE notes_fts MATCH ?3
UNION ALL
SELECT 'goal', g.id, g.title, snippet(goals_fts, -1, ?1, ?2, '…', {search.SNIPPET_TOKENS}), 0,
       bm25(goals_fts, 4.0, 1.0, 1.0) AS score, 1, g.rid
  FROM goals_fts JOIN goals g ON g.rid = goals_fts.rowid WHERE goals_fts MATCH ?3
UNION ALL
SELECT 'step', s.id, s.text, snippet(steps_fts, 0, ?1, ?2, '…', {search.SNIPPET_TOKENS}), 0,
       bm25(steps_fts) AS score, 2, s.rid
  FROM steps_fts JOIN steps s ON s.rid = steps_fts.rowid WHERE steps_fts MATCH ?3
ORDER BY score, 7, 8 LIMIT ?4  -- (ties in a fixed order)
"""
WORDS = ["delegation", "feedback", "budget", "manager", "promotion", "confidence", "meeting", "team"]


@pytest.fixture
def store(tmp_path: Path) -> NotebookStore:
    created = Library(tmp_path, MemoryKeyStore()).create("Ana", "Ben")
    rng = random.Random(19)
    for n in range(120):
        created.store.add_note(" ".join(rng.choices(WORDS, k=rng.randint(3, 30))), private=n % 7 == 0)
        if n % 4 == 0:
            created.store.add_step("me", f"Step {n}: " + " ".join(rng.choices(WORDS, k=5)))
        if n % 20 == 0:
            created.store.add_goal(
                "me", " ".join(rng.choices(WORDS, k=3)), why=" ".join(rng.choices(WORDS, k=8))
            )
    yield created.store
    created.store.close()


def every_match_ranked(store: NotebookStore, text: str, limit: int = 50) -> list[SearchHit]:
    query = search.fts_query(text)
    rows = store._conn.execute(EVERY_MATCH_RANKED, (search.MARK_START, search.MARK_END, query, limit))
    return [
        SearchHit(kind=k, record_id=rid, title=search.first_line(t), snippet=snip, private=bool(p))
        for k, rid, t, snip, p, _score, _o, _rid in rows
    ]


@pytest.mark.parametrize("text", ["feedback", "deleg", "feedback manager", "team budget", "conf", "zzz"])
def test_with_fewer_matches_than_candidates_the_hits_are_those_of_ranking_every_match(
    store: NotebookStore, text: str
) -> None:
    assert store.search(text) == every_match_ranked(store, text)
    assert store.search(text, limit=5) == every_match_ranked(store, text, limit=5)


def test_with_more_matches_the_best_of_the_newest_are_shown(
    store: NotebookStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "CANDIDATES", 10)
    hits = store.search("feedback", limit=40)
    assert all("feedback" in h.snippet.lower() for h in hits)
    assert sum(hit.kind == "note" for hit in hits) == 10  # of the many notes that match
    newest = [n.id for n in reversed(store.list(Note)) if "feedback" in n.body.split()][:10]
    assert all(hit.record_id in newest for hit in hits if hit.kind == "note")
