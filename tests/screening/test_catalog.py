"""The indicator catalog: the brochure's lists, dimensions and strengths, and its checks."""

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from app.screening.catalog import INDICATORS_DIR, load_catalog
from app.screening.issues import ValidationFailed

# Indicators per dimension 1..6 (ILO/EC brochure: 67 for adults, 65 for children).
ADULT = [10, 10, 16, 9, 15, 7]
CHILD = [10, 10, 15, 8, 15, 7]


def ilo_counts(catalog, list_id):
    c = Counter(i.dimension for i in catalog.indicators.values()
                if i.list_id == list_id and i.catalog == "ILO")
    return [c[d] for d in range(1, 7)]


@pytest.mark.parametrize("list_id, expected", [
    ("adult_labour", ADULT), ("adult_sexual", ADULT),
    ("child_labour", CHILD), ("child_sexual", CHILD)])
def test_every_list_has_the_brochures_count_per_dimension(catalog, list_id, expected):
    assert ilo_counts(catalog, list_id) == expected


def test_ids_are_stable_and_say_list_dimension_and_strength(catalog):
    pattern = re.compile(r"^(ILO|JP)-[AC]-[LS]-[1-6]-[SMW]-\d+$")
    for ident, ind in catalog.indicators.items():
        assert pattern.match(ident), ident
        prefix, age, kind, dim, strength, _ = ident.split("-")
        assert int(dim) == ind.dimension
        assert strength == ind.strength[0].upper()
        assert catalog.lists[ind.list_id].id_part == f"{age}-{kind}"
    assert catalog.indicators["ILO-A-L-1-S-1"].text == \
        "Deceived about the nature of the job, location or employer"
    assert catalog.indicators["ILO-A-L-4-S-1"].text == "Excessive working days or hours"


def test_strong_indicators_the_brochure_names(catalog):
    strong = {(i.list_id, i.dimension, i.concept) for i in catalog.indicators.values()
              if i.strength == "strong" and i.catalog == "ILO"}
    for concept in ("ILO-5-DOCUMENTS", "ILO-5-DEBT", "ILO-5-ISOLATION", "ILO-5-VIOLENCE"):
        assert ("adult_labour", 5, concept) in strong
    assert not any(l == "adult_labour" and d == 3 for l, d, _ in strong)  # none for adults


def test_child_lists_have_no_weak_tier(catalog):
    assert not [i for i in catalog.indicators.values()
                if i.list_id.startswith("child") and i.strength == "weak"]


def test_every_label_is_in_english_and_japanese(catalog):
    for sign in catalog.signs.values():
        assert sign.text and sign.text_ja and sign.text != sign.text_ja, sign.id
    for dim in catalog.dimensions.values():
        assert dim.text_ja
    for step in catalog.texts.next_steps:
        assert step.text.ja and step.note.ja and all(t.reason.ja for t in step.triggers)


def test_japan_extensions_cite_a_source_and_map_to_a_dimension(catalog):
    jp = [s for s in catalog.signs.values() if s.id.startswith("JP-")]
    assert len(jp) >= 10
    for sign in jp:
        assert sign.source and sign.dimension in range(1, 7), sign.id


def test_versions_are_recorded(catalog):
    assert set(catalog.versions) == {"ilo-ec-2009", "japan-extensions", "tsunagu-signs",
                                     "tsunagu-screening"}


def copy_catalog(tmp_path: Path) -> Path:
    target = tmp_path / "indicators"
    shutil.copytree(INDICATORS_DIR, target)
    return target


def test_a_weak_indicator_on_a_child_list_is_refused(tmp_path):
    folder = copy_catalog(tmp_path)
    path = folder / "japan.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'lists = { CS = "S-1", CL = "S-1" }', 'lists = { CS = "W-1", CL = "S-1" }'),
        encoding="utf-8")
    with pytest.raises(ValidationFailed) as info:
        load_catalog(folder)
    assert "japan.toml: indicator 'JP-JK-BUSINESS', field 'lists'" in str(info.value)


def test_an_extension_without_source_is_refused(tmp_path):
    folder = copy_catalog(tmp_path)
    path = folder / "japan.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index('concept = "JP-HOST-TAB"')
    line = text.index("source =", start)
    path.write_text(text[:line] + text[text.index("\n", line) + 1:], encoding="utf-8")
    with pytest.raises(ValidationFailed) as info:
        load_catalog(folder)
    assert "indicator 'JP-HOST-TAB', field 'source'" in str(info.value)
