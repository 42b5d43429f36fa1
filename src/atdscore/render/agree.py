"""A double-coding agreement to text: a rich table, Markdown, CSV and JSON (see README, 'Double coding')."""

from __future__ import annotations

import csv
import io
from fractions import Fraction
from typing import TYPE_CHECKING, Any, assert_never

from atdscore.core.agree import Agreement, Pair
from atdscore.render.markdown import md_table
from atdscore.render.output import Format, Rendered, to_json
from atdscore.text import formats
from atdscore.text.numbers import machine

if TYPE_CHECKING:
    from rich.console import RenderableType

ALPHA_PLACES = 3  # as reliability is usually reported (Krippendorff asks for alpha >= .800)
_HEADERS = ["Indicator", "Alpha", "Agreement", "Units"]
_PAIR_HEADERS = ["Country", "Indicator", "A", "B"]


def _alpha(value: float | None) -> str:
    return formats.fixed(value, "en", ALPHA_PLACES)


def _rows(result: Agreement) -> list[list[str]]:
    rows = [[i.id, _alpha(i.alpha), formats.share(i.agreement, "en"), str(i.units)] for i in result.indicators]
    return [*rows, ["overall", _alpha(result.alpha), formats.share(result.agreement, "en"), str(result.units)]]


def _pairs(pairs: tuple[Pair, ...], names: dict[str, str]) -> list[list[str]]:
    return [[f"{names.get(p.country, p.country)} ({p.country})", p.indicator, p.a, p.b] for p in pairs]


def _title(result: Agreement) -> str:
    draft = " (draft edition)" if result.draft else ""
    return f"Agreement between two codings, {result.year}{draft}"


def _sections(result: Agreement) -> tuple[tuple[str, tuple[Pair, ...]], ...]:
    return (
        ("Disagreements", result.disagreements),
        ("Coverage disagreements (a value on one side only)", result.coverage_disagreements),
    )


def _legend(result: Agreement, sides: tuple[str, str]) -> str:
    return (
        f"A: {sides[0]}, B: {sides[1]}; {formats.count(result.units, 'unit')} (indicators with a value on both sides). "
        "Krippendorff's alpha: ordinal per indicator, interval overall; – where undefined."
    )


def agree_table(result: Agreement, names: dict[str, str], sides: tuple[str, str]) -> RenderableType:
    """Reliability per indicator, then the disagreements: the agenda of a reconciliation meeting."""
    from rich import box
    from rich.console import Group

    from atdscore.render.terminal import DataTable

    table = DataTable(
        title=_title(result),
        title_justify="left",
        caption=_legend(result, sides),
        caption_justify="left",
        header_style="bold",
        box=box.SIMPLE_HEAD,
    )
    for header in _HEADERS:
        table.add_column(header, justify="left" if header == "Indicator" else "right")
    for row in _rows(result):
        table.add_row(*row)
    parts: list[RenderableType] = [table]
    for label, pairs in _sections(result):
        listing = DataTable(
            title=f"{label}: {len(pairs)}", title_justify="left", header_style="bold", box=box.SIMPLE_HEAD
        )
        for header in _PAIR_HEADERS:
            listing.add_column(header)
        for row in _pairs(pairs, names):
            listing.add_row(*row)
        parts.append(listing)
    return Group(*parts)


def agree_markdown(result: Agreement, names: dict[str, str], sides: tuple[str, str]) -> str:
    """The agreement as GitHub Markdown."""
    lines = [f"**{_title(result)}**", "", _legend(result, sides), "", *md_table(_HEADERS, _rows(result), {"Indicator"})]
    for label, pairs in _sections(result):
        lines += ["", f"**{label}: {len(pairs)}**"]
        if pairs:
            lines += ["", *md_table(_PAIR_HEADERS, _pairs(pairs, names), set(_PAIR_HEADERS))]
    return "\n".join(lines) + "\n"


def _number(value: float | Fraction | None) -> int | float | None:
    """A machine number (see text/numbers.py): an alpha or a share rounded to six places, None as null."""
    return None if value is None else machine(formats.exact(value))


def _cell(value: float | Fraction | None) -> str:
    number = _number(value)
    return "" if number is None else str(number)


def agree_csv(result: Agreement) -> str:
    """One row per indicator, then the overall row (empty cells where alpha is undefined)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["indicator", "alpha", "agreement", "units"])
    for i in result.indicators:
        writer.writerow([i.id, _cell(i.alpha), _cell(i.agreement), i.units])
    writer.writerow(["overall", _cell(result.alpha), _cell(result.agreement), result.units])
    return out.getvalue()


def _pair_data(pairs: tuple[Pair, ...]) -> list[dict[str, str]]:
    return [{"country": p.country, "indicator": p.indicator, "a": p.a, "b": p.b} for p in pairs]


def agree_data(result: Agreement, tool_version: str) -> dict[str, Any]:
    """The documented JSON of `atdscore agree`, which `methodology --agreement` reads back."""
    return {
        "atdscore": tool_version,
        "year": result.year,
        "overall": {"alpha": _number(result.alpha), "agreement": _number(result.agreement), "units": result.units},
        "indicators": [
            {"id": i.id, "alpha": _number(i.alpha), "agreement": _number(i.agreement), "units": i.units}
            for i in result.indicators
        ],
        "disagreements": _pair_data(result.disagreements),
        "coverage_disagreements": _pair_data(result.coverage_disagreements),
    }


def render_agree(
    result: Agreement, names: dict[str, str], sides: tuple[str, str], format: Format, tool_version: str
) -> Rendered:
    """An agreement in one of the formats `agree` offers."""
    match format:
        case Format.table:
            return agree_table(result, names, sides)
        case Format.md:
            return agree_markdown(result, names, sides)
        case Format.csv:
            return agree_csv(result)
        case Format.json:
            return to_json(agree_data(result, tool_version))
        case _:
            assert_never(format)
