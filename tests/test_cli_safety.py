"""peercoach backup / restore-backup / rekey from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import file_digests
from test_cli import Cli


@pytest.fixture
def cli(data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(data_dir, capsys, monkeypatch)


@pytest.fixture
def created(cli: Cli) -> dict[str, str]:
    code, out, _ = cli("new", "--me", "Ana", "--partner", "Ben", "--title", "Ana & Ben", "--json")
    assert code == 0
    data: dict[str, str] = json.loads(out)
    assert cli("note", "add", data["id"], "--text", "Words worth keeping")[0] == 0
    return data


def test_backup_restores_on_a_laptop_with_an_empty_keyring(
    cli: Cli, created: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    code, out, err = cli("backup", created["id"][:8], "--out", str(tmp_path / "ana.pcnb"))
    assert code == 0 and out.strip() == str(tmp_path / "ana.pcnb") and "restore-backup" in err

    laptop = Cli(tmp_path / "laptop", capsys, monkeypatch)  # its own, empty keystore
    code, out, err = laptop("restore-backup", str(tmp_path / "ana.pcnb"), "--code", created["recovery_code"])
    assert code == 0, err
    assert out.strip() == created["id"] and "Restored 'Ana & Ben'" in err
    assert "Words worth keeping" in laptop("show", created["id"])[1]


def test_restore_refuses_to_overwrite_and_says_how_to_choose(
    cli: Cli, created: dict[str, str], tmp_path: Path
) -> None:
    backup_file = str(tmp_path / "ana.pcnb")
    cli("backup", created["id"], "--out", backup_file)
    cli("note", "add", created["id"], "--text", "Newer than the backup")
    before = file_digests(cli.data_dir)
    code, _, err = cli("restore-backup", backup_file, "--code", created["recovery_code"])
    assert code == 1 and "--beside" in err and "--replace" in err and "Nothing was changed" in err
    assert file_digests(cli.data_dir) == before

    code, out, _ = cli("restore-backup", backup_file, "--code", created["recovery_code"], "--beside")
    assert code == 0 and out.strip() != created["id"]
    assert len(json.loads(cli("list", "--json")[1])) == 2
    assert "Newer than the backup" in cli("show", created["id"])[1]

    code, out, _ = cli(
        "restore-backup", backup_file, "--code", created["recovery_code"], "--replace", "--json"
    )
    assert code == 0 and json.loads(out)["replaced_copy"]
    assert "Newer than the backup" not in cli("show", created["id"])[1]


def test_rekey_shows_a_new_code_and_the_old_one_stops_working(cli: Cli, created: dict[str, str]) -> None:
    cli.clock.advance(24 * 3600)  # yesterday's automatic backup stays under the old key
    code, out, err = cli("rekey", created["id"][:8])
    assert code == 0 and out.strip() == created["id"]
    assert "old recovery code no longer" in err and "1 older backup(s)" in err and "OLD recovery" in err
    new_code = next(line.strip() for line in err.splitlines() if line.startswith("  "))
    assert new_code != created["recovery_code"]
    cli.keystore.keys.clear()  # a new laptop
    code, _, err = cli("recover", created["id"][:8], "--code", created["recovery_code"])
    assert code == 1 and "does not open" in err
    assert cli("recover", created["id"][:8], "--code", new_code)[0] == 0
    assert "Words worth keeping" in cli("show", created["id"])[1]
