"""The home page's world map: an inline SVG choropleth of one edition's bands, every scored country a link.

Boundaries: Natural Earth 1:50m Admin 0 countries (public domain), from the npm package world-atlas
2.0.2 (ISC), converted once by tools/world_map.py into world.json (Equal Earth projection,
simplified, whole-number coordinates) and shipped in the package. Nothing is fetched or converted at
run time. 1:50m has Singapore, Malta and Bahrain; countries too small to click at world scale also
get a round marker inside their link.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from atdscore.render.site import palette

WORLD = Path(__file__).parent / "world.json"
MARKER_RADIUS = 55  # in map units (the map is 10,000 wide): about 7 px on a wide screen


@functools.cache
def world() -> dict[str, Any]:
    """The shipped map data: viewBox, and per ISO3 code a name, path data and perhaps a marker point."""
    data: dict[str, Any] = json.loads(WORLD.read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True)
class Shape:
    """How one scored country is drawn: its fill, the link to its page and the text of its tooltip."""

    fill: str
    href: str
    title: str


def _pattern(id_: str, background: str, lines: str, cross: bool) -> str:
    second = f'<path d="M0 0L0 60" stroke="{lines}" stroke-width="10" transform="rotate(90 30 30)"/>' if cross else ""
    return (
        f'<pattern id="{id_}" width="60" height="60" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        f'<rect width="60" height="60" fill="{background}"/>'
        f'<path d="M0 0L0 60" stroke="{lines}" stroke-width="10"/>{second}</pattern>'
    )


PATTERNS = {
    "not-scored": ("map-not-scored", palette.UNSCORED, palette.UNSCORED_LINES, False),
    "unranked": ("map-unranked", palette.UNRANKED, palette.UNRANKED_LINES, True),
}


def fill_of(kind: str) -> str:
    """The fill of a country without a band: a pattern reference."""
    return f"url(#{PATTERNS[kind][0]})"


def map_svg(shapes: dict[str, Shape], title: str, not_scored: Callable[[str], str]) -> Markup:
    """The map: every country of the data, scored ones as links drawn on top; `not_scored(code)` titles the rest."""
    data = world()
    view = " ".join(str(n) for n in data["viewBox"])
    out = [
        f'<svg class="map" viewBox="{view}" role="group" aria-labelledby="map-title">',
        f'<title id="map-title">{escape(title)}</title>',
        "<defs>" + "".join(_pattern(*p) for p in PATTERNS.values()) + "</defs>",
        # Outlines are set on the groups, not the <svg>: patterns would inherit them and draw a grid.
        f'<g stroke="{palette.BORDER}" stroke-width="6" stroke-linejoin="round" fill-rule="evenodd">',
        f'<g fill="{fill_of("not-scored")}">',
    ]
    for code, country in data["countries"].items():
        if code not in shapes:
            out.append(f'<path d="{country["d"]}"><title>{escape(not_scored(code))}</title></path>')
    out += [f'<path d="{shape["d"]}"/>' for shape in data["unassigned"]]
    out.append("</g>")
    for code, shape in sorted(shapes.items()):
        country = data["countries"].get(code)
        if country is None:
            continue  # a code the boundaries do not have (none of ISO 3166-1's, but a project may use others)
        marker = country.get("marker")
        dot = f'<circle cx="{marker[0]}" cy="{marker[1]}" r="{MARKER_RADIUS}" fill="{shape.fill}"/>' if marker else ""
        out.append(
            f'<a href="{escape(shape.href)}" data-country="{code}"><title>{escape(shape.title)}</title>'
            f'<path d="{country["d"]}" fill="{shape.fill}"/>{dot}</a>'
        )
    out.append("</g></svg>")
    return Markup("\n".join(out))


def has_shape(code: str) -> bool:
    """Whether the map can draw `code`."""
    return code in world()["countries"]
