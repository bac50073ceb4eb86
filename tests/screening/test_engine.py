"""The screening result: reasons, non-answers, legal views, next steps, versions, round trip."""

import json

import pytest

from app.screening.engine import UnknownSign, screen
from app.screening.render import render_text
from app.screening.result import Observation, ScreeningResult

from .conftest import obs

TRAFFICKED = ("ILO-1-NATURE", "ILO-1-WAGES", "ILO-4-HOURS", "ILO-4-SALARY", "ILO-5-DOCUMENTS",
              "ILO-5-DEBT", "TYPE-LABOUR")


def test_declined_and_not_sure_are_never_counted(catalog):
    declined = [Observation(s, "q", "declined") for s in TRAFFICKED]
    unsure = [Observation(s, "q", "not_sure") for s in TRAFFICKED]
    for given in (declined, unsure):
        result = screen(given, age=30, catalog=catalog)
        assert result.classification == "none_yet" and result.observations == ()


def test_unknown_sign_is_a_clear_error(catalog):
    with pytest.raises(UnknownSign) as info:
        screen([Observation("ILO-9-NOPE", "q1", "yes")], catalog=catalog)
    assert "ILO-9-NOPE" in str(info.value) and "q1" in str(info.value)


def test_reasons_point_back_to_her_answers(catalog):
    result = screen(obs(*TRAFFICKED), age=30, catalog=catalog)
    (reason,) = result.reasons
    assert {e.question for e in reason.evidence} >= {"q_ilo-1-nature", "q_ilo-5-debt"}
    assert all(e.text.ja for e in reason.evidence)


def test_protocol_view_for_an_adult(catalog):
    result = screen(obs(*TRAFFICKED, "ACT-RECRUITMENT"), age=30, catalog=catalog)
    assert {e.id: e.status for e in result.protocol} == {
        "act": "present", "means": "present", "purpose": "present"}
    assert result.protocol_met


def test_japan_definition_items_for_a_child(catalog):
    signs = ("ILO-5-ISOLATION", "TYPE-SEXUAL", "ACT-TRANSFER")
    result = screen(obs(*signs), age=16, catalog=catalog)
    status = {e.id: e.status for e in result.japan}
    assert status == {"a": "not_seen", "b": "signs", "c": "signs"}
    adult = screen(obs(*signs), age=30, catalog=catalog)
    assert {e.id for e in adult.japan} == {"a"}


def test_immigration_only_when_her_status_is_lost_or_uncertain(catalog):
    base = (*TRAFFICKED, "FACT-FOREIGN")
    without = screen(obs(*base), age=30, catalog=catalog)
    assert "immigration" not in without.next_step_ids()
    lost = screen(obs(*base, "FACT-STATUS-UNCERTAIN"), age=30, catalog=catalog)
    step = next(s for s in lost.next_steps if s.id == "immigration")
    assert "Art. 50(1)(iii)" in step.note.en and "第50条第1項第3号" in step.note.ja
    assert "Art. 24" in step.note.en
    assert {e.sign for r in step.reasons for e in r.evidence} == {
        "FACT-FOREIGN", "FACT-STATUS-UNCERTAIN"}


def test_child_guidance_for_under_18_and_unknown_age_is_noted(catalog):
    child = screen(obs("TYPE-SEXUAL"), age=17, catalog=catalog)
    assert "child_guidance" in child.next_step_ids()
    assert "child_guidance" not in screen(obs("TYPE-SEXUAL"), age=18,
                                          catalog=catalog).next_step_ids()
    unknown = screen(obs("TYPE-SEXUAL"), catalog=catalog)
    assert unknown.under_18 is None and "age-unknown" in [n.rule for n in unknown.notes]
    said = screen(obs("TYPE-SEXUAL"), under_18=True, catalog=catalog)
    assert said.under_18 is True and said.lists[0].list_id == "child_sexual"


def test_result_round_trips_through_json(catalog):
    result = screen(obs(*TRAFFICKED, "FACT-FOREIGN", "FACT-WANTS-RETURN"), age=30,
                    catalog=catalog, bank_versions={"screen": "2025.1"})
    data = json.loads(json.dumps(result.to_dict()))
    again = ScreeningResult.from_dict(data)
    assert again == result
    assert data["catalog_versions"]["ilo-ec-2009"] == catalog.versions["ilo-ec-2009"]
    assert data["bank_versions"] == {"screen": "2025.1"}


def test_an_old_result_is_not_rewritten_by_a_new_catalog(catalog):
    result = screen(obs(*TRAFFICKED), age=30, catalog=catalog, bank_versions={"screen": "1"})
    data = result.to_dict()
    data["catalog_versions"]["ilo-ec-2009"] = "2009.09+tsunagu.0"  # made with an older catalog
    old = ScreeningResult.from_dict(data)
    assert not old.is_current(catalog.versions, {"screen": "1"})
    assert result.is_current(catalog.versions, {"screen": "1"})
    # its words come from the result, not from the current catalog
    data["reasons"][0]["text"]["en"] = "older wording"
    assert "older wording" in render_text(ScreeningResult.from_dict(data), catalog.texts, "en")


def test_render_in_both_languages_says_it_is_not_a_determination(catalog):
    result = screen(obs(*TRAFFICKED), age=30, catalog=catalog)
    en = render_text(result, catalog.texts, "en")
    ja = render_text(result, catalog.texts, "ja")
    assert "Likely trafficking" in en and "not a determination" in en
    assert "人身取引の可能性が高い" in ja and "決定するものではありません" in ja
    assert "ILO-A-L-5-S-1" in en and "ILO-A-L-5-S-1" in ja
