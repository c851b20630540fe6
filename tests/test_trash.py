"""The trash: delete with links, restore with links, purge for good; sync carries each."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import memory_library

from peercoach_desktop.coaching import trash
from peercoach_desktop.domain.errors import NotFoundError, PeerCoachError
from peercoach_desktop.domain.model import Goal, NextStep, Note
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.sync import exchange, pairing
from peercoach_desktop.vault.library import Library
from peercoach_desktop.vault.opener import open_notebook


def test_a_goal_goes_to_the_trash_with_its_steps_and_comes_back_with_them(store: NotebookStore) -> None:
    goal = store.add_goal("me", "Delegate")
    step = store.add_step("me", "Ask Kim", goal=goal.id)
    note = store.add_note("why it matters", goal=goal.id)
    separate = store.add_step("me", "Unrelated step")
    trash.delete(store, step.id)  # deleted on its own before the goal
    store.clock.advance(seconds=5)
    moved = trash.delete(store, goal.id)
    assert {r.id for r in moved} == {goal.id, note.id}
    assert store.list(Goal) == [] and [s.id for s in store.list(NextStep)] == [separate.id]

    listed = trash.items(store)
    assert [(i.kind, i.label, i.with_it) for i in listed] == [("goal", "Delegate", 1), ("step", "Ask Kim", 0)]
    back = trash.restore(store, goal.id)
    assert {r.id for r in back} == {goal.id, note.id}  # the step deleted earlier stays in the trash
    assert [n.body for n in store.list(Note)] == ["why it matters"]
    assert [i.label for i in trash.items(store)] == ["Ask Kim"]


def test_purge_erases_the_words_and_cannot_be_undone(store: NotebookStore) -> None:
    note = store.add_note("a confidential line")
    trash.delete(store, note.id)
    trash.purge(store, note.id)
    assert trash.items(store) == []
    assert store.search("confidential") == []
    rows = store.rows("SELECT body FROM notes WHERE id = ?", (note.id,))
    assert rows == [("",)]
    with pytest.raises(PeerCoachError, match="purged"):
        trash.restore(store, note.id)
    with pytest.raises(NotFoundError, match="trash"):
        trash.purge(store, store.add_note("live").id)  # only what is in the trash


def test_restore_travels_as_an_edit_and_purge_as_a_deletion(library: Library, tmp_path: Path) -> None:
    created = library.create("Ana", "Ben")
    ana = created.store
    invitation = tmp_path / "i.pcinvite"
    pairing.write_invitation(library, ana.partnership_id, "blue heron at dawn", invitation)
    ben_lib = memory_library(tmp_path / "ben")
    joined = pairing.join(ben_lib, invitation.read_bytes(), "blue heron at dawn")
    ben = open_notebook(ben_lib, joined.descriptor)
    key_a = exchange.sync_key(library, created.descriptor, ana)
    key_b = exchange.sync_key(ben_lib, joined.descriptor, ben)

    def a_to_b() -> None:
        out = tmp_path / "a.pcsync"
        exchange.export_file(ana, key_a, out)
        exchange.apply_import(ben, out, key_b)

    note = ana.add_note("shared words")
    a_to_b()
    trash.delete(ana, note.id)
    a_to_b()
    assert ben.list(Note) == []
    trash.restore(ana, note.id)
    a_to_b()
    assert [n.body for n in ben.list(Note)] == ["shared words"]
    trash.delete(ana, note.id)
    trash.purge(ana, note.id)
    a_to_b()
    assert ben.list(Note) == [] and ben.search("shared") == []
    ana.close()
    ben.close()
