"""Git: the commit a project is at, and revisions as read-only snapshots extracted into a temporary folder.

Nothing here touches the working tree or the index: `git archive` reads the revision's objects.
Errors of a snapshot (not a repository, an unknown revision, a path missing at that revision, git
missing, failing or timing out on any call) are returned as text. Outside a repository, or without
git, the commit and the dirty flag are None; a git that does not answer in time raises GitFailed.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Snapshot:
    """A revision's files under `root`, which the caller removes when done."""

    rev: str
    commit: str
    root: Path


# Seconds a git call may take: reading a revision (which can be large), and asking about the checkout.
GIT_TIMEOUT = 120
GIT_STATUS_TIMEOUT = 10


class GitFailed(Exception):
    """git could not be run, or did not finish in time; the message says which, for the user."""


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", "-C", str(cwd), *args], capture_output=True, check=False, timeout=GIT_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise GitFailed(f"git {args[0]} did not finish within {GIT_TIMEOUT} seconds") from None
    except (OSError, subprocess.SubprocessError) as err:
        raise GitFailed(f"cannot run git: {err}") from None


def snapshot(project: Path, rev: str, paths: list[str]) -> tuple[Snapshot | None, str | None]:
    """Extract `paths` (relative to `project`) as they are at `rev`; (snapshot, None) or (None, error)."""
    try:
        return _snapshot(project, rev, paths)
    except GitFailed as err:
        return None, str(err)


def _snapshot(project: Path, rev: str, paths: list[str]) -> tuple[Snapshot | None, str | None]:
    top = _git(project, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        return None, f"'{project}' is not in a git repository"
    if rev.startswith("-"):
        return None, f"'{rev}' is not a revision"
    commit = _git(project, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    if commit.returncode != 0:
        shallow = _git(project, "rev-parse", "--is-shallow-repository")
        if shallow.returncode == 0 and shallow.stdout.strip() == b"true":
            return None, (
                f"unknown revision '{rev}': this clone is shallow and does not have it; fetch the history "
                "(actions/checkout with fetch-depth: 0, or git fetch --unshallow)"
            )
        return None, f"unknown revision '{rev}'"
    # Run from the project folder, git reads these paths relative to it and archives them without
    # the folder's own prefix in the repository, so a project in a subfolder works like one at the top.
    wanted = [p.rstrip("/") or "." for p in paths]
    present = []
    for path in wanted:
        listing = _git(project, "ls-tree", "--name-only", commit.stdout.decode().strip(), "--", path)
        if listing.returncode == 0 and listing.stdout.strip():
            present.append(path)
    if not present:
        return None, f"{', '.join(paths)} not found at revision '{rev}'"
    archive = _git(project, "archive", "--format=tar", commit.stdout.decode().strip(), "--", *present)
    if archive.returncode != 0:
        return None, f"git archive failed: {archive.stderr.decode(errors='replace').strip()}"
    root = Path(tempfile.mkdtemp(prefix="atdscore-rev-"))
    try:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            # The "data" filter refuses links out of the folder, device files and absolute paths; it
            # came in Python 3.11.4, hence requires-python in pyproject.toml.
            tar.extractall(root, filter="data")
    except (tarfile.TarError, OSError) as err:
        shutil.rmtree(root, ignore_errors=True)
        return None, f"cannot read the data at revision '{rev}': {err}"
    return Snapshot(rev, commit.stdout.decode().strip(), root), None


def git_commit(path: Path) -> str | None:
    """The commit checked out in the git repository holding `path`; None outside one or without git.

    Raises GitFailed when git does not answer in time: the commit would then be unknown, not absent.
    """
    done = _status_git(path, "rev-parse", "HEAD")
    commit = done.stdout.decode(errors="replace").strip() if done else ""
    return commit if done and done.returncode == 0 and re.fullmatch(r"[0-9a-f]{40,64}", commit) else None


def data_dirty(root: Path, folders: list[str]) -> bool | None:
    """Whether files under `folders` at `root` differ from the commit: changed, staged or untracked.

    None outside a git repository, or without git; raises GitFailed when git does not answer in time.
    """
    if git_commit(root) is None:
        return None
    done = _status_git(root, "status", "--porcelain", "--untracked-files=all", "--", *folders)
    return bool(done.stdout.strip()) if done and done.returncode == 0 else None


def _status_git(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes] | None:
    """A quick git question about the checkout; None when git cannot be run at all."""
    try:
        return subprocess.run(
            ["git", "-C", str(cwd), *args], capture_output=True, check=False, timeout=GIT_STATUS_TIMEOUT
        )
    except subprocess.TimeoutExpired:
        raise GitFailed(f"git {args[0]} did not finish within {GIT_STATUS_TIMEOUT} seconds") from None
    except (OSError, subprocess.SubprocessError):
        return None  # no git: there is no commit to stamp
