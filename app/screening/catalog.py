"""The indicator catalog: ILO/EC lists, dimensions, Japan extensions and other signs, from TOML.

Files in resources/indicators/ (each with a ``[catalog]`` header table holding ``id`` and
``version``):

- ``[lists.<id>]`` and ``[[dimension]]`` define the four ILO/EC lists and six dimensions;
- ``[[indicator]]`` rows define indicator *concepts*; a row's ``lists`` map gives, per list, its
  strength and number (``"S-1"``) and so its stable list-specific id (``ILO-A-L-1-S-1``);
- ``[[sign]]`` rows define acts, exploitation types, other harms and facts (not ILO indicators);
- the screening words (classifications, rules, next steps) are read by :mod:`app.screening.texts`.

Questions signal concept or sign ids ("sign ids"); the screening picks the list. Every problem is
reported with file, id and field, and nothing is loaded while any remains.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from app import resources
from app.i18n import N_
from app.screening.issues import IssueLog
from app.screening.texts import Texts, read_texts

INDICATORS_DIR = resources.path("indicators")
STRENGTHS = {"S": "strong", "M": "medium", "W": "weak"}
SIGN_KINDS = ("act", "type", "harm", "fact")
DIMENSIONS = range(1, 7)


@dataclass(frozen=True)
class Dimension:
    """One of the six ILO/EC dimensions; ``element`` places it in the Protocol's view."""

    number: int
    phase: str
    element: str
    text: str
    text_ja: str


@dataclass(frozen=True)
class IndicatorList:
    """One of the four ILO/EC lists; chosen by age group and kind of exploitation."""

    id: str
    key: str
    id_part: str
    age_group: str
    exploitation: str
    text: str
    text_ja: str
    wording: str = ""


@dataclass(frozen=True)
class Indicator:
    """An indicator on one list: its stable id, concept, dimension and strength on that list."""

    id: str
    concept: str
    list_id: str
    dimension: int
    strength: str
    text: str
    text_ja: str
    catalog: str
    refines: str | None = None
    source: str | None = None

    @property
    def group(self) -> str:
        """Indicators of one group count once in a dimension (a refinement and its parent)."""
        return self.refines or self.concept


@dataclass(frozen=True)
class Sign:
    """Anything a question may signal: an indicator concept, an act, a type, a harm or a fact."""

    id: str
    kind: str
    text: str
    text_ja: str
    dimension: int | None = None
    source: str | None = None


@dataclass
class Catalog:
    """Everything the screening needs, with the versions of the files it came from."""

    dimensions: dict[int, Dimension]
    lists: dict[str, IndicatorList]
    indicators: dict[str, Indicator]
    signs: dict[str, Sign]
    texts: Texts
    versions: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_list = {(i.list_id, i.concept): i for i in self.indicators.values()}

    def on_list(self, list_id: str, sign_id: str) -> Indicator | None:
        """The indicator for this concept on this list, or None if the list lacks it."""
        return self._by_list.get((list_id, sign_id))

    def signs_of_kind(self, kind: str) -> set[str]:
        return {s.id for s in self.signs.values() if s.kind == kind}

    def concepts_in(self, dimensions) -> set[str]:
        return {s.id for s in self.signs.values() if s.dimension in set(dimensions)}


def load_catalog(directory: Path | str = INDICATORS_DIR) -> Catalog:
    """Read and check every catalog file in ``directory``; raise ValidationFailed on problems."""
    directory = Path(directory)
    log = IssueLog()
    docs = _read_files(directory, log)
    versions = {doc["catalog"]["id"]: str(doc["catalog"]["version"]) for _, doc in docs}
    lists, dimensions = _definitions(docs, log)
    indicators, signs, refines = {}, {}, []
    for name, doc in docs:
        _read_indicators(name, doc, lists, dimensions, indicators, signs, log)
        _read_signs(name, doc, signs, log)
        refines += [(name, r["concept"], r["refines"], r.get("dimension"))
                    for r in doc.get("indicator", []) if r.get("refines")]
    _check_refines(refines, signs, log)
    texts = read_texts(docs, set(signs), log)
    log.raise_if_any()
    return Catalog(dimensions, lists, indicators, signs, texts, versions)


def _read_files(directory: Path, log: IssueLog) -> list[tuple[str, dict]]:
    docs = []
    for path in sorted(directory.glob("*.toml")):
        try:
            doc = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            log.add(path.name, "file", path.name, "-", N_("not valid TOML: {error}"), error=exc)
            continue
        header = doc.get("catalog")
        if not isinstance(header, dict) or not header.get("id") or not header.get("version"):
            log.add(path.name, "file", path.name, "catalog",
                    N_("the [catalog] header needs an id and a version"))
            continue
        docs.append((path.name, doc))
    if not docs:
        log.add(str(directory), "folder", str(directory), "-", N_("no catalog files found"))
    return docs


