"""Leaflet PDFs: time to build (target <= 0.5 s, median of 10) and size (target <= 300 KB).

Per format, for languages that load different fonts: Japanese (IPAexGothic only), English
(Noto Sans + IPAexGothic for the Japanese half), Thai, Burmese and Khmer (shaped scripts),
Traditional Chinese (WenQuanYi Micro Hei, a 5 MB collection), with the shipped catalogs (every
interview language is translated, so each leaflet sets its own script). Three figures per leaflet: the first build
of the process (loads and registers the fonts), the median with the shaping cache cleared before
every build ("cold": each text broken, shaped and measured afresh), and the median of repeat builds.
"""

from __future__ import annotations

import time
from datetime import date

from app.contacts import default_directory
from app.printing import breaking
from app.printing import text as text_layer
from app.printing.leaflet import build_leaflet
from bench.common import median, report

LANGS = ("ja", "en", "th", "my", "km", "ne", "zh_Hant", "ko")
ROUNDS = 10
TODAY = date(2026, 5, 1)


def _build(lang: str, fmt: str, directory, cold: bool) -> tuple[float, bytes]:
    if cold:
        text_layer._shape.cache_clear()
        breaking.icu_line_segments.cache_clear()
    start = time.perf_counter()
    data = build_leaflet(lang, fmt, directory, TODAY)
    return time.perf_counter() - start, data


def _time(lang: str, fmt: str, directory) -> tuple[float, float, float, int]:
    """(first build, cold median, warm median) in seconds, and the PDF size in bytes."""
    first, data = _build(lang, fmt, directory, cold=True)
    cold = [_build(lang, fmt, directory, cold=True)[0] for _ in range(ROUNDS)]
    warm = [_build(lang, fmt, directory, cold=False)[0] for _ in range(ROUNDS)]
    return first, median(cold), median(warm), len(data)


def run(results: dict) -> None:
    directory = default_directory()
    for fmt in ("a4", "card"):
        worst_time, worst_size = 0.0, 0
        for lang in LANGS:
            first, cold, warm, size = _time(lang, fmt, directory)
            report(results, f"leaflet_{fmt}_{lang}_first_s", first, "s")
            report(results, f"leaflet_{fmt}_{lang}_cold_median_s", cold, "s", "<= 0.5")
            report(results, f"leaflet_{fmt}_{lang}_warm_median_s", warm, "s")
            report(results, f"leaflet_{fmt}_{lang}_kb", size / 1024, "KB", "<= 300")
            worst_time, worst_size = max(worst_time, cold), max(worst_size, size)
        report(results, f"leaflet_{fmt}_worst_cold_median_s", worst_time, "s", "<= 0.5")
        report(results, f"leaflet_{fmt}_worst_kb", worst_size / 1024, "KB", "<= 300")


if __name__ == "__main__":
    run({})
