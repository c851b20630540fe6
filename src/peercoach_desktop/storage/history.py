"""Earlier versions of notes, goals and next steps, kept inside the encrypted notebook.

Before a record's words change, its previous state is kept as a version, unless a version
of it was kept in the last few minutes: a burst of typing (autosave every half second)
becomes one version. Versions are bounded by count and by age (the oldest go first). They
live in a table of their own that sync never reads, so a private note's history stays on
this laptop, and purging a record from the trash purges its history too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import sqlcipher3

from peercoach_desktop.domain.clock import iso, parse_iso
from peercoach_desktop.domain.model import Goal, NextStep, Note, Record

KEPT: dict[type[Record], tuple[str, ...]] = {  # the fields a version holds and a restore puts back
    Note: ("body", "kind", "visibility", "goal_id", "session_id"),
    Goal: ("title", "why", "success_criteria", "status", "target_date", "progress"),
    NextStep: ("text", "owner_id", "due_date", "goal_id", "status"),
}


@dataclass(frozen=True)
class HistoryPolicy:
    max_versions: int = 50
    max_days: int = 365
    coalesce_seconds: int = 300


@dataclass(frozen=True)
class Version:
    rid: int
    record_id: str
    saved_at: str  # when these words were replaced
    fields: dict[str, Any]

    def text(self) -> str:
        return "\n".join(str(self.fields[name]) for name in _TEXTS if self.fields.get(name))

    def to_dict(self) -> dict[str, Any]:
        return {"saved_at": self.saved_at, "fields": self.fields, "rid": self.rid}


_TEXTS = ("title", "text", "body", "why", "success_criteria")


def remember(
    conn: sqlcipher3.Connection, before: Record, after: Record, policy: HistoryPolicy, *, always: bool = False
) -> None:
    """Called inside the store's transaction for every local change; `always` (a restore)
    keeps the words being replaced even within a burst."""
    kept = KEPT.get(type(before))
    if kept is None or all(getattr(before, f) == getattr(after, f) for f in kept) or before.deleted:
        return
    now = after.updated_at
    last = conn.execute("SELECT max(saved_at) FROM history WHERE record_id = ?", (before.id,)).fetchone()[0]
    recent = last is not None and parse_iso(now) - parse_iso(last) < timedelta(
        seconds=policy.coalesce_seconds
    )
    if recent and not always:
        return  # the same burst of edits: the version before it stands for all of it
    data = {f: _plain(getattr(before, f)) for f in kept}
    conn.execute(
        "INSERT INTO history(record_id, saved_at, version, data) VALUES (?, ?, ?, ?)",
        (before.id, now, before.version, json.dumps(data)),
    )
    prune(conn, before.id, policy, now)


def _plain(value: Any) -> Any:
    return value.value if hasattr(value, "value") else value


def prune(conn: sqlcipher3.Connection, record_id: str, policy: HistoryPolicy, now: str) -> None:
    oldest = iso(parse_iso(now) - timedelta(days=policy.max_days))
    conn.execute("DELETE FROM history WHERE record_id = ? AND saved_at < ?", (record_id, oldest))
    conn.execute(
        "DELETE FROM history WHERE record_id = ? AND rid NOT IN "
        "(SELECT rid FROM history WHERE record_id = ? ORDER BY saved_at DESC, rid DESC LIMIT ?)",
        (record_id, record_id, policy.max_versions),
    )


def prune_all(conn: sqlcipher3.Connection, policy: HistoryPolicy, now: str) -> None:
    """Apply new bounds to every record at once (the preferences changed)."""
    oldest = iso(parse_iso(now) - timedelta(days=policy.max_days))
    conn.execute("DELETE FROM history WHERE saved_at < ?", (oldest,))
    conn.execute(
        "DELETE FROM history WHERE rid IN (SELECT rid FROM (SELECT rid, row_number() OVER "
        "(PARTITION BY record_id ORDER BY saved_at DESC, rid DESC) AS n FROM history) WHERE n > ?)",
        (policy.max_versions,),
    )


def forget(conn: sqlcipher3.Connection, record_id: str) -> None:
    """Purge: no earlier words of the record stay behind."""
    conn.execute("DELETE FROM history WHERE record_id = ?", (record_id,))


def versions(conn: sqlcipher3.Connection, record_id: str) -> list[Version]:
    """Newest first."""
    found = conn.execute(
        "SELECT rid, record_id, saved_at, data FROM history WHERE record_id = ? "
        "ORDER BY saved_at DESC, rid DESC",
        (record_id,),
    ).fetchall()
    return [Version(rid, rid_of, saved_at, json.loads(data)) for rid, rid_of, saved_at, data in found]


WORDS: dict[type[Record], tuple[str, ...]] = {  # what a restore puts back: the words and who may read them
    Note: ("body", "visibility"),
    Goal: ("title", "why", "success_criteria"),
    NextStep: ("text",),
}


def restore_fields(record: Record, version: Version) -> dict[str, Any]:
    """The changes that put a version's words back (applied as a new version of the record).

    The words, and for a note its Private flag: words written as private come back private,
    and a version that was shared comes back shared, as the history dialog shows it. Never a
    status (a done step is not reopened) nor a link to a goal or session that may be in the trash."""
    fields = {name: version.fields[name] for name in WORDS[type(record)] if name in version.fields}
    if isinstance(record, Note) and record.kept_from and fields.get("body", record.body) != record.body:
        fields["kept_from"] = {}  # other words than the version a conflict kept (as an edit does)
    return fields
