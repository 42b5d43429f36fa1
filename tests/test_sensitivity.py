"""The sensitivity analysis, pinned on small cases whose statistics can be worked out by hand."""

from __future__ import annotations

import json
from dataclasses import replace
from fractions import Fraction
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atdscore.core.rank import rank_countries
from atdscore.core.score import CountryResult, Scorer, total
from atdscore.core.sensitivity import (
    INPUTS,
    Options,
    _Draws,
    _percents,
    _prepare,
    _ranks,
    analyse,
    analysis_data,
)
from atdscore.validation.country_file import CountryFile
from atdscore.validation.model import Rubric

OFF = Options(weights_spread=0, vary_aggregation=False, unknowns=False, leave_one_out=False)


def score(k: int, high: int = 10, low: int = 0) -> dict[str, Any]:
    return {"id": f"s{k}", "type": "score", "question": "q", "min": low, "max": high}


def rubric(categories: list[dict[str, Any]], aggregation: str = "weighted-mean") -> Rubric:
    return Rubric.model_validate(
        {"id": "r", "title": "R", "version": "1", "aggregation": aggregation, "categories": categories}
    )


def standard(cid: str, weight: float = 1, indicators: int = 1) -> dict[str, Any]:
    return {"id": cid, "title": cid.upper(), "weight": weight, "indicators": [score(k) for k in range(indicators)]}


def results(r: Rubric, countries: dict[str, dict[str, Any]]) -> list[CountryResult]:
    """Score countries given as {code: {indicator id: points, or None for unknown}}."""
    scorer = Scorer(r)
    out = []
    for code, answers in countries.items():
        data = {
            key: {"status": "unknown"} if v is None else {"value": v, "evidence": [{"title": "t", "date": "2023"}]}
            for key, v in answers.items()
        }
        out.append(
            scorer.score(CountryFile.model_validate({"country": code, "year": 2023, "rubric": "r", "answers": data}))
        )
    return out


# Two categories worth 10 points each. X is strong on a, Y on b: X leads (50% to 45%) only while
# w_a / w_b > 0.9. Z is maximal everywhere, so nothing can take rank 1 from it.
TWO = rubric([standard("a"), standard("b")])
FLIP = results(TWO, {"ZZZ": {"a.s0": 10, "b.s0": 10}, "XXX": {"a.s0": 10, "b.s0": 0}, "YYY": {"a.s0": 0, "b.s0": 9}})


def by_code(analysis: Any) -> dict[str, Any]:
    return {c.country: c for c in analysis.countries}


def test_nothing_uncertain_keeps_every_rank() -> None:
    analysis = analyse(TWO, FLIP, replace(OFF, runs=50))
    stats = by_code(analysis)
    assert [(c.country, c.rank) for c in analysis.countries] == [("ZZZ", 1), ("XXX", 2), ("YYY", 3)]
    assert all(c.stability == 1 and c.median_rank == c.rank and c.interval == (c.rank, c.rank) for c in stats.values())
    assert all(s.first_order is None for s in analysis.sensitivity)


def test_weights_flip_two_countries_as_often_as_computed_by_hand() -> None:
    # Weights uniform on [0.5, 1.5] each: P(w_a < 0.9 w_b) = ∫ from 5/9 to 3/2 of (0.9 y - 0.5) dy = 0.401389.
    analysis = analyse(TWO, FLIP, replace(OFF, runs=4000, weights_spread=0.5))
    stats = by_code(analysis)
    flipped = 0.401389
    assert stats["XXX"].stability == pytest.approx(1 - flipped, abs=0.03)
    assert stats["YYY"].stability == stats["XXX"].stability
    assert (stats["XXX"].median_rank, stats["XXX"].interval) == (2, (2, 3))
    assert (stats["YYY"].median_rank, stats["YYY"].interval) == (3, (2, 3))
    # Only weights vary, so they explain all of it.
    assert dict((s.input, s.first_order) for s in analysis.sensitivity)["weights"] == 1


def test_a_small_spread_cannot_flip_them() -> None:
    # Within ±5% the ratio w_a / w_b stays above 0.95 / 1.05 > 0.9.
    stats = by_code(analyse(TWO, FLIP, replace(OFF, runs=500, weights_spread=0.05)))
    assert stats["XXX"].stability == stats["YYY"].stability == 1


def test_a_country_maximal_everywhere_keeps_rank_one_whatever_varies() -> None:
    analysis = analyse(TWO, FLIP, Options(runs=500, weights_spread=1))
    top = by_code(analysis)["ZZZ"]
    assert (top.rank, top.median_rank, top.interval, top.stability) == (1, 1, (1, 1), 1)


