"""The command line: formats (golden files), exit codes, options, and agreement with the library."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from atdscore import __version__
from atdscore.cli import app
from atdscore.validation.schema import json_schema
from conftest import run_cli

REPO = Path(__file__).parent.parent


@pytest.fixture(autouse=True)
def fixed_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "140")
    monkeypatch.delenv("FORCE_COLOR", raising=False)


@pytest.mark.parametrize(("fmt", "suffix"), [("table", "txt"), ("md", "md"), ("csv", "csv"), ("json", "json")])
def test_rank_formats_match_golden_files(
    fmt: str, suffix: str, project: Path, golden: Callable[[str, str], None]
) -> None:
    result = run_cli("rank", str(project), "--year", "2023", "--format", fmt)
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout  # no colour codes when the output is not a terminal
    golden(f"rank.{suffix}", result.stdout)


def test_rank_defaults_to_latest_year(project: Path) -> None:
    data = json.loads(run_cli("rank", str(project), "-f", "json").stdout)
    assert data["year"] == 2023
    assert data["data"] == {"commit": None, "dirty": None}  # outside git


def test_rank_json_contract(project: Path) -> None:
    data = json.loads(run_cli("rank", str(project), "-f", "json").stdout)
    assert list(data) == ["atdscore", "status", "rubric", "data", "year", "countries"]
    assert data["status"] == "published"
    assert data["atdscore"] == __version__
    assert set(data["rubric"]) == {"id", "version", "sha256"}
    from atdscore.validation.edition import scoring_sha256
    from atdscore.validation.project import RubricSet

    rubric, _ = RubricSet(project / "rubrics").get("test")
    assert rubric is not None and data["rubric"]["sha256"] == scoring_sha256(rubric)
    first = data["countries"][0]
    assert {"country", "name", "rank", "points", "max", "percent", "coverage", "categories"} <= set(first)
    assert [c["rank"] for c in data["countries"]] == [1, 2, 2, 4]
    assert {"id", "points", "max", "percent"} <= set(first["categories"][0])


def test_rank_json_is_byte_identical_across_runs(project: Path) -> None:
    assert run_cli("rank", str(project), "-f", "json").stdout == run_cli("rank", str(project), "-f", "json").stdout


def test_rank_json_equals_library_result(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from atdscore.core.rank import rank_countries
    from atdscore.core.score import score_country
    from atdscore.render.rank import RankReport, rank_data
    from atdscore.text.names import country_names
    from atdscore.validation.project import RubricSet, discover_editions, load_edition

    editions = discover_editions(project / "countries")
    edition = load_edition(editions[2023], RubricSet(project / "rubrics"))
    assert edition.rubric is not None and edition.rubric_sha256 is not None
    report = RankReport(
        __version__,
        edition.rubric,
        edition.rubric_sha256,
        None,
        2023,
        rank_countries(score_country(edition.rubric, c) for c in edition.countries),
        country_names(),
    )
    assert json.loads(run_cli("rank", str(project), "-f", "json").stdout) == rank_data(report)


def test_rank_output_file(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "ranking.csv"
    result = run_cli("rank", str(project), "-f", "csv", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text().startswith("rank,country,name,points,max,percent,band,coverage,")


def test_rank_with_rubric_override(project: Path) -> None:
    result = run_cli("rank", str(project), "--rubric", str(project / "rubrics/test.yaml"), "-f", "csv")
    assert result.exit_code == 0


def test_rank_with_another_rubric_file_scores_every_country_with_it(project: Path, tmp_path: Path) -> None:
    other = tmp_path / "variant.yaml"  # another id, and a file name that is not its id
    text = (project / "rubrics/test.yaml").read_text().replace("id: test", "id: other")
    other.write_text(text.replace("{id: full, label: Full ban, points: 4}", "{id: full, label: Full ban, points: 8}"))
    result = run_cli("rank", str(project), "--rubric", str(other), "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["rubric"]["id"] == "other"
    assert data["countries"][0]["points"] == 26  # MEX: law (8 + 2.5) x 2 + 6 - 2 + 1


def test_check_strict_fails_on_missing_answers(project: Path) -> None:
    relaxed = run_cli("check", str(project))
    strict = run_cli("check", str(project), "--strict")
    assert relaxed.exit_code == 0
    assert strict.exit_code == 1
    assert "MYS.yaml:4:1: error[W408]: no answer for 2 indicators: limits.expert, extra.pledge" in strict.stdout


def test_check_strict_fails_on_answers_without_evidence(project: Path) -> None:
    path = project / "countries/2023/BEL.yaml"
    path.write_text(
        path.read_text().replace(
            "law.ban: {value: partial, evidence: [{title: Aliens Act, date: 2023}]}", "law.ban: {value: partial}"
        )
    )
    assert run_cli("check", str(project)).exit_code == 0
    result = run_cli("check", str(project), "--strict")
    assert result.exit_code == 1
    assert "BEL.yaml:5:3: error[W409]: answer to law.ban cites no evidence" in result.stdout


def test_check_summary_and_exit_code(project: Path) -> None:
    result = run_cli("check", str(project))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "5 country files in 2 editions, 1 rubric: 0 errors, 8 warnings"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["rank", "no-such-folder"], "error: 'no-such-folder' is not a folder"),
        (["rank", "{project}", "--year", "1999"], "error: no 1999 edition"),
        (["check", "{project}", "--year", "1999"], "error: no 1999 edition"),
        (["rank", "{project}", "--rubric", "missing.yaml"], "error: rubric file 'missing.yaml' does not exist"),
        (["rank", "{project}/rubrics"], "error: no countries/ folder in"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str, project: Path) -> None:
    result = run_cli(*(a.replace("{project}", str(project)) for a in args))
    assert result.exit_code == 2
    assert message in result.stderr


def test_unknown_format_is_a_usage_error(project: Path) -> None:
    assert run_cli("rank", str(project), "--format", "xml").exit_code == 2


def test_version() -> None:
    assert run_cli("--version").stdout == f"atdscore {__version__}\n"


COMMANDS = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]


def test_the_help_tests_cover_every_command() -> None:
    assert {"check", "rank", "schema", "brief", "methodology", "diff", "sensitivity", "history"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_examples(command: str) -> None:
    result = run_cli(command, "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Usage: atdscore {command} [OPTIONS]")
    # The examples are the lines from "Examples:" to the next blank line after them.
    after = result.stdout.split("Examples:\n\n", 1)[1]
    examples = [line.strip() for line in after.split("\n\n", 1)[0].splitlines()]
    assert examples and all(line.startswith(f"atdscore {command}") for line in examples), examples


def test_every_command_is_documented_in_readme() -> None:
    readme = (REPO / "README.md").read_text()
    for command in app.registered_commands:
        name = command.name or (command.callback.__name__ if command.callback else "")
        assert f"atdscore {name}" in readme


@pytest.mark.parametrize("kind", ["rubric", "country"])
def test_schema_command_prints_the_shipped_schema(kind: str) -> None:
    result = run_cli("schema", kind)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data == json_schema(kind)
    shipped = REPO / "schemas" / f"{kind}.schema.json"
    assert json.loads(shipped.read_text()) == data, f"{shipped} is out of date: atdscore schema {kind} > {shipped}"


def test_rank_in_spanish(project: Path) -> None:
    table = run_cli("rank", str(project), "--lang", "es").stdout
    assert "Rúbrica de prueba — 2023 (rúbrica test 2.1, 4 países, 4 con posición)" in table
    assert "Posición" in table and "México" in table and "Alto" in table and "90,0" in table
    data = json.loads(run_cli("rank", str(project), "--lang", "es", "-f", "json").stdout)
    assert data["countries"][0]["name"] == "México" and data["countries"][0]["percent"] == 90  # numbers stay numbers


def test_an_option_value_not_offered_is_named_plainly(project: Path) -> None:
    result = run_cli("rank", str(project), "--lang", "fr")
    assert result.exit_code == 2
    assert "Invalid value for '--lang' / '-l': 'fr' is not one of 'en', 'es'." in result.stderr
    assert "Value error" not in result.stderr


def test_a_ranking_of_one_country_says_country(project: Path) -> None:
    for code in ("BEL", "MYS", "THA"):
        (project / "countries" / "2023" / f"{code}.yaml").unlink()
    result = run_cli("rank", str(project), "-f", "md")
    assert result.exit_code == 0, result.stderr
    assert "(rubric test 2.1, 1 country, 1 ranked)" in result.stdout


def test_an_edition_with_no_ranked_country_says_so(project: Path) -> None:
    rubric = project / "rubrics" / "test.yaml"
    rubric.write_text(rubric.read_text() + "min_coverage: 1\n")
    for code in ("MEX", "THA"):  # the two with every answer known lose one
        path = project / "countries" / "2023" / f"{code}.yaml"
        lines = [
            "  law.ban: {status: unknown}" if line.startswith("  law.ban:") else line
            for line in path.read_text().splitlines()
        ]
        path.write_text("\n".join(lines) + "\n")
    md = run_cli("rank", str(project), "-f", "md")
    assert md.exit_code == 0, md.stderr
    assert "No country is ranked in this edition.\n\n**Not ranked: fewer than 100% of their" in md.stdout
    table = run_cli("rank", str(project))
    assert (
        "No country is ranked in this edition." in table.stdout and "Rank " not in table.stdout.split("Not ranked")[0]
    )


def test_without_a_minimum_coverage_unranked_means_nothing_applies(project: Path) -> None:
    mys = project / "countries" / "2023" / "MYS.yaml"
    keys = ["law.ban", "law.bodies", "limits.days", "limits.expert", "practice.detained", "practice.prisons"]
    head = mys.read_text().split("answers:")[0]
    mys.write_text(head + "answers:\n" + "".join(f"  {k}: {{status: not-applicable}}\n" for k in keys))
    result = run_cli("rank", str(project), "-f", "md")
    assert result.exit_code == 0, result.stderr
    assert "**Not ranked: nothing in the rubric applies to these countries, so they have no score to rank.**" in (
        result.stdout
    )
    assert "fewer than 0%" not in result.stdout
