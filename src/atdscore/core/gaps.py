"""The research queue: which unknown or missing answers would move ranks most, and who is short of coverage.

For each unknown or missing answer, the country's rank if that one answer were at its highest-scoring
answer (`best_rank`) and at its lowest (`worst_rank`), everything else unchanged. Ranks are among the
edition's ranked countries plus this country, so an unranked country gets the rank it would have if
ranked; ties share a rank (competition ranking). No I/O.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from atdscore.core.editions import ScoredEdition
from atdscore.core.score import Fill, Scorer, State
from atdscore.validation.model import Kind


@dataclass(frozen=True)
class Gap:
    """One unknown or missing answer and how far it could move its country's rank."""

    country: str
    indicator: str  # full id, category.indicator
    rank: int | None  # the country's current rank; None when it is not ranked
    best_rank: int
    worst_rank: int

    @property
    def swing(self) -> int:
        return self.worst_rank - self.best_rank


@dataclass(frozen=True)
class CoverageGap:
    """A country below the rubric's min_coverage, and how many more standard-category answers it needs."""

    country: str
    answered: int
    applicable: int
    needed: int


@dataclass(frozen=True)
class Gaps:
    """The research queue of one edition: gaps by swing (largest first), then countries short of coverage."""

    year: int
    min_coverage: Fraction
    gaps: tuple[Gap, ...]
    coverage: tuple[CoverageGap, ...]


def rank_among(percent: Fraction | None, others: Iterable[Fraction]) -> int:
    """Competition rank of `percent` among other countries' percents: one more than those strictly ahead."""
    if percent is None:
        return 1 + sum(1 for _ in others)
    return 1 + sum(1 for p in others if p > percent)


def _coverage_gap(edition: ScoredEdition, code: str) -> CoverageGap | None:
    result = edition.entries[code].result
    standard = [i for c in result.categories if c.kind is Kind.STANDARD for i in c.indicators]
    applicable = sum(1 for i in standard if i.state is not State.NOT_APPLICABLE)
    answered = sum(1 for i in standard if i.state is State.ANSWERED)
    minimum = Fraction(edition.rubric.min_coverage)
    if not applicable or result.coverage >= minimum:
        return None  # nothing applicable cannot be answered; enough answered needs nothing more
    return CoverageGap(code, answered, applicable, math.ceil(minimum * applicable) - answered)


def find_gaps(edition: ScoredEdition, countries: Iterable[str] | None = None, top: int | None = None) -> Gaps:
    """The research queue of an edition, for every country or only `countries` (ISO3 codes), first `top` gaps."""
    codes = sorted(edition.files) if countries is None else sorted(set(countries) & set(edition.files))
    scorer = Scorer(edition.rubric)
    ranked = {e.result.country: e.result.percent for e in edition.ranked if e.rank is not None}
    gaps: list[Gap] = []
    for code in codes:
        entry = edition.entries[code]
        others = [p for c, p in ranked.items() if c != code and p is not None]
        for category in entry.result.categories:
            for indicator in category.indicators:
                if indicator.state not in (State.UNKNOWN, State.MISSING):
                    continue
                file = edition.files[code]
                high = scorer.percent_with(file, indicator.id, Fill.HIGH)
                low = scorer.percent_with(file, indicator.id, Fill.LOW)
                gaps.append(Gap(code, indicator.id, entry.rank, rank_among(high, others), rank_among(low, others)))
    gaps.sort(key=lambda g: (-g.swing, g.country, g.indicator))
    coverage = (_coverage_gap(edition, code) for code in codes)
    return Gaps(
        edition.year,
        Fraction(edition.rubric.min_coverage),
        tuple(gaps if top is None else gaps[:top]),
        tuple(c for c in coverage if c is not None),
    )
