"""The trash: deleting moves a record (and what belongs to it) out of sight, where it can be
restored with its links, or purged for good.

Deleting marks records with the tombstone sync already carries, all in one transaction with
one timestamp: a goal goes with its linked steps and notes, a session with its notes, and
restoring brings back exactly the records that went with it. Purging blanks the text of a
deleted record, so the words are gone from this notebook (SQLCipher's secure_delete is not
needed: the page is encrypted either way) and, after the next sync, from the partner's.
A restore travels to the partner as an edit, a purge as a deletion.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from peercoach_desktop.domain.clock import parse_iso
from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, NotFoundError, PeerCoachError
from peercoach_desktop.domain.model import Goal, NextStep, Note, Record, Session
from peercoach_desktop.storage.search import first_line
from peercoach_desktop.storage.store import NotebookStore

KINDS: dict[str, type[Record]] = {"goal": Goal, "session": Session, "note": Note, "step": NextStep}
TEXT_FIELDS: dict[type[Record], tuple[str, ...]] = {
    Goal: ("title", "why", "success_criteria"),
    Note: ("body",),
    NextStep: ("text",),
}
LINKS: dict[type[Record], list[tuple[type[Record], str]]] = {
    Goal: [(NextStep, "goal_id"), (Note, "goal_id")],
    Session: [(Note, "session_id")],
}


@dataclass(frozen=True)
class TrashItem:
    kind: str
    record: Record
    label: str
    deleted_at: str
    with_it: int  # records that went to the trash with it (and come back with it)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.record.id,
            "label": self.label,
            "deleted_at": self.deleted_at,
            "with_it": self.with_it,
        }


def kind_of(record: Record) -> str:
    return next(name for name, cls in KINDS.items() if isinstance(record, cls))


def label(record: Record) -> str:
    if isinstance(record, Note):
        return first_line(record.body, 80) or "(empty note)"
    if isinstance(record, Goal):
        return record.title
    if isinstance(record, NextStep):
        return record.text
    if isinstance(record, Session):
        when = parse_iso(record.scheduled_at or record.created_at).astimezone()  # this laptop's time
        return f"Session of {when:%Y-%m-%d %H:%M %Z}"
    return record.id


def _find(store: NotebookStore, record_id: str, *, deleted: bool) -> Record:
    for cls in KINDS.values():
        found = store.matching(cls, deleted=deleted, originals=True, id=record_id)
        if found:
            return found[0]
    if deleted:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("Core", "Nothing in the trash has the id {record_id}."), record_id=record_id
        )
    raise NotFoundError(
        QT_TRANSLATE_NOOP("Core", "Nothing in this notebook has the id {record_id}."), record_id=record_id
    )


def _linked(store: NotebookStore, record: Record, *, deleted: bool, stamp: str | None = None) -> list[Record]:
    found: list[Record] = []
    for cls, column in LINKS.get(type(record), []):
        equals: dict[str, Any] = {column: record.id}
        if stamp is not None:
            equals["updated_at"] = stamp
        found += store.matching(cls, deleted=deleted, originals=True, **equals)
    return found


def delete(store: NotebookStore, record_id: str) -> list[Record]:
    """Move a record (and its linked steps and notes) to the trash; returns what moved."""
    record = _find(store, record_id, deleted=False)
    batch = [record, *_linked(store, record, deleted=False)]
    for r in batch:
        if store.has_conflict_copies(type(r), r.id):
            raise PeerCoachError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "This has two versions from a sync (you both changed it): choose one in Partner ▸ "
                    "Conflicts before deleting.",
                )
            )
    return store.change_together([(r, {"deleted": True}) for r in batch])


def restore(store: NotebookStore, record_id: str) -> list[Record]:
    """Bring a record back from the trash, with what was deleted together with it."""
    record = _find(store, record_id, deleted=True)
    if _purged(record):
        raise PeerCoachError(
            QT_TRANSLATE_NOOP("Core", "This record was purged: its words are gone and it cannot come back.")
        )
    batch = [record, *_linked(store, record, deleted=True, stamp=record.updated_at)]
    return store.change_together([(r, {"deleted": False}) for r in batch if not _purged(r)])


def purge(store: NotebookStore, record_id: str) -> Record:
    """Erase a trashed record's words for good, with those of what went to the trash with it
    (its tombstone stays, so sync deletes it on the partner's laptop too)."""
    record = _find(store, record_id, deleted=True)
    batch = [record, *_linked(store, record, deleted=True, stamp=record.updated_at)]
    changes = [(r, dict.fromkeys(TEXT_FIELDS[type(r)], "")) for r in batch if type(r) in TEXT_FIELDS]
    if not changes:
        raise PeerCoachError(
            QT_TRANSLATE_NOOP("Core", "This session holds no text of its own and no notes went with it.")
        )
    # One transaction: the words, their earlier versions, and then the search index's copy.
    purged = store.change_together(changes, forget_history=True)
    store.compact_after_purge()
    return purged[0]


def _purged(record: Record) -> bool:
    fields = TEXT_FIELDS.get(type(record))
    return fields is not None and not any(getattr(record, name) for name in fields)


def items(store: NotebookStore) -> list[TrashItem]:
    """What is in the trash, newest first; a linked record deleted with its goal or session is
    listed under it (with_it), not on its own."""
    trashed: list[Record] = []
    for cls in KINDS.values():
        trashed += [r for r in store.matching(cls, deleted=True, originals=True) if not _purged(r)]
    by_id = {r.id: r for r in trashed}
    followers: set[str] = set()
    counts: dict[str, int] = {}
    for record in trashed:
        for cls, column in [(NextStep, "goal_id"), (Note, "goal_id"), (Note, "session_id")]:
            parent = getattr(record, column, None) if isinstance(record, cls) else None
            lead = by_id.get(parent) if parent else None
            if lead is not None and lead.updated_at == record.updated_at:
                followers.add(record.id)
                counts[lead.id] = counts.get(lead.id, 0) + 1
    listed = [
        TrashItem(kind_of(r), r, label(r), r.updated_at, counts.get(r.id, 0))
        for r in trashed
        if r.id not in followers
    ]
    return sorted(listed, key=lambda item: item.deleted_at, reverse=True)
