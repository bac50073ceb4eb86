"""The dimension rule and the combinations, on made-up observations."""

import pytest

from app.screening.engine import screen
from app.screening.rules import dimension_rule

from .conftest import obs


@pytest.mark.parametrize("strengths, rule", [
    (["strong", "strong"], "dim-two-strong"),
    (["strong", "medium"], "dim-strong-plus"),
    (["strong", "weak"], "dim-strong-plus"),
    (["medium", "medium", "medium"], "dim-three-medium"),
    (["medium", "medium", "weak"], "dim-two-medium-weak"),
    (["strong"], "dim-none"),
    (["medium", "medium"], "dim-none"),
    (["medium", "weak", "weak"], "dim-none"),
    (["weak", "weak", "weak"], "dim-none"),
    ([], "dim-none"),
])
def test_dimension_rule(strengths, rule):
    assert dimension_rule(strengths) == rule


# Adult labour: D1 by 1 strong + 1 medium; D4 by 1 strong + 1 medium; D5 by 2 strong.
D1 = ("ILO-1-NATURE", "ILO-1-WAGES")
D4 = ("ILO-4-HOURS", "ILO-4-SALARY")
D5 = ("ILO-5-DOCUMENTS", "ILO-5-DEBT")


def dims(result):
    (lst,) = result.lists
    return {d.number for d in lst.dimensions if d.positive}


def test_adult_combination_needs_recruitment_exploitation_and_destination(catalog):
    result = screen(obs(*D1, *D4, *D5, "TYPE-LABOUR"), age=30, catalog=catalog)
    assert dims(result) == {1, 4, 5}
    assert result.classification == "likely"
    assert [r.rule for r in result.reasons] == ["ilo-adult"]


@pytest.mark.parametrize("missing", ["recruitment", "exploitation", "destination"])
def test_adult_without_one_element_is_only_possible(catalog, missing):
    parts = {"recruitment": D1, "exploitation": D4, "destination": D5}
    signs = [s for k, v in parts.items() if k != missing for s in v]
    result = screen(obs(*signs, "TYPE-LABOUR"), age=30, catalog=catalog)
    assert result.classification == "possible"


def test_abuse_of_vulnerability_can_stand_for_deception_and_coercion(catalog):
    d3 = ("ILO-3-ECONOMIC", "ILO-3-EDUCATION", "ILO-3-DEPENDENCY")
    d6 = ("ILO-6-DEPENDENCY", "ILO-6-UNKNOWN-AREA", "ILO-6-ECONOMIC")
    result = screen(obs(*d3, *D4, *d6, "TYPE-LABOUR"), age=30, catalog=catalog)
    assert dims(result) == {3, 4, 6} and result.classification == "likely"


def test_child_needs_an_act_and_exploitation_but_no_means(catalog):
    signs = ("ACT-RECRUITMENT", *D4, "TYPE-LABOUR")
    child = screen(obs(*signs), age=15, catalog=catalog)
    assert child.classification == "likely" and [r.rule for r in child.reasons] == ["child"]
    assert next(e for e in child.protocol if e.id == "means").status == "not_needed"
    adult = screen(obs(*signs), age=25, catalog=catalog)
    assert adult.classification == "other"  # exploitation without means: labour rights


def test_child_exploitation_without_an_act_is_possible(catalog):
    result = screen(obs(*D4, "TYPE-LABOUR"), age=15, catalog=catalog)
    assert result.classification == "possible"
    assert "possible-child" in [r.rule for r in result.reasons]


def test_a_refinement_and_its_parent_count_once(catalog):
    result = screen(obs("ILO-5-DOCUMENTS", "JP-INTERN-PASSPORT", "TYPE-LABOUR"), age=25,
                    catalog=catalog)
    (lst,) = result.lists
    d5 = next(d for d in lst.dimensions if d.number == 5)
    assert not d5.positive and len(d5.indicators) == 1
    assert result.classification == "possible"
    assert [r.rule for r in result.reasons] == ["possible-strong"]


def test_one_strong_sign_alone_is_possible_with_gaps(catalog):
    result = screen(obs("ILO-5-VIOLENCE"), age=25, catalog=catalog)
    assert result.classification == "possible"
    assert [r.rule for r in result.reasons] == ["possible-strong"]


def test_isolated_medium_signs_are_none_yet_but_named(catalog):
    result = screen(obs("ILO-6-ECONOMIC", "TYPE-LABOUR"), age=25, catalog=catalog)
    assert result.classification == "none_yet"
    assert [r.rule for r in result.reasons] == ["none-isolated"]
    assert result.reasons[0].evidence[0].sign == "ILO-6-ECONOMIC"


def test_the_list_follows_age_and_kind_of_work(catalog):
    def lists(signs, age):
        return [l.list_id for l in screen(obs(*signs), age=age, catalog=catalog).lists]

    assert lists(["TYPE-LABOUR"], 30) == ["adult_labour"]
    assert lists(["TYPE-SEXUAL"], 16) == ["child_sexual"]
    assert lists([], 30) == ["adult_labour", "adult_sexual"]
    assert lists(["TYPE-LABOUR", "TYPE-SEXUAL"], 17) == ["child_labour", "child_sexual"]


def test_strength_depends_on_the_list(catalog):
    # threats of violence: medium for adults, strong for children
    adult = screen(obs("ILO-5-THREATS", "TYPE-LABOUR"), age=30, catalog=catalog)
    child = screen(obs("ILO-5-THREATS", "TYPE-LABOUR"), age=12, catalog=catalog)
    hit = lambda r: next(h for d in r.lists[0].dimensions for h in d.indicators)  # noqa: E731
    assert (hit(adult).id, hit(adult).strength) == ("ILO-A-L-5-M-7", "medium")
    assert (hit(child).id, hit(child).strength) == ("ILO-C-L-5-S-7", "strong")
