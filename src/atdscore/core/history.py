"""A country across editions: its total, rank and categories in each year it was scored."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from atdscore.core.rank import rank_edition
from atdscore.core.score import CountryResult
from atdscore.validation.country_file import CountryFile
from atdscore.validation.model import Rubric


@dataclass(frozen=True)
class EditionScore:
    """One edition of one country: the rubric that scored it, its result, and its rank among `of`."""

    year: int
    rubric: Rubric
    result: CountryResult
    rank: int | None
    of: int


def country_history(code: str, editions: Iterable[tuple[int, Rubric, list[CountryFile]]]) -> list[EditionScore]:
    """Every edition in which `code` was scored, oldest first, ranked within its own edition."""
    out = []
    for year, rubric, countries in sorted(editions, key=lambda e: e[0]):
        ranked = rank_edition(rubric, countries)
        mine = next((e for e in ranked if e.result.country == code), None)
        if mine is not None:
            out.append(EditionScore(year, rubric, mine.result, mine.rank, len(ranked)))
    return out
