"""`atdscore brief` and `atdscore methodology` through the CLI: files, languages, templates, exit codes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import run_cli


def test_brief_to_stdout_in_both_languages(project: Path) -> None:
    en = run_cli("brief", "MEX", "-C", str(project))
    es = run_cli("brief", "mex", "-C", str(project), "--lang", "es")
    assert en.exit_code == es.exit_code == 0
    assert en.stdout.startswith("# Mexico")
    assert es.stdout.startswith("# México")


def test_brief_all_writes_one_file_per_country_and_only_when_changed(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "briefs"
    first = run_cli("brief", "--all", "-C", str(project), "-o", str(out), "--lang", "es")
    assert first.exit_code == 0
    files = sorted(p.name for p in out.iterdir())
    assert files == ["BEL-2023.es.md", "MEX-2023.es.md", "MYS-2023.es.md", "THA-2023.es.md"]
    assert "4 briefs written, 0 unchanged" in first.stderr
    stamp = (out / "MEX-2023.es.md").stat().st_mtime_ns
    os.utime(out / "MEX-2023.es.md", ns=(stamp - 10**9, stamp - 10**9))
    second = run_cli("brief", "--all", "-C", str(project), "-o", str(out), "--lang", "es")
    assert "0 briefs written, 4 unchanged" in second.stderr
    assert (out / "MEX-2023.es.md").stat().st_mtime_ns == stamp - 10**9  # not rewritten


def test_brief_with_a_team_template(project: Path, tmp_path: Path) -> None:
    templates = tmp_path / "ours"
    templates.mkdir()
    (templates / "brief.md.j2").write_text("Brief for {{ brief.name }} ({{ brief.year }})\n")
    result = run_cli("brief", "MEX", "-C", str(project), "--templates", str(templates))
    assert result.stdout == "Brief for Mexico (2023)\n"


def test_a_template_error_names_the_template_line(project: Path, tmp_path: Path) -> None:
    templates = tmp_path / "ours"
    templates.mkdir()
    (templates / "brief.md.j2").write_text("line one\n{{ brief.name }\n")
    result = run_cli("brief", "MEX", "-C", str(project), "--templates", str(templates), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert f"{templates / 'brief.md.j2'}:2" in result.stderr or "brief.md.j2:2" in result.stderr
    assert not (tmp_path / "out").exists()  # nothing written when rendering failed


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "name the countries, or give --all"),
        (["--all"], "--all writes one file per country: give -o DIR"),
        (["DEU"], "no country 'DEU' in the 2023 edition"),
        (["MEX", "--templates", "/no/such/folder"], "templates folder '/no/such/folder' does not exist"),
    ],
)
def test_brief_usage_errors(project: Path, args: list[str], message: str) -> None:
    result = run_cli("brief", *args, "-C", str(project))
    assert result.exit_code == 2
    assert message in result.stderr


def test_methodology_in_both_languages(project: Path, tmp_path: Path) -> None:
    es = run_cli("methodology", "-C", str(project), "--lang", "es")
    assert es.exit_code == 0 and "Rúbrica de prueba" in es.stdout
    out = tmp_path / "method.md"
    assert run_cli("methodology", "-C", str(project), "-o", str(out)).exit_code == 0
    assert out.read_text().startswith("# Test rubric")
    other = run_cli("methodology", "-C", str(project), "--rubric", str(project / "rubrics" / "test.yaml"))
    assert other.stdout == run_cli("methodology", "-C", str(project)).stdout


def test_a_brief_shows_the_trend_when_there_are_more_than_two_editions(project: Path) -> None:
    two = run_cli("brief", "MEX", "-C", str(project))
    assert "Trend across editions" not in two.stdout  # two editions are a change, not a trend
    older = project / "countries" / "2021"
    older.mkdir()
    text = (project / "countries" / "2022" / "MEX.yaml").read_text()
    (older / "MEX.yaml").write_text(text.replace("year: 2022", "year: 2021").replace("value: partial", "value: none"))
    three = run_cli("brief", "MEX", "-C", str(project), "--lang", "es")
    assert three.exit_code == 0
    assert "## Evolución entre ediciones" in three.stdout
    assert "| 2021 | 10\xa0% | 1 de 1 |" in three.stdout  # Spanish puts a no-break space before %
    assert "`▁▃█`" in three.stdout


def test_an_unwritable_output_folder_is_a_usage_error(project: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run_cli("brief", "MEX", "-C", str(project), "-o", str(blocker / "briefs"))
    assert result.exit_code == 2
    assert "cannot write to" in result.stderr


def test_methodology_with_a_missing_rubric_file_is_a_usage_error(project: Path) -> None:
    result = run_cli("methodology", "-C", str(project), "--rubric", str(project / "missing.yaml"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
