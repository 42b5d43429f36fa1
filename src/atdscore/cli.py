"""The command line: parse options, call the core, print, choose the exit code. Nothing else.

Only typer is imported at start-up; each command imports what it needs, so `atdscore --help` stays
as fast as typer itself.
"""

from __future__ import annotations

import gc
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer

from . import __version__

if TYPE_CHECKING:
    from rich.console import Console

    from .load import Layout
    from .problems import Problem
    from .project import Edition, RubricSet

# Exit codes: 0 all good, 1 invalid data (or a failed threshold), 2 a usage error.
EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2

app = typer.Typer(
    name="atdscore",
    help="Score, rank and explain how far states have ended the immigration detention of children.\n\n"
    "Run it in a data repository that has `rubrics/` and `countries/<year>/<ISO3>.yaml`.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class OutputFormat(StrEnum):
    table = "table"
    md = "md"
    csv = "csv"
    json = "json"


ProjectArg = Annotated[
    Path,
    typer.Argument(help="Project folder holding rubrics/ and countries/ (or a countries/ folder).", show_default="."),
]
RubricOpt = Annotated[
    Optional[Path],  # noqa: UP045 - typer reads this annotation at run time
    typer.Option(
        "--rubric", "-r", help="Score with this rubric file instead of the one the country files name.", dir_okay=False
    ),
]
YearOpt = Annotated[
    Optional[int],  # noqa: UP045
    typer.Option("--year", "-y", help="Edition year. Default: the latest edition.", show_default=False),
]
FormatOpt = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]
OutputOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--output", "-o", help="Write to this file instead of standard output.", dir_okay=False),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"atdscore {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", "-V", help="Show the version and exit.", callback=_version, is_eager=True)
    ] = False,
) -> None:
    """Score, rank and explain how far states have ended the immigration detention of children."""


def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def _usage_error(message: str, hint: str | None = None) -> NoReturn:
    console = _console(stderr=True)
    console.print(f"[bold red]error:[/] {_escape(message)}")
    if hint:
        console.print(f"  {_escape(hint)}")
    raise typer.Exit(EXIT_USAGE)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _print_problems(problems: list[Problem], console: Console) -> None:
    from rich.text import Text

    from .problems import sort_problems

    for problem in sort_problems(problems):
        where, _, rest = problem.render().partition(f": {problem.severity.value}: ")
        text = Text.assemble(
            (where, "bold"), ": ", (problem.severity.value, "bold red" if problem.is_error else "yellow"), ": ", rest
        )
        console.print(text)


def _layout(project: Path) -> Layout:
    from .load import find_layout

    if not project.is_dir():
        _usage_error(f"'{project}' is not a folder", "give the folder that holds rubrics/ and countries/")
    layout = find_layout(project)
    if not layout.countries.is_dir():
        _usage_error(
            f"no countries/ folder in '{project}'",
            "run atdscore in a data repository, or give its folder as an argument",
        )
    return layout


def _rubrics(layout: Layout, rubric: Path | None) -> RubricSet:
    from .project import RubricSet

    if rubric is not None and not rubric.is_file():
        _usage_error(f"rubric file '{rubric}' does not exist")
    return RubricSet(layout.rubrics, rubric)


def _edition(project: Path, rubric: Path | None, year: int | None) -> tuple[Layout, Edition, RubricSet]:
    """Load one edition or exit: 2 when it does not exist, 1 when its data is invalid."""
    from .load import find_editions
    from .problems import has_errors
    from .project import load_edition

    layout = _layout(project)
    editions = find_editions(layout.countries)
    if not editions:
        _usage_error(f"no editions in '{layout.countries}'", "country files go in countries/<year>/<ISO3>.yaml")
    if year is None:
        year = max(editions)
    elif year not in editions:
        _usage_error(f"no {year} edition", "editions: " + ", ".join(str(y) for y in editions))
    rubrics = _rubrics(layout, rubric)
    edition = load_edition(year, editions[year], rubrics)
    problems = rubrics.problems + edition.problems
    if has_errors(problems) or edition.rubric is None:
        err = _console(stderr=True)
        _print_problems([p for p in problems if p.is_error], err)
        if edition.rubric is None and not has_errors(problems):
            err.print(f"error: no valid country files in the {year} edition")
        err.print("[red]The data has errors; nothing was scored.[/] Run [bold]atdscore check[/] for the full report.")
        raise typer.Exit(EXIT_INVALID)
    warnings = len(problems)
    if warnings:
        _console(stderr=True).print(
            f"[yellow]{warnings} warning{'s' if warnings > 1 else ''}[/]; run [bold]atdscore check[/] to see them."
        )
    return layout, edition, rubrics


