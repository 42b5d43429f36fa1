"""The command line: parse options, call the core, print, choose the exit code. Nothing else.

Only typer is imported at start-up, and each command imports what it needs, so `atdscore --help`
stays close to the cost of typer itself (tests/test_startup.py, bench/run.py).
"""

from __future__ import annotations

import gc
import os

# Each module registers its commands on the app; --help lists them in this order.
from atdscore.cli import commands, briefs, diffing, agree, editions, authoring, analysis, site  # noqa: F401  # isort: skip
from atdscore.cli.base import app

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the `atdscore` console script."""
    # pydantic looks for plugins by scanning every installed package's metadata when the first model
    # is built; atdscore uses none, and skipping the scan saves a noticeable part of start-up.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # Loading builds hundreds of thousands of small acyclic objects (YAML nodes, dicts, models); the
    # cyclic garbage collector would scan them again and again for nothing. Run it rarely.
    gc.set_threshold(200_000, 20, 20)
    app()