def _definitions(docs, log: IssueLog):
    lists: dict[str, IndicatorList] = {}
    dimensions: dict[int, Dimension] = {}
    for name, doc in docs:
        for list_id, row in doc.get("lists", {}).items():
            try:
                lists[list_id] = IndicatorList(id=list_id, **row)
            except TypeError as exc:
                log.add(name, "list", list_id, "-", N_("bad list definition: {error}"), error=exc)
        for row in doc.get("dimension", []):
            try:
                dimensions[int(row["number"])] = Dimension(**row)
            except (TypeError, KeyError, ValueError) as exc:
                log.add(name, "dimension", row.get("number", "?"), "-",
                        N_("bad dimension definition: {error}"), error=exc)
    return lists, dimensions


def _read_indicators(name, doc, lists, dimensions, indicators, signs, log: IssueLog) -> None:
    prefix = doc["catalog"].get("id_prefix")
    keys = {lst.key: lst for lst in lists.values()}
    for row in doc.get("indicator", []):
        concept = str(row.get("concept", "?"))
        if not _indicator_row_ok(name, row, concept, prefix, dimensions, signs, log):
            continue
        signs[concept] = Sign(concept, "indicator", row["text"], row["text_ja"],
                              row["dimension"], row.get("source"))
        for key, value in row["lists"].items():
            ind = _make_indicator(name, row, concept, prefix, keys.get(key), key, value, log)
            if ind is None:
                continue
            if ind.id in indicators:
                log.add(name, "indicator", concept, "lists",
                        N_("the id {id} is used twice"), id=ind.id)
            indicators[ind.id] = ind


def _indicator_row_ok(name, row, concept, prefix, dimensions, signs, log: IssueLog) -> bool:
    ok = True
    for key in ("concept", "text", "text_ja", "lists", "dimension"):
        if not row.get(key):
            log.add(name, "indicator", concept, key, N_("this field is required"))
            ok = False
    if ok and row["dimension"] not in dimensions:
        log.add(name, "indicator", concept, "dimension",
                N_("unknown dimension {value}"), value=row["dimension"])
        ok = False
    if concept in signs:
        log.add(name, "indicator", concept, "concept", N_("duplicate id {id}"), id=concept)
        ok = False
    if not prefix:
        log.add(name, "file", name, "catalog.id_prefix", N_("indicator files need an id_prefix"))
        ok = False
    elif prefix != "ILO" and not row.get("source"):
        log.add(name, "indicator", concept, "source",
                N_("an extension indicator must cite its source"))
        ok = False
    return ok


def _make_indicator(name, row, concept, prefix, lst, key, value, log) -> Indicator | None:
    if lst is None:
        log.add(name, "indicator", concept, "lists", N_("unknown list key {key}"), key=key)
        return None
    letter, _, number = str(value).partition("-")
    if letter not in STRENGTHS or not number.isdigit():
        log.add(name, "indicator", concept, "lists",
                N_("{key} = {value}: expected S-n, M-n or W-n"), key=key, value=value)
        return None
    if letter == "W" and lst.age_group == "child":
        log.add(name, "indicator", concept, "lists",
                N_("{key}: the child lists have no weak indicators"), key=key)
        return None
    ident = f"{prefix}-{lst.id_part}-{row['dimension']}-{letter}-{number}"
    return Indicator(ident, concept, lst.id, row["dimension"], STRENGTHS[letter], row["text"],
                     row["text_ja"], prefix, row.get("refines"), row.get("source"))


def _read_signs(name, doc, signs, log: IssueLog) -> None:
    for row in doc.get("sign", []):
        ident = str(row.get("id", "?"))
        if ident in signs:
            log.add(name, "sign", ident, "id", N_("duplicate id {id}"), id=ident)
            continue
        if row.get("kind") not in SIGN_KINDS:
            log.add(name, "sign", ident, "kind", N_("kind must be one of {kinds}"),
                    kinds=", ".join(SIGN_KINDS))
            continue
        if not row.get("text") or not row.get("text_ja"):
            log.add(name, "sign", ident, "text", N_("text and text_ja are required"))
            continue
        signs[ident] = Sign(ident, row["kind"], row["text"], row["text_ja"])


def _check_refines(refines, signs, log: IssueLog) -> None:
    for name, concept, parent_id, dimension in refines:
        parent = signs.get(parent_id)
        if parent is None or parent.kind != "indicator":
            log.add(name, "indicator", concept, "refines",
                    N_("unknown indicator {id}"), id=parent_id)
        elif parent.dimension != dimension:
            log.add(name, "indicator", concept, "refines",
                    N_("{id} is in another dimension"), id=parent_id)
