"""Everything the app writes is private to the user: notebooks, descriptors, backups and logs
0600, the data dir 0700 (tightened at start when an older version left it open)."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest

from peercoach_desktop.cli.main import main
from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.vault.keystore import MemoryKeyStore


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_notebook_descriptor_backup_files_are_0600_and_the_data_dir_0700(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    old_umask = os.umask(0o022)  # a usual desktop umask: files would be 0644 by default
    try:
        data = tmp_path / "data"
        keystore, clock = MemoryKeyStore(), FakeClock()

        def cli(*args: str) -> str:
            code = main(["--data-dir", str(data), *args], keystore=keystore, clock=clock)
            out, err = capsys.readouterr()
            assert code == 0, err
            return out.strip()

        pid = cli("new", "--me", "Ana", "--partner", "Ben")
        cli("note", "add", pid, "--text", "words")
        missing = tmp_path / "not-yet" / "backups"
        made = Path(cli("backup", pid, "--out", f"{missing}/"))  # DIR/ that does not exist yet
        assert made.parent == missing and made.is_file() and made.suffix == ".pcnb"
        files = [p for p in data.rglob("*") if p.is_file()] + [made]
        assert files and {str(p): _mode(p) for p in files} == {str(p): 0o600 for p in files}
        folders = [data, *(p for p in data.rglob("*") if p.is_dir()), missing]
        assert {str(p): _mode(p) for p in folders} == {str(p): 0o700 for p in folders}
    finally:
        os.umask(old_umask)


def test_a_data_dir_left_open_is_tightened_at_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    data = tmp_path / "data"
    (data / "notebooks").mkdir(parents=True)
    data.chmod(0o777)
    (data / "notebooks").chmod(0o755)
    assert main(["--data-dir", str(data), "list"], keystore=MemoryKeyStore()) == 0
    assert _mode(data) == 0o700 and _mode(data / "notebooks") == 0o700
