"""The command line: parse options, call the core, print, choose the exit code. Nothing else.

Only typer is imported at start-up, and each command imports what it needs. The console script
registers only the module of the command it runs (typer builds every registered command's options
on each start), so `atdscore --help` and `atdscore rank` stay close to the cost of typer itself.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from typing import Any

# Command -> the module that registers it on the app.
COMMAND_MODULES = {
    "check": "commands",
    "rank": "commands",
    "schema": "commands",
    "brief": "briefs",
    "methodology": "briefs",
    "diff": "diffing",
    "publish": "editions",
    "new": "authoring",
    "new-edition": "authoring",
    "sensitivity": "analysis",
    "history": "analysis",
    "site": "site",
}


def _register(modules: set[str]) -> None:
    # In the order of COMMAND_MODULES, which is the order --help lists the commands in.
    for module in dict.fromkeys(COMMAND_MODULES.values()):
        if module in modules:
            importlib.import_module(f"{__name__}.{module}")


def __getattr__(name: str) -> Any:
    # `from atdscore.cli import app` (tests, other tools) gets the app with every command registered.
    if name == "app":
        from atdscore.cli.base import app

        _register(set(COMMAND_MODULES.values()))
        return app
    raise AttributeError(name)


def main() -> None:
    """Entry point of the `atdscore` console script."""
    from atdscore.cli.base import app

    # pydantic looks for plugins by scanning every installed package's metadata when the first model
    # is built; atdscore uses none, and skipping the scan saves a noticeable part of start-up.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # Loading builds hundreds of thousands of small acyclic objects (YAML nodes, dicts, models); the
    # cyclic garbage collector would scan them again and again for nothing. Run it rarely.
    gc.set_threshold(200_000, 20, 20)
    command = next((arg for arg in sys.argv[1:] if not arg.startswith("-")), None)
    module = COMMAND_MODULES.get(command or "")
    # --help, --version and mistyped commands need them all (to list them, or to say "No such command").
    _register({module} if module else set(COMMAND_MODULES.values()))
    app()
