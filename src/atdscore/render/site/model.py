"""What a site is built from: scored editions, the languages, and where the data came from.

The CLI loads and validates the project, scores each edition once (`scored_edition`) and hands a
`Site` to `build_site`; nothing here reads files. An edition carries its rank intervals from the
sensitivity analysis, so a page can say how solid a rank is, and whether it is a draft.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from atdscore.core.rank import Ranked, rank_edition
from atdscore.core.score import CountryResult
from atdscore.text.names import country_names
from atdscore.validation.country_file import CountryFile
from atdscore.validation.model import Rubric


@dataclass(frozen=True)
class SiteEdition:
    """One edition, scored and ranked, with each ranked country's 5th-95th percentile rank interval."""

    year: int
    rubric: Rubric
    rubric_sha256: str
    files: dict[str, CountryFile]  # by ISO3 code, sorted
    ranked: tuple[Ranked, ...]  # rank order; countries without a rank last
    intervals: dict[str, tuple[int, int]] = field(default_factory=dict)
    draft: bool = False

    @cached_property
    def entries(self) -> dict[str, Ranked]:
        """ISO3 code -> the country's result and rank."""
        return {e.result.country: e for e in self.ranked}

    @property
    def of(self) -> int:
        """How many countries the edition ranks."""
        return sum(1 for e in self.ranked if e.rank is not None)

    def result(self, code: str) -> CountryResult:
        return self.entries[code].result


@dataclass(frozen=True)
class Site:
    """Everything the site shows; `editions` oldest first, `langs` in the order the language menu lists them."""

    editions: tuple[SiteEdition, ...]
    langs: tuple[str, ...]
    tool_version: str
    commit: str | None = None
    base_url: str | None = None
    # The text of the data's licence (countries/LICENSE), published as data/LICENSE.txt.
    licence: str | None = None
    # The project's country names (countries/names.yaml): ISO3 -> language -> name.
    names: dict[str, dict[str, str]] = field(default_factory=dict)
    # Whether files under rubrics/ or countries/ differ from `commit` (None outside git), as `rank` says.
    dirty: bool | None = None

    def country_names(self, lang: str) -> dict[str, str]:
        """ISO3 code -> display name in `lang`, the project's own names first."""
        return country_names(lang, self.names)

    @property
    def latest(self) -> SiteEdition:
        return self.editions[-1]

    def edition(self, year: int) -> SiteEdition:
        return next(e for e in self.editions if e.year == year)

    def years_of(self, code: str) -> list[int]:
        """The editions that have a file for `code`, oldest first."""
        return [e.year for e in self.editions if code in e.files]

    @property
    def drafts(self) -> list[int]:
        return [e.year for e in self.editions if e.draft]

    @property
    def published(self) -> tuple[SiteEdition, ...]:
        return tuple(e for e in self.editions if not e.draft)


def scored_edition(
    year: int, rubric: Rubric, rubric_sha256: str, countries: Sequence[CountryFile], *, draft: bool = False
) -> SiteEdition:
    """Score, rank and analyse one valid edition (1,000 seeded runs of `atdscore sensitivity`'s defaults)."""
    from atdscore.core.sensitivity import analyse

    files = {c.country: c for c in sorted(countries, key=lambda c: c.country)}
    ranked = tuple(rank_edition(rubric, files.values()))
    intervals = {}
    if any(e.rank is not None for e in ranked):
        intervals = {c.country: c.interval for c in analyse(rubric, [e.result for e in ranked]).countries}
    return SiteEdition(year, rubric, rubric_sha256, files, ranked, intervals, draft)
