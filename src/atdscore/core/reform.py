"""What a change of answers would really do to a country's total: real gains, and the path to the next band.

Every figure here comes from re-scoring the country with `Scorer`, so the penalty floor, the bonus cap,
the clip at 0 and the weighted mean are all applied as they are to the real total: a recommendation never
promises points that the total could not show.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations
from typing import Any

from atdscore.core.answers import describe as answer_words
from atdscore.core.score import CountryResult, Scorer, State, band_for
from atdscore.validation.country_file import Answer, CountryFile
from atdscore.validation.model import (
    ChecklistIndicator,
    ChoiceIndicator,
    Indicator,
    NumberIndicator,
    Rubric,
    ScoreBand,
    indicators_by_id,
    text_in,
)


def best_value(indicator: Indicator) -> Any:
    """An answer value that scores the indicator's maximum (the first such option or band in rubric order)."""
    if isinstance(indicator, ChoiceIndicator):
        return max(indicator.options, key=lambda o: o.points).id
    if isinstance(indicator, ChecklistIndicator):
        return [i.id for i in indicator.items if i.points > 0]
    if isinstance(indicator, NumberIndicator):
        band = max(indicator.bands, key=lambda b: b.points)
        if band.max is None:
            return math.inf
        return int(band.max) if band.max == band.max.to_integral_value() else float(band.max)
    return indicator.max


def best_answer(indicator: Indicator) -> Answer:
    """An answer at the indicator's maximum (its evidence is the reform's, so it has none)."""
    return Answer.model_construct(value=best_value(indicator), status=None, evidence=[])


def with_best(rubric: Rubric, country: CountryFile, ids: Iterable[str]) -> CountryFile:
    """The country file with the answers to `ids` set to their indicators' best answers."""
    indicators = indicators_by_id(rubric)
    answers = {**country.answers, **{key: best_answer(indicators[key]) for key in ids}}
    return country.model_copy(update={"answers": answers})


def real_gain(scorer: Scorer, country: CountryFile, result: CountryResult, key: str) -> Fraction:
    """How many points the total would really gain with the answer to `key` at its best (0 when none)."""
    return scorer.score(with_best(scorer.rubric, country, [key])).points - result.points


def candidates(result: CountryResult) -> list[str]:
    """Indicators a reform could raise, in rubric order: answered and below their maximum.

    Unknown and missing answers are not candidates: finding out is research, not reform.
    """
    return [r.id for c in result.categories for r in c.indicators if r.state is State.ANSWERED and r.points < r.max]


def next_band(rubric: Rubric, percent: Fraction) -> ScoreBand | None:
    """The lowest band above the one `percent` falls in (None when it is already in the top band)."""
    above = [b for b in rubric.bands if b.min > percent]
    return min(above, key=lambda b: b.min) if above else None


@dataclass(frozen=True)
class Path:
    """The outcome of the search for the smallest set of changes that reaches the next band.

    `status` is 'path' (then `ids` and the total it reaches are set), 'top' (already in the top band),
    'none' (no set of changes reaches the next band) or 'unbanded' (no bands, or no score).
    """

    status: str
    target: ScoreBand | None = None
    ids: tuple[str, ...] = ()
    points: Fraction = Fraction(0)
    percent: Fraction | None = None


def path_to_next_band(scorer: Scorer, country: CountryFile, result: CountryResult) -> Path:
    """The fewest indicators that, set to their best answers, lift the total into the next band.

    Among sets of that size the one with the largest total wins; ties go to the earliest in rubric order.
    Exact: sets are enumerated by size. Raising an answer never lowers the total (the floor, the cap and
    the clip are monotone), so a set reaches the band if and only if it does at its best answers, and
    when all candidates together fall short no smaller set can reach it.
    """
    rubric = scorer.rubric
    if result.percent is None or not rubric.bands:
        return Path("unbanded")
    target = next_band(rubric, result.percent)
    if target is None:
        return Path("top")
    pool = candidates(result)

    def reaches(ids: Sequence[str]) -> CountryResult | None:
        scored = scorer.score(with_best(rubric, country, ids))
        return scored if scored.percent is not None and scored.percent >= target.min else None

    if not pool or reaches(pool) is None:
        return Path("none", target)
    for size in range(1, len(pool) + 1):
        best: tuple[tuple[str, ...], CountryResult] | None = None
        for ids in combinations(pool, size):  # in rubric order, so the first of equal totals wins
            scored = reaches(ids)
            if scored is not None and (best is None or scored.points > best[1].points):
                best = (ids, scored)
        if best is not None:
            return Path("path", target, best[0], best[1].points, best[1].percent)
    raise AssertionError("the whole pool reaches the band")  # pragma: no cover


@dataclass(frozen=True)
class Step:
    """One change on the path to the next band: an indicator's answer now and the answer it would need."""

    id: str
    question: str
    answer: str
    best: str


@dataclass(frozen=True)
class NextBand:
    """What it would take to reach the next verbal band (see `reform.path_to_next_band`).

    `status` is 'path', 'top' or 'none'; with 'path', `steps` and the total they reach are set.
    """

    status: str
    band: str | None
    steps: tuple[Step, ...]
    points: Fraction
    percent: Fraction | None
    reached: str | None


def next_band_in_words(scorer: Scorer, country: CountryFile, result: CountryResult, lang: str) -> NextBand | None:
    """The smallest set of changes that lifts the country into the next band, in the brief's words."""
    path = path_to_next_band(scorer, country, result)
    if path.status == "unbanded":
        return None
    indicators = indicators_by_id(scorer.rubric)
    steps = tuple(
        Step(
            key,
            text_in(indicators[key].question, lang),
            answer_words(indicators[key], country.answers.get(key), lang),
            answer_words(indicators[key], best_answer(indicators[key]), lang),
        )
        for key in path.ids
    )
    reached = band_for(scorer.rubric, path.percent) if path.status == "path" else None
    return NextBand(
        path.status,
        text_in(path.target.label, lang) if path.target else None,
        steps,
        path.points,
        path.percent,
        text_in(reached.label, lang) if reached else None,
    )
