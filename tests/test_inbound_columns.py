"""The validator's fast path (a column of values at a time) never lets through what the check of
each value refuses: for any field of any record given any value, check_shape refuses exactly
what the per-entry check refuses, and names the same field."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_helpers import Pair, make_pair

from peercoach_desktop.domain.errors import SyncFileError
from peercoach_desktop.domain.merge import Entry
from peercoach_desktop.storage import sync_rows
from peercoach_desktop.sync import inbound, record_shape, sync_file

WHAT = "sync file"


@pytest.fixture(scope="module")
def entries(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Entry]]:
    p: Pair = make_pair(Path(tmp_path_factory.mktemp("columns")))
    goal = p.ana.add_goal("me", "Delegate more", why="Grüße, naïve café")
    p.ana.add_note("Ana's shared words", goal=goal.id)
    p.ana.add_step("me", "Ask Ben", goal=goal.id)
    state = sync_rows.read_state(p.ana._conn)
    yield [sync_file.entry_from_json(sync_file.entry_to_json(e)) for e in sync_file.shared_entries(state)]
    p.close()


TEXTS = st.one_of(
    st.text(max_size=80),
    st.text(alphabet=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1, max_size=3),
    st.integers(min_value=60, max_value=70).map(lambda n: "x" * n),  # around MAX_ID
    st.sampled_from(["", "0" * 12 + ".0000.peer", "1" * 1001, "\x00", "ü" * 65]),
)
VALUES = st.one_of(
    TEXTS,
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**60), max_value=2**60),
    st.sampled_from([0, 100, 101, -1, 600, 601, 2**53, 2**53 + 1, 1.5]),
    st.lists(TEXTS, max_size=3),
    st.dictionaries(TEXTS, st.one_of(TEXTS, st.integers()), max_size=3),
)


def _refusal(check: Any, entries: list[Entry]) -> str | None:
    try:
        check(entries, WHAT)
    except SyncFileError as refused:
        return str(refused)
    return None


@settings(max_examples=400, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.data(), VALUES)
def test_check_shape_refuses_what_each_check_refuses(
    entries: list[Entry], data: st.DataObject, value: Any
) -> None:
    at = data.draw(st.integers(min_value=0, max_value=len(entries) - 1))
    entry = entries[at]
    field = data.draw(st.sampled_from([f.name for f in dataclasses.fields(entry.record)] + ["ctx"]))
    if field == "ctx":
        # (entry_from_json makes a context of pairs of texts: which texts comes from the file)
        changed = dataclasses.replace(entry, ctx=(*entry.ctx, (data.draw(TEXTS), data.draw(TEXTS))))
    else:
        changed = dataclasses.replace(entry, record=dataclasses.replace(entry.record, **{field: value}))
    crafted = [*entries[:at], changed, *entries[at + 1 :]]
    expected = _refusal(record_shape._check_each, crafted)
    assert _refusal(inbound.check_shape, crafted) == expected


def test_an_honest_part_passes_on_the_fast_path(entries: list[Entry]) -> None:
    assert record_shape._all_fit(entries)  # else every import would check value by value
