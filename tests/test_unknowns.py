"""Unknown is not zero (issue 14): ranges, min_coverage and unranked countries, and `atdscore gaps`.

One small project, worked out by hand. Rubric: standard category `law` (a, b: yes 4, no 0; max 8) and
penalty category `pen` (p, q: ok 0, bad -2; floor -3); points aggregation; min_coverage 0.5.

  code  a        b        p    q        headline           low (unknowns lowest)           high          coverage
  MEX   yes      yes      ok   unknown  8/8 = 100          8-2 = 6 -> 75                   100           2/2 ranked
  COL   yes      no       ok   ok       4/8 = 50           50                              50            2/2 ranked
  BRA   yes      unknown  bad  unknown  4-2 = 2 -> 25      4-4 floored to -3: 1 -> 12.5    8-2 -> 75     1/2 ranked (boundary)
  ARG   no       no       ok   ok       0                  0                               0             2/2 ranked
  CHL   no       missing  bad  bad      0-4 floored -3,    0                               4-3 -> 12.5   1/2 ranked
                                        clipped to 0
  PER   unknown  unknown  ok   ok       0                  0                               100           0/2 NOT ranked

Ranks: MEX 1, COL 2, BRA 3, ARG 4, CHL 4 (tie, by code); PER after them without a rank.
Gaps (rank among the ranked plus the country; best = that answer at its highest, worst = at its lowest):
  PER law.a: high 4/8 = 50 ties COL -> 2; low 0 ties ARG, CHL -> 4; swing 2.  PER law.b: the same.
  BRA law.b: high 6/8 = 75 -> 2; low 25 -> 3; swing 1.
  BRA pen.q: high 25 -> 3; low 4-4 floored to -3 = 12.5 -> 3; swing 0.
  CHL law.b: high 12.5 -> 4; low 0 -> 4 (tied); swing 0.   MEX pen.q: high 100 -> 1; low 75 -> 1; swing 0.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from atdscore.core.rank import rank_countries
from atdscore.core.score import score_country
from atdscore.validation.country_file import CountryFile
from atdscore.validation.edition import scoring_sha256
from atdscore.validation.model import Rubric
from conftest import run_cli, write_tree

RUBRIC = """\
id: r
title: R
version: "1"
min_coverage: 0.5
categories:
  - id: law
    title: Law
    indicators:
      - {id: a, type: choice, question: A?, options: [{id: "yes", label: "Yes", points: 4}, {id: "no", label: "No", points: 0}]}
      - {id: b, type: choice, question: B?, options: [{id: "yes", label: "Yes", points: 4}, {id: "no", label: "No", points: 0}]}
  - id: pen
    title: Penalty
    kind: penalty
    floor: -3
    indicators:
      - {id: p, type: choice, question: P?, options: [{id: ok, label: OK, points: 0}, {id: bad, label: Bad, points: -2}]}
      - {id: q, type: choice, question: Q?, options: [{id: ok, label: OK, points: 0}, {id: bad, label: Bad, points: -2}]}
