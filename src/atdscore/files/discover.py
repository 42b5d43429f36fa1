"""Where a project keeps its files: the layout, the editions (year folders) and the rubric files."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_YEAR_DIR = re.compile(r"^[0-9]{4}$")  # ASCII digits only: '٢٠٢٣' is not an edition


@dataclass(frozen=True)
class Layout:
    """Where a project keeps its rubrics and country files."""

    root: Path
    rubrics: Path
    countries: Path


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
