"""The sync file: a snapshot of every shared record of one partnership, for the partner.

Private notes are never written, not even as tombstones: a private note's id, times
and existence stay on this laptop. A note made private after it was shared simply
stops travelling: the partner keeps the copy they already had (it cannot be taken
back), and their later versions of it are ignored here (merge counts them as
kept_private) so they never overwrite or re-share it. A snapshot (not a diff) makes importing the same
file twice, or an old file after a newer one, harmless: the merge keeps what is newest.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, SyncFileError, Term
from peercoach_desktop.domain.merge import Entry, Key, State, is_private, make_ctx
from peercoach_desktop.storage import rows
from peercoach_desktop.storage.sync_bulk import SharedRow
from peercoach_desktop.storage.sync_rows import CLASS_OF
from peercoach_desktop.sync.sealed import (
    damaged,
    decrypt,
    inflate_lines,
    open_sealed,
    read_header,
    seal,
    seal_bytes,
)

MAGIC = b"PeerCoach sync\n\x00"
# Format 2: the payload is one line per entry, "table TAB record id TAB version TAB entry JSON",
# so an import can tell from the first three fields which entries it already has and parse
# only the others, a line at a time (format 1, one JSON document, still imports).
FORMAT = 2
LEVEL = 1  # zlib level: measured at 100k notes, 6 costs ~4x the time for ~25% smaller files
WHAT = QT_TRANSLATE_NOOP("Core", "sync file")


@dataclass(frozen=True)
class SyncHeader:
    format: int
    partnership_id: str
    sender: str  # the peer id of the partner who wrote it: no user text in the clear
    written_at: str


def shared_entries(state: State) -> list[Entry]:
    """What may leave this laptop: every version of every record, except private notes."""
    return [e for group in state.values() if not any(is_private(x) for x in group) for e in group]


def entry_to_json(entry: Entry) -> dict[str, Any]:
    return {"kind": entry.kind, "ctx": dict(entry.ctx), "row": rows.to_row(entry.record)}


def entry_from_json(item: Any) -> Entry:
    """Raises KeyError, TypeError or ValueError on anything malformed."""
    cls = CLASS_OF[item["kind"]]
    row = item["row"]
    names = rows.columns(cls)
    record = rows.from_row(cls, names, tuple(row[n] for n in names))
    ctx = item["ctx"]
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in ctx.items()):
        raise TypeError("ctx")
    for version in (record.version, *ctx.values()):
        if version.count(".") < 2:
            raise ValueError("version")
    return Entry(item["kind"], record, make_ctx(ctx))


def _head(header: SyncHeader) -> dict[str, Any]:
    return {
        "format": header.format,
        "partnership_id": header.partnership_id,
        "sender": header.sender,
        "written_at": header.written_at,
    }


def encode(header: SyncHeader, entries: list[Entry], key: bytes) -> bytes:
    if header.format == 1:
        return seal(MAGIC, _head(header), key, {"records": [entry_to_json(e) for e in entries]})
    lines = "\n".join(
        f"{e.kind}\t{e.record.id}\t{e.version}\t"
        + json.dumps(entry_to_json(e), ensure_ascii=False, separators=(",", ":"))
        for e in entries
    )
    return seal_bytes(MAGIC, _head(header), key, lines.encode("utf-8"), LEVEL)


def encode_rows(header: SyncHeader, shared: Iterable[SharedRow], key: bytes) -> tuple[bytes, int]:
    """A format-2 file straight from stored rows (storage.sync_bulk.shared_rows): the same
    entries as encode(header, shared_entries(state)) without a record object per row.
    Returns the file and how many entries it holds."""
    lines = [
        f'{kind}\t{rid}\t{version}\t{{"kind":"{kind}","ctx":{ctx},"row":'
        + json.dumps(row, ensure_ascii=False, separators=(",", ":"))
        + "}"
        for kind, rid, version, ctx, row in shared
    ]
    return seal_bytes(MAGIC, _head(header), key, "\n".join(lines).encode("utf-8"), LEVEL), len(lines)


Triple = tuple[str, str, str]  # (table, record id, version)


class Payload:
    """A decrypted sync file: the (table, record id, version) of every entry at once, and
    the entries themselves parsed only when asked for."""

    def __init__(self, index: list[Triple], bodies: list[str] | None, entries: list[Entry] | None) -> None:
        self.index = index
        self._bodies = bodies  # format 2: each entry's JSON, in index order
        self._entries = entries  # format 1: parsed with the file

    def entries(self, keys: set[Key] | None = None) -> list[Entry]:
        """The entries of these records (all records: None)."""
        chosen = [i for i, (kind, rid, _v) in enumerate(self.index) if keys is None or (kind, rid) in keys]
        if self._entries is not None:
            return [self._entries[i] for i in chosen]
        assert self._bodies is not None
        found = []
        try:
            for i in chosen:
                entry = entry_from_json(json.loads(self._bodies[i]))
                if (entry.kind, entry.record.id, entry.version) != self.index[i]:
                    raise ValueError("an entry unlike its index")
                found.append(entry)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise damaged(WHAT) from None
        return found


def _index_of(lines: Iterable[bytes]) -> tuple[list[Triple], list[str]]:
    """Each line's (table, record id, version) and its entry JSON. Nothing more is checked
    here: a triple is only used to find the stored version it names, and every entry that
    is merged is checked in full (Payload.entries)."""
    index, bodies = [], []
    for line in lines:
        kind, rid, version, body = line.decode("utf-8").split("\t", 3)
        index.append((kind, rid, version))
        bodies.append(body)
    return index, bodies


def peek(data: bytes) -> SyncHeader:
    """The header as the file claims it (authenticated only by decode)."""
    head, _prefix, _body = read_header(data, MAGIC, WHAT)
    if head["format"] > FORMAT:
        raise SyncFileError(
            QT_TRANSLATE_NOOP(
                "Core",
                "This sync file was written by a newer PeerCoach Desktop (format {found}; this "
                "version reads up to {format}). Update the app. Nothing was changed.",
            ),
            found=head["format"],
            format=FORMAT,
        )
    try:
        return SyncHeader(head["format"], head["partnership_id"], head["sender"], head["written_at"])
    except KeyError:
        raise SyncFileError(
            QT_TRANSLATE_NOOP("Core", "This is not a PeerCoach {what}. Nothing was changed."), what=Term(WHAT)
        ) from None


def decode(data: bytes, key: bytes, partnership_id: str) -> tuple[SyncHeader, list[Entry]]:
    header, payload = open_file(data, key, partnership_id)
    return header, payload.entries()


def open_file(data: bytes, key: bytes, partnership_id: str) -> tuple[SyncHeader, Payload]:
    """Check, decrypt and index a sync file; its entries are parsed on demand (Payload)."""
    header = peek(data)
    if header.partnership_id != partnership_id:
        raise SyncFileError(
            QT_TRANSLATE_NOOP("Core", "This sync file belongs to another partnership. Nothing was changed.")
        )
    head, prefix, body = read_header(data, MAGIC, WHAT)
    if header.format >= 2:
        try:
            index, bodies = _index_of(inflate_lines(decrypt(head, prefix, body, key, WHAT), WHAT))
        except (ValueError, UnicodeDecodeError):
            raise damaged(WHAT) from None
        return header, Payload(index, bodies, None)
    payload = open_sealed(head, prefix, body, key, WHAT)
    try:
        entries = [entry_from_json(item) for item in payload["records"]]
    except (KeyError, TypeError, ValueError, AttributeError, json.JSONDecodeError):
        raise SyncFileError(
            QT_TRANSLATE_NOOP("Core", "This {what} is damaged inside. Nothing was changed."), what=Term(WHAT)
        ) from None
    return header, Payload([(e.kind, e.record.id, e.version) for e in entries], None, entries)
