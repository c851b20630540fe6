"""The sync file format: round trips, and every bad file refused with one clear line,
leaving the notebook byte-identical."""

from __future__ import annotations

import hashlib
import io
import json
import os
import struct
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from helpers import file_digests
from hypothesis import given, settings
from hypothesis import strategies as st
from sync_helpers import Pair, make_pair

from peercoach_desktop.cli.main import main
from peercoach_desktop.domain.errors import SyncFileError
from peercoach_desktop.domain.merge import Entry, make_ctx
from peercoach_desktop.domain.model import Note, NoteKind, Visibility
from peercoach_desktop.storage import sync_rows
from peercoach_desktop.sync import exchange, pairing, sync_file
from peercoach_desktop.sync.sealed import read_header, seal, seal_bytes
from peercoach_desktop.vault.opener import open_notebook
from peercoach_desktop.vault.passphrase import KdfParams

KEY = bytes(range(32))
HEADER = sync_file.SyncHeader(sync_file.FORMAT, "p-1", "peer-ana", "2026-01-05T09:00:00.000Z")


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    p = make_pair(tmp_path)
    yield p
    p.close()


def note_entry(body: str, version: str, ctx: dict[str, str], deleted: bool = False) -> Entry:
    note = Note(
        id="n-1",
        created_at="2026-01-05T09:00:00.000Z",
        updated_at="2026-01-05T09:00:00.000Z",
        version=version,
        author_id="peer-ana",
        deleted=deleted,
        body=body,
        kind=NoteKind.REFLECTION,
        visibility=Visibility.SHARED,
        session_id=None,
        goal_id="g-1",
    )
    return Entry("notes", note, make_ctx(ctx))


versions = st.builds(
    lambda wall, counter, node: f"{wall:012x}.{counter:04x}.{node}",
    st.integers(0, 2**47),
    st.integers(0, 0xFFFF),
    st.sampled_from(["peer-ana", "peer-ben"]),
)


@settings(max_examples=100, deadline=None)
@given(
    st.text(min_size=1),
    versions,
    st.dictionaries(st.sampled_from(["peer-ana", "peer-ben"]), versions),
    st.booleans(),
)
def test_any_record_round_trips(body: str, version: str, ctx: dict[str, str], deleted: bool) -> None:
    entry = note_entry(body, version, ctx, deleted)
    header, entries = sync_file.decode(sync_file.encode(HEADER, [entry], KEY), KEY, "p-1")
    assert (header, entries) == (HEADER, [entry])


def test_a_whole_notebook_round_trips(pair: Pair) -> None:
    goal = pair.ana.add_goal("me", "Delegate more", why="I am the bottleneck")
    session = pair.ana.add_session("2026-02-01T10:00:00Z", minutes=20)
    pair.ana.add_note("Felt heard", session=session.id, goal=goal.id)
    pair.ana.add_step("partner", "Draft the list", goal=goal.id, due_date="2026-02-08")
    state = sync_rows.read_state(pair.ana._conn)
    out = pair.folder / "all.pcsync"
    exchange.export_file(pair.ana, pair.key, out)
    header, entries = sync_file.decode(out.read_bytes(), pair.key, pair.ana.partnership_id)
    assert header.sender == pair.ana.me_id and header.format == sync_file.FORMAT
    assert sorted(entries, key=lambda e: e.key) == sorted(
        sync_file.shared_entries(state), key=lambda e: e.key
    )


def test_private_notes_are_not_in_the_file_even_deleted(pair: Pair) -> None:
    secret = pair.ana.add_note("MARKER-private-words", private=True)
    gone = pair.ana.add_note("MARKER-deleted-private", private=True)
    pair.ana._change(gone, deleted=True)
    pair.ana.add_note("shared words")
    out = pair.folder / "a.pcsync"
    exchange.export_file(pair.ana, pair.key, out)
    _, entries = sync_file.decode(out.read_bytes(), pair.key, pair.ana.partnership_id)
    sent = json.dumps([sync_file.entry_to_json(e) for e in entries])
    assert "shared words" in sent
    for leaked in ("MARKER", secret.id, gone.id):
        assert leaked not in sent
    assert b"shared words" not in out.read_bytes()  # and nothing is in the clear


