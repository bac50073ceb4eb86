"""Read a PDF back with pypdf: its text, and every font with whether its program is embedded."""

from __future__ import annotations

import io
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.generic import IndirectObject

STANDARD_14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica", "Helvetica-Bold",
    "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold", "Times-Italic",
    "Times-BoldItalic", "Symbol", "ZapfDingbats",
}


@dataclass(frozen=True)
class FontInfo:
    base_font: str
    subtype: str
    embedded: bool


def _get(obj):
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def _descriptor_embedded(font) -> bool:
    desc = _get(font.get("/FontDescriptor"))
    return desc is not None and any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def _font_info(font) -> FontInfo:
    font = _get(font)
    subtype = str(font.get("/Subtype"))
    base = str(font.get("/BaseFont", ""))
    if subtype == "/Type0":
        embedded = all(_descriptor_embedded(_get(d)) for d in _get(font["/DescendantFonts"]))
    elif subtype == "/Type3":
        embedded = True  # glyphs are drawn by content streams inside the font
    else:
        embedded = _descriptor_embedded(font)
    return FontInfo(base.lstrip("/"), subtype, embedded)


def _walk_resources(resources, out: dict, seen: set) -> None:
    resources = _get(resources)
    if resources is None or id(resources) in seen:
        return
    seen.add(id(resources))
    for _name, font in (_get(resources.get("/Font")) or {}).items():
        info = _font_info(font)
        out[(info.base_font, info.subtype)] = info
    for _name, xobj in (_get(resources.get("/XObject")) or {}).items():
        xobj = _get(xobj)
        if xobj.get("/Subtype") == "/Form" and "/Resources" in xobj:
            _walk_resources(xobj["/Resources"], out, seen)


def fonts(data: bytes) -> list[FontInfo]:
    """Every font reachable from every page's resources (forms included)."""
    reader = PdfReader(io.BytesIO(data))
    out: dict = {}
    seen: set = set()
    for page in reader.pages:
        _walk_resources(page.get("/Resources"), out, seen)
    return list(out.values())


def text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def base_name(font: FontInfo) -> str:
    """The font name without a subset tag such as ``AAAAAA+``."""
    name = font.base_font
    return name.split("+", 1)[1] if len(name) > 7 and name[6] == "+" else name
