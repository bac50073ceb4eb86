"""Whole interviews driven through the flow engine, then screened (no widgets)."""

import pytest

from . import scenarios as S


def run(flow, answers):
    session, asked = S.drive(flow, answers)
    assert session.status == "finished"
    return session, asked, flow.screen(session)


def dims(result, list_id):
    lst = next(x for x in result.lists if x.list_id == list_id)
    return {d.number for d in lst.dimensions if d.positive}


def test_case2_thai_massage_room_is_likely(flow):
    _, asked, result = run(flow, S.CASE2)
    assert result.classification == "likely"
    assert [r.rule for r in result.reasons] == ["ilo-adult"]
    assert dims(result, "adult_labour") == {1, 4, 5}
    assert dims(result, "adult_sexual") == {1, 4, 5}
    assert result.protocol_met
    # her status expired: immigration (special permission to stay) with the reason from answers
    immigration = next(s for s in result.next_steps if s.id == "immigration")
    cited = {e.question for r in immigration.reasons for e in r.evidence}
    assert cited == {"japanese_national", "residence_status"}
    assert "50(1)(iii)" in immigration.note.en
    assert {"police", "temporary_protection", "iom"} <= set(result.next_step_ids())
    assert "residence_status" in asked and "in_school" not in asked


def test_case1_adult_dating_site_group_is_possible_with_gaps(flow):
    _, _, result = run(flow, S.CASE1_ADULT)
    # coercion at destination is established; the report says too little about her conditions
    # of work or how she was recruited for the full ILO combination
    assert result.classification == "possible"
    assert dims(result, "adult_sexual") == {5}
    assert [l.list_id for l in result.lists] == ["adult_sexual"]
    assert "labour_inspection" not in result.next_step_ids()
    assert "police" in result.next_step_ids()


def test_case1_child_adds_child_rule_and_child_guidance(flow):
    _, asked, result = run(flow, S.CASE1_CHILD)
    assert "in_school" in asked
    assert result.under_18 is True
    assert result.classification == "possible"
    assert "possible-child" in [r.rule for r in result.reasons]
    assert "child_guidance" in result.next_step_ids()
    means = next(e for e in result.protocol if e.id == "means")
    assert means.status == "not_needed"
    japan_b = next(e for e in result.japan if e.id == "b")
    assert japan_b.status == "signs"


def test_case3_brokered_marriage_is_possible_under_japanese_law(flow):
    _, asked, result = run(flow, S.CASE3)
    assert "job_different" not in asked  # she had no work: work questions are passed over
    assert result.classification == "possible"
    assert [r.rule for r in result.reasons] == ["possible-japan"]
    japan_a = next(e for e in result.japan if e.id == "a")
    assert japan_a.status == "signs"
    assert {e.question for e in japan_a.evidence} == {"sold", "brokered_marriage"}
    assert "legal_aid" in result.next_step_ids()


def test_technical_intern_labour_exploitation_is_likely(flow):
    _, _, result = run(flow, S.INTERN)
    assert result.classification == "likely"
    assert dims(result, "adult_labour") == {1, 4, 5}
    lst = next(x for x in result.lists if x.list_id == "adult_labour")
    d5 = next(d for d in lst.dimensions if d.number == 5)
    # the intern passport question refines "confiscation of documents": counted once
    groups = [h.concept for h in d5.indicators]
    assert not {"JP-INTERN-PASSPORT", "ILO-5-DOCUMENTS"} <= set(groups)
    assert {"labour_inspection", "legal_aid", "embassy"} <= set(result.next_step_ids())
    assert "iom" not in result.next_step_ids()  # she does not want to go home


def test_child_in_jk_business_is_likely_without_any_means(flow):
    _, _, result = run(flow, S.JK_CHILD)
    assert result.classification == "likely"
    assert [r.rule for r in result.reasons] == ["child"]
    assert dims(result, "child_sexual") == {4}
    hits = {h.concept for l in result.lists for d in l.dimensions for h in d.indicators}
    assert "JP-JK-BUSINESS" in hits
    assert "child_guidance" in result.next_step_ids()


def test_domestic_violence_is_other_and_says_which(flow):
    _, _, result = run(flow, S.DOMESTIC_VIOLENCE)
    assert result.classification == "other"
    assert result.other_kinds() == ["other-harm:HARM-DOMESTIC-VIOLENCE"]
    assert {"police", "temporary_protection"} <= set(result.next_step_ids())
    assert "immigration" not in result.next_step_ids()


def test_unpaid_long_hours_without_coercion_is_a_labour_rights_matter(flow):
    _, _, result = run(flow, S.LABOUR_RIGHTS)
    assert result.classification == "other"
    assert [r.rule for r in result.reasons] == ["other-labour"]
    assert "labour_inspection" in result.next_step_ids()
    assert "police" not in result.next_step_ids()


def test_everything_declined_is_none_yet(flow):
    session, _, result = run(flow, S.EMPTY)
    assert result.classification == "none_yet"
    assert result.observations == ()
    assert result.next_steps == ()
    assert {n.rule for n in result.notes} == {"age-unknown", "type-unknown"}
    assert "not a determination" in result.disclaimer.en


@pytest.mark.parametrize("name", ["CASE1_ADULT", "CASE2", "CASE3", "INTERN", "JK_CHILD",
                                  "DOMESTIC_VIOLENCE", "LABOUR_RIGHTS", "EMPTY"])
def test_every_reason_has_english_and_japanese(flow, name):
    _, _, result = run(flow, getattr(S, name))
    texts = [result.classification_text, result.explanation, result.disclaimer]
    texts += [r.text for r in result.reasons + result.notes + result.other_harms]
    texts += [s.text for s in result.next_steps] + [s.note for s in result.next_steps]
    texts += [r.text for s in result.next_steps for r in s.reasons]
    for text in texts:
        assert text.en and text.ja and text.en != text.ja
