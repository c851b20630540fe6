"""What a record from outside may hold, field by field: the shape half of the one validator
(sync/inbound.py is its front door, and adds who may have written what).

- shape: every field has its declared type, within a length or range, text is valid
  UTF-8 (no lone surrogates), nested JSON fields are shallow;
- versions: the fixed-width HLC form `<12 hex>.<4 hex>.<peer id>` the clock's string
  ordering relies on.

Checked record by record (`_check_each`, which names the field that does not fit), or for a
part of an import a column at a time (`_all_fit`, `rows_fit`): True there only where every
record would pass one by one, and anything in doubt goes record by record.
"""

from __future__ import annotations

import dataclasses
import functools
import operator
import re
from collections.abc import Callable, Iterable
from typing import Any

from peercoach_desktop.domain.clock import SystemClock, parse_iso
from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, SyncFileError, Term
from peercoach_desktop.domain.merge import Entry, node_of
from peercoach_desktop.domain.model import Partnership, Peer, Record
from peercoach_desktop.domain.session_timer import SessionTimer

HLC = re.compile(r"[0-9a-f]{12}\.[0-9a-f]{4}\.[0-9A-Za-z_-]{1,64}")
MAX_ID = 64
MAX_STAMP = 40  # an ISO timestamp or date
MAX_NAME = 1_000  # names, titles, categories
MAX_TEXT = 1_000_000  # a note, a goal's why: a long page is ~5k characters
MAX_DEPTH = 8  # nesting of the JSON fields (timer state, template phases)
MAX_ITEMS = 10_000  # entries of a list or dict field
MAX_INT = 2**53
RANGES = {"progress": (0, 100), "minutes_per_turn": (1, 600), "cadence_weeks": (1, 520)}
ID_FIELDS = {"id", "author_id", "owner_id", "session_id", "goal_id", "giver_id", "receiver_id"}
ID_FIELDS |= {"set_in_session_id", "reviewed_in_session_id", "prompt_id"}
NAME_FIELDS = {"name", "title", "category", "phase"}
KEPT_FROM = {"by", "at"}
EMPTY_FITS = {  # field types of which the empty value fits (_check: a shortcut, not a waiver)
    "list[str]": list,
    "dict[str, int]": dict,
    "dict[str, str]": dict,
    "dict[str, Any]": dict,
    "list[dict[str, Any]]": list,
}

MALFORMED = QT_TRANSLATE_NOOP(
    "Core",
    "This {what} holds a record that is not well-formed ({kind}, field {field}). Nothing was changed.",
)


def check_shape(entries: Iterable[Entry], what: str) -> None:
    """Types, lengths, ranges and version form of every entry; raises SyncFileError."""
    entries = list(entries)
    if not _all_fit(entries):
        _check_each(entries, what)  # finds the first entry that does not fit, and names its field


def _all_fit(entries: list[Entry]) -> bool:
    """Whether every entry surely passes _check_each, decided a column of values at a time by
    C loops (types as a set, the longest length, one UTF-8 encoding of all texts of a field): an
    import checks 100k records, ~9 fields each. True only when each per-value check would pass;
    False when in doubt (then _check_each decides, and names what does not fit)."""
    by_class: dict[type[Record], list[Record]] = {}
    for entry in entries:
        by_class.setdefault(type(entry.record), []).append(entry.record)
    for cls, records in by_class.items():
        names, values_of, _checks = _layout(cls)
        values = list(map(values_of, records))
        columns = zip(*values, strict=True) if len(names) > 1 else [values]
        if not all(fits(column) for fits, column in zip(_column_checks(cls), columns, strict=True)):
            return False
    versions = [e.record.version for e in entries]  # a str each: checked with its field above
    nodes = [node for e in entries for node, _v in e.ctx]
    seen = [version for e in entries for _n, version in e.ctx]
    if not _types(nodes) | _types(seen) <= {str}:
        return False
    # (HLC allows no newline: the joined text matches only if each version does)
    if not HLCS.fullmatch("".join(v + "\n" for v in (*versions, *seen))):
        return False
    return [v[18:] for v in seen] == nodes  # a version matching HLC has its node from 18 on


