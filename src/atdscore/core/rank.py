"""Ranking: order country results by percent and give ties a shared rank (1, 2, 2, 4)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from atdscore.core.score import CountryResult, Scorer
from atdscore.validation.country_file import CountryFile
from atdscore.validation.model import Rubric


@dataclass(frozen=True)
class Ranked:
    """A country result with its rank; rank is None when the country has no applicable indicator."""

    rank: int | None
    result: CountryResult


def rank_countries(results: Iterable[CountryResult]) -> list[Ranked]:
    """Countries by percent, highest first; equal percents share a rank; ties listed by ISO3 code."""
    results = list(results)
    scored = sorted((r for r in results if r.percent is not None), key=lambda r: (-r.percent, r.country))  # type: ignore[operator]
    unscored = sorted((r for r in results if r.percent is None), key=lambda r: r.country)
    ranked: list[Ranked] = []
    for position, result in enumerate(scored, start=1):
        tied = ranked and ranked[-1].result.percent == result.percent
        ranked.append(Ranked(ranked[-1].rank if tied else position, result))
    ranked += [Ranked(None, r) for r in unscored]
    return ranked


def ranked_count(ranked: Iterable[Ranked]) -> int:
    """How many countries an edition ranks: the M of "rank N of M" everywhere.

    Countries without a percent (nothing in the rubric applies to them) have no rank and are not counted.
    """
    return sum(1 for entry in ranked if entry.rank is not None)


def rank_edition(rubric: Rubric, countries: Iterable[CountryFile]) -> list[Ranked]:
    """Score every country of an edition under its rubric and rank them."""
    scorer = Scorer(rubric)
    return rank_countries(scorer.score(c) for c in countries)
