"""Charts as SVG text.

No I/O and nothing that varies between runs (no timestamps, no generated ids, numbers always written
with one decimal), so the same data gives byte-identical files that can be committed and diffed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import Protocol

from atdscore.text import formats

FONT = 12
CHAR = 7.0  # average width of a character at FONT px in a sans-serif face: enough to lay out labels
ROW = 22
# Okabe-Ito: distinguishable with the common colour-vision deficiencies; yellow last, as it is faint on white.
PALETTE = ("#000000", "#E69F00", "#0072B2", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442")
INTERVAL, GRID, BAND = "#0072B2", "#d9d9d9", "#f4f4f4"
# Characters XML 1.0 does not allow at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class RankRow(Protocol):
    """What a rank-interval chart needs of a country (`sensitivity.CountryStats` has it)."""

    @property
    def country(self) -> str: ...
    @property
    def rank(self) -> int: ...
    @property
    def median_rank(self) -> float: ...
    @property
    def interval(self) -> tuple[float, float]: ...
    @property
    def stability(self) -> float: ...


def escape(text: str) -> str:
    """`text` safe inside an XML element or a double-quoted attribute."""
    text = _NOT_XML.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _n(value: float) -> str:
    """A coordinate with one decimal: fixed text on every platform, and never '-0.0'."""
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def _step(span: float, most: int) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50 ... that puts at most `most` ticks on `span`."""
    step, k = 1, 0
    while span / step > most:
        k += 1
        step = (1, 2, 5)[k % 3] * 10 ** (k // 3)
    return step


def _svg(width: float, height: float, title: str, body: list[str]) -> str:
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(width)}" height="{_n(height)}" '
            f'viewBox="0 0 {_n(width)} {_n(height)}" font-family="Helvetica, Arial, sans-serif" '
            f'font-size="{FONT}" role="img" aria-label="{escape(title)}">',
            f"<title>{escape(title)}</title>",
            f'<rect x="0" y="0" width="{_n(width)}" height="{_n(height)}" fill="#ffffff"/>',
            f'<text x="16.0" y="26.0" font-size="{FONT + 4}" font-weight="bold">{escape(title)}</text>',
            *body,
            "</svg>",
            "",
        ]
    )


def _text(x: float, y: float, text: str, anchor: str = "start", extra: str = "") -> str:
    return f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}"{extra}>{escape(text)}</text>'


def _line(x1: float, y1: float, x2: float, y2: float, stroke: str, width: float, extra: str = "") -> str:
    return (
        f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
        f'stroke="{stroke}" stroke-width="{_n(width)}"{extra}/>'
    )


def rank_intervals_svg(rows: Sequence[RankRow], title: str, labels: Mapping[str, str] | None = None) -> str:
    """Each country's 5th-95th percentile rank interval, median and nominal rank, best rank first.

    `labels` maps country codes to the text shown (default: the code itself).
    """
    rows = sorted(rows, key=lambda r: (r.rank, r.country))
    names = [labels.get(r.country, r.country) if labels else r.country for r in rows]
    left = 24 + CHAR * max([len(n) for n in names] + [6])
    plot_width, right = 520.0, 96.0
    top = 92.0
    width, height = left + plot_width + right, top + ROW * max(len(rows), 1) + 44
    worst = max([r.rank for r in rows] + [math.ceil(r.interval[1]) for r in rows] + [2])

    def x(rank: float) -> float:
        return left + (rank - 1) / (worst - 1) * plot_width

    body = [
        # Legend: what each mark means, in the marks' own style.
        _line(16, 48, 40, 48, INTERVAL, 4, ' stroke-linecap="round"'),
        _text(46, 52, "5th–95th percentile of ranks over the runs"),
        f'<circle cx="{_n(326)}" cy="48.0" r="4.5" fill="{INTERVAL}"/>',
        _text(336, 52, "median rank"),
        _line(436, 41, 436, 55, "#000000", 2),
        _text(444, 52, "nominal rank"),
    ]
    step = _step(worst - 1, 10)
    ticks = [1, *range(step, worst + 1, step)] if step > 1 else list(range(1, worst + 1))
    bottom = top + ROW * max(len(rows), 1)
    # Every other row shaded, so the eye can follow a row from its label to its interval.
    body += [
        f'<rect x="{_n(left - 8)}" y="{_n(top + ROW * i)}" width="{_n(plot_width + 16)}" height="{_n(ROW)}" fill="{BAND}"/>'
        for i in range(0, len(rows), 2)
    ]
    for tick in ticks:
        body.append(_line(x(tick), top - 6, x(tick), bottom, GRID, 1))
        body.append(_text(x(tick), top - 12, str(tick), "middle"))
        body.append(_text(x(tick), bottom + 16, str(tick), "middle"))
    body.append(_text(left + plot_width / 2, bottom + 34, "rank (1 = strongest protection)", "middle"))
    body.append(_text(left + plot_width + right - 12, top - 12, "same rank", "end"))
    if not rows:
        body.append(_text(left + plot_width / 2, top + 15, "no ranked countries", "middle"))
    for i, (row, name) in enumerate(zip(rows, names, strict=True)):
        y = top + ROW * i + ROW / 2
        low, high = row.interval
        tip = (
            f"{name}: nominal rank {row.rank}, median {row.median_rank:g}, "
            f"90% of runs from {low:g} to {high:g}, same rank in {formats.share(row.stability, 'en')} of runs"
        )
        body += [
            f"<g><title>{escape(tip)}</title>",
            _text(left - 14, y + 4, name, "end"),
            _line(x(low), y, x(high), y, INTERVAL, 4, ' stroke-linecap="round"'),
            f'<circle cx="{_n(x(row.median_rank))}" cy="{_n(y)}" r="4.5" fill="{INTERVAL}"/>',
            _line(x(row.rank), y - 7, x(row.rank), y + 7, "#000000", 2),
            _text(left + plot_width + right - 12, y + 4, formats.share(row.stability, "en"), "end"),
            "</g>",
        ]
    return _svg(width, height, title, body)


