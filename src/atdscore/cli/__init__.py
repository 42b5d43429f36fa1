"""The command line: parse options, call the core, print, choose the exit code. Nothing else.

Only typer is imported at start-up; each command imports what it needs, so `atdscore --help` stays
as fast as typer itself. Importing the command modules registers their commands on `app`.
"""

from . import analysis, briefs, commands, diffing  # noqa: F401 - registers the commands
from .app import app, main

__all__ = ["app", "main"]
