"""Shared helpers for the benchmarks: medians, percentiles, a private Secret Service."""

from __future__ import annotations

import compileall
import contextlib
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from secret_service import private_secret_service  # noqa: E402

__all__ = [
    "OVER",
    "ROOT",
    "bench_setup",
    "median_ms",
    "over_budget",
    "p95_ms",
    "private_secret_service",
    "report",
    "timed",
]

# Every figure past its budget, so run_all.py (and `make bench`) can exit non-zero.
OVER: list[str] = []
# Set by run_all.py: a script run by it leaves the exit status to it (it sums up every script).
RUN_BY_ALL = False
_LIMIT = re.compile(r"<=\s*([\d.]+)\s*(ms|x|s|MiB)\b")


@contextlib.contextmanager
def bench_setup() -> Iterator[tuple[Path, dict[str, str]]]:
    """A scratch folder and a private Secret Service, with compiled bytecode as an installed
    app has (PYTHONDONTWRITEBYTECODE may be set). Yields the folder and the environment."""
    compileall.compile_dir(str(ROOT / "src"), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        with private_secret_service(work / "ss") as env:
            os.environ.update(env)
            os.environ.pop("PYTHON_KEYRING_BACKEND", None)
            yield work, dict(os.environ)


def timed(action: Callable[[], object], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples)


def p95_ms(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def over_budget(ours: float, floor: float | None, budget: str) -> bool:
    """Whether `ours` is past a budget written "<= 5 ms", "<= 3 s", "<= 1.5x" (of the floor)
    or "<= 120 MiB" (`ours` in ms, or MiB); a budget without a number is never past."""
    found = _LIMIT.search(budget)
    if not found:
        return False
    limit, kind = float(found.group(1)), found.group(2)
    if kind == "x":
        return floor is not None and ours > limit * floor
    return ours > limit * (1000.0 if kind == "s" else 1.0)


def report(name: str, ours: float, floor: float | None, budget: str, unit: str = "ms") -> None:
    ratio = f"{ours / floor:6.2f}x floor ({floor:8.3f} {unit})" if floor else " " * 30
    flag = ""
    if over_budget(ours, floor, budget):
        flag = "  OVER BUDGET"
        OVER.append(name)
    print(f"{name:<46} {ours:9.3f} {unit}  {ratio}  budget: {budget}{flag}", flush=True)
