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


def reference_percent(rubric: Rubric, country: CountryFile, fill: str = "zero") -> Fraction | None:
    """The total percent worked out from the README's rules ("How scores add up"), written plainly.

    Only for the rubrics `rubric_and_answers` makes: choice and score indicators in standard
    categories, one penalty category of score indicators. Nothing is shared with the scorer. `fill`:
    unknown and missing answers at 0 ("zero", the headline), at their lowest ("low") or highest ("high").
    """
    standard: list[tuple[Fraction, Fraction, Fraction]] = []  # weight, points, maximum per category
    penalty = Fraction(0)
    for category in rubric.categories:
        points = maximum = Fraction(0)
        for indicator in category.indicators:
            answer = country.answers.get(f"{category.id}.{indicator.id}")
            if isinstance(indicator, ChoiceIndicator):
                top = max(Fraction(str(o.points)) for o in indicator.options)
                bottom = min(Fraction(str(o.points)) for o in indicator.options)
                chosen = {o.id: Fraction(str(o.points)) for o in indicator.options}
            else:
                assert isinstance(indicator, ScoreIndicator)
                top, bottom = Fraction(indicator.max), Fraction(indicator.min)
                chosen = {}
            if answer is not None and answer.status is not None and answer.status.value == "not-applicable":
                continue  # drops out of the maximum
            maximum += top
            if answer is not None and answer.status is None:
                points += chosen[answer.value] if chosen else Fraction(answer.value)
            else:  # unknown and missing
                points += {"zero": Fraction(0), "low": bottom, "high": top}[fill]
        if category.kind.value == "penalty":
            assert category.floor is not None
            penalty = max(points, Fraction(str(category.floor)))
        else:
            standard.append((Fraction(str(category.weight)), points, maximum))
    if rubric.aggregation.value == "points":
        top = sum((w * m for w, _, m in standard), Fraction(0))
        if not top:
            return None
        return max(sum((w * p for w, p, _ in standard), Fraction(0)) + penalty, Fraction(0)) / top * 100
    top = sum((m for _, _, m in standard), Fraction(0))
    percents = [(w, p / m * 100) for w, p, m in standard if m]
    if not top or not percents:
        return None
    mean = sum((w * q for w, q in percents), Fraction(0)) / sum((w for w, _ in percents), Fraction(0))
    return max(mean + penalty / top * 100, Fraction(0))


@given(rubric_and_answers())
@settings(max_examples=200, deadline=None)
def test_totals_match_a_plain_reading_of_the_rules(case: tuple[Rubric, list[CountryFile]]) -> None:
    rubric, countries = case
    for country in countries:
        result = score_country(rubric, country)
        expected = reference_percent(rubric, country)
        assert result.percent == expected
        assert isinstance(result.points, Fraction) and isinstance(result.max, Fraction)
        if expected is None:
            assert result.range is None
        else:
            low, high = reference_percent(rubric, country, "low"), reference_percent(rubric, country, "high")
            assert result.range == (low, high)
        # Coverage counts standard categories only: penalty and bonus indicators do not make a score rest on evidence.
        standard = [f"{c.id}.{i.id}" for c in rubric.categories if c.kind.value == "standard" for i in c.indicators]
        answers = [country.answers.get(i) for i in standard]
        answered = [a for a in answers if a is not None and a.status is None]
        applicable = [a for a in answers if a is None or a.status is None or a.status.value == "unknown"]
        assert result.coverage == (Fraction(len(answered), len(applicable)) if applicable else 0)


@given(rubric_and_answers(), st.data())
@settings(max_examples=150, deadline=None)
def test_a_better_answer_never_lowers_the_total(case: tuple[Rubric, list[CountryFile]], data: st.DataObject) -> None:
    rubric, countries = case
    country = countries[0]
    category = data.draw(st.sampled_from(rubric.categories[:-1]))
    choice = category.indicators[0]
    assert isinstance(choice, ChoiceIndicator)
    key = f"{category.id}.choice"
    answer = country.answers.get(key)
    if answer is None or answer.status is not None:
        return
    best = max(choice.options, key=lambda o: o.points)
    better = country.model_copy(
        update={"answers": {**country.answers, key: answer.model_copy(update={"value": best.id})}}
    )
    before, after = score_country(rubric, country), score_country(rubric, better)
    assert before.percent is not None and after.percent is not None
    assert after.percent >= before.percent
    assert (after.percent > before.percent) == (after.points > before.points)
