"""Rich tables for the terminal whose title and cells are data, printed as written and never read as markup.

A country name like 'Malaysia [/b]' comes from a project's files: as rich markup it would crash the table
or vanish from it. Styles still apply to whole rows and columns. Renderers import this module only when
they draw a table, so commands that print none never load rich's table code.
"""

from __future__ import annotations

from typing import Any

from rich.console import RenderableType
from rich.style import StyleType
from rich.table import Table
from rich.text import Text


class DataTable(Table):
    """A rich Table whose title and string cells are plain text (options as for rich.table.Table)."""

    def __init__(self, *headers: Any, title: Any = None, **options: Any) -> None:
        super().__init__(*headers, title=Text(title) if isinstance(title, str) else title, **options)

    def add_row(
        self, *renderables: RenderableType | None, style: StyleType | None = None, end_section: bool = False
    ) -> None:
        cells = [Text(cell) if isinstance(cell, str) else cell for cell in renderables]
        super().add_row(*cells, style=style, end_section=end_section)
