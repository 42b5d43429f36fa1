"""A country's editions to text: rich table with a sparkline, Markdown, CSV and JSON."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, assert_never

from atdscore.core.editions import CountryEdition
from atdscore.render.markdown import md_escape, md_table
from atdscore.render.output import Format, Rendered, to_json
from atdscore.render.results import band_label, category_cell, category_column, category_text, result_data
from atdscore.text import formats
from atdscore.text.numbers import trimmed
from atdscore.validation.model import Kind

if TYPE_CHECKING:
    from rich.console import RenderableType


def _category_ids(scores: Sequence[CountryEdition]) -> list[str]:
    """Category ids in the order of the latest rubric, then any only older rubrics had."""
    ids: list[str] = []
    for s in reversed(scores):
        ids += [c.id for c in s.result.categories if c.id not in ids]
    return ids


def _band(s: CountryEdition) -> str | None:
    """The edition's band for the country, in English; none when the country is not ranked in it."""
    return band_label(s.rubric, s.result.percent, "en", s.entry.ranked)


def _row(s: CountryEdition, ids: list[str]) -> list[str]:
    by_id = {c.id: c for c in s.result.categories}
    return [
        str(s.year),
        f"{s.rubric.id} {s.rubric.version}",
        formats.fixed(s.result.percent, "en"),
        _band(s) or "",
        "not ranked" if s.rank is None else f"{s.rank} of {s.of} ranked",
        formats.share(s.result.coverage, "en"),
        *(category_text(by_id[i]) if i in by_id else "" for i in ids),
    ]


_HEADERS = ["Year", "Rubric", "Score %", "Band", "Rank", "Coverage"]


def trend(scores: Sequence[CountryEdition]) -> str:
    """The total's trend as a sparkline, oldest edition first."""
    from atdscore.text.sparkline import sparkline

    return sparkline([None if s.result.percent is None else float(s.result.percent) for s in scores])


def chart_series(scores: Sequence[CountryEdition]) -> list[tuple[str, list[tuple[int, float]]]]:
    """Lines for a chart: the total, then each standard category, as (year, percent) points."""
    series = [("Total", [(s.year, float(s.result.percent)) for s in scores if s.result.percent is not None])]
    for category_id in _category_ids(scores):
        points = [
            (s.year, float(c.percent))
            for s in scores
            for c in s.result.categories
            if c.id == category_id and c.kind is Kind.STANDARD and c.percent is not None
        ]
        if points:
            series.append((category_id, points))
    return series


def history_table(code: str, name: str, scores: Sequence[CountryEdition]) -> RenderableType:
    """A rich table of every edition, titled with the trend."""
    from rich import box

    from atdscore.render.terminal import DataTable

    ids = _category_ids(scores)
    table = DataTable(
        title=f"{name} ({code})  {trend(scores)}", title_justify="left", box=box.SIMPLE_HEAD, header_style="bold"
    )
    for header in _HEADERS + ids:
        table.add_column(
            header.replace("-", "-\n") if header in ids else header,
            justify="left" if header in ("Rubric", "Band") else "right",
        )
    for s in scores:
        table.add_row(*_row(s, ids))
    return table


def history_markdown(code: str, name: str, scores: Sequence[CountryEdition]) -> str:
    """A GitHub-flavoured Markdown table of every edition."""
    ids = _category_ids(scores)
    headers = _HEADERS + ids
    table = md_table(headers, [_row(s, ids) for s in scores], ("Rubric", "Band"))
    return "\n".join([f"**{md_escape(name)} ({code})** {trend(scores)}", "", *table]) + "\n"


def history_csv(scores: Sequence[CountryEdition]) -> str:
    """One row per edition; category columns as in `rank` (percent, or points for penalty and bonus)."""
    ids = _category_ids(scores)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    kinds = {c.id: c.kind for s in scores for c in s.result.categories}
    writer.writerow(
        [
            "year",
            "rubric",
            "version",
            "points",
            "max",
            "percent",
            "band",
            "rank",
            "of",
            "coverage",
            *(category_column(i, kinds[i]) for i in ids),
        ]
    )
    for s in scores:
        by_id = {c.id: c for c in s.result.categories}
        cells = [category_cell(by_id.get(i)) for i in ids]
        r = s.result
        percent = "" if r.percent is None else trimmed(r.percent)
        rank = "" if s.rank is None else s.rank
        writer.writerow(
            [
                s.year,
                s.rubric.id,
                s.rubric.version,
                trimmed(r.points),
                trimmed(r.max),
                percent,
                _band(s) or "",
                rank,
                s.of,
                trimmed(r.coverage),
                *cells,
            ]
        )
    return out.getvalue()


def history_data(code: str, name: str, scores: Sequence[CountryEdition], tool_version: str) -> dict[str, Any]:
    """The JSON structure of a country's history (see README, 'atdscore history')."""
    return {
        "atdscore": tool_version,
        "country": code,
        "name": name,
        "editions": [
            {
                "year": s.year,
                "rubric": {"id": s.rubric.id, "version": s.rubric.version},
                "rank": s.rank,
                "of": s.of,
                **result_data(s.result, _band(s)),
            }
            for s in scores
        ],
    }


def render_history(
    code: str, name: str, scores: Sequence[CountryEdition], format: Format, tool_version: str
) -> Rendered:
    """A country's editions in one of the formats `history` offers."""
    match format:
        case Format.table:
            return history_table(code, name, scores)
        case Format.md:
            return history_markdown(code, name, scores)
        case Format.csv:
            return history_csv(scores)
        case Format.json:
            return to_json(history_data(code, name, scores, tool_version))
        case _:
            assert_never(format)
