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
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import Any

from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, SyncFileError, Term
from peercoach_desktop.domain.meeting_plan import MeetingPlan
from peercoach_desktop.domain.merge import (
    Entry,
    Key,
    KnownVersions,
    State,
    is_private,
    keys_to_merge,
    make_ctx,
    version_tag,
)
from peercoach_desktop.domain.model import Note, Partnership
from peercoach_desktop.storage import rows
from peercoach_desktop.storage.sync_rows import CLASS_OF
from peercoach_desktop.sync.sealed import (
    MAX_FILE,
    damaged,
    decrypt,
    inflate_blocks,
    open_sealed,
    read_header,
    seal,
    seal_bytes,
)
from peercoach_desktop.sync.sealed_parts import Parted, PartInfo, seal_parts
from peercoach_desktop.system.bounded_input import read_handed_file

MAGIC = b"PeerCoach sync\n\x00"
# Format 3 (sealed_parts.py): the entries in parts of about a thousand records of one table,
# each a JSON array sealed on its own and listed with its digest in a small sealed manifest;
# an import opens only the parts it has not merged before. Format 2 (still imports): the
# payload is lines: the number of entries N, then N version tags ("table TAB record id TAB
# version", merge.version_tag), then the N entries' JSON in the same order; an import compares
# the tags with the stored versions as sets and parses only the entries it lacks. Format 1 is
# one JSON document (still imports too).
FORMAT = 3
LEVEL = 1  # zlib level: measured at 100k notes, 6 costs ~4x the time for ~25% smaller files
WHAT = QT_TRANSLATE_NOOP("Core", "sync file")
# Every version of every shared record: 100k notes (the app's design size) with their goals,
# steps, sessions and a few conflict copies fit with room to spare.
MAX_RECORDS = 300_000


def read_file(path: Path) -> bytes:
    """A sync file handed to the app, read once through the bounded reader."""
    return read_handed_file(path, max_bytes=MAX_FILE, what=WHAT)


def too_many_records(what: str, limit: int) -> SyncFileError:
    return SyncFileError(
        QT_TRANSLATE_NOOP(
            "Core",
            "This {what} holds more records than PeerCoach ever writes ({limit}). Nothing was changed.",
        ),
        what=Term(what),
        limit=limit,
    )


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
    if cls is Partnership:
        row.setdefault("meeting_plan", "{}")  # from a partner whose app predates meeting plans
    elif cls is Note:
        row.setdefault("kept_from", "{}")  # from a partner whose app predates the kept-copy mark
    record = rows.from_fields(cls, row)
    if isinstance(record, Partnership):
        MeetingPlan.from_dict(record.meeting_plan)  # a zone, times and counts we can use, or ValueError
    ctx = item["ctx"]
    # (a record never synced has an empty context: no generator for it)
    if not isinstance(ctx, dict) or (
        ctx and not all(isinstance(k, str) and isinstance(v, str) for k, v in ctx.items())
    ):
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
    if header.format >= 3:
        return encode_parts(header, _parts_of(entries), key)
    tags = [version_tag(e.kind, e.record.id, e.version) for e in entries]
    bodies = [json.dumps(entry_to_json(e), ensure_ascii=False, separators=(",", ":")) for e in entries]
    return seal_bytes(MAGIC, _head(header), key, _layout(tags, bodies), LEVEL)


def _layout(tags: list[str], bodies: list[str]) -> bytes:
    return "\n".join([str(len(tags)), *tags, *bodies]).encode("utf-8")


PART_ENTRIES = 1000  # as storage.sync_bulk.CHUNK_ROWS


def _parts_of(entries: list[Entry]) -> Iterator[tuple[str, int, str]]:
    """Entries as parts of at most PART_ENTRIES of one table (the versions of a record
    together, as shared_entries lists them)."""
    by_kind: dict[str, list[Entry]] = {}
    for entry in entries:
        by_kind.setdefault(entry.kind, []).append(entry)
    for kind, group in by_kind.items():
        part: list[str] = []
        for i, entry in enumerate(group):
            part.append(json.dumps(entry_to_json(entry), ensure_ascii=False, separators=(",", ":")))
            last = i + 1 == len(group)
            if last or (len(part) >= PART_ENTRIES and group[i + 1].key != entry.key):
                yield kind, len(part), "[" + ",".join(part) + "]"
                part = []


