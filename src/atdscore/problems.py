"""Problems found in input files: values that loaders and validators return and the CLI renders."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How bad a problem is: errors make the data invalid, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, pointing at a 1-based line and column when known."""

    path: str
    line: int | None
    col: int | None
    severity: Severity
    message: str
    hint: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def render(self) -> str:
        """`path:line:col: severity: message; hint`, the form editors and CI annotations understand."""
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        text = f"{where}: {self.severity.value}: {self.message}"
        if self.hint:
            text += f"; {self.hint}"
        return text

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line or 0, self.col or 0, self.message)


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in file order, so the same input always prints the same report."""
    return sorted(problems, key=Problem.sort_key)


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.is_error for p in problems)


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """A hint naming the closest valid choice, or None when nothing is close."""
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{match[0]}'?" if match else None


def one_of(choices: Iterable[str], limit: int = 8) -> str:
    """A hint listing the valid choices, shortened when there are many."""
    names = list(choices)
    shown = ", ".join(f"'{c}'" for c in names[:limit])
    more = f" and {len(names) - limit} more" if len(names) > limit else ""
    return f"expected one of {shown}{more}"
