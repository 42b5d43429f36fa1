"""`atdscore agree` and `methodology --agreement`: double coding measured as issue 18 defines it.

Two hand-built project folders under the fixture rubric; every expected figure below is worked out by
hand from the rubric's points (not by atdscore's scorer), and alpha is the `krippendorff` package's.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import krippendorff
import pytest

from conftest import FIXTURE_PROJECT, run_cli, write_tree

CODES = ["BEL", "DEU", "MEX", "MYS", "THA"]
UNKNOWN: dict[str, Any] = {"status": "unknown"}
NA: dict[str, Any] = {"status": "not-applicable"}
MISSING = None  # the answer is left out of the file

# indicator -> (coder A's answers, coder B's answers), one per country of CODES.
ANSWERS: dict[str, tuple[list[Any], list[Any]]] = {
    "law.ban": (["full", "partial", "none", "full", "partial"], ["full", "none", "none", "partial", "partial"]),
    "law.bodies": (
        [["nhri", "unhcr"], ["nhri"], [], ["ngos"], ["nhri", "unhcr", "ngos"]],
        [["unhcr", "nhri"], ["nhri"], ["ngos"], ["ngos"], ["nhri", "unhcr"]],  # BEL only reordered: the same
    ),
    # Different numbers in the same band: disagreements, yet the same points.
    "limits.days": ([1, 20, 100, 45, 1.5], [1.5, 25, 95, 45, UNKNOWN]),
    "limits.expert": ([3, 3, 3, NA, MISSING], [3, 3, 3, MISSING, 3]),  # one value: alpha undefined
    "practice.detained": (
        ["reported", "not-reported", "reported", "not-reported", "reported"],
        ["reported", "not-reported", "not-reported", "not-reported", "reported"],
    ),
    "practice.prisons": (["not-reported"] * 5, ["not-reported"] * 5),
    "extra.pledge": (["made", "none", "made", "none", UNKNOWN], ["made", "none", "made", "made", "made"]),
}
# The points of each answer and each indicator's (lowest, highest) points, read off the fixture rubric.
POINTS: dict[str, dict[Any, float]] = {
    "law.ban": {"full": 4, "partial": 2, "none": 0},
    "practice.detained": {"reported": -2, "not-reported": 0},
    "practice.prisons": {"reported": -2, "not-reported": 0},
    "extra.pledge": {"made": 2, "none": 0},
}
RANGE = {
    "law.ban": (0, 4),
    "law.bodies": (0, 2.5),
    "limits.days": (0, 3),
    "limits.expert": (0, 4),
    "practice.detained": (-2, 0),
    "practice.prisons": (-2, 0),
    "extra.pledge": (0, 2),
}


def _points(indicator: str, value: Any) -> float:
    if indicator == "law.bodies":
        return float(sum({"nhri": 1, "unhcr": 1, "ngos": 0.5}[i] for i in value))
    if indicator == "limits.days":
        return 3 if value <= 1.5 else 2 if value <= 30 else 1 if value <= 90 else 0
    if indicator == "limits.expert":
        return float(value)
    return float(POINTS[indicator][value])


def _valued(answer: Any) -> bool:
    return answer is not MISSING and not isinstance(answer, dict)


def _project(root: Path, side: int, codes: list[str] = CODES, extra: tuple[str, ...] = ()) -> Path:
    files: dict[str, str | bytes] = {}
    for n, code in enumerate(codes):
        answers = {}
        for indicator, sides in ANSWERS.items():
            answer = sides[side][n]
            if answer is not MISSING:
                answers[indicator] = answer if isinstance(answer, dict) else {"value": answer}
        doc = {"country": code, "year": 2023, "rubric": "test", "answers": answers}
        files[f"countries/2023/{code}.yaml"] = json.dumps(doc)  # JSON is YAML
    for code in extra:
        doc = {"country": code, "year": 2023, "rubric": "test", "answers": {"law.ban": {"value": "full"}}}
        files[f"countries/2023/{code}.yaml"] = json.dumps(doc)
    write_tree(root, files)
    (root / "rubrics").mkdir()
    shutil.copy(FIXTURE_PROJECT / "rubrics" / "test.yaml", root / "rubrics" / "test.yaml")
    return root


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    return _project(tmp_path / "a", 0), _project(tmp_path / "b", 1, extra=("FRA",))


def _json(*args: str) -> dict[str, Any]:
    result = run_cli("agree", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _units(indicator: str) -> list[tuple[float, float]]:
    a, b = ANSWERS[indicator]
    return [
        (_points(indicator, x), _points(indicator, y)) for x, y in zip(a, b, strict=True) if _valued(x) and _valued(y)
    ]


def test_the_json_has_exactly_the_documented_shape(pair: tuple[Path, Path]) -> None:
    data = _json(str(pair[0]), str(pair[1]))
    assert list(data) == ["atdscore", "year", "overall", "indicators", "disagreements", "coverage_disagreements"]
    assert data["year"] == 2023 and isinstance(data["atdscore"], str)
    assert list(data["overall"]) == ["alpha", "agreement", "units"]
    assert [list(i) for i in data["indicators"]] == [["id", "alpha", "agreement", "units"]] * len(ANSWERS)
    assert [i["id"] for i in data["indicators"]] == list(ANSWERS)  # rubric order
    for pairs in (data["disagreements"], data["coverage_disagreements"]):
        assert pairs and all(list(p) == ["country", "indicator", "a", "b"] for p in pairs)


def test_alpha_per_indicator_is_the_krippendorff_packages_ordinal_alpha(pair: tuple[Path, Path]) -> None:
    rows = {i["id"]: i for i in _json(str(pair[0]), str(pair[1]))["indicators"]}
    for indicator in ("law.ban", "law.bodies", "practice.detained", "extra.pledge"):
        units = _units(indicator)
        expected = krippendorff.alpha(
            reliability_data=[[a for a, _ in units], [b for _, b in units]], level_of_measurement="ordinal"
        )
        assert rows[indicator]["alpha"] == pytest.approx(expected, abs=1e-6), indicator
        assert rows[indicator]["alpha"] != 1
    # Different numbers in the same band score the same points: alpha 1, agreement below 1.
    assert rows["limits.days"]["alpha"] == 1 and rows["limits.days"]["agreement"] == 0.25


def test_overall_alpha_is_interval_over_points_scaled_by_each_indicators_range(pair: tuple[Path, Path]) -> None:
    overall = _json(str(pair[0]), str(pair[1]))["overall"]
    scaled: list[tuple[float, float]] = []
    for indicator in ANSWERS:
        low, high = RANGE[indicator]
        scaled += [((a - low) / (high - low), (b - low) / (high - low)) for a, b in _units(indicator)]
    expected = krippendorff.alpha(
        reliability_data=[[a for a, _ in scaled], [b for _, b in scaled]], level_of_measurement="interval"
    )
    assert overall["alpha"] == pytest.approx(expected, abs=1e-6)
    assert overall["units"] == len(scaled) == 31
    assert overall["agreement"] == pytest.approx((31 - 9) / 31, abs=1e-6)


def test_alpha_is_null_where_every_value_is_the_same(pair: tuple[Path, Path]) -> None:
    rows = {i["id"]: i for i in _json(str(pair[0]), str(pair[1]))["indicators"]}
    assert rows["limits.expert"] == {"id": "limits.expert", "alpha": None, "agreement": 1, "units": 3}
    assert rows["practice.prisons"] == {"id": "practice.prisons", "alpha": None, "agreement": 1, "units": 5}


def test_units_and_coverage_disagreements_are_counted_as_defined(pair: tuple[Path, Path]) -> None:
    result = run_cli("agree", str(pair[0]), str(pair[1]), "--format", "json")
    data = json.loads(result.stdout)
    assert {i["id"]: i["units"] for i in data["indicators"]} == {
        "law.ban": 5,
        "law.bodies": 5,
        "limits.days": 4,
        "limits.expert": 3,  # MYS: not applicable against missing is neither a unit nor a coverage disagreement
        "practice.detained": 5,
        "practice.prisons": 5,
        "extra.pledge": 4,
    }
    assert data["coverage_disagreements"] == [
        {"country": "THA", "indicator": "limits.days", "a": "1.5 days", "b": "Unknown"},
        {"country": "THA", "indicator": "limits.expert", "a": "No answer", "b": "3 of 4"},
        {"country": "THA", "indicator": "extra.pledge", "a": "Unknown", "b": "Pledge made"},
    ]
    found = [(p["country"], p["indicator"]) for p in data["disagreements"]]
    assert [c for c, _ in found] == sorted(c for c, _ in found)  # country by country
    assert set(found) == {
        ("DEU", "law.ban"),
        ("MYS", "law.ban"),
        ("MEX", "law.bodies"),
        ("THA", "law.bodies"),
        ("BEL", "limits.days"),
        ("DEU", "limits.days"),
        ("MEX", "limits.days"),
        ("MEX", "practice.detained"),
        ("MYS", "extra.pledge"),
    }
    assert len(found) == 9
    assert data["disagreements"][1] == {"country": "DEU", "indicator": "law.ban", "a": "Partial ban", "b": "No ban"}
    assert "Coded in B only, left out: FRA" in result.stderr  # a country on one side only is named, not compared


def test_identical_folders_with_varied_answers_agree_fully(pair: tuple[Path, Path]) -> None:
    data = _json(str(pair[0]), str(pair[0]))
    assert data["overall"] == {"alpha": 1, "agreement": 1, "units": 32}
    assert data["disagreements"] == [] and data["coverage_disagreements"] == []
    assert all(i["alpha"] in (1, None) for i in data["indicators"])


def test_table_and_markdown_list_the_disagreements_in_words(pair: tuple[Path, Path]) -> None:
    table = run_cli("agree", str(pair[0]), str(pair[1]))
    assert table.exit_code == 0 and "Germany (DEU)" in table.stdout and "Partial ban" in table.stdout
    md = run_cli("agree", str(pair[0]), str(pair[1]), "-f", "md").stdout
    assert "| Germany (DEU) | law.ban | Partial ban | No ban |" in md
    assert "| limits.expert | – | 100% | 3 |" in md


def test_both_sides_must_be_scored_with_the_same_rubric(pair: tuple[Path, Path]) -> None:
    rubric = pair[1] / "rubrics" / "test.yaml"
    rubric.write_text(
        rubric.read_text().replace(
            "{id: partial, label: Partial ban, points: 2}", "{id: partial, label: Partial ban, points: 3}"
        )
    )
    result = run_cli("agree", str(pair[0]), str(pair[1]))
    assert result.exit_code == 2
    assert "not scored with the same rubric" in result.stderr and "sha256" in result.stderr


def test_missing_folder_and_edition_are_usage_errors(pair: tuple[Path, Path], tmp_path: Path) -> None:
    assert run_cli("agree", str(pair[0]), str(tmp_path / "nowhere")).exit_code == 2
    assert run_cli("agree", str(pair[0]), str(pair[1]), "--year", "2019").exit_code == 2


def test_a_side_with_invalid_data_exits_1(pair: tuple[Path, Path]) -> None:
    bel = pair[1] / "countries" / "2023" / "BEL.yaml"
    bel.write_text(bel.read_text().replace('"full"', '"ful"', 1))
    assert run_cli("agree", str(pair[0]), str(pair[1])).exit_code == 1


# --- methodology --agreement ----------------------------------------------------------------------------------


@pytest.fixture
def agreement_file(pair: tuple[Path, Path], tmp_path: Path) -> Path:
    out = tmp_path / "agreement.json"
    assert run_cli("agree", str(pair[0]), str(pair[1]), "-f", "json", "-o", str(out)).exit_code == 0
    return out


@pytest.mark.parametrize(
    ("lang", "heading", "overall"),
    [
        ("en", "## Reliability of the coding", "| | **Overall** |"),
        ("es", "## Fiabilidad de la codificación", "| | **En conjunto** |"),
    ],
)
def test_methodology_adds_a_reliability_table(
    pair: tuple[Path, Path], agreement_file: Path, lang: str, heading: str, overall: str
) -> None:
    plain = run_cli("methodology", "-C", str(pair[0]), "--lang", lang)
    result = run_cli("methodology", "-C", str(pair[0]), "--lang", lang, "--agreement", str(agreement_file))
    assert result.exit_code == 0, result.stderr
    assert heading not in plain.stdout and heading in result.stdout
    assert overall in result.stdout
    assert "| 2.2 | `limits.expert` | – |" in result.stdout  # numbered as in the questionnaire; undefined alpha


def test_methodology_agreement_missing_file_is_a_usage_error(pair: tuple[Path, Path], tmp_path: Path) -> None:
    result = run_cli("methodology", "-C", str(pair[0]), "--agreement", str(tmp_path / "none.json"))
    assert result.exit_code == 2 and "does not exist" in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "not valid JSON"),
        ('{"atdscore": "0", "year": 2023}', "overall: Field required"),
        ("[]", "the file:"),
        ('"\\ud800"', "the file:"),
    ],
)
def test_methodology_rejects_a_malformed_agreement_file(
    pair: tuple[Path, Path], tmp_path: Path, content: str, message: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    result = run_cli("methodology", "-C", str(pair[0]), "--agreement", str(bad))
    assert result.exit_code == 1 and message in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_methodology_rejects_an_agreement_about_another_rubric(pair: tuple[Path, Path], agreement_file: Path) -> None:
    data = json.loads(agreement_file.read_text(encoding="utf-8"))
    data["indicators"][0]["id"] = "law.other"
    agreement_file.write_text(json.dumps(data), encoding="utf-8")
    result = run_cli("methodology", "-C", str(pair[0]), "--agreement", str(agreement_file))
    assert result.exit_code == 1 and "'law.other' is not in rubric test 2.1" in result.stderr