def test_the_header_is_authenticated(pair: Pair) -> None:
    pair.ana.add_note("hello")
    out = pair.folder / "a.pcsync"
    exchange.export_file(pair.ana, pair.key, out)
    data = out.read_bytes()
    forged = data.replace(pair.ana.me_id.encode(), pair.ben.me_id.encode())  # claim another sender
    assert forged != data
    with pytest.raises(SyncFileError, match="changed or cut short"):
        sync_file.decode(forged, pair.key, pair.ana.partnership_id)


# ----- bad files through the command line -------------------------------------------------------


Edit = Callable[[list[list[Any]], list[bytes], bytes], None]


def remade(data: bytes, key: bytes, edit: Edit) -> bytes:
    """A format-3 file with its manifest and parts changed by `edit(manifest, parts, prefix)`,
    the manifest sealed again with the partnership's key (what a hostile partner can make;
    someone without the key cannot even do that)."""
    head, prefix, rest = read_header(data, sync_file.MAGIC, "sync file")
    (size,) = struct.unpack(">I", rest[:4])
    sealed_manifest = rest[4 : 4 + size]
    manifest = json.loads(
        zlib.decompress(ChaCha20Poly1305(key).decrypt(bytes.fromhex(head["nonce"]), sealed_manifest, prefix))
    )["parts"]
    parts, at = [], 4 + size
    for _kind, _count, part_size, _nonce, _digest in manifest:
        parts.append(rest[at : at + part_size])
        at += part_size
    edit(manifest, parts, prefix)
    for row, part in zip(manifest, parts, strict=True):
        row[2] = len(part)
    plain = zlib.compress(json.dumps({"parts": manifest}).encode())
    sealed_manifest = ChaCha20Poly1305(key).encrypt(bytes.fromhex(head["nonce"]), plain, prefix)
    return prefix + struct.pack(">I", len(sealed_manifest)) + sealed_manifest + b"".join(parts)


def _notes_part(manifest: list[list[Any]]) -> int:
    return next(i for i, row in enumerate(manifest) if row[0] == "notes")


def _sealed_part(key: bytes, prefix: bytes, plain: bytes) -> tuple[str, bytes]:
    nonce = os.urandom(12)
    return nonce.hex(), ChaCha20Poly1305(key).encrypt(nonce, zlib.compress(plain), prefix)


