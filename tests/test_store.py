from __future__ import annotations

import pytest

from peercoach_desktop.domain.errors import AmbiguousError, NotFoundError, UsageError
from peercoach_desktop.domain.model import Goal, GoalStatus, NextStep, Note, StepStatus, Visibility
from peercoach_desktop.storage.search import MARK_END, MARK_START
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.vault.library import Library
from peercoach_desktop.vault.opener import open_notebook


def reopen(library: Library, store: NotebookStore) -> NotebookStore:
    store.close()
    return open_notebook(library, library.resolve(store.partnership_id))


def test_a_new_notebook_knows_both_peers_and_who_is_me(store: NotebookStore) -> None:
    assert store.me().name == "Ana"
    assert store.partner().name == "Ben"
    assert store.partnership().title == "Ana & Ben"


def test_everything_written_is_there_after_reopening(library: Library, store: NotebookStore) -> None:
    goal = store.add_goal(
        "me", "Delegate the budget review", why="I am the bottleneck", target_date="2026-03-31"
    )
    session = store.add_session("2026-02-01T10:00:00Z", minutes=20)
    note = store.add_note(
        "Felt heard today.", kind="reflection", private=True, session=session.id[:8], goal=goal.title
    )
    step = store.add_step(
        "partner", "Draft the handover list", goal=goal.id, due_date="2026-02-08", session=session.id
    )
    store = reopen(library, store)
    snap = store.snapshot()
    assert [g.title for g in snap.goals] == ["Delegate the budget review"]
    assert snap.goals[0].owner_id == store.me_id and snap.goals[0].target_date == "2026-03-31"
    assert snap.sessions[0].minutes_per_turn == 20
    assert snap.sessions[0].speaker_order == [store.me_id, store.partner().id]
    assert snap.notes[0].body == "Felt heard today." and snap.notes[0].visibility == Visibility.PRIVATE
    assert (snap.notes[0].session_id, snap.notes[0].goal_id) == (session.id, goal.id)
    assert snap.steps[0].owner_id == store.partner().id and snap.steps[0].set_in_session_id == session.id
    assert note.id in {n.id for n in snap.notes} and step.id in {s.id for s in snap.steps}
    store.close()


def test_every_change_gets_a_newer_version_and_keeps_its_author(store: NotebookStore) -> None:
    goal = store.add_goal("me", "Speak up in meetings")
    paused = store.set_goal_status(goal.id, "paused")
    achieved = store.set_goal_status(goal.id, "achieved")
    assert goal.version < paused.version < achieved.version
    assert achieved.author_id == store.me_id and achieved.created_at == goal.created_at
    assert store.get(Goal, goal.id).status == GoalStatus.ACHIEVED


def test_step_done_and_dropped(store: NotebookStore) -> None:
    step = store.add_step("me", "Book a 1:1 with my manager")
    assert store.set_step_status(step.id[:6], StepStatus.DONE).status == StepStatus.DONE
    assert store.set_step_status("book a 1:1 with my manager", StepStatus.DROPPED).status == "dropped"


def test_autosave_updates_the_note_in_place(library: Library, store: NotebookStore) -> None:
    note = store.add_note("first draft")
    saved = store.update_note(note.id, "first draft, then more words")
    assert saved.version > note.version
    assert store.update_note(note.id, "first draft, then more words").version == saved.version
    store = reopen(library, store)
    assert store.get(Note, note.id).body == "first draft, then more words"
    store.close()


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (lambda s: s.add_goal("me", "   "), "cannot be empty"),
        (lambda s: s.add_goal("boss", "x"), "'me' or 'partner'"),
        (lambda s: s.add_goal("me", "x", target_date="31/12/2026"), "date like 2026-03-31"),
        (lambda s: s.add_session(minutes=45), "5 to 30 minutes"),
        (lambda s: s.add_session("next tuesday"), "2026-03-31T15:00"),
        (lambda s: s.add_note("x", kind="diary"), "note, reflection, feedback"),
        (lambda s: s.set_goal_status("nothing-like-this", "active"), None),
    ],
)
def test_bad_input_is_refused_with_a_clear_reason(store: NotebookStore, action, message) -> None:
    with pytest.raises((UsageError, NotFoundError)) as info:
        action(store)
    if message:
        assert message in str(info.value)
    assert store.snapshot().goals == [] and store.snapshot().sessions == []


def test_ambiguous_title_asks_for_the_id(store: NotebookStore) -> None:
    store.add_step("me", "Call Sam")
    store.add_step("partner", "call sam")
    with pytest.raises(AmbiguousError, match="use its id"):
        store.find(NextStep, "Call Sam")


def test_search_finds_notes_goals_and_steps_with_marked_snippets(store: NotebookStore) -> None:
    store.add_goal("me", "Negotiate a budget", why="the team is understaffed")
    store.add_note("We talked about the budget and my fear of conflict.", private=True)
    store.add_step("partner", "Send the budget draft to Ana")
    store.add_note("Nothing relevant here.")
    hits = store.search("budget")
    assert {h.kind for h in hits} == {"note", "goal", "step"}
    assert all(f"{MARK_START}budget{MARK_END}" in h.snippet.lower() for h in hits)
    assert [h.private for h in hits if h.kind == "note"] == [True]
    assert hits[0].kind == "goal"  # a match in a goal's title outranks one in running text


def test_search_is_forgiving_about_what_people_type(store: NotebookStore) -> None:
    store.add_note("Résumé review with the café team")
    assert store.search("resume") and store.search("CAFÉ")
    assert store.search("revi")  # the last word may be unfinished
    assert store.search('"(*') == []  # FTS5 syntax characters are not errors


def test_search_follows_edits(store: NotebookStore) -> None:
    note = store.add_note("I avoid feedback conversations")
    store.update_note(note.id, "I now seek out conversations")
    assert store.search("feedback") == []
    assert [h.record_id for h in store.search("seek")] == [note.id]


def test_search_ignores_tombstones(store: NotebookStore) -> None:
    note = store.add_note("a secret about reorganisation")
    store._conn.execute("UPDATE notes SET deleted = 1 WHERE id = ?", (note.id,))
    assert store.search("reorganisation") == []


def test_two_partnerships_resolve_by_id_prefix_or_title(library: Library) -> None:
    first = library.create("Ana", "Ben")
    second = library.create("Ana", "Cleo", "Leadership circle")
    first.store.close()
    second.store.close()
    assert library.resolve(first.descriptor.partnership_id[:6]) == first.descriptor
    assert library.resolve("leadership circle") == second.descriptor
    with pytest.raises(NotFoundError):
        library.resolve("Nobody")
