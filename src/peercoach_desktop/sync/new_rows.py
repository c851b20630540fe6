"""A first import's part as columns of values, not records (exchange._merge, inbound.rows_fit,
storage.sync_bulk.prepare_new_rows): 100k new records are checked and stored a column at a time.

Only what needs no more than a look at each value takes this way; anything else (another format,
the partnership or the peers, two versions of a record, a private note, a value entry_from_json
would convert or refuse) is built entry by entry, as every other import is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from peercoach_desktop.domain.model import Note, Record, Visibility
from peercoach_desktop.storage import rows
from peercoach_desktop.storage.sync_rows import CLASS_OF
from peercoach_desktop.sync.sync_file import Payload


@dataclass(frozen=True)
class NewRows:
    """A part's records as columns of their fields' values (as entry_from_json would make the
    records, enums as their text), for a first import: each record new here with a single
    version. Not yet checked: inbound.rows_fit decides."""

    kind: str
    columns: list[list[Any]]  # in rows.columns() order
    ctx: list[dict[str, str]]  # each entry's causal context, as the file gives it

    @property
    def cls(self) -> type[Record]:
        return CLASS_OF[self.kind]

    @property
    def versions(self) -> list[str]:
        return self.columns[rows.columns(self.cls).index("version")]

    @property
    def live(self) -> int:
        """How many are not deleted."""
        return self.columns[rows.columns(self.cls).index("deleted")].count(False)


ROW_KINDS = frozenset(CLASS_OF) - {"partnership", "peers"}  # those two: a few records, checked in full


def new_rows(payload: Payload) -> NewRows | None:
    """The payload's records as columns (what entry_from_json would build, as to_values would
    store it), or None when that takes more than a look at each column: another format, the
    partnership or the peers, a record with two versions or a private one, or any value whose
    conversion entry_from_json does by more than a lookup (a JSON field that is not empty, an
    enum that is not one of its texts, anything malformed). Then the entries are built."""
    items = payload.items
    if items is None or not items or len(payload.keys()) != len(items):
        return None
    kind = items[0]["kind"]  # (_part: all of the part's kind)
    if kind not in ROW_KINDS:
        return None
    cls = CLASS_OF[kind]
    raw = [item["row"] for item in items]
    try:
        columns = [_column(cls, name, raw) for name in rows.columns(cls)]
    except (_NotPlain, KeyError, TypeError):
        return None  # the entries are built, and whatever does not fit is refused in words
    ctx = [item["ctx"] for item in items]
    if not all(type(c) is dict for c in ctx):
        return None
    if cls is Note and Visibility.PRIVATE in columns[rows.columns(cls).index("visibility")]:
        return None  # merge leaves a private note out: decided entry by entry
    return NewRows(kind, columns, ctx)


class _NotPlain(Exception):
    """A column new_rows leaves to entry_from_json."""


def _column(cls: type[Record], name: str, raw: list[dict[str, Any]]) -> list[Any]:
    """A column of the values entry_from_json would give the records' field."""
    if cls is Note and name == "kept_from":
        values = [row.get(name, "{}") for row in raw]  # entry_from_json's default, for older apps
    else:
        values = [row[name] for row in raw]
    if name in rows.JSON_FIELDS:
        empty = rows.empty_json_text(cls, name)
        if all(type(v) is str and v == empty for v in values):  # most are
            return [{} if empty == "{}" else []] * len(values)  # (one object: checked, stored, never changed)
        if not all(type(v) is str for v in values):
            raise _NotPlain(name)
        try:
            return [rows.parsed_json(v) for v in values]  # as rows.from_fields parses them
        except (ValueError, RecursionError):
            raise _NotPlain(name) from None
    if name in ("deleted", "hidden"):
        return [bool(v) for v in values]  # as rows.from_fields
    elif name in (enums := rows.enum_texts(cls)):
        texts = enums[name]
        if not all(type(v) is str and v in texts for v in values):
            raise _NotPlain(name)
    return values