def parted_bad_files(pair: Pair, data: bytes) -> dict[str, bytes]:
    """Format-3 files (manifest and parts) that must be refused whole."""
    key = pair.key
    other = pair.folder / "other.pcsync"
    exchange.export_file(pair.ana, key, other)  # the same records: parts of the same sizes
    other_head, other_prefix, other_rest = read_header(other.read_bytes(), sync_file.MAGIC, "sync file")

    def cut_part(manifest: list[list[Any]], parts: list[bytes], prefix: bytes) -> None:
        i = _notes_part(manifest)
        parts[i] = parts[i][:-5]

    def part_of_another_file(manifest: list[list[Any]], parts: list[bytes], prefix: bytes) -> None:
        theirs: dict[str, list[Any]] = {}
        remade(other.read_bytes(), key, lambda m, p, _x: theirs.update(manifest=m, parts=p))
        i = _notes_part(manifest)
        manifest[i][3], parts[i] = theirs["manifest"][i][3], theirs["parts"][i]

    def digest_of_other_content(manifest: list[list[Any]], parts: list[bytes], prefix: bytes) -> None:
        manifest[_notes_part(manifest)][4] = hashlib.sha256(b"other words").hexdigest()

    def count_that_lies(manifest: list[list[Any]], parts: list[bytes], prefix: bytes) -> None:
        manifest[_notes_part(manifest)][1] += 1

    def part_of_no_table(manifest: list[list[Any]], parts: list[bytes], prefix: bytes) -> None:
        manifest[_notes_part(manifest)][0] = "sqlite_master"

    def part_of_another_table(manifest: list[list[Any]], parts: list[bytes], prefix: bytes) -> None:
        manifest[_notes_part(manifest)][0] = "goals"

    def part_too_big(manifest: list[list[Any]], parts: list[bytes], prefix: bytes) -> None:
        plain = b"[" + b" " * (40 << 20) + b"]"  # inflates 40 MiB from ~40 KiB
        nonce, part = _sealed_part(key, prefix, plain)
        manifest.append(["notes", 0, 0, nonce, hashlib.sha256(plain).hexdigest()])
        parts.append(part)

    def part_not_a_list(manifest: list[list[Any]], parts: list[bytes], prefix: bytes) -> None:
        plain = b'{"kind": "notes"}'
        nonce, part = _sealed_part(key, prefix, plain)
        manifest.append(["notes", 1, 0, nonce, hashlib.sha256(plain).hexdigest()])
        parts.append(part)

    assert other_head["nonce"] and other_prefix and other_rest
    return {
        "a part cut short": remade(data, key, cut_part),
        "a part from another file": remade(data, key, part_of_another_file),
        "a manifest naming other content": remade(data, key, digest_of_other_content),
        "a manifest count that lies": remade(data, key, count_that_lies),
        "a part of no table": remade(data, key, part_of_no_table),
        "a part of another table": remade(data, key, part_of_another_table),
        "a part too big": remade(data, key, part_too_big),
        "a part that is not a list": remade(data, key, part_not_a_list),
        "bytes after the last part": data + b"more",
    }


def bad_files(pair: Pair) -> dict[str, bytes]:
    pair.ana.add_note("Shared words")
    good = pair.folder / "good.pcsync"
    exchange.export_file(pair.ana, pair.key, good)
    data = good.read_bytes()
    head = {"format": 1, "partnership_id": pair.ana.partnership_id, "sender": pair.ana.me_id}
    head |= {"written_at": "2026-01-05T09:00:00.000Z"}
    middle = len(data) // 2
    line = json.dumps(sync_file.entry_to_json(sync_file.shared_entries(pair.ana.sync_state())[-1])).encode()
    return {
        "empty": b"",
        "random": os.urandom(4096),
        "only the magic": sync_file.MAGIC,
        "cut in the header": data[: len(sync_file.MAGIC) + 20],
        "cut in the payload": data[:middle],
        "last byte missing": data[:-1],
        "a flipped payload byte": data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1 :],
        "a flipped header byte": data.replace(b'"format": 3', b'"format": 0'),
        "wrong key": seal(sync_file.MAGIC, head, os.urandom(32), {"records": []}),
        "future format": seal(
            sync_file.MAGIC, head | {"format": sync_file.FORMAT + 1}, pair.key, {"records": []}
        ),
        "an entry unlike its tag": seal_bytes(
            sync_file.MAGIC, head | {"format": 2}, pair.key, b"1\nnotes\tx\t1.0.a\n" + line, 1
        ),
        "a tag of no table": seal_bytes(
            sync_file.MAGIC, head | {"format": 2}, pair.key, b"1\nnope\tx\t1.0.a\n" + line, 1
        ),
        "a count that lies": seal_bytes(
            sync_file.MAGIC, head | {"format": 2}, pair.key, b"2\nnotes\tx\t1.0.a\n" + line, 1
        ),
        "no count": seal_bytes(
            sync_file.MAGIC, head | {"format": 2}, pair.key, b"notes\tx\t1.0.a\n" + line, 1
        ),
        "not a list of records": seal(sync_file.MAGIC, head, pair.key, {"records": [{"kind": "x"}]}),
        "other partnership": seal(sync_file.MAGIC, head | {"partnership_id": "x"}, pair.key, {"records": []}),
        **parted_bad_files(pair, data),
    }


