"""The research queue to text: a rich table, a Markdown task list, CSV and JSON (README, 'The research queue')."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any, assert_never

from atdscore.core.gaps import CoverageGap, Gap, Gaps
from atdscore.render.markdown import md_escape
from atdscore.render.output import Format, Rendered, to_json
from atdscore.text import formats

if TYPE_CHECKING:
    from rich.console import RenderableType

_GAP_HEADERS = ["Country", "ISO3", "Indicator", "Rank", "Best rank", "Worst rank", "Swing"]
_COVERAGE_HEADERS = ["Country", "ISO3", "Answered", "Applicable", "Needed"]


def _rank(rank: int | None) -> str:
    return "not ranked" if rank is None else str(rank)


_EXPLAINED = (
    "each unknown or missing answer, with the country's rank if it were at its highest-scoring answer (best) "
    "and at its lowest (worst), among the ranked countries; largest swing first"
)


def _title(gaps: Gaps) -> str:
    return f"Research gaps, {gaps.year}: {_EXPLAINED}"


def _coverage_title(gaps: Gaps) -> str:
    share = formats.share(gaps.min_coverage, "en", 2)
    return f"Not ranked for coverage: fewer than {share} of applicable standard indicators answered (min_coverage)"


def _gap_row(gap: Gap, names: dict[str, str]) -> list[str]:
    return [
        names.get(gap.country, gap.country),
        gap.country,
        gap.indicator,
        _rank(gap.rank),
        str(gap.best_rank),
        str(gap.worst_rank),
        str(gap.swing),
    ]


def _coverage_row(c: CoverageGap, names: dict[str, str]) -> list[str]:
    return [names.get(c.country, c.country), c.country, str(c.answered), str(c.applicable), str(c.needed)]


def gaps_table(gaps: Gaps, names: dict[str, str]) -> RenderableType:
    """Rich tables: the gaps by swing, then the countries short of coverage."""
    from rich import box
    from rich.console import Group

    from atdscore.render.terminal import DataTable

    table = DataTable(title=_title(gaps), title_justify="left", box=box.SIMPLE_HEAD, header_style="bold")
    for header in _GAP_HEADERS:
        table.add_column(header, justify="left" if header in ("Country", "ISO3", "Indicator") else "right")
    for gap in gaps.gaps:
        table.add_row(*_gap_row(gap, names))
    parts: list[RenderableType] = [table]
    if gaps.coverage:
        cover = DataTable(title=_coverage_title(gaps), title_justify="left", box=box.SIMPLE_HEAD, header_style="bold")
        for header in _COVERAGE_HEADERS:
            cover.add_column(header, justify="left" if header in ("Country", "ISO3") else "right")
        for c in gaps.coverage:
            cover.add_row(*_coverage_row(c, names))
        parts.append(cover)
    return Group(*parts)


def gaps_markdown(gaps: Gaps, names: dict[str, str]) -> str:
    """A GitHub task list, one item per gap, then one per country short of coverage: a research plan to paste."""
    lines = [f"## Research gaps, {gaps.year}", "", md_escape(_EXPLAINED[0].upper() + _EXPLAINED[1:]) + ".", ""]
    lines += [
        f"- [ ] {g.country} {md_escape(g.indicator)}: swing {g.swing} (ranks {g.best_rank}-{g.worst_rank})"
        for g in gaps.gaps
    ] or ["No unknown or missing answers."]
    if gaps.coverage:
        lines += ["", f"### {md_escape(_coverage_title(gaps))}", ""]
        lines += [
            f"- [ ] {c.country} ({md_escape(names.get(c.country, c.country))}): "
            f"{formats.count(c.needed, 'more standard answer')} needed ({c.answered} of {c.applicable} answered)"
            for c in gaps.coverage
        ]
    return "\n".join(lines) + "\n"


def gaps_csv(gaps: Gaps) -> str:
    """One row per gap (the countries short of coverage are in the other formats)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["country", "indicator", "rank", "best_rank", "worst_rank", "swing"])
    for g in gaps.gaps:
        writer.writerow([g.country, g.indicator, "" if g.rank is None else g.rank, g.best_rank, g.worst_rank, g.swing])
    return out.getvalue()


def gaps_data(gaps: Gaps, tool_version: str) -> dict[str, Any]:
    """The documented JSON structure of the research queue."""
    return {
        "atdscore": tool_version,
        "year": gaps.year,
        "gaps": [
            {
                "country": g.country,
                "indicator": g.indicator,
                "rank": g.rank,
                "best_rank": g.best_rank,
                "worst_rank": g.worst_rank,
                "swing": g.swing,
            }
            for g in gaps.gaps
        ],
        "coverage": [
            {"country": c.country, "answered": c.answered, "applicable": c.applicable, "needed": c.needed}
            for c in gaps.coverage
        ],
    }


def render_gaps(gaps: Gaps, names: dict[str, str], format: Format, tool_version: str) -> Rendered:
    """The research queue in one of the formats `gaps` offers."""
    match format:
        case Format.table:
            return gaps_table(gaps, names)
        case Format.md:
            return gaps_markdown(gaps, names)
        case Format.csv:
            return gaps_csv(gaps)
        case Format.json:
            return to_json(gaps_data(gaps, tool_version))
        case _:
            assert_never(format)
