"""Where a project keeps its files (the layout, the editions, the rubric files) and how messages name them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

_YEAR_DIR = re.compile(r"^[0-9]{4}$")  # ASCII digits only: '٢٠٢٣' is not an edition


def display_path(path: Path, base: Path | None = None) -> str:
    """The path as a user would write it: relative to `base` (default: the current folder) when inside it."""
    # Lexical only: resolving symlinks costs system calls for every file and is not needed to be readable.
    if not path.is_absolute():
        return path.as_posix()
    try:
        return path.relative_to(base or Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


# How messages name a file: `display_path`, or the `display` of a labelled Layout.
Display = Callable[[Path], str]


@dataclass(frozen=True)
class Layout:
    """Where a project keeps its rubrics and country files, and the label that names them in messages.

    A git revision extracted to a temporary folder is labelled with the revision, so that its files
    read as `origin/main:countries/2023/MEX.yaml` rather than as a temporary path.
    """

    root: Path
    rubrics: Path
    countries: Path
    label: str | None = None

    def display(self, path: Path) -> str:
        """A file of this layout as messages name it: `<label><path inside root>` when labelled."""
        if self.label is not None and path.is_relative_to(self.root):
            return self.label + path.relative_to(self.root).as_posix()
        return display_path(path)


def find_layout(root: Path) -> Layout:
    """The layout under `root`: `rubrics/` and `countries/`; a `countries` folder itself is accepted too."""
    if not (root / "countries").is_dir() and any(_YEAR_DIR.match(p.name) for p in _subdirs(root)):
        return Layout(root.parent, root.parent / "rubrics", root)
    return Layout(root, root / "rubrics", root / "countries")


def _subdirs(path: Path) -> Iterator[Path]:
    try:
        yield from (p for p in path.iterdir() if p.is_dir())
    except OSError:
        return


EDITION_FILE = "edition.yaml"


def edition_files(folder: Path) -> list[Path]:
    """The country files (YAML) of one edition folder, sorted; `edition.yaml` describes the edition itself."""
    return sorted(
        p for p in folder.iterdir() if p.is_file() and p.suffix in (".yaml", ".yml") and p.name != EDITION_FILE
    )


def find_editions(countries: Path) -> dict[int, list[Path]]:
    """Year -> country files of that edition, both sorted; folders that are not years are ignored."""
    editions: dict[int, list[Path]] = {}
    for folder in sorted(_subdirs(countries)):
        if _YEAR_DIR.match(folder.name):
            try:
                files = edition_files(folder)
            except OSError:
                continue  # a folder that cannot be listed holds no edition we can read
            # An empty year folder (a new edition being started) is not an edition yet.
            if files:
                editions[int(folder.name)] = files
    return dict(sorted(editions.items()))


def rubric_path(rubrics: Path, rubric_id: str, version: str | None = None) -> Path | None:
    """The file of rubric `rubric_id`: the current one, or with `version` the kept `<id>@<version>` file."""
    stem = rubric_id if version is None else f"{rubric_id}@{version}"
    for suffix in (".yaml", ".yml"):
        candidate = rubrics / f"{stem}{suffix}"
        if candidate.is_file():
            return candidate
    return None


def list_rubrics(rubrics: Path) -> list[str]:
    """File stems of the rubrics in `rubrics/`, sorted: `<id>` for current versions, `<id>@<version>` for kept ones."""
    try:
        return sorted(p.stem for p in rubrics.iterdir() if p.suffix in (".yaml", ".yml"))
    except OSError:
        return []


# Files a project may hold besides rubrics and country files; dot files (.gitkeep, .DS_Store) are ignored.
COUNTRIES_EXTRAS = frozenset({"README.md", "names.yaml", "LICENSE", "LICENSE.md"})
RUBRICS_EXTRAS = frozenset({"README.md"})
_YAML = (".yaml", ".yml")


@dataclass(frozen=True)
class Stray:
    """A file or folder the tool does not read, and what it expected there instead."""

    path: Path
    message: str
    hint: str
    # Two files claiming one rubric is an error: which one counts would be a guess.
    error: bool = False


def _entries(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    except OSError:
        return []


def _kind(path: Path) -> str | None:
    """Why `path` cannot be read as a file: a broken link or a folder; None for a regular file."""
    if path.is_symlink() and not path.exists():
        return "a link to something that does not exist"
    if path.is_dir():
        return "a folder"
    return None


def inventory(layout: Layout) -> list[Stray]:
    """Everything under `countries/` and `rubrics/` that is not read as a rubric, an edition or a country file.

    Expected: `countries/<year>/<ISO3>.yaml` and `edition.yaml`, `countries/{README.md, names.yaml, LICENSE}`,
    `rubrics/<id>.yaml` and `rubrics/<id>@<version>.yaml`. Anything else is silently ignored today, so a
    mistyped name (`KEN.YAML`, `countries/KEN.yaml`, `countries/drafts/`) would drop data without a word.
    """
    strays: list[Stray] = []
    country_hint = "country files are read from countries/<year>/<ISO3>.yaml"
    for entry in _entries(layout.countries):
        if _YEAR_DIR.match(entry.name) and entry.is_dir():
            for item in _entries(entry):
                kind = _kind(item)
                if kind is not None:
                    strays.append(Stray(item, f"'{item.name}' is {kind}, not a country file", country_hint))
                elif item.suffix not in _YAML:
                    extension = " (the extension must be .yaml, in lower case)" if item.suffix.lower() in _YAML else ""
                    strays.append(Stray(item, f"'{item.name}' is not read{extension}", country_hint))
        elif entry.name in COUNTRIES_EXTRAS and entry.is_file():
            continue
        elif entry.is_dir() and not (entry.is_symlink() and not entry.exists()):
            strays.append(
                Stray(entry, f"'{entry.name}' is not an edition: editions are year folders such as 2023", country_hint)
            )
        elif entry.suffix in _YAML and _kind(entry) is None:
            strays.append(
                Stray(entry, f"'{entry.name}' is outside any edition", f"move it to countries/<year>/{entry.name}")
            )
        else:
            kind = _kind(entry) or "not a file atdscore reads"
            strays.append(Stray(entry, f"'{entry.name}' is {kind}", country_hint))
    for entry in _entries(layout.rubrics):
        if entry.name in RUBRICS_EXTRAS and entry.is_file():
            continue
        kind = _kind(entry)
        if kind is not None or entry.suffix not in _YAML:
            strays.append(
                Stray(
                    entry,
                    f"'{entry.name}' is {kind or 'not read'}",
                    "rubrics are read from rubrics/<id>.yaml, earlier versions from rubrics/<id>@<version>.yaml",
                )
            )
    by_stem: dict[str, list[Path]] = {}
    for entry in _entries(layout.rubrics):
        if entry.suffix in _YAML and entry.is_file():
            by_stem.setdefault(entry.stem, []).append(entry)
    for stem, paths in sorted(by_stem.items()):
        if len(paths) > 1:
            names = " and ".join(p.name for p in paths)
            strays.append(
                Stray(paths[-1], f"{names} are both rubric '{stem}'", "keep one: only the .yaml file is read", True)
            )
    return strays
