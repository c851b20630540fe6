"""Records from the partner pass one validator before the merge: a sync file sealed with the
real key but carrying malformed or forged records is refused whole, with one sentence, and
the receiver's notebook stays byte-identical."""

from __future__ import annotations

import copy
import json
import os
import struct
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import file_digests
from sync_helpers import Pair, make_pair

from peercoach_desktop.domain.errors import SyncFileError
from peercoach_desktop.storage import sync_rows
from peercoach_desktop.sync import exchange, sync_file

Row = dict[str, Any]


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    p = make_pair(tmp_path)
    p.ana.add_note("Ana's shared words")
    yield p
    p.close()


def _records(pair: Pair) -> list[Row]:
    state = sync_rows.read_state(pair.ana._conn)
    return [sync_file.entry_to_json(e) for e in sync_file.shared_entries(state)]


def _of(records: list[Row], kind: str, pick: Callable[[Row], bool] = lambda r: True) -> Row:
    return next(item for item in records if item["kind"] == kind and pick(item["row"]))


def _sealed(pair: Pair, records: list[Row]) -> Path:
    head = {"format": 1, "partnership_id": pair.ana.partnership_id, "sender": pair.ana.me_id}
    head |= {"written_at": "2026-01-05T09:00:00.000Z"}
    path = pair.folder / "crafted.pcsync"
    path.write_bytes(_seal_ascii(head, pair.key, {"records": records}))
    return path


def _sealed_parts(pair: Pair, records: list[Row]) -> Path:
    """The records as a format-3 file, a part per table: Ben's tables are empty, so a part of
    notes goes the first import's way (records as columns, inbound.rows_fit) unless in doubt."""
    by_kind: dict[str, list[Row]] = {}
    for item in records:
        by_kind.setdefault(item["kind"], []).append(item)
    parts = [(kind, len(items), json.dumps(items, ensure_ascii=True)) for kind, items in by_kind.items()]
    header = sync_file.SyncHeader(3, pair.ana.partnership_id, pair.ana.me_id, AT)
    path = pair.folder / "crafted-parts.pcsync"
    path.write_bytes(sync_file.encode_parts(header, parts, pair.key))
    return path


SEALERS = {"whole": lambda p, r: _sealed(p, r), "in parts": lambda p, r: _sealed_parts(p, r)}


def _seal_ascii(head: dict[str, Any], key: bytes, payload: dict[str, Any]) -> bytes:
    """As sealed.seal, but JSON with \\u escapes, so text the app could never write (a lone
    surrogate) travels as an attacker would send it."""
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    nonce = os.urandom(12)
    header = json.dumps(head | {"nonce": nonce.hex()}, sort_keys=True).encode()
    prefix = sync_file.MAGIC + struct.pack(">I", len(header)) + header
    body = zlib.compress(json.dumps(payload, ensure_ascii=True).encode("ascii"))
    return prefix + ChaCha20Poly1305(key).encrypt(nonce, body, prefix)


def _new_note(pair: Pair, records: list[Row], **row: Any) -> list[Row]:
    note = copy.deepcopy(_of(records, "notes"))
    note["row"] |= {"id": "n-crafted"} | row
    return [*records, note]


def _renamed_me(pair: Pair, records: list[Row]) -> list[Row]:
    me = copy.deepcopy(_of(records, "peers", lambda row: row["id"] == pair.ben.me_id))
    me["row"] |= {"name": "Mallory", "version": _version(pair, pair.ana.me_id)}
    return [item for item in records if item["row"]["id"] != pair.ben.me_id] + [me]


def _version(pair: Pair, node: str) -> str:
    return f"{0x19B8E2A4C00:012x}.0000.{node}"


