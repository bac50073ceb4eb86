"""The screening's words in English and Japanese, read from resources/indicators/screening.toml.

Classifications, rule texts, the Protocol and Immigration Act elements, labels and next steps
live in TOML so that a social worker can review the Japanese without reading code. Next-step
triggers are data too (see the file's header for their keys).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.i18n import N_
from app.screening.issues import IssueLog

CLASSIFICATIONS = ("likely", "possible", "other", "none_yet")
RULE_IDS = (
    "dim-two-strong", "dim-strong-plus", "dim-three-medium", "dim-two-medium-weak", "dim-none",
    "ilo-adult", "child", "possible-dimension", "possible-strong", "possible-exploitation-means",
    "possible-child", "possible-japan", "other-labour", "other-harm", "none-isolated",
    "age-unknown", "type-unknown",
)
PROTOCOL_IDS = ("act", "means", "purpose", "met-adult", "met-child")
JAPAN_IDS = ("a", "b", "c", "control")
LABEL_IDS = (
    "disclaimer", "classification", "reasons", "dimensions", "positive", "not_positive",
    "protocol", "japan", "next_steps", "other", "versions", "age", "age_unknown", "list",
    "from_answer", "strong", "medium", "weak", "present", "signs", "not_seen", "not_needed",
)
TRIGGER_KEYS = {"classification", "child", "signs_any", "signs_all", "dimension_signs",
                "reason", "reason_ja"}


@dataclass(frozen=True)
class Text:
    """A staff-facing text in both staff languages."""

    en: str
    ja: str

    def get(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en

    def to_dict(self) -> dict:
        return {"en": self.en, "ja": self.ja}

    @classmethod
    def from_dict(cls, data: dict) -> "Text":
        return cls(data["en"], data["ja"])


@dataclass(frozen=True)
class Trigger:
    """One reason to recommend a next step; it holds when all its set conditions hold."""

    reason: Text
    classification: tuple[str, ...] = ()
    child: bool | None = None
    signs_any: tuple[str, ...] = ()
    signs_all: tuple[str, ...] = ()
    dimension_signs: tuple[int, ...] = ()


@dataclass(frozen=True)
class NextStepDef:
    """A place to refer her to, with a note for staff and the triggers that recommend it."""

    id: str
    text: Text
    note: Text
    triggers: tuple[Trigger, ...]


@dataclass
class Texts:
    """All screening words, looked up by id."""

    labels: dict[str, Text] = field(default_factory=dict)
    classifications: dict[str, tuple[Text, Text]] = field(default_factory=dict)
    rules: dict[str, Text] = field(default_factory=dict)
    protocol: dict[str, Text] = field(default_factory=dict)
    japan: dict[str, Text] = field(default_factory=dict)
    next_steps: list[NextStepDef] = field(default_factory=list)

    def label(self, key: str, lang: str) -> str:
        return self.labels[key].get(lang)


def _pair(table: dict, key: str = "text") -> Text | None:
    en, ja = table.get(key), table.get(f"{key}_ja")
    return Text(en, ja) if isinstance(en, str) and isinstance(ja, str) else None


def read_texts(docs: list[tuple[str, dict]], known_signs: set[str], log: IssueLog) -> Texts:
    """Collect the screening words from whichever catalog file holds them, checking each."""
    texts = Texts()
    for name, doc in docs:
        _read_labels(name, doc.get("labels", {}), texts, log)
        _read_table(name, "classification", doc.get("classification", {}), texts, log)
        for kind in ("rules", "protocol", "japan"):
            for key, table in doc.get(kind, {}).items():
                pair = _pair(table)
                if pair is None:
                    log.add(name, kind, key, "text", N_("text and text_ja are required"))
                else:
                    getattr(texts, kind)[key] = pair
        for row in doc.get("next_step", []):
            step = _read_step(name, row, known_signs, log)
            if step:
                texts.next_steps.append(step)
    _check_complete(docs[0][0] if docs else "-", texts, log)
    return texts


def _read_labels(name: str, table: dict, texts: Texts, log: IssueLog) -> None:
    for key, value in table.items():
        if key.endswith("_ja"):
            continue
        if not isinstance(table.get(f"{key}_ja"), str):
            log.add(name, "label", key, f"{key}_ja", N_("the Japanese text is missing"))
            continue
        texts.labels[key] = Text(value, table[f"{key}_ja"])


def _read_table(name: str, kind: str, table: dict, texts: Texts, log: IssueLog) -> None:
    for key, row in table.items():
        text, explain = _pair(row), _pair(row, "explain")
        if key not in CLASSIFICATIONS:
            log.add(name, kind, key, "-", N_("unknown classification"))
        elif text is None or explain is None:
            log.add(name, kind, key, "text", N_("text, explain and their _ja are required"))
        else:
            texts.classifications[key] = (text, explain)


def _read_step(name: str, row: dict, known: set[str], log: IssueLog) -> NextStepDef | None:
    ident = str(row.get("id", "?"))
    text, note = _pair(row), _pair(row, "note")
    if text is None or note is None:
        log.add(name, "next_step", ident, "text", N_("text, note and their _ja are required"))
        return None
    triggers = []
    for trig in row.get("trigger", []):
        trigger = _read_trigger(name, ident, trig, known, log)
        if trigger:
            triggers.append(trigger)
    return NextStepDef(ident, text, note, tuple(triggers))


def _read_trigger(name, ident, trig: dict, known: set[str], log: IssueLog) -> Trigger | None:
    unknown_keys = set(trig) - TRIGGER_KEYS
    reason = _pair(trig, "reason")
    if unknown_keys or reason is None:
        log.add(name, "next_step", ident, "trigger",
                N_("a trigger needs reason and reason_ja and only known keys (got {keys})"),
                keys=", ".join(sorted(trig)))
        return None
    for sign in [*trig.get("signs_any", []), *trig.get("signs_all", [])]:
        if sign not in known:
            log.add(name, "next_step", ident, "trigger", N_("unknown sign {id}"), id=sign)
            return None
    bad = [c for c in trig.get("classification", []) if c not in CLASSIFICATIONS]
    if bad:
        log.add(name, "next_step", ident, "trigger.classification",
                N_("unknown classification {value}"), value=bad[0])
        return None
    return Trigger(reason, tuple(trig.get("classification", ())), trig.get("child"),
                   tuple(trig.get("signs_any", ())), tuple(trig.get("signs_all", ())),
                   tuple(trig.get("dimension_signs", ())))


def _check_complete(name: str, texts: Texts, log: IssueLog) -> None:
    wanted = [("classification", CLASSIFICATIONS, texts.classifications),
              ("rules", RULE_IDS, texts.rules), ("protocol", PROTOCOL_IDS, texts.protocol),
              ("japan", JAPAN_IDS, texts.japan), ("labels", LABEL_IDS, texts.labels)]
    for kind, ids, found in wanted:
        for key in ids:
            if key not in found:
                log.add(name, kind, key, "text", N_("missing: the screening needs this text"))
