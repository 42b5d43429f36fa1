"""Editions: publish, re-publish with revisions, drafts never the default, pinned rubric versions, provenance."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import run_cli

RUBRIC = "rubrics/test.yaml"


@pytest.fixture
def project(project: Path) -> Path:
    """The fixture project with its 2023 edition complete enough to publish (it must pass check --strict)."""
    mys = project / "countries" / "2023" / "MYS.yaml"
    mys.write_text(mys.read_text() + "  limits.expert: {status: unknown}\n  extra.pledge: {status: unknown}\n")
    return project


def publish(project: Path, year: int, *args: str) -> str:
    result = run_cli("publish", str(year), "-C", str(project), "--date", "2024-05-01", *args)
    assert result.exit_code == 0, result.stderr
    return (project / "countries" / str(year) / "edition.yaml").read_text()


def rank(project: Path, *args: str) -> dict[str, object]:
    result = run_cli("rank", str(project), "-f", "json", *args)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def test_a_new_project_has_every_edition_published(project: Path) -> None:
    data = rank(project)
    assert data["year"] == 2023 and data["status"] == "published"


def test_publish_writes_the_pin_and_the_other_editions_become_drafts(project: Path) -> None:
    text = publish(project, 2022)
    assert text.splitlines()[1:] == [
        "status: published",
        "rubric: test",
        'rubric_version: "2.1"',
        f"rubric_sha256: {rank(project)['rubric']['sha256']}",  # type: ignore[index]
        "published: 2024-05-01",
    ]
    # 2023 has no edition.yaml: a draft now, so the default is the latest published edition.
    assert rank(project)["year"] == 2022
    draft = rank(project, "--year", "2023")
    assert draft["status"] == "draft"
    table = run_cli("rank", str(project), "--year", "2023")
    assert table.stdout.startswith("DRAFT: the 2023 edition is not published")
    md = run_cli("rank", str(project), "--year", "2023", "-f", "md")
    assert md.stdout.startswith("> **DRAFT: the 2023 edition is not published")
    csv = run_cli("rank", str(project), "--year", "2023", "-f", "csv")
    assert "DRAFT" not in csv.stdout and "DRAFT: the 2023 edition" in csv.stderr
    brief = run_cli("brief", "MEX", "--year", "2023", "-C", str(project))
    assert "> **DRAFT: the 2023 edition is not published" in brief.stdout
    published_brief = run_cli("brief", "MEX", "-C", str(project))
    assert "DRAFT" not in published_brief.stdout and "country brief 2022" in published_brief.stdout


def test_republishing_needs_a_reason_and_keeps_the_old_pin_and_comments(project: Path) -> None:
    edition = project / "countries" / "2023" / "edition.yaml"
    edition.write_text("# Our 2023 edition: reviewed by the board on 2 May.\nstatus: draft\n")
    first = publish(project, 2023)
    assert first.startswith("# Our 2023 edition: reviewed by the board on 2 May.\nstatus: published\n")
    again = run_cli("publish", "2023", "-C", str(project))
    assert again.exit_code == 2 and "already published" in again.stderr and "--reason" in again.stderr
    same = run_cli("publish", "2023", "-C", str(project), "--reason", "nothing new")
    assert same.exit_code == 0 and "nothing to change" in same.stderr
    # A rubric revision: the scoring changes, the version moves on, the old version is kept.
    rubric = project / RUBRIC
    old = rubric.read_text()
    (project / "rubrics" / "test@2.1.yaml").write_text(old)
    rubric.write_text(old.replace('version: "2.1"', 'version: "2.2"').replace("points: 4}", "points: 5}", 1))
    text = publish(project, 2023, "--reason", "a full ban is worth 5 points")
    assert "# Our 2023 edition: reviewed by the board on 2 May." in text
    assert 'rubric_version: "2.2"' in text.split("revisions:")[0]
    revisions = text.split("revisions:")[1]
    assert 'rubric_version: "2.1"' in revisions and "reason: a full ban is worth 5 points" in revisions


def test_a_published_edition_is_scored_with_the_version_it_pinned(project: Path) -> None:
    publish(project, 2023)
    before = rank(project)
    rubric = project / RUBRIC
    old = rubric.read_text()
    (project / "rubrics" / "test@2.1.yaml").write_text(old)
    rubric.write_text(old.replace('version: "2.1"', 'version: "3.0"').replace("points: 4}", "points: 9}", 1))
    assert run_cli("check", str(project)).exit_code == 0
    after = rank(project)
    assert after["rubric"] == before["rubric"] and after["countries"] == before["countries"]
    # The draft 2022 edition is scored with the current version.
    assert rank(project, "--year", "2022")["rubric"]["version"] == "3.0"  # type: ignore[index]


def test_editing_a_pinned_rubric_without_a_new_version_is_an_error(project: Path) -> None:
    publish(project, 2023)
    rubric = project / RUBRIC
    rubric.write_text(rubric.read_text().replace("points: 4}", "points: 5}", 1))
    result = run_cli("check", str(project))
    assert result.exit_code == 1
    assert (
        "rubrics/test.yaml: error[E419]: the scoring content of test 2.1 changed after edition 2023 was "
        "published with it; set a new 'version' and keep the published one as rubrics/test@2.1.yaml"
    ) in result.stdout
    assert run_cli("rank", str(project)).exit_code == 1


def test_a_text_only_edit_keeps_the_pin(project: Path) -> None:
    publish(project, 2023)
    rubric = project / RUBRIC
    rubric.write_text(rubric.read_text().replace("Does the law ban child detention?", "Does the law ban it?"))
    assert run_cli("check", str(project)).exit_code == 0


def test_a_pinned_version_that_is_gone_is_an_error(project: Path) -> None:
    publish(project, 2023)
    rubric = project / RUBRIC
    rubric.write_text(rubric.read_text().replace('version: "2.1"', 'version: "2.2"'))
    result = run_cli("check", str(project))
    assert result.exit_code == 1
    assert "countries/2023/edition.yaml: error[E418]: edition 2023 was published with test 2.1" in result.stdout


def test_publish_refuses_an_edition_with_errors(project: Path) -> None:
    mex = project / "countries" / "2023" / "MEX.yaml"
    mex.write_text(mex.read_text().replace("value: full", "value: ful", 1))
    result = run_cli("publish", "2023", "-C", str(project))
    assert result.exit_code == 1 and "must pass atdscore check --strict" in result.stderr
    assert not (project / "countries" / "2023" / "edition.yaml").exists()


def test_a_broken_draft_does_not_stop_the_published_edition(project: Path) -> None:
    publish(project, 2022)
    mex = project / "countries" / "2023" / "MEX.yaml"
    mex.write_text(mex.read_text().replace("value: full", "value: ful", 1))
    assert rank(project)["year"] == 2022
    assert run_cli("methodology", "-C", str(project)).exit_code == 0
    assert run_cli("rank", str(project), "--year", "2023").exit_code == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["1999"], "no 1999 edition"),
        (["2023", "--reason", "why"], "has not been published yet"),
        (["2023", "--date", "2024-13-01"], "--date 2024-13-01"),
        (["2023", "--date", "2024"], "give the full date"),
    ],
)
def test_publish_usage_errors(project: Path, args: list[str], message: str) -> None:
    result = run_cli("publish", *args, "-C", str(project))
    assert result.exit_code == 2 and message in result.stderr


def test_edition_file_errors_are_located(project: Path) -> None:
    (project / "countries" / "2023" / "edition.yaml").write_text("status: published\nrubric: test\n")
    result = run_cli("check", str(project))
    assert result.exit_code == 1
    assert "countries/2023/edition.yaml:1:1: error[E207]: a published edition needs 'rubric'" in result.stdout


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


def test_rank_says_whether_the_data_differs_from_its_commit(project: Path) -> None:
    _git(project, "init", "-q")
    _git(project, "-c", "user.email=t@example.org", "-c", "user.name=t", "add", "-A")
    _git(project, "-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-qm", "data")
    clean = rank(project)["data"]
    assert isinstance(clean, dict) and clean["dirty"] is False and len(clean["commit"]) == 40
    (project / "countries" / "2023" / "NEW.txt").write_text("untracked")
    assert rank(project)["data"]["dirty"] is True  # type: ignore[index]
    table = run_cli("rank", str(project))
    assert "differ from the last commit" in table.stderr


def test_diff_between_editions_pinned_to_different_versions_says_what_changed(project: Path) -> None:
    publish(project, 2022)
    rubric = project / RUBRIC
    old = rubric.read_text()
    (project / "rubrics" / "test@2.1.yaml").write_text(old)
    rubric.write_text(old.replace('version: "2.1"', 'version: "3.0"').replace("points: 4}", "points: 5}", 1))
    publish(project, 2023)
    result = run_cli("diff", "2022", "2023", "-C", str(project), "-f", "md")
    assert result.exit_code == 0, result.stderr
    assert "Rubric changed: test 2.1 (" in result.stdout and "→ test 3.0 (" in result.stdout
    assert "Scoring changed: law.ban (its options, items, bands or points)." in result.stdout
