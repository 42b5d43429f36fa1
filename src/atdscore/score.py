"""Pure scoring: indicator, category and country results from a rubric and a country's answers.

Arithmetic is exact (Fractions from the rubric's Decimals), so totals never show float noise and the
same input always gives the same numbers. Rounding happens only when results are rendered.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction
from typing import Any

from .model import (
    Aggregation,
    Answer,
    Category,
    ChecklistIndicator,
    ChoiceIndicator,
    CountryFile,
    Kind,
    NumberIndicator,
    Rubric,
    ScoreIndicator,
    Status,
)

Indicator = ChoiceIndicator | ChecklistIndicator | NumberIndicator | ScoreIndicator
HUNDRED = Fraction(100)


class State(str, Enum):
    """What an indicator's result rests on."""

    ANSWERED = "answered"
    UNKNOWN = "unknown"
    MISSING = "missing"
    NOT_APPLICABLE = "not-applicable"


@dataclass(frozen=True)
class IndicatorResult:
    """Points of one indicator, with the best and worst it could score (0 and 0 when not applicable)."""

    id: str
    state: State
    points: Fraction
    max: Fraction
    min: Fraction


@dataclass(frozen=True)
class CategoryResult:
    """Points of one category; `percent` is None for penalty and bonus categories and empty maxima."""

    id: str
    kind: Kind
    weight: Fraction
    points: Fraction
    max: Fraction
    percent: Fraction | None
    indicators: tuple[IndicatorResult, ...]


@dataclass(frozen=True)
class CountryResult:
    """A country's total for one edition; `percent` is None when nothing in the rubric applies."""

    country: str
    year: int
    points: Fraction
    max: Fraction
    percent: Fraction | None
    coverage: Fraction
    categories: tuple[CategoryResult, ...]


def indicator_range(indicator: Indicator) -> tuple[Fraction, Fraction]:
    """The lowest and highest points an answer to `indicator` can score."""
    if isinstance(indicator, ChoiceIndicator):
        points = [Fraction(o.points) for o in indicator.options]
        return min(points), max(points)
    if isinstance(indicator, ChecklistIndicator):
        points = [Fraction(i.points) for i in indicator.items]
        return sum((p for p in points if p < 0), Fraction(0)), sum((p for p in points if p > 0), Fraction(0))
    if isinstance(indicator, NumberIndicator):
        points = [Fraction(b.points) for b in indicator.bands]
        return min(points), max(points)
    return Fraction(indicator.min), Fraction(indicator.max)


def points_for(indicator: Indicator, value: Any) -> Fraction:
    """Points for a valid answer value (validation has already checked it)."""
    if isinstance(indicator, ChoiceIndicator):
        return next(Fraction(o.points) for o in indicator.options if o.id == value)
    if isinstance(indicator, ChecklistIndicator):
        chosen = set(value)
        return sum((Fraction(i.points) for i in indicator.items if i.id in chosen), Fraction(0))
    if isinstance(indicator, NumberIndicator):
        for band in indicator.bands:
            if band.max is None or (value != math.inf and Fraction(value) <= band.max):
                return Fraction(band.points)
        raise AssertionError("a number rubric's last band has no max")  # pragma: no cover
    return Fraction(value)


def score_indicator(full_id: str, indicator: Indicator, answer: Answer | None) -> IndicatorResult:
    """One indicator: unknown and missing answers score 0; not-applicable ones drop out of the maximum."""
    low, high = indicator_range(indicator)
    if answer is None:
        return IndicatorResult(full_id, State.MISSING, Fraction(0), high, low)
    if answer.status is Status.NOT_APPLICABLE:
        return IndicatorResult(full_id, State.NOT_APPLICABLE, Fraction(0), Fraction(0), Fraction(0))
    if answer.status is Status.UNKNOWN:
        return IndicatorResult(full_id, State.UNKNOWN, Fraction(0), high, low)
    return IndicatorResult(full_id, State.ANSWERED, points_for(indicator, answer.value), high, low)


def score_category(category: Category, answers: dict[str, Answer]) -> CategoryResult:
    """A category's points: the sum of its indicators, held to the floor of a penalty or the cap of a bonus."""
    results = tuple(
        score_indicator(f"{category.id}.{ind.id}", ind, answers.get(f"{category.id}.{ind.id}"))
        for ind in category.indicators
    )
    points = sum((r.points for r in results), Fraction(0))
    if category.kind is Kind.STANDARD:
        top = sum((r.max for r in results), Fraction(0))
        percent = points / top * HUNDRED if top else None
        return CategoryResult(category.id, category.kind, Fraction(category.weight), points, top, percent, results)
    if category.kind is Kind.PENALTY:
        assert category.floor is not None
        return CategoryResult(category.id, category.kind, Fraction(1), max(points, Fraction(category.floor)), Fraction(0), None, results)
    assert category.cap is not None
    cap = Fraction(category.cap)
    return CategoryResult(category.id, category.kind, Fraction(1), min(points, cap), cap, None, results)


def score_country(rubric: Rubric, country: CountryFile) -> CountryResult:
    """A country's total under the rubric's aggregation; see README, 'How scores add up'."""
    categories = tuple(score_category(c, country.answers) for c in rubric.categories)
    return total(rubric.aggregation, country.country, country.year, categories)


def total(aggregation: Aggregation, country: str, year: int, categories: tuple[CategoryResult, ...]) -> CountryResult:
    """Combine category results into a country result (also used with other weights by `sensitivity`)."""
    standard = [c for c in categories if c.kind is Kind.STANDARD]
    extra = sum((c.points for c in categories if c.kind is not Kind.STANDARD), Fraction(0))
    # Under `points` a weight scales a category's points and maximum; under `weighted-mean` it only
    # weighs the category's percentage, so the maximum is the plain sum of category maxima.
    weighted = aggregation is Aggregation.POINTS
    top = sum(((c.weight if weighted else 1) * c.max for c in standard), Fraction(0))
    percent: Fraction | None
    if not top:
        percent, points = None, Fraction(0)
    elif aggregation is Aggregation.POINTS:
        # Penalty and bonus points are added as they are; a total never falls below 0.
        points = max(sum((c.weight * c.points for c in standard), Fraction(0)) + extra, Fraction(0))
        percent = points / top * HUNDRED
    else:
        scored = [c for c in standard if c.percent is not None and c.weight]
        weights = sum((c.weight for c in scored), Fraction(0))
        mean = sum((c.weight * c.percent for c in scored if c.percent is not None), Fraction(0)) / weights
        # Penalty and bonus points count as a share of the points maximum, as they would under `points`.
        percent = max(mean + extra / top * HUNDRED, Fraction(0))
        points = percent * top / HUNDRED
    indicators = [r for c in categories for r in c.indicators if r.state is not State.NOT_APPLICABLE]
    answered = sum(1 for r in indicators if r.state is State.ANSWERED)
    coverage = Fraction(answered, len(indicators)) if indicators else Fraction(0)
    return CountryResult(country, year, points, top, percent, coverage, categories)
