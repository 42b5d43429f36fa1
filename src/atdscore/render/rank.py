"""Results to text: the rank report as a rich table, Markdown, CSV or JSON, and problem lists.

Every function returns text or a rich renderable and writes nothing; the CLI decides where it goes.
rich is imported only by the functions that build rich objects, so machine formats start fast.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, assert_never

from atdscore.core.editions import RubricRef
from atdscore.core.rank import Ranked, ranked_count
from atdscore.core.score import CountryResult
from atdscore.render.markdown import md_escape, md_table
from atdscore.render.output import Format, Rendered, to_json
from atdscore.render.results import (
    band_label,
    category_cell,
    category_column,
    category_text,
    result_data,
    rubric_data,
)
from atdscore.text import formats
from atdscore.text.numbers import trimmed
from atdscore.validation.model import Rubric, text_in

if TYPE_CHECKING:
    from rich.console import RenderableType


@dataclass(frozen=True)
class RankReport:
    """Everything a rendered ranking says, including where its numbers came from."""

    tool_version: str
    rubric: Rubric
    rubric_sha256: str
    commit: str | None
    year: int
    ranked: Sequence[Ranked]
    names: dict[str, str]
    lang: str = "en"
    # 5th-95th percentile rank intervals from `atdscore sensitivity`, when asked for (`rank --intervals`).
    intervals: dict[str, tuple[int, int]] | None = None
    draft: bool = False
    # Files under rubrics/ or countries/ differ from `commit` (None outside git).
    dirty: bool | None = None

    @property
    def draft_line(self) -> str | None:
        """The line every output of a draft edition carries."""
        from atdscore.text.strings import lookup

        return lookup("draft", self.lang).format(year=self.year) if self.draft else None


def _headers(report: RankReport) -> list[str]:
    # Category ids, not titles: titles are sentences and would make the table too wide to read.
    return [c.id for c in report.rubric.categories]


def band_text(report: RankReport, entry: Ranked) -> str:
    """The rubric's verbal band for a ranked country, in the report's language ('' without bands or rank).

    A band is a finding only for a ranked country: below min_coverage the score rests on too little evidence.
    """
    return band_label(report.rubric, entry.result.percent, report.lang, entry.ranked) or ""


def _interval_text(report: RankReport, country: str) -> str:
    interval = (report.intervals or {}).get(country)
    return "–" if interval is None else f"{interval[0]}–{interval[1]}"


def range_text(result: CountryResult, lang: str) -> str:
    """A country's range for people, one decimal: 41.0–63.5 (a dash when nothing applies)."""
    if result.range is None:
        return formats.DASH
    low, high = result.range
    return f"{formats.fixed(low, lang)}–{formats.fixed(high, lang)}"


def _row(report: RankReport, entry: Ranked) -> list[str]:
    r = entry.result
    band = [band_text(report, entry)] if report.rubric.bands else []
    interval = [_interval_text(report, r.country)] if report.intervals is not None else []
    return [
        "–" if entry.rank is None else str(entry.rank),
        *interval,
        report.names.get(r.country, r.country),
        r.country,
        formats.fixed(r.percent, report.lang),
        range_text(r, report.lang),
        *band,
        f"{formats.decimal(r.points, report.lang)} / {formats.decimal(r.max, report.lang)}",
        formats.share(r.coverage, report.lang),
        *(category_text(c, report.lang) for c in r.categories),
    ]


# Header keys in atdscore/strings.py, and whether the column is text (left-aligned).
_COLUMNS = {
    "col.rank": False,
    "col.interval": False,
    "col.country": True,
    "col.iso3": True,
    "col.score_percent": False,
    "col.range": False,
    "label.band": True,
    "col.points": False,
    "label.coverage": False,
}


def _fixed_columns(report: RankReport) -> list[tuple[str, bool]]:
    """(header, left-aligned) of the columns before the categories, in the report's language."""
    from atdscore.text.strings import lookup

    skip = {"col.interval"} if report.intervals is None else set()
    if not report.rubric.bands:
        skip.add("label.band")
    return [(lookup(key, report.lang), left) for key, left in _COLUMNS.items() if key not in skip]


def rank_title(report: RankReport) -> str:
    """The ranking's title: rubric title, year, rubric id and version, number of countries."""
    from atdscore.text.strings import lookup

    form = formats.plural(len(report.ranked), report.lang)
    return lookup("rank.title", report.lang, form).format(
        title=text_in(report.rubric.title, report.lang),
        year=report.year,
        id=report.rubric.id,
        version=report.rubric.version,
        n=len(report.ranked),
        ranked=ranked_count(report.ranked),
    )


def unranked_heading(report: RankReport) -> str:
    """The heading over the countries not ranked, saying why they are not."""
    from atdscore.text.strings import lookup

    # With no minimum coverage, the only reason left is that nothing applies ("fewer than 0%" would be nonsense).
    if not report.rubric.min_coverage:
        return lookup("rank.unranked_none_applies", report.lang)
    return lookup("rank.unranked", report.lang).format(
        percent=formats.share(report.rubric.min_coverage, report.lang, 2)
    )


def _parts(report: RankReport) -> tuple[list[Ranked], list[Ranked]]:
    """The ranked countries and those not ranked, each in rank order."""
    return [e for e in report.ranked if e.ranked], [e for e in report.ranked if not e.ranked]


