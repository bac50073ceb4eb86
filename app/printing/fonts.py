"""One font registry for every script, shared by reportlab now and by Qt later.

``font_for(lang)`` names the family and file for a language's main script; the PDF code asks
``FontRegistry.loaded(script)`` for a reportlab font and ``require_glyphs`` before it draws, so
a missing font or a missing glyph is a ``UserError`` that says what to install, never tofu.
Files are found by their known names under the platform's font folders (not by fc-match, which
silently answers with a different family when the one asked for is absent).
"""

from __future__ import annotations

import hashlib
import os
import sys
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from app.errors import UserError
from app.i18n import N_
from app.printing.fontcheck import collisions
from app.printing.fontdata import (
    LANGUAGE_SCRIPT,
    LINE_BOX_LIMITS,
    LINE_BOX_OVERRIDES,
    LINUX,
    SCRIPTS,
    WINDOWS,
    ScriptFonts,
)
from app.text import (
    JOINERS,  # invisible, yet HarfBuzz handles them when a font's cmap lacks them
)


@dataclass(frozen=True)
class FontChoice:
    """The font chosen for a script: what Qt needs (family, file) and what reportlab needs."""

    family_name: str
    path: Path
    script: str
    subfont_index: int = 0

    @property
    def pdf_name(self) -> str:
        """A reportlab font name unique to this file, so two registries never collide."""
        digest = hashlib.sha1(f"{self.path}#{self.subfont_index}".encode()).hexdigest()[:8]
        return f"Tsunagu-{self.script}-{digest}"


@dataclass(frozen=True)
class LoadedFont:
    """A registered reportlab font and the character map it had when loaded."""

    choice: FontChoice
    ttfont: object
    cmap: frozenset
    ascent: float
    descent: float

    @property
    def name(self) -> str:
        return self.choice.pdf_name


def default_font_dirs(platform: str = sys.platform) -> list[Path]:
    """Where the operating system and the user keep fonts."""
    if platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = os.environ.get("LOCALAPPDATA")
        extra = [Path(local) / "Microsoft" / "Windows" / "Fonts"] if local else []
        return [windir / "Fonts", *extra]
    home = Path.home()
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
            home / ".local" / "share" / "fonts", home / ".fonts"]


def default_table(platform: str = sys.platform) -> dict[str, ScriptFonts]:
    return WINDOWS if platform.startswith("win") else LINUX


