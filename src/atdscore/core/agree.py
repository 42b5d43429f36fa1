"""Double coding: how far two coders' answers for the same countries agree (Krippendorff's alpha).

Two project folders score the same edition under the same rubric. A unit is a (country, indicator)
answered with a value on both sides; a value on one side and unknown, missing or not-applicable on the
other is not a unit but a coverage disagreement, listed apart. Per indicator, alpha is ordinal over the
points each answer scores; overall, alpha is interval over points scaled to 0..1 by each indicator's
own lowest and highest points, so penalty indicators count alike. Where every value is the same,
alpha is undefined (None): the `krippendorff` package cannot compute it on a one-value domain, and no
agreement beyond chance can be shown there. `agreement` is the share of units whose answers are the
same answer (`core.answers.same_answer`, the one definition of answer equality).

Double coding is usually done on a sample: a country coded in one folder only is not compared (its
code is listed in `only_a` or `only_b`, so a command can say so).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from atdscore.core.answers import describe, same_answer
from atdscore.core.editions import ScoredEdition
from atdscore.core.score import IndicatorResult, State
from atdscore.validation.model import indicators_by_id


@dataclass(frozen=True)
class Pair:
    """One (country, indicator) with both coders' answers in words."""

    country: str
    indicator: str
    a: str
    b: str


@dataclass(frozen=True)
class IndicatorAgreement:
    """Agreement on one indicator over its units; alpha and agreement are None without them."""

    id: str
    alpha: float | None
    agreement: Fraction | None
    units: int


@dataclass(frozen=True)
class Agreement:
    """The reliability of one edition coded twice."""

    year: int
    alpha: float | None
    agreement: Fraction | None
    units: int
    indicators: tuple[IndicatorAgreement, ...]
    disagreements: tuple[Pair, ...]
    coverage_disagreements: tuple[Pair, ...]
    only_a: tuple[str, ...] = ()  # countries coded on one side only, left out
    only_b: tuple[str, ...] = ()
    draft: bool = False  # either side is a draft edition


def krippendorff_alpha(a: Sequence[float], b: Sequence[float], level: Literal["ordinal", "interval"]) -> float | None:
    """Krippendorff's alpha of two coders' values per unit, from the `krippendorff` package.

    None without units, or when all the values are one value (the package refuses a one-value domain).
    """
    if not a or len(set(a) | set(b)) < 2:
        return None
    import krippendorff  # NumPy-backed: imported only when agreement is computed

    value = float(krippendorff.alpha(reliability_data=[list(a), list(b)], level_of_measurement=level))
    return None if math.isnan(value) else value


def _share(sames: Sequence[bool]) -> Fraction | None:
    return Fraction(sum(sames), len(sames)) if sames else None


def _scaled(result: IndicatorResult) -> float:
    """Points scaled to 0..1 by the indicator's own lowest and highest points (0 when they are equal)."""
    span = result.max - result.min
    return float((result.points - result.min) / span) if span else 0.0


def _results(edition: ScoredEdition, code: str) -> dict[str, IndicatorResult]:
    result = edition.entries[code].result
    return {r.id: r for c in result.categories for r in c.indicators}


def agreement(a: ScoredEdition, b: ScoredEdition) -> Agreement:
    """Compare two codings of one edition; ValueError when they are not scored with the same rubric."""
    if a.rubric_ref != b.rubric_ref:
        raise ValueError("the two codings are not scored with the same rubric")
    indicators = indicators_by_id(a.rubric)
    per: dict[str, tuple[list[float], list[float], list[bool]]] = {key: ([], [], []) for key in indicators}
    scaled_a: list[float] = []
    scaled_b: list[float] = []
    same_all: list[bool] = []
    disagreements: list[Pair] = []
    coverage: list[Pair] = []
    for code in sorted(a.files.keys() & b.files.keys()):
        ra, rb = _results(a, code), _results(b, code)
        answers_a, answers_b = a.files[code].answers, b.files[code].answers
        for key, indicator in indicators.items():
            xa, xb = ra[key], rb[key]
            answer_a, answer_b = answers_a.get(key), answers_b.get(key)
            valued_a, valued_b = xa.state is State.ANSWERED, xb.state is State.ANSWERED
            if not (valued_a or valued_b):
                continue
            pair = Pair(code, key, describe(indicator, answer_a), describe(indicator, answer_b))
            if valued_a != valued_b:
                coverage.append(pair)
                continue
            same = same_answer(answer_a, answer_b)
            points_a, points_b, sames = per[key]
            points_a.append(float(xa.points))
            points_b.append(float(xb.points))
            sames.append(same)
            scaled_a.append(_scaled(xa))
            scaled_b.append(_scaled(xb))
            same_all.append(same)
            if not same:
                disagreements.append(pair)
    rows = tuple(
        IndicatorAgreement(key, krippendorff_alpha(pa, pb, "ordinal"), _share(sames), len(sames))
        for key, (pa, pb, sames) in per.items()
    )
    return Agreement(
        year=a.year,
        alpha=krippendorff_alpha(scaled_a, scaled_b, "interval"),
        agreement=_share(same_all),
        units=len(same_all),
        indicators=rows,
        disagreements=tuple(disagreements),
        coverage_disagreements=tuple(coverage),
        only_a=tuple(sorted(a.files.keys() - b.files.keys())),
        only_b=tuple(sorted(b.files.keys() - a.files.keys())),
        draft=a.draft or b.draft,
    )
