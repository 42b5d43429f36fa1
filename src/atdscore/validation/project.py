"""A project's rubrics and editions, loaded and validated: what every command starts from."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from atdscore.files.load import (
    MAX_COUNTRY_BYTES,
    MAX_RUBRIC_BYTES,
    Document,
    display_path,
    list_rubrics,
    read_many,
    read_yaml,
    rubric_path,
)
from atdscore.problems import Code, Problem, Severity
from atdscore.text.names import country_names
from atdscore.validation.country import check_country, source_path_problem
from atdscore.validation.model import CountryFile, Rubric
from atdscore.validation.rubric import load_rubric


@dataclass
class Edition:
    """The valid country files of one year, with the rubric that scores them."""

    year: int
    rubric: Rubric | None = None
    rubric_sha256: str | None = None
    countries: list[CountryFile] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


class RubricSet:
    """Rubrics loaded on demand by id from `rubrics/`, or one rubric file that overrides them all."""

    def __init__(self, folder: Path, override: Path | None = None) -> None:
        self.folder = folder
        self.override = override
        self.loaded: dict[str, tuple[Rubric | None, str | None]] = {}
        self.problems: list[Problem] = []
        self._override: tuple[Rubric | None, str | None] = (None, None)
        if override is not None:
            self._override = self._read(override, named_by_file=False)

    def _read(self, path: Path, named_by_file: bool = True) -> tuple[Rubric | None, str | None]:
        doc, problems = read_yaml(path, MAX_RUBRIC_BYTES, "rubric")
        rubric = None
        if doc is not None:
            rubric, more = load_rubric(doc, named_by_file=named_by_file)
            problems += more
        self.problems += problems
        return rubric, (doc.sha256 if doc else None)

    def get(self, rubric_id: str) -> tuple[Rubric | None, str | None]:
        """The rubric with this id and its file's sha256; (None, None) when it is missing or invalid."""
        if self.override is not None:
            # --rubric scores every country with that file, whatever rubric its file names.
            self.loaded[rubric_id] = self._override
        elif rubric_id not in self.loaded:
            path = rubric_path(self.folder, rubric_id)
            if path is not None:
                self.loaded[rubric_id] = self._read(path)
        return self.loaded.get(rubric_id, (None, None))

    @property
    def override_rubric(self) -> Rubric | None:
        """The --rubric file's rubric (None without one, or when it has errors)."""
        return self._override[0]

    def load_all(self) -> None:
        """Load every rubric in the folder, so that `check` validates unused ones too."""
        if self.override is None:
            for rubric_id in list_rubrics(self.folder):
                self.get(rubric_id)

    def available(self) -> dict[str, Rubric | None]:
        """Id -> rubric for every rubric file read so far (None for one with errors)."""
        return {i: r for i, (r, _) in self.loaded.items()}


def load_edition(year: int, files: list[Path], rubrics: RubricSet, *, strict: bool = False) -> Edition:
    """Read, validate and collect the country files of one edition."""
    edition = Edition(year)
    docs: list[Document] = []
    readable = []
    for path in files:
        name_problem = source_path_problem(path, display_path(path))
        if name_problem is not None:
            edition.problems.append(name_problem)
        else:
            readable.append(path)
    for doc, problems in read_many(readable, MAX_COUNTRY_BYTES, "country file"):
        edition.problems += problems
        if doc is not None:
            docs.append(doc)
    # Load the rubrics these files name, once each, before validating against them.
    for doc in docs:
        rubric_id = doc.data.get("rubric") if isinstance(doc.data, dict) else None
        if isinstance(rubric_id, str):
            rubrics.get(rubric_id)
    names = country_names()
    available = rubrics.available()
    by_rubric: dict[str, list[str]] = defaultdict(list)
    seen: dict[str, Document] = {}
    for doc in docs:
        country, problems = check_country(doc, available, country_names=names, strict=strict)
        edition.problems += problems
        if country is None:
            continue
        if country.country in seen:
            edition.problems.append(
                doc.problem(
                    Code.SECOND_FILE,
                    ("country",),
                    f"a second file for {country.country} in {year}",
                    f"the first is {seen[country.country].display}; keep one",
                )
            )
            continue
        seen[country.country] = doc
        used = available.get(country.rubric)
        if not any(p.is_error for p in problems) and used is not None:
            edition.countries.append(country)
            edition.documents[country.country] = doc
            # Grouped by the rubric that scores the file (with --rubric, one for all).
            by_rubric[used.id].append(country.rubric)
    if len(by_rubric) > 1:
        counts = ", ".join(f"'{r}' ({len(f)} files)" for r, f in sorted(by_rubric.items()))
        edition.problems.append(
            Problem(
                display_path(files[0].parent) if files else str(year),
                None,
                None,
                Severity.ERROR,
                Code.MIXED_RUBRICS,
                f"edition {year} mixes rubrics: {counts}",
                "score one edition with one rubric",
            )
        )
    elif by_rubric:
        edition.rubric, edition.rubric_sha256 = rubrics.get(next(iter(by_rubric.values()))[0])
    edition.countries.sort(key=lambda c: c.country)
    return edition