def test_leave_one_out_flips_in_a_third_of_runs() -> None:
    # No category left out: X leads; a left out: Y leads (90% to 0%); b left out: X leads.
    # None left out: Z 1, X 2, Y 3. a left out: Z 1, Y 2 (90%), X 3 (0%). b left out: X ties Z at
    # 100% (both rank 1), Y 3. So X keeps its rank in 1/3 of runs and Y in 2/3.
    stats = by_code(analyse(TWO, FLIP, replace(OFF, runs=3000, leave_one_out=True)))
    assert stats["XXX"].stability == pytest.approx(1 / 3, abs=0.03)
    assert stats["YYY"].stability == pytest.approx(2 / 3, abs=0.03)
    assert (stats["XXX"].interval, stats["YYY"].interval) == ((1, 3), (2, 3))
    assert stats["ZZZ"].stability == 1


def test_unknowns_are_drawn_between_the_indicators_min_and_max() -> None:
    # X has 5 of 10; Y's unknown answer scores 0 nominally and is drawn from 0 to 10: Y leads half the time.
    r = rubric([standard("a")])
    countries = results(r, {"XXX": {"a.s0": 5}, "YYY": {"a.s0": None}})
    stats = by_code(analyse(r, countries, replace(OFF, runs=4000, unknowns=True)))
    assert (stats["XXX"].rank, stats["YYY"].rank) == (1, 2)
    assert stats["YYY"].stability == pytest.approx(0.5, abs=0.03)
    assert stats["YYY"].interval == (1, 2)


def test_aggregation_that_cannot_matter_gets_no_share() -> None:
    # Equal maxima make `points` and `weighted-mean` the same index here, so weights explain everything.
    analysis = analyse(TWO, FLIP, replace(OFF, runs=2000, weights_spread=0.5, vary_aggregation=True))
    indices = {s.input: s.first_order for s in analysis.sensitivity}
    assert indices["weights"] == 1
    assert indices["aggregation"] is not None and indices["aggregation"] < 0.1


def test_same_seed_same_result_and_another_seed_differs() -> None:
    options = Options(runs=300)
    assert analyse(TWO, FLIP, options) == analyse(TWO, FLIP, options)
    assert analyse(TWO, FLIP, options) != analyse(TWO, FLIP, replace(options, seed=7))


@pytest.mark.parametrize("name", INPUTS)
def test_turning_an_input_off_removes_its_index(name: str) -> None:
    switches: dict[str, dict[str, Any]] = {
        "weights": {"weights_spread": 0},
        "aggregation": {"vary_aggregation": False},
        "unknowns": {"unknowns": False},
        "leave-one-out": {"leave_one_out": False},
    }
    off = switches[name]
    indices = {s.input: s.first_order for s in analyse(TWO, FLIP, Options(runs=200, **off)).sensitivity}
    assert indices[name] is None
    assert all(v is not None and 0 <= v <= 1 for k, v in indices.items() if k != name)


def test_leave_one_out_needs_two_categories() -> None:
    r = rubric([standard("a")])
    countries = results(r, {"XXX": {"a.s0": 5}, "YYY": {"a.s0": 3}})
    indices = {s.input: s.first_order for s in analyse(r, countries, Options(runs=100)).sensitivity}
    assert indices["leave-one-out"] is None


def test_exact_ties_stay_tied_in_every_run() -> None:
    # All three score 3 of 9 points (33.3%), summed in floats in a different order each.
    r = rubric([{**standard(c), "indicators": [score(0, 3)]} for c in "abc"])
    countries = results(
        r,
        {
            "AAA": {"a.s0": 1, "b.s0": 2, "c.s0": 0},
            "BBB": {"a.s0": 2, "b.s0": 0, "c.s0": 1},
            "CCC": {"a.s0": 0, "b.s0": 1, "c.s0": 2},
            "DDD": {"a.s0": 0, "b.s0": 0, "c.s0": 2},
        },
    )
    analysis = analyse(r, countries, replace(OFF, runs=20))
    assert [(c.country, c.rank, c.stability) for c in analysis.countries] == [
        ("AAA", 1, 1),
        ("BBB", 1, 1),
        ("CCC", 1, 1),
        ("DDD", 4, 1),
    ]


def test_competition_ranks() -> None:
    # Float noise (0.1 + 0.2 against 0.3) is a tie; a country without a total ranks last.
    ranks = _ranks(np.array([[3.0, 5.0, 3.0, 1.0], [-np.inf, 0.1 + 0.2, -np.inf, 0.3]]))
    assert ranks.tolist() == [[2, 1, 2, 4], [3, 1, 3, 1]]


CATEGORIES = st.lists(st.integers(0, 4), min_size=2, max_size=4)


