"""The CI gate cannot be fooled (issue 13): each bypass that used to pass now fails, each reason explains."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import run_cli


def git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=t@example.org", "-c", "user.name=t", "-C", str(root), *args],
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(project: Path) -> Path:
    git(project, "init", "-q", "-b", "main")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "base")
    return project


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def gate(repo: Path, *args: str) -> tuple[int, str]:
    result = run_cli("diff", "--base", "HEAD", "--project", str(repo), *args)
    return result.exit_code, result.stderr


def test_a_country_removed_from_the_index_fails_whatever_the_threshold(repo: Path) -> None:
    (repo / "countries" / "2023" / "BEL.yaml").unlink()
    code, err = gate(repo, "--fail-on-drop", "0", "--fail-on-unexplained")
    assert code == 1
    assert "failed: BEL (2023): 35.0% -> absent, ranked on the older side and missing or unranked on the newer" in err
    assert gate(repo, "--fail-on-drop", "1000")[0] == 1
    assert gate(repo)[0] == 0  # without a gate, a diff only reports


def test_fail_on_drop_counts_percentage_points_and_names_the_country(repo: Path) -> None:
    mex = repo / "countries" / "2023" / "MEX.yaml"
    edit(
        mex,
        "law.ban: {value: full,",
        "law.ban: {change: {reason: law-change, note: The 2023 reform narrowed the ban.}, value: partial,",
    )
    result = run_cli("diff", "--base", "HEAD", "--project", str(repo), "-f", "json")
    mexico = next(
        c for c in __import__("json").loads(result.stdout)["comparisons"][0]["countries"] if c["country"] == "MEX"
    )
    fall = -mexico["delta"]["percent"]
    assert fall > 0
    below, above = f"{fall - 0.01:.2f}", f"{fall + 0.01:.2f}"
    code, err = gate(repo, "--fail-on-drop", below)
    assert code == 1 and "failed: MEX (2023): " in err and "percentage points (more than --fail-on-drop" in err
    assert gate(repo, "--fail-on-drop", above)[0] == 0


def test_new_evidence_alone_does_not_explain_a_changed_answer(repo: Path) -> None:
    edit(
        repo / "countries" / "2023" / "BEL.yaml",
        "limits.days: {value: 60, evidence: [",
        "limits.days: {value: 10, evidence: [{title: x, date: 2023}, ",
    )
    code, err = gate(repo, "--fail-on-unexplained")
    assert code == 1 and "BEL limits.days (2023): '60 days' -> '10 days' with no recorded reason" in err


@pytest.mark.parametrize(
    "reason", ["law-change", "practice-change", "correction", "new-evidence", "methodology", "right-of-reply"]
)
def test_a_correction_record_naming_the_old_value_explains_it(repo: Path, reason: str) -> None:
    edit(
        repo / "countries" / "2023" / "BEL.yaml",
        "limits.days: {value: 60,",
        f"limits.days: {{corrections: [{{date: 2024-01-10, reason: {reason}, note: Misread the decree., "
        "previous: 60}], value: 10,",
    )
    assert gate(repo, "--fail-on-unexplained")[0] == 0
    data = __import__("json").loads(run_cli("diff", "--base", "HEAD", "--project", str(repo), "-f", "json").stdout)
    [indicator] = [i for c in data["comparisons"][0]["countries"] for i in c["indicators"] if i["id"] == "limits.days"]
    assert indicator["explanation"] == {"reason": reason, "note": "Misread the decree."}
    assert indicator["reason"] == "answer" and indicator["unexplained"] is False


def test_a_correction_that_names_another_old_value_explains_nothing(repo: Path) -> None:
    edit(
        repo / "countries" / "2023" / "BEL.yaml",
        "limits.days: {value: 60,",
        "limits.days: {corrections: [{date: 2024-01-10, reason: correction, note: x, previous: 90}], value: 10,",
    )
    assert gate(repo, "--fail-on-unexplained")[0] == 1


def test_a_correction_can_name_a_status_as_the_old_answer(repo: Path) -> None:
    # not-applicable -> a value is a changed answer, not research: only a record naming the status explains it.
    mys = repo / "countries" / "2023" / "MYS.yaml"
    mys.write_text(mys.read_text() + "  limits.expert: {status: not-applicable}\n")
    git(repo, "commit", "-qam", "not applicable")
    edit(
        mys,
        "  limits.expert: {status: not-applicable}\n",
        "  limits.expert: {value: 2, evidence: [{title: Report, date: 2023}]}\n",
    )
    assert gate(repo, "--fail-on-unexplained")[0] == 1
    edit(
        mys,
        "  limits.expert: {value: 2,",
        "  limits.expert: {corrections: [{date: 2024-01-10, reason: correction, note: It applies., "
        "previous: not-applicable}], value: 2,",
    )
    assert gate(repo, "--fail-on-unexplained")[0] == 0


def test_research_that_fills_an_unknown_needs_no_record(repo: Path) -> None:
    mys = repo / "countries" / "2023" / "MYS.yaml"
    mys.write_text(mys.read_text() + "  limits.expert: {status: unknown}\n")
    git(repo, "commit", "-qam", "unknown")
    edit(
        mys,
        "  limits.expert: {status: unknown}\n",
        "  limits.expert: {value: 2, evidence: [{title: Report, date: 2023}]}\n",
    )
    assert gate(repo, "--fail-on-unexplained")[0] == 0
    data = __import__("json").loads(run_cli("diff", "--base", "HEAD", "--project", str(repo), "-f", "json").stdout)
    [indicator] = [
        i for c in data["comparisons"][0]["countries"] for i in c["indicators"] if i["id"] == "limits.expert"
    ]
    assert indicator["knowledge"] is True and indicator["unexplained"] is False


def test_a_shallow_clone_says_to_fetch_the_history(repo: Path, tmp_path: Path) -> None:
    git(repo, "commit", "-q", "--allow-empty", "-m", "second")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True, capture_output=True
    )
    result = run_cli("diff", "--base", "HEAD~1", "--project", str(clone))
    assert result.exit_code == 2
    assert "this clone is shallow" in result.stderr and "fetch-depth: 0" in result.stderr


def test_unpublishing_an_edition_fails_the_gate(repo: Path) -> None:
    mys = repo / "countries" / "2023" / "MYS.yaml"
    mys.write_text(mys.read_text() + "  limits.expert: {status: unknown}\n  extra.pledge: {status: unknown}\n")
    assert run_cli("publish", "2022", "-C", str(repo), "--date", "2024-05-01").exit_code == 0
    assert run_cli("publish", "2023", "-C", str(repo), "--date", "2024-05-01").exit_code == 0
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "published")
    (repo / "countries" / "2023" / "edition.yaml").unlink()  # quietly back to a draft
    code, err = gate(repo, "--fail-on-unexplained")
    assert code == 1 and "edition 2023 is published on HEAD:2023 and a draft on 2023 (draft)" in err


def test_an_answer_withdrawn_to_unknown_within_its_edition_needs_a_record(repo: Path) -> None:
    # Dropping a documented answer (here 60 days) is not research: without a record the gate fails.
    bel = repo / "countries" / "2023" / "BEL.yaml"
    edit(
        bel,
        "  limits.days: {value: 60, evidence: [{title: Aliens Act, date: 2023}]}",
        "  limits.days: {status: unknown, note: Source withdrawn.}",
    )
    code, err = gate(repo, "--fail-on-unexplained")
    assert code == 1 and "BEL limits.days (2023): '60 days' -> 'Unknown' with no recorded reason" in err
    bel.write_text(
        bel.read_text().replace(
            "  limits.days: {status: unknown, note: Source withdrawn.}",
            "  limits.days: {status: unknown, note: Source withdrawn., corrections: [{date: 2024-01-10, "
            "reason: correction, note: The decree was misread., previous: 60}]}",
        )
    )
    assert gate(repo, "--fail-on-unexplained")[0] == 0


def test_an_indicator_the_rubric_removed_is_not_a_withdrawn_answer(repo: Path) -> None:
    edit(
        repo / "rubrics" / "test.yaml",
        "      - id: prisons\n        type: choice\n        question: Prisons used?\n        options:\n"
        "          - {id: reported, label: Reported, points: -2}\n"
        "          - {id: not-reported, label: Not reported, points: 0}\n",
        "",
    )
    for path in (repo / "countries").glob("*/*.yaml"):
        lines = path.read_text().splitlines(keepends=True)
        path.write_text("".join(line for line in lines if "practice.prisons:" not in line))
    assert gate(repo, "--fail-on-unexplained")[0] == 0
