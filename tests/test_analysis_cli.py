"""`atdscore sensitivity`, `rank --intervals` and `atdscore history` through the CLI."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import run_cli


def test_sensitivity_json_contract_and_seed(project: Path) -> None:
    first = run_cli("sensitivity", str(project), "--runs", "200", "--seed", "7", "-f", "json")
    again = run_cli("sensitivity", str(project), "--runs", "200", "--seed", "7", "-f", "json")
    assert first.exit_code == 0
    assert first.stdout == again.stdout  # a fixed seed gives identical output
    data = json.loads(first.stdout)
    assert data["year"] == 2023 and data["runs"] == 200 and data["seed"] == 7
    for country in data["countries"]:
        assert set(country) >= {"country", "name", "rank", "median_rank", "interval", "stability"}
        low, high = country["interval"]
        assert low <= country["median_rank"] <= high
        assert 0 <= country["stability"] <= 1
    assert [s["input"] for s in data["sensitivity"]] == ["weights", "aggregation", "unknowns", "leave-one-out"]


def test_switched_off_inputs_have_no_index(project: Path) -> None:
    result = run_cli(
        "sensitivity", str(project), "--runs", "50", "--no-unknowns", "--weights-spread", "0", "-f", "json"
    )
    indices = {s["input"]: s["first_order"] for s in json.loads(result.stdout)["sensitivity"]}
    assert indices["unknowns"] is None and indices["weights"] is None


def _percent(share: float) -> str:
    # With 50 runs every stability is a whole percent, and the weights and indices below are not ties.
    return f"{round(share * 100)}%"


@pytest.mark.parametrize("fmt", ["table", "md", "csv"])
def test_sensitivity_formats_show_the_numbers_of_the_json(project: Path, fmt: str) -> None:
    args = ("sensitivity", str(project), "--runs", "50", "--seed", "7")
    data = json.loads(run_cli(*args, "-f", "json").stdout)
    result = run_cli(*args, "-f", fmt)
    assert result.exit_code == 0
    countries = [
        [str(c["rank"]), c["name"], c["country"], str(c["median_rank"]), *map(str, c["interval"]), c["stability"]]
        for c in data["countries"]
    ]
    assert [c[2] for c in countries] == ["MEX", "BEL", "MYS", "THA"]  # rank order, ties by code
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(result.stdout)))
        assert rows[0] == ["rank", "country", "name", "median_rank", "p5", "p95", "stability"]
        assert rows[1:] == [[r, code, name, m, lo, hi, str(st)] for r, name, code, m, lo, hi, st in countries]
        return
    people = [[r, name, code, m, f"{lo}–{hi}", _percent(st)] for r, name, code, m, lo, hi, st in countries]
    weights = [[w["category"], _percent(w["nominal"]), _percent(w["effective"])] for w in data["effective_weights"]]
    indices = [[s["input"], f"{s['first_order']:.2f}"] for s in data["sensitivity"]]
    if fmt == "md":
        cells = [line.strip("|").split(" | ") for line in result.stdout.splitlines() if line.startswith("| ")]
        cells = [[c.strip() for c in row] for row in cells]
        assert cells == [
            ["Rank", "Country", "ISO3", "Median", "5-95% interval", "Stability"],
            *people,
            ["Category", "Nominal weight", "Effective weight"],
            *weights,
            ["Input", "First-order sensitivity index"],
            *indices,
        ]
    else:
        words = [line.split() for line in result.stdout.splitlines()]
        for row in [*people, *weights, *indices]:
            assert row in words, row


def test_sensitivity_plot_is_svg(project: Path, tmp_path: Path) -> None:
    plot = tmp_path / "ranks.svg"
    assert run_cli("sensitivity", str(project), "--runs", "50", "--plot", str(plot)).exit_code == 0
    assert ET.fromstring(plot.read_text()).tag.endswith("svg")


def test_sensitivity_rejects_a_bad_spread(project: Path) -> None:
    assert run_cli("sensitivity", str(project), "--weights-spread", "2").exit_code == 2


def test_rank_intervals(project: Path) -> None:
    data = json.loads(run_cli("rank", str(project), "--intervals", "-f", "json").stdout)
    assert all(len(c["interval"]) == 2 for c in data["countries"])
    csv = run_cli("rank", str(project), "--intervals", "-f", "csv").stdout
    assert csv.startswith("rank,rank_p5,rank_p95,country,")


def test_history_of_a_country(project: Path, tmp_path: Path) -> None:
    data = json.loads(run_cli("history", "MEX", str(project), "-f", "json").stdout)
    assert data["country"] == "MEX" and data["name"] == "Mexico"
    assert [e["year"] for e in data["editions"]] == [2022, 2023]
    assert [e["rank"] for e in data["editions"]] == [1, 1]
    assert data["editions"][1]["percent"] == 90
    table = run_cli("history", "mex", str(project))
    assert table.exit_code == 0 and "2022" in table.stdout and "2023" in table.stdout
    plot = tmp_path / "mex.svg"
    assert run_cli("history", "MEX", str(project), "--plot", str(plot), "-f", "csv").exit_code == 0
    assert ET.fromstring(plot.read_text()).tag.endswith("svg")


def test_history_errors(project: Path) -> None:
    assert run_cli("history", "XYZ", str(project)).exit_code == 2
    missing = run_cli("history", "DEU", str(project))
    assert missing.exit_code == 2 and "no edition scores DEU" in missing.stderr
