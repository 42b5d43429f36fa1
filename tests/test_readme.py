"""The README shows the tool's real behaviour on the shipped data: its marked blocks are run again.

Two markers, each an HTML comment (invisible on GitHub) on the line before a fenced block:

- `<!-- test: output of atdscore ARGS -->`: the block is the output of `atdscore ARGS` run at the top
  of this repository, or an excerpt of it. In a JSON block, "…" stands for any value; a string
  ending in "…" for any text that starts with the rest; "…" as the last item of a list for any
  further items, and as a key ("…": "…") for any further keys. Without them a list or map must match
  in full. In any other block a line "…" stands for any number of lines.
- `<!-- test: runs -->`: every line of the block that starts with `atdscore` exits 0 on a copy of the
  shipped data in a git repository with an `origin/main` (after a `|`, `>`, `>>` or `#` is ignored).

Blocks without a marker are illustrations (of a broken file's report, say) and are not run.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from conftest import run_cli

REPO = Path(__file__).parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")
ANY = "…"
_BLOCK = re.compile(r"^<!-- test: (?P<what>.+?) -->\n```(?P<lang>\w*)\n(?P<body>.*?)^```$", re.M | re.S)

OUTPUTS = [
    (m["what"].removeprefix("output of ").strip(), m["lang"], m["body"], README.count("\n", 0, m.start()) + 2)
    for m in _BLOCK.finditer(README)
    if m["what"].startswith("output of ")
]
RUNS = [
    (line, README.count("\n", 0, m.start()) + 3 + n)
    for m in _BLOCK.finditer(README)
    if m["what"] == "runs"
    for n, line in enumerate(m["body"].splitlines())
    if line.startswith("atdscore ")
]


def matches(excerpt: Any, real: Any, where: str = "$") -> list[str]:
    """Where `real` differs from `excerpt` under the rules above (empty: it matches)."""
    if excerpt == ANY:
        return []
    if isinstance(excerpt, str) and excerpt.endswith(ANY):
        ok = isinstance(real, str) and real.startswith(excerpt[:-1])
        return [] if ok else [f"{where}: {real!r} does not start with {excerpt[:-1]!r}"]
    if isinstance(excerpt, dict):
        if not isinstance(real, dict):
            return [f"{where}: expected a map, got {real!r}"]
        keys = [k for k in excerpt if k != ANY]
        problems = [f"{where}: no key {k!r}" for k in keys if k not in real]
        if ANY not in excerpt:
            problems += [f'{where}: key {k!r} is not shown (add it, or \'"…": "…"\')' for k in real if k not in excerpt]
        for k in keys:
            if k in real:
                problems += matches(excerpt[k], real[k], f"{where}.{k}")
        return problems
    if isinstance(excerpt, list):
        if not isinstance(real, list):
            return [f"{where}: expected a list, got {real!r}"]
        shown = excerpt[:-1] if excerpt and excerpt[-1] == ANY else excerpt
        if len(real) < len(shown) or (shown is excerpt and len(real) != len(shown)):
            return [f"{where}: {len(real)} items, the README shows {len(shown)}{'+' if shown is not excerpt else ''}"]
        return [p for n, item in enumerate(shown) for p in matches(item, real[n], f"{where}[{n}]")]
    if excerpt != real or type(excerpt) is not type(real):
        return [f"{where}: README says {excerpt!r}, the tool gives {real!r}"]
    return []


def lines_match(excerpt: list[str], real: list[str]) -> bool:
    """Whether `real` is `excerpt` with each "…" line standing for any number of lines."""
    if not excerpt:
        return not real
    if excerpt[0] == ANY:
        return any(lines_match(excerpt[1:], real[n:]) for n in range(len(real) + 1))
    return bool(real) and excerpt[0] == real[0] and lines_match(excerpt[1:], real[1:])


def test_the_readme_has_checked_blocks() -> None:
    assert len(OUTPUTS) >= 4 and len(RUNS) >= 10
    commands = {command for command, *_ in OUTPUTS}
    assert {"atdscore rank --format json", "atdscore sensitivity --format json"} <= commands


def test_the_rules_for_excerpts() -> None:
    assert matches({"a": [1, ANY], "b": "abc…"}, {"a": [1, 2, 3], "b": "abcdef"}) == []
    assert matches({"a": 1, ANY: ANY}, {"a": 1, "b": 2}) == []
    assert matches({"a": 1}, {"a": 1, "b": 2}) != []  # a key not shown
    assert matches([1, 2], [1, 2, 3]) != [] and matches([1, ANY], []) != []
    assert matches(1, 1.0) != [] and matches(True, 1) != []
    assert lines_match(["a", ANY, "d"], ["a", "b", "c", "d"]) and not lines_match(["a", ANY], ["b"])


@pytest.mark.parametrize(("command", "lang", "body", "line"), OUTPUTS, ids=[f"README.md:{o[3]}" for o in OUTPUTS])
def test_readme_output_is_the_real_output(
    command: str, lang: str, body: str, line: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("COLUMNS", raising=False)
    result = run_cli(*shlex.split(command)[1:])
    assert result.exit_code == 0, result.stderr
    if lang == "json":
        problems = matches(json.loads(body), json.loads(result.stdout))
        assert not problems, f"README.md:{line} ({command}):\n" + "\n".join(problems)
    else:
        real = [text.rstrip() for text in result.stdout.rstrip("\n").splitlines()]
        assert lines_match(body.rstrip("\n").splitlines(), real), (
            f"README.md:{line} ({command}) gives:\n{result.stdout}"
        )


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the shipped rubrics and countries in a git repository whose origin/main is its HEAD."""
    root = tmp_path_factory.mktemp("shipped")
    for folder in ("rubrics", "countries"):
        shutil.copytree(REPO / folder, root / folder)
    user = ["-c", "user.email=t@example.org", "-c", "user.name=t"]
    for args in (["init", "-q", "-b", "main"], ["add", "."], [*user, "commit", "-q", "-m", "data"]):
        subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)
    subprocess.run(["git", "-C", str(root), "update-ref", "refs/remotes/origin/main", "HEAD"], check=True)
    return root


@pytest.mark.parametrize(("command", "line"), RUNS, ids=[f"README.md:{r[1]}" for r in RUNS])
def test_readme_command_runs(command: str, line: int, shipped: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(shipped)
    args = shlex.split(re.split(r"\s(?:\||>>?|#)", command, maxsplit=1)[0])
    result = run_cli(*args[1:])
    assert result.exit_code == 0, f"README.md:{line}: {command}\n{result.stderr}"
