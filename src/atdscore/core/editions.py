"""Scored editions: an edition's countries scored and ranked under its rubric, and a country across editions.

Every command that scores starts here: `rank`, `sensitivity`, `history`, `diff` and the briefs all
score an edition the same way, count its ranked countries the same way and find a country's previous
edition the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from atdscore.core.rank import Ranked, rank_edition, ranked_count
from atdscore.core.score import CountryResult
from atdscore.validation.country_file import CountryFile
from atdscore.validation.model import Rubric
from atdscore.validation.project import Edition


@dataclass(frozen=True)
class RubricRef:
    """What makes two rubrics the same rubric: id, version and the sha256 of their scoring content.

    Scores under different rubrics are not comparable one to one; `diff` and the briefs both say so
    exactly when two editions' RubricRefs differ. (The sha256 is `validation.edition.scoring_sha256`:
    a reworded question leaves it alone, a changed point value does not.)
    """

    id: str
    version: str
    sha256: str


@dataclass(frozen=True)
class ScoredEdition:
    """One valid edition, scored: its rubric (never missing: an edition without one is not valid), files and ranks."""

    year: int
    rubric: Rubric
    rubric_sha256: str
    ranked: tuple[Ranked, ...]  # rank order, as `rank_countries` gives it
    files: dict[str, CountryFile]  # by ISO3 code, sorted
    draft: bool = False  # a draft edition's scores may still change; every output of one says so

    @property
    def rubric_ref(self) -> RubricRef:
        return RubricRef(self.rubric.id, self.rubric.version, self.rubric_sha256)

    @cached_property
    def entries(self) -> dict[str, Ranked]:
        """ISO3 code -> the country's result and rank."""
        return {e.result.country: e for e in self.ranked}

    @property
    def results(self) -> list[CountryResult]:
        """The countries' results, by ISO3 code."""
        return [self.entries[code].result for code in self.files]

    @property
    def of(self) -> int:
        """How many countries the edition ranks (the M of "rank N of M")."""
        return ranked_count(self.ranked)

    def country(self, code: str) -> CountryEdition | None:
        """The country `code` in this edition, or None when the edition has no file for it."""
        entry = self.entries.get(code)
        return None if entry is None else CountryEdition(self, self.files[code], entry)


@dataclass(frozen=True)
class CountryEdition:
    """One country in one scored edition: its file, its result and its rank among the edition's ranked countries."""

    edition: ScoredEdition
    file: CountryFile
    entry: Ranked

    @property
    def year(self) -> int:
        return self.edition.year

    @property
    def rubric(self) -> Rubric:
        return self.edition.rubric

    @property
    def result(self) -> CountryResult:
        return self.entry.result

    @property
    def rank(self) -> int | None:
        return self.entry.rank

    @property
    def of(self) -> int:
        return self.edition.of


def score_edition(
    year: int, rubric: Rubric, rubric_sha256: str, countries: Iterable[CountryFile], *, draft: bool = False
) -> ScoredEdition:
    """Score every country of an edition under its rubric and rank them."""
    files = {c.country: c for c in sorted(countries, key=lambda c: c.country)}
    return ScoredEdition(year, rubric, rubric_sha256, tuple(rank_edition(rubric, files.values())), files, draft)


def scored(edition: Edition) -> ScoredEdition:
    """A validated edition, scored; ValueError when validation found no rubric to score it with."""
    if edition.rubric is None or edition.rubric_sha256 is None:
        raise ValueError(f"the {edition.year} edition has no valid rubric to score it with")
    return score_edition(edition.year, edition.rubric, edition.rubric_sha256, edition.countries, draft=edition.is_draft)


def country_across(code: str, editions: Iterable[ScoredEdition]) -> list[CountryEdition]:
    """The country `code` in every edition that has it, oldest first."""
    found = (e.country(code) for e in sorted(editions, key=lambda e: e.year))
    return [c for c in found if c is not None]


def previous_edition(code: str, year: int, editions: Iterable[ScoredEdition]) -> CountryEdition | None:
    """The country `code` in the latest of `editions` before `year` that has it (None when none does)."""
    earlier = [c for c in country_across(code, editions) if c.year < year]
    return earlier[-1] if earlier else None
