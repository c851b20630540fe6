"""The real app, started and quit with a notebook open: it must end cleanly every time.

Python's interpreter teardown used to destroy the last Qt objects in an arbitrary order
and glibc aborted ("double free or corruption") in most runs once a notebook had been
open: a crash report on every quit, and a crash is what a user remembers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

RUNS = 6


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, env=env, timeout=120)


def test_the_app_quits_cleanly_with_a_notebook_open(secret_service: dict[str, str], tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    new = run(
        "peercoach_desktop.cli.main",
        "--data-dir",
        data,
        "new",
        "--me",
        "Ana",
        "--partner",
        "Ben",
        "--json",
        env=secret_service,
    )
    assert new.returncode == 0, new.stderr
    assert json.loads(new.stdout)["id"]
    for _ in range(RUNS):
        env = dict(secret_service, PEERCOACH_EXIT_AFTER="content")  # quit once the overview shows
        started = run("peercoach_desktop.app", "--data-dir", data, env=env)
        assert started.returncode == 0, started.stderr[-800:]
        assert "peercoach-probe content" in started.stderr
