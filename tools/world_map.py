"""Convert Natural Earth's 1:50m country boundaries (npm `world-atlas`) into the site's map data, once.

    npm pack world-atlas@2.0.2                       # downloads world-atlas-2.0.2.tgz (ISC; data public domain)
    python tools/world_map.py world-atlas-2.0.2.tgz  # writes src/atdscore/render/site/world.json

The output is committed and shipped in the package: `atdscore site` never converts or downloads
anything. Each country becomes an SVG path in the Equal Earth projection (Šavrič, Patterson and
Jenny 2018), simplified per shared border (Douglas-Peucker on TopoJSON arcs, so neighbours keep
matching edges) and rounded to a grid of whole units, with relative coordinates to keep it small.
Antarctica is left out. Countries too small to see or click at world scale get a marker point.
Shapes are keyed by ISO 3166-1 alpha-3, read from the data's ISO numeric ids through pycountry;
the few without an ISO code (Kosovo, Northern Cyprus, Somaliland, ...) are drawn but never linked.
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import math
import tarfile
from pathlib import Path
from typing import Any

import pycountry

OUT = Path(__file__).parent.parent / "src" / "atdscore" / "render" / "site" / "world.json"
MEMBER = "package/countries-50m.json"
WIDTH = 1000.0  # viewBox width; heights follow the projection
TOLERANCE = 0.12  # Douglas-Peucker tolerance, in degrees (about a third of a viewBox unit)
MIN_RING = 0.6  # rings (islands) smaller than this, in square units, are dropped unless a country's largest
SMALL = 8.0  # a country whose shapes cover less than this many square units gets a marker
GRID = 10  # coordinates are written in tenths of a unit, as whole numbers, with a viewBox scaled to match
LEFT_OUT = {"010"}  # Antarctica

Point = tuple[float, float]

# Equal Earth polynomial coefficients.
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(lon: float, lat: float) -> Point:
    """Equal Earth projection of a longitude and latitude in degrees, in units of the Earth's radius."""
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """TopoJSON's quantised, delta-encoded arcs as longitude and latitude points, each arc unwrapped.

    An arc that crosses the antimeridian jumps from 179.9 to -180; unwrapped, it continues to 180.1.
    """
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points: list[Point] = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            lon, lat = x * sx + tx, y * sy + ty
            if points:
                lon += 360 * round((points[-1][0] - lon) / 360)
            points.append((lon, lat))
        arcs.append(points)
    return arcs


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, iterative; the first and last points are always kept."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            d = abs(dy * (px - ax) - dx * (py - ay)) / length if length else math.hypot(px - ax, py - ay)
            if d > worst:
                worst, index = d, i
        if worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def area(ring: list[Point]) -> float:
    """Signed area of a closed ring (shoelace)."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True)) / 2


def centroid(ring: list[Point]) -> Point:
    """Area-weighted centroid of a ring (its mean point when it has no area)."""
    a = area(ring)
    if abs(a) < 1e-12:
        return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)
    cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        cx, cy = cx + (x1 + x2) * cross, cy + (y1 + y2) * cross
    return cx / (6 * a), cy / (6 * a)


def ring_points(indices: list[int], arcs: list[list[Point]]) -> list[Point]:
    """A ring in longitude and latitude from arc indices (~i is arc i reversed), continuous across 180°."""
    ring: list[Point] = []
    for i in indices:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        # An arc may start at -180 where the previous one ended at 180: the same point, shifted by a turn.
        shift = 360 * round((ring[-1][0] - arc[0][0]) / 360) if ring else 0
        arc = [(lon + shift, lat) for lon, lat in arc]
        ring += arc[1:] if ring else arc
    return ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else ring


def _clip(ring: list[Point], keep_east: bool, cut: float) -> list[Point]:
    """Sutherland-Hodgman: the part of a ring east (or west) of the meridian `cut`."""

    def inside(p: Point) -> bool:
        return p[0] >= cut if keep_east else p[0] <= cut

    out: list[Point] = []
    for a, b in zip(ring, ring[1:] + ring[:1], strict=True):
        if inside(a) != inside(b):
            t = (cut - a[0]) / (b[0] - a[0])
            crossing = (cut, a[1] + t * (b[1] - a[1]))
            out += [crossing, b] if inside(b) else [crossing]
        elif inside(b):
            out.append(b)
    return out


def _densify(ring: list[Point], cut: float) -> list[Point]:
    """Points every degree along edges that run on the meridian `cut`, which projects to a curve."""
    out: list[Point] = []
    for a, b in zip(ring, ring[1:] + ring[:1], strict=True):
        out.append(a)
        if a[0] == b[0] == cut:
            steps = int(abs(b[1] - a[1]))
            out += [(cut, a[1] + (b[1] - a[1]) * k / (steps + 1)) for k in range(1, steps + 1)]
    return out


def wrap(ring: list[Point]) -> list[list[Point]]:
    """A ring cut at the antimeridian into rings within -180..180 (most rings are already)."""
    lons = [p[0] for p in ring]
    for cut in (180.0, -180.0):
        if min(lons) < cut < max(lons):
            east, west = _clip(ring, True, cut), _clip(ring, False, cut)
            turn = -360 if cut > 0 else 360
            parts = (
                [west, [(lon + turn, lat) for lon, lat in east]]
                if cut > 0
                else [[(lon + turn, lat) for lon, lat in west], east]
            )
            return [_densify(p, cut) if p is parts[0] else _densify(p, -cut) for p in parts if len(p) >= 3]
    return [ring]


def path(rings: list[list[tuple[int, int]]]) -> str:
    """Rings as compact SVG path data: absolute move, relative lines, close."""
    parts = []
    for ring in rings:
        (x0, y0), out = ring[0], []
        for (ax, ay), (bx, by) in itertools.pairwise(ring):
            out += [bx - ax, by - ay]
        text = f"M{x0} {y0}" + ("l" + " ".join(str(n) for n in out) if out else "")
        parts.append(text.replace(" -", "-") + "z")
    return "".join(parts)


def convert(topology: dict[str, Any]) -> dict[str, Any]:
    """The map data: viewBox, and per country its path, and a marker point when it is small."""
    full = decode_arcs(topology)
    simple = [simplify(arc, TOLERANCE) for arc in full]
    geometries = [g for g in topology["objects"]["countries"]["geometries"] if g.get("id") not in LEFT_OUT]
    # Shapes that share an ISO code are one country (Australia and the Ashmore and Cartier Islands).
    groups: dict[str, list[dict[str, Any]]] = {}
    for n, g in enumerate(geometries):
        groups.setdefault(g.get("id") or f"none-{n}", []).append(g)

    def project(rings: list[list[Point]]) -> list[list[Point]]:
        return [[equal_earth(lon, lat) for lon, lat in part] for ring in rings for part in wrap(ring)]

    shapes = []
    for key, group in groups.items():
        polygons = [poly for g in group for poly in _polygons(g)]
        exact = [project([ring_points(r, full) for r in poly]) for poly in polygons]
        simplified = [project([ring_points(r, simple) for r in poly]) for poly in polygons]
        shapes.append((key, group, polygons, exact, simplified))
    xs = [x for *_, rings in shapes for poly in rings for ring in poly for x, _ in ring]
    ys = [y for *_, rings in shapes for poly in rings for ring in poly for _, y in ring]
    scale = WIDTH / (max(xs) - min(xs))
    left, top = min(xs), max(ys)
    height = (max(ys) - min(ys)) * scale

    def grid(ring: list[Point]) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        for x, y in ring:
            p = (round((x - left) * scale * GRID), round((top - y) * scale * GRID))
            if not out or out[-1] != p:
                out.append(p)
        if len(out) > 1 and out[0] == out[-1]:
            out.pop()
        return out

    countries: dict[str, Any] = {}
    unassigned: list[dict[str, Any]] = []
    for key, group, polygons, exact, simplified in shapes:
        # Areas in square viewBox units, from the exact rings; a polygon's first ring is its outline.
        outlines = [abs(area(poly[0])) * scale * scale if poly else 0.0 for poly in exact]
        largest = max(range(len(polygons)), key=lambda n: outlines[n])
        rings: list[list[tuple[int, int]]] = []
        for n, poly in enumerate(simplified):
            if n != largest and outlines[n] < MIN_RING:
                continue
            for k, ring in enumerate(poly):
                points = grid(ring)
                if len(points) >= 3 or (n == largest and k == 0 and points):
                    rings.append(points)
        name = next(g["properties"]["name"] for g in group if any(p is polygons[largest] for p in _polygons(g)))
        entry: dict[str, Any] = {"name": name, "d": path(rings)}
        if sum(outlines) < SMALL:
            cx, cy = centroid(exact[largest][0])
            entry["marker"] = [round((cx - left) * scale * GRID), round((top - cy) * scale * GRID)]
        country = None if key.startswith("none-") else pycountry.countries.get(numeric=key)
        if country is None:
            unassigned.append(entry)
        else:
            countries[country.alpha_3] = entry
    return {
        "source": "Natural Earth 1:50m Admin 0 countries, version 4.1.0, via the npm package world-atlas 2.0.2",
        "licence": "Natural Earth data is in the public domain; world-atlas is distributed under the ISC licence",
        "projection": "Equal Earth",
        "viewBox": [0, 0, round(WIDTH * GRID), math.ceil(height * GRID)],
        "countries": dict(sorted(countries.items())),
        "unassigned": sorted(unassigned, key=lambda e: e["name"]),
    }


def _polygons(geometry: dict[str, Any]) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="world-atlas-2.0.2.tgz from `npm pack`, or its countries-50m.json")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args()
    if args.source.suffix == ".tgz":
        with tarfile.open(args.source) as tar:
            member = tar.extractfile(MEMBER)
            assert member is not None, f"{args.source} has no {MEMBER}"
            topology = json.load(io.TextIOWrapper(member, encoding="utf-8"))
    else:
        topology = json.loads(args.source.read_text(encoding="utf-8"))
    data = convert(topology)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"
    args.output.write_text(text, encoding="utf-8")
    print(f"{args.output}: {len(text.encode()) / 1024:.0f} KiB, {len(data['countries'])} countries")


if __name__ == "__main__":
    main()
