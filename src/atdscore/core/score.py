"""Pure scoring: indicator, category and country results from a rubric and a country's answers.

Arithmetic is exact (Fractions from the rubric's Decimals), so totals never show float noise and the
same input always gives the same numbers. Rounding happens only when results are rendered.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from fractions import Fraction
from typing import Any, NamedTuple

from atdscore.validation.country_file import Answer, CountryFile, Status
from atdscore.validation.model import (
    Aggregation,
    Category,
    ChecklistIndicator,
    ChoiceIndicator,
    Indicator,
    Kind,
    NumberIndicator,
    Rubric,
    ScoreBand,
)

HUNDRED = Fraction(100)


class State(StrEnum):
    """What an indicator's result rests on."""

    ANSWERED = "answered"
    UNKNOWN = "unknown"
    MISSING = "missing"
    NOT_APPLICABLE = "not-applicable"


class IndicatorResult(NamedTuple):
    """Points of one indicator, with the best and worst it could score (0 and 0 when not applicable)."""

    id: str
    state: State
    points: Fraction
    max: Fraction
    min: Fraction


class CategoryResult(NamedTuple):
    """Points of one category; `percent` is None for penalty and bonus categories and empty maxima."""

    id: str
    kind: Kind
    weight: Fraction
    points: Fraction
    max: Fraction
    percent: Fraction | None
    indicators: tuple[IndicatorResult, ...]


class Fill(StrEnum):
    """What an unknown or missing answer counts as: 0 (the headline score), or its lowest or highest answer."""

    ZERO = "zero"
    LOW = "low"
    HIGH = "high"


@dataclass(frozen=True)
class CountryResult:
    """A country's total for one edition; `percent` is None when nothing in the rubric applies.

    `coverage` is the share of applicable standard-category indicators that are answered (penalty and
    bonus indicators do not count); `range` is the percent with every unknown or missing answer at its
    lowest-scoring answer and at its highest (None when nothing applies), the headline keeping them at 0.
    """

    country: str
    year: int
    points: Fraction
    max: Fraction
    percent: Fraction | None
    coverage: Fraction
    categories: tuple[CategoryResult, ...]
    range: tuple[Fraction, Fraction] | None = None

    @property
    def unknown(self) -> int:
        """How many applicable standard-category indicators have no answer (unknown or missing)."""
        return sum(
            1
            for c in self.categories
            if c.kind is Kind.STANDARD
            for r in c.indicators
            if r.state in (State.UNKNOWN, State.MISSING)
        )


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


ZERO = Fraction(0)


def _scale(indicators: Iterable[Indicator]) -> int:
    """A power of ten that makes every point value of these indicators a whole number."""
    places = 0
    for ind in indicators:
        values = [o.points for o in getattr(ind, "options", [])] + [i.points for i in getattr(ind, "items", [])]
        values += [b.points for b in getattr(ind, "bands", [])]
        for v in values:
            exponent = v.as_tuple().exponent
            places = max(places, -exponent if isinstance(exponent, int) else 0)
    scale: int = 10**places
    return scale


class _PreparedIndicator:
    """An indicator with its points converted once per rubric: as Fractions, and as whole `units`.

    Sums run on units (points x scale), which are plain integers, so scoring stays exact without the
    cost of Fraction arithmetic for every answer.
    """

    def __init__(self, full_id: str, indicator: Indicator, scale: int) -> None:
        self.id = full_id
        self.indicator = indicator
        self.scale = scale
        self.low, self.high = indicator_range(indicator)
        self.high_units = int(self.high * scale)
        self.points: dict[str, tuple[Fraction, int]] = {}
        if isinstance(indicator, ChoiceIndicator):
            self.points = {o.id: (Fraction(o.points), int(o.points * scale)) for o in indicator.options}
        elif isinstance(indicator, ChecklistIndicator):
            self.points = {i.id: (Fraction(i.points), int(i.points * scale)) for i in indicator.items}
        self.bands = [
            (None if b.max is None else Fraction(b.max), Fraction(b.points)) for b in getattr(indicator, "bands", [])
        ]

    def points_for(self, value: Any) -> tuple[Fraction, int]:
        """Points (and units) for a valid answer value (validation has already checked it)."""
        if isinstance(self.indicator, ChoiceIndicator):
            return self.points[value]
        if isinstance(self.indicator, ChecklistIndicator):
            units = sum(self.points[item][1] for item in set(value))
            return Fraction(units, self.scale), units
        if isinstance(self.indicator, NumberIndicator):
            for top, points in self.bands:
                # str() first: 2.2 must compare as the 2.2 its author wrote, not as the binary float.
                if top is None or (value != math.inf and Fraction(str(value)) <= top):
                    return points, int(points * self.scale)
            raise AssertionError("a number rubric's last band has no max")  # pragma: no cover
        return Fraction(value), value * self.scale

    def score(self, answer: Answer | None, fill: Fill = Fill.ZERO) -> tuple[IndicatorResult, int, int]:
        """The result, with its points and maximum in units.

        Unknown and missing answers score 0 (or, for a range, the indicator's lowest or highest points);
        not-applicable ones drop out of the maximum.
        """
        if answer is not None and answer.status is Status.NOT_APPLICABLE:
            return IndicatorResult(self.id, State.NOT_APPLICABLE, ZERO, ZERO, ZERO), 0, 0
        if answer is None or answer.status is Status.UNKNOWN:
            state = State.MISSING if answer is None else State.UNKNOWN
            points = {Fill.ZERO: ZERO, Fill.LOW: self.low, Fill.HIGH: self.high}[fill]
            return (
                IndicatorResult(self.id, state, points, self.high, self.low),
                int(points * self.scale),
                self.high_units,
            )
        points, units = self.points_for(answer.value)
        return IndicatorResult(self.id, State.ANSWERED, points, self.high, self.low), units, self.high_units


