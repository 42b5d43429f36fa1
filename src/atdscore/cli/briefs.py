"""Commands that write documents from templates: brief and methodology."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from atdscore.cli.base import (
    EXIT_INVALID,
    EXIT_OK,
    Lang,
    LangOpt,
    OutputOpt,
    RubricOpt,
    YearOpt,
    app,
    emit,
    escape,
    make_console,
    print_problems,
    usage_error,
)

if TYPE_CHECKING:
    from atdscore.core.editions import ScoredEdition
    from atdscore.core.methodology import Reliability
    from atdscore.files.discover import Layout
    from atdscore.validation.model import Rubric
    from atdscore.validation.project import RubricSet


ProjectOpt = Annotated[Path, typer.Option("--project", "-C", help="Project folder holding rubrics/ and countries/.")]
TemplatesOpt = Annotated[
    Path | None,
    typer.Option(
        "--templates",
        help="Folder of the team's own templates (brief.md.j2, methodology.md.j2). Default: the project's templates/ if it exists, else the shipped ones.",
        file_okay=False,
        show_default=False,
    ),
]


def _templates(layout: Layout, templates: Path | None) -> Path | None:
    """The templates folder to use: the one given, the project's own, or None for the shipped defaults."""
    if templates is not None:
        if not templates.is_dir():
            usage_error(f"templates folder '{templates}' does not exist")
        return templates
    own = layout.root / "templates"
    return own if own.is_dir() else None


def _earlier(layout: Layout, year: int, rubrics: RubricSet) -> list[ScoredEdition]:
    """The editions before `year`, each scored once; one with errors is left out with a warning."""
    from atdscore.core.editions import scored
    from atdscore.problems import has_errors
    from atdscore.validation.project import discover_editions, load_edition

    out = []
    for y, info in discover_editions(layout.countries).items():
        if y < year and not info.is_draft:
            edition = load_edition(info, rubrics)
            if has_errors(edition.problems) or edition.rubric is None:
                make_console(stderr=True).print(f"[yellow]warning:[/] the {y} edition has errors; briefs leave it out")
            else:
                out.append(scored(edition))
    return out


@app.command(
    epilog="Examples:\n\n\b\n  atdscore brief MEX                         # Markdown to stdout\n"
    "  atdscore brief MEX --year 2023 --lang es -o briefs/\n  atdscore brief --all -o briefs/            # every country, with a progress bar\n"
    "  atdscore brief MEX --templates our-templates/"
)
def brief(
    countries: Annotated[
        list[str] | None, typer.Argument(help="ISO3 codes of the countries.", show_default=False)
    ] = None,
    all_countries: Annotated[bool, typer.Option("--all", help="A brief for every country of the edition.")] = False,
    project: ProjectOpt = Path("."),
    rubric: RubricOpt = None,
    year: YearOpt = None,
    lang: LangOpt = Lang.en,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write DIR/<ISO3>-<year>.<lang>.md files instead of printing.", file_okay=False
        ),
    ] = None,
    templates: TemplatesOpt = None,
) -> None:
    """Write a country brief: score, band, rank, categories, strengths, gaps, recommendations, changes, sources.

    Files are written atomically and only when their content changes. Exit 1 on invalid data or a template error.
    """
    from atdscore.cli.base import load_year, project_names
    from atdscore.core.brief import country_brief
    from atdscore.core.sensitivity import rank_intervals
    from atdscore.files.output import brief_filename, write_atomic
    from atdscore.render.templating import render_brief
    from atdscore.text.formats import count

    if all_countries and countries:
        usage_error("name the countries or give --all, not both")
    if not all_countries and not countries:
        usage_error("name the countries, or give --all", "e.g. atdscore brief MEX, or atdscore brief --all -o briefs/")
    if all_countries and output is None:
        usage_error("--all writes one file per country: give -o DIR")
    layout, edition, rubrics = load_year(project, rubric, year)
    folder = _templates(layout, templates)
    codes = sorted(edition.files) if all_countries else [c.upper() for c in countries or []]
    known = project_names(layout)
    names, display = known.names("en"), known.names(lang.value)
    for code in codes:
        if code not in edition.files:
            hint = (
                f"{names[code]} has no file in the {edition.year} edition"
                if code in names
                else "use ISO 3166-1 alpha-3 codes, e.g. MEX"
            )
            usage_error(f"no country '{code}' in the {edition.year} edition", hint)
    earlier = _earlier(layout, edition.year, rubrics)
    intervals = rank_intervals(edition.rubric, edition.results)
    rendered: dict[str, str] = {}
    with _progress(len(codes), all_countries) as advance:
        for code in codes:
            document = country_brief(code, edition, earlier, lang.value, name=display[code], intervals=intervals)
            text, problems = render_brief(document, lang.value, folder)
            if text is None:
                print_problems(problems, make_console(stderr=True))
                raise typer.Exit(EXIT_INVALID)
            rendered[code] = text
            advance()
    # Nothing is written until every brief rendered: a template error never leaves a half-written set.
    if output is None:
        emit("\n".join(rendered.values()), None)
        return
    try:
        output.mkdir(parents=True, exist_ok=True)
        written = sum(
            write_atomic(output / brief_filename(code, edition.year, lang.value), text)
            for code, text in rendered.items()
        )
    except OSError as err:
        usage_error(f"cannot write to '{output}': {err.strerror or err}")
    unchanged = len(rendered) - written
    make_console(stderr=True).print(
        f"{count(written, 'brief')} written, {unchanged} unchanged, in {escape(str(output))}"
    )
    raise typer.Exit(EXIT_OK)


