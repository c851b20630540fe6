"""Nothing a user writes reaches disk in the clear: scan every file we leave behind."""

from __future__ import annotations

import json
from pathlib import Path

from cli_runner import run_cli
from helpers import files_containing

MARKER = "ZEBRA-CONFIDENTIAL-4711"


def test_notes_written_through_the_cli_leave_no_plaintext_anywhere(
    secret_service: dict[str, str], tmp_path: Path
) -> None:
    data, temp = tmp_path / "data", tmp_path / "tmp"
    temp.mkdir()
    env = dict(secret_service, TMPDIR=str(temp), TEMP=str(temp), TMP=str(temp))
    created = json.loads(
        run_cli(
            data,
            env,
            "new",
            "--me",
            f"Ana {MARKER}",
            "--partner",
            "Ben",
            "--title",
            f"Title {MARKER}",
            "--json",
        ).out
    )
    pid = created["id"]
    for args in (
        ["goal", "add", pid, "--owner", "me", "--title", f"Goal {MARKER}", "--why", f"Why {MARKER}"],
        ["note", "add", pid, "--text", f"Shared {MARKER} " * 200],
        ["note", "add", pid, "--private", "--text", f"Private {MARKER}"],
        ["step", "add", pid, "--owner", "partner", "--text", f"Step {MARKER}"],
        ["search", pid, MARKER],
        ["show", pid],
        ["doctor"],
        ["backup", pid, "--out", str(data / "manual-backup.pcnb")],
        ["rekey", pid],
        ["restore-backup", str(data / "manual-backup.pcnb"), "--code", created["recovery_code"], "--beside"],
    ):
        result = run_cli(data, env, *args)
        assert result.code == 0, result.err
    assert MARKER in run_cli(data, env, "show", pid).out  # the words are really there...
    written = [p.name for p in data.rglob("*") if p.is_file()]
    assert any(name.endswith(".pcnb") for name in written)
    assert files_containing(data, MARKER) == []  # ...but in no file in the clear
    assert files_containing(temp, MARKER) == []
    assert created["recovery_code"].replace("-", "") not in "".join(
        p.read_text(errors="ignore") for p in data.rglob("*") if p.is_file()
    )


def test_the_wal_holds_no_plaintext_before_a_checkpoint(tmp_path: Path) -> None:
    from helpers import memory_library

    library = memory_library(tmp_path / "data")
    created = library.create("Ana", "Ben")
    created.store.add_note(f"Uncheckpointed {MARKER}")
    wal = Path(f"{created.descriptor.path}-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the note is only in the WAL so far
    assert files_containing(tmp_path / "data", MARKER) == []
    created.store.close()
