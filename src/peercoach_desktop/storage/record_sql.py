"""The SQL of one record type: a record's row inserted or updated, and the WHERE and ORDER BY of
a typed query (NotebookBase.matching, each, where). Column names come from the record's own
fields, checked here; values are always parameters."""

from __future__ import annotations

import dataclasses
from typing import Any

import sqlcipher3

from peercoach_desktop.domain.model import Record
from peercoach_desktop.storage import rows


def insert(conn: sqlcipher3.Connection, record: Record) -> None:
    row = rows.to_row(record)
    names = ", ".join(row)
    marks = ", ".join(f":{name}" for name in row)
    conn.execute(f"INSERT INTO {rows.TABLE_OF[type(record)]} ({names}) VALUES ({marks})", row)


def update(conn: sqlcipher3.Connection, record: Record) -> None:
    row = rows.to_row(record)
    assignments = ", ".join(f"{name} = :{name}" for name in row if name != "id")
    conn.execute(f"UPDATE {rows.TABLE_OF[type(record)]} SET {assignments} WHERE id = :id", row)


def typed_where(
    cls: type[Record],
    deleted: bool | None,
    originals: bool,
    id_prefix: str | None,
    order_by: str,
    equals: dict[str, Any],
) -> tuple[str, tuple[Any, ...]]:
    """The WHERE and ORDER BY of a typed query; column names are checked against the record's
    fields, values are always parameters."""
    fields = {f.name for f in dataclasses.fields(cls)}
    unknown = [name for name in (*equals, order_by) if name not in fields]
    if unknown:
        raise ValueError(f"{cls.__name__} has no field {unknown[0]!r}")  # a programming error
    clauses, params = [], []
    if deleted is False:
        # As written, so that the partial indexes over live rows (schema 11) apply: they give
        # notes in created_at order; the indexes on (deleted) that sorted every row are gone.
        clauses.append("deleted = 0")
    elif deleted is not None:
        clauses.append("deleted = ?")
        params.append(int(deleted))
    if originals:
        clauses.append("conflict_of IS NULL")
    if id_prefix is not None:
        clauses.append("id LIKE ?")
        params.append(id_prefix.lower().replace("%", "").replace("_", "") + "%")
    for column, value in equals.items():
        clauses.append(f"{column} = ?")
        params.append(value)
    where = f"WHERE {' AND '.join(clauses)} " if clauses else ""
    return f"{where}ORDER BY {order_by}, rid", tuple(params)
