"""Edge cases found by review: each once reached the user as a traceback or a wrong result."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from conftest import run_cli


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new))


def test_weighted_mean_with_only_zero_weights_left_is_unranked(project: Path) -> None:
    rubric = project / "rubrics" / "test.yaml"
    edit(rubric, "aggregation: points", "aggregation: weighted-mean")
    edit(rubric, "  - id: limits\n    title: Limits\n", "  - id: limits\n    title: Limits\n    weight: 0\n")
    bel = project / "countries" / "2023" / "BEL.yaml"
    edit(
        bel,
        "law.ban: {value: partial, evidence: [{title: Aliens Act, date: 2023}]}",
        "law.ban: {status: not-applicable}",
    )
    edit(
        bel,
        "law.bodies: {value: [nhri], evidence: [{title: Aliens Act, date: 2023}]}",
        "law.bodies: {status: not-applicable}",
    )
    data = json.loads(run_cli("rank", str(project), "-f", "json").stdout)
    bel_row = next(c for c in data["countries"] if c["country"] == "BEL")
    assert bel_row["rank"] is None and bel_row["percent"] is None


def test_band_boundaries_compare_the_decimal_written(project: Path) -> None:
    edit(project / "rubrics" / "test.yaml", "{max: 30, points: 2}", "{max: 2.2, points: 2}")
    edit(project / "countries" / "2023" / "MEX.yaml", "limits.days: {value: 1.5,", "limits.days: {value: 2.2,")
    data = json.loads(run_cli("rank", str(project), "-f", "json").stdout)
    mex = next(c for c in data["countries"] if c["country"] == "MEX")
    assert next(c for c in mex["categories"] if c["id"] == "limits")["points"] == 5  # 2 for 2.2 days + 3 expert


def test_huge_and_impossible_values_are_reported(project: Path) -> None:
    mex = project / "countries" / "2023" / "MEX.yaml"
    edit(mex, "limits.days: {value: 1.5,", "limits.days: {value: 1" + "0" * 320 + ",")
    result = run_cli("check", str(project))
    assert result.exit_code == 1
    assert "is too large for limits.days" in result.stdout
    edit(mex, "date: 2023-05", 'date: "2023-02-30"')
    assert "2023-02-30 is not a date in the calendar" in run_cli("check", str(project)).stdout
    edit(
        project / "rubrics" / "test.yaml",
        "{id: none, label: No ban, points: 0}",
        "{id: none, label: No ban, points: '1e-50'}",
    )
    assert "has too many digits" in run_cli("check", str(project)).stdout


def test_fail_on_drop_inf_never_fails_and_negative_seed_is_a_usage_error(project: Path) -> None:
    assert run_cli("diff", "2022", "2023", "-C", str(project), "--fail-on-drop", "inf").exit_code == 0
    assert run_cli("sensitivity", str(project), "--seed", "-1").exit_code == 2


def test_empty_and_non_ascii_year_folders_are_not_editions(project: Path) -> None:
    (project / "countries" / "2024").mkdir()
    (project / "countries" / "٢٠٢٥").mkdir()
    (project / "countries" / "٢٠٢٥" / "BEL.yaml").write_text("country: BEL\n")
    data = json.loads(run_cli("rank", str(project), "-f", "json").stdout)
    assert data["year"] == 2023


def test_diff_of_a_project_in_a_subfolder_of_its_repository(project: Path, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    data = repo / "data"
    project.rename(data)
    for args in (
        ["init", "-q"],
        ["add", "."],
        ["-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-qm", "x"],
    ):
        subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)
    edit(data / "countries" / "2023" / "BEL.yaml", "limits.days: {value: 60,", "limits.days: {value: 10,")
    result = run_cli("diff", "--base", "HEAD", "-C", str(data), "-f", "json")
    assert result.exit_code == 0, result.stderr
    (comparison,) = json.loads(result.stdout)["comparisons"]
    assert [c["country"] for c in comparison["countries"]] == ["BEL", "MYS"]  # MYS only moves in rank


def test_a_symlink_out_of_the_repository_is_an_error_not_a_traceback(project: Path) -> None:
    bel = project / "countries" / "2023" / "BEL.yaml"
    bel.unlink()
    bel.symlink_to("/etc/hostname")
    for args in (
        ["init", "-q"],
        ["add", "."],
        ["-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-qm", "x"],
    ):
        subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True)
    result = run_cli("diff", "--base", "HEAD", "-C", str(project))
    assert result.exit_code == 2
    assert "cannot read the data at revision 'HEAD'" in result.stderr