def rows_fit(
    cls: type[Record], columns: list[list[Any]], ctx: list[dict[str, str]], *, me_id: str, partner_id: str
) -> bool:
    """check_shape and check_authorship of records new here, given as columns of their values
    (a first import, sync.new_rows), without building them: True only when every record
    surely passes both. Authorship is decided as for a record with no stored version: the
    partner's version and authorship, every node of its context one of the two peers (a new
    record in my name is left to check_authorship, which asks the notebook about it)."""
    if cls in (Partnership, Peer) or len(columns) != len(_column_checks(cls)) or not columns[0]:
        return False  # (the partnership and the peers: _forged_field's own rules)
    if not all(fits(column) for fits, column in zip(_column_checks(cls), columns, strict=True)):
        return False
    names = _layout(cls)[0]
    versions, authors = columns[names.index("version")], columns[names.index("author_id")]
    nodes = [node for c in ctx for node in c]
    seen = [version for c in ctx for version in c.values()]
    if not _types(nodes) | _types(seen) <= {str}:
        return False
    if not HLCS.fullmatch("".join(v + "\n" for v in (*versions, *seen))):
        return False
    if [v[18:] for v in seen] != nodes:  # a version matching HLC has its node from 18 on
        return False
    return set(authors) == {partner_id} == {v[18:] for v in versions} and set(nodes) <= {me_id, partner_id}


Check = Callable[[Any], bool]
HLCS = re.compile(f"(?:{HLC.pattern}\n)*")
ColumnCheck = Callable[[Iterable[Any]], bool]


def _types(values: Iterable[Any]) -> set[type]:
    return set(map(type, values))


@functools.cache
def _column_checks(cls: type[Record]) -> tuple[ColumnCheck, ...]:
    """_all_fit's check of each field's column of values (see _check for the per-value ones)."""
    found = []
    for spec, fits in zip(dataclasses.fields(cls), _layout(cls)[2], strict=True):
        found.append(_column_check(spec.name, str(spec.type), fits))
    return tuple(found)


def _column_check(name: str, annotation: str, fits: Check) -> ColumnCheck:
    optional = annotation.endswith("| None")
    base = annotation.removesuffix(" | None")
    allowed_none = {type(None)} if optional else set()
    if base == "str" or base.endswith(("Status", "Kind", "Visibility")):  # enums are str
        limit = _limit(name)

        def texts(column: Iterable[Any]) -> bool:
            values = [v for v in column if v is not None] if optional else list(column)
            if not all(issubclass(t, str) for t in _types(values)):
                return False
            if max(map(len, values), default=0) > limit:
                return False
            joined = "".join(values)
            return joined.isascii() or _text_ok(joined, len(joined))  # one lone surrogate fails all

        return texts
    if base == "bool":
        return lambda column: _types(column) <= {bool} | allowed_none
    if base == "int":
        low, high = RANGES.get(name, (-MAX_INT, MAX_INT))

        def ints(column: Iterable[Any]) -> bool:
            values = [v for v in column if v is not None] if optional else list(column)
            if not _types(values) <= {int}:  # (not bool: its type is bool)
                return False
            return not values or (min(values) >= low and max(values) <= high)

        return ints
    if base in EMPTY_FITS:
        empty = EMPTY_FITS[base]
        # Most are empty (see _check): the others are checked one by one.
        return lambda column: all(map(fits, column)) if any(column) else _types(column) <= {empty}
    return lambda column: all(map(fits, column))


def _check_each(entries: list[Entry], what: str) -> None:
    for entry in entries:
        record = entry.record
        names, values_of, checks = _layout(type(record))
        for name, fits, value in zip(names, checks, values_of(record), strict=True):
            if not fits(value):
                raise SyncFileError(MALFORMED, what=Term(what), kind=entry.kind, field=name)
        if not HLC.fullmatch(record.version):
            raise SyncFileError(MALFORMED, what=Term(what), kind=entry.kind, field="version")
        for node, version in entry.ctx:
            if not (isinstance(node, str) and HLC.fullmatch(version) and node_of(version) == node):
                raise SyncFileError(MALFORMED, what=Term(what), kind=entry.kind, field="ctx")


@functools.cache
def _layout(
    cls: type[Record],
) -> tuple[tuple[str, ...], Callable[[Record], tuple[Any, ...]], tuple[Check, ...]]:
    """The field names of a record class, a getter of all their values at once and _fits for
    each, made once: an import checks 100k records."""
    names = tuple(spec.name for spec in dataclasses.fields(cls))
    checks = tuple(_check(spec.name, str(spec.type)) for spec in dataclasses.fields(cls))
    return names, operator.attrgetter(*names), checks