def _rich_table(report: RankReport, entries: list[Ranked], title: str | None) -> RenderableType:
    from rich import box

    from atdscore.render.terminal import DataTable

    table = DataTable(title=title, title_justify="left", header_style="bold", box=box.SIMPLE_HEAD)
    for n, (header, left) in enumerate(_fixed_columns(report)):
        # The band, a phrase, may wrap; the other fixed columns are short and stay on one line.
        table.add_column(header, justify="left" if left else "right", no_wrap=not (left and n > 2))
    for header in _headers(report):
        # Break ids at hyphens so that narrow terminals wrap them cleanly.
        table.add_column(header.replace("-", "-\n"), justify="right", min_width=5)
    for entry in entries:
        table.add_row(*_row(report, entry))
    return table


def rank_table(report: RankReport) -> RenderableType:
    """The ranking as rich tables for a terminal: the ranked countries, then those not ranked under a heading."""
    from rich.console import Group
    from rich.text import Text

    from atdscore.text.strings import lookup

    title = rank_title(report) if not report.draft_line else f"{report.draft_line}\n{rank_title(report)}"
    ranked, unranked = _parts(report)
    parts: list[RenderableType] = [
        _rich_table(report, ranked, title) if ranked else Text(f"{title}\n{lookup('rank.none_ranked', report.lang)}")
    ]
    if unranked:
        parts += [Text(unranked_heading(report), style="bold"), _rich_table(report, unranked, None)]
    return Group(*parts, Text(lookup("rank.range_note", report.lang), style="dim"))


def rank_markdown(report: RankReport) -> str:
    """The ranking as GitHub-flavoured Markdown tables (ranked, then not ranked), with a line saying what produced it."""
    from atdscore.text.strings import lookup

    columns = _fixed_columns(report) + [(h, False) for h in _headers(report)]
    headers = [h for h, _ in columns]
    left = {h for h, is_left in columns if is_left}
    ranked, unranked = _parts(report)
    lines = [f"> **{md_escape(report.draft_line)}**", ""] if report.draft_line else []
    lines += [f"**{md_escape(rank_title(report))}**", ""]
    if ranked:
        lines += md_table(headers, (_row(report, e) for e in ranked), left)
    else:
        lines.append(md_escape(lookup("rank.none_ranked", report.lang)))
    if unranked:
        lines += ["", f"**{md_escape(unranked_heading(report))}**", ""]
        lines += md_table(headers, (_row(report, e) for e in unranked), left)
    lines += ["", md_escape(lookup("rank.range_note", report.lang))]
    return "\n".join(lines) + "\n"


def rank_csv(report: RankReport) -> str:
    """One row per country and one column per category (percent; points for penalty and bonus)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    columns = [category_column(c.id, c.kind) for c in report.rubric.categories]
    band = ["band"] if report.rubric.bands else []
    interval = ["rank_p5", "rank_p95"] if report.intervals is not None else []
    writer.writerow(
        [
            "rank",
            *interval,
            "country",
            "name",
            "points",
            "max",
            "percent",
            *band,
            "coverage",
            *columns,
            "ranked",
            "range_low",
            "range_high",
        ]
    )
    for entry in report.ranked:
        r = entry.result
        writer.writerow(
            [
                "" if entry.rank is None else entry.rank,
                *([*report.intervals.get(r.country, ("", ""))] if report.intervals is not None else []),
                r.country,
                report.names.get(r.country, r.country),
                trimmed(r.points),
                trimmed(r.max),
                "" if r.percent is None else trimmed(r.percent),
                *([band_text(report, entry)] if band else []),
                trimmed(r.coverage),
                *(category_cell(c) for c in r.categories),
                "true" if entry.ranked else "false",
                *(("", "") if r.range is None else (trimmed(r.range[0]), trimmed(r.range[1]))),
            ]
        )
    return out.getvalue()


def rank_data(report: RankReport) -> dict[str, Any]:
    """The documented JSON structure of a ranking (see README, 'Output contract')."""
    intervals = report.intervals

    def country(e: Ranked) -> dict[str, Any]:
        code = e.result.country
        interval = {} if intervals is None else {"interval": list(intervals[code]) if code in intervals else None}
        band = band_text(report, e) or None
        return {
            "country": code,
            "name": report.names.get(code, code),
            "rank": e.rank,
            "ranked": e.ranked,
            **interval,
            **result_data(e.result, band),
        }

    return {
        "atdscore": report.tool_version,
        "status": "draft" if report.draft else "published",
        "rubric": rubric_data(RubricRef(report.rubric.id, report.rubric.version, report.rubric_sha256)),
        "data": {"commit": report.commit, "dirty": report.dirty},
        "year": report.year,
        "countries": [country(e) for e in report.ranked],
    }


def render_rank(report: RankReport, format: Format) -> Rendered:
    """The ranking in one of the formats `rank` offers."""
    match format:
        case Format.table:
            return rank_table(report)
        case Format.md:
            return rank_markdown(report)
        case Format.csv:
            return rank_csv(report)
        case Format.json:
            return to_json(rank_data(report))
        case _:
            assert_never(format)
