"""SVG charts are well-formed, escape their text, and are the same bytes for the same data."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from atdscore.core.sensitivity import CountryStats
from atdscore.render.plot import line_chart_svg, rank_intervals_svg
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


def test_charts_are_deterministic() -> None:
    assert rank_intervals_svg(ROWS, "t") == rank_intervals_svg(list(reversed(ROWS)), "t")
    series = [("Total", [(2018, 40.0), (2023, 74.125)]), ("a&b", [(2023, 100.0)])]
    assert line_chart_svg(series, "t", "Score %") == line_chart_svg(series, "t", "Score %")


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
