"""The table of merge cases, through two real paired notebooks and real sync files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_helpers import Pair, delete, edit, make_pair, shared_view

from peercoach_desktop.domain.errors import UsageError
from peercoach_desktop.domain.model import NextStep, Note, StepStatus
from peercoach_desktop.sync import conflict_choice, exchange


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    p = make_pair(tmp_path)
    yield p
    p.close()


def shared_note(pair: Pair, text: str = "Talked about saying no") -> tuple[Note, Note]:
    note = pair.ana.add_note(text)
    pair.send(pair.ana, pair.ben)
    return note, pair.ben.get(Note, note.id)


def counts(report: exchange.ImportReport) -> tuple[int, int, int, int]:
    c = report.counts
    return (c.added, c.updated, c.deleted, c.conflicted)


def bodies(store) -> list[str]:
    return sorted(n.body for n in store.list(Note))


def test_joined_notebook_mirrors_the_inviters_partnership(tmp_path: Path) -> None:
    pair = make_pair(tmp_path, invitation_file=True)
    assert pair.ben.partnership_id == pair.ana.partnership_id
    assert (pair.ben.me().id, pair.ben.partner().id) == (pair.ana.partner().id, pair.ana.me().id)
    assert (pair.ben.me().name, pair.ben.partnership().title) == ("Ben", "Ana & Ben")
    report = pair.send(pair.ana, pair.ben)
    assert counts(report) == (0, 0, 0, 0)  # nothing to reconcile in the partnership or the peers
    pair.close()


def test_a_new_record_is_added(pair: Pair) -> None:
    pair.ana.add_goal("partner", "Find a sponsor")
    assert counts(pair.send(pair.ana, pair.ben)) == (1, 0, 0, 0)
    assert [g.title for g in pair.ben.snapshot().goals] == ["Find a sponsor"]


def test_the_newer_edit_wins(pair: Pair) -> None:
    note, _ = shared_note(pair)
    pair.clock.advance(5)
    pair.ana.update_note(note.id, "Talked about saying no, kindly")
    assert counts(pair.send(pair.ana, pair.ben)) == (0, 1, 0, 0)
    assert bodies(pair.ben) == ["Talked about saying no, kindly"]
    assert counts(pair.send(pair.ben, pair.ana)) == (0, 0, 0, 0)  # an older snapshot changes nothing


def test_unchanged_import_twice_changes_nothing(pair: Pair) -> None:
    shared_note(pair)
    before = shared_view(pair.ben)
    assert counts(pair.send(pair.ana, pair.ben)) == (0, 0, 0, 0)
    assert counts(pair.send(pair.ana, pair.ben)) == (0, 0, 0, 0)
    assert shared_view(pair.ben) == before


def test_a_deletion_travels(pair: Pair) -> None:
    note, _ = shared_note(pair)
    delete(pair.ana, note)
    assert counts(pair.send(pair.ana, pair.ben)) == (0, 0, 1, 0)
    assert bodies(pair.ben) == []


def test_concurrent_edits_of_one_note_keep_both_texts(pair: Pair) -> None:
    note, _ = shared_note(pair)
    pair.ana.update_note(note.id, "Ana's words")
    pair.clock.advance(1)
    pair.ben.update_note(note.id, "Ben's words")
    assert counts(pair.send(pair.ben, pair.ana)) == (0, 0, 0, 1)
    pair.send(pair.ana, pair.ben)
    for store in (pair.ana, pair.ben):
        assert bodies(store) == ["Ana's words", "Ben's words"]
        assert store.get(Note, note.id).body == "Ben's words"  # the newer in place
        [conflict] = conflict_choice.list_conflicts(store)
        assert (conflict.record_id, conflict.other.body) == (note.id, "Ana's words")
    assert shared_view(pair.ana) == shared_view(pair.ben)


@pytest.mark.parametrize(
    ("keep", "expected"),
    [("current", ["Ben's words"]), ("other", ["Ana's words"]), ("both", ["Ana's words", "Ben's words"])],
)
def test_a_resolved_conflict_is_resolved_on_both_laptops(pair: Pair, keep: str, expected: list) -> None:
    note, _ = shared_note(pair)
    pair.ana.update_note(note.id, "Ana's words")
    pair.clock.advance(1)
    pair.ben.update_note(note.id, "Ben's words")
    pair.exchange()
    conflict_choice.resolve_conflict(pair.ana, note.id, keep)  # type: ignore[arg-type]
    pair.send(pair.ana, pair.ben)
    for store in (pair.ana, pair.ben):
        assert bodies(store) == expected and conflict_choice.list_conflicts(store) == []
    assert shared_view(pair.ana) == shared_view(pair.ben)


def test_deleted_on_one_side_edited_on_the_other_keeps_the_edit_flagged(pair: Pair) -> None:
    note, _ = shared_note(pair)
    delete(pair.ana, note)
    pair.clock.advance(1)
    pair.ben.update_note(note.id, "Still matters to me")
    pair.send(pair.ana, pair.ben)
    report = pair.send(pair.ben, pair.ana)
    assert counts(report) == (0, 0, 0, 1)
    for store in (pair.ana, pair.ben):
        assert bodies(store) == ["Still matters to me"]
        [conflict] = conflict_choice.list_conflicts(store)
        assert conflict.other.deleted and conflict.current.body == "Still matters to me"


def test_an_older_delete_never_hides_a_newer_edit_even_when_it_is_the_newest_version(pair: Pair) -> None:
    note, _ = shared_note(pair)
    pair.ben.update_note(note.id, "Edited first")
    pair.clock.advance(1)
    delete(pair.ana, note)  # concurrent, and later in time
    pair.exchange()
    for store in (pair.ana, pair.ben):
        assert bodies(store) == ["Edited first"]


def test_deleted_on_both_sides_is_simply_deleted(pair: Pair) -> None:
    note, copy = shared_note(pair)
    delete(pair.ana, note)
    pair.clock.advance(1)
    delete(pair.ben, copy)
    assert counts(pair.send(pair.ana, pair.ben)) == (0, 0, 0, 0)
    assert counts(pair.send(pair.ben, pair.ana)) == (0, 0, 0, 0)
    for store in (pair.ana, pair.ben):
        assert bodies(store) == [] and conflict_choice.list_conflicts(store) == []


def test_next_step_done_on_one_side_while_edited_on_the_other(pair: Pair) -> None:
    step = pair.ana.add_step("me", "List three sponsors")
    pair.send(pair.ana, pair.ben)
    pair.ana.set_step_status(step.id, StepStatus.DONE)
    pair.clock.advance(1)
    edit(pair.ben, pair.ben.get(NextStep, step.id), text="List five sponsors")
    pair.exchange()
    for store in (pair.ana, pair.ben):
        steps = {(s.text, s.status) for s in store.list(NextStep)}
        assert steps == {("List three sponsors", StepStatus.DONE), ("List five sponsors", StepStatus.OPEN)}
        assert len(conflict_choice.list_conflicts(store)) == 1


def test_private_notes_never_leave_and_never_get_overwritten(pair: Pair) -> None:
    pair.ana.add_note("Only for me: I felt judged", private=True)
    shared, _ = shared_note(pair, "We agreed to meet monthly")
    pair.ana.set_note_private(shared.id, True)  # shared first, private now
    pair.clock.advance(1)
    pair.ben.update_note(shared.id, "We agreed to meet monthly, on Fridays")
    report = pair.send(pair.ben, pair.ana)
    assert report.counts.kept_private == 1
    kept = pair.ana.get(Note, shared.id)
    assert (kept.body, kept.visibility) == ("We agreed to meet monthly", "private")
    pair.send(pair.ana, pair.ben)
    assert bodies(pair.ben) == ["We agreed to meet monthly, on Fridays"]  # Ben's copy stays his


def test_editing_a_note_in_conflict_keeps_the_other_text_as_its_own_note(pair: Pair) -> None:
    note, _ = shared_note(pair)
    pair.ana.update_note(note.id, "Ana's words")
    pair.clock.advance(1)
    pair.ben.update_note(note.id, "Ben's words")
    pair.send(pair.ben, pair.ana)
    [conflict] = conflict_choice.list_conflicts(pair.ana)
    with pytest.raises(UsageError, match="conflict copy"):
        pair.ana.update_note(conflict.copy_id, "edit the copy")
    pair.ana.update_note(note.id, "Ben's words, and mine")
    assert conflict_choice.list_conflicts(pair.ana) == []
    assert bodies(pair.ana) == ["Ana's words", "Ben's words, and mine"]
    pair.exchange()
    assert bodies(pair.ben) == ["Ana's words", "Ben's words, and mine"]
    assert conflict_choice.list_conflicts(pair.ben) == []


def test_dry_run_counts_without_writing(pair: Pair) -> None:
    pair.ana.add_note("one")
    pair.ana.add_note("two")
    report = pair.send(pair.ana, pair.ben, dry_run=True)
    assert report.dry_run and counts(report) == (2, 0, 0, 0)
    assert bodies(pair.ben) == []


def test_import_moves_the_clock_past_the_partners_versions(pair: Pair) -> None:
    pair.clock.advance(3600)  # Ben's laptop will not move: his edit must still sort after Ana's
    note = pair.ana.add_note("From the future")
    pair.send(pair.ana, pair.ben)
    pair.ben._clock = type(pair.clock)()  # a laptop whose clock is an hour behind
    pair.ben._hlc._clock = pair.ben._clock
    changed = pair.ben.update_note(note.id, "Ben's reply")
    assert changed.version > note.version
    pair.send(pair.ben, pair.ana)
    assert bodies(pair.ana) == ["Ben's reply"] and conflict_choice.list_conflicts(pair.ana) == []
