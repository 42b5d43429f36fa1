"""A sensitivity analysis to text: rich tables, Markdown, CSV and JSON."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any, assert_never

from atdscore.core.sensitivity import Analysis, analysis_data
from atdscore.render.markdown import md_escape, md_table
from atdscore.render.output import Format, Rendered, to_json
from atdscore.text import formats

if TYPE_CHECKING:
    from rich.console import RenderableType

_HEADERS = ["Rank", "Country", "ISO3", "Median", "5-95% interval", "Stability"]


def _index(value: float | None) -> str:
    return "off" if value is None else formats.fixed(value, "en", 2)


def _rows(analysis: Analysis, names: dict[str, str]) -> list[list[str]]:
    return [
        [
            str(c.rank),
            names.get(c.country, c.country),
            c.country,
            str(c.median_rank),
            f"{c.interval[0]}–{c.interval[1]}",
            formats.share(c.stability, "en"),
        ]
        for c in analysis.countries
    ]


def _summary(analysis: Analysis, year: int) -> str:
    o = analysis.options
    n = len(analysis.countries)
    return f"Rank uncertainty, {year}: {o.runs} runs, seed {o.seed}; ranks among the {n} ranked countries only"


def sensitivity_table(analysis: Analysis, names: dict[str, str], year: int) -> RenderableType:
    """Rich tables: countries with their rank intervals, then effective weights and sensitivity indices."""
    from rich import box
    from rich.console import Group

    from atdscore.render.terminal import DataTable

    countries = DataTable(
        title=_summary(analysis, year), title_justify="left", box=box.SIMPLE_HEAD, header_style="bold"
    )
    for header in _HEADERS:
        countries.add_column(header, justify="left" if header in ("Country", "ISO3") else "right", no_wrap=True)
    for row, stats in zip(_rows(analysis, names), analysis.countries, strict=True):
        countries.add_row(*row, style="dim" if stats.stability >= 0.95 else None)
    weights = DataTable(title="Effective weights", title_justify="left", box=box.SIMPLE_HEAD, header_style="bold")
    for header in ("Category", "Nominal", "Effective"):
        weights.add_column(header, justify="left" if header == "Category" else "right")
    for w in analysis.effective_weights:
        weights.add_row(w.category, formats.share(w.nominal, "en"), formats.share(w.effective, "en"))
    inputs = DataTable(
        title="What moves ranks (first-order sensitivity index)",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        header_style="bold",
    )
    inputs.add_column("Input")
    inputs.add_column("Index", justify="right")
    for s in analysis.sensitivity:
        inputs.add_row(s.input, _index(s.first_order))
    return Group(countries, weights, inputs)


def sensitivity_markdown(analysis: Analysis, names: dict[str, str], year: int) -> str:
    """GitHub-flavoured Markdown: the three tables of the terminal view."""
    lines = [f"**{md_escape(_summary(analysis, year))}**", ""]
    lines += md_table(_HEADERS, _rows(analysis, names), ("Country", "ISO3"))
    weights = [
        [w.category, formats.share(w.nominal, "en"), formats.share(w.effective, "en")]
        for w in analysis.effective_weights
    ]
    lines += ["", *md_table(["Category", "Nominal weight", "Effective weight"], weights, ("Category",))]
    inputs = [[s.input, _index(s.first_order)] for s in analysis.sensitivity]
    lines += ["", *md_table(["Input", "First-order sensitivity index"], inputs, ("Input",))]
    return "\n".join(lines) + "\n"


def sensitivity_csv(analysis: Analysis, names: dict[str, str]) -> str:
    """One row per country: rank, median rank, interval bounds, stability."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["rank", "country", "name", "median_rank", "p5", "p95", "stability"])
    data = analysis_data(analysis)
    for c in data["countries"]:
        writer.writerow(
            [
                c["rank"],
                c["country"],
                names.get(c["country"], c["country"]),
                c["median_rank"],
                *c["interval"],
                c["stability"],
            ]
        )
    return out.getvalue()


def sensitivity_data(analysis: Analysis, names: dict[str, str], year: int, tool_version: str) -> dict[str, Any]:
    """The documented JSON of `atdscore sensitivity`: the analysis with the tool version, year and names."""
    data = analysis_data(analysis)
    for country in data["countries"]:
        country["name"] = names.get(country["country"], country["country"])
    return {"atdscore": tool_version, "year": year, **data}


def render_sensitivity(
    analysis: Analysis, names: dict[str, str], year: int, format: Format, tool_version: str
) -> Rendered:
    """A sensitivity analysis in one of the formats `sensitivity` offers."""
    match format:
        case Format.table:
            return sensitivity_table(analysis, names, year)
        case Format.md:
            return sensitivity_markdown(analysis, names, year)
        case Format.csv:
            return sensitivity_csv(analysis, names)
        case Format.json:
            return to_json(sensitivity_data(analysis, names, year, tool_version))
        case _:
            assert_never(format)
