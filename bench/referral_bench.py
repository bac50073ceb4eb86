"""Referral packets: time to build (target <= 1 s, median of 10) and size (target <= 300 KB).

Measured on the fictional demo case in a throwaway store (app.referrals.demo), through the real
path: consent check, case and screening read, layout, provision record and audit row in one
transaction. The police packet is the largest (identity, screening summary and every indicator
with its answers); the embassy packet the smallest. Her copy is measured in Thai (a shaped
script, with the test translations of tests/referrals/samples.py) and Japanese. Three figures for the police packet: the first build of the process
(fonts loaded and registered, question bank read), the median with the shaping caches cleared
before every build ("cold"), and the median of repeat builds.
"""

from __future__ import annotations

import time

from app.printing import breaking
from app.printing import text as text_layer
from app.referrals.demo import demo_store
from app.referrals.her_copy import build_her_copy
from app.referrals.packet import make_packet
from bench.common import median, report

ROUNDS = 10


def _build(demo, recipient: str, purpose: str, cold: bool):
    if cold:
        text_layer._shape.cache_clear()
        breaking.icu_line_segments.cache_clear()
    start = time.perf_counter()
    made = make_packet(demo.session, demo.case_id, recipient, purpose)
    return time.perf_counter() - start, made


def _packet(results: dict, recipient: str, purpose: str) -> None:
    """Report one recipient's packet (and, for the police, her copies of it)."""
    with demo_store(recipient, purpose) as demo:
        first, made = _build(demo, recipient, purpose, cold=True)
        cold = [_build(demo, recipient, purpose, cold=True)[0] for _ in range(ROUNDS)]
        warm = [_build(demo, recipient, purpose, cold=False)[0] for _ in range(ROUNDS)]
        report(results, f"referral_{recipient}_first_s", first, "s")
        report(results, f"referral_{recipient}_cold_median_s", median(cold), "s", "<= 1")
        report(results, f"referral_{recipient}_warm_median_s", median(warm), "s")
        report(results, f"referral_{recipient}_kb", len(made.data) / 1024, "KB", "<= 300")
        if recipient == "police":
            _her_copies(results, demo, made.provision.id)


def _her_copies(results: dict, demo, provision_id: int) -> None:
    for lang in ("th", "my", "ja"):  # Burmese is set smaller until it fits one sheet: the slowest
        times, data = [], b""
        for _ in range(ROUNDS):
            text_layer._shape.cache_clear()
            breaking.icu_line_segments.cache_clear()
            start = time.perf_counter()
            data = build_her_copy(demo.session, provision_id, lang)
            times.append(time.perf_counter() - start)
        report(results, f"referral_her_copy_{lang}_cold_median_s", median(times), "s", "<= 1")
        report(results, f"referral_her_copy_{lang}_kb", len(data) / 1024, "KB", "<= 300")


def run(results: dict) -> None:
    _packet(results, "police", "protective_custody")
    _packet(results, "embassy", "travel_documents")


if __name__ == "__main__":
    run({})