def check_truetype(path: Path, subfont_index: int = 0) -> None:
    """Refuse a font reportlab cannot embed (CFF outlines) with a message saying why."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(12)
            if head[:4] == b"ttcf":
                fh.seek(12 + 4 * subfont_index)
                offset = int.from_bytes(fh.read(4), "big")
                fh.seek(offset)
                head = fh.read(4)
    except OSError as exc:
        raise UserError(N_("Cannot read the font file {file} ({reason})."), file=str(path),
                        reason=exc.strerror or "I/O error") from exc
    if head[:4] == b"OTTO":
        raise UserError(N_("The font file {file} has PostScript (CFF) outlines, which cannot be embedded "
                           "in a PDF. Use a TrueType-outline font for this script instead."), file=str(path))
    if head[:4] not in (b"\x00\x01\x00\x00", b"true"):
        raise UserError(N_("The file {file} is not a TrueType font."), file=str(path))


class FontRegistry:
    """Finds, checks and loads one font per script; lookups are cached per registry."""

    def __init__(self, table: dict[str, ScriptFonts] | None = None, dirs: list[Path] | None = None) -> None:
        self.table = table if table is not None else default_table()
        self.dirs = dirs if dirs is not None else default_font_dirs()
        self._files: dict[str, Path] | None = None
        self._loaded: dict[str, LoadedFont] = {}
        self._choices: dict[str, FontChoice] = {}
        self._lock = threading.Lock()
        self.rejected: dict[str, list[str]] = {}

    def _index(self) -> dict[str, Path]:
        """Every font file under the font folders, by lower-case file name (first one wins)."""
        if self._files is None:
            files: dict[str, Path] = {}
            for top in self.dirs:
                for folder, _subdirs, names in sorted(os.walk(top)):
                    for name in sorted(names):
                        files.setdefault(name.lower(), Path(folder) / name)
            self._files = files
        return self._files

    def choice(self, script: str) -> FontChoice:
        """The first usable installed candidate for ``script``; a ``UserError`` naming the fix if none."""
        if script not in self.table:
            raise ValueError(f"unknown script key {script!r}; known: {SCRIPTS}")
        if script not in self._choices:
            self._choices[script] = self._first_usable(script)
        return self._choices[script]

    def _first_usable(self, script: str) -> FontChoice:
        entry = self.table[script]
        refused: UserError | None = None
        for cand in entry.candidates:
            path = self._index().get(cand.filename.lower())
            if path is None:
                continue
            try:
                check_truetype(path, cand.subfont_index)  # CFF: try the next candidate
            except UserError as exc:
                refused = refused or exc
                continue
            if not collisions(path, cand.subfont_index, script):
                return FontChoice(cand.family, path, script, cand.subfont_index)
            self.rejected.setdefault(script, []).append(path.name)
        if refused is not None:
            raise refused
        if self.rejected.get(script):
            raise UserError(N_("Every installed font for {script} text places tone marks on top of each other "
                               "({files}). Install {install} and try again."),
                            script=script, files=", ".join(self.rejected[script]), install=entry.install)
        wanted = entry.candidates[0]
        raise UserError(N_("The font {family} ({file}) for {script} text is not installed. "
                           "Install it ({install}) and try again."),
                        family=wanted.family, file=wanted.filename, script=script, install=entry.install)

    def font_for(self, lang: str) -> FontChoice:
        """The font for the main script of language ``lang`` (Latin for any other language)."""
        return self.choice(LANGUAGE_SCRIPT.get(lang, "latin"))

    def loaded(self, script: str) -> LoadedFont:
        """The reportlab font for ``script``, registered once per process."""
        with self._lock:
            if script not in self._loaded:
                self._loaded[script] = _load(self.choice(script))
            return self._loaded[script]


_LOAD_LOCK = threading.Lock()


def _load(choice: FontChoice) -> LoadedFont:
    """One reportlab font per file per process: HarfBuzz adds private code points to a font's
    map as it shapes, and cached shaped strings rely on them, so a font is never reloaded."""
    with _LOAD_LOCK:
        return _load_once(choice)


@lru_cache(maxsize=None)
def _load_once(choice: FontChoice) -> LoadedFont:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError

    from app.printing.tounicode import EmbeddingTTFont

    check_truetype(choice.path, choice.subfont_index)
    try:
        font = EmbeddingTTFont(choice.pdf_name, str(choice.path), subfontIndex=choice.subfont_index)
    except TTFError as exc:
        raise UserError(N_("The font file {file} cannot be used: {reason}"), file=str(choice.path),
                        reason=str(exc)) from exc
    pdfmetrics.registerFont(font)
    face = font.face
    asc, desc = face.ascent, face.descent  # already in 1/1000 em
    over = LINE_BOX_OVERRIDES.get(choice.script)
    if over:
        asc, desc = max(asc, over[0]), min(desc, over[1])
    limit = LINE_BOX_LIMITS.get(choice.script)
    if limit:
        asc, desc = min(asc, limit[0]), max(desc, limit[1])
    return LoadedFont(choice, font, frozenset(face.charToGlyph), asc, desc)


def require_glyphs(font: LoadedFont, text: str, shaped: bool = False) -> None:
    """Raise before drawing if ``font`` lacks any character of ``text``: never silent tofu."""
    for ch in text:
        if ord(ch) in font.cmap or (shaped and ch in JOINERS):
            continue
        raise UserError(N_("The font {family} has no glyph for U+{code} ({name}); the text cannot be "
                           "printed without losing it. Correct the text or install a font that has it."),
                        family=font.choice.family_name, code=f"{ord(ch):04X}",
                        name=unicodedata.name(ch, "unnamed character"))


@lru_cache(maxsize=1)
def default_registry() -> FontRegistry:
    """The process-wide registry for this computer's fonts."""
    return FontRegistry()


def font_for(lang: str) -> FontChoice:
    """The font family and file for language ``lang`` on this computer (for Qt and PDFs)."""
    return default_registry().font_for(lang)
