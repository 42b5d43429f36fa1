"""`atdscore diff`: two editions, two git revisions, golden Markdown and JSON, and the exit-code rules."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import run_cli


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new))


@pytest.fixture
def repo(project: Path) -> Path:
    """The fixture project in a git repository with two commits: a base and a change on top."""
    git(project, "init", "-q", "-b", "main")
    git(project, "-c", "user.email=t@example.org", "-c", "user.name=t", "add", ".")
    git(project, "-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-q", "-m", "base")
    countries = project / "countries" / "2023"
    # A corrected answer with a record naming the value it replaced: explained.
    edit(
        countries / "MEX.yaml",
        "law.ban: {value: full, evidence: [law-2021]",
        "law.ban: {corrections: [{date: 2023-03-20, reason: correction, note: The 2021 law bans detention only for "
        "unaccompanied children., previous: full}], value: partial, evidence: [{title: Court ruling, date: 2023-03-15}]",
    )
    # A changed answer with the same evidence: unexplained.
    edit(countries / "BEL.yaml", "limits.days: {value: 60,", "limits.days: {value: 10,")
    # A new country and a removed one.
    (countries / "DEU.yaml").write_text((countries / "BEL.yaml").read_text().replace("country: BEL", "country: DEU"))
    (countries / "THA.yaml").unlink()
    # A rubric bump: one option rescored, one indicator added.
    rubric = project / "rubrics" / "test.yaml"
    edit(rubric, 'version: "2.1"', 'version: "2.2"')
    edit(rubric, "{id: ngos, label: NGOs, points: 0.5}", "{id: ngos, label: NGOs, points: 1}")
    edit(
        rubric,
        "      - id: expert\n",
        "      - id: review\n        type: score\n        min: 0\n        max: 2\n        question: Is detention reviewed by a court?\n      - id: expert\n",
    )
    git(project, "-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-q", "-am", "change")
    git(project, "add", ".")
    git(project, "-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-q", "-m", "new country")
    return project


def test_diff_between_two_editions(project: Path) -> None:
    result = run_cli("diff", "2022", "2023", "--project", str(project), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    (comparison,) = data["comparisons"]
    assert (comparison["old"]["label"], comparison["new"]["label"]) == ("2022", "2023")
    assert comparison["rubric_changed"] is False
    by_country = {c["country"]: c for c in comparison["countries"]}
    assert set(by_country) == {"MEX", "BEL", "MYS", "THA"}
    assert by_country["BEL"]["status"] == "new"
    mex = by_country["MEX"]
    assert mex["old"]["rank"] == 1 and mex["new"]["rank"] == 1
    ban = next(i for i in mex["indicators"] if i["id"] == "law.ban")
    assert (ban["old_answer"], ban["new_answer"], ban["reason"]) == ("Partial ban", "Full ban", "answer")
    # 2022 writes the gazette out and 2023 cites it by id: the same source, so the move is unexplained.
    assert ban["evidence_changed"] is False and ban["unexplained"] is True


def test_diff_against_a_git_revision(repo: Path, golden: Callable[[str, str], None]) -> None:
    md = run_cli("diff", "--base", "HEAD~2", "--project", str(repo), "--format", "md")
    assert md.exit_code == 0
    golden("diff.md", md.stdout)
    as_json = run_cli("diff", "--base", "HEAD~2", "--project", str(repo), "--format", "json")
    golden("diff.json", as_json.stdout)
    # The rubric changed, so every edition is compared; 2023 is where the answers changed.
    comparisons = json.loads(as_json.stdout)["comparisons"]
    assert [c["new"]["label"] for c in comparisons] == ["2022", "2023"]
    comparison = comparisons[1]
    assert comparison["rubric_changed"] is True
    assert comparison["indicators_added"] == ["limits.review"]
    by_country = {c["country"]: c for c in comparison["countries"]}
    assert by_country["DEU"]["status"] == "new" and by_country["THA"]["status"] == "removed"
    bel_days = next(i for i in by_country["BEL"]["indicators"] if i["id"] == "limits.days")
    assert bel_days["unexplained"] is True
    mex = by_country["MEX"]
    mex_ban = next(i for i in mex["indicators"] if i["id"] == "law.ban")
    assert mex_ban["unexplained"] is False and mex_ban["evidence_changed"] is True
    mex_bodies = next(i for i in mex["indicators"] if i["id"] == "law.bodies")
    assert mex_bodies["reason"] == "rubric"  # same answer, rescored by the rubric
    assert comparison["unexplained"] == 1


def test_diff_of_folders_at_a_revision(repo: Path) -> None:
    result = run_cli(
        "diff", "HEAD~2:countries/2023", str(repo / "countries" / "2023"), "--project", str(repo), "-f", "json"
    )
    assert result.exit_code == 0, result.stderr
    (comparison,) = json.loads(result.stdout)["comparisons"]
    assert comparison["old"]["label"] == "HEAD~2:countries/2023"


def test_diff_with_no_changes(repo: Path) -> None:
    result = run_cli("diff", "--base", "HEAD", "--project", str(repo), "--format", "md")
    assert result.exit_code == 0
    assert result.stdout == "No changes between HEAD and the working tree.\n"


def test_diff_leaves_the_working_tree_and_index_alone(repo: Path) -> None:
    before = subprocess.run(["git", "-C", str(repo), "status", "--porcelain"], capture_output=True, text=True).stdout
    run_cli("diff", "--base", "HEAD~2", "--project", str(repo))
    after = subprocess.run(["git", "-C", str(repo), "status", "--porcelain"], capture_output=True, text=True).stdout
    assert before == after == ""


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--base", "HEAD~2"], 0),  # changes alone do not fail
        (["--base", "HEAD~2", "--fail-on-drop", "100"], 1),  # THA was removed: that fails whatever N is
        (["--base", "HEAD~2", "--fail-on-unexplained"], 1),
        (["--base", "HEAD", "--fail-on-unexplained", "--fail-on-drop", "0"], 0),
        (["--base", "no-such-revision"], 2),
        (["HEAD~2:countries/1999", "2023"], 2),
        (["2023"], 2),  # one side only
    ],
)
def test_diff_exit_codes(repo: Path, args: list[str], code: int) -> None:
    result = run_cli("diff", *args, "--project", str(repo))
    assert result.exit_code == code, result.stderr
    assert "Traceback" not in result.stderr


def test_diff_reports_invalid_files_with_their_side(repo: Path) -> None:
    edit(repo / "countries" / "2023" / "MEX.yaml", "value: partial", "value: parcial")
    git(repo, "-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-q", "-am", "typo")
    result = run_cli("diff", "HEAD:countries/2023", "HEAD~3:countries/2023", "--project", str(repo))
    assert result.exit_code == 1
    assert (
        "HEAD:countries/2023/MEX.yaml:10:159: error[E412]: unknown option 'parcial' for law.ban; did you mean 'partial'?"
        in result.stderr
    )


def test_diff_outside_a_git_repository(project: Path) -> None:
    result = run_cli("diff", "--base", "HEAD", "--project", str(project))
    assert result.exit_code == 2
    assert "is not in a git repository" in result.stderr


@pytest.mark.parametrize("failing_call", [1, 2, 3, 4])  # rev-parse, rev-parse --verify, ls-tree, archive
@pytest.mark.parametrize("error", ["timeout", "oserror"])
def test_a_git_call_that_times_out_or_fails_is_a_usage_error(
    repo: Path, monkeypatch: pytest.MonkeyPatch, failing_call: int, error: str
) -> None:
    from atdscore.files import revision

    real_run = subprocess.run
    calls: list[list[str]] = []

    def run(command: list[str], **kwargs: object) -> object:
        calls.append(command)
        if len(calls) == failing_call:
            if error == "timeout":
                raise subprocess.TimeoutExpired(command, revision.GIT_TIMEOUT)
            raise OSError(5, "Input/output error")
        return real_run(command, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(subprocess, "run", run)
    result = run_cli("diff", "--base", "HEAD~2", "--project", str(repo))
    assert len(calls) == failing_call
    assert result.exit_code == 2
    assert result.stdout == ""
    command = calls[-1][3]  # git -C DIR <command>
    expected = (
        f"error: git {command} did not finish within {revision.GIT_TIMEOUT} seconds"
        if error == "timeout"
        else "error: cannot run git: [Errno 5] Input/output error"
    )
    assert result.stderr.splitlines() == [expected]


@pytest.mark.parametrize("command", [["rank", "-f", "json"], ["site", "-o", "SITE"]])
@pytest.mark.parametrize("question", ["rev-parse", "status"])
def test_a_git_that_hangs_while_stamping_provenance_is_a_usage_error(
    repo: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, command: list[str], question: str
) -> None:
    from atdscore.files import revision

    real_run = subprocess.run

    def run(args: list[str], **kwargs: object) -> object:
        if args[:1] == ["git"] and args[3] == question:
            raise subprocess.TimeoutExpired(args, revision.GIT_STATUS_TIMEOUT)
        return real_run(args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(subprocess, "run", run)
    args = [str(tmp_path / "site") if a == "SITE" else a for a in command]
    result = run_cli(*args, str(repo))
    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    assert f"error: git {question} did not finish within {revision.GIT_STATUS_TIMEOUT} seconds" in result.stderr
    assert not (tmp_path / "site").exists()


def test_without_git_the_provenance_is_null(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_run = subprocess.run

    def run(args: list[str], **kwargs: object) -> object:
        if args[:1] == ["git"]:
            raise FileNotFoundError(2, "No such file or directory: 'git'")
        return real_run(args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(subprocess, "run", run)
    result = run_cli("rank", str(repo), "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["data"] == {"commit": None, "dirty": None}


def test_a_change_splits_into_rubric_knowledge_and_answers() -> None:
    from fractions import Fraction

    from atdscore.core.diff import is_knowledge, split
    from atdscore.validation.country_file import Answer, CountryFile
    from atdscore.validation.model import Rubric

    def rubric(version: str, x_points: int) -> Rubric:
        options = [{"id": "no", "label": "No", "points": 0}]
        x = {
            "id": "x",
            "type": "choice",
            "question": "x?",
            "options": [*options, {"id": "yes", "label": "Y", "points": x_points}],
        }
        y = {
            "id": "y",
            "type": "choice",
            "question": "y?",
            "options": [*options, {"id": "yes", "label": "Y", "points": 2}],
        }
        return Rubric.model_validate(
            {
                "id": "r",
                "title": "R",
                "version": version,
                "categories": [{"id": "a", "title": "A", "indicators": [x, y]}],
            }
        )

    def country(year: int, answers: dict[str, str]) -> CountryFile:
        data = {k: {"status": v} if v == "unknown" else {"value": v, "evidence": [{"title": "t", "date": "2018"}]}
                for k, v in answers.items()}  # fmt: skip
        return CountryFile.model_validate({"country": "MEX", "year": year, "rubric": "r", "answers": data})

    old, new = country(2018, {"a.x": "yes", "a.y": "unknown"}), country(2023, {"a.x": "no", "a.y": "yes"})
    # Old: 2 of 4 = 50%. Old answers under the new rubric (x is worth 4): 4 of 6 = 66.67%, rubric +16.67.
    # y unknown -> yes (knowledge): 6 of 6 = 100%, +33.33. x yes -> no (answers): 2 of 6 = 33.33%, -66.67.
    parts = split(rubric("1", 2), rubric("2", 4), old, new)
    assert parts == (Fraction(50, 3), Fraction(100, 3), Fraction(-200, 3))
    assert sum(parts) == Fraction(100, 3) - 50  # the whole change
    answered, unknown = Answer(value="yes", evidence=[]), Answer(status="unknown")
    assert is_knowledge(None, answered) and is_knowledge(answered, unknown)
    assert not is_knowledge(Answer(status="not-applicable"), answered)  # not applicable -> answered: an answer
