"""Small inline SVG charts for pages: a country's score across editions.

A chart is drawn in CSS pixels of a fixed viewBox and scales with the page. It is an image with a
title and a description for screen readers; the page prints the same numbers in a table next to it,
which is the text alternative. Coordinates have one decimal, so the same data gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from markupsafe import Markup, escape

from atdscore.render.site import palette

WIDTH, HEIGHT = 640.0, 260.0
LEFT, RIGHT, TOP, BOTTOM = 48.0, 24.0, 16.0, 36.0


@dataclass(frozen=True)
class Point:
    """One edition's score: the year, the percent (None without one) and the label of its tooltip."""

    year: int
    percent: Fraction | None
    label: str


def _n(value: float) -> str:
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def history_svg(points: Sequence[Point], title: str, description: str, chart_id: str) -> Markup:
    """A line of the total percent over the editions, on a 0-100 axis (higher if a bonus takes it there)."""
    known = [p for p in points if p.percent is not None]
    top_value = max([100.0, *(float(p.percent) for p in known if p.percent is not None)])
    top_value = float(-(-top_value // 20) * 20)
    years = [p.year for p in points]
    first, last = (min(years), max(years)) if years else (0, 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(year: int) -> float:
        return LEFT + plot_w / 2 if first == last else LEFT + (year - first) / (last - first) * plot_w

    def y(value: float) -> float:
        return TOP + plot_h - value / top_value * plot_h

    out = [
        f'<svg class="chart" viewBox="0 0 {_n(WIDTH)} {_n(HEIGHT)}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    for tick in range(0, int(top_value) + 1, 20):
        out.append(
            f'<line x1="{_n(LEFT)}" y1="{_n(y(tick))}" x2="{_n(WIDTH - RIGHT)}" y2="{_n(y(tick))}" '
            f'stroke="{palette.SURFACE if tick else palette.RULE}" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{_n(LEFT - 8)}" y="{_n(y(tick) + 4)}" text-anchor="end" fill="{palette.MUTED}">{tick}</text>'
        )
    for p in points:
        out.append(
            f'<text x="{_n(x(p.year))}" y="{_n(HEIGHT - 12)}" text-anchor="middle" fill="{palette.MUTED}">'
            f"{p.year}</text>"
        )
    if len(known) > 1:
        line = " ".join(f"{_n(x(p.year))},{_n(y(float(p.percent)))}" for p in known if p.percent is not None)
        out.append(f'<polyline points="{line}" fill="none" stroke="{palette.BAR}" stroke-width="3"/>')
    for p in known:
        assert p.percent is not None
        out.append(
            f'<circle cx="{_n(x(p.year))}" cy="{_n(y(float(p.percent)))}" r="5" fill="{palette.BAR}">'
            f"<title>{escape(p.label)}</title></circle>"
        )
    out.append("</svg>")
    return Markup("\n".join(out))
