"""The GitHub Action: its `run:` scripts, run as a runner would, in a temporary git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURE_PROJECT

REPO = Path(__file__).parent.parent
ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=t@example.org", "-c", "user.name=t", "-C", str(root), *args],
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(FIXTURE_PROJECT, root)
    mys = root / "countries" / "2023" / "MYS.yaml"  # complete enough for check --strict
    mys.write_text(mys.read_text() + "  limits.expert: {status: unknown}\n  extra.pledge: {status: unknown}\n")
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "data")
    return root


def _run_action(repo: Path, tmp_path: Path, inputs: dict[str, str]) -> tuple[int, str, str]:
    """Run every step but the install (atdscore is installed already) with the runner's variables set."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    shim = bin_dir / "atdscore"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m atdscore "$@"\n')
    shim.chmod(0o755)
    summary = tmp_path / "summary.md"
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_ACTION_PATH": str(REPO),
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_WORKSPACE": str(repo),
    }
    env.pop("GITHUB_BASE_REF", None)
    defaults = {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()}
    values = {**defaults, **inputs}
    output, code = "", 0
    for step in ACTION["runs"]["steps"]:
        if step["name"] == "Install atdscore":
            continue
        step_env = dict(env)
        for key, expression in step.get("env", {}).items():
            name = expression.removeprefix("${{ inputs.").removesuffix(" }}")
            step_env[key] = values[name]
        done = subprocess.run(
            ["bash", "-c", step["run"]], cwd=repo, env=step_env, capture_output=True, text=True, check=False
        )
        output += done.stdout + done.stderr
        code = code or done.returncode
    return code, output, summary.read_text() if summary.exists() else ""


def test_the_action_has_the_documented_inputs_and_installs_from_its_own_checkout() -> None:
    assert set(ACTION["inputs"]) == {"project", "base", "fail-on-drop", "fail-on-unexplained"}
    install = ACTION["runs"]["steps"][0]
    assert install["run"].endswith('"$GITHUB_ACTION_PATH"')
    assert "pip install atdscore" not in (REPO / ".github" / "workflows" / "scores.yml").read_text()


def test_a_clean_pull_request_passes(repo: Path, tmp_path: Path) -> None:
    code, output, summary = _run_action(repo, tmp_path, {"base": "HEAD"})
    assert code == 0, output
    assert "::notice title=atdscore check::5 country files in 2 editions" in output
    assert summary == "No changes between HEAD and the working tree.\n"


def test_problems_become_annotations_and_a_changed_score_is_summarised_and_gated(repo: Path, tmp_path: Path) -> None:
    mex = repo / "countries" / "2023" / "MEX.yaml"
    mex.write_text(mex.read_text().replace("value: full", "value: partial", 1))
    bel = repo / "countries" / "2023" / "BEL.yaml"
    bel.write_text(bel.read_text().replace("value: partial", "value: parcial", 1))
    code, output, summary = _run_action(repo, tmp_path, {"base": "HEAD"})
    assert code == 1
    [annotation] = [line for line in output.splitlines() if line.startswith("::error ")]
    assert annotation.startswith("::error file=countries/2023/BEL.yaml,line=5,col=20,title=atdscore E412::")
    assert "unknown option 'parcial' for law.ban" in annotation
    # BEL is invalid, so the comparison itself fails and says why; fix it and the gate decides alone.
    bel.write_text(bel.read_text().replace("value: parcial", "value: partial", 1))
    summary_file = tmp_path / "summary.md"
    summary_file.unlink(missing_ok=True)
    code, output, summary = _run_action(repo, tmp_path, {"base": "HEAD"})
    assert code == 1, output  # MEX's answer changed with the same evidence: unexplained
    assert "MEX" in summary and "### Scores" in summary
    code, _, _ = _run_action(repo, tmp_path, {"base": "HEAD", "fail-on-unexplained": "false"})
    assert code == 0


def test_without_a_base_the_comparison_is_skipped(repo: Path, tmp_path: Path) -> None:
    code, output, summary = _run_action(repo, tmp_path, {})
    assert code == 0
    assert "::notice title=atdscore::no base revision" in output and summary == ""
