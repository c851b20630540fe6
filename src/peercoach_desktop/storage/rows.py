"""Mapping between record dataclasses and table rows."""

from __future__ import annotations

import dataclasses
import functools
import json
import operator
from collections.abc import Iterable, Iterator
from enum import Enum
from typing import Any, TypeVar

from peercoach_desktop.domain.model import (
    Feedback,
    Goal,
    GoalStatus,
    NextStep,
    Note,
    NoteKind,
    Partnership,
    Peer,
    Record,
    Session,
    SessionStatus,
    SessionTemplate,
    StepStatus,
    UserPrompt,
    Visibility,
)

R = TypeVar("R", bound=Record)
E = TypeVar("E", bound=Enum)

TABLE_OF: dict[type[Record], str] = {
    Partnership: "partnership",
    Peer: "peers",
    Goal: "goals",
    Session: "sessions",
    Note: "notes",
    NextStep: "steps",
    Feedback: "feedback",
    UserPrompt: "user_prompts",
    SessionTemplate: "user_templates",
}
SYNC_COLUMNS = ("sync_ctx", "conflict_of")
JSON_FIELDS = {"speaker_order", "seconds_by_speaker", "timer_state", "phases", "meeting_plan", "kept_from"}
STATUS_OF: dict[type[Record], type] = {Goal: GoalStatus, Session: SessionStatus, NextStep: StepStatus}


def columns(cls: type[Record]) -> list[str]:
    return list(_columns(cls))


@functools.cache
def _columns(cls: type[Record]) -> tuple[str, ...]:
    # dataclasses.fields() is slow enough to show when 100k rows of a sync file are read.
    return tuple(f.name for f in dataclasses.fields(cls))


def to_row(record: Record) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for name in _columns(type(record)):
        value = getattr(record, name)
        if name in JSON_FIELDS:
            value = json.dumps(value, sort_keys=True)
        elif name == "deleted":
            value = int(value)
        row[name] = value
    return row


def parsed_json(text: str) -> Any:
    """A JSON field's value from its text, as a record holds it."""
    return _loads(text)


def _loads(text: str) -> Any:
    # Most JSON fields of most rows are empty: a session that never ran has no timer state.
    if text == "{}":
        return {}
    if text == "[]":
        return []
    return json.loads(text)


@functools.cache
def _layout(cls: type[Record]) -> tuple[Any, tuple[int, ...], int]:
    names = _columns(cls)
    json_at = tuple(i for i, name in enumerate(names) if name in JSON_FIELDS)
    return operator.attrgetter(*names), json_at, names.index("deleted")


# json.dumps(value, sort_keys=True), without making an encoder per call
sorted_json = json.JSONEncoder(sort_keys=True).encode
EMPTY_JSON = {dict: "{}", list: "[]"}  # sorted_json of an empty one


def to_values(record: Record) -> list[Any]:
    """to_row(record)'s values in columns() order, without a dict per row (sync writes 100k)."""
    getter, json_at, deleted_at = _layout(type(record))
    values = list(getter(record))
    for i in json_at:
        value = values[i]
        # Most JSON fields are empty (a note that is no kept copy): no encoder call for those.
        empty = None if value else EMPTY_JSON.get(type(value))
        values[i] = empty if empty is not None else sorted_json(value)
    values[deleted_at] = int(values[deleted_at])
    return values


def column_values(cls: type[Record], columns: list[list[Any]]) -> list[list[Any]]:
    """to_values of records given as columns of their fields' values, a column at a time."""
    _getter, json_at, deleted_at = _layout(cls)
    found = list(columns)
    for i in json_at:
        found[i] = [
            empty if (empty := None if v else EMPTY_JSON.get(type(v))) is not None else sorted_json(v)
            for v in found[i]
        ]
    found[deleted_at] = [int(v) for v in found[deleted_at]]
    return found


def from_fields(cls: type[R], row: dict[str, Any]) -> R:
    """from_row of a row given as a dict holding (at least) every column of `cls`; KeyError
    for a missing one."""
    return _built(cls, {name: row[name] for name in _columns(cls)})


def from_row(cls: type[R], names: list[str], values: tuple[Any, ...]) -> R:
    data = dict(zip(names, values, strict=True))
    data.pop("rid", None)
    for name in SYNC_COLUMNS:  # sync metadata, read and written by core/sync_rows.py only
        data.pop(name, None)
    return _built(cls, data)


