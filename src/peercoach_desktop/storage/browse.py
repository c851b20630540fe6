"""What the window reads: an overview, pages of notes and sessions, and record details.

Each function is a few indexed queries, so a notebook with 100k notes and 10k
sessions shows its overview and first page without reading the whole file. Pages
are newest first and use keyset cursors (no OFFSET), so page 500 costs what page 1 does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Generic, TypeVar

from peercoach_desktop.domain.accountability import DEFAULT_LAST_SESSIONS, FollowThrough, follow_through
from peercoach_desktop.domain.model import (
    Feedback,
    Goal,
    GoalStatus,
    NextStep,
    Note,
    Session,
    SessionStatus,
    StepStatus,
)
from peercoach_desktop.domain.overview import OVERVIEW_STEPS, GoalProgress, Overview
from peercoach_desktop.storage.store import NotebookStore

T = TypeVar("T")
Cursor = tuple[str, str]  # (sort key, id) of the last row of a page
PAGE_SIZE = 200


@dataclass(frozen=True)
class Page(Generic[T]):
    rows: list[T]
    next_cursor: Cursor | None  # None: this was the last page


@dataclass(frozen=True)
class SessionRow:
    session: Session
    note_count: int
    steps_set: int


@dataclass(frozen=True)
class SessionDetail:
    session: Session
    notes: list[Note]
    steps_set: list[NextStep]
    steps_reviewed: list[NextStep]
    feedback: list[Feedback] = field(default_factory=list)


@dataclass(frozen=True)
class GoalDetail:
    goal: Goal
    steps: list[NextStep]
    notes: list[Note] = field(default_factory=list)


def overview(store: NotebookStore, now_iso: str) -> Overview:
    goals = store.records(Goal, "WHERE deleted = 0 AND status = ? ORDER BY created_at", (GoalStatus.ACTIVE,))
    counts = dict.fromkeys((g.id for g in goals), (0, 0))
    for goal_id, done, total in store.rows(
        "SELECT goal_id, sum(status = ?), count(*) FROM steps WHERE deleted = 0 AND goal_id IS NOT NULL "
        "GROUP BY goal_id",
        (StepStatus.DONE,),
    ):
        if goal_id in counts:
            counts[goal_id] = (done, total)
    return Overview(
        title=store.partnership().title,
        me=store.me(),
        partner=store.partner(),
        next_meeting=store.next_meeting(now_iso),
        open_steps=open_steps(store, limit=OVERVIEW_STEPS),
        goals=[GoalProgress(g, *counts[g.id]) for g in goals],
        # Over small partial indexes (schema 10): no page of either table is read.
        note_count=store.scalar("SELECT count(*) FROM notes WHERE deleted = 0"),
        session_count=store.scalar("SELECT count(*) FROM sessions WHERE deleted = 0 AND conflict_of IS NULL"),
        open_step_count=store.scalar(
            "SELECT count(*) FROM steps WHERE deleted = 0 AND status = ?", (StepStatus.OPEN,)
        ),
        follow_through=recent_follow_through(store, now_iso),
        open_session_since=store.scalar(
            "SELECT max(coalesce(started_at, scheduled_at, created_at)) FROM sessions "
            "WHERE deleted = 0 AND status = ?",
            (SessionStatus.RUNNING,),
        ),
    )


def recent_follow_through(store: NotebookStore, now_iso: str) -> list[FollowThrough]:
    """Each peer's follow-through over the last sessions held: only those sessions and
    their steps are read, however long the partnership's history."""
    held = store.records(
        Session,
        "WHERE deleted = 0 AND conflict_of IS NULL AND status IN (?, ?) "
        "ORDER BY coalesce(started_at, scheduled_at) DESC LIMIT ?",
        (SessionStatus.DONE, SessionStatus.RUNNING, DEFAULT_LAST_SESSIONS),
    )
    ids = tuple(s.id for s in held)
    marks = ", ".join("?" * len(ids))
    steps = store.records(NextStep, f"WHERE deleted = 0 AND set_in_session_id IN ({marks})", ids)
    today = date.fromisoformat(now_iso[:10])
    # Overdue steps of earlier sessions count too (the only open ones follow_through reads).
    overdue = store.records(
        NextStep,
        "WHERE deleted = 0 AND status = ? AND due_date IS NOT NULL AND due_date < ?",
        (StepStatus.OPEN, today.isoformat()),
    )
    steps += [s for s in overdue if s.set_in_session_id not in ids]
    return [follow_through(peer, held, steps, today) for peer in (store.me_id, store.partner().id)]


def open_steps(store: NotebookStore, limit: int = -1) -> list[NextStep]:
    """Open steps of both peers, the ones due soonest first, undated last (limit -1: all)."""
    return store.records(
        NextStep,
        "WHERE deleted = 0 AND status = ? ORDER BY due_date IS NULL, due_date, created_at LIMIT ?",
        (StepStatus.OPEN, limit),
    )


def all_steps(store: NotebookStore) -> list[NextStep]:
    """Every step: open ones first (soonest due first), then done and dropped, newest first."""
    return store.records(
        NextStep,
        "WHERE deleted = 0 ORDER BY status != ?, due_date IS NULL, due_date, created_at DESC",
        (StepStatus.OPEN,),
    )