@settings(max_examples=60, deadline=None)
@given(
    maxima=CATEGORIES,
    scores=st.lists(st.lists(st.integers(0, 4), min_size=4, max_size=4), min_size=1, max_size=5),
    weights=st.lists(st.fractions(Fraction(1, 4), 2, max_denominator=8), min_size=4, max_size=4),
    penalty=st.lists(st.integers(-4, 0), min_size=5, max_size=5),
    aggregation=st.sampled_from(["points", "weighted-mean"]),
)
def test_float_totals_match_exact_scoring_under_drawn_weights(
    maxima: list[int], scores: list[list[int]], weights: list[Fraction], penalty: list[int], aggregation: str
) -> None:
    # Each category has one indicator from 0 to its maximum (0: left unanswered as not applicable).
    cats: list[dict[str, Any]] = [
        {"id": f"c{k}", "title": "C", "indicators": [score(0, max(m, 1))]} for k, m in enumerate(maxima)
    ]
    cats.append({"id": "p", "title": "P", "kind": "penalty", "floor": -3, "indicators": [score(0, 0, -4)]})
    r = rubric(cats, aggregation)
    scorer = Scorer(r)
    countries = []
    for i, row in enumerate(scores):
        answers: dict[str, Any] = {
            f"c{k}.s0": {"status": "not-applicable"} if m == 0 else {"value": min(row[k], m)}
            for k, m in enumerate(maxima)
        }
        answers["p.s0"] = {"value": penalty[i]}
        countries.append(
            scorer.score(
                CountryFile.model_validate({"country": f"C{i:02d}", "year": 2023, "rubric": "r", "answers": answers})
            )
        )
    ranked = [e.result for e in rank_countries(countries) if e.rank is not None]
    if not ranked:
        return
    data = _prepare(r, countries)
    k = len(maxima)
    w = np.array([[float(x) for x in weights[:k]]])
    draws = _Draws(w, np.array([aggregation == "weighted-mean"]), None, np.array([-1], dtype=np.int64))
    got = _percents(data, draws)[0]
    for i, result in enumerate(ranked):
        reweighted = tuple(c._replace(weight=weights[j]) if j < k else c for j, c in enumerate(result.categories))
        exact = total(r.aggregation, result.country, result.year, reweighted).percent
        assert exact is not None
        assert got[i] == pytest.approx(float(exact), abs=1e-9)


def test_penalty_under_weighted_mean_is_a_share_of_the_points_maximum() -> None:
    r = rubric(
        [standard("a"), {"id": "p", "title": "P", "kind": "penalty", "floor": -2, "indicators": [score(0, 0, -5)]}]
    )
    countries = results(r, {"XXX": {"a.s0": 10, "p.s0": -5}, "YYY": {"a.s0": 9, "p.s0": 0}})
    # X: 100% less 2 points (the floor) of 10 = 80%, below Y's 90%.
    assert [(c.country, c.rank) for c in analyse(r, countries, replace(OFF, runs=5)).countries] == [
        ("YYY", 1),
        ("XXX", 2),
    ]


def test_effective_weights_follow_the_variation_of_totals() -> None:
    # Category a spreads the countries (0, 50, 100%); b is 50% for all of them, so it explains nothing.
    countries = results(
        TWO, {"AAA": {"a.s0": 0, "b.s0": 5}, "BBB": {"a.s0": 5, "b.s0": 5}, "CCC": {"a.s0": 10, "b.s0": 5}}
    )
    weights = analyse(TWO, countries, replace(OFF, runs=5)).effective_weights
    assert [(w.category, w.nominal) for w in weights] == [("a", 0.5), ("b", 0.5)]
    assert [w.effective for w in weights] == [pytest.approx(1.0), 0.0]


def test_nominal_weights_under_points_count_each_categorys_maximum() -> None:
    r = rubric([standard("a", 2), standard("b", 1, indicators=2)], "points")  # worth 2 x 10 and 1 x 20
    countries = results(r, {"AAA": {"a.s0": 1, "b.s0": 1, "b.s1": 1}})
    weights = analyse(r, countries, replace(OFF, runs=5)).effective_weights
    assert [(w.nominal, w.effective) for w in weights] == [(0.5, None), (0.5, None)]


def test_no_ranked_countries() -> None:
    analysis = analyse(TWO, [], Options(runs=10))
    assert analysis.countries == ()
    assert analysis_data(analysis)["countries"] == []


@pytest.mark.parametrize("bad", [{"runs": 0}, {"weights_spread": -0.1}, {"weights_spread": 1.5}])
def test_options_are_checked(bad: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        Options(**bad)


def test_analysis_data_is_the_documented_json() -> None:
    data = analysis_data(analyse(TWO, FLIP, Options(runs=300)))
    assert list(data) == ["runs", "seed", "options", "countries", "effective_weights", "sensitivity"]
    assert (data["runs"], data["seed"]) == (300, 42)
    assert data["options"] == {"weights_spread": 0.5, "vary_aggregation": True, "unknowns": True, "leave_one_out": True}
    first = data["countries"][0]
    assert list(first) == ["country", "rank", "median_rank", "interval", "stability"]
    assert (first["country"], first["rank"], first["interval"]) == ("ZZZ", 1, [1, 1])
    assert [s["input"] for s in data["sensitivity"]] == list(INPUTS)
    assert all(
        v is None or v == round(v, 6)
        for v in [c["stability"] for c in data["countries"]]
        + [s["first_order"] for s in data["sensitivity"]]
        + [w["effective"] for w in data["effective_weights"]]
    )
    json.dumps(data, allow_nan=False)
