"""Sync between partners: export, import (with a preview) and conflict resolution.

Everything here is safe to call from the window's worker thread. Every failure
happens before the first write, and an import is applied in one transaction, so a
bad file, a crash or a full disk leaves the notebook as it was.

An import reads, merges, writes and advances the clock in one unit of work
(`store.writing()`), so the merge is atomic.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from peercoach_desktop.domain.errors import (
    QT_TRANSLATE_NOOP,
    MissingKeyError,
    NotFoundError,
    OwnFileError,
)
from peercoach_desktop.domain.merge import (
    Counts,
    Key,
    MergeResult,
    merge,
)
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.storage.unit_of_work import UnitOfWork
from peercoach_desktop.sync import inbound, new_rows, sync_file
from peercoach_desktop.system.files import write_atomic
from peercoach_desktop.system.gc_pause import collection_paused
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
    counted = [0]

    def parts() -> Iterator[tuple[str, int, str]]:
        for kind, count, text in store.shared_chunks():  # the entries' JSON made by SQLite
            counted[0] += count
            yield kind, count, text

    write_atomic(out, sync_file.encode_parts(header, parts(), key))
    return ExportReport(out, counted[0])


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
    """A sync file read (bounded) and its index decrypted once: the preview and the import
    use this same content, so the import applies what the preview showed."""

    header: sync_file.SyncHeader
    payload: sync_file.Content


# The digests of the format-3 parts this notebook has merged (sync/sealed_parts.py), newest
# first: a part met again is skipped unopened. Merging it again would change nothing: merge
# is a join (the notebook holds each merged version or a later one that has seen it), and
# nothing here ever drops a version it holds.
SEEN_PARTS = "sync_seen_parts"
MAX_SEEN = 4096  # a few files' worth of parts at 100k notes


def read_import(store: NotebookStore, source: SyncSource, key: bytes) -> ReadFile:
    """Read and decrypt the index once; your own file is refused in words."""
    header, content = sync_file.open_file(_bytes(source), key, store.partnership_id)
    if header.sender == store.me_id:
        raise OwnFileError(OWN_FILE)
    return ReadFile(header, content)


def _seen(reader: NotebookStore | UnitOfWork) -> list[str]:
    kept = reader.meta(SEEN_PARTS)
    return json.loads(kept) if kept else []


@dataclass
class Merged:
    """What merging one part changes: `result` (changes and counts) and the versions it read;
    for a first import's part of records all new here, `new` holds them as columns instead
    of `result.changes` (stored by write_new_rows)."""

    result: MergeResult
    versions: list[str]
    new: new_rows.NewRows | None = None


def _merge(
    store: NotebookStore, reader: NotebookStore | UnitOfWork, part: sync_file.Part, partner_id: str
) -> Merged:
    """merge() over only the records a part of the file may change: a version comparison
    against the stored (record, version) pairs first, so a part with nothing new reads no
    whole row. What is merged passes the validator first. (Nothing here reads through `store`
    but its ids: during an import, `reader` alone may use the connection, see UnitOfWork.)"""
    assert part.payload is not None
    payload = part.payload
    # A whole old-format file is compared with every stored version; a part, with its own.
    known = reader.known_versions() if part.digest is None else reader.known_versions_for(payload.keys())
    keys = payload.keys_to_merge(known)
    # A part of records with one version each, all to be merged (a first import's): as columns.
    new = new_rows.new_rows(payload) if len(keys) == len(payload.tags) else None
    local = reader.state_for(keys) if new is not None else None  # (new_rows: tables of ours only)
    if new is not None and not local:
        ids = {"me_id": store.me_id, "partner_id": partner_id}
        if inbound.rows_fit(new.cls, new.columns, new.ctx, **ids):
            # What merge() gives for records new here: each stored as it came, the live ones added.
            return Merged(MergeResult(counts=Counts(added=new.live)), new.versions, new)
    entries = payload.entries(keys)
    if local is None:
        local = reader.state_for(keys)
    inbound.check_shape(entries, sync_file.WHAT)  # types first: nothing below trusts a field
    # The validator may need other records of mine to recognise a conflict copy of my own
    # text that the partner split off as a new record (inbound._split_from_mine): only then,
    # and only those created at the same times.
    context = local
    for kind in {e.kind for e in entries if e.key not in local and e.record.author_id == store.me_id}:
        created = [e.record.created_at for e in entries if e.kind == kind]
        context = context | reader.authored_at(kind, store.me_id, created)
    inbound.check_authorship(
        entries,
        context,
        me_id=store.me_id,
        partner_id=partner_id,
        partnership_id=store.partnership_id,
        what=sync_file.WHAT,
    )
    return Merged(merge(local, entries), [e.version for e in entries])


def _add(total: MergeResult, result: MergeResult) -> None:
    for name, value in result.counts.as_dict().items():
        setattr(total.counts, name, getattr(total.counts, name) + value)
    total.conflicts += result.conflicts


def preview(store: NotebookStore, read: ReadFile) -> ImportReport:
    """What apply would do, without writing anything."""
    total = MergeResult()
    partner_id = store.partner().id
    with collection_paused():  # no stall of the window while 100k records pass (gc_pause.py)
        for part in read.payload.parts(set(_seen(store))):
            if part.payload is not None:
                _add(total, _merge(store, store, part, partner_id).result)
    return ImportReport(
        read.header.sender, read.header.written_at, total.counts, total.conflicts, dry_run=True
    )


def apply(store: NotebookStore, read: ReadFile) -> ImportReport:
    """Merge the entries read (the ones a preview showed) in one transaction, part by part
    (each part's records merged on their own, and written on the unit of work's writer thread
    while the next part is read)."""
    total = MergeResult()
    partner_id = ""  # asked once, before the first write (then only `work` uses the connection)
    incoming = sum(read.payload.incoming(set(_seen(store))).values())
    # (no stall of the window: gc_pause.py)
    # (synced: the import is on disk when this returns, and the commit copies nothing more;
    # a file merged before opens no part and writes nothing)
    with collection_paused(), store.page_cache_for(incoming), store.writing(synced=incoming > 0) as work:
        seen = _seen(work)
        if store.meta(PARTNER_SYNCED) is None:  # compared with the partner's records, whatever they held
            work.set_meta(PARTNER_SYNCED, "1")
        merged: list[str] = []  # digests of the parts now merged here
        newest = ""
        by_table = read.payload.incoming(set(seen))
        with work.search_index_deferred(by_table) as deferred:
            # The tables whose search index is rebuilt first, the biggest first: each is rebuilt
            # (by SQLite, on the writer thread) while the parts of the next ones are read.
            first = sorted(deferred, key=lambda table: -by_table[table])
            kind = None
            for part in read.payload.parts(set(seen), first):
                if kind in deferred and part.kind != kind:
                    work.search_index_now(kind)  # (its parts are all merged: they come together)
                kind = part.kind
                if part.payload is not None:
                    partner_id = partner_id or store.partner().id
                    done = _merge(store, work, part, partner_id)
                    result = done.result
                    if done.new is not None:
                        work.write_new_rows(done.new.kind, done.new.columns, done.new.ctx)
                    else:
                        work.write_changes(result.changes)
                    _add(total, result)
                    newest = max([newest, *done.versions])
                    if result.counts.kept_private:
                        continue  # kept out for now: merged again once the note is shared again
                if part.digest is not None:
                    merged.append(part.digest)
        order = {digest: i for i, digest in enumerate(read.payload.digests())}
        merged.sort(key=order.__getitem__)  # in the file's order, as they are listed
        if newest:
            # Later local edits must sort after everything the partner wrote (the versions
            # skipped as already stored were observed when they were first stored).
            work.observe(newest)
        kept = (merged + [d for d in seen if d not in set(merged)])[:MAX_SEEN]
        if kept != seen:  # the same file again writes nothing at all
            work.set_meta(SEEN_PARTS, json.dumps(kept))
    return ImportReport(read.header.sender, read.header.written_at, total.counts, total.conflicts)


def preview_import(store: NotebookStore, source: SyncSource, key: bytes) -> ImportReport:
    return preview(store, read_import(store, source, key))


def apply_import(store: NotebookStore, source: SyncSource, key: bytes) -> ImportReport:
    return apply(store, read_import(store, source, key))


def apply_import_bytes(store: NotebookStore, data: bytes, key: bytes) -> ImportReport:
    """apply_import of a file already read (the sync folder reads each file once)."""
    return apply(store, read_import(store, data, key))
