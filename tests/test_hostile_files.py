"""Files handed to the app are read through one bounded reader: a FIFO, a device, a link
to /dev/zero, a huge sparse file, a payload made to inflate or a flood of records each end
in one clear line, fast and in bounded memory, with the notebook byte-identical."""

from __future__ import annotations

import io
import json
import os
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import file_digests
from sync_helpers import Pair, make_pair

from peercoach_desktop.cli.main import main
from peercoach_desktop.sync import exchange, sealed_parts, sync_file
from peercoach_desktop.sync.sealed import MAX_PAYLOAD, seal
from peercoach_desktop.system.bounded_input import inflate
from peercoach_desktop.vault import recovery
from peercoach_desktop.vault.opener import open_notebook


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    p = make_pair(tmp_path)
    yield p
    p.close()


def _ben_cli(pair: Pair, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str, float]:
    """peercoach on Ben's laptop, in a watchdog thread: a read that blocks fails the test."""
    result: dict[str, int] = {}

    def run() -> None:
        argv = ["--data-dir", str(pair.ben_library.data_dir), *args]
        result["code"] = main(argv, keystore=pair.ben_library.keystore, clock=pair.clock)

    start = time.perf_counter()
    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=30)
    took = time.perf_counter() - start
    assert not worker.is_alive(), f"peercoach {args[0]} still running after 30 s"
    out, err = capsys.readouterr()
    return result["code"], out, err, took


def _hostile(pair: Pair, folder: Path) -> dict[str, Path]:
    head = {"format": 1, "partnership_id": pair.ana.partnership_id, "sender": pair.ana.me_id}
    head |= {"written_at": "2026-01-05T09:00:00.000Z"}
    files: dict[str, Path] = {}

    fifo = folder / "fifo.pcsync"
    os.mkfifo(fifo)
    files["a FIFO (would block for ever)"] = fifo
    zero = folder / "zero.pcsync"
    zero.symlink_to("/dev/zero")
    files["a link to /dev/zero (never ends)"] = zero
    files["a folder"] = folder / "folder.pcsync"
    files["a folder"].mkdir()
    sparse = folder / "sparse.pcsync"
    good = seal(sync_file.MAGIC, head, pair.key, {"records": []})
    with open(sparse, "wb") as handle:  # a valid header, then 2 GB of holes
        handle.write(good)
        handle.truncate(2 * 1024**3)
    files["a 2 GB sparse file with a valid header"] = sparse

    # Sealed with the real sync key: only the bounds stop them.
    flood = folder / "flood.pcsync"
    records = [{"kind": "notes", "ctx": {}, "row": {"id": os.urandom(6).hex()}} for _ in range(320_000)]
    flood.write_bytes(seal(sync_file.MAGIC, head, pair.key, {"records": records}))
    files["320k records (over the 300k a sync file may hold)"] = flood
    repeated = folder / "repeated.pcsync"
    records = [{"kind": "notes", "ctx": {}, "row": {}}] * 1_000_000
    repeated.write_bytes(seal(sync_file.MAGIC, head, pair.key, {"records": records}))
    files["1e6 records in a 6 MB file"] = repeated
    bomb = folder / "bomb.pcsync"
    packer = zlib.compressobj(9)
    parts = [packer.compress(b'{"records": [], "pad": "')]
    parts += [packer.compress(b" " * (1 << 20)) for _ in range(400)]  # 400 MB of spaces
    parts += [packer.compress(b'"}'), packer.flush()]
    bomb.write_bytes(_reseal(pair, head, b"".join(parts)))
    files["a payload inflating to 400 MB"] = bomb
    deep = folder / "deep.pcsync"
    nested = "[" * 200_000 + "]" * 200_000
    raw = zlib.compress(('{"records": ' + nested + "}").encode())
    deep.write_bytes(_reseal(pair, head, raw))
    files["JSON nested 200,000 deep"] = deep
    return files


