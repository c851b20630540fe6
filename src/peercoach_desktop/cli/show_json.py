"""`peercoach show P --json`, streamed: the document that json.dumps(snapshot + session
figures, indent=2) printed, written one record at a time.

At 100k notes the whole snapshot, its dict copy and one indented string held ~0.5 GiB, and
matching every session against every step took seconds; here notes come from a cursor
and each session's steps from one pass over the steps.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, TextIO

from peercoach_desktop.coaching.sessions import review_of
from peercoach_desktop.domain.accountability import follow_through
from peercoach_desktop.domain.clock import Clock
from peercoach_desktop.domain.model import Feedback, Goal, NextStep, Note, Record, Session
from peercoach_desktop.domain.session_timer import stage_times
from peercoach_desktop.storage.store import NotebookStore


def _plain(record: Record) -> dict[str, Any]:
    # Records are flat (a few JSON fields hold plain dicts and lists): what asdict() gives,
    # without its deep copy of every field.
    return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}


_SCALAR = json.JSONEncoder(ensure_ascii=False)


@functools.cache
def _flat_encoder(depth: int) -> json.JSONEncoder:
    # json.dumps() with other than default arguments builds an encoder per call.
    return json.JSONEncoder(ensure_ascii=False, separators=(",\n" + "  " * (depth + 1), ": "))


def _dumps(value: Any, depth: int) -> str:
    """json.dumps(value, indent=2) indented by `depth` levels, the same text. With an indent,
    json encodes in pure Python (~10x slower), so records are laid out here and a flat dict
    (every note) goes through the C encoder with the newline and indent as item separator."""
    kind = type(value)
    if kind is not dict and kind is not list:
        return _SCALAR.encode(value)  # the same text with or without an indent
    if not value:
        return "{}" if kind is dict else "[]"
    pad, end = "\n" + "  " * (depth + 1), "\n" + "  " * depth
    if kind is list:
        return "[" + ",".join(pad + _dumps(v, depth + 1) for v in value) + end + "]"
    if not all(type(k) is str for k in value):  # json's own key conversions (int keys, ...)
        return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", end)
    # Runs of plain fields in one call of the C encoder, which puts the newline and indent
    # between them as its item separator; a dict or list inside is laid out the same way.
    parts, run, flat = [], {}, _flat_encoder(depth).encode
    for k, v in value.items():
        if (type(v) is dict or type(v) is list) and v:  # an empty one is "{}" or "[]" in a run
            if run:
                parts.append(flat(run)[1:-1])
                run = {}
            parts.append(_SCALAR.encode(k) + ": " + _dumps(v, depth + 1))
        else:
            run[k] = v
    if run:
        parts.append(flat(run)[1:-1])
    return "{" + pad + ("," + pad).join(parts) + end + "}"


class _Writer:
    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.first = True

    def key(self, name: str) -> None:
        self.out.write(("{\n" if self.first else ",\n") + f"  {json.dumps(name)}: ")
        self.first = False

    def value(self, name: str, value: Any) -> None:
        self.key(name)
        self.out.write(_dumps(value, 1))

    def items(self, name: str, values: Iterable[dict[str, Any]]) -> None:
        self.key(name)
        self.out.write("[")
        empty = True
        for value in values:
            self.out.write(("\n    " if empty else ",\n    ") + _dumps(value, 2))
            empty = False
        self.out.write("]" if empty else "\n  ]")

    def texts(self, name: str, texts: Iterable[str]) -> None:
        """A list of records already laid out at this depth (store.each_json)."""
        self.key(name)
        write, first = self.out.write, True
        for text in texts:
            write(("[\n    " if first else ",\n    ") + text)
            first = False
        write("[]" if first else "\n  ]")

    def close(self) -> None:
        self.out.write("\n}\n")


def write_notebook(store: NotebookStore, clock: Clock, out: TextIO) -> None:
    steps = store.list(NextStep)
    set_in: dict[str, list[str]] = defaultdict(list)
    reviewed_in: dict[str, list[NextStep]] = defaultdict(list)
    for step in steps:
        if step.set_in_session_id:
            set_in[step.set_in_session_id].append(step.id)
        if step.reviewed_in_session_id:
            reviewed_in[step.reviewed_in_session_id].append(step)

    def session_entry(entry: dict[str, Any]) -> dict[str, Any]:
        session_id = entry["id"]
        timer = entry.get("timer_state") or {}
        # By stage name (the protocol's, in the language it ran in); "phases" has the stable
        # fields a script should key on: position, kind and who spoke.
        entry["phase_seconds"] = {k: round(v) for k, v in stage_times(timer)}  # in protocol order
        entry["phases"] = [
            {
                "name": stage["name"],
                "kind": stage["kind"],
                "speaker": stage["speaker"],
                "seconds": round(spent),
            }
            for stage, spent in zip(timer.get("stages", []), timer.get("elapsed", []), strict=False)
        ]
        entry["turn_seconds"] = dict(entry["seconds_by_speaker"])
        entry["steps_reviewed"] = {
            s.id: review.value
            for s in reviewed_in[session_id]
            if (review := review_of(s, session_id)) is not None
        }
        entry["steps_set"] = set_in[session_id]
        return entry

    partnership = store.partnership()
    me, partner = store.me(), store.partner()
    w = _Writer(out)
    w.value("notebook_id", store.notebook_id)
    w.value("partnership_id", store.partnership_id)
    w.value("title", partnership.title)
    w.value("me", _plain(me))
    w.value("partner", _plain(partner))
    w.texts("goals", store.each_json(Goal, depth=2))
    w.items("sessions", map(session_entry, store.plain_each(Session, order_by="scheduled_at")))
    w.texts("notes", store.each_json(Note, depth=2))
    w.texts("steps", store.each_json(NextStep, depth=2))
    w.texts("feedback", store.each_json(Feedback, depth=2))
    w.value("cadence_weeks", partnership.cadence_weeks)
    sessions = store.list(Session)
    today = clock.now().date()
    w.value(
        "follow_through",
        {peer: follow_through(peer, sessions, steps, today).to_dict() for peer in (me.id, partner.id)},
    )
    w.close()
