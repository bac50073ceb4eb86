"""Render the leaflet and card in th, my, km, ne, zh_Hant and ko to PNGs for a human to look at.

    .venv/bin/python -m tests.printing.render_samples [OUT_DIR]     (default /tmp/leaflets)

Uses the test translations in samples.py (not shipped translations) so the complex scripts are
really on the page; also writes a sheet of sample sentences per script at a large size, where
misplaced tone marks, Khmer subscripts and Burmese medials are easy to see. Needs pdftoppm
(poppler-utils). Look for: marks floating or colliding, boxes (tofu), text cut at an edge.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4

from app.contacts import default_directory
from app.printing.leaflet import build_leaflet
from app.printing.pdfdoc import block, new_canvas
from tests.printing.samples import CALL_FREE, LONG, RENDER_LANGS, use_sample_catalog

TODAY = date(2026, 5, 1)


def sentence_sheet() -> bytes:
    """Every sample sentence at 18 pt, wrapped to a narrow column to show the line breaks."""
    import io

    buffer = io.BytesIO()
    canvas = new_canvas(buffer, A4, "samples")
    y = A4[1] - 40
    for lang, sentence in list(CALL_FREE.items()) + list(LONG.items()):
        b = block(sentence, lang, 16 if lang in LONG else 18, 300)
        if y - b.height < 40:
            canvas.showPage()
            y = A4[1] - 40
        canvas.rect(40, y - b.height, 300, b.height, stroke=1, fill=0)
        y = b.draw(canvas, 40, y) - 14
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def render(out_dir: Path, dpi: int = 100) -> list[Path]:
    """Write the PDFs and their PNGs into ``out_dir``; returns the PNG paths."""
    use_sample_catalog(setattr)
    out_dir.mkdir(parents=True, exist_ok=True)
    directory = default_directory()
    jobs = {"sentences": sentence_sheet()}
    for lang in RENDER_LANGS:
        for fmt in ("a4", "card"):
            jobs[f"{lang}-{fmt}"] = build_leaflet(lang, fmt, directory, TODAY)
    pngs: list[Path] = []
    for name, data in jobs.items():
        pdf = out_dir / f"{name}.pdf"
        pdf.write_bytes(data)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(out_dir / name)], check=True)
        pngs += sorted(out_dir.glob(f"{name}-[0-9]*.png"))
        if name.endswith("card"):  # a card at 100 dpi is a thumbnail: add a 300 dpi copy to inspect
            zoom = out_dir / f"{name}-zoom"
            subprocess.run(["pdftoppm", "-r", str(dpi * 3), "-png", str(pdf), str(zoom)], check=True)
            pngs += sorted(out_dir.glob(f"{name}-zoom-*.png"))
    return pngs


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/leaflets")
    for png in render(target):
        print(png)
