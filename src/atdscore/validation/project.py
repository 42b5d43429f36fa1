"""A project's rubrics and editions, loaded and validated: what every command starts from."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from atdscore.files.discover import (
    EDITION_FILE,
    Display,
    Layout,
    display_path,
    edition_files,
    find_editions,
    inventory,
    list_rubrics,
    rubric_path,
)
from atdscore.files.load import (
    MAX_COUNTRY_BYTES,
    MAX_RUBRIC_BYTES,
    Document,
    read_yaml,
)
from atdscore.files.parallel import read_many
from atdscore.problems import Code, Problem, Severity
from atdscore.text.names import country_names
from atdscore.validation.country import check_country, source_path_problem
from atdscore.validation.country_file import CountryFile
from atdscore.validation.edition import EditionFile, EditionStatus, scoring_sha256
from atdscore.validation.model import Rubric
from atdscore.validation.review import EditionContext
from atdscore.validation.reword import to_model
from atdscore.validation.rubric import load_rubric


@dataclass
class Edition:
    """The valid country files of one year, with the rubric that scores them and the edition's status."""

    year: int
    status: EditionStatus = EditionStatus.PUBLISHED
    meta: EditionFile | None = None
    rubric: Rubric | None = None
    rubric_sha256: str | None = None  # of the rubric's scoring content (see validation/edition.py)
    countries: list[CountryFile] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def is_draft(self) -> bool:
        return self.status is EditionStatus.DRAFT


@dataclass(frozen=True)
class EditionInfo:
    """What the files say about an edition before its country files are read: its files, status and pin."""

    year: int
    folder: Path
    files: list[Path]
    status: EditionStatus
    meta: EditionFile | None
    problems: list[Problem]
    # How its files are named in problems (a labelled Layout's `display` for an edition at a git revision).
    display_as: Display = display_path

    @property
    def is_draft(self) -> bool:
        return self.status is EditionStatus.DRAFT


def read_edition_file(folder: Path, display_as: Display = display_path) -> tuple[EditionFile | None, list[Problem]]:
    """`<folder>/edition.yaml` as a model; (None, []) when there is none."""
    path = folder / EDITION_FILE
    if not path.is_file():
        return None, []
    doc, problems = read_yaml(path, MAX_COUNTRY_BYTES, "edition file", display_as)
    if doc is None:
        return None, problems
    meta, more = to_model(doc, EditionFile)
    return meta, problems + more


def discover_editions(countries: Path, display_as: Display = display_path) -> dict[int, EditionInfo]:
    """Every edition under `countries/` with its status; `display_as` names its files in problems.

    A year folder without `edition.yaml` is a draft once any edition of the project is published;
    before that (a new project) every edition counts as published, so a fresh project works as it is.
    """
    found = {
        year: (files, *read_edition_file(countries / str(year), display_as))
        for year, files in find_editions(countries).items()
    }
    any_published = any(meta is not None and meta.status is EditionStatus.PUBLISHED for _, meta, _ in found.values())
    infos = {}
    for year, (files, meta, problems) in found.items():
        default = EditionStatus.DRAFT if any_published else EditionStatus.PUBLISHED
        status = meta.status if meta is not None else default
        infos[year] = EditionInfo(year, countries / str(year), files, status, meta, problems, display_as)
    return infos


def edition_rubric(info: EditionInfo) -> tuple[str, str | None] | None:
    """The rubric (id, and the pinned version or None for the current one) an edition is scored with.

    Its country files are not validated: a published edition's pin, else the rubric its first file names.
    """
    pin = info.meta.pin if info.meta is not None else None
    if pin is not None:
        return pin.rubric, pin.rubric_version
    for path in info.files:
        doc, _ = read_yaml(path, MAX_COUNTRY_BYTES, "country file")
        rubric_id = doc.data.get("rubric") if doc is not None and isinstance(doc.data, dict) else None
        if isinstance(rubric_id, str):
            return rubric_id, None
    return None


def latest_published(editions: dict[int, EditionInfo]) -> int | None:
    """The year commands use by default: the latest published edition (a draft only when named)."""
    return max((y for y, e in editions.items() if not e.is_draft), default=None)