def _check(name: str, annotation: str) -> Check:
    """_fits(name, annotation, value) as a function of the value, fast for the common types."""
    optional = annotation.endswith("| None")
    base = annotation.removesuffix(" | None")
    fits: Check
    if base == "bool":
        fits = lambda v: isinstance(v, bool)  # noqa: E731
    elif base == "str" or base.endswith(("Status", "Kind", "Visibility")):  # enums are str
        limit = _limit(name)
        # (one lambda per field, the None test inlined: no second call per value)
        if optional:
            return lambda v: (
                v is None or (isinstance(v, str) and len(v) <= limit and (v.isascii() or _text_ok(v, limit)))
            )
        return lambda v: isinstance(v, str) and len(v) <= limit and (v.isascii() or _text_ok(v, limit))
    elif base == "int":
        low, high = RANGES.get(name, (-MAX_INT, MAX_INT))
        fits = lambda v: isinstance(v, int) and not isinstance(v, bool) and low <= v <= high  # noqa: E731
    elif base in EMPTY_FITS:
        # An empty container passes every check _fits makes of its type (no items to check, an
        # empty timer is a session that never ran): most records' JSON fields are empty.
        empty = EMPTY_FITS[base]
        fits = lambda v: (type(v) is empty and not v) or _fits(name, annotation, v)  # noqa: E731
    else:
        fits = lambda v: _fits(name, annotation, v)  # noqa: E731
    if optional:
        return lambda v: v is None or fits(v)
    return lambda v: v is not None and fits(v)


def _fits(name: str, annotation: str, value: Any) -> bool:
    optional = annotation.endswith("| None")
    if value is None:
        return optional
    base = annotation.removesuffix(" | None")
    if base == "bool":
        return isinstance(value, bool)
    if base == "int":
        low, high = RANGES.get(name, (-MAX_INT, MAX_INT))
        return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
    if base == "str" or base.endswith(("Status", "Kind", "Visibility")):  # enums are str
        return isinstance(value, str) and _text_ok(value, _limit(name))
    if base == "list[str]":
        return isinstance(value, list) and len(value) <= 2 and all(_id_ok(v) for v in value)
    if base == "dict[str, int]":
        return (
            isinstance(value, dict)
            and len(value) <= 2
            and all(_id_ok(k) and _fits("", "int", v) and v >= 0 for k, v in value.items())
        )
    if base == "dict[str, str]":  # Note.kept_from: whose version a kept copy holds, and when
        return (
            isinstance(value, dict)
            and set(value) <= KEPT_FROM
            and _id_ok(value.get("by", ""))
            and _moment_ok(value.get("at", "2000-01-01T00:00:00Z"))  # shown as a local time
        )
    if base in ("dict[str, Any]", "list[dict[str, Any]]"):
        want = dict if base.startswith("dict") else list
        shallow = isinstance(value, want) and _json_ok(value, 0)
        return shallow and (name != "timer_state" or _timer_ok(value))
    return False  # a field this validator does not know: refuse rather than trust


def _moment_ok(value: Any) -> bool:
    if not (isinstance(value, str) and _text_ok(value, MAX_STAMP)):
        return False
    try:
        parse_iso(value)
    except (ValueError, OverflowError):
        return False
    return True


def _limit(name: str) -> int:
    if name in ID_FIELDS:
        return MAX_ID
    if name.endswith(("_at", "_date")):
        return MAX_STAMP
    return MAX_NAME if name in NAME_FIELDS else MAX_TEXT


def _text_ok(value: str, limit: int) -> bool:
    if len(value) > limit:
        return False
    try:
        value.encode("utf-8")  # a lone surrogate cannot be stored or shown
    except UnicodeEncodeError:
        return False
    return True


def _id_ok(value: Any) -> bool:
    return isinstance(value, str) and _text_ok(value, MAX_ID)


def _json_ok(value: Any, depth: int) -> bool:
    if depth > MAX_DEPTH:
        return False
    if isinstance(value, dict):
        return len(value) <= MAX_ITEMS and all(
            isinstance(k, str) and _text_ok(k, MAX_NAME) and _json_ok(v, depth + 1) for k, v in value.items()
        )
    if isinstance(value, list):
        return len(value) <= MAX_ITEMS and all(_json_ok(v, depth + 1) for v in value)
    if isinstance(value, str):
        return _text_ok(value, MAX_TEXT)
    if isinstance(value, float):
        return value == value and abs(value) < 1e15  # no NaN, no infinities
    return value is None or (isinstance(value, (bool, int)) and abs(value) <= MAX_INT)


def _timer_ok(value: dict[str, Any]) -> bool:
    """A session's saved timer is read back by every `show`: it must parse as one."""
    if not value:
        return True  # a session that never ran
    try:
        SessionTimer.from_dict(value, SystemClock())
    except Exception:  # any way a crafted timer fails to parse: it is not one
        return False
    phase_time = value.get("phase_time", {})
    return isinstance(phase_time, dict) and all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in phase_time.values()
    )
