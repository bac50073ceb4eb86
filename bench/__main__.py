"""``python -m bench`` (make bench): run every benchmark and write bench/results.json."""

from __future__ import annotations

import sys

from bench import pdf_bench, referral_bench, startup_bench, store_bench
from bench.common import RESULTS, save


def main() -> int:
    results: dict = {}
    for module in (store_bench, startup_bench, pdf_bench, referral_bench):
        print(f"--- {module.__name__}", flush=True)
        module.run(results)
    save(results)
    print(f"written to {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