def _range(values: list[float]) -> tuple[float, float, float]:
    """The y axis: at least 0-100 (charts of percents), widened to whole steps; and its tick step."""
    low, high = min([0.0, *values]), max([100.0, *values])
    step = float(_step(high - low, 6))
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def line_chart_svg(series: list[tuple[str, list[tuple[int, float]]]], title: str, y_label: str) -> str:
    """Lines of (year, value) points, one per named series; the first is drawn boldest."""
    values = [v for _, points in series for _, v in points]
    years = sorted({year for _, points in series for year, _ in points})
    legend = CHAR * max([len(name) for name, _ in series] + [6]) + 48
    left, top, plot_width, plot_height = 72.0, 52.0, 560.0, 300.0
    width, height = left + plot_width + 24 + legend, top + plot_height + 56
    low, high, step = _range(values)
    first, last = (years[0], years[-1]) if years else (0, 1)

    def x(year: float) -> float:
        if first == last:
            return left + plot_width / 2
        return left + (year - first) / (last - first) * plot_width

    def y(value: float) -> float:
        return top + plot_height - (value - low) / (high - low) * plot_height

    body = []
    for k in range(round((high - low) / step) + 1):
        tick = low + k * step
        body.append(_line(left, y(tick), left + plot_width, y(tick), GRID, 1))
        body.append(_text(left - 8, y(tick) + 4, f"{tick:g}", "end"))
    year_step = _step(last - first, 12) if years else 1
    for year in years:
        if (year - first) % year_step == 0 or year == last:
            body.append(_line(x(year), top + plot_height, x(year), top + plot_height + 5, "#000000", 1))
            body.append(_text(x(year), top + plot_height + 20, str(year), "middle"))
    body.append(_line(left, top + plot_height, left + plot_width, top + plot_height, "#000000", 1))
    middle = top + plot_height / 2
    body.append(_text(20, middle, y_label, "middle", f' transform="rotate(-90 20.0 {_n(middle)})"'))
    if not values:
        body.append(_text(left + plot_width / 2, middle, "no data", "middle"))
    for i, (name, points) in enumerate(series):
        colour = PALETTE[i % len(PALETTE)]
        # Beyond the palette, dashes tell the lines apart.
        dash = ' stroke-dasharray="6 3"' if i >= len(PALETTE) else ""
        stroke = 3.0 if i == 0 else 1.75
        points = sorted(points)
        legend_y = top + 8 + 20 * i
        body += [
            f"<g><title>{escape(name)}</title>",
            _line(left + plot_width + 24, legend_y, left + plot_width + 48, legend_y, colour, stroke, dash),
            _text(left + plot_width + 54, legend_y + 4, name),
        ]
        if len(points) > 1:
            path = " ".join(f"{_n(x(t))},{_n(y(v))}" for t, v in points)
            body.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="{_n(stroke)}"{dash}/>')
        for t, v in points:
            tip = f"{name} {t}: {formats.fixed(v, 'en')}"
            body.append(
                f'<circle cx="{_n(x(t))}" cy="{_n(y(v))}" r="3.0" fill="{colour}"><title>{escape(tip)}</title></circle>'
            )
        body.append("</g>")
    return _svg(width, height, title, body)
