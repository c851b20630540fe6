"""Sync at scale (issue 19): a file with nothing new is a version comparison, old files
still import, and the set-based writes store what the record-by-record merge stored."""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import pytest
from sync_helpers import Pair, make_pair

from peercoach_desktop.domain.errors import SyncFileError
from peercoach_desktop.domain.merge import Key
from peercoach_desktop.domain.model import Note
from peercoach_desktop.storage import sync_bulk
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.sync import conflict_choice, exchange, sealed, sync_file


@pytest.fixture
def pair(tmp_path: Path) -> Pair:
    made = make_pair(tmp_path)
    yield made
    made.close()


def _fill(pair: Pair) -> None:
    for n in range(30):
        pair.ana.add_note(f"Shared note {n} about delegation")
    pair.ana.add_note("private thought", private=True)
    pair.ana.add_goal("me", "Delegate the budget")


def _seen(store: NotebookStore) -> set[str]:
    return set(json.loads(store.meta(exchange.SEEN_PARTS) or "[]"))


def _keys_to_merge(store: NotebookStore, path: Path, key: bytes) -> set[Key]:
    """The records an import of `path` would merge: in the parts it opens, those with a version
    not stored here."""
    _header, content = sync_file.open_file(path.read_bytes(), key, store.partnership_id)
    found: set[Key] = set()
    for part in content.parts(_seen(store)):
        if part.payload is not None:
            found |= part.payload.keys_to_merge(store.known_versions_for(part.payload.keys()))
    return found


def test_importing_the_same_file_again_opens_no_part_and_changes_nothing(pair: Pair) -> None:
    _fill(pair)
    first = pair.send(pair.ana, pair.ben)
    assert first.counts.added == 31  # 30 notes and the goal; the private note stays home
    path = pair.folder / "from-Ana.pcsync"
    _header, content = sync_file.open_file(path.read_bytes(), pair.key, pair.ben.partnership_id)
    assert [part.payload for part in content.parts(_seen(pair.ben))] == [None] * len(content.digests())
    before = pair.ben.sync_state()
    again = exchange.apply_import(pair.ben, path, pair.key)
    assert again.counts.as_dict() == dict.fromkeys(again.counts.as_dict(), 0)
    assert again.conflicts == []
    assert pair.ben.sync_state() == before


def test_a_file_with_a_few_new_versions_merges_only_those(pair: Pair) -> None:
    _fill(pair)
    pair.send(pair.ana, pair.ben)
    note = pair.ana.list(Note)[0]
    pair.ana.update_note(note.id, "Changed on Ana's laptop")
    pair.ana.add_note("One more")
    path = pair.folder / "from-Ana.pcsync"
    exchange.export_file(pair.ana, pair.key, path)
    assert len(_keys_to_merge(pair.ben, path, pair.key)) == 2
    report = exchange.apply_import(pair.ben, path, pair.key)
    assert (report.counts.added, report.counts.updated) == (1, 1)
    shared = {n.body for n in pair.ana.list(Note)} - {"private thought"}
    assert {n.body for n in pair.ben.list(Note)} == shared


def test_a_file_of_the_first_format_still_imports(pair: Pair) -> None:
    _fill(pair)
    header = sync_file.SyncHeader(1, pair.ana.partnership_id, pair.ana.me_id, pair.ana.now())
    entries = sync_file.shared_entries(pair.ana.sync_state())
    old = pair.folder / "old.pcsync"
    old.write_bytes(sync_file.encode(header, entries, pair.key))
    assert exchange.preview_import(pair.ben, old, pair.key).counts.added == 31
    assert exchange.apply_import(pair.ben, old, pair.key).counts.added == 31
    assert exchange.apply_import(pair.ben, old, pair.key).counts.added == 0
    assert len(pair.ben.list(Note)) == 30


def test_concurrent_edits_still_keep_both_texts_through_the_batched_writes(pair: Pair) -> None:
    _fill(pair)
    pair.exchange()
    note = pair.ana.list(Note)[3]
    pair.ana.update_note(note.id, "Ana's words")
    pair.ben.update_note(note.id, "Ben's words")
    report = pair.send(pair.ana, pair.ben)
    assert report.counts.conflicted == 1
    pair.send(pair.ben, pair.ana)
    for store in (pair.ana, pair.ben):
        (conflict,) = conflict_choice.list_conflicts(store)
        assert conflict.record_id == note.id
        assert {conflict.current.body, conflict.other.body} == {"Ana's words", "Ben's words"}
        # both texts are in the search index (the copy is a row of its own)
        assert len(store.search("words")) == 2


def test_a_big_first_import_is_searchable_and_later_edits_are_indexed_as_before(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sync_bulk, "BULK", 10)  # the bulk path (one index rebuild) at a test's size
    _fill(pair)
    report = pair.send(pair.ana, pair.ben)
    assert report.counts.added == 31
    assert len(pair.ben.search("delegation")) == 30
    assert [h.title for h in pair.ben.search("budget")] == ["Delegate the budget"]
    # the bigger term buffer of the rebuild was only for the rebuild
    hashsize = "SELECT v FROM notes_fts_config WHERE k = 'hashsize'"
    assert pair.ben._conn.execute(hashsize).fetchone() == (sync_bulk.FTS_HASH_DEFAULT,)
    # the row-by-row triggers are back: a later edit and a new note are found, the old text not
    note = pair.ben.list(Note)[0]
    pair.ben.update_note(note.id, "Rewritten about mentoring")
    pair.ben.add_note("Another about mentoring")
    assert len(pair.ben.search("mentoring")) == 2
    assert len(pair.ben.search("delegation")) == 29


def test_an_export_from_rows_holds_exactly_the_shared_versions_with_their_contexts(pair: Pair) -> None:
    _fill(pair)
    pair.exchange()
    note = pair.ana.list(Note)[2]
    pair.ana.update_note(note.id, "Ana's words")
    pair.ben.update_note(note.id, "Ben's words")
    pair.send(pair.ben, pair.ana)  # Ana now holds a conflict copy
    private = pair.ana.add_note("mine alone", private=True)
    path = pair.folder / "check.pcsync"
    exported = exchange.export_file(pair.ana, pair.key, path)
    _header, entries = sync_file.decode(path.read_bytes(), pair.key, pair.ana.partnership_id)
    expected = sync_file.shared_entries(pair.ana.sync_state())
    assert exported.records == len(expected) == len(entries)
    assert sorted(entries, key=repr) == sorted(expected, key=repr)
    assert private.id not in {e.record.id for e in entries}
    assert b"mine alone" not in path.read_bytes()


@pytest.mark.parametrize("chunk", [1, 7, 64, 4096])
def test_a_body_is_read_back_line_for_line_whatever_the_slice_size(
    monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    monkeypatch.setattr(sealed, "CHUNK", chunk)
    lines = [f"line {n} ".encode() * (n % 9) for n in range(300)]
    body = zlib.compress(b"\n".join(lines), 1)
    assert lines[-1]  # (an empty last line is not told apart from no line)
    assert list(sealed.inflate_lines(body, "sync file")) == lines
    with pytest.raises(SyncFileError):
        list(sealed.inflate_lines(body[: len(body) // 2], "sync file"))
