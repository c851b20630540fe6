"""The window's reads: overview, newest-first pages that never skip or repeat, details."""

from __future__ import annotations

import pytest

from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.domain.errors import UsageError
from peercoach_desktop.domain.model import GoalStatus, StepStatus
from peercoach_desktop.storage import browse
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.vault.library import Library
from peercoach_desktop.vault.opener import open_notebook


def test_overview_counts_linked_steps_of_active_goals_only(store: NotebookStore) -> None:
    goal = store.add_goal("me", "Delegate the budget review")
    paused = store.add_goal("partner", "Run a retro")
    store.set_goal_status(paused.id, "paused")
    first = store.add_step("me", "Ask Kim to draft it", goal=goal.id, due_date="2026-02-01")
    store.add_step("partner", "Book the room", goal=goal.id)
    store.add_step("partner", "Unlinked step", due_date="2026-01-15")
    store.set_step_status(first.id, StepStatus.DONE)

    view = browse.overview(store, "2026-01-01T00:00:00.000Z")

    assert [(g.goal.title, g.steps_done, g.steps_total) for g in view.goals] == [
        ("Delegate the budget review", 1, 2)
    ]
    # open steps of both peers, soonest due first, undated last
    assert [s.text for s in view.open_steps] == ["Unlinked step", "Book the room"]
    assert view.name_of(view.open_steps[0].owner_id) == "Ben"


def test_note_pages_cover_every_note_once_newest_first(store: NotebookStore) -> None:
    clock = store.clock
    assert isinstance(clock, FakeClock)
    for i in range(23):
        store.add_note(f"note {i}")
        if i % 5:  # several notes share a timestamp: the id breaks the tie
            clock.advance(seconds=1)
    seen, cursor = [], None
    while True:
        page = browse.notes_page(store, cursor, limit=4)
        seen += [n.body for n in page.rows]
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert sorted(seen) == sorted(f"note {i}" for i in range(23))
    assert len(seen) == 23
    assert seen[0] == "note 22" and seen[-1] in {"note 0", "note 1"}


def test_session_pages_carry_note_and_step_counts(store: NotebookStore) -> None:
    old = store.add_session("2026-01-05T10:00")
    new = store.add_session("2026-02-05T10:00")
    store.add_note("what we said", session=new.id)
    store.add_step("me", "Try it", session=new.id)
    store.add_step("me", "And this", session=new.id)

    page = browse.sessions_page(store, limit=1)
    assert [(r.session.id, r.note_count, r.steps_set) for r in page.rows] == [(new.id, 1, 2)]
    rest = browse.sessions_page(store, page.next_cursor, limit=1)
    assert [(r.session.id, r.note_count, r.steps_set) for r in rest.rows] == [(old.id, 0, 0)]
    assert rest.next_cursor is None


def test_session_detail_lists_steps_set_and_reviewed(store: NotebookStore) -> None:
    first = store.add_session("2026-01-05T10:00")
    second = store.add_session("2026-02-05T10:00")
    step = store.add_step("partner", "Call the client", session=first.id)
    store.set_step_status(step.id, StepStatus.DONE, reviewed_in=second.id)
    assert [s.text for s in browse.session_detail(store, first.id).steps_set] == ["Call the client"]
    assert [s.text for s in browse.session_detail(store, second.id).steps_reviewed] == ["Call the client"]


def test_goal_edits_are_kept_and_checked(library: Library, store: NotebookStore) -> None:
    goal = store.add_goal("me", "Delegate")
    store.update_goal(goal.id, title="Delegate more", progress=40, target_date="2026-06-30", status="paused")
    with pytest.raises(UsageError, match="0 to 100"):
        store.update_goal(goal.id, progress=140)
    with pytest.raises(UsageError, match="date"):
        store.update_goal(goal.id, target_date="soon")
    store.close()
    reopened = open_notebook(library, library.resolve(store.partnership_id))
    saved = browse.goal_detail(reopened, goal.id).goal
    reopened.close()
    assert (saved.title, saved.progress, saved.target_date, saved.status) == (
        "Delegate more",
        40,
        "2026-06-30",
        GoalStatus.PAUSED,
    )


def test_an_unchanged_edit_writes_nothing(store: NotebookStore) -> None:
    goal = store.add_goal("me", "Delegate")
    assert store.update_goal(goal.id, title="Delegate").version == goal.version
    step = store.add_step("me", "Ask Kim")
    assert store.update_step(step.id, text="Ask Kim", owner="me").version == step.version
    moved = store.update_step(step.id, owner="partner", due_date="2026-03-01", goal=goal.id)
    assert (moved.owner_id, moved.due_date, moved.goal_id) == (store.partner().id, "2026-03-01", goal.id)


def test_overview_shows_each_peers_follow_through_of_recent_sessions(store: NotebookStore) -> None:
    held = store.add_session("2026-01-05T10:00")
    store.change_record(held, status="done", started_at="2026-01-05T10:00:00.000Z")
    done = store.add_step("me", "Ask Kim", session=held.id, due_date="2026-01-20")
    store.add_step("me", "Late one", session=held.id, due_date="2026-01-10")
    store.add_step("partner", "Not due yet", session=held.id, due_date="2026-03-01")
    store.set_step_status(done.id, StepStatus.DONE)

    me, partner = browse.overview(store, "2026-02-01T00:00:00.000Z").follow_through
    assert (me.done, me.set, [s.text for s in me.overdue]) == (1, 2, ["Late one"])
    assert (partner.done, partner.set, partner.rate) == (0, 0, None)  # nothing due yet: no verdict


def test_the_overview_counts_live_notes_from_an_index_not_the_whole_table(store: NotebookStore) -> None:
    store.add_note("kept")
    store.change_record(store.add_note("deleted later"), deleted=True)
    assert browse.overview(store, "2026-01-05T09:00:00.000Z").note_count == 1
    for table, live in (("notes", "deleted = 0"), ("sessions", "deleted = 0 AND conflict_of IS NULL")):
        plan = " ".join(
            str(row) for row in store.rows(f"EXPLAIN QUERY PLAN SELECT count(*) FROM {table} WHERE {live}")
        )
        # a covering index: the count never reads (and decrypts) the pages holding the text
        assert "COVERING INDEX" in plan, plan


def test_pages_of_notes_and_sessions_follow_an_index_instead_of_sorting_every_row(
    store: NotebookStore,
) -> None:
    """At 100k notes a sorted page cost ~500 ms against ~1 ms by the index (issue 19)."""
    store.add_note("one", session=store.add_session("2026-01-05T10:00").id)
    store.add_note("two")
    statements: list[str] = []
    store._conn.set_trace_callback(statements.append)
    first = browse.notes_page(store, limit=1)
    assert first.next_cursor is not None
    browse.notes_page(store, first.next_cursor)
    browse.sessions_page(store)
    browse.overview(store, "2026-01-05T09:00:00.000Z")
    store._conn.set_trace_callback(None)
    for sql in statements:
        listed = " FROM notes " in sql or " FROM sessions " in sql
        if sql.startswith("SELECT") and "ORDER BY" in sql and listed:
            plan = " ".join(str(row) for row in store.rows(f"EXPLAIN QUERY PLAN {sql}"))
            assert "TEMP B-TREE" not in plan, (sql, plan)