@contextmanager
def _progress(total: int, show: bool) -> Iterator[Callable[[], None]]:
    """A transient progress bar on a terminal's stderr when `show`; a no-op elsewhere."""
    if not (show and sys.stderr.isatty()):
        yield lambda: None
        return
    from rich.progress import Progress

    with Progress(transient=True, console=make_console(stderr=True)) as progress:
        task = progress.add_task("Writing briefs", total=total)
        yield lambda: progress.advance(task)


@app.command(
    epilog="Examples:\n\n\b\n  atdscore methodology > METHODOLOGY.md\n  atdscore methodology --lang es -o metodologia.md\n"
    "  atdscore methodology --rubric rubrics/atd-core.yaml\n"
    "  atdscore methodology --agreement agreement.json     # with a reliability table from atdscore agree"
)
def methodology(
    project: ProjectOpt = Path("."),
    rubric: RubricOpt = None,
    year: YearOpt = None,
    lang: LangOpt = Lang.en,
    output: OutputOpt = None,
    templates: TemplatesOpt = None,
    agreement: Annotated[
        Path | None,
        typer.Option(
            "--agreement",
            help="Add a reliability table from this file, written by `atdscore agree --format json`.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Render the rubric as a methodology and questionnaire, so the published method never drifts from the scoring."""
    from atdscore.cli.base import project_layout, rubric_set
    from atdscore.render.templating import render_methodology

    layout = project_layout(project)
    if rubric is not None:
        rubrics = rubric_set(layout, rubric)
        loaded = rubrics.override_rubric
        if loaded is None:
            print_problems(rubrics.problems, make_console(stderr=True))
            raise typer.Exit(EXIT_INVALID)
        chosen = loaded
    else:
        chosen = _edition_rubric(layout, year)
    reliability = _reliability(agreement, chosen) if agreement is not None else None
    text, problems = render_methodology(chosen, lang.value, _templates(layout, templates), reliability)
    if text is None:
        print_problems(problems, make_console(stderr=True))
        raise typer.Exit(EXIT_INVALID)
    emit(text, output)


def _reliability(path: Path, rubric: Rubric) -> Reliability:
    """The reliability table of an agreement file: exit 2 when it does not exist, 1 when it is not valid."""
    from atdscore.core.methodology import build_reliability
    from atdscore.validation.agreement import read_agreement

    if not path.exists():
        usage_error(
            f"agreement file '{path}' does not exist", "write one with atdscore agree A B --format json -o FILE"
        )
    if not path.is_file():
        usage_error(f"'{path}' is not a regular file", "give the JSON file written by atdscore agree --format json")
    found, errors = read_agreement(path)
    try:
        if found is not None:
            return build_reliability(rubric, found)
    except ValueError as err:
        errors = [str(err)]
    err_console = make_console(stderr=True)
    for message in errors:
        err_console.print(f"{escape(str(path))}: [bold red]error:[/] {escape(message)}")
    err_console.print(
        "[red]Not an agreement file of this rubric;[/] write one with [bold]atdscore agree A B --format json[/]."
    )
    raise typer.Exit(EXIT_INVALID)


def _edition_rubric(layout: Layout, year: int | None) -> Rubric:
    """The rubric an edition is scored with (default: the latest published), or exit; its countries are not read."""
    from atdscore.validation.project import RubricSet, discover_editions, edition_rubric, latest_published

    editions = discover_editions(layout.countries)
    if year is None:
        year = latest_published(editions)
        if year is None:
            usage_error("no published edition", "name an edition with --year, or a rubric file with --rubric")
    elif year not in editions:
        usage_error(f"no {year} edition", "editions: " + ", ".join(str(y) for y in editions))
    which = edition_rubric(editions[year])
    if which is None:
        usage_error(f"no country file of the {year} edition names a rubric", "or give a rubric file with --rubric")
    rubrics = RubricSet(layout.rubrics)
    rubric, _ = rubrics.get(*which)
    if rubric is None:
        print_problems(rubrics.problems, make_console(stderr=True))
        version = f" {which[1]}" if which[1] else ""
        make_console(stderr=True).print(f"[red]error:[/] rubric {which[0]}{version} is missing or invalid")
        raise typer.Exit(EXIT_INVALID)
    return rubric