def score_indicator(full_id: str, indicator: Indicator, answer: Answer | None) -> IndicatorResult:
    """One indicator's result for one answer (None when the country gave none)."""
    return _PreparedIndicator(full_id, indicator, _scale([indicator])).score(answer)[0]


class Scorer:
    """Scores country files under one rubric; build it once per rubric and reuse it for every country."""

    def __init__(self, rubric: Rubric) -> None:
        self.rubric = rubric
        self.scale = _scale(i for c in rubric.categories for i in c.indicators)
        self.categories = [
            (category, [_PreparedIndicator(f"{category.id}.{ind.id}", ind, self.scale) for ind in category.indicators])
            for category in rubric.categories
        ]

    def score(self, country: CountryFile) -> CountryResult:
        """A country's total under the rubric's aggregation, with its range; see README, 'How scores add up'."""
        result = self._total(country, Fill.ZERO)
        if result.percent is None:
            return result
        if not any(r.state in (State.UNKNOWN, State.MISSING) for c in result.categories for r in c.indicators):
            return replace(result, range=(result.percent, result.percent))
        low, high = self._total(country, Fill.LOW).percent, self._total(country, Fill.HIGH).percent
        assert low is not None and high is not None
        return replace(result, range=(low, high))

    def percent_with(self, country: CountryFile, indicator_id: str, fill: Fill) -> Fraction | None:
        """The country's percent with one unknown or missing answer at `fill`, every other one at 0."""
        return self._total(country, Fill.ZERO, {indicator_id: fill}).percent

    def _total(self, country: CountryFile, fill: Fill, only: dict[str, Fill] | None = None) -> CountryResult:
        answers = country.answers
        categories = tuple(
            _category(
                c,
                [i.score(answers.get(i.id), fill if only is None else only.get(i.id, Fill.ZERO)) for i in inds],
                self.scale,
            )
            for c, inds in self.categories
        )
        return total(self.rubric.aggregation, country.country, country.year, categories)


def band_for(rubric: Rubric, percent: Fraction | None, ranked: bool = True) -> ScoreBand | None:
    """The rubric's verbal band for a total percent, if the rubric defines bands.

    None for a country that is not ranked: below min_coverage the score rests on too little evidence for its band
    to be a finding.
    """
    if not ranked:
        return None
    if percent is None:
        return None
    found = None
    for band in rubric.bands:
        if percent >= band.min:
            found = band
    return found


def score_country(rubric: Rubric, country: CountryFile) -> CountryResult:
    """A country's total under the rubric's aggregation (for many countries, reuse one `Scorer`)."""
    return Scorer(rubric).score(country)


def _category(category: Category, scored: list[tuple[IndicatorResult, int, int]], scale: int) -> CategoryResult:
    """A category's points: the sum of its indicators, held to the floor of a penalty or the cap of a bonus."""
    results = tuple(r for r, _, _ in scored)
    units = sum(u for _, u, _ in scored)
    if category.kind is Kind.STANDARD:
        top = sum(t for _, _, t in scored)
        percent = Fraction(units * 100, top) if top else None
        return CategoryResult(
            category.id,
            category.kind,
            Fraction(category.weight),
            Fraction(units, scale),
            Fraction(top, scale),
            percent,
            results,
        )
    if category.kind is Kind.PENALTY:
        assert category.floor is not None
        points = max(Fraction(units, scale), Fraction(category.floor))
        return CategoryResult(category.id, category.kind, Fraction(1), points, ZERO, None, results)
    assert category.cap is not None
    cap = Fraction(category.cap)
    return CategoryResult(category.id, category.kind, Fraction(1), min(Fraction(units, scale), cap), cap, None, results)


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
        if not weights:
            # Every category that applies to this country has weight 0: nothing to average.
            return CountryResult(country, year, Fraction(0), top, None, _coverage(categories), categories)
        mean = sum((c.weight * c.percent for c in scored if c.percent is not None), Fraction(0)) / weights
        # Penalty and bonus points count as a share of the points maximum, as they would under `points`.
        percent = max(mean + extra / top * HUNDRED, Fraction(0))
        points = percent * top / HUNDRED
    return CountryResult(country, year, points, top, percent, _coverage(categories), categories)


def _coverage(categories: tuple[CategoryResult, ...]) -> Fraction:
    """Answered indicators over applicable ones, in standard categories (penalties and bonuses do not count)."""
    indicators = [
        r for c in categories if c.kind is Kind.STANDARD for r in c.indicators if r.state is not State.NOT_APPLICABLE
    ]
    answered = sum(1 for r in indicators if r.state is State.ANSWERED)
    return Fraction(answered, len(indicators)) if indicators else Fraction(0)
