"""Fuzzed inputs to import, join and restore-backup (seeded, 294 cases, ~45 s):
every case is accepted, or refused with one clear line and the notebook byte-identical; never a
traceback, an internal error or a hang. The run has its own process, capped at 2 GiB of address
space, so a file that inflates or floods cannot take the machine's memory either."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
SEED = 20261204
CASES = {"import": 150, "join": 24, "restore-backup": 120}  # join pays Argon2id (~0.5 s) per case
MEMORY_CAP = 2 * 1024**3


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def test_fuzzed_files_end_in_success_or_one_clear_line(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(HERE / "fuzz_inputs.py"), str(tmp_path), str(SEED), json.dumps(CASES)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=HERE,
        preexec_fn=_cap_memory,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(proc.stdout)
    print("fuzz report:", json.dumps(report, indent=1))
    for klass, wanted in CASES.items():
        counts = report[klass]
        assert counts["attempts"] == wanted
        assert counts["failures"] == 0, counts["failure_examples"]
        assert counts["accepted"] + counts["refused"] == wanted
    assert sum(report[k]["refused"] for k in CASES) > 0.8 * sum(CASES.values())  # they were hostile
