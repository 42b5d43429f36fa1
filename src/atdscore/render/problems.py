"""Problem reports: one `path:line:col: severity[CODE]: message; hint` line each, or frictionless-style JSON."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, assert_never

from atdscore.problems import Problem, sort_problems
from atdscore.render.output import CheckFormat, Rendered, to_json
from atdscore.text.formats import count

if TYPE_CHECKING:
    from rich.text import Text


def problem_lines(problems: Sequence[Problem]) -> Text:
    """Problems in file order, one per line, the location in bold and the severity in colour."""
    from rich.text import Text

    lines = []
    for problem in sort_problems(problems):
        label = f"{problem.severity.value}[{problem.code.value}]"
        where, _, rest = problem.render().partition(f": {label}: ")
        lines.append(
            Text.assemble((where, "bold"), ": ", (label, "bold red" if problem.is_error else "yellow"), ": ", rest)
        )
    return Text("\n").join(lines)


def check_summary(problems: Sequence[Problem], files: int, editions: int, rubrics: int) -> str:
    """`54 country files in 2 editions, 1 rubric: 0 errors, 0 warnings`."""
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    return (
        f"{count(files, 'country file')} in {count(editions, 'edition')}, {count(rubrics, 'rubric')}: "
        f"{count(errors, 'error')}, {count(warnings, 'warning')}"
    )


def check_data(problems: Sequence[Problem], tool_version: str) -> dict[str, Any]:
    """The documented JSON of `check --format json` (see README, 'Problem codes')."""
    ordered = sort_problems(problems)
    errors = sum(1 for p in ordered if p.is_error)
    return {
        "atdscore": tool_version,
        "problems": [
            {
                "path": p.path,
                "line": p.line,
                "col": p.col,
                "severity": p.severity.value,
                "code": p.code.value,
                "message": p.message,
                "hint": p.hint,
            }
            for p in ordered
        ],
        "errors": errors,
        "warnings": len(ordered) - errors,
    }


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotations(problems: Sequence[Problem], summary: str) -> str:
    """One GitHub workflow command per problem (`::error file=...,line=...,col=...::message`), then the summary.

    A pull request then shows each problem on its line.
    """
    lines = []
    for p in sort_problems(problems):
        where = [f"file={_escape_property(p.path)}"]
        if p.line is not None:
            where.append(f"line={p.line}")
            if p.col is not None:
                where.append(f"col={p.col}")
        where.append(f"title={_escape_property(f'atdscore {p.code.value}')}")
        message = p.message + (f"; {p.hint}" if p.hint else "")
        lines.append(f"::{'error' if p.is_error else 'warning'} {','.join(where)}::{_escape_data(message)}")
    lines.append(f"::notice title=atdscore check::{_escape_data(summary)}")
    return "\n".join(lines) + "\n"


def render_check(problems: Sequence[Problem], summary: str, format: CheckFormat, tool_version: str) -> Rendered:
    """A problem report in one of the formats `check` offers."""
    match format:
        case CheckFormat.table:
            from rich.text import Text

            style = "red" if any(p.is_error for p in problems) else "green"
            lines = problem_lines(problems)
            report = Text("\n").join([lines, Text(summary, style=style)]) if problems else Text(summary, style=style)
            return report
        case CheckFormat.json:
            return to_json(check_data(problems, tool_version))
        case CheckFormat.github:
            return github_annotations(problems, summary)
        case _:
            assert_never(format)
