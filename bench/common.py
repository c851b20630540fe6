"""Shared helpers for the benchmarks: medians, percentiles, a private Secret Service."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from secret_service import private_secret_service  # noqa: E402

__all__ = ["ROOT", "median_ms", "p95_ms", "private_secret_service", "report", "timed"]


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
