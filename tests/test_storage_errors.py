"""A full disk, an I/O error or a damaged page ends in one sentence, never a traceback.

The full-disk test runs the real command on a real, tiny tmpfs mounted in a private mount
namespace (`unshare -r -m`: no root needed, nothing outside the test sees it)."""

from __future__ import annotations

import errno
import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import sqlcipher3

from peercoach_desktop.domain.errors import StorageError
from peercoach_desktop.storage.storage_errors import explain
from peercoach_desktop.system.crash_log import record


def test_sqlite_and_os_errors_of_the_disk_map_to_one_sentence_each() -> None:
    cases = {
        sqlcipher3.OperationalError("database or disk is full"): "disk_full",
        sqlcipher3.OperationalError("disk I/O error"): "io_error",
        sqlcipher3.DatabaseError("database disk image is malformed"): "corrupt",
        OSError(errno.ENOSPC, "No space left on device"): "disk_full",
        OSError(errno.EIO, "Input/output error"): "io_error",
    }
    for exc, kind in cases.items():
        mapped = explain(exc)
        assert isinstance(mapped, StorageError) and mapped.kind == kind
        assert str(mapped).endswith(".") or "restore-backup" in str(mapped)
    assert explain(sqlcipher3.OperationalError("no such table: x")) is None  # a bug stays a bug
    assert explain(ValueError("x")) is None


def test_the_crash_log_never_raises_even_where_it_cannot_write(tmp_path: Path) -> None:
    blocked = tmp_path / "data"
    blocked.write_text("a file where the data dir should be")  # logs/ cannot be made under it
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        assert record(blocked, exc) is None
        assert record(tmp_path / "ok", exc) == tmp_path / "ok" / "logs" / "errors.log"


# Runs inside the namespace: every command against a full disk, as JSON lines on stdout.
FULL_DISK_SCRIPT = textwrap.dedent(
    """
    import json, os, subprocess, sys
    data, secret = sys.argv[1], sys.argv[2]

    def cli(*args, stdin=None):
        proc = subprocess.run(
            [sys.executable, "-m", "peercoach_desktop", "--data-dir", data, "--passphrase-file", secret,
             *args], input=stdin, capture_output=True, text=True, timeout=120)
        return {"args": list(args), "code": proc.returncode, "out": proc.stdout, "err": proc.stderr}

    made = cli("new", "--me", "Ana", "--partner", "Ben", "--passphrase", "--json")
    pid = json.loads(made["out"])["id"]
    before = cli("note", "add", pid, "--text", "written before the disk filled")
    filler = os.path.join(data, "filler")
    with open(filler, "wb") as handle:  # fill every byte left
        try:
            while True:
                handle.write(b"\\0" * 65536)
                handle.flush()
        except OSError:
            pass
    results = [
        cli("note", "add", pid, "--text", "-", stdin="x" * 200_000),
        cli("step", "add", pid, "--owner", "me", "--text", "-", stdin="y" * 200_000),
        cli("goal", "add", pid, "--owner", "me", "--title", "z" * 100_000),
        cli("new", "--me", "Cy", "--partner", "Di", "--passphrase"),
        cli("backup", pid, "--out", os.path.join(data, "b.pcnb")),
        cli("note", "add", pid, "--text", "-", "--json", stdin="x" * 200_000),
    ]
    os.unlink(filler)
    shown = cli("show", pid, "--json")
    print(json.dumps({"before": before, "results": results, "shown": shown}))
    """
)


def test_a_full_disk_ends_every_write_in_one_sentence_and_loses_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    secret = tmp_path / "passphrase"
    secret.write_text("a long enough passphrase\n")
    script = tmp_path / "full_disk.py"
    script.write_text(FULL_DISK_SCRIPT)
    mount = f"mount -t tmpfs -o size=3m tmpfs {data} && exec {sys.executable} {script} {data} {secret}"
    proc = subprocess.run(
        [shutil.which("unshare") or "unshare", "-r", "-m", "sh", "-c", mount],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["before"]["code"] == 0, report["before"]["err"]
    for result in report["results"]:
        assert result["code"] == 1, result
        assert "Traceback" not in result["err"] and len(result["err"].strip().splitlines()) == 1, result
        if "--json" in result["args"]:
            error = json.loads(result["err"])["error"]
            assert error["kind"] == "disk_full" and "disk is full" in error["message"]
        elif result["args"][0] in ("note", "step", "goal"):
            assert "disk is full" in result["err"], result
    shown = report["shown"]
    assert shown["code"] == 0, shown["err"]
    assert [n["body"] for n in json.loads(shown["out"])["notes"]] == ["written before the disk filled"]
