"""Unit tests of the scoring rules, on hand-computed cases."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from atdscore.core.rank import rank_countries
from atdscore.core.score import State, score_country, score_indicator
from atdscore.text.numbers import fixed, machine, trimmed
from atdscore.validation.country_file import Answer, CountryFile
from atdscore.validation.model import Rubric


def rubric(categories: list[dict[str, Any]], aggregation: str = "points") -> Rubric:
    return Rubric.model_validate(
        {"id": "r", "title": "R", "version": "1", "aggregation": aggregation, "categories": categories}
    )


def country(answers: dict[str, Any], code: str = "MEX") -> CountryFile:
    return CountryFile.model_validate({"country": code, "year": 2023, "rubric": "r", "answers": answers})


def value(v: Any) -> dict[str, Any]:
    return {"value": v, "evidence": [{"title": "t", "date": "2023"}]}


CHOICE = {
    "id": "c",
    "type": "choice",
    "question": "q",
    "options": [{"id": "a", "label": "A", "points": 3}, {"id": "b", "label": "B", "points": 0.1}],
}
CHECKLIST = {
    "id": "k",
    "type": "checklist",
    "question": "q",
    "items": [{"id": "x", "label": "X", "points": 0.1}, {"id": "y", "label": "Y", "points": 0.2}],
}
NUMBER = {
    "id": "n",
    "type": "number",
    "unit": "days",
    "question": "q",
    "bands": [{"max": 1.5, "points": 4}, {"max": 30, "points": 2}, {"points": 0}],
}
SCORE = {"id": "s", "type": "score", "min": 0, "max": 5, "question": "q"}


def indicator_points(spec: dict[str, Any], v: Any) -> Fraction:
    r = rubric([{"id": "cat", "title": "T", "indicators": [spec]}])
    ind = r.categories[0].indicators[0]
    return score_indicator("cat." + spec["id"], ind, Answer.model_validate(value(v))).points


@pytest.mark.parametrize(
    ("spec", "answer", "points"),
    [
        (CHOICE, "a", Fraction(3)),
        (CHOICE, "b", Fraction(1, 10)),
        (CHECKLIST, [], Fraction(0)),
        (CHECKLIST, ["x", "y"], Fraction(3, 10)),
        (NUMBER, 0, Fraction(4)),
        (NUMBER, 1.5, Fraction(4)),  # a band's max is inclusive: 36 hours is within 1.5 days
        (NUMBER, 1.6, Fraction(2)),
        (NUMBER, 30, Fraction(2)),
        (NUMBER, 31, Fraction(0)),
        (NUMBER, float("inf"), Fraction(0)),  # no limit in law falls in the last band
        (SCORE, 0, Fraction(0)),
        (SCORE, 5, Fraction(5)),
    ],
)
def test_indicator_points(spec: dict[str, Any], answer: Any, points: Fraction) -> None:
    assert indicator_points(spec, answer) == points


def test_checklist_sum_has_no_float_noise() -> None:
    # 0.1 + 0.2 is 0.3 exactly, and prints so.
    p = indicator_points(CHECKLIST, ["x", "y"])
    assert p == Fraction(3, 10)
    assert trimmed(p) == "0.3"
    assert machine(p) == 0.3


def test_unknown_missing_and_not_applicable() -> None:
    r = rubric([{"id": "cat", "title": "T", "indicators": [CHOICE, SCORE]}])
    ind = r.categories[0].indicators[0]
    unknown = score_indicator("cat.c", ind, Answer.model_validate({"status": "unknown"}))
    missing = score_indicator("cat.c", ind, None)
    na = score_indicator("cat.c", ind, Answer.model_validate({"status": "not-applicable"}))
    assert (unknown.state, unknown.points, unknown.max) == (State.UNKNOWN, 0, 3)
    assert (missing.state, missing.points, missing.max) == (State.MISSING, 0, 3)
    assert (na.state, na.points, na.max) == (State.NOT_APPLICABLE, 0, 0)


def test_not_applicable_removes_the_maximum_and_does_not_penalise() -> None:
    r = rubric([{"id": "cat", "title": "T", "indicators": [CHOICE, SCORE]}])
    answered = score_country(r, country({"cat.c": value("a"), "cat.s": value(5)}))
    na = score_country(r, country({"cat.c": {"status": "not-applicable"}, "cat.s": value(5)}))
    assert (answered.points, answered.max, answered.percent) == (8, 8, 100)
    assert (na.points, na.max, na.percent) == (5, 5, 100)
    assert na.coverage == 1


def test_coverage_counts_unknown_and_missing_against_applicable_indicators() -> None:
    r = rubric([{"id": "cat", "title": "T", "indicators": [CHOICE, SCORE, CHECKLIST]}])
    result = score_country(r, country({"cat.c": value("a"), "cat.s": {"status": "unknown"}}))
    assert result.coverage == Fraction(1, 3)
    result = score_country(
        r, country({"cat.c": value("a"), "cat.s": {"status": "unknown"}, "cat.k": {"status": "not-applicable"}})
    )
    assert result.coverage == Fraction(1, 2)


def test_points_aggregation_applies_weights_penalty_floor_and_bonus_cap() -> None:
    r = rubric(
        [
            {"id": "a", "title": "A", "weight": 2, "indicators": [SCORE]},
            {"id": "b", "title": "B", "indicators": [{**SCORE, "max": 10}]},
            {"id": "p", "title": "P", "kind": "penalty", "floor": -3, "indicators": [{**SCORE, "min": -5, "max": 0}]},
            {"id": "x", "title": "X", "kind": "bonus", "cap": 2, "indicators": [{**SCORE, "min": 0, "max": 5}]},
        ]
    )
    result = score_country(r, country({"a.s": value(5), "b.s": value(5), "p.s": value(-5), "x.s": value(5)}))
    # 2*5 + 5 = 15 of 2*5 + 10 = 20; penalty -5 held at -3; bonus 5 held at 2.
    assert [c.points for c in result.categories] == [5, 5, -3, 2]
    assert (result.points, result.max, result.percent) == (14, 20, 70)


def test_total_never_falls_below_zero() -> None:
    r = rubric(
        [
            {"id": "a", "title": "A", "indicators": [SCORE]},
            {"id": "p", "title": "P", "kind": "penalty", "floor": -10, "indicators": [{**SCORE, "min": -5, "max": 0}]},
        ]
    )
    result = score_country(r, country({"a.s": value(1), "p.s": value(-5)}))
    assert (result.points, result.percent) == (0, 0)


def test_weighted_mean_of_category_percentages() -> None:
    cats = [
        {"id": "a", "title": "A", "weight": 3, "indicators": [SCORE]},
        {"id": "b", "title": "B", "weight": 1, "indicators": [{**SCORE, "max": 20}]},
    ]
    r = rubric(cats, aggregation="weighted-mean")
    result = score_country(r, country({"a.s": value(5), "b.s": value(0)}))
    # (3 * 100 + 1 * 0) / 4 = 75%, whatever the categories' point maxima.
    assert result.percent == 75
    assert result.points == Fraction(75, 100) * 25
    # The same data under `points`: (3*5 + 0) / (3*5 + 20) = 15/35.
    assert score_country(rubric(cats), country({"a.s": value(5), "b.s": value(0)})).percent == Fraction(1500, 35)


def test_weighted_mean_penalty_counts_as_share_of_point_maximum() -> None:
    cats: list[dict[str, Any]] = [
        {"id": "a", "title": "A", "indicators": [{**SCORE, "max": 10}]},
        {"id": "p", "title": "P", "kind": "penalty", "floor": -5, "indicators": [{**SCORE, "min": -2, "max": 0}]},
    ]
    r = rubric(cats, aggregation="weighted-mean")
    result = score_country(r, country({"a.s": value(10), "p.s": value(-2)}))
    assert result.percent == 80  # 100% less 2 points of a 10-point maximum


def test_a_category_with_everything_not_applicable_leaves_the_mean() -> None:
    r = rubric(
        [{"id": "a", "title": "A", "indicators": [SCORE]}, {"id": "b", "title": "B", "indicators": [CHOICE]}],
        "weighted-mean",
    )
    result = score_country(r, country({"a.s": value(5), "b.c": {"status": "not-applicable"}}))
    assert result.percent == 100
    assert result.categories[1].percent is None


def test_nextgen_structure_is_expressible() -> None:
    # Six point-scored categories (20/10/26/12/20/12 = 100), penalty to -15, bonus to +15: "out of 115".
    maxima = [20, 10, 26, 12, 20, 12]
    cats: list[dict[str, Any]] = [
        {"id": f"c{n}", "title": f"C{n}", "indicators": [{**SCORE, "max": m}]} for n, m in enumerate(maxima)
    ]
    cats.append(
        {
            "id": "penalty",
            "title": "P",
            "kind": "penalty",
            "floor": -15,
            "indicators": [{**SCORE, "min": -15, "max": 0}],
        }
    )
    cats.append(
        {"id": "bonus", "title": "B", "kind": "bonus", "cap": 15, "indicators": [{**SCORE, "min": 0, "max": 15}]}
    )
    r = rubric(cats)
    best = {f"c{n}.s": value(m) for n, m in enumerate(maxima)} | {"penalty.s": value(0), "bonus.s": value(15)}
    result = score_country(r, country(best))
    assert (result.points, result.max) == (115, 100)
    assert result.percent == 115


def test_ties_share_a_rank_and_are_listed_by_code() -> None:
    r = rubric([{"id": "a", "title": "A", "indicators": [SCORE]}])
    results = [
        score_country(r, country({"a.s": value(v)}, code))
        for code, v in [("THA", 3), ("BEL", 5), ("MYS", 3), ("MEX", 1)]
    ]
    ranked = rank_countries(results)
    assert [(e.rank, e.result.country) for e in ranked] == [(1, "BEL"), (2, "MYS"), (2, "THA"), (4, "MEX")]


def test_rounding_is_half_up_and_exact() -> None:
    assert fixed(Fraction(2, 3) * 100) == "66.7"
    assert fixed(Fraction(1, 20), 1) == "0.1"
    assert fixed(Fraction(-1, 20), 1) == "-0.1"
    assert fixed(Fraction(0)) == "0.0"
    assert trimmed(Fraction(Decimal("12.5"))) == "12.5"
