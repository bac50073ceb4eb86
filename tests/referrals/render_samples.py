"""Render referral packets and her copies of the fictional demo case to PNGs for a human to look at.

    .venv/bin/python -m tests.referrals.render_samples [OUT_DIR]     (default /tmp/referrals)

The packets for the police (two pages), the shelter, the embassy, a child guidance centre, the
labour inspection office and immigration, and her copy in Thai
(test translations from samples.py, not shipped ones) and in Japanese. Needs pdftoppm
(poppler-utils). Look for: text cut at an edge, boxes (tofu), overlapping lines, a page mark
or "x / y" missing on a page.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from app.referrals.demo import demo_pdf
from tests.referrals.samples import use_sample_catalog

TODAY = date(2026, 11, 21)
JOBS = {
    "police": dict(recipient_id="police"),
    "shelter": dict(recipient_id="shelter"),
    "embassy": dict(recipient_id="embassy"),
    "child_guidance": dict(recipient_id="child_guidance"),
    "labour_office": dict(recipient_id="labour_office"),
    "immigration": dict(recipient_id="immigration"),
    "her-copy-th": dict(recipient_id="police", her_copy=True, lang="th"),
    "her-copy-ja": dict(recipient_id="police", her_copy=True, lang="ja"),
}


def render(out_dir: Path, dpi: int = 100) -> list[Path]:
    use_sample_catalog(setattr)
    out_dir.mkdir(parents=True, exist_ok=True)
    pngs: list[Path] = []
    for name, job in JOBS.items():
        pdf = out_dir / f"{name}.pdf"
        pdf.write_bytes(demo_pdf(today=TODAY, **job))
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(out_dir / name)], check=True)
        pngs += sorted(out_dir.glob(f"{name}-[0-9]*.png"))
    return pngs


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/referrals")
    for png in render(target):
        print(png)
