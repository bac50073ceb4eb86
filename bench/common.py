"""Shared helpers: timing, percentiles, the results file, printing a figure against its target."""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results.json"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def median(values: list[float]) -> float:
    return statistics.median(values)


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


def report(results: dict, name: str, value: float, unit: str, target: str = "") -> None:
    results[name] = round(value, 4)
    note = f"   (target {target})" if target else ""
    print(f"{name} = {value:.4f} {unit}{note}", flush=True)


def save(results: dict) -> None:
    existing = {}
    if RESULTS.exists():
        try:
            existing = json.loads(RESULTS.read_text())
        except ValueError:
            existing = {}
    existing.update(results)
    RESULTS.write_text(json.dumps(existing, indent=2, sort_keys=True) + "\n")
