"""Sync between partners: export, import (with a preview) and conflict resolution.

Everything here is safe to call from the window's worker thread. Every failure
happens before the first write, and an import is applied in one transaction, so a
bad file, a crash or a full disk leaves the notebook as it was.

An import reads, merges, writes and advances the clock in one unit of work
(`store.writing()`), so the merge is atomic.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from peercoach_desktop.domain.errors import (
    QT_TRANSLATE_NOOP,
    MissingKeyError,
    NotFoundError,
    OwnFileError,
    UsageError,
)
from peercoach_desktop.domain.merge import (
    Counts,
    Entry,
    Key,
    MergeResult,
    State,
    extend_ctx,
    kept_copy_mark,
    merge,
    node_of,
)
from peercoach_desktop.domain.model import Record
from peercoach_desktop.storage import sync_rows
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.storage.unit_of_work import UnitOfWork
from peercoach_desktop.sync import inbound, sync_file
from peercoach_desktop.system.files import write_atomic
from peercoach_desktop.vault.descriptors import Descriptor
from peercoach_desktop.vault.keystore import sync_entry
from peercoach_desktop.vault.library import Library

KEY_BYTES = 32
NOT_PAIRED = QT_TRANSLATE_NOOP(
    "Core", "This notebook has no sync key yet: invite your partner (peercoach invite) or join theirs."
)
OWN_FILE = QT_TRANSLATE_NOOP("Core", "This is your own sync file; nothing to import.")
Keep = Literal["current", "other", "both"]
PARTNER_SYNCED = "partner_synced"  # meta: a file of the partner's has been imported here


# ----- the sync key ---------------------------------------------------------------------------


def sync_key(
    library: Library, descriptor: Descriptor, store: NotebookStore, *, create: bool = False
) -> bytes:
    """The key both partners share. Kept in the OS keyring; a passphrase notebook (no keyring)
    keeps it inside its own encrypted file instead."""
    if descriptor.kdf is None:
        key = library.keystore.get(sync_entry(descriptor.notebook_id))
        if key is None and create:
            key = os.urandom(KEY_BYTES)
            library.keystore.put(sync_entry(descriptor.notebook_id), key)
    else:
        kept = store.meta("sync_key")
        key = bytes.fromhex(kept) if kept else None
        if key is None and create:
            key = os.urandom(KEY_BYTES)
            keep_sync_key(library, descriptor, store, key)
    if key is None:
        raise MissingKeyError(NOT_PAIRED)
    return key


def keep_sync_key(library: Library, descriptor: Descriptor, store: NotebookStore, key: bytes) -> None:
    if descriptor.kdf is None:
        library.keystore.put(sync_entry(descriptor.notebook_id), key)
        return
    with store.writing() as work:
        work.set_meta("sync_key", key.hex())


SyncSource = Path | bytes  # a path, or the file's bytes already read (read and decrypt once)


def _bytes(source: SyncSource) -> bytes:
    return source if isinstance(source, bytes) else sync_file.read_file(source)


def notebook_for_file(library: Library, source: SyncSource) -> Descriptor:
    """The local notebook a sync file is for (by the partnership id in its header)."""
    header = sync_file.peek(_bytes(source))
    found = [d for d in library.descriptors() if d.partnership_id == header.partnership_id]
    if not found:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("Core", "No notebook on this laptop belongs to this sync file's partnership.")
        )
    return found[0]


def notebook_for_data(library: Library, data: bytes) -> Descriptor:
    """notebook_for_file of a file already read (the sync folder reads each file once)."""
    return notebook_for_file(library, data)


# ----- export -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportReport:
    path: Path
    records: int

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "records": self.records}


def export_file(store: NotebookStore, key: bytes, out: Path) -> ExportReport:
    now = store.now()
    header = sync_file.SyncHeader(sync_file.FORMAT, store.partnership_id, store.me_id, now)
    data, count = sync_file.encode_rows(header, store.shared_rows(), key)
    write_atomic(out, data)
    return ExportReport(out, count)


# ----- import -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportReport:
    sender: str  # peer id of whoever wrote the file
    written_at: str
    counts: Counts
    conflicts: list[Key] = field(default_factory=list)
    dry_run: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "sender": self.sender,
            "written_at": self.written_at,
            "dry_run": self.dry_run,
            **self.counts.as_dict(),
            "conflicts": [{"kind": kind, "id": rid} for kind, rid in self.conflicts],
        }


@dataclass(frozen=True)
class ReadFile:
    """A sync file read (bounded) and decrypted once: the preview and the import use this same
    payload, so the import applies what the preview showed."""

    header: sync_file.SyncHeader
    payload: sync_file.Payload


def read_import(store: NotebookStore, source: SyncSource, key: bytes) -> ReadFile:
    """Read and decrypt once; your own file is refused in words."""
    header, payload = sync_file.open_file(_bytes(source), key, store.partnership_id)
    if header.sender == store.me_id:
        raise OwnFileError(OWN_FILE)
    return ReadFile(header, payload)


def _checked(store: NotebookStore, entries: list[Entry], local: State) -> None:
    """Every record from the partner through the one validator, before the merge sees it."""
    inbound.check_from_partner(
        entries,
        local,
        me_id=store.me_id,
        partner_id=store.partner().id,
        partnership_id=store.partnership_id,
        what=sync_file.WHAT,
    )


def _merge(
    store: NotebookStore, reader: NotebookStore | UnitOfWork, payload: sync_file.Payload
) -> tuple[MergeResult, list[Entry]]:
    """merge() over only the records the file may change: a version comparison against the
    stored (record, version) pairs first, so a file with nothing new reads no whole row. What
    is merged passes the validator first."""
    keys = payload.keys_to_merge(reader.known_versions())
    entries = payload.entries(keys)
    local = reader.state_for(keys)
    inbound.check_shape(entries, sync_file.WHAT)  # types first: nothing below trusts a field
    # The validator may need the rest of the notebook to recognise a conflict copy of my own
    # text that the partner split off as a new record (inbound._split_from_mine): only then.
    mine_new = any(e.key not in local and e.record.author_id == store.me_id for e in entries)
    _checked(store, entries, reader.sync_state() if mine_new else local)
    return merge(local, entries), entries


def preview(store: NotebookStore, read: ReadFile) -> ImportReport:
    """What apply would do, without writing anything."""
    result, _entries = _merge(store, store, read.payload)
    return ImportReport(
        read.header.sender, read.header.written_at, result.counts, result.conflicts, dry_run=True
    )


def apply(store: NotebookStore, read: ReadFile) -> ImportReport:
    """Merge the entries read (the ones a preview showed) in one transaction."""
    with store.writing() as work:
        result, entries = _merge(store, work, read.payload)
        work.write_changes(result.changes)
        if store.meta(PARTNER_SYNCED) is None:  # compared with the partner's records, whatever they held
            work.set_meta(PARTNER_SYNCED, "1")
        if entries:
            # Later local edits must sort after everything the partner wrote (the versions
            # skipped as already stored were observed when they were first stored).
            work.observe(max(e.version for e in entries))
    return ImportReport(read.header.sender, read.header.written_at, result.counts, result.conflicts)


def preview_import(store: NotebookStore, source: SyncSource, key: bytes) -> ImportReport:
    return preview(store, read_import(store, source, key))


def apply_import(store: NotebookStore, source: SyncSource, key: bytes) -> ImportReport:
    return apply(store, read_import(store, source, key))


def apply_import_bytes(store: NotebookStore, data: bytes, key: bytes) -> ImportReport:
    """apply_import of a file already read (the sync folder reads each file once)."""
    return apply(store, read_import(store, data, key))


# ----- conflicts --------------------------------------------------------------------------------


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
