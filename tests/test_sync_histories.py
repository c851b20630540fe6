"""Random histories on two real notebooks through real sync files: the store's local-edit
hook and the merge writer agree with the laws the pure merge was proven to keep."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sync_helpers import delete, make_pair, shared_view

from peercoach_desktop.domain.model import Note
from peercoach_desktop.storage import sync_rows
from peercoach_desktop.sync import conflict_choice

step = st.tuples(
    st.sampled_from(["add", "edit", "edit", "delete", "send", "send", "resolve"]),
    st.sampled_from([0, 1]),
    st.integers(0, 5),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(step, min_size=3, max_size=16))
def test_two_real_notebooks_converge_and_reimports_change_nothing(steps) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pair = make_pair(Path(tmp))
        try:
            pair.ana.add_note("shared from the start")
            pair.send(pair.ana, pair.ben)
            for n, (action, who, pick) in enumerate(steps):
                me, other = (pair.ana, pair.ben) if who == 0 else (pair.ben, pair.ana)
                live = [x for x in me.list(Note) if not _is_copy(me, x)]
                pair.clock.advance(pick % 2)
                if action == "add":
                    me.add_note(f"note {n} by {me.me().name}")
                elif action in ("edit", "delete") and live:
                    target = live[pick % len(live)]
                    if action == "edit":
                        me.update_note(target.id, f"edit {n} by {me.me().name}")
                    else:
                        delete(me, target)
                elif action == "send":
                    pair.send(me, other)
                    again = pair.send(me, other)
                    assert (again.counts.added, again.counts.updated, again.counts.conflicted) == (0, 0, 0)
                elif action == "resolve" and conflict_choice.list_conflicts(me):
                    conflict = conflict_choice.list_conflicts(me)[
                        pick % len(conflict_choice.list_conflicts(me))
                    ]
                    conflict_choice.resolve_conflict(
                        me, conflict.record_id, ("current", "other", "both")[pick % 3]
                    )
            pair.exchange()
            assert shared_view(pair.ana) == shared_view(pair.ben)
            assert sync_rows.read_state(pair.ana._conn) == sync_rows.read_state(pair.ben._conn)
            texts = {n.body for n in pair.ana.list(Note)}
            for hit_text in texts:  # the search index follows the merged rows
                word = hit_text.split()[0] + " " + hit_text.split()[1]
                assert any(h.title == hit_text for h in pair.ana.search(word, limit=500)), word
        finally:
            pair.close()


def _is_copy(store, note: Note) -> bool:
    return any(c.copy_id == note.id for c in conflict_choice.list_conflicts(store))
