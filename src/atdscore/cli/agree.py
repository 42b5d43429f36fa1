"""`atdscore agree`: how far two coders' copies of the same countries agree (double coding)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from atdscore import __version__
from atdscore.cli.base import FormatOpt, OutputOpt, YearOpt, app, usage_error
from atdscore.render.output import Format

if TYPE_CHECKING:
    from atdscore.core.editions import RubricRef, ScoredEdition
    from atdscore.validation.project import EditionInfo

EPILOG = """Examples:

\b
  atdscore agree coder-a coder-b                  # the latest published edition of both
  atdscore agree coder-a coder-b --year 2023 -f md
  atdscore agree coder-a coder-b -f json -o agreement.json

A and B are two project folders (each with rubrics/ and countries/) holding two coders' answers for the
same countries, scored with the same rubric. A unit is an indicator of a country answered with a
value on both sides; an answer with a value on one side only is a coverage disagreement. Countries
coded on one side only are left out (and named on standard error). The JSON is what
`atdscore methodology --agreement FILE` reads. Exit status: 0 when the comparison ran, 1 when a side
has invalid data, 2 on a usage error (a missing folder or edition, two different rubrics)."""

ProjectPath = Annotated[Path, typer.Argument(help="Project folder of one coder (holding rubrics/ and countries/).")]


def _editions(project: Path) -> tuple[Path, dict[int, EditionInfo]]:
    from atdscore.cli.base import project_layout
    from atdscore.validation.project import discover_editions

    layout = project_layout(project)
    editions = discover_editions(layout.countries, layout.display)
    if not editions:
        usage_error(f"no editions in '{layout.countries}'", "country files go in countries/<year>/<ISO3>.yaml")
    return layout.rubrics, editions


def _ref(ref: RubricRef) -> str:
    return f"{ref.id} {ref.version} (scoring sha256 {ref.sha256[:12]})"


def _load(project: Path, year: int | None) -> ScoredEdition:
    """One side's edition `year` (default: its latest published one), loaded and scored, or exit."""
    from atdscore.cli.base import load_valid_edition
    from atdscore.validation.project import RubricSet, latest_published

    rubrics, editions = _editions(project)
    if year is None:
        year = latest_published(editions)
        if year is None:
            usage_error(f"no published edition in '{project}'", "name a draft with --year")
    elif year not in editions:
        usage_error(f"no {year} edition in '{project}'", "editions: " + ", ".join(str(y) for y in editions))
    return load_valid_edition(editions[year], RubricSet(rubrics))


@app.command(epilog=EPILOG)
def agree(
    a: ProjectPath,
    b: ProjectPath,
    year: YearOpt = None,
    format: FormatOpt = Format.table,
    output: OutputOpt = None,
) -> None:
    """Double coding: Krippendorff's alpha and the disagreements between two coders' copies of an edition.

    Default edition: the latest published edition of A, which B must have too.
    """
    from atdscore.cli.base import make_console, project_layout, project_names, show
    from atdscore.core.agree import agreement
    from atdscore.render.agree import render_agree

    side_a = _load(a, year)
    side_b = _load(b, side_a.year)
    if side_a.rubric_ref != side_b.rubric_ref:
        usage_error(
            f"A and B are not scored with the same rubric: A {_ref(side_a.rubric_ref)}, B {_ref(side_b.rubric_ref)}",
            "double coding compares answers under one rubric; give both projects the same rubric file",
        )
    if not side_a.files.keys() & side_b.files.keys():
        usage_error(f"A and B have no country in common in the {side_a.year} edition")
    result = agreement(side_a, side_b)
    err = make_console(stderr=True)
    for side, codes in (("A", result.only_a), ("B", result.only_b)):
        if codes:
            err.print(f"[yellow]Coded in {side} only, left out:[/] {', '.join(codes)}")
    names = project_names(project_layout(a)).names("en")
    show(render_agree(result, names, (str(a), str(b)), format, __version__), output)
