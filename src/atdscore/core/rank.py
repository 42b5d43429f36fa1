"""Ranking: order country results by percent and give ties a shared rank (1, 2, 2, 4).

Only countries with a percent and with at least the rubric's `min_coverage` answered are ranked; the
others follow them, by percent then code, without a rank.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from atdscore.core.score import CountryResult, Scorer
from atdscore.validation.country_file import CountryFile
from atdscore.validation.model import Rubric


@dataclass(frozen=True)
class Ranked:
    """A country result with its rank; rank is None when the country is not ranked (see `is_rankable`)."""

    rank: int | None
    result: CountryResult

    @property
    def ranked(self) -> bool:
        return self.rank is not None


def is_rankable(result: CountryResult, min_coverage: Fraction = Fraction(0)) -> bool:
    """Whether a country is ranked: something in the rubric applies, and enough of it is answered."""
    return result.percent is not None and result.coverage >= min_coverage


def _order(result: CountryResult) -> tuple[bool, Fraction, str]:
    """Percent, highest first (no percent last), then ISO3 code."""
    return (result.percent is None, -(result.percent or Fraction(0)), result.country)


def competition_ranks(percents: Iterable[Fraction]) -> list[int]:
    """Competition ranks (1, 2, 2, 4) of percents already sorted highest first."""
    ranks: list[int] = []
    previous: Fraction | None = None
    for position, percent in enumerate(percents, start=1):
        ranks.append(ranks[-1] if ranks and percent == previous else position)
        previous = percent
    return ranks


def rank_countries(results: Iterable[CountryResult], min_coverage: Fraction = Fraction(0)) -> list[Ranked]:
    """Ranked countries by percent, highest first, then those not ranked, in the same order, with rank None.

    Equal percents share a rank (competition ranking) and are listed by ISO3 code.
    """
    results = sorted(results, key=_order)
    rankable = [r for r in results if is_rankable(r, min_coverage)]
    ranks = competition_ranks(r.percent for r in rankable if r.percent is not None)
    ranked = [Ranked(rank, r) for rank, r in zip(ranks, rankable, strict=True)]
    return ranked + [Ranked(None, r) for r in results if not is_rankable(r, min_coverage)]


def ranked_count(ranked: Iterable[Ranked]) -> int:
    """How many countries an edition ranks: the M of "rank N of M" everywhere.

    Countries without a percent (nothing in the rubric applies to them) or below the rubric's
    `min_coverage` have no rank and are not counted.
    """
    return sum(1 for entry in ranked if entry.rank is not None)


def rank_edition(rubric: Rubric, countries: Iterable[CountryFile]) -> list[Ranked]:
    """Score every country of an edition under its rubric and rank them."""
    scorer = Scorer(rubric)
    return rank_countries((scorer.score(c) for c in countries), Fraction(rubric.min_coverage))
