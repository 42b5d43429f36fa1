"""SVG charts are well-formed, escape their text, and are the same bytes for the same data."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atdscore.core.sensitivity import CountryStats
from atdscore.render.plot import line_chart_svg, rank_intervals_svg
from atdscore.text import formats
from atdscore.text.sparkline import BLOCKS, sparkline

SVG = "{http://www.w3.org/2000/svg}"
ROWS = [
    CountryStats("THA", 3, 3, (2, 3), 0.5),
    CountryStats("MEX", 1, 1, (1, 2), 0.9),
    CountryStats("BEL", 2, 2, (1, 3), 0.25),
]


def texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return [el.text or "" for el in root.iter(f"{SVG}text")]


def test_rank_intervals_are_valid_svg_with_escaped_labels_in_rank_order() -> None:
    labels = {"MEX": "Mexico", "BEL": "Belgium & <Luxembourg>", "THA": 'Thailand "TH"'}
    svg = rank_intervals_svg(ROWS, "Ranks <2023> & intervals", labels)
    assert "Belgium &amp; &lt;Luxembourg&gt;" in svg
    assert "Ranks &lt;2023&gt; &amp; intervals" in svg
    shown = texts(svg)
    assert shown[0] == "Ranks <2023> & intervals"
    names = [t for t in shown if t in labels.values()]
    assert names == ["Mexico", "Belgium & <Luxembourg>", 'Thailand "TH"']
    assert [t for t in shown if t.endswith("%")] == ["90%", "25%", "50%"]


def test_rank_intervals_without_labels_show_codes_and_survive_no_rows() -> None:
    assert {"MEX", "BEL", "THA"} <= set(texts(rank_intervals_svg(ROWS, "t")))
    assert "no ranked countries" in texts(rank_intervals_svg([], "t"))


def _axis(labels: Sequence[tuple[float, float]]) -> Callable[[float], float]:
    """The linear map from data to drawing coordinates that two labelled ticks of an axis define."""
    (v0, c0), (v1, c1) = labels[0], labels[-1]
    return lambda value: c0 + (value - v0) * (c1 - c0) / (v1 - v0)


def test_rank_intervals_mark_each_rank_where_the_axis_says() -> None:
    assert rank_intervals_svg(ROWS, "t") == rank_intervals_svg(list(reversed(ROWS)), "t")  # input order is irrelevant
    root = ET.fromstring(rank_intervals_svg(ROWS, "t"))
    ticks = sorted(
        {(float(t.text or ""), float(t.attrib["x"])) for t in root.iter(f"{SVG}text") if (t.text or "").isdigit()}
    )
    x = _axis(ticks)
    rows = [g for g in root.iter(f"{SVG}g")]
    assert [(g.find(f"{SVG}text").text or "") for g in rows] == ["MEX", "BEL", "THA"]  # type: ignore[union-attr]
    for g, stats in zip(rows, sorted(ROWS, key=lambda r: r.rank), strict=True):
        interval, nominal = g.findall(f"{SVG}line")
        dot = g.find(f"{SVG}circle")
        assert dot is not None
        assert float(interval.attrib["x1"]) == pytest.approx(x(stats.interval[0]), abs=0.11)
        assert float(interval.attrib["x2"]) == pytest.approx(x(stats.interval[1]), abs=0.11)
        assert float(dot.attrib["cx"]) == pytest.approx(x(stats.median_rank), abs=0.11)
        assert float(nominal.attrib["x1"]) == pytest.approx(x(stats.rank), abs=0.11)


years = st.integers(2000, 2030)
values = st.floats(-20, 130, allow_nan=False).map(lambda v: round(v, 3))


@given(
    st.lists(
        st.lists(st.tuples(years, values), min_size=1, max_size=6, unique_by=lambda p: p[0]), min_size=1, max_size=4
    )
)
def test_line_chart_points_sit_where_the_axes_say(points: list[list[tuple[int, float]]]) -> None:
    series = [(f"s{i}", p) for i, p in enumerate(points)]
    root = ET.fromstring(line_chart_svg(series, "t", "Score %"))
    labels = [(t.text or "", t.attrib) for t in root.iter(f"{SVG}text")]
    # y-axis labels are right-aligned left of the plot; year labels are centred under it.
    y = _axis(
        sorted((float(text), float(a["y"]) - 4) for text, a in labels if a.get("text-anchor") == "end" and text != "t")
    )
    shown_years = sorted(
        (int(text), float(a["x"])) for text, a in labels if a.get("text-anchor") == "middle" and text.isdigit()
    )
    all_years = sorted({year for p in points for year, _ in p})
    assert shown_years[0][0] == all_years[0] and shown_years[-1][0] == all_years[-1]
    circles = list(root.iter(f"{SVG}circle"))
    assert len(circles) == sum(len(p) for p in points)
    expected = [(name, year, value) for name, p in series for year, value in sorted(p)]
    for circle, (name, year, value) in zip(circles, expected, strict=True):
        title = circle.find(f"{SVG}title")
        # Numbers are rounded half up, as everywhere in the tool (text/formats.py).
        assert title is not None and title.text == f"{name} {year}: {formats.fixed(value, 'en')}"
        assert float(circle.attrib["cy"]) == pytest.approx(y(value), abs=0.11)
        if len(shown_years) > 1:
            assert float(circle.attrib["cx"]) == pytest.approx(_axis(shown_years)(year), abs=0.11)


def test_line_chart_is_valid_svg_with_a_line_per_series_and_a_legend() -> None:
    series = [
        ("Total", [(2023, 74.1), (2018, 40.0), (2020, 55.5)]),
        ("time-limits <&>", [(2018, 20.0), (2023, 115.0)]),
        ("single", [(2020, 10.0)]),
    ]
    svg = line_chart_svg(series, "Mexico (MEX)", "Score %")
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert len(root.findall(f".//{SVG}polyline")) == 2  # a one-point series is a dot, not a line
    assert len(root.findall(f".//{SVG}circle")) == 6
    shown = texts(svg)
    assert {"Mexico (MEX)", "Score %", "Total", "time-limits <&>", "2018", "2020", "2023"} <= set(shown)
    assert "120" in shown  # the axis widens past 100 for a bonus
    # Points are drawn in year order whatever order they came in.
    first = root.find(f".//{SVG}polyline")
    assert first is not None
    xs = [float(p.split(",")[0]) for p in first.attrib["points"].split()]
    assert xs == sorted(xs)


def test_line_chart_without_data() -> None:
    assert "no data" in texts(line_chart_svg([("Total", [])], "t", "Score %"))
    assert "no data" in texts(line_chart_svg([], "t", "Score %"))


def test_sparkline_maps_lowest_to_the_lowest_block_and_highest_to_the_highest() -> None:
    assert sparkline([10.0, 20.0, None, 80.0]) == "▁▂ █"
    assert sparkline([0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]) == BLOCKS
    assert sparkline([5.0, 5.0]) == "▄▄"
    assert sparkline([None]) == " "
    assert sparkline([]) == ""


@given(st.lists(st.one_of(st.none(), st.floats(-1e6, 1e6)), max_size=20))
def test_sparkline_has_one_block_per_value(values: list[float | None]) -> None:
    line = sparkline(values)
    assert len(line) == len(values)
    known = [v for v in values if v is not None]
    if len(set(known)) > 1:
        assert line[values.index(min(known))] == "▁"
        assert line[values.index(max(known))] == "█"


@given(st.text(max_size=30))
def test_any_label_makes_well_formed_svg(label: str) -> None:
    svg = rank_intervals_svg([CountryStats("XXX", 1, 1, (1, 1), 1.0)], label, {"XXX": label})
    ET.fromstring(svg)
    ET.fromstring(line_chart_svg([(label, [(2020, 1.0)])], label, label))
