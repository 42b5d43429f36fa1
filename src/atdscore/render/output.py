"""The output formats commands offer, what a renderer returns, and JSON text.

Each command maps every format it offers to one renderer in a `match` ending in `assert_never`, so
adding a format to an enum without rendering it fails the type check.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    from rich.console import RenderableType

    # Text for stdout or a file, or a rich renderable for the terminal (plain text when written to a file).
    Rendered: TypeAlias = str | RenderableType
else:
    Rendered = Any


class Format(StrEnum):
    """Formats of a report: a terminal table, GitHub Markdown, CSV and JSON."""

    table = "table"
    md = "md"
    csv = "csv"
    json = "json"


class CheckFormat(StrEnum):
    """Formats of a problem report: one line per problem, JSON for editors, GitHub annotation commands."""

    table = "table"
    json = "json"
    github = "github"


def to_json(data: Any) -> str:
    """Stable JSON text: two-space indent, keys in the order built, UTF-8 kept, final newline."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
