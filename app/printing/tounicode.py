"""Make shaped text copyable and searchable: a correct ToUnicode map for every glyph we draw.

When HarfBuzz picks a glyph that has no code point of its own (a Thai tone mark moved up,
ชื่อ's ่ as ``uni0E48.small``; a Devanagari conjunct; a Burmese medial variant), reportlab
gives it a private-use code point (U+E000...) and the PDF's ToUnicode map says so: copying
ชื่อ gives ชือ plus a private character, and a screen reader or a text check reads nonsense.
We remember, for each such glyph, the characters of its cluster that no other glyph stands
for, and write those into the map. reportlab also writes code points above U+FFFF as five hex
digits (invalid); our map writes UTF-16, so 𠮷 copies correctly too.
"""

from __future__ import annotations

from collections import Counter

from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

PUA_FIRST, PUA_LAST = 0xE000, 0xF8FF


class EmbeddingTTFont(TTFont):
    """A TTFont whose ToUnicode maps say what its private-use glyphs really are."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.pua_text: dict[int, str] = {}

    def addObjects(self, doc) -> None:  # noqa: N802 (reportlab's name)
        state = self.state.get(doc)
        subsets = [list(s) for s in state.subsets] if state is not None else []
        super().addObjects(doc)
        for n, subset in enumerate(subsets):
            base = b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX)).decode("pdfdoc")
            stream = doc.idToObject.get("toUnicodeCMap:" + base)
            if stream is not None:
                stream.content = to_unicode_cmap(base, subset, self.pua_text)


def _is_pua(cp: int) -> bool:
    return PUA_FIRST <= cp <= PUA_LAST


def record_shaped(font: EmbeddingTTFont, text: str, shaped) -> None:
    """Learn what each private-use glyph in ``shaped`` (a reportlab ShapedStr) stands for.

    A glyph named like ``uni0E48.small`` or ``uni17D21791`` says its characters outright. Other
    names (Noto's ``kassadeva``, ``medial_ra.w2``) get the characters of their HarfBuzz cluster
    that no other glyph of the cluster already stands for.
    """
    data = shaped.__shapeData__
    starts = sorted({sd.cluster for sd in data if sd.cluster >= 0})
    bounds = dict(zip(starts, starts[1:] + [len(text)]))
    clusters: dict[int, list[int]] = {}
    for i, sd in enumerate(data):
        if sd.cluster >= 0:
            clusters.setdefault(sd.cluster, []).append(ord(shaped[i]))
    names = {cp: name for name, cp in getattr(font, "_TTFont__hbUnis", {}).items()}
    for cluster, cps in clusters.items():
        cluster_text = text[cluster:bounds[cluster]]
        rest = Counter(cluster_text)
        unknown = []
        for cp in cps:
            known = _known(font, cp, names, text)
            if known is None:
                unknown.append(cp)
            else:
                rest.subtract(known)
        if unknown:
            _assign(font, unknown, cluster_text, rest)


def _known(font: EmbeddingTTFont, cp: int, names: dict[int, str], text: str) -> str | None:
    """The text glyph ``cp`` stands for, if already known or readable from its name."""
    if not _is_pua(cp) or chr(cp) in text:
        return chr(cp)
    if cp not in font.pua_text:
        parsed = text_from_glyph_name(names.get(cp, ""))
        if parsed is None:
            return None
        font.pua_text[cp] = parsed
    return font.pua_text[cp]


def text_from_glyph_name(name: str) -> str | None:
    """Characters named by an AGL-style glyph name (uni0E48.small, uni17D21791, u1F600, a_b)."""
    base = name.split(".", 1)[0]
    if not base:
        return None
    out = []
    for part in base.split("_"):
        if part.startswith("uni") and len(part) > 3 and (len(part) - 3) % 4 == 0:
            hexes = [part[i:i + 4] for i in range(3, len(part), 4)]
        elif part.startswith("u") and 5 <= len(part) <= 7:
            hexes = [part[1:]]
        else:
            return None
        try:
            out += [chr(int(h, 16)) for h in hexes]
        except ValueError:
            return None
    return "".join(out)


def _assign(font: EmbeddingTTFont, puas: list[int], cluster_text: str, rest: Counter) -> None:
    """Give the cluster's unclaimed characters (in text order) to its first unknown glyph;
    any further unknown glyph in the cluster (another part of the same form) copies as nothing."""
    left = []
    for ch in cluster_text:
        if rest[ch] > 0:
            left.append(ch)
            rest[ch] -= 1
    first, *others = puas
    font.pua_text.setdefault(first, "".join(left))
    for cp in others:
        font.pua_text.setdefault(cp, "")


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def to_unicode_cmap(fontname: str, subset: list[int], actual: dict[int, str]) -> str:
    """reportlab's ToUnicode CMap, with private glyphs mapped to their text, in UTF-16."""
    def dst(cp: int) -> str:
        if _is_pua(cp) and cp in actual:
            return _utf16_hex(actual[cp] or "\u200b")
        return _utf16_hex(chr(cp))

    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", f"{len(subset)} beginbfchar",
    ]
    lines += [f"<{i:02X}> <{dst(cp)}>" for i, cp in enumerate(subset)]
    lines += ["endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)