def encode_parts(header: SyncHeader, parts: Iterable[tuple[str, int, str]], key: bytes) -> bytes:
    """A format-3 file of parts (table, entry count, JSON array of entries) as
    storage.sync_bulk.shared_chunks makes them straight from SQL."""
    head = _head(header) | {"format": 3}
    encoded = ((kind, count, text.encode("utf-8")) for kind, count, text in parts)
    return seal_parts(MAGIC, head, key, encoded, LEVEL)


class Payload:
    """Entries merged as a unit (a whole format-1 or -2 file, or one part of a format-3 one):
    the version_tag and record key of every entry at once, and the entries themselves built
    and checked only when asked for."""

    def __init__(
        self,
        tags: list[str],
        bodies: list[str] | None,
        entries: list[Entry] | None,
        items: list[dict[str, Any]] | None = None,
    ) -> None:
        self.tags = tags
        self._bodies = bodies  # format 2: each entry's JSON, in the same order
        self._entries = entries  # format 1: parsed with the file
        self._items = items  # format 3: a part's entries as json.loads gave them (built when asked)
        self._keys: set[Key] | None = None

    @property
    def items(self) -> list[dict[str, Any]] | None:
        """Format 3: the part's entries as parsed from JSON, not yet built or checked."""
        return self._items

    def keys(self) -> set[Key]:
        """The records this payload holds versions of."""
        if self._keys is None:
            self._keys = {
                (table, record_id) for table, record_id, _v in (t.split("\t", 2) for t in self.tags)
            }
        return self._keys

    @property
    def record_keys(self) -> list[str]:
        """ "table TAB record id" of each entry, in the same order."""
        return [tag.rsplit("\t", 1)[0] for tag in self.tags]

    def keys_to_merge(self, known: KnownVersions) -> set[Key]:
        if not known.stored and not known.private:
            return set(self.keys())  # none of its versions stored here (a first import): all
        # The keys of every entry are only needed when records were made private here.
        return keys_to_merge(self.tags, self.record_keys if known.private else [], known)

    def entries(self, keys: set[Key] | None = None) -> list[Entry]:
        """The entries of these records (all records: None), each checked in full."""
        if keys is None:
            chosen: Iterable[int] = range(len(self.tags))
        else:
            wanted = {f"{table}\t{record_id}" for table, record_id in keys}
            chosen = [i for i, key in enumerate(self.record_keys) if key in wanted] if wanted else []
        if self._entries is not None:
            return [self._entries[i] for i in chosen]
        if self._items is not None:
            try:
                return [entry_from_json(self._items[i]) for i in chosen]
            except (KeyError, TypeError, ValueError, AttributeError, RecursionError):
                raise damaged(WHAT) from None
        found = []
        try:
            for i in chosen:
                assert self._bodies is not None
                entry = entry_from_json(json.loads(self._bodies[i]))
                if version_tag(entry.kind, entry.record.id, entry.version) != self.tags[i]:
                    raise ValueError("an entry unlike its index")
                found.append(entry)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError, RecursionError):
            raise damaged(WHAT) from None
        return found


def _index(blocks: Iterable[bytes]) -> Payload:
    """Read a format-2 body: its entry count, that many version tags, then as many entries'
    JSON, a line each. Lines are split a slice at a time by str.split (C, no Python per line)
    and nothing more is checked here: a tag is only used to find the stored version it
    names, and every entry that is merged is checked in full (Payload.entries)."""
    lines: list[str] = []
    for block in blocks:
        lines += block.decode("utf-8").split("\n")
    count = int(lines[0]) if lines else -1
    if count > MAX_RECORDS:
        raise too_many_records(WHAT, MAX_RECORDS)
    if count < 0 or len(lines) != 1 + 2 * count:
        raise ValueError("not count, tags and entries")
    return Payload(lines[1 : 1 + count], lines[1 + count :], None)


