"""Commands over one project's data: check, rank, schema."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from atdscore import __version__
from atdscore.cli.base import (
    EXIT_INVALID,
    EXIT_OK,
    FormatOpt,
    Lang,
    LangOpt,
    OutputOpt,
    ProjectArg,
    RubricOpt,
    YearOpt,
    app,
    emit,
    escape,
    load_year,
    make_console,
    print_problems,
    project_layout,
    project_names,
    provenance,
    rubric_set,
    show,
    usage_error,
)
from atdscore.render.output import CheckFormat, Format

if TYPE_CHECKING:
    from atdscore.problems import Problem


@app.command(
    epilog="Examples:\n\n\b\n  atdscore check\n  atdscore check --strict    # as CI runs it\n  atdscore check ../data --year 2023\n  atdscore check -f json | jq '.problems[] | select(.severity == \"error\")'"
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
    format: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="Output format: problem lines, or JSON for editors and CI.")
    ] = CheckFormat.table,
    output: OutputOpt = None,
) -> None:
    """Validate every rubric and country file; report each problem as file:line:col: severity[CODE].

    Exit status: 0 when the data is valid (warnings allowed), 1 when any file has errors.
    """
    from atdscore.render.problems import check_summary, render_check
    from atdscore.validation.names import load_names
    from atdscore.validation.project import discover_editions, inventory_problems, load_edition

    layout = project_layout(project)
    editions = discover_editions(layout.countries)
    if year:
        missing = sorted(set(year) - set(editions))
        if missing:
            usage_error(f"no {missing[0]} edition", "editions: " + ", ".join(str(y) for y in editions))
        editions = {y: f for y, f in editions.items() if y in year}
    rubrics = rubric_set(layout, rubric)
    rubrics.load_all()
    problems: list[Problem] = []
    files = 0
    for info in editions.values():
        files += len(info.files)
        problems += load_edition(info, rubrics, strict=strict).problems
    problems = (
        inventory_problems(layout, rubrics, strict=strict)
        + rubrics.problems
        + load_names(layout.countries).problems
        + problems
    )
    summary = check_summary(problems, files, len(editions), len(rubrics.files))
    show(render_check(problems, summary, format, __version__), output)
    errors = sum(1 for p in problems if p.is_error)
    raise typer.Exit(EXIT_INVALID if errors else EXIT_OK)


@app.command(
    epilog="Examples:\n\n\b\n  atdscore rank\n  atdscore rank --intervals\n  atdscore rank --year 2023 --format md > ranking.md\n  atdscore rank -f json | jq '.countries[0]'\n  atdscore rank -f csv -o ranking.csv"
)
def rank(
    project: ProjectArg = Path("."),
    rubric: RubricOpt = None,
    year: YearOpt = None,
    format: FormatOpt = Format.table,
    output: OutputOpt = None,
    lang: LangOpt = Lang.en,
    intervals: Annotated[
        bool,
        typer.Option(
            "--intervals",
            help="Add each rank's 5th-95th percentile interval among the ranked countries (atdscore sensitivity, defaults).",
        ),
    ] = False,
) -> None:
    """Rank the countries of one edition by score (percent of the maximum), highest first.

    Ties share a rank (1, 2, 2, 4). Countries with fewer answered standard indicators than the rubric's
    min_coverage follow the ranking without a rank. Each country's range is its score with every unknown or
    missing answer at its lowest and at its highest. JSON and CSV carry exact numbers; the table and Markdown
    round to one decimal.
    """
    from atdscore.render.rank import RankReport, render_rank

    layout, edition, _ = load_year(project, rubric, year)
    names = project_names(layout)
    found = None
    if intervals:
        from atdscore.core.sensitivity import rank_intervals

        found = rank_intervals(edition.rubric, edition.results)
    commit, dirty = provenance(layout)
    report = RankReport(
        tool_version=__version__,
        rubric=edition.rubric,
        rubric_sha256=edition.rubric_sha256,
        commit=commit,
        year=edition.year,
        ranked=edition.ranked,
        names=names.names(lang.value),
        lang=lang.value,
        intervals=found,
        draft=edition.draft,
        dirty=dirty,
    )
    err = make_console(stderr=True)
    if report.draft_line and format is Format.csv:
        err.print(f"[yellow]note:[/] {escape(report.draft_line)}")  # CSV has no place for it
    if report.dirty and format is not Format.json:
        err.print("[yellow]note:[/] files under rubrics/ or countries/ differ from the last commit")
    show(render_rank(report, format), output)


class SchemaKind(StrEnum):
    rubric = "rubric"
    country = "country"


@app.command(
    epilog="Examples:\n\n\b\n  atdscore schema rubric > rubric.schema.json\n  atdscore schema country\n"
    "  atdscore schema country --rubric rubrics/atd-core.yaml -o schemas/atd-core.country.schema.json"
)
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="Which file format.")],
    rubric: Annotated[
        Path | None,
        typer.Option(
            "--rubric",
            "-r",
            help="Country files only: specialise the schema to this rubric (indicator ids, option and item ids, bounds).",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    output: OutputOpt = None,
) -> None:
    """Print the JSON Schema of a file format, generated from the models that validate it.

    Editors such as VS Code use it to complete and check files as you type. With --rubric, the country
    schema knows that rubric's indicators and their answers. Exit status: 0, 1 when the rubric has errors, 2 on a usage error.
    """
    from atdscore.render.output import to_json
    from atdscore.validation.schema import country_schema, json_schema

    if rubric is None:
        emit(to_json(json_schema(kind.value)), output)
        return
    if kind is not SchemaKind.country:
        usage_error("--rubric specialises the country schema", "atdscore schema country --rubric FILE")
    from atdscore.validation.project import RubricSet

    if not rubric.is_file():
        usage_error(f"rubric file '{rubric}' does not exist")
    rubrics = RubricSet(rubric.parent, rubric)
    parsed = rubrics.override_rubric
    if parsed is None or any(p.is_error for p in rubrics.problems):
        err = make_console(stderr=True)
        print_problems([p for p in rubrics.problems if p.is_error], err)
        err.print("[red]The rubric has errors; no schema was written.[/]")
        raise typer.Exit(EXIT_INVALID)
    emit(to_json(country_schema(parsed)), output)
