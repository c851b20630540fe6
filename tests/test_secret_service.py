"""Keys in a real Secret Service: gnome-keyring on a private D-Bus session."""

from __future__ import annotations

import json
from pathlib import Path

from cli_runner import run_cli
from helpers import file_digests

from peercoach_desktop.vault.keystore import OsKeyStore
from peercoach_desktop.vault.library import Library
from peercoach_desktop.vault.opener import open_notebook


def test_keys_round_trip_through_gnome_keyring(secret_service: dict[str, str]) -> None:
    store = OsKeyStore()
    assert store.name == "keyring.backends.SecretService.Keyring"
    store.put("nb-test", b"\x01" * 32)
    fresh = OsKeyStore()  # a fresh per-process cache
    assert fresh.get("nb-test") == b"\x01" * 32
    # ...read by the direct Secret Service path, not by its silent fallback to keyring
    assert (fresh.fast_reads, fresh.fast_path_problem) == (1, None)
    store.delete("nb-test")
    assert OsKeyStore().get("nb-test") is None


def test_two_data_dirs_on_one_machine_keep_separate_keys(
    secret_service: dict[str, str], tmp_path: Path
) -> None:
    created = [Library(tmp_path / name, OsKeyStore()).create("Ana", "Ben") for name in ("a", "b")]
    for c in created:
        c.store.close()
    assert created[0].recovery_code != created[1].recovery_code
    for name, c in zip(("a", "b"), created, strict=True):
        library = Library(tmp_path / name, OsKeyStore())
        with open_notebook(library, library.descriptors()[0]) as store:
            assert store.notebook_id == c.descriptor.notebook_id


def test_cli_round_trip_with_the_real_keyring(secret_service: dict[str, str], tmp_path: Path) -> None:
    data = tmp_path / "data"
    new = run_cli(data, secret_service, "new", "--me", "Ana", "--partner", "Ben", "--json")
    assert new.code == 0, new.err
    created = json.loads(new.out)
    assert len(created["recovery_code"].split("-")) == 14
    pid = created["id"]
    goal = run_cli(
        data, secret_service, "goal", "add", pid[:8], "--owner", "me", "--title", "Say no more often"
    )
    assert goal.code == 0 and len(goal.out.strip()) == 36
    note = run_cli(
        data,
        secret_service,
        "note",
        "add",
        "Ana & Ben",
        "--text",
        "-",
        "--goal",
        goal.out.strip(),
        stdin="Practised declining a meeting politely.\n",
    )
    assert note.code == 0, note.err
    shown = json.loads(run_cli(data, secret_service, "show", pid, "--json").out)
    assert shown["goals"][0]["title"] == "Say no more often"
    assert shown["notes"][0]["body"] == "Practised declining a meeting politely.\n"
    assert shown["notes"][0]["goal_id"] == goal.out.strip()
    listed = json.loads(run_cli(data, secret_service, "list", "--json").out)
    assert [(e["id"], e["title"], e["partner"]) for e in listed] == [(pid, "Ana & Ben", "Ben")]
    doctor = run_cli(data, secret_service, "doctor")
    assert doctor.code == 0 and "SecretService" in doctor.out and "all good" in doctor.out


def test_wiped_keyring_is_recovered_with_the_code(secret_service: dict[str, str], tmp_path: Path) -> None:
    data = tmp_path / "data"
    created = json.loads(
        run_cli(data, secret_service, "new", "--me", "Ana", "--partner", "Ben", "--json").out
    )
    run_cli(data, secret_service, "note", "add", created["id"], "--text", "before the laptop change")
    OsKeyStore().delete(created["notebook_id"])  # a new laptop: same files, empty keyring

    locked = run_cli(data, secret_service, "show", created["id"][:8])
    assert locked.code == 1
    assert locked.err.count("\n") == 1 and "peercoach recover" in locked.err and "Traceback" not in locked.err

    before = file_digests(data)
    wrong = run_cli(data, secret_service, "recover", created["id"][:8], "--code", "0" * 56)
    assert wrong.code == 2 and "typo" in wrong.err
    assert file_digests(data) == before

    ok = run_cli(data, secret_service, "recover", created["id"][:8], "--code", created["recovery_code"])
    assert ok.code == 0, ok.err
    shown = run_cli(data, secret_service, "show", created["id"][:8])
    assert "before the laptop change" in shown.out


def test_no_secret_service_gives_one_line_naming_the_fix(
    secret_service: dict[str, str], tmp_path: Path
) -> None:
    env = dict(secret_service, DBUS_SESSION_BUS_ADDRESS=f"unix:path={tmp_path}/no-bus-here")
    data = tmp_path / "data"
    result = run_cli(data, env, "new", "--me", "Ana", "--partner", "Ben")
    assert result.code == 1
    assert result.err.count("\n") == 1
    assert "GNOME Keyring" in result.err and "--passphrase" in result.err
    assert not data.exists() or file_digests(data) == {}
