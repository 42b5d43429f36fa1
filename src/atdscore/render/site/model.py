"""What a site is built from: scored editions, the languages, and where the data came from.

The CLI loads, validates and scores the project's editions (core/editions.py), adds their rank
intervals (`site_edition`) and hands a `Site` to `build_site`; nothing here reads files. An edition carries its rank intervals from the
sensitivity analysis, so a page can say how solid a rank is, and whether it is a draft.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from atdscore.core.editions import ScoredEdition, score_edition
from atdscore.core.score import CountryResult
from atdscore.text.names import country_names
from atdscore.validation.country_file import CountryFile
from atdscore.validation.model import Rubric


@dataclass(frozen=True)
class SiteEdition(ScoredEdition):
    """A scored edition (core/editions.py) with each ranked country's 5th-95th percentile rank interval."""

    intervals: dict[str, tuple[int, int]] = field(default_factory=dict)

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


def site_edition(edition: ScoredEdition) -> SiteEdition:
    """A scored edition with its rank intervals (1,000 seeded runs of `atdscore sensitivity`'s defaults)."""
    from atdscore.core.sensitivity import rank_intervals

    intervals = rank_intervals(edition.rubric, edition.results)
    return SiteEdition(
        edition.year, edition.rubric, edition.rubric_sha256, edition.ranked, edition.files, edition.draft, intervals
    )


def scored_edition(
    year: int, rubric: Rubric, rubric_sha256: str, countries: Sequence[CountryFile], *, draft: bool = False
) -> SiteEdition:
    """Score, rank and analyse one valid edition."""
    return site_edition(score_edition(year, rubric, rubric_sha256, countries, draft=draft))
