"""Shared helpers for the benchmarks: medians, percentiles, a private Secret Service."""

from __future__ import annotations

import compileall
import contextlib
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from secret_service import private_secret_service  # noqa: E402

__all__ = ["ROOT", "bench_setup", "median_ms", "p95_ms", "private_secret_service", "report", "timed"]


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


def report(name: str, ours: float, floor: float | None, budget: str) -> None:
    ratio = f"{ours / floor:6.2f}x floor ({floor:8.3f} ms)" if floor else " " * 30
    print(f"{name:<46} {ours:9.3f} ms  {ratio}  budget: {budget}")