@functools.cache
def _plan(
    cls: type[Record],
) -> tuple[tuple[str, ...], tuple[tuple[str, type[Enum], dict[Any, Enum]], ...], bool]:
    """Of a record class, made once (an import builds 100k records): its JSON fields, its enum
    fields with their enum and its members by value, and whether it has `hidden`."""
    names = _columns(cls)
    enums = {"status": STATUS_OF.get(cls), "kind": NoteKind, "visibility": Visibility}
    return (
        tuple(n for n in names if n in JSON_FIELDS),
        tuple((n, kind, _members(kind)) for n, kind in enums.items() if n in names and kind is not None),
        "hidden" in names,
    )


@functools.cache
def empty_json_text(cls: type[Record], name: str) -> str:
    """The text of JSON field `name` of `cls` when empty, as to_values stores it ("{}" or "[]")."""
    annotation = next(str(f.type) for f in dataclasses.fields(cls) if f.name == name)
    return "[]" if annotation.startswith("list") else "{}"


@functools.cache
def enum_texts(cls: type[Record]) -> dict[str, frozenset[str]]:
    """The enum fields of `cls` and the texts of their members (what a row stores)."""
    return {name: frozenset(members) for name, _kind, members in _plan(cls)[1]}


def _built(cls: type[R], data: dict[str, Any]) -> R:
    json_names, enum_names, hidden = _plan(cls)
    for name in json_names:
        if name in data:
            data[name] = _loads(data[name])
    data["deleted"] = bool(data["deleted"])
    if hidden and "hidden" in data:
        data["hidden"] = bool(data["hidden"])
    for name, kind, members in enum_names:
        if name in data:
            value = data[name]
            member = members.get(value) if isinstance(value, str) else None
            data[name] = member if member is not None else kind(value)  # kind(): ValueError
    return cls(**data)


FLAG_FIELDS = ("deleted", "hidden")


def json_text_sql(cls: type[Record], depth: int) -> str:
    """An SQL expression giving a row as the text of json.dumps(record.to_dict(), indent=2,
    ensure_ascii=False) indented by `depth` levels, built by SQLite: json_quote() escapes as
    Python's json does (tests/test_cli_session.py). A JSON field is laid out here when empty
    (a note that is no kept copy); otherwise the expression is NULL (json_text() lays it out)."""
    pad = "\n" + "  " * (depth + 1)

    def value(name: str) -> str:
        if name in FLAG_FIELDS:
            return f"CASE WHEN {name} THEN 'true' ELSE 'false' END"
        if name in JSON_FIELDS:
            return f"CASE WHEN {name} IN ('{{}}', '[]') THEN {name} END"
        return f"json_quote({name})"

    items = [_sql_text(f"{json.dumps(name)}: ") + " || " + value(name) for name in _columns(cls)]
    joined = f" || {_sql_text(',' + pad)} || ".join(items)
    return f"{_sql_text('{' + pad)} || {joined} || {_sql_text(pad[:-2] + '}')}"


def json_text(names: list[str], values: tuple[Any, ...], depth: int) -> str:
    """json_text_sql() of a row it gives NULL for, laid out by Python's json."""
    (data,) = plain_dicts(names, [values])
    return json.dumps(data, indent=2, ensure_ascii=False).replace("\n", "\n" + "  " * depth)


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def plain_dicts(names: list[str], cursor: Iterable[tuple[Any, ...]]) -> Iterator[dict[str, Any]]:
    """Rows (the record's columns, in `names` order) as the dicts `to_dict()` of their records
    gives, without building the records: JSON fields parsed, flags as bools, statuses and kinds
    as their strings (a StrEnum is its string). For readers of a whole table (show --json)."""
    flags = [name for name in names if name in FLAG_FIELDS]
    parsed = [name for name in names if name in JSON_FIELDS]
    for values in cursor:
        data = dict(zip(names, values, strict=True))
        for name in flags:
            data[name] = bool(data[name])
        for name in parsed:
            data[name] = _loads(data[name])
        yield data


@functools.cache
def _members(kind: type[Enum]) -> dict[Any, Enum]:
    return {member.value: member for member in kind}


def _member(kind: type[E], value: Any) -> E:
    """kind(value), by a dict lookup first (Enum's call is slow enough to show at 100k rows);
    ValueError for a value of no member, TypeError for an unhashable one."""
    member = _members(kind).get(value)
    return member if member is not None else kind(value)  # type: ignore[return-value]
