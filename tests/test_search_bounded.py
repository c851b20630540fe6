"""Search stays fast for any word (issue 19): each table ranks at most its newest
CANDIDATES matches, and snippets are made for the rows shown only. With fewer matches than
that the hits are exactly those of ranking every match; with more, the best of the newest."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from peercoach_desktop.domain.model import Note, SearchHit
from peercoach_desktop.storage import search, search_rank
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


@pytest.fixture
def scored_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every table scored by search_rank (as for a common word in a big notebook), not bm25()."""
    monkeypatch.setattr(search, "FTS_ROWS", -1)


@pytest.mark.parametrize("text", ["feedback", "deleg", "feedback manager", "team budget", "conf", "zzz"])
def test_scored_here_the_hits_are_those_of_bm25_over_every_match(
    store: NotebookStore, scored_here: None, text: str
) -> None:
    assert store.search(text) == every_match_ranked(store, text)
    assert store.search(text, limit=5) == every_match_ranked(store, text, limit=5)


@pytest.fixture
def looked_up_by_first_letters(monkeypatch: pytest.MonkeyPatch, scored_here: None) -> Iterator[None]:
    """A long last word that is common as typed is found through its first letters (_scanned)."""
    monkeypatch.setattr(search_rank, "ROWS_COUNTED", 3)
    monkeypatch.setattr(search, "CANDIDATES", 10)
    monkeypatch.setattr(search, "SCAN_ROWS", 40)
    monkeypatch.setattr(search, "ROWS_PER_ROW_LOOKED_AT", 0)
    scans = []
    scanned = search._scanned
    monkeypatch.setattr(search, "_scanned", lambda *args: scans.append(args) or scanned(*args))
    yield
    assert scans  # the way under test was the one taken


def test_a_long_word_found_by_its_first_letters_matches_as_fts5_does(
    tmp_path: Path, looked_up_by_first_letters: None
) -> None:
    created = Library(tmp_path, MemoryKeyStore()).create("Ana", "Ben")
    store = created.store
    for n in range(30):
        store.add_note(f"Rückmeldung {n} nach dem Treffen")  # the word as typed, with its accent
        store.add_note(f"Ruckmeldungen {n} im Team")  # another word it starts, no accent
        store.add_note(f"Rucksack {n} vergessen")  # the same first letters only
    hits = store.search("rückmeldung")
    assert len(hits) == 10  # the newest CANDIDATES matches of the notes table
    assert all("rucksack" not in hit.snippet.lower() for hit in hits)
    assert {hit.snippet.split(search.MARK_START)[1].split(search.MARK_END)[0] for hit in hits} == {
        "Rückmeldung",
        "Ruckmeldungen",
    }  # the snippets mark the words FTS5 matched, accent or not
    newest = [n.id for n in reversed(store.list(Note)) if not n.body.startswith("Rucksack")][:10]
    assert {hit.record_id for hit in hits} == set(newest)
    store.close()


def test_a_match_older_than_the_newest_candidates_is_found_when_searched_precisely(
    tmp_path: Path, looked_up_by_first_letters: None
) -> None:
    created = Library(tmp_path, MemoryKeyStore()).create("Ana", "Ben")
    store = created.store
    oldest = store.add_note("Feedback from the xylophone workshop")
    for n in range(40):
        store.add_note(f"Feedback round {n}")
    assert oldest.id not in {hit.record_id for hit in store.search("feedback", limit=50)}
    assert [hit.record_id for hit in store.search("feedback xylophone")] == [oldest.id]
    assert [hit.record_id for hit in store.search("xylophone feedb")] == [oldest.id]
    store.close()


def test_first_letters_lookup_folds_accents_of_the_notes_as_fts5_does(
    tmp_path: Path, looked_up_by_first_letters: None
) -> None:
    created = Library(tmp_path, MemoryKeyStore()).create("Ana", "Ben")
    store = created.store
    for n in range(20):
        store.add_note(f"Café {n} with the team")
        store.add_note(f"Cafeteria {n} lunch")
        store.add_note(f"Cabin {n} retreat")
    hits = store.search("cafe")
    newest = [n.id for n in reversed(store.list(Note)) if not n.body.startswith("Cabin")][:10]
    assert {hit.record_id for hit in hits} == set(newest)
    marked = {hit.snippet.split(search.MARK_START)[1].split(search.MARK_END)[0] for hit in hits}
    assert marked == {"Café", "Cafeteria"}
    store.close()