def _emit(text: str, output: Path | None) -> None:
    """Write text to the output file (only once it is complete) or to standard output."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as err:
        _usage_error(f"cannot write '{output}': {err.strerror or err}")


@app.command(
    epilog="Examples:\n\n\b\n  atdscore check\n  atdscore check --strict    # as CI runs it\n  atdscore check ../data --year 2023"
)
def check(
    project: ProjectArg = Path("."),
    rubric: RubricOpt = None,
    year: Annotated[
        list[int] | None,
        typer.Option("--year", "-y", help="Check only this edition (repeatable). Default: all.", show_default=False),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Also fail on missing answers and answers without evidence.")
    ] = False,
) -> None:
    """Validate every rubric and country file; report each problem as file:line:col.

    Exit status: 0 when the data is valid (warnings allowed), 1 when any file has errors.
    """
    from .load import find_editions
    from .project import load_edition

    layout = _layout(project)
    editions = find_editions(layout.countries)
    if year:
        missing = sorted(set(year) - set(editions))
        if missing:
            _usage_error(f"no {missing[0]} edition", "editions: " + ", ".join(str(y) for y in editions))
        editions = {y: f for y, f in editions.items() if y in year}
    rubrics = _rubrics(layout, rubric)
    rubrics.load_all()
    problems: list[Problem] = []
    files = 0
    for y, paths in editions.items():
        files += len(paths)
        problems += load_edition(y, paths, rubrics, strict=strict).problems
    problems = rubrics.problems + problems
    console = _console()
    _print_problems(problems, console)
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    summary = f"{files} country file{'s' if files != 1 else ''} in {len(editions)} edition{'s' if len(editions) != 1 else ''}, {len(rubrics.loaded)} rubric{'s' if len(rubrics.loaded) != 1 else ''}: "
    summary += f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
    console.print(("[red]" if errors else "[green]") + _escape(summary) + "[/]")
    raise typer.Exit(EXIT_INVALID if errors else EXIT_OK)


@app.command(
    epilog="Examples:\n\n\b\n  atdscore rank\n  atdscore rank --year 2023 --format md > ranking.md\n  atdscore rank -f json | jq '.countries[0]'\n  atdscore rank -f csv -o ranking.csv"
)
def rank(
    project: ProjectArg = Path("."),
    rubric: RubricOpt = None,
    year: YearOpt = None,
    format: FormatOpt = OutputFormat.table,
    output: OutputOpt = None,
) -> None:
    """Rank the countries of one edition by score (percent of the maximum), highest first.

    Ties share a rank (1, 2, 2, 4). JSON and CSV carry exact numbers; the table and Markdown round to one decimal.
    """
    from .load import git_commit
    from .names import country_names
    from .rank import rank_countries
    from .render import Format, RankReport, render_rank
    from .score import Scorer

    layout, edition, _ = _edition(project, rubric, year)
    assert edition.rubric is not None and edition.rubric_sha256 is not None
    scorer = Scorer(edition.rubric)
    results = [scorer.score(c) for c in edition.countries]
    report = RankReport(
        tool_version=__version__,
        rubric=edition.rubric,
        rubric_sha256=edition.rubric_sha256,
        commit=git_commit(layout.countries),
        year=edition.year,
        ranked=rank_countries(results),
        names=country_names(),
    )
    rendered = render_rank(report, Format(format.value))
    if isinstance(rendered, str):
        _emit(rendered, output)
    elif output is not None:
        import io

        from rich.console import Console

        capture = Console(file=io.StringIO(), width=200, color_system=None)
        capture.print(rendered)
        _emit(capture.file.getvalue(), output)  # type: ignore[attr-defined]
    else:
        _console().print(rendered)


class SchemaKind(StrEnum):
    rubric = "rubric"
    country = "country"


@app.command(epilog="Examples:\n\n\b\n  atdscore schema rubric > rubric.schema.json\n  atdscore schema country")
def schema(kind: Annotated[SchemaKind, typer.Argument(help="Which file format.")]) -> None:
    """Print the JSON Schema of a file format, generated from the models that validate it.

    Editors such as VS Code use it to complete and check files as you type.
    """
    from .render import to_json
    from .schema import json_schema

    _emit(to_json(json_schema(kind.value)), None)


def main() -> None:
    """Entry point of the `atdscore` console script."""
    # pydantic looks for plugins by scanning every installed package's metadata when the first model
    # is built; atdscore uses none, and skipping the scan saves a noticeable part of start-up.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # Loading builds hundreds of thousands of small acyclic objects (YAML nodes, dicts, models); the
    # cyclic garbage collector would scan them again and again for nothing. Run it rarely.
    gc.set_threshold(200_000, 20, 20)
    app()
