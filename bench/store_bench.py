"""Store figures: unlock time, and case search over 100,000 demo cases, encrypted vs plain.

The plain baseline is the same schema and rows exported from the demo store (fictional data
only) into an unencrypted SQLite file with the same PRAGMAs, searched by the same function, so
the ratio shows what encryption costs and nothing else.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import sqlcipher3

from app.cases.demo import DEMO_PASSWORD, DEMO_USER, make_demo_store
from app.cases.repo import search_cases
from app.store.store import open_store
from bench.common import median, percentile, report, timed

N_CASES = 100_000
QUERIES = [("", None), ("2025-0123", None), ("nok", None), ("maria", None), ("タイ", None), ("Viet", None),
           ("", "referred"), ("lan", "closed"), ("zz-nothing", None), ("2026-", "open"), ("ユイ", None), ("a", None)]
ROUNDS = 25


class _PlainSession:
    """Only what search_cases reads: a connection (the baseline has no key and no audit)."""

    def __init__(self, conn) -> None:
        self.conn = conn


def _latencies(encrypted, plain) -> tuple[list[float], list[float]]:
    """The same searches on both stores, interleaved query by query, so that load from anything
    else on the machine falls on both alike; each store's page cache is warmed first."""
    for session in (encrypted, plain):
        for text, status in QUERIES:
            search_cases(session, text, status, lang="ja")
    enc, base = [], []
    for _ in range(ROUNDS):
        for text, status in QUERIES:
            for session, out in ((encrypted, enc), (plain, base)):
                seconds, _found = timed(search_cases, session, text, status, lang="ja")
                out.append(seconds * 1000)
    return enc, base


def _plain_copy(session, folder: Path):
    target = folder / "plain.sqlite"
    session.conn.execute(f"ATTACH DATABASE '{target}' AS plain KEY ''")
    session.conn.execute("SELECT sqlcipher_export('plain')")
    session.conn.execute("DETACH DATABASE plain")
    conn = sqlcipher3.connect(str(target), isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = FULL", "temp_store = MEMORY", "cache_size = -65536"):
        conn.execute(f"PRAGMA {pragma}")
    assert target.read_bytes()[:15] == b"SQLite format 3"
    return conn


def _backup(results: dict, session, folder: Path) -> None:
    """A verified backup of the 100k-case store (export, reopen, page check, per-table compare)."""
    from app.store.backup import backup_store

    seconds, made = timed(backup_store, session, folder / "backups")
    report(results, "backup_100k_s", seconds, "s")
    report(results, "backup_100k_mb", made.path.stat().st_size / 1e6, "MB")


def run(results: dict) -> None:
    with tempfile.TemporaryDirectory(prefix="tsunagu-bench-") as tmp:
        folder = Path(tmp)
        path = folder / "demo.tsunagu"
        seconds, _ = timed(make_demo_store, path, N_CASES)
        report(results, "demo_store_100k_create_s", seconds, "s")

        unlocks = []
        for _ in range(5):
            seconds, session = timed(open_store, path, DEMO_USER, DEMO_PASSWORD)
            unlocks.append(seconds)
            session.close(event=None)
        report(results, "store_unlock_s", median(unlocks), "s", "0.3 to 1.5")

        session = open_store(path, DEMO_USER, DEMO_PASSWORD)
        plain_conn = _plain_copy(session, folder)
        enc, plain = _latencies(session, _PlainSession(plain_conn))
        plain_conn.close()
        _backup(results, session, folder)
        session.close(event=None)

    report(results, "search_100k_median_ms", median(enc), "ms")
    report(results, "search_100k_p95_ms", percentile(enc, 95), "ms", "<= 50")
    report(results, "search_100k_plain_median_ms", median(plain), "ms")
    report(results, "search_100k_plain_p95_ms", percentile(plain, 95), "ms")
    report(results, "search_encrypted_plain_ratio_median", median(enc) / median(plain), "x", "<= 1.5")
    report(results, "search_encrypted_plain_ratio_p95", percentile(enc, 95) / percentile(plain, 95), "x", "<= 1.5")