def test_every_bad_file_is_one_clear_error_and_changes_nothing(
    pair: Pair, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    files = bad_files(pair)
    pair.close()
    ben_dir = pair.ben_library.data_dir
    descriptor = pair.ben_library.descriptors()[0]
    open_notebook(pair.ben_library, descriptor).close()  # the day's backup is taken on this first open
    before = file_digests(ben_dir)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    for name, data in files.items():
        path = pair.folder / "bad.pcsync"
        path.write_bytes(data)
        for extra in ([], ["--dry-run"], ["--json"]):
            args = ["--data-dir", str(ben_dir), "import", str(path), *extra]
            code = main(args, keystore=pair.ben_library.keystore, clock=pair.clock)
            out, err = capsys.readouterr()
            assert code == 1, name
            assert err.count("\n") == 1, (name, err)
            if "--json" in extra:  # a script reads the error as JSON, with a stable kind
                assert json.loads(err)["error"]["kind"] in ("sync_file", "not_found"), (name, err)
            else:
                assert err.startswith("peercoach: "), (name, err)
            assert "Traceback" not in err and out == "", name
            assert file_digests(ben_dir) == before, name


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty", "not a PeerCoach sync file"),
        ("random", "not a PeerCoach sync file"),
        ("cut in the header", "not a PeerCoach sync file"),
        ("cut in the payload", "changed or cut short"),
        ("a flipped payload byte", "changed or cut short"),
        ("wrong key", "different key"),
        ("future format", "newer PeerCoach Desktop"),
        ("not a list of records", "damaged"),
        ("other partnership", "another partnership"),
        ("a part cut short", "changed or cut short"),
        ("a part from another file", "changed or cut short"),
        ("bytes after the last part", "changed or cut short"),
        ("a manifest naming other content", "damaged"),
        ("a manifest count that lies", "damaged"),
        ("a part of no table", "damaged"),
        ("a part of another table", "damaged"),
        ("a part too big", "damaged"),
        ("a part that is not a list", "damaged"),
    ],
)
def test_each_bad_file_says_what_is_wrong(pair: Pair, name: str, message: str) -> None:
    path = pair.folder / "bad.pcsync"
    path.write_bytes(bad_files(pair)[name])
    with pytest.raises(SyncFileError, match=message):
        exchange.apply_import(pair.ben, path, pair.key)


GOOD = sync_file.encode(HEADER, [note_entry("words", "000000000001.0000.peer-ana", {})], KEY)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(GOOD) - 1), st.integers(1, 255), st.integers(0, len(GOOD)))
def test_any_damage_is_refused_as_a_sync_file_error(at: int, flip: int, cut: int) -> None:
    for damaged in (
        GOOD[:at] + bytes([GOOD[at] ^ flip]) + GOOD[at + 1 :],
        GOOD[:cut] if cut < len(GOOD) else b"",
    ):
        with pytest.raises(SyncFileError):
            sync_file.decode(damaged, KEY, "p-1")


# ----- invitation files ------------------------------------------------------------------------


def test_invitation_refuses_damage_and_weak_or_extreme_key_derivation(pair: Pair) -> None:
    out = pair.folder / "invite"
    pairing.write_invitation(pair.ana_library, pair.ana.partnership_id, "pairing words", out)
    data = out.read_bytes()
    assert pairing.read_invitation(data, "pairing words").sync_key == pair.key
    with pytest.raises(SyncFileError, match="passphrase does not open"):
        pairing.read_invitation(data[:-1], "pairing words")
    with pytest.raises(SyncFileError, match="not a PeerCoach invitation"):
        pairing.read_invitation(data[:10], "pairing words")
    for weak in (
        {"memory_kib": 1024},
        {"time_cost": 0},
        {"memory_kib": 64 * 1024 * 1024},
        {"parallelism": 64},
    ):
        kdf = KdfParams(salt_hex="00" * 16, **weak)
        crafted = seal(pairing.MAGIC, {"format": 1, "kdf": kdf.to_dict()}, bytes(32), {})
        with pytest.raises(SyncFileError, match="not a PeerCoach invitation"):
            pairing.read_invitation(crafted, "pairing words")