def goals(store: NotebookStore) -> list[Goal]:
    """Active goals first, then paused, achieved and dropped; oldest first within each."""
    order = "CASE status WHEN 'active' THEN 0 WHEN 'paused' THEN 1 WHEN 'achieved' THEN 2 ELSE 3 END"
    return store.records(Goal, f"WHERE deleted = 0 ORDER BY {order}, created_at")


def goal_detail(store: NotebookStore, goal_id: str) -> GoalDetail:
    return GoalDetail(
        goal=store.get(Goal, goal_id),
        steps=store.records(NextStep, "WHERE deleted = 0 AND goal_id = ? ORDER BY created_at", (goal_id,)),
        notes=store.records(Note, "WHERE deleted = 0 AND goal_id = ? ORDER BY created_at", (goal_id,)),
    )


def _keyset(column: str, cursor: Cursor | None) -> tuple[str, tuple[str, ...]]:
    if cursor is None:
        return "", ()
    # "<=" first: a range the index on `column` can seek to, instead of walking to the cursor.
    return f"AND {column} <= ? AND ({column} < ? OR id < ?)", (cursor[0], cursor[0], cursor[1])


@dataclass(frozen=True)
class NoteFilter:
    """Which notes a list shows: all, or those about one goal, of one session or of one kind."""

    goal_id: str | None = None
    session_id: str | None = None
    kind: str | None = None

    def sql(self) -> tuple[str, tuple[str, ...]]:
        chosen = [(column, value) for column, value in vars(self).items() if value is not None]
        return "".join(f"AND {column} = ? " for column, _ in chosen), tuple(v for _, v in chosen)


def notes_page(
    store: NotebookStore,
    cursor: Cursor | None = None,
    limit: int = PAGE_SIZE,
    only: NoteFilter = NoteFilter(),
) -> Page[Note]:
    after, params = _keyset("created_at", cursor)
    which, values = only.sql()
    notes = store.records(
        Note,
        f"WHERE deleted = 0 {which}{after} ORDER BY created_at DESC, id DESC LIMIT ?",
        (*values, *params, limit + 1),
    )
    more = len(notes) > limit
    notes = notes[:limit]
    return Page(notes, (notes[-1].created_at, notes[-1].id) if more else None)


def note_subjects(store: NotebookStore) -> tuple[list[Goal], list[tuple[str, str]]]:
    """What a note can be about: every goal (as goals() orders them) and every session as
    (id, when), newest first: two columns, so 10k sessions cost a few milliseconds."""
    sessions = store.rows(
        "SELECT id, coalesce(scheduled_at, created_at) AS at FROM sessions WHERE deleted = 0 ORDER BY at DESC"
    )
    return goals(store), [(str(sid), str(at)) for sid, at in sessions]


def sessions_page(
    store: NotebookStore, cursor: Cursor | None = None, limit: int = PAGE_SIZE
) -> Page[SessionRow]:
    # scheduled_at is never NULL for sessions we create; coalesce keeps imported ones sortable.
    key = "coalesce(scheduled_at, created_at)"
    after, params = _keyset(key, cursor)
    sessions = store.records(
        Session,
        f"WHERE deleted = 0 AND conflict_of IS NULL {after} ORDER BY {key} DESC, id DESC LIMIT ?",
        (*params, limit + 1),
    )
    # One meeting, one row (domain/meeting.py): joined with the copies a sync kept, for the few
    # sessions that have any (one indexed query for the page, not one per session).
    marks = ", ".join("?" * len(sessions))
    copied = {
        row[0]
        for row in store.rows(
            f"SELECT DISTINCT conflict_of FROM sessions WHERE conflict_of IN ({marks})",
            tuple(s.id for s in sessions),
        )
    }
    sessions = [store.joined(s) if s.id in copied else s for s in sessions]
    more = len(sessions) > limit
    sessions = sessions[:limit]
    ids = tuple(s.id for s in sessions)
    notes = _count_by(store, "notes", "session_id", ids)
    steps = _count_by(store, "steps", "set_in_session_id", ids)
    rows = [SessionRow(s, notes.get(s.id, 0), steps.get(s.id, 0)) for s in sessions]
    last = sessions[-1] if sessions else None
    next_cursor = (last.scheduled_at or last.created_at, last.id) if more and last else None
    return Page(rows, next_cursor)


def _count_by(store: NotebookStore, table: str, column: str, ids: tuple[str, ...]) -> dict[str, int]:
    marks = ", ".join("?" * len(ids))
    sql = f"SELECT {column}, count(*) FROM {table} WHERE deleted = 0 AND {column} IN ({marks}) GROUP BY 1"
    return dict(store.rows(sql, ids))


def session_detail(store: NotebookStore, session_id: str) -> SessionDetail:
    def steps_where(column: str) -> list[NextStep]:
        return store.records(
            NextStep, f"WHERE deleted = 0 AND {column} = ? ORDER BY created_at", (session_id,)
        )

    return SessionDetail(
        session=store.get(Session, session_id),
        notes=store.records(Note, "WHERE deleted = 0 AND session_id = ? ORDER BY created_at", (session_id,)),
        steps_set=steps_where("set_in_session_id"),
        steps_reviewed=steps_where("reviewed_in_session_id"),
        feedback=store.records(
            Feedback, "WHERE deleted = 0 AND session_id = ? ORDER BY created_at", (session_id,)
        ),
    )
