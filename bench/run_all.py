"""Run every benchmark in turn; each prints its medians and ratios against its floor.

Exits non-zero when any figure is past its budget (each is printed with OVER BUDGET)."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

import common  # noqa: E402  (the one module every script reports through)

common.RUN_BY_ALL = True
failed = []  # a script that exits non-zero by itself must not stop the ones after it
for script in sorted(HERE.glob("bench_*.py")):
    print(f"== {script.name}", flush=True)
    try:
        runpy.run_path(str(script), run_name="__main__")
    except SystemExit as exit_:
        if exit_.code not in (None, 0):
            failed.append(f"{script.name} exited {exit_.code}")

if failed:
    print("FAILED: " + "; ".join(failed))
if common.OVER:
    print(f"OVER BUDGET: {len(common.OVER)} figure(s): " + "; ".join(common.OVER))
    sys.exit(1)
if failed:
    sys.exit(1)