class RubricSet:
    """Rubrics loaded on demand by id and version from `rubrics/`, or one rubric file that overrides them all."""

    def __init__(self, folder: Path, override: Path | None = None, *, display_as: Display = display_path) -> None:
        self.folder = folder
        self.override = override
        self.display_as = display_as  # how problems name the rubric files
        self.loaded: dict[tuple[str, str | None], tuple[Rubric | None, str | None]] = {}
        self.files: dict[Path, tuple[Rubric | None, str | None]] = {}
        self.problems: list[Problem] = []
        self._override: tuple[Rubric | None, str | None] = (None, None)
        if override is not None:
            self._override = self._read(override, named_by_file=False)

    def _read(self, path: Path, named_by_file: bool = True) -> tuple[Rubric | None, str | None]:
        """A rubric file and its scoring sha256, read once however many ids and versions lead to it."""
        if path not in self.files:
            doc, problems = read_yaml(path, MAX_RUBRIC_BYTES, "rubric", self.display_as)
            rubric = None
            if doc is not None:
                rubric, more = load_rubric(doc, named_by_file=named_by_file)
                problems += more
            self.problems += problems
            self.files[path] = (rubric, scoring_sha256(rubric) if rubric else None)
        return self.files[path]

    def get(self, rubric_id: str, version: str | None = None) -> tuple[Rubric | None, str | None]:
        """Rubric `rubric_id` (the current file, or `version` of it) and its scoring sha256; (None, None) if missing."""
        if self.override is not None:
            # --rubric scores every country with that file, whatever rubric its file names.
            return self._override
        key = (rubric_id, version)
        if key not in self.loaded:
            path = rubric_path(self.folder, rubric_id, version)
            if path is not None:
                self.loaded[key] = self._read(path)
            elif version is not None:
                # The current file serves an edition pinned to the version it still is.
                current = self.get(rubric_id)
                if current[0] is not None and current[0].version == version:
                    self.loaded[key] = current
        return self.loaded.get(key, (None, None))

    @property
    def override_rubric(self) -> Rubric | None:
        """The --rubric file's rubric (None without one, or when it has errors)."""
        return self._override[0]

    def load_all(self) -> None:
        """Load every rubric file in the folder, kept versions included, so that `check` validates unused ones too."""
        if self.override is None:
            for stem in list_rubrics(self.folder):
                rubric_id, _, version = stem.partition("@")
                self.get(rubric_id, version or None)


def edition_info(
    folder: Path, year: int, files: list[Path] | None = None, display_as: Display = display_path
) -> EditionInfo:
    """An edition folder on its own (a diff side): its status is its `edition.yaml`'s, published without one."""
    meta, problems = read_edition_file(folder, display_as)
    status = meta.status if meta is not None else EditionStatus.PUBLISHED
    files = edition_files(folder) if files is None else files
    return EditionInfo(year, folder, files, status, meta, problems, display_as)


def _pinned_rubric(info: EditionInfo, rubrics: RubricSet) -> list[Problem]:
    """Problems with a published edition's pin: its rubric version missing, or its scoring content changed."""
    pin = info.meta.pin if info.meta is not None else None
    if pin is None or rubrics.override is not None:
        return []
    rubric, sha = rubrics.get(pin.rubric, pin.rubric_version)
    kept = rubric_path(rubrics.folder, pin.rubric, pin.rubric_version)
    if rubric is None:
        current, _ = rubrics.get(pin.rubric)
        if current is None or kept is not None:
            return []  # a missing rubric is reported at the country files, a broken file at itself
        message = (
            f"edition {info.year} was published with {pin.rubric} {pin.rubric_version}, "
            f"but rubrics/{pin.rubric}.yaml is version {current.version}"
        )
        hint = f"keep version {pin.rubric_version} as rubrics/{pin.rubric}@{pin.rubric_version}.yaml"
        where = info.display_as(info.folder / EDITION_FILE)
        return [Problem(where, None, None, Severity.ERROR, Code.PINNED_RUBRIC_MISSING, message, hint)]
    if sha != pin.rubric_sha256:
        path = kept or rubric_path(rubrics.folder, pin.rubric)
        assert path is not None
        message = (
            f"the scoring content of {pin.rubric} {pin.rubric_version} changed after edition {info.year} "
            "was published with it"
        )
        hint = (
            f"set a new 'version' and keep the published one as rubrics/{pin.rubric}@{pin.rubric_version}.yaml, "
            f"or re-publish with: atdscore publish {info.year} --reason '...'"
        )
        return [Problem(rubrics.display_as(path), None, None, Severity.ERROR, Code.PIN_CHANGED, message, hint)]
    return []


