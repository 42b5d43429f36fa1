"""Files written by commands: atomically, and only when their content changes."""

from __future__ import annotations

import contextlib
import os
import shutil
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


def write_new(path: Path, text: str) -> bool:
    """Create `path` with `text` (UTF-8), never replacing a file; False when `path` already exists.

    The text goes to a temporary file first and is linked into place, so the file appears complete or not at all.
    """
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(text.encode("utf-8"))
        os.chmod(temp, 0o666 & ~_umask())
        try:
            os.link(temp, path)
        except FileExistsError:
            return False
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
    return True


def write_new_folder(folder: Path, files: dict[str, str]) -> bool:
    """Create `folder` holding `files` (name -> UTF-8 text) all at once; False when it exists and is not empty.

    The files are written into a hidden temporary folder beside it, which is then renamed into place: an
    interrupted run leaves no half-written edition. An existing empty folder is replaced.
    """
    temp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=folder.parent))
    try:
        os.chmod(temp, 0o777 & ~_umask())
        for name, text in files.items():
            (temp / name).write_bytes(text.encode("utf-8"))
        try:
            os.rename(temp, folder)
        except OSError:
            if folder.is_dir() and any(folder.iterdir()):
                return False
            raise
    finally:
        if temp.exists():  # not renamed into place
            shutil.rmtree(temp, ignore_errors=True)
    return True
