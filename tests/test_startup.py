"""Start-up stays cheap: `atdscore --help` and each command's help import none of the heavy libraries.

Each runs in a fresh interpreter with `-X importtime`, which lists every module the process imports,
so a module-level import anywhere on the way (the CLI, a command module, a helper) makes it fail.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import atdscore
from atdscore.cli import app

# Needed only by some commands' work (templates, Monte Carlo, number formats), never to parse options.
HEAVY = {"jinja2", "numpy", "babel"}
SRC = str(Path(atdscore.__file__).parent.parent)


def imported(*args: str) -> set[str]:
    """Top-level names of the modules that `python -m atdscore ARGS` imports."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([SRC, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "atdscore", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("Usage: ")
    # importtime lines: "import time: self [us] | cumulative | imported package", nested by indentation.
    lines = [line.rpartition("|")[2].strip() for line in done.stderr.splitlines() if line.startswith("import time:")]
    return {name.split(".")[0] for name in lines}


def test_importtime_sees_imports() -> None:
    # The probe itself works: typer is imported to parse the options.
    assert {"typer", "atdscore"} <= imported("--help")


COMMANDS = sorted(c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands)


@pytest.mark.parametrize("args", [["--help"], *([command, "--help"] for command in COMMANDS)], ids=" ".join)
def test_help_does_not_import_heavy_libraries(args: list[str]) -> None:
    assert not imported(*args) & HEAVY