AT = "2026-01-05T09:00:00.000Z"
CASES: dict[str, tuple[str, Callable[[Pair, list[Row]], list[Row]]]] = {
    "a note in my name": (
        "someone else's name",
        lambda p, r: _new_note(p, r, author_id=p.ben.me_id),
    ),
    "a note in my name with my version": (  # as my second laptop's would be: said so (inbound.py)
        "in your name on another laptop",
        lambda p, r: _new_note(p, r, author_id=p.ben.me_id, version=_version(p, p.ben.me_id)),
    ),
    "a third peer's version": (
        "someone else's name",
        lambda p, r: _new_note(p, r, version=_version(p, "peer-mallory")),
    ),
    "renaming me": ("someone else's name", lambda p, r: _renamed_me(p, r)),
    "a third peer": (
        "someone else's name",
        lambda p, r: [
            *r,
            {"kind": "peers", "ctx": {}, "row": _of(r, "peers")["row"] | {"id": "peer-mallory"}},
        ],
    ),
    "a second partnership": (
        "someone else's name",
        lambda p, r: [
            *r,
            {"kind": "partnership", "ctx": {}, "row": _of(r, "partnership")["row"] | {"id": "p-2"}},
        ],
    ),
    "a 13-digit time": (
        "not well-formed",
        lambda p, r: _new_note(p, r, version=f"1{'0' * 12}.0000.{p.ana.me_id}"),
    ),
    "a non-hex counter": (
        "not well-formed",
        lambda p, r: _new_note(p, r, version=f"{'0' * 12}.zzzz.{p.ana.me_id}"),
    ),
    "a body that is a list": ("not well-formed", lambda p, r: _new_note(p, r, body=["a", "b"])),
    "a lone surrogate": ("not well-formed", lambda p, r: _new_note(p, r, body="half \ud800 a pair")),
    "a kept-copy mark with more in it": (
        "not well-formed",
        lambda p, r: _new_note(p, r, kept_from=json.dumps({"by": p.ana.me_id, "at": AT, "html": "<b>"})),
    ),
    "a kept-copy mark that is a list": ("not well-formed", lambda p, r: _new_note(p, r, kept_from="[1]")),
    "a kept-copy mark that is an empty list": (
        "not well-formed",
        lambda p, r: _new_note(p, r, kept_from="[]"),
    ),
    "a kept-copy mark at no time": (
        "not well-formed",
        lambda p, r: _new_note(p, r, kept_from=json.dumps({"by": p.ana.me_id, "at": "Tuesday"})),
    ),
    "a kept-copy mark with a page for a name": (
        "not well-formed",
        lambda p, r: _new_note(p, r, kept_from=json.dumps({"by": "x" * 5000, "at": AT})),
    ),
    "a 2 MB note": ("not well-formed", lambda p, r: _new_note(p, r, body=os.urandom(1_000_000).hex())),
}


def _data_files(pair: Pair) -> dict[str, str]:
    # The -shm file is SQLite's shared index of the WAL, rewritten by any reader: not data.
    digests = file_digests(pair.ben_library.data_dir)
    return {name: digest for name, digest in digests.items() if not name.endswith("-shm")}


@pytest.mark.parametrize("sealed", list(SEALERS))
@pytest.mark.parametrize("name", list(CASES))
def test_a_malformed_or_forged_record_refuses_the_whole_file(pair: Pair, name: str, sealed: str) -> None:
    message, craft = CASES[name]
    path = SEALERS[sealed](pair, craft(pair, _records(pair)))
    before = _data_files(pair)
    for act in (exchange.preview_import, exchange.apply_import):
        with pytest.raises(SyncFileError, match=message):
            act(pair.ben, path, pair.key)
    assert _data_files(pair) == before
    assert pair.ben.snapshot().notes == []  # not even the honest note came in


@pytest.mark.parametrize("sealed", list(SEALERS))
def test_an_honest_file_from_the_partner_passes_the_validator(pair: Pair, sealed: str) -> None:
    path = SEALERS[sealed](pair, _records(pair))
    report = exchange.apply_import(pair.ben, path, pair.key)
    assert report.counts.added == 1
    assert [n.body for n in pair.ben.snapshot().notes] == ["Ana's shared words"]
    back = pair.send(pair.ben, pair.ana)  # my own records going back are not "forged"
    assert back.counts.conflicted == 0


@pytest.mark.parametrize("sealed", list(SEALERS))
def test_hostile_numbers_and_timer_states_are_refused(pair: Pair, sealed: str) -> None:
    session = pair.ana.add_session(scheduled_at="2026-01-06T09:00:00.000Z")
    records = _records(pair)
    row = _of(records, "sessions")["row"]
    for bad in (
        {"timer_state": json.dumps([1, 2])},
        {"minutes_per_turn": 10**20},
        {"minutes_per_turn": True},  # a JSON boolean is no number of minutes
        {"minutes_per_turn": 0},
        {"speaker_order": "{}"},  # empty, but not the list it must be
        {"seconds_by_speaker": "[]"},
        {"timer_state": "[]"},
        {"seconds_by_speaker": json.dumps({"p": -5})},
    ):
        crafted = [item for item in records if item["kind"] != "sessions"]
        crafted.append({"kind": "sessions", "ctx": {}, "row": row | bad})
        with pytest.raises(SyncFileError, match="not well-formed"):
            exchange.apply_import(pair.ben, SEALERS[sealed](pair, crafted), pair.key)
    assert session.id not in {s.id for s in pair.ben.snapshot().sessions}
