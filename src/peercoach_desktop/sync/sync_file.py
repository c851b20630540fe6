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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, SyncFileError, Term
from peercoach_desktop.domain.meeting_plan import MeetingPlan
from peercoach_desktop.domain.merge import Entry, State, is_private, make_ctx
from peercoach_desktop.domain.model import Partnership
from peercoach_desktop.storage import rows
from peercoach_desktop.storage.bounded_input import read_handed_file
from peercoach_desktop.storage.sync_rows import CLASS_OF
from peercoach_desktop.sync.sealed import MAX_FILE, open_sealed, read_header, seal

MAGIC = b"PeerCoach sync\n\x00"
FORMAT = 1
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
    names = rows.columns(cls)
    if cls is Partnership:
        row.setdefault("meeting_plan", "{}")  # from a partner whose app predates meeting plans
    record = rows.from_row(cls, names, tuple(row[n] for n in names))
    if isinstance(record, Partnership):
        MeetingPlan.from_dict(record.meeting_plan)  # a zone, times and counts we can use, or ValueError
    ctx = item["ctx"]
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in ctx.items()):
        raise TypeError("ctx")
    for version in (record.version, *ctx.values()):
        if version.count(".") < 2:
            raise ValueError("version")
    return Entry(item["kind"], record, make_ctx(ctx))


def encode(header: SyncHeader, entries: list[Entry], key: bytes) -> bytes:
    head = {
        "format": header.format,
        "partnership_id": header.partnership_id,
        "sender": header.sender,
        "written_at": header.written_at,
    }
    return seal(MAGIC, head, key, {"records": [entry_to_json(e) for e in entries]})


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
    header = peek(data)
    if header.partnership_id != partnership_id:
        raise SyncFileError(
            QT_TRANSLATE_NOOP("Core", "This sync file belongs to another partnership. Nothing was changed.")
        )
    head, prefix, body = read_header(data, MAGIC, WHAT)
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
    return header, entries