"""

ANSWERS: dict[str, dict[str, str | None]] = {
    "MEX": {"law.a": "yes", "law.b": "yes", "pen.p": "ok", "pen.q": None},
    "COL": {"law.a": "yes", "law.b": "no", "pen.p": "ok", "pen.q": "ok"},
    "BRA": {"law.a": "yes", "law.b": None, "pen.p": "bad", "pen.q": None},
    "ARG": {"law.a": "no", "law.b": "no", "pen.p": "ok", "pen.q": "ok"},
    "CHL": {"law.a": "no", "pen.p": "bad", "pen.q": "bad"},  # law.b missing
    "PER": {"law.a": None, "law.b": None, "pen.p": "ok", "pen.q": "ok"},
}


def _country_yaml(code: str, answers: dict[str, str | None]) -> str:
    lines = [f"country: {code}", "year: 2023", "rubric: r", "answers:"]
    for key, value in answers.items():
        if value is None:
            lines.append(f"  {key}: {{status: unknown}}")
        else:
            lines.append(f'  {key}: {{value: "{value}", evidence: [{{title: Law, date: 2023}}]}}')
    return "\n".join(lines) + "\n"


@pytest.fixture
def hand(tmp_path: Path) -> Path:
    files: dict[str, str | bytes] = {"rubrics/r.yaml": RUBRIC}
    files |= {f"countries/2023/{code}.yaml": _country_yaml(code, a) for code, a in ANSWERS.items()}
    return write_tree(tmp_path / "hand", files)


def _rank_json(hand: Path) -> dict[str, dict[str, object]]:
    result = run_cli("rank", str(hand), "-f", "json")
    assert result.exit_code == 0, result.stderr
    return {c["country"]: c for c in json.loads(result.stdout)["countries"]}


def test_ranges_coverage_and_ranks_in_json(hand: Path) -> None:
    data = _rank_json(hand)
    assert list(data) == ["MEX", "COL", "BRA", "ARG", "CHL", "PER"]
    expected = {
        "MEX": (1, True, 100, [75, 100], 1),
        "COL": (2, True, 50, [50, 50], 1),
        "BRA": (3, True, 25, [12.5, 75], 0.5),  # the penalty floor holds the low end at 4 - 3
        "ARG": (4, True, 0, [0, 0], 1),
        "CHL": (4, True, 0, [0, 12.5], 0.5),  # headline clipped at 0; the missing answer lifts the high end
        "PER": (None, False, 0, [0, 100], 0),  # penalty answers do not count towards coverage
    }
    for code, (rank, ranked, percent, range_, coverage) in expected.items():
        c = data[code]
        assert (c["rank"], c["ranked"], c["percent"], c["range"], c["coverage"]) == (
            rank,
            ranked,
            percent,
            range_,
            coverage,
        ), code


def test_ranked_at_the_boundary_and_not_below(hand: Path) -> None:
    (hand / "rubrics" / "r.yaml").write_text(RUBRIC.replace("min_coverage: 0.5", "min_coverage: 0.5001"))
    data = _rank_json(hand)
    assert [c for c, d in data.items() if d["ranked"]] == ["MEX", "COL", "ARG"]
    # Unranked countries follow the ranked ones by percent, then code, and take no rank.
    assert list(data) == ["MEX", "COL", "ARG", "BRA", "CHL", "PER"]
    assert [data[c]["rank"] for c in data] == [1, 2, 3, None, None, None]


def test_min_coverage_zero_or_absent_keeps_the_scoring_content() -> None:
    base = {
        "id": "r",
        "title": "R",
        "version": "1",
        "categories": [
            {
                "id": "c",
                "title": "C",
                "indicators": [{"id": "s", "type": "score", "question": "Q?", "min": 0, "max": 1}],
            }
        ],
    }
    absent, zero = Rubric.model_validate(base), Rubric.model_validate(base | {"min_coverage": 0})
    half = Rubric.model_validate(base | {"min_coverage": 0.5})
    assert scoring_sha256(absent) == scoring_sha256(zero) != scoring_sha256(half)
    with pytest.raises(ValueError, match="less than or equal to 1"):
        Rubric.model_validate(base | {"min_coverage": 1.5})


def test_nothing_applicable_has_no_range_and_no_rank() -> None:
    rubric = Rubric.model_validate(
        {
            "id": "r",
            "title": "R",
            "version": "1",
            "categories": [
                {
                    "id": "c",
                    "title": "C",
                    "indicators": [{"id": "s", "type": "score", "question": "Q?", "min": 0, "max": 2}],
                }
            ],
        }
    )
    country = CountryFile.model_validate(
        {"country": "MEX", "year": 2023, "rubric": "r", "answers": {"c.s": {"status": "not-applicable"}}}
    )
    result = score_country(rubric, country)
    assert result.range is None and result.percent is None
    assert rank_countries([result])[0].rank is None


def test_rank_csv_appends_ranked_and_range_as_last_columns(hand: Path) -> None:
    result = run_cli("rank", str(hand), "-f", "csv")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0][-3:] == ["ranked", "range_low", "range_high"]
    by_code = {r[1]: r for r in rows[1:]}
    assert by_code["BRA"][0] == "3" and by_code["BRA"][-3:] == ["true", "12.5", "75"]
    assert by_code["PER"][0] == "" and by_code["PER"][-3:] == ["false", "0", "100"]


def test_rank_markdown_and_table_show_ranges_and_unranked_under_a_heading(hand: Path) -> None:
    md = run_cli("rank", str(hand), "-f", "md").stdout
    ranked, unranked = md.split("**Not ranked: fewer than 50% of their applicable standard indicators")
    assert "| 3 | Brazil | BRA | 25.0 | 12.5–75.0 |" in ranked
    assert "| 4 | Chile | CHL | 0.0 | 0.0–12.5 |" in ranked and "PER" not in ranked
    assert "| – | Peru | PER | 0.0 | 0.0–100.0 |" in unranked
    assert "(rubric r 1, 6 countries, 5 ranked)" in md
    table = run_cli("rank", str(hand)).stdout
    assert "75.0–100.0" in table and table.index("Not ranked") < table.index("Peru")
    assert table.index("Chile") < table.index("Not ranked")


GAPS = [
    {"country": "PER", "indicator": "law.a", "rank": None, "best_rank": 2, "worst_rank": 4, "swing": 2},
    {"country": "PER", "indicator": "law.b", "rank": None, "best_rank": 2, "worst_rank": 4, "swing": 2},
    {"country": "BRA", "indicator": "law.b", "rank": 3, "best_rank": 2, "worst_rank": 3, "swing": 1},
    {"country": "BRA", "indicator": "pen.q", "rank": 3, "best_rank": 3, "worst_rank": 3, "swing": 0},
    {"country": "CHL", "indicator": "law.b", "rank": 4, "best_rank": 4, "worst_rank": 4, "swing": 0},
    {"country": "MEX", "indicator": "pen.q", "rank": 1, "best_rank": 1, "worst_rank": 1, "swing": 0},
]


def test_gaps_json_by_hand(hand: Path) -> None:
    result = run_cli("gaps", str(hand), "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"atdscore", "year", "gaps", "coverage"} and data["year"] == 2023
    assert data["gaps"] == GAPS
    assert data["coverage"] == [{"country": "PER", "answered": 0, "applicable": 2, "needed": 1}]


def test_gaps_top_and_country_filters(hand: Path) -> None:
    top = json.loads(run_cli("gaps", str(hand), "-f", "json", "--top", "3").stdout)
    assert top["gaps"] == GAPS[:3]
    only = json.loads(run_cli("gaps", str(hand), "-f", "json", "-c", "bra", "--country", "MEX").stdout)
    assert [(g["country"], g["indicator"]) for g in only["gaps"]] == [
        ("BRA", "law.b"),
        ("BRA", "pen.q"),
        ("MEX", "pen.q"),
    ]
    assert only["coverage"] == []
    wrong = run_cli("gaps", str(hand), "-c", "FRA")
    assert wrong.exit_code == 2 and "FRA" in wrong.stderr


def test_gaps_markdown_is_a_task_list(hand: Path) -> None:
    md = run_cli("gaps", str(hand), "-f", "md").stdout
    tasks = [line for line in md.splitlines() if line.startswith("- [ ] ")]
    assert tasks == [
        "- [ ] PER law.a: swing 2 (ranks 2-4)",
        "- [ ] PER law.b: swing 2 (ranks 2-4)",
        "- [ ] BRA law.b: swing 1 (ranks 2-3)",
        "- [ ] BRA pen.q: swing 0 (ranks 3-3)",
        "- [ ] CHL law.b: swing 0 (ranks 4-4)",
        "- [ ] MEX pen.q: swing 0 (ranks 1-1)",
        "- [ ] PER (Peru): 1 more standard answer needed (0 of 2 answered)",
    ]


def test_gaps_csv_and_table(hand: Path) -> None:
    rows = list(csv.reader(io.StringIO(run_cli("gaps", str(hand), "-f", "csv").stdout)))
    assert rows[0] == ["country", "indicator", "rank", "best_rank", "worst_rank", "swing"]
    assert rows[1] == ["PER", "law.a", "", "2", "4", "2"] and rows[3] == ["BRA", "law.b", "3", "2", "3", "1"]
    table = run_cli("gaps", str(hand)).stdout
    assert "not ranked" in table and "Needed" in table
    first = next(line for line in table.splitlines() if "PER" in line)
    assert first.split()[-4:] == ["ranked", "2", "4", "2"]
