"""A first import stores a part of new records from columns (sync/new_rows.py,
inbound.rows_fit, sync_bulk.prepare_new_rows) instead of building each record: the rows it
writes and the counts it reports are those of the record-by-record merge, value for value."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_helpers import Pair, delete, edit, make_pair

from peercoach_desktop.domain.merge import merge
from peercoach_desktop.storage import sync_bulk
from peercoach_desktop.sync import exchange, inbound, new_rows, sync_file


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    p = make_pair(tmp_path)
    yield p
    p.close()


def _parts(pair: Pair) -> list[sync_file.Payload]:
    path = pair.folder / "ana.pcsync"
    exchange.export_file(pair.ana, pair.key, path)
    _header, content = sync_file.open_file(path.read_bytes(), pair.key, pair.ana.partnership_id)
    return [part.payload for part in content.parts() if part.payload is not None]


def test_a_part_of_new_records_is_stored_as_the_record_by_record_merge_stores_it(pair: Pair) -> None:
    goal = pair.ana.add_goal("me", "Say no more often", why="Grüße — ein \u00fcbler Tag")
    session = pair.ana.add_session(scheduled_at="2026-01-06T09:00:00.000Z")
    pair.ana.add_note("Plain words", goal=goal.id, session=session.id)
    pair.ana.add_note('Zeichen: \u00e4\u00f6\u00fc \U0001f600 \\ " \x00 end')
    delete(pair.ana, pair.ana.add_note("Deleted again"))
    edit(pair.ana, pair.ana.add_note("Edited once"), body="Edited twice")
    pair.ana.add_step("me", "Ask for the budget", goal=goal.id, due_date="2026-02-01")
    by_columns, skipped = 0, []
    for payload in _parts(pair):
        new = new_rows.new_rows(payload)
        if new is None:
            skipped.append(payload.tags[0].split("\t")[0])
            continue
        ids = {"me_id": pair.ben.me_id, "partner_id": pair.ana.me_id}
        assert inbound.rows_fit(new.cls, new.columns, new.ctx, **ids), new.kind
        result = merge({}, payload.entries())
        (expected,) = sync_bulk.prepare_changes(result.changes)
        assert sync_bulk.prepare_new_rows(new.kind, new.columns, new.ctx) == expected
        assert new.live == result.counts.added and new.versions == [e.version for e in payload.entries()]
        by_columns += 1
    assert (by_columns, skipped) == (4, ["partnership", "peers"])


def test_a_part_holding_a_conflict_copy_or_a_private_note_is_merged_record_by_record(pair: Pair) -> None:
    note = pair.ana.add_note("Shared first")
    pair.exchange()
    edit(pair.ana, note, body="Ana's words")
    edit(pair.ben, pair.ben.by_id(type(note), note.id), body="Ben's words")
    pair.send(pair.ben, pair.ana)  # Ana now keeps both versions: a conflict copy travels too
    (notes,) = [p for p in _parts(pair) if p.tags[0].startswith("notes\t")]
    assert new_rows.new_rows(notes) is None


def test_notes_written_after_their_search_index_was_rebuilt_are_found_too(pair: Pair) -> None:
    """search_index_deferred: a table written again after search_index_now is rebuilt again
    when the block ends, so every note the import stored can be found."""
    for word in ("early", "late"):
        pair.ana.add_note(f"An {word} note")
    notes = [e for group in pair.ana.sync_state().values() for e in group if e.kind == "notes"]
    early, late = sorted(merge({}, notes).changes, key=lambda c: c.after[0].record.body)
    with pair.ben.writing() as work, work.search_index_deferred({"notes": 5000}) as deferred:
        assert deferred == {"notes"}
        work.write_changes([early])
        work.search_index_now("notes")
        work.write_changes([late])
    assert len(pair.ben.search("early")) == 1 and len(pair.ben.search("late")) == 1
    pair.ben.add_note("A third note, typed here")  # the triggers are back: found at once
    assert len(pair.ben.search("note")) == 3
