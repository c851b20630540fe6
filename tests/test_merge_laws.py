"""The merge laws, over random histories of two partners who edit, delete, create and
exchange files in any order (with clocks that drift apart)."""

from __future__ import annotations

import dataclasses
import itertools
import tempfile
from pathlib import Path
from typing import Any

from helpers import memory_library
from hypothesis import given, settings
from hypothesis import strategies as st

from peercoach_desktop.domain.clock import FakeClock, HybridClock
from peercoach_desktop.domain.merge import Change, Entry, State, apply, extend_ctx, make_ctx, merge
from peercoach_desktop.domain.model import Note, NoteKind, Visibility
from peercoach_desktop.storage import database, sync_rows

ANA, BEN = "peer-ana", "peer-ben"


class Laptop:
    """One partner's notebook, as the merge sees it; local edits follow sync_rows.settle."""

    def __init__(self, node: str, past: dict[str, frozenset[str]]) -> None:
        self.past = past  # the oracle: every version this version's author had seen
        self.node, self.clock = node, FakeClock()
        self.hlc = HybridClock(self.clock, node)
        self.state: State = {}
        self.made = itertools.count()

    def _new(self, record_id: str, body: str) -> Note:
        return Note(
            id=record_id,
            created_at="2026-01-05T09:00:00.000Z",
            updated_at="2026-01-05T09:00:00.000Z",
            version=self.hlc.tick(),
            author_id=self.node,
            deleted=False,
            body=body,
            kind=NoteKind.NOTE,
            visibility=Visibility.SHARED,
            session_id=None,
            goal_id=None,
        )

    def create(self) -> None:
        record = self._new(f"{self.node}-{next(self.made)}", "new")
        self.past[record.version] = frozenset()
        self.state[("notes", record.id)] = (Entry("notes", record),)

    def edit(self, pick: int, delete: bool) -> None:
        live = sorted(k for k, group in self.state.items() if not group[0].record.deleted)
        if not live:
            return
        key = live[pick % len(live)]
        current, *copies = self.state[key]
        version = self.hlc.tick()
        ctx = extend_ctx(dict(current.ctx), current.version)
        seen = self.past[current.version] | {current.version}
        for copy in copies:
            ctx = extend_ctx(ctx, *dict(copy.ctx).values(), copy.version)
            seen |= self.past[copy.version] | {copy.version}
            if not copy.record.deleted:  # an edit during a conflict keeps the other text apart
                own = dataclasses.replace(
                    copy.record, id=f"{self.node}-{next(self.made)}", version=self.hlc.tick()
                )
                self.state[("notes", own.id)] = (Entry("notes", own),)
                self.past[own.version] = frozenset()
        self.past[version] = seen
        record = dataclasses.replace(
            current.record, body=f"{self.node} {version}", version=version, deleted=delete
        )
        self.state[key] = (Entry("notes", record, make_ctx(ctx)),)

    def receive(self, other: State) -> None:
        self.state = merged(self.state, other)
        versions = [e.version for group in other.values() for e in group]
        if versions:
            self.hlc.observe(max(versions))


def entries(state: State) -> list[Entry]:
    return [e for group in state.values() for e in group]


def merged(a: State, b: State) -> State:
    return apply(a, merge(a, entries(b)))


step = st.tuples(
    st.sampled_from(["create", "edit", "edit", "edit", "delete", "send", "send", "wait"]),
    st.sampled_from([0, 1]),
    st.integers(0, 3),
)


def play(steps: list[tuple[str, int, int]]) -> tuple[Laptop, Laptop, list[State]]:
    past: dict[str, frozenset[str]] = {}
    laptops = (Laptop(ANA, past), Laptop(BEN, past))
    laptops[0].create()
    laptops[0].create()
    laptops[1].receive(laptops[0].state)  # two shared notes to quarrel over
    snapshots: list[State] = [{}, dict(laptops[1].state)]
    for action, who, n in steps:
        me, other = laptops[who], laptops[1 - who]
        if action == "create":
            me.create()
        elif action in ("edit", "delete"):
            me.edit(n, delete=action == "delete")
        elif action == "send":
            other.receive(me.state)
        else:
            me.clock.advance(n / 10)  # sometimes 0: same millisecond, the counter decides
        snapshots.append(dict(other.state) if action == "send" else dict(me.state))
    return laptops[0], laptops[1], snapshots


