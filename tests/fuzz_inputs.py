"""The fuzz run behind test_fuzz_inputs.py, in its own process so its memory can be capped.

Seeded mutations of a real sync file, invitation and backup (bytes flipped, cut, inserted,
duplicated; and, sealed again with the real key, records whose fields are set to hostile
values) are handed to `peercoach import`, `join` and `restore-backup` through main(). Each
case ends as accepted (exit 0), refused (exit 1 or 2 with one line on stderr) or a failure
(a traceback, "internal error", several lines, an exception out of main, a hang, or a
refusal that changed the notebook). Prints one JSON report on stdout.

    python tests/fuzz_inputs.py WORKDIR SEED '{"import": 150, "join": 36, "restore-backup": 150}'
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import io
import json
import os
import random
import shutil
import struct
import sys
import time
import zlib
from pathlib import Path
from typing import Any

from sync_helpers import PAIRING, make_pair

from peercoach_desktop.cli.main import main
from peercoach_desktop.sync import pairing, sync_file
from peercoach_desktop.sync.sealed import read_header
from peercoach_desktop.vault import backup
from peercoach_desktop.vault.opener import open_notebook
from peercoach_desktop.vault.passphrase import KdfParams, derive_key

HOSTILE_VALUES: list[Any] = [
    None,
    "",
    0,
    -1,
    10**20,
    1.5,
    True,
    [],
    {},
    "x" * 5000,
    "\ud800",
    "ffff",
    "000000000000.0000.peer-mallory",
    "1000000000000.0000.x",
    [[[[[[[[[[[[]]]]]]]]]]]],
    {"format": 2},
    "[1,2]",
    "{}",
    "\x1b]0;t\x07",
    "peer-mallory",
]


def digests(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith("-shm")
    }


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    how = rng.choice(["flip", "flip", "cut", "insert", "delete", "duplicate", "zero"])
    at = rng.randrange(max(1, len(data)))
    if how == "flip":
        return data[:at] + bytes([data[at] ^ (1 << rng.randrange(8))]) + data[at + 1 :]
    if how == "cut":
        return data[:at]
    if how == "insert":
        return data[:at] + os.urandom(rng.randint(1, 64)) + data[at:]
    if how == "delete":
        return data[:at] + data[at + rng.randint(1, 64) :]
    if how == "duplicate":
        return data[:at] + data[at : at + 4096] + data[at:]
    return data[:at] + bytes(rng.randint(1, 4096)) + data[at + 4096 :]


def mutate_payload(payload: Any, rng: random.Random) -> Any:
    payload = copy.deepcopy(payload)
    records = payload.get("records") if isinstance(payload, dict) else None
    if not records or rng.random() < 0.1:
        key = rng.choice([*(payload if isinstance(payload, dict) else {"records": 0}), "records"])
        payload[key] = rng.choice(HOSTILE_VALUES)
        return payload
    item = rng.choice(records)
    target = rng.choice(["row", "row", "row", "ctx", "kind", "item"])
    if target == "row" and isinstance(item.get("row"), dict) and item["row"]:
        field = rng.choice(sorted(item["row"]))
        if rng.random() < 0.15:
            del item["row"][field]
        else:
            item["row"][field] = rng.choice(HOSTILE_VALUES)
    elif target == "ctx":
        item["ctx"] = rng.choice([{"peer-mallory": "x"}, [], "x", {"a": 1}, None])
    elif target == "kind":
        item["kind"] = rng.choice(["peers", "partnership", "sqlite_master", "", None, 1])
    else:
        records.append(rng.choice([copy.deepcopy(item), None, [], "x", {"kind": "notes"}]))
    return payload


def reseal(magic: bytes, head: dict[str, Any], key: bytes, payload: Any) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    nonce = os.urandom(12)
    header = json.dumps({k: v for k, v in head.items() if k != "nonce"} | {"nonce": nonce.hex()}).encode()
    prefix = magic + struct.pack(">I", len(header)) + header
    body = zlib.compress(json.dumps(payload, ensure_ascii=True).encode("ascii"))
    return prefix + ChaCha20Poly1305(key).encrypt(nonce, body, prefix)


def opened(magic: bytes, data: bytes, key: bytes) -> tuple[dict[str, Any], Any]:
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    head, prefix, body = read_header(data, magic, "file")
    if magic == sync_file.MAGIC and head["format"] >= 3:
        # Format 3 is a manifest and sealed parts (test_sync_file.parted_bad_files tampers with
        # those); the semantic mutations are resealed as a format-1 file, as for format 2.
        _header, entries = sync_file.decode(data, key, head["partnership_id"])
        return head | {"format": 1}, {"records": [sync_file.entry_to_json(e) for e in entries]}
    raw = zlib.decompress(ChaCha20Poly1305(key).decrypt(bytes.fromhex(head["nonce"]), body, prefix))
    if magic == sync_file.MAGIC and head["format"] >= 2:
        # Format 2 is a count, version tags and one entry per line; the semantic mutations work
        # on records, so they are resealed as a format-1 file (which the app still reads).
        # Byte-level mutations of the seed keep exercising format 2 itself.
        lines = raw.decode("utf-8").split("\n")
        count = int(lines[0])
        return head | {"format": 1}, {"records": [json.loads(line) for line in lines[1 + count :]]}
    return head, json.loads(raw)


def run_cli(data_dir: Path, keystore: Any, clock: Any, *args: str) -> tuple[str, str]:
    """(outcome, detail): outcome is accepted, refused or failure."""
    err = io.StringIO()
    start = time.perf_counter()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main(["--data-dir", str(data_dir), *args], keystore=keystore, clock=clock)
    except BaseException as exc:  # out of main: a traceback a user would see
        return "failure", f"{type(exc).__name__} escaped main"
    text = err.getvalue()
    if time.perf_counter() - start > 20:
        return "failure", "took over 20 s"
    if "Traceback" in text or "internal error" in text:
        return "failure", text.strip()[-300:]
    if code == 0:
        return "accepted", ""
    if code in (1, 2) and text.count("\n") == 1:
        return "refused", text.strip()
    return "failure", f"exit {code}: {text.strip()[-300:]}"


def main_run(work: Path, seed: int, cases: dict[str, int]) -> dict[str, Any]:
    rng = random.Random(seed)
    pair = make_pair(work / "pair")
    ana, ben = pair.ana, pair.ben
    goal = ana.add_goal("me", "Say no more often", why="time")
    ana.add_note("Shared words about the budget", goal=goal.id)
    ana.add_step("me", "Decline one meeting", goal=goal.id)
    ana.add_session(scheduled_at="2026-01-06T09:00:00.000Z")
    sync_path = pair.folder / "ana.pcsync"
    from peercoach_desktop.sync import exchange

    exchange.export_file(ana, pair.key, sync_path)
    invite_path = pair.folder / "ana.pcinvite"
    ana.close()
    ben.close()
    pairing.write_invitation(pair.ana_library, ana.partnership_id, PAIRING, invite_path)
    ana_descriptor = pair.ana_library.descriptors()[0]
    backup_path = backup.backup_now(pair.ana_library, ana_descriptor, pair.folder / "ana-backup.pcnb")
    code = _code(pair)
    pass_file = pair.folder / "pairing.txt"
    pass_file.write_text(PAIRING + "\n")

    ben_dir = pair.ben_library.data_dir
    open_notebook(pair.ben_library, pair.ben_library.descriptors()[0]).close()  # today's backup first
    pristine = work / "ben-pristine"
    shutil.copytree(ben_dir, pristine)
    before = digests(ben_dir)
    seeds = {
        "import": sync_path.read_bytes(),
        "join": invite_path.read_bytes(),
        "restore-backup": backup_path.read_bytes(),
    }
    invite_head = read_header(seeds["join"], pairing.MAGIC, "file")[0]
    invite_key = derive_key(PAIRING, KdfParams(**invite_head["kdf"]))
    sync_head, sync_payload = opened(sync_file.MAGIC, seeds["import"], pair.key)
    _, invite_payload = opened(pairing.MAGIC, seeds["join"], invite_key)

    report: dict[str, Any] = {}
    case_file = work / "case"
    for klass, seed_bytes in seeds.items():
        counts = {"attempts": 0, "accepted": 0, "refused": 0, "failures": 0}
        failures: list[str] = []
        started = time.perf_counter()
        for index in range(cases[klass]):
            semantic = klass != "restore-backup" and index % 3 == 0 and (klass == "import" or index % 9 == 0)
            if semantic and klass == "import":
                data = reseal(sync_file.MAGIC, sync_head, pair.key, mutate_payload(sync_payload, rng))
            elif semantic:
                data = reseal(pairing.MAGIC, invite_head, invite_key, mutate_payload(invite_payload, rng))
            else:
                data = seed_bytes
                for _ in range(rng.choice([1, 1, 1, 2, 3])):
                    data = mutate_bytes(data, rng)
            case_file.write_bytes(data)
            counts["attempts"] += 1
            if klass == "import":
                outcome, detail = run_cli(
                    ben_dir, pair.ben_library.keystore, pair.clock, "import", str(case_file)
                )
                changed = digests(ben_dir) != before
                if outcome == "refused" and changed:
                    outcome, detail = "failure", "a refused import changed the notebook"
                if changed:
                    shutil.rmtree(ben_dir)
                    shutil.copytree(pristine, ben_dir)
            elif klass == "join":
                target = work / f"join-{index}"
                outcome, detail = run_cli(
                    target,
                    _fresh_keystore(),
                    pair.clock,
                    "join",
                    str(case_file),
                    "--passphrase-file",
                    str(pass_file),
                )
                if outcome == "refused" and target.exists() and digests(target):
                    outcome, detail = "failure", "a refused join left files behind"
                shutil.rmtree(target, ignore_errors=True)
            else:
                target = work / f"restore-{index}"
                outcome, detail = run_cli(
                    target, _fresh_keystore(), pair.clock, "restore-backup", str(case_file), "--code", code
                )
                if (
                    outcome == "refused"
                    and target.exists()
                    and any(p.suffix == ".pcnb" for p in target.rglob("*"))
                ):
                    outcome, detail = "failure", "a refused restore left a notebook behind"
                shutil.rmtree(target, ignore_errors=True)
            counts[outcome if outcome != "failure" else "failures"] += 1
            if outcome == "failure":
                failures.append(f"case {index}: {detail}")
        seconds = round(time.perf_counter() - started, 1)
        report[klass] = counts | {"seconds": seconds, "failure_examples": failures[:5]}
    return report


def _code(pair: Any) -> str:
    from peercoach_desktop.vault import recovery

    descriptor = pair.ana_library.descriptors()[0]
    return recovery.encode(pair.ana_library.keystore.get(descriptor.notebook_id))


def _fresh_keystore() -> Any:
    from peercoach_desktop.vault.keystore import MemoryKeyStore

    return MemoryKeyStore()


if __name__ == "__main__":
    work, seed, cases = Path(sys.argv[1]), int(sys.argv[2]), json.loads(sys.argv[3])
    start = time.perf_counter()
    result = main_run(work, seed, cases)
    result["seconds"] = round(time.perf_counter() - start, 1)
    print(json.dumps(result))
