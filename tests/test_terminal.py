"""Text from a project's files reaches a terminal table as written: never read as rich markup."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli

NAME = "Malaysia [/bold] [i]new[/i]"


@pytest.mark.parametrize(
    "args",
    [
        ["rank"],
        ["rank", "--intervals"],
        ["history", "MYS"],
        ["gaps"],
        ["sensitivity", "--runs", "20"],
    ],
)
def test_a_country_name_with_brackets_is_printed_as_written(project: Path, args: list[str]) -> None:
    (project / "countries" / "names.yaml").write_text(f'MYS: {{en: "{NAME}"}}\n')
    result = run_cli(*args, str(project))
    assert result.exit_code == 0, result.stderr
    assert NAME in result.stdout


def test_a_diff_table_prints_names_as_written(project: Path, tmp_path: Path) -> None:
    (project / "countries" / "names.yaml").write_text(f'MYS: {{en: "{NAME}"}}\n')
    result = run_cli("diff", "2022", "2023", "-C", str(project))
    assert result.exit_code == 0, result.stderr
    assert f"{NAME} (MYS)" in result.stdout


def test_an_output_folder_with_brackets_is_named_as_written(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "briefs[/b]"
    result = run_cli("brief", "--all", "-o", str(out), "-C", str(project))
    assert result.exit_code == 0, result.stderr
    assert f"in {out}" in result.stderr
