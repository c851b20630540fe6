"""A `peercoach rekey` killed at each of its steps, against a real Secret Service:
the notebook always opens with the old key or the new one, and says which."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from cli_runner import run_cli

from peercoach_desktop.storage import notebook_file
from peercoach_desktop.vault import recovery, rekey
from peercoach_desktop.vault.keystore import OsKeyStore
from peercoach_desktop.vault.library import Library

# step -> which key opens the notebook after a crash there
STEPS = {
    "locked": "old",
    "marked": "old",
    "pending-stored": "old",
    "copy-written": "old",
    "renamed": "new",
    "promoted": "new",
    "backup-written": "new",  # inside today's backup under the new key, before the code is shown
}
CODE = re.compile(r"\b(?:[0-9A-Z]{4}-){13}[0-9A-Z]{4}\b")


def _notebook(data: Path) -> dict[str, str]:
    created = Library(data, OsKeyStore()).create("Ana", "Ben")
    with created.store as store:
        for i in range(30):
            store.add_note(f"committed word {i}")
    d = created.descriptor
    return {"id": d.partnership_id, "notebook_id": d.notebook_id, "recovery_code": created.recovery_code}


@pytest.mark.parametrize("step", list(STEPS))
def test_rekey_killed_at_each_step_leaves_a_notebook_that_opens(
    step: str, secret_service: dict[str, str], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    created = _notebook(data)
    old_key = recovery.decode(created["recovery_code"])

    crashed = run_cli(data, dict(secret_service, **{rekey.CRASH_ENV: step}), "rekey", created["id"])
    assert crashed.code == rekey.CRASH_EXIT

    shown = run_cli(data, secret_service, "show", created["id"], "--json")
    assert shown.code == 0, shown.err
    assert len(json.loads(shown.out)["notes"]) == 30
    key_now = OsKeyStore().get(created["notebook_id"])
    assert OsKeyStore().get(rekey.pending_entry(created["notebook_id"])) is None
    if STEPS[step] == "old":
        assert key_now == old_key
        assert step in ("locked", "marked") or "previous key" in shown.err  # told which key
    else:
        assert key_now != old_key and "NEW key" in shown.err
        assert [recovery.decode(c) for c in CODE.findall(shown.err)] == [key_now]  # the code it names
        wrong = run_cli(data, secret_service, "recover", created["id"], "--code", created["recovery_code"])
        assert wrong.code == 1
    leftovers = [".*.rekey*", ".*.key-pending", ".*.partial"]
    assert not [p for pattern in leftovers for p in data.rglob(pattern)]
    again = run_cli(data, secret_service, "rekey", created["id"], "--json")  # a later rotation works
    assert again.code == 0, again.err
    assert OsKeyStore().get(created["notebook_id"]) == recovery.decode(json.loads(again.out)["recovery_code"])


def test_restore_replace_killed_after_the_swap_opens_with_the_backup_key(
    secret_service: dict[str, str], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    created = _notebook(data)
    backup_file = str(tmp_path / "before-rekey.pcnb")
    assert run_cli(data, secret_service, "backup", created["id"], "--out", backup_file).code == 0
    rotated = run_cli(data, secret_service, "rekey", created["id"], "--json")
    assert rotated.code == 0, rotated.err
    new_key = recovery.decode(json.loads(rotated.out)["recovery_code"])
    assert OsKeyStore().get(created["notebook_id"]) == new_key  # the real keyring was updated

    crashed = run_cli(
        data,
        dict(secret_service, **{rekey.CRASH_ENV: "restore-renamed"}),
        "restore-backup",
        backup_file,
        "--code",
        created["recovery_code"],
        "--replace",
    )
    assert crashed.code == rekey.CRASH_EXIT
    shown = run_cli(data, secret_service, "show", created["id"], "--json")
    assert shown.code == 0 and "NEW key" in shown.err
    assert len(json.loads(shown.out)["notes"]) == 30
    assert OsKeyStore().get(created["notebook_id"]) == recovery.decode(created["recovery_code"])


ROUNDS = 50


def test_rekey_killed_at_random_moments_never_leaves_a_notebook_that_opens_with_neither_key(
    secret_service: dict[str, str], tmp_path: Path
) -> None:
    """kill -9 at random points of a real `peercoach rekey`, 50 rounds on one notebook: after
    each, opening settles whatever was left and the notebook opens (old key or new)."""
    import random
    import signal
    import subprocess
    import sys
    import time

    data = tmp_path / "data"
    created = _notebook(data)
    command = [sys.executable, "-m", "peercoach_desktop", "--data-dir", str(data), "rekey", created["id"]]
    start = time.perf_counter()
    first = subprocess.run(command, env=secret_service, capture_output=True, text=True, timeout=60)
    whole = time.perf_counter() - start  # one rotation, start-up included
    assert first.returncode == 0
    known = CODE.findall(first.stderr)[-1]  # the code the user holds: the last one the app named
    notebook = data / "notebooks" / f"{created['notebook_id']}.pcnb"
    rng = random.Random(20261125)
    unopenable = killed = without_code = 0
    for _ in range(ROUNDS):
        proc = subprocess.Popen(
            command, env=secret_service, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )
        time.sleep(rng.uniform(0.0, whole * 1.1))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        _, err = proc.communicate(timeout=60)
        known = (CODE.findall(err) or [known])[-1]
        shown = run_cli(data, secret_service, "show", created["id"], "--json")
        if shown.code != 0 or len(json.loads(shown.out)["notes"]) != 30:
            unopenable += 1
        known = (CODE.findall(shown.err) or [known])[-1]
        if not notebook_file.key_opens(notebook, recovery.decode(known)):
            without_code += 1  # the user would hold no code that opens their notebook
    print(
        f"rekey killed at random: {killed} of {ROUNDS} rounds cut short, {unopenable} unopenable, "
        f"{without_code} without a code that opens the notebook"
    )
    assert unopenable == 0 and without_code == 0
    assert killed >= ROUNDS // 4  # most rounds really were cut short somewhere
