"""Sync file format 3 (issue 19): an import skips the parts it merged before, and that gives
exactly the notebook a full import gives, after any history of edits on both laptops."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sync_helpers import Pair, delete, make_pair
from test_sync_file import remade

from peercoach_desktop.domain.errors import SealedKeyError
from peercoach_desktop.domain.model import Note
from peercoach_desktop.storage import database, sync_bulk, sync_rows
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.sync import conflict_choice, exchange, sync_file


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    made = make_pair(tmp_path)
    yield made
    made.close()


def _opened_parts(store: NotebookStore, path: Path, key: bytes) -> int:
    seen = set(json.loads(store.meta(exchange.SEEN_PARTS) or "[]"))
    _header, content = sync_file.open_file(path.read_bytes(), key, store.partnership_id)
    return sum(part.payload is not None for part in content.parts(seen))


def test_a_new_file_opens_only_the_parts_with_something_new(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sync_bulk, "CHUNK_ROWS", 10)  # parts of ten notes at a test's size
    for n in range(45):
        pair.ana.add_note(f"Shared note {n}")
    pair.send(pair.ana, pair.ben)
    pair.ana.update_note(pair.ana.list(Note)[-1].id, "Changed on Ana's laptop")  # the oldest note
    path = pair.folder / "later.pcsync"
    exchange.export_file(pair.ana, pair.key, path)
    _header, content = sync_file.open_file(path.read_bytes(), pair.key, pair.ana.partnership_id)
    assert len(content.digests()) >= 7  # partnership, peers and five parts of notes
    assert _opened_parts(pair.ben, path, pair.key) == 1
    report = exchange.apply_import(pair.ben, path, pair.key)
    assert (report.counts.added, report.counts.updated) == (0, 1)
    assert "Changed on Ana's laptop" in {n.body for n in pair.ben.list(Note)}
    assert _opened_parts(pair.ben, path, pair.key) == 0


def test_a_part_claiming_a_merged_digest_is_not_opened_so_its_words_never_arrive(pair: Pair) -> None:
    """A partner's file that lies about a part's digest can only hide the partner's own
    records from this import: the part is skipped unread, nothing unchecked is merged."""
    pair.ana.add_note("First words")
    pair.send(pair.ana, pair.ben)
    first = json.loads(pair.ben.meta(exchange.SEEN_PARTS) or "[]")
    pair.ana.add_note("Second words")
    path = pair.folder / "later.pcsync"
    exchange.export_file(pair.ana, pair.key, path)
    notes = next(i for i, d in enumerate(_digests(path, pair)) if d not in first)

    def claim_merged(manifest: list, parts: list, prefix: bytes) -> None:
        manifest[notes][4] = first[0]

    path.write_bytes(remade(path.read_bytes(), pair.key, claim_merged))
    before = pair.ben.sync_state()
    report = exchange.apply_import(pair.ben, path, pair.key)
    assert report.counts.added == 0 and pair.ben.sync_state() == before


def test_a_changed_byte_in_a_part_merged_before_still_refuses_the_file(pair: Pair) -> None:
    pair.ana.add_note("First words")
    pair.send(pair.ana, pair.ben)
    path = pair.folder / "from-Ana.pcsync"
    data = path.read_bytes()
    assert _opened_parts(pair.ben, path, pair.key) == 0  # every part merged: none opened
    path.write_bytes(data[:-10] + bytes([data[-10] ^ 1]) + data[-9:])  # in the last part
    before = pair.ben.sync_state()
    with pytest.raises(SealedKeyError, match="changed or cut short"):
        exchange.apply_import(pair.ben, path, pair.key)
    assert pair.ben.sync_state() == before


def _digests(path: Path, pair: Pair) -> list[str]:
    _header, content = sync_file.open_file(path.read_bytes(), pair.key, pair.ana.partnership_id)
    return content.digests()


def _full_import_copy(store: NotebookStore, notebook_key: bytes, path: Path, pair: Pair) -> NotebookStore:
    """A copy of `store`'s notebook, then `path` imported into it in full (no part skipped)."""
    root = pair.folder.parent / "copies"
    root.mkdir(exist_ok=True)
    copy = root / f"full-{len(list(root.iterdir()))}.pcnb"
    database.copy_encrypted(store._conn, store.path, copy)
    full = NotebookStore.open(copy, notebook_key, clock=store.clock, backup_dir=root)
    with full.writing() as work:
        work.set_meta(exchange.SEEN_PARTS, "[]")
    exchange.apply_import(full, path, pair.key)
    return full


