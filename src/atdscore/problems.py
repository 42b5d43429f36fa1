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


class Code(StrEnum):
    """Stable problem codes, one per kind of problem; a code is never reused for another meaning.

    The letter is the default severity (E error, W warning; `--strict` turns some warnings into errors and
    keeps their code). The README lists every code; a test keeps that table and this enum the same.
    """

    # Reading a file
    UNREADABLE = "E100"
    SYNTAX = "E101"
    NOT_UTF8 = "E102"
    TOO_LARGE = "E103"
    EMPTY = "E104"
    ALIAS = "E105"
    TAG = "E106"
    MERGE_KEY = "E107"
    DUPLICATE_KEY = "E108"
    COMPLEX_KEY = "E109"
    BAD_SCALAR = "E110"
    # The shape of a file
    MISSING_FIELD = "E201"
    UNKNOWN_FIELD = "E202"
    WRONG_KIND = "E203"
    NOT_ALLOWED = "E204"
    EMPTY_VALUE = "E205"
    TOO_MANY_DIGITS = "E206"
    INVALID_VALUE = "E207"
    # Rubric rules
    RUBRIC_FILE_NAME = "E301"
    DUPLICATE_ID = "E302"
    NEGATIVE_WEIGHT = "E303"
    BANDS_ORDER = "E304"
    NO_STANDARD_CATEGORY = "E305"
    UNKNOWN_STANDARD = "E306"
    FLOOR_OR_CAP = "E307"
    POINTS_SIGN = "E308"
    MIN_MAX = "E309"
    MISSING_TRANSLATION = "W310"
    # Country files and editions
    NOT_A_COUNTRY = "E401"
    COUNTRY_FILE_NAME = "E402"
    YEAR_FOLDER = "E403"
    UNKNOWN_RUBRIC = "E404"
    UNKNOWN_SOURCE = "E405"
    UNUSED_SOURCE = "W406"
    UNKNOWN_INDICATOR = "E407"
    MISSING_ANSWER = "W408"
    NO_EVIDENCE = "W409"
    STALE_EVIDENCE = "W410"
    WRONG_ANSWER_KIND = "E411"
    UNKNOWN_OPTION = "E412"
    DUPLICATE_ITEM = "E413"
    OUT_OF_RANGE = "E414"
    READ_AS_BOOLEAN = "E415"
    SECOND_FILE = "E416"
    MIXED_RUBRICS = "E417"
    PINNED_RUBRIC_MISSING = "E418"
    PIN_CHANGED = "E419"
    UNEXPECTED_FILE = "W430"
    DUPLICATE_RUBRIC = "E431"
    NO_COUNTRY_FILES = "E432"
    SUSPICIOUS_URL = "W433"
    UNTRANSLATED_NOTES = "W420"
    CARRIED_ANSWER = "W421"
    CARRIED_IN_PUBLISHED = "E422"
    SELF_REVIEW = "E423"
    NO_REVIEWER = "W424"
    PENDING_RESPONSE = "W425"
    # Templates
    TEMPLATE = "E601"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, pointing at a 1-based line and column when known."""

    path: str
    line: int | None
    col: int | None
    severity: Severity
    code: Code
    message: str
    hint: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def render(self) -> str:
        """`path:line:col: severity[CODE]: message; hint`, the form editors and CI annotations understand."""
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        text = f"{where}: {self.severity.value}[{self.code.value}]: {self.message}"
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