def _reseal(pair: Pair, head: dict[str, object], body: bytes) -> bytes:
    """A sealed file whose compressed body is given as is (not valid JSON when built by seal)."""
    import struct

    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    nonce = os.urandom(12)
    header = json.dumps(head | {"nonce": nonce.hex()}, sort_keys=True).encode()
    prefix = sync_file.MAGIC + struct.pack(">I", len(header)) + header
    return prefix + ChaCha20Poly1305(pair.key).encrypt(nonce, body, prefix)


def test_hostile_sync_files_are_refused_fast_with_one_line_and_change_nothing(
    pair: Pair, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    folder = tmp_path / "hostile"
    folder.mkdir()
    files = _hostile(pair, folder)
    pair.close()
    ben_dir = pair.ben_library.data_dir
    open_notebook(pair.ben_library, pair.ben_library.descriptors()[0]).close()  # today's backup first
    before = file_digests(ben_dir)
    timings: list[tuple[str, float]] = []
    for name, path in files.items():
        for command in (["import", str(path)], ["import", str(path), "--json"]):
            code, out, err, took = _ben_cli(pair, capsys, *command)
            assert code == 1 and out == "", (name, err)
            assert err.count("\n") == 1 and "Traceback" not in err and "internal error" not in err, (
                name,
                err,
            )
            if "--json" in command:
                assert json.loads(err)["error"]["message"], name
            timings.append((name, took))
            assert took < 10, (name, took)
            assert file_digests(ben_dir) == before, name
    print("hostile sync files, seconds to refuse:", [(n, round(t, 2)) for n, t in timings])


def test_join_and_restore_refuse_a_fifo_and_dev_zero(
    pair: Pair, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("pairing words\n"))
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    zero = tmp_path / "zero"
    zero.symlink_to("/dev/zero")
    code = recovery.encode(os.urandom(32))  # a well-formed code: the file is what is refused
    for path in (fifo, zero):
        joined = _ben_cli(pair, capsys, "join", str(path), "--passphrase-file", "-")
        assert joined[0] == 1 and "not a regular file" in joined[2], joined
        restored = _ben_cli(pair, capsys, "restore-backup", str(path), "--code", code)
        assert restored[0] == 1 and "not a regular file" in restored[2], restored


def test_inflate_stops_at_its_total_and_ratio_caps() -> None:
    bomb = zlib.compress(b"\0" * (64 * 1024**2))  # 64 MB from ~64 kB
    with pytest.raises(ValueError):
        inflate(bomb, max_bytes=MAX_PAYLOAD, max_ratio=100)
    with pytest.raises(ValueError):
        inflate(bomb, max_bytes=1024**2, max_ratio=10_000)
    text = json.dumps({"records": ["a note of ordinary words"] * 1000}).encode()
    assert inflate(zlib.compress(text), max_bytes=MAX_PAYLOAD, max_ratio=100) == text
    with pytest.raises(ValueError):
        inflate(zlib.compress(text)[:-3], max_bytes=MAX_PAYLOAD, max_ratio=100)  # cut short


def test_an_ordinary_import_reads_and_decrypts_the_file_once(
    pair: Pair, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pair.ana.add_note("shared words")
    path = pair.folder / "a.pcsync"
    exchange.export_file(pair.ana, pair.key, path)
    pair.close()
    _header, content = sync_file.open_file(path.read_bytes(), pair.key, pair.ana.partnership_id)
    pieces = 1 + len(content.digests())  # the manifest and each part, each sealed on its own
    reads: list[Path] = []
    opened: list[str] = []  # the nonce of each piece decrypted
    real_read, real_decrypt = sync_file.read_file, sealed_parts.decrypt
    monkeypatch.setattr(sync_file, "read_file", lambda p: reads.append(p) or real_read(p))
    monkeypatch.setattr(sealed_parts, "decrypt", lambda *a: opened.append(a[0]["nonce"]) or real_decrypt(*a))
    code, out, err, _ = _ben_cli(pair, capsys, "import", str(path), "--json")
    assert code == 0, err
    assert json.loads(out)["added"] == 1
    assert reads == [path] and len(opened) == len(set(opened)) == pieces