step = st.tuples(
    st.sampled_from(["add", "add", "edit", "private", "delete", "send", "send", "resolve"]),
    st.sampled_from([0, 1]),
    st.integers(0, 9),
)


@settings(max_examples=40, deadline=None)
@given(st.lists(step, min_size=3, max_size=14))
def test_skipping_merged_parts_gives_the_notebook_a_full_import_gives(steps) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        pair = make_pair(root / "pair")
        keys = {
            store.me_id: pair.ana_library.key_for(pair.ana_library.descriptors()[0])
            if store is pair.ana
            else pair.ben_library.key_for(pair.ben_library.descriptors()[0])
            for store in (pair.ana, pair.ben)
        }
        sync_bulk.CHUNK_ROWS, chunk = 3, sync_bulk.CHUNK_ROWS  # many parts from a few notes
        try:
            for n in range(7):
                pair.ana.add_note(f"shared from the start {n}")
            pair.send(pair.ana, pair.ben)
            for n, (action, who, pick) in enumerate(steps):
                me, other = (pair.ana, pair.ben) if who == 0 else (pair.ben, pair.ana)
                live = [x for x in me.list(Note) if x.visibility == "shared"]
                pair.clock.advance(pick % 2)
                if action == "add":
                    me.add_note(f"note {n} by {me.me().name}")
                elif action in ("edit", "delete", "private") and live:
                    target = live[pick % len(live)]
                    if action == "edit":
                        me.update_note(target.id, f"edit {n} by {me.me().name}")
                    elif action == "private":
                        me.set_note_private(target.id, True)
                    else:
                        delete(me, target)
                elif action == "send":
                    path = pair.folder / "file.pcsync"
                    exchange.export_file(me, pair.key, path)
                    full = _full_import_copy(other, keys[other.me_id], path, pair)
                    exchange.apply_import(other, path, pair.key)
                    try:
                        assert sync_rows.read_state(other._conn) == sync_rows.read_state(full._conn)
                        assert other.list(Note) == full.list(Note)
                    finally:
                        full.close()
                elif action == "resolve" and conflict_choice.list_conflicts(me):
                    conflict = conflict_choice.list_conflicts(me)[
                        pick % len(conflict_choice.list_conflicts(me))
                    ]
                    conflict_choice.resolve_conflict(
                        me, conflict.record_id, ("current", "other", "both")[pick % 3]
                    )
        finally:
            sync_bulk.CHUNK_ROWS = chunk
            pair.close()


def _note_entry(store: NotebookStore, note_id: str) -> str:
    entry = sync_rows.read_state(store._conn)[("notes", note_id)][0]
    return json.dumps(sync_file.entry_to_json(entry))


@pytest.mark.parametrize("newer_first", [True, False])
def test_a_record_in_two_parts_of_a_first_import_is_merged_with_itself(pair: Pair, newer_first: bool) -> None:
    """A first import writes a part's records without looking up rows that cannot exist yet;
    a record that a (crafted) file repeats in a later part is still merged with what the
    earlier part wrote, so the older version never overwrites the newer one."""
    note = pair.ana.add_note("First words")
    older = _note_entry(pair.ana, note.id)
    edit_ = pair.ana.update_note(note.id, "Second words")
    newer = _note_entry(pair.ana, edit_.id)
    first, second = (newer, older) if newer_first else (older, newer)
    header = sync_file.SyncHeader(sync_file.FORMAT, pair.ana.partnership_id, pair.ana.me_id, pair.ana.now())
    path = pair.folder / "repeated.pcsync"
    path.write_bytes(
        sync_file.encode_parts(header, [("notes", 1, f"[{first}]"), ("notes", 1, f"[{second}]")], pair.key)
    )
    exchange.apply_import(pair.ben, path, pair.key)
    assert [n.body for n in pair.ben.list(Note)] == ["Second words"]
    assert list(pair.ben.conflict_copies("notes")) == []
