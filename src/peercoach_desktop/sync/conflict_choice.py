"""The conflicts a sync leaves, and the user's choice between their versions.

When both laptops changed the same record, the merge keeps the newer version in place and the
other beside it as a conflict copy (storage/sync_rows.py). Here they are listed with who wrote
each, and settled: keep the current one, the other, or both (the other then becomes a record of
its own). Either way the partner's next import settles it on that laptop too.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, NotFoundError, UsageError
from peercoach_desktop.domain.merge import extend_ctx, kept_copy_mark, node_of
from peercoach_desktop.domain.model import Record
from peercoach_desktop.storage import sync_rows
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.sync.exchange import PARTNER_SYNCED, Keep


@dataclass(frozen=True)
class Conflict:
    kind: str  # table: notes, goals, steps, sessions, peers, partnership
    record_id: str
    current: Record  # the version in place (the newer live one)
    other: Record  # the version kept beside it; other.deleted: deleted on one side
    copy_id: str  # the row id under which `other` is listed
    current_by: str = ""  # the name of whoever wrote each version (on whichever laptop)
    other_by: str = ""


def list_conflicts(store: NotebookStore) -> list[Conflict]:
    found = []
    for table, cls in sync_rows.CLASS_OF.items():
        if table == "sessions":
            continue  # joined field by field, never a choice for the user (domain/meeting.py)
        for copy in store.conflict_copies(table):
            current = store.by_id(cls, copy.record_id)
            if current.deleted:
                continue  # deleted on both laptops: nothing to choose between
            found.append(
                Conflict(
                    table,
                    copy.record_id,
                    current,
                    copy.record,
                    copy.row_id,
                    _author(store, current.version),
                    _author(store, copy.record.version),
                )
            )
    return found


def partner_has_synced(store: NotebookStore) -> bool:
    """Whether anything the partner's laptop wrote is stored here: until then "no conflicts"
    means only that nothing was compared yet, not that both laptops agree."""
    if store.meta(PARTNER_SYNCED):
        return True  # once resolved, a conflict's versions may all be this laptop's again
    suffix = "." + store.partner().id  # a version ends with the node (peer id) that wrote it
    return any(tag.endswith(suffix) for tag in store.known_versions().stored)


def _author(store: NotebookStore, version: str) -> str:
    """A version names the peer whose laptop wrote it (domain/clock.py)."""
    node = node_of(version)
    return next((p.name for p in (store.me(), store.partner()) if p.id == node), "?")


def resolve_conflict(store: NotebookStore, record_id: str, keep: Keep) -> Record:
    """Settle a conflict: keep the current version, the other one, or both (the other
    becomes a record of its own). Either way the partner's next import settles it too.
    Accepts the record id or the conflict copy's id."""
    if keep not in ("current", "other", "both"):
        raise UsageError(
            QT_TRANSLATE_NOOP("Core", "Keep 'current', 'other' or 'both', not {keep!r}."), keep=keep
        )
    match = [c for c in list_conflicts(store) if record_id in (c.record_id, c.copy_id)]
    if not match:
        raise NotFoundError(QT_TRANSLATE_NOOP("Core", "No open conflict for this record."))
    conflict = match[0]
    with store.writing() as work:
        current = work.current_entry(conflict.kind, conflict.record_id)
        copies = work.copies_of(conflict.kind, conflict.record_id)
        chosen = conflict.other if keep == "other" else conflict.current
        # Keep both: this copy is marked like the one split off beside it (sync_rows.settle).
        mark = kept_copy_mark(chosen) if keep == "both" else {}
        new = dataclasses.replace(
            chosen, id=conflict.record_id, updated_at=work.now(), version=work.tick(), **mark
        )
        base = extend_ctx(dict(current.ctx), current.version)
        work.settle(new, base, copies, keep_copies=keep == "both")
    return new
