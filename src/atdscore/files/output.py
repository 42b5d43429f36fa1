"""Files written by commands: atomically, and only when their content changes."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def brief_filename(country: str, year: int, lang: str) -> str:
    """The file name of a brief: `MEX-2023.en.md`."""
    return f"{country}-{year}.{lang}.md"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, text: str) -> bool:
    """Write `text` (UTF-8) to `path` through a temporary file renamed into place; False when unchanged.

    An interrupted run leaves the old file or the new one, never half of one; a file that already holds
    exactly this text is not touched, so its timestamp does not change and build tools see no change.
    """
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    # The temporary file lives in the same folder: os.replace is atomic only within one file system.
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        # mkstemp makes the file private (0600); give it the mode a plain write would have.
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    return True