def _part(info: PartInfo, plain: bytes) -> Payload:
    """One part of a format-3 file: a JSON array of `info.count` entries of `info.kind`."""
    try:
        items = json.loads(plain)
        if info.kind not in CLASS_OF or not isinstance(items, list) or len(items) != info.count:
            raise ValueError("not its count of entries")
        tags, ids = [], []
        for item in items:
            row = item["row"]
            if item["kind"] != info.kind or not (
                isinstance(row["id"], str) and isinstance(row["version"], str)
            ):
                raise ValueError("an entry unlike its part")
            tags.append(version_tag(info.kind, row["id"], row["version"]))
            ids.append(row["id"])
    except (KeyError, TypeError, ValueError, AttributeError, UnicodeDecodeError, RecursionError):
        raise damaged(WHAT) from None
    # Each entry is built (and refused if malformed) when it is merged: Payload.entries, or
    # new_rows for the records a first import stores.
    payload = Payload(tags, None, None, items)
    payload._keys = set(zip(repeat(info.kind), ids))  # (what keys() makes of the tags)
    return payload


@dataclass(frozen=True)
class Part:
    """What an import merges as a unit: all of an old file, or one part of a format-3 file
    (None: a part whose digest is in the skip set, merged before)."""

    payload: Payload | None
    digest: str | None  # format 3: the SHA-256 of the part's plaintext
    kind: str | None = None  # format 3: the table of all of its records


class Content:
    """A sync file's entries, opened part by part."""

    def __init__(self, whole: Payload | None, parted: Parted | None) -> None:
        self._whole, self._parted = whole, parted

    def digests(self) -> list[str]:
        """Of each part of a format-3 file, in order (none for an older file)."""
        return [p.digest for p in self._parted.parts] if self._parted else []

    def incoming(self, skip: Collection[str]) -> dict[str, int]:
        """At most how many entries each table receives (format 3; the parts not skipped)."""
        found: dict[str, int] = {}
        for part in self._parted.parts if self._parted else []:
            if part.digest not in skip:
                found[part.kind] = found.get(part.kind, 0) + part.count
        return found

    def parts(self, skip: Collection[str] = (), first: Sequence[str] = ()) -> Iterator[Part]:
        """The file's parts in order (those of the tables in `first` first), each opened
        (decrypted, inflated, parsed) only when the iteration reaches it; those whose digest is
        in `skip` are only authenticated. (A part's records are merged on their own: in which
        order the parts are merged changes nothing.)"""
        if self._parted is None:
            assert self._whole is not None
            yield Part(self._whole, None)
            return
        for info, plain in self._parted.opened(skip, first):
            yield Part(None if plain is None else _part(info, plain), info.digest, info.kind)

    def entries(self) -> list[Entry]:
        return [e for part in self.parts() if part.payload for e in part.payload.entries()]


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
    header, content = open_file(data, key, partnership_id)
    return header, content.entries()


def open_file(data: bytes, key: bytes, partnership_id: str) -> tuple[SyncHeader, Content]:
    """Check a sync file and read its index: format 3's manifest (its parts are decrypted as
    they are merged), or an older file decrypted whole; entries are parsed on demand."""
    header, payload = _open_file(data, key, partnership_id)
    if isinstance(payload, Parted):
        if sum(p.count for p in payload.parts) > MAX_RECORDS:
            raise too_many_records(WHAT, MAX_RECORDS)
        return header, Content(None, payload)
    return header, Content(payload, None)


def _open_file(data: bytes, key: bytes, partnership_id: str) -> tuple[SyncHeader, Payload | Parted]:
    header = peek(data)
    if header.partnership_id != partnership_id:
        raise SyncFileError(
            QT_TRANSLATE_NOOP("Core", "This sync file belongs to another partnership. Nothing was changed.")
        )
    head, prefix, body = read_header(data, MAGIC, WHAT)
    if header.format >= 3:
        return header, Parted(head, prefix, body, key, WHAT)
    if header.format == 2:
        try:
            return header, _index(inflate_blocks(decrypt(head, prefix, body, key, WHAT), WHAT))
        except (ValueError, UnicodeDecodeError):
            raise damaged(WHAT) from None
    payload = open_sealed(head, prefix, body, key, WHAT)
    try:
        records = payload["records"]
        if not isinstance(records, list):
            raise TypeError("records")
        if len(records) > MAX_RECORDS:
            raise too_many_records(WHAT, MAX_RECORDS)
        entries = [entry_from_json(item) for item in records]
    except (KeyError, TypeError, ValueError, AttributeError, json.JSONDecodeError, RecursionError):
        raise SyncFileError(
            QT_TRANSLATE_NOOP("Core", "This {what} is damaged inside. Nothing was changed."), what=Term(WHAT)
        ) from None
    return header, Payload([version_tag(e.kind, e.record.id, e.version) for e in entries], None, entries)
