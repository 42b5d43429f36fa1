"""Commands that look across runs and editions: sensitivity and history."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from atdscore import __version__
from atdscore.cli.base import (
    FormatOpt,
    OutputOpt,
    ProjectArg,
    RubricOpt,
    YearOpt,
    app,
    emit,
    make_console,
    project_layout,
    show,
    usage_error,
)
from atdscore.render.output import Format

PlotOpt = Annotated[
    Path | None,
    typer.Option("--plot", help="Also write a chart to this SVG file.", dir_okay=False, show_default=False),
]


@app.command(
    epilog="Examples:\n\n\b\n  atdscore history MEX\n  atdscore history MEX --format md\n  atdscore history MEX --plot mex.svg"
)
def history(
    country: Annotated[str, typer.Argument(help="ISO 3166-1 alpha-3 code, e.g. MEX.", show_default=False)],
    project: ProjectArg = Path("."),
    format: FormatOpt = Format.table,
    output: OutputOpt = None,
    plot: PlotOpt = None,
) -> None:
    """Show every edition of one country: total, band, rank and each category, with its trend."""
    from atdscore.cli.base import load_valid_edition, project_names
    from atdscore.core.editions import country_across
    from atdscore.render.history import chart_series, render_history
    from atdscore.render.plot import line_chart_svg
    from atdscore.text.names import country_names
    from atdscore.validation.project import RubricSet, discover_editions

    code = country.upper()
    if code not in country_names():
        usage_error(f"'{country}' is not an ISO 3166-1 alpha-3 country code", "e.g. MEX, THA, BEL")
    layout = project_layout(project)
    names = project_names(layout).names("en")
    rubrics = RubricSet(layout.rubrics)
    # A country's history is its published editions.
    infos = discover_editions(layout.countries).values()
    scores = country_across(code, [load_valid_edition(info, rubrics) for info in infos if not info.is_draft])
    if not scores:
        usage_error(f"no edition scores {code} ({names[code]})", "atdscore rank lists the countries of an edition")
    name = names[code]
    if plot is not None:
        emit(line_chart_svg(chart_series(scores), f"{name} ({code})", "Score %"), plot)
    show(render_history(code, name, scores, format, __version__), output)


@app.command(
    epilog="Examples:\n\n\b\n  atdscore sensitivity\n  atdscore sensitivity --runs 5000 --seed 7 --plot ranks.svg\n"
    "  atdscore sensitivity --no-unknowns --weights-spread 0.25 --format md\n  atdscore sensitivity -f json | jq '.sensitivity'"
)
def sensitivity(
    project: ProjectArg = Path("."),
    rubric: RubricOpt = None,
    year: YearOpt = None,
    runs: Annotated[int, typer.Option("--runs", "-n", help="Monte Carlo runs.", min=1, max=20_000)] = 1000,
    seed: Annotated[int, typer.Option("--seed", help="Random seed: the same seed gives the same result.", min=0)] = 42,
    weights_spread: Annotated[
        float,
        typer.Option(
            "--weights-spread",
            help="Draw each category weight within ± this share of the rubric's (0: off).",
            min=0,
            max=1,
        ),
    ] = 0.5,
    aggregation: Annotated[
        bool, typer.Option("--aggregation/--no-aggregation", help="Draw points vs weighted mean.")
    ] = True,
    unknowns: Annotated[
        bool,
        typer.Option(
            "--unknowns/--no-unknowns", help="Draw unknown answers between their indicator's minimum and maximum."
        ),
    ] = True,
    leave_one_out: Annotated[
        bool, typer.Option("--leave-one-out/--no-leave-one-out", help="Leave one category out in some runs.")
    ] = True,
    format: FormatOpt = Format.table,
    output: OutputOpt = None,
    plot: PlotOpt = None,
) -> None:
    """How solid is each rank under other reasonable choices? Monte Carlo over weights, aggregation, unknowns.

    For each country: nominal rank, median rank, 5th-95th percentile interval and stability (share of runs at
    the nominal rank); per category its effective weight; per input a first-order sensitivity index. See README.
    """
    from atdscore.cli.base import load_year, project_names
    from atdscore.core.sensitivity import Options, analyse
    from atdscore.render.plot import rank_intervals_svg
    from atdscore.render.sensitivity import render_sensitivity

    layout, edition, _ = load_year(project, rubric, year)
    if edition.draft:
        from atdscore.text.strings import lookup

        make_console(stderr=True).print(f"[yellow]note:[/] {lookup('draft', 'en').format(year=edition.year)}")
    options = Options(runs, seed, weights_spread, aggregation, unknowns, leave_one_out)
    analysis = analyse(edition.rubric, edition.results, options)
    names = project_names(layout).names("en")
    if plot is not None:
        emit(
            rank_intervals_svg(analysis.countries, f"Rank intervals, {edition.year} ({runs} runs, seed {seed})", names),
            plot,
        )
    show(render_sensitivity(analysis, names, edition.year, format, __version__), output)


@app.command(
    epilog="Examples:\n\n\b\n  atdscore gaps\n  atdscore gaps --top 20 --format md > research-plan.md\n"
    "  atdscore gaps --year 2018 --country MEX --country GTM\n  atdscore gaps -f json | jq '.coverage'"
)
def gaps(
    project: ProjectArg = Path("."),
    year: YearOpt = None,
    country: Annotated[
        list[str] | None,
        typer.Option("--country", "-c", help="Only this ISO3 country (repeat for more).", show_default=False),
    ] = None,
    top: Annotated[int | None, typer.Option("--top", "-n", help="Keep the first N gaps.", min=1)] = None,
    format: FormatOpt = Format.table,
    output: OutputOpt = None,
) -> None:
    """The research queue: the unknown or missing answers that would move ranks most, and who lacks coverage.

    For each unknown or missing answer: the country's rank, and its rank were that one answer at its
    highest-scoring answer (best_rank) and at its lowest (worst_rank), among the ranked countries plus this
    one; swing = worst_rank - best_rank, largest first. Then every country below the rubric's min_coverage,
    with how many more standard-category answers it needs. Markdown is a GitHub task list.
    """
    from atdscore.cli.base import load_year, project_names
    from atdscore.core.gaps import find_gaps
    from atdscore.render.gaps import render_gaps

    layout, edition, _ = load_year(project, None, year)
    codes = None
    if country:
        codes = [c.upper() for c in country]
        unknown = [c for c in codes if c not in edition.files]
        if unknown:
            usage_error(
                f"no {edition.year} country file for {', '.join(unknown)}",
                "atdscore rank lists the edition's countries",
            )
    names = project_names(layout).names("en")
    show(render_gaps(find_gaps(edition, codes, top), names, format, __version__), output)
