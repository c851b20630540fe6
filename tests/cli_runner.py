"""Run the real `peercoach` command in a subprocess, as a user would."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_cli(data_dir: Path, env: dict[str, str], *args: str, stdin: str | None = None) -> Result:
    proc = subprocess.run(
        [sys.executable, "-m", "peercoach_desktop", "--data-dir", str(data_dir), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)
