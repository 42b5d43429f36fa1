"""Reading many YAML files at once: half of a large edition is parsed in a forked child.

Parsing is most of the cost of `rank` and `check`, and libyaml holds the GIL, so on a machine where
this process may use two cores a forked child parses the second half of the files while this
process parses the first, and sends its results back. `bench/run.py` shows what it saves.

The child is trusted with nothing: its reply is framed (length and SHA-256 of the pickle), checked
against the files it was asked for, and waited for only so long. A child that dies, hangs, or sends
anything else has its half parsed again here, so the result is always that of a serial read.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import select
import signal
import time
from pathlib import Path
from typing import Any

from atdscore.files.discover import Display, display_path
from atdscore.files.load import Document, read_yaml
from atdscore.problems import Problem

Result = tuple[Document | None, list[Problem]]

# Below this many files in one call a second process costs more than it saves: never fork for them.
PARALLEL_MIN_FILES = 64
# How long to wait for the child once this process has parsed its own half: this many times as long
# as that took (the child has as much to do), and never less than CHILD_MIN_WAIT seconds.
CHILD_WAIT_FACTOR = 4
CHILD_MIN_WAIT = 10.0
_HEADER = 8 + 32  # payload length, then its SHA-256


def usable_cores() -> int:
    """The cores this process may run on (taskset, cgroups), not the machine's: a fork on one core only costs."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1  # pragma: no cover - platforms without affinity masks


def read_many(
    paths: list[Path], max_bytes: int, what: str = "file", display_as: Display = display_path
) -> list[Result]:
    """`read_yaml` for many files, in file order; half are parsed in a fork when that pays (see above)."""
    if len(paths) < PARALLEL_MIN_FILES or not hasattr(os, "fork") or usable_cores() < 2:
        return [read_yaml(p, max_bytes, what, display_as) for p in paths]
    half = len(paths) // 2
    mine, theirs = paths[:half], paths[half:]
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child; its work is checked through the parent's result
        try:
            os.close(read_fd)
            _send(write_fd, [read_yaml(p, max_bytes, what, display_as) for p in theirs])
        finally:
            os._exit(0)
    os.close(write_fd)
    start = time.monotonic()
    results = [read_yaml(p, max_bytes, what, display_as) for p in mine]
    wait = max(CHILD_MIN_WAIT, CHILD_WAIT_FACTOR * (time.monotonic() - start))
    received = None
    try:
        received = _check(_receive(read_fd, wait), theirs, display_as)
    finally:
        os.close(read_fd)
        if received is None:
            _kill(pid)  # it may still be running: whatever it does next, nothing of it is used
        os.waitpid(pid, 0)
    if received is None:
        received = [read_yaml(p, max_bytes, what, display_as) for p in theirs]
    return results + received


def _send(fd: int, results: list[Result]) -> None:  # pragma: no cover - runs in the child
    payload = pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)
    with os.fdopen(fd, "wb") as out:
        out.write(len(payload).to_bytes(8, "big") + hashlib.sha256(payload).digest() + payload)


def _receive(fd: int, wait: float) -> Any:
    """The child's unpickled reply, or None when it is cut short, late, or not what `_send` writes."""
    deadline = time.monotonic() + wait
    data = bytearray()
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return None  # late: a stuck child
        try:
            chunk = os.read(fd, 1 << 20)
        except OSError:  # pragma: no cover - reading a pipe fails only when the system does
            return None
        if not chunk:
            break  # the child closed its end: finished, or died
        data += chunk
    if len(data) < _HEADER:
        return None
    size, digest, payload = int.from_bytes(data[:8], "big"), bytes(data[8:_HEADER]), bytes(data[_HEADER:])
    if size != len(payload) or hashlib.sha256(payload).digest() != digest:
        return None
    try:
        return pickle.loads(payload)
    except Exception:
        return None


def _check(received: Any, paths: list[Path], display_as: Display = display_path) -> list[Result] | None:
    """The reply if it is one result per file of `paths`, in order, each about its own file; else None."""
    if not isinstance(received, list) or len(received) != len(paths):
        return None
    for result, path in zip(received, paths, strict=True):
        if not (isinstance(result, tuple) and len(result) == 2):
            return None
        doc, problems = result
        if not isinstance(problems, list) or not all(isinstance(p, Problem) for p in problems):
            return None
        display = display_as(path)
        if doc is None:
            if not problems:  # a file that could not be read always says why
                return None
        elif not (isinstance(doc, Document) and doc.path == path and doc.display == display):
            return None
        if any(p.path != display for p in problems):
            return None
    return received


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # it may have exited already
        os.kill(pid, signal.SIGKILL)