def load_edition(info: EditionInfo, rubrics: RubricSet, *, strict: bool = False) -> Edition:
    """Read, validate and collect the country files of one edition, scored with its pinned rubric version."""
    year, files = info.year, info.files
    edition = Edition(year, info.status, info.meta, problems=list(info.problems))
    pin = info.meta.pin if info.meta is not None else None
    edition.problems += _pinned_rubric(info, rubrics)
    docs: list[Document] = []
    readable = []
    for path in files:
        name_problem = source_path_problem(path, info.display_as(path))
        if name_problem is not None:
            edition.problems.append(name_problem)
        else:
            readable.append(path)
    for doc, problems in read_many(readable, MAX_COUNTRY_BYTES, "country file", info.display_as):
        edition.problems += problems
        if doc is not None:
            docs.append(doc)
    # Load the rubrics these files name, once each, before validating against them: a published
    # edition's files are checked against the version it pinned.
    available: dict[str, Rubric | None] = {}
    for doc in docs:
        rubric_id = doc.data.get("rubric") if isinstance(doc.data, dict) else None
        if isinstance(rubric_id, str) and rubric_id not in available:
            version = pin.rubric_version if pin is not None and pin.rubric == rubric_id else None
            if rubrics.override is not None or rubric_path(rubrics.folder, rubric_id) or version:
                available[rubric_id] = rubrics.get(rubric_id, version)[0]
    if rubrics.override is None:
        available.update({i: r for (i, v), (r, _) in rubrics.loaded.items() if v is None and i not in available})
    names = country_names()
    context = EditionContext(not info.is_draft, info.meta.carried_from if info.meta is not None else None)
    by_rubric: dict[str, list[str]] = defaultdict(list)
    seen: dict[str, Document] = {}
    for doc in docs:
        country, problems = check_country(doc, available, country_names=names, strict=strict, edition=context)
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
                info.display_as(files[0].parent) if files else str(year),
                None,
                None,
                Severity.ERROR,
                Code.MIXED_RUBRICS,
                f"edition {year} mixes rubrics: {counts}",
                "score one edition with one rubric",
            )
        )
    elif by_rubric:
        rubric_id = next(iter(by_rubric.values()))[0]
        version = pin.rubric_version if pin is not None and pin.rubric == rubric_id else None
        edition.rubric, edition.rubric_sha256 = rubrics.get(rubric_id, version)
    edition.countries.sort(key=lambda c: c.country)
    return edition


def inventory_problems(layout: Layout, rubrics: RubricSet, *, strict: bool = False) -> list[Problem]:
    """Files the tool does not read (a warning, an error with --strict) and two files for one rubric version.

    With --strict, a project without any country file is an error too.
    """
    problems = []
    for stray in inventory(layout):
        severity = Severity.ERROR if stray.error or strict else Severity.WARNING
        code = Code.DUPLICATE_RUBRIC if stray.error else Code.UNEXPECTED_FILE
        problems.append(Problem(layout.display(stray.path), None, None, severity, code, stray.message, stray.hint))
    # rubrics/<id>@<v>.yaml keeps version v; a current file that is also version v claims it twice.
    for (rubric_id, version), (rubric, _) in sorted(rubrics.loaded.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        kept = rubric_path(layout.rubrics, rubric_id, version) if version else None
        current, _ = rubrics.get(rubric_id)
        if kept is not None and rubric is not None and current is not None and current.version == version:
            path = rubric_path(layout.rubrics, rubric_id)
            problems.append(
                Problem(
                    layout.display(kept), None, None, Severity.ERROR, Code.DUPLICATE_RUBRIC,
                    f"{kept.name} and {path.name if path else rubric_id} both claim {rubric_id} {version}",
                    f"keep the published version as {kept.name} and give the current file a new 'version'",
                )
            )  # fmt: skip
    if strict and not find_editions(layout.countries):
        problems.append(
            Problem(
                layout.display(layout.countries), None, None, Severity.ERROR, Code.NO_COUNTRY_FILES,
                "no country files", "country files go in countries/<year>/<ISO3>.yaml",
            )
        )  # fmt: skip
    return problems
