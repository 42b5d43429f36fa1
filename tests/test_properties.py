"""Property tests of the scorer over generated rubrics and answers."""

from __future__ import annotations

import itertools
from fractions import Fraction
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from atdscore.core.rank import rank_countries
from atdscore.core.score import score_country
from atdscore.validation.country_file import CountryFile
from atdscore.validation.model import ChoiceIndicator, Rubric, ScoreIndicator

points = st.integers(min_value=0, max_value=20).map(lambda n: n / 4)  # quarters: 0, 0.25, ... 5


@st.composite
def rubric_and_answers(draw: st.DrawFn) -> tuple[Rubric, list[CountryFile]]:
    n_categories = draw(st.integers(1, 4))
    categories: list[dict[str, Any]] = []
    for c in range(n_categories):
        options = draw(st.lists(points, min_size=1, max_size=4))
        categories.append(
            {
                "id": f"c{c}",
                "title": "T",
                "weight": draw(st.integers(1, 3)),
                "indicators": [
                    {
                        "id": "choice",
                        "type": "choice",
                        "question": "q",
                        "options": [{"id": f"o{i}", "label": "L", "points": p} for i, p in enumerate(options)],
                    },
                    {"id": "score", "type": "score", "question": "q", "min": 0, "max": draw(st.integers(1, 5))},
                ],
            }
        )
    categories.append(
        {
            "id": "pen",
            "title": "P",
            "kind": "penalty",
            "floor": -2,
            "indicators": [{"id": "s", "type": "score", "question": "q", "min": -3, "max": 0}],
        }
    )
    aggregation = draw(st.sampled_from(["points", "weighted-mean"]))
    rubric = Rubric.model_validate(
        {"id": "r", "title": "R", "version": "1", "aggregation": aggregation, "categories": categories}
    )
    countries = []
    for code in draw(
        st.lists(st.sampled_from(["MEX", "BEL", "THA", "MYS", "DEU"]), min_size=1, max_size=5, unique=True)
    ):
        answers: dict[str, Any] = {}
        for cat in rubric.categories[:-1]:
            choice, score = cat.indicators
            assert isinstance(choice, ChoiceIndicator) and isinstance(score, ScoreIndicator)
            state = draw(st.sampled_from(["value", "unknown", "not-applicable", "missing"]))
            if state == "value":
                answers[f"{cat.id}.choice"] = {
                    "value": draw(st.sampled_from([o.id for o in choice.options])),
                    "evidence": [{"title": "t", "date": "2023"}],
                }
            elif state != "missing":
                answers[f"{cat.id}.choice"] = {"status": state}
            answers[f"{cat.id}.score"] = {
                "value": draw(st.integers(0, score.max)),
                "evidence": [{"title": "t", "date": "2023"}],
            }
        answers["pen.s"] = {"value": draw(st.integers(-3, 0)), "evidence": [{"title": "t", "date": "2023"}]}
        countries.append(CountryFile.model_validate({"country": code, "year": 2023, "rubric": "r", "answers": answers}))
    return rubric, countries


@given(rubric_and_answers())
@settings(max_examples=150, deadline=None)
def test_percent_is_between_0_and_100_without_bonus(case: tuple[Rubric, list[CountryFile]]) -> None:
    rubric, countries = case
    for country in countries:
        result = score_country(rubric, country)
        assert result.percent is not None
        assert 0 <= result.percent <= 100
        assert 0 <= result.coverage <= 1
        assert result.points * 100 == result.percent * result.max
        for cat in result.categories:
            if cat.percent is not None:
                assert 0 <= cat.percent <= 100


@given(rubric_and_answers())
@settings(max_examples=150, deadline=None)
def test_ranks_follow_percent(case: tuple[Rubric, list[CountryFile]]) -> None:
    rubric, countries = case
    ranked = rank_countries(score_country(rubric, c) for c in countries)
    assert sorted(e.result.country for e in ranked) == sorted(c.country for c in countries)
    for a, b in itertools.pairwise(ranked):
        assert a.result.percent is not None and b.result.percent is not None
        assert a.result.percent >= b.result.percent
        assert a.rank is not None and b.rank is not None
        assert (a.rank == b.rank) == (a.result.percent == b.result.percent)
    assert ranked[0].rank == 1
    # Competition ranking: a rank is one more than the number of countries strictly ahead.
    for e in ranked:
        ahead = [
            o
            for o in ranked
            if o.result.percent is not None and e.result.percent is not None and o.result.percent > e.result.percent
        ]
        assert e.rank == 1 + len(ahead)


@given(rubric_and_answers())
@settings(max_examples=100, deadline=None)
def test_scoring_is_deterministic_and_exact(case: tuple[Rubric, list[CountryFile]]) -> None:
    rubric, countries = case
    for country in countries:
        first, second = score_country(rubric, country), score_country(rubric, country)
        assert first == second
        assert isinstance(first.points, Fraction)
