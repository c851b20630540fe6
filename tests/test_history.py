"""History: earlier versions kept (a burst of typing is one), restored as a new version,
bounded with the oldest pruned first, private, and gone with a purge."""

from __future__ import annotations

from pathlib import Path

from peercoach_desktop.coaching import trash
from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.domain.model import Note
from peercoach_desktop.storage.history import HistoryPolicy
from peercoach_desktop.storage.store import NotebookStore


def type_and_wait(store: NotebookStore, note: Note, text: str, minutes: int) -> Note:
    clock = store.clock
    assert isinstance(clock, FakeClock)
    clock.advance(seconds=minutes * 60)
    return store.update_note(note.id, text)


def test_a_burst_of_autosaves_is_one_version_and_an_old_one_comes_back(store: NotebookStore) -> None:
    note = store.add_note("first draft")
    for n in range(20):  # autosave every half second: one burst
        note = store.update_note(note.id, f"first draft, line {n}")
    assert [v.fields["body"] for v in store.versions(note.id)] == ["first draft"]
    note = type_and_wait(store, note, "second thoughts", minutes=10)
    versions = store.versions(note.id)
    assert [v.fields["body"] for v in versions] == ["first draft, line 19", "first draft"]

    restored = store.restore_version(note.id, versions[-1].rid)
    assert restored.body == "first draft" and restored.version > note.version  # a new version
    assert store.versions(note.id)[0].fields["body"] == "second thoughts"  # nothing overwritten


def test_the_bound_prunes_only_the_oldest(store: NotebookStore) -> None:
    store.history_policy = HistoryPolicy(max_versions=3, max_days=365, coalesce_seconds=60)
    note = store.add_note("v0")
    for n in range(1, 7):
        note = type_and_wait(store, note, f"v{n}", minutes=5)
    assert [v.fields["body"] for v in store.versions(note.id)] == ["v5", "v4", "v3"]


def test_old_versions_go_after_the_age_bound(store: NotebookStore) -> None:
    store.history_policy = HistoryPolicy(max_versions=50, max_days=30, coalesce_seconds=60)
    note = store.add_note("ancient")
    note = type_and_wait(store, note, "newer", minutes=10)
    note = type_and_wait(store, note, "newest", minutes=60 * 24 * 40)  # forty days later
    assert [v.fields["body"] for v in store.versions(note.id)] == ["newer"]


def test_a_purge_takes_the_history_with_it(store: NotebookStore, data_dir: Path) -> None:
    note = store.add_note("MARKER-HISTORY-3141 first")
    note = type_and_wait(store, note, "rewritten", minutes=10)
    assert store.versions(note.id)
    trash.delete(store, note.id)
    trash.purge(store, note.id)
    assert store.versions(note.id) == []
    assert store.rows("SELECT count(*) FROM history WHERE data LIKE '%MARKER-HISTORY%'") == [(0,)]


def test_a_restore_brings_back_a_versions_private_flag_both_ways(store: NotebookStore) -> None:
    note = store.add_note("shared at first")
    note = type_and_wait(store, note, "still shared", minutes=10)
    note = store.set_note_private(note.id, True)
    note = type_and_wait(store, note, "private thoughts now", minutes=10)
    oldest = store.versions(note.id)[-1]
    restored = store.restore_version(note.id, oldest.rid)
    assert (restored.body, restored.visibility) == ("shared at first", "shared")  # as it was then

    private = store.add_note("only mine", private=True)
    private = type_and_wait(store, private, "only mine, longer", minutes=10)
    private = store.set_note_private(private.id, False)
    (written_private,) = [v for v in store.versions(private.id) if v.fields["body"] == "only mine"]
    restored = store.restore_version(private.id, written_private.rid)
    assert (restored.body, restored.visibility) == ("only mine", "private")  # never shared by a restore


def test_a_purge_leaves_no_copy_in_the_search_index(store: NotebookStore) -> None:
    note = store.add_note("zebracorn unicornfish")
    trash.delete(store, note.id)
    trash.purge(store, note.id)
    leftovers = store.rows(
        "SELECT count(*) FROM notes_fts_data WHERE instr(block, CAST('zebracorn' AS BLOB)) > 0"
    )
    assert leftovers == [(0,)]


def test_new_bounds_apply_to_every_record_at_once(store: NotebookStore) -> None:
    notes = [store.add_note(f"note {n} v0") for n in range(3)]
    for minutes in (10, 20, 30):
        notes = [
            type_and_wait(store, note, f"note {i} at {minutes}", minutes=10) for i, note in enumerate(notes)
        ]
    assert all(len(store.versions(n.id)) == 3 for n in notes)
    store.set_history_policy(HistoryPolicy(max_versions=1, max_days=365))
    assert [[v.fields["body"] for v in store.versions(n.id)] for n in notes] == [
        [f"note {i} at 20"] for i in range(3)
    ]


def test_an_earlier_version_put_back_is_no_longer_a_copy_kept_from_a_conflict(store: NotebookStore) -> None:
    note = store.add_note("before the conflict")
    note = type_and_wait(store, note, "the version a conflict kept", minutes=10)
    # as "Keep both" leaves it (sync_rows.settle): whose version this copy keeps, and when
    note = store.change_record(note, kept_from={"by": store.me_id, "at": note.updated_at})
    (earlier,) = store.versions(note.id)
    restored = store.restore_version(note.id, earlier.rid)
    assert restored.body == "before the conflict" and restored.kept_from == {}
