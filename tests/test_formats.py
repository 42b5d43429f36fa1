"""Every command x every format it offers: each renders, to stdout and to -o FILE, in the form it promises."""

from __future__ import annotations

import csv
import io
import json
import typing
from enum import Enum
from pathlib import Path

import pytest

from atdscore.cli import app
from conftest import run_cli

# The arguments each command needs on the fixture project, besides its format.
ARGS = {
    "rank": lambda p: [str(p)],
    "sensitivity": lambda p: [str(p), "--runs", "50"],
    "history": lambda p: ["MEX", str(p)],
    "gaps": lambda p: [str(p)],
    "diff": lambda p: ["2022", "2023", "-C", str(p)],
    "check": lambda p: [str(p)],
    "agree": lambda p: [str(p), str(p)],
}


def _offered() -> list[tuple[str, str]]:
    """(command, format) for every command with a --format option, from the enum its signature declares."""
    pairs = []
    for info in app.registered_commands:
        assert info.callback is not None
        hints = typing.get_type_hints(info.callback, include_extras=True)
        if "format" in hints:
            enum = typing.get_args(hints["format"])[0]
            assert issubclass(enum, Enum)
            pairs += [(info.name or info.callback.__name__, str(member.value)) for member in enum]
    return sorted(pairs)


OFFERED = _offered()


def test_every_command_with_formats_is_exercised() -> None:
    assert {name for name, _ in OFFERED} == set(ARGS)


def _check_form(fmt: str, text: str) -> None:
    assert text.endswith("\n")
    if fmt == "json":
        assert isinstance(json.loads(text), dict)
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert len(rows) >= 2 and len({len(r) for r in rows}) == 1, "a header and rows of equal width"
    elif fmt == "md":
        assert "|" in text or text.startswith("#") or "No changes" in text
    else:
        assert "\x1b[" not in text, "no colour outside a terminal"


@pytest.mark.parametrize(("command", "fmt"), OFFERED)
def test_command_renders_each_format_it_offers(project: Path, tmp_path: Path, command: str, fmt: str) -> None:
    args = [command, *ARGS[command](project), "--format", fmt]
    result = run_cli(*args)
    assert result.exit_code == 0, result.stderr
    _check_form(fmt, result.stdout)
    out = tmp_path / f"out.{fmt}"
    to_file = run_cli(*args, "-o", str(out)) if command != "check" else None
    if to_file is not None:
        assert to_file.exit_code == 0 and to_file.stdout == ""
        _check_form(fmt, out.read_text(encoding="utf-8"))


def test_check_json_lists_problems_with_codes(project: Path) -> None:
    (project / "countries" / "2023" / "MEX.yaml").write_text(
        (project / "countries" / "2023" / "MEX.yaml").read_text().replace("value: full", "value: ful", 1)
    )
    result = run_cli("check", str(project), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert set(data) == {"atdscore", "problems", "errors", "warnings"}
    [error] = [p for p in data["problems"] if p["severity"] == "error"]
    assert error["code"] == "E412" and error["message"].startswith("unknown option 'ful'")
    assert error["hint"] == "did you mean 'full'?"
    assert isinstance(error["line"], int) and isinstance(error["col"], int)
    assert data["errors"] == 1 and data["warnings"] == len(data["problems"]) - 1


def test_every_problem_code_is_in_the_readme_table_and_only_those() -> None:
    import re

    from atdscore.problems import Code

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    table = set(re.findall(r"^\| ([EW]\d{3}) \|", readme, re.M))
    assert table == {c.value for c in Code}
    assert len({c.value for c in Code}) == len(Code), "a code is used twice"
