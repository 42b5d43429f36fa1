"""A folder of generated files written as a whole: built beside its target, then swapped into place.

`atdscore site -o DIR` writes hundreds of files. A reader (or a web server publishing DIR) must never
see half an old site and half a new one, and a failed build must leave the old site as it was. So
the new tree is written into a temporary folder next to DIR (the same file system), then the old DIR
is renamed away and the new one renamed in. Each rename is atomic; between the two, for the time of
one system call, DIR does not exist. A folder that is not empty and was not written by us is never
replaced: `-o .` by mistake must not delete a project.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

# Written into every tree; a folder that has it may be replaced by the next build.
MARKER = ".atdscore-site"
MARKER_TEXT = "This folder was written by `atdscore site`; the next build replaces all of it.\n"


class NotOurs(Exception):
    """The output folder holds files that `atdscore site` did not write."""


def _check_relative(name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts or name != path.as_posix():
        raise ValueError(f"not a plain relative path: {name!r}")
    return path


def replaceable(target: Path) -> bool:
    """Whether `target` may be replaced: it does not exist, is an empty folder, or holds our marker."""
    if not target.exists():
        return True
    if not target.is_dir() or target.is_symlink():
        return False
    return (target / MARKER).is_file() or not any(target.iterdir())


def write_tree(target: Path, files: Mapping[str, bytes]) -> None:
    """Replace the folder `target` with exactly `files` ({relative POSIX path: bytes}) and the marker.

    Raises NotOurs when `target` exists and is neither empty nor a folder this function wrote, and
    OSError when the file system refuses; in both cases `target` is left as it was.
    """
    if not replaceable(target):
        raise NotOurs(f"'{target}' is not empty and was not written by atdscore site")
    target = target.absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    mask = os.umask(0)
    os.umask(mask)
    build = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".new", dir=target.parent))
    old: Path | None = None
    try:
        os.chmod(build, 0o777 & ~mask)  # mkdtemp makes it private; a site is meant to be read
        for name, data in sorted({MARKER: MARKER_TEXT.encode(), **files}.items()):
            path = build / _check_relative(name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
            os.replace(target, old / target.name)
            old_tree = old / target.name
            try:
                os.replace(build, target)
            except BaseException:
                os.replace(old_tree, target)  # put the old site back
                raise
        else:
            os.replace(build, target)
    except BaseException:
        with contextlib.suppress(OSError):
            shutil.rmtree(build)
        raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