histories = st.lists(step, min_size=4, max_size=40)
picks = st.tuples(st.integers(0, 200), st.integers(0, 200), st.integers(0, 200))


def pick(snapshots: list[State], i: int) -> State:
    return snapshots[i % len(snapshots)]


@settings(max_examples=300, deadline=None)
@given(histories, picks)
def test_merge_is_idempotent_commutative_and_associative(steps, idx) -> None:
    _, _, snapshots = play(steps)
    a, b, c = (pick(snapshots, i) for i in idx)
    assert merge(a, entries(a)).changes == []
    ab = merged(a, b)
    assert merge(ab, entries(b)).changes == []  # importing the same file twice changes nothing
    assert ab == merged(b, a)
    assert merged(ab, c) == merged(a, merged(b, c))


@settings(max_examples=300, deadline=None)
@given(histories, picks)
def test_a_merge_drops_only_versions_that_a_later_edit_has_seen(steps, idx) -> None:
    ana, _, snapshots = play(steps)
    a, b, _ = (pick(snapshots, i) for i in idx)
    result = entries(merged(a, b))
    kept = {e.version for e in result}
    for entry in entries(a) + entries(b):
        # judged by the oracle, not by the merge's own compressed contexts
        assert entry.version in kept or any(entry.version in ana.past[e.version] for e in result)


@settings(max_examples=300, deadline=None)
@given(histories)
def test_the_compact_context_tells_exactly_what_each_author_had_seen(steps) -> None:
    ana, _, snapshots = play(steps)
    every = {e.version: e for state in snapshots for e in entries(state)}
    for later, earlier in itertools.product(every.values(), repeat=2):
        if later.key == earlier.key:  # versions of one record
            assert later.supersedes(earlier) == (earlier.version in ana.past[later.version])


@settings(max_examples=300, deadline=None)
@given(histories)
def test_two_partners_agree_after_exchanging_files(steps) -> None:
    ana, ben, _ = play(steps)
    ana.receive(ben.state)
    ben.receive(ana.state)
    assert ana.state == ben.state
    # and the versions in place are the same texts on both laptops
    assert {k: g[0].record.body for k, g in ana.state.items()} == {
        k: g[0].record.body for k, g in ben.state.items()
    }


# ----- the same laws through the real writer (storage/sync_rows) on real notebooks -------------


def _fresh_store(root: Path) -> Any:
    """An empty notebook's connection: the real schema, triggers and search index."""
    created = memory_library(root).create("Ana", "Ben")
    return created.store


def _written(store: Any, state: State) -> State:
    """`state` written by sync_rows.write_changes (as an import does) and read back from the file."""
    with database.transaction(store._conn):
        sync_rows.write_changes(store._conn, [Change(key, (), group) for key, group in state.items()])
    return _notes(sync_rows.read_state(store._conn))


def _import(store: Any, other: State) -> State:
    with database.transaction(store._conn):
        result = merge(sync_rows.read_state(store._conn), entries(other))
        sync_rows.write_changes(store._conn, result.changes)
    return _notes(sync_rows.read_state(store._conn))


def _notes(state: State) -> State:
    return {key: group for key, group in state.items() if key[0] == "notes"}


@settings(max_examples=20, deadline=None)  # two real notebooks per example: ~0.5 s each
@given(histories, picks)
def test_the_real_writer_keeps_the_laws_proven_on_the_pure_merge(steps, idx) -> None:
    """What sync_rows writes and reads back equals the pure merge's result, so the laws above
    (idempotent, commutative, associative) hold for the rows an import really leaves."""
    _, _, snapshots = play(steps)
    a, b, _ = (pick(snapshots, i) for i in idx)
    with tempfile.TemporaryDirectory() as tmp:
        one, two = _fresh_store(Path(tmp) / "one"), _fresh_store(Path(tmp) / "two")
        try:
            assert _written(one, a) == a  # rows round-trip every version, copies and contexts
            ab = _import(one, b)
            assert ab == merged(a, b)
            assert _import(one, b) == ab  # importing the same file twice changes nothing
            _written(two, b)
            assert _import(two, a) == ab  # the other order gives the same rows
        finally:
            one.close()
            two.close()
