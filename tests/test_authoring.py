"""Authoring: `atdscore new` (a scaffold that passes check) and `atdscore new-edition` (answers carried, marked)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from atdscore.core.scaffold import first_sentence
from atdscore.files.output import write_new, write_new_folder
from atdscore.text.names import suggest_code
from conftest import run_cli, write_tree

REPO = Path(__file__).parent.parent


def check_json(project: Path, *args: str) -> dict[str, object]:
    result = run_cli("check", str(project), "-f", "json", *args)
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def codes(data: dict[str, object], path_part: str = "") -> list[str]:
    problems = data["problems"]
    assert isinstance(problems, list)
    return [p["code"] for p in problems if path_part in p["path"]]


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """This repository's rubrics, schemas and data (two published editions under atd-core 2.0)."""
    target = tmp_path / "data"
    for folder in ("rubrics", "countries", "schemas"):
        shutil.copytree(REPO / folder, target / folder)
    return target


# --- atdscore new ---------------------------------------------------------------------------------


def test_new_writes_a_scaffold_that_passes_check(repo_copy: Path) -> None:
    result = run_cli("new", "KEN", "-C", str(repo_copy))
    assert result.exit_code == 0, result.stderr
    path = repo_copy / "countries" / "2023" / "KEN.yaml"
    text = path.read_text()
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../schemas/atd-core.country.schema.json"
    assert "country: KEN\nyear: 2023\nrubric: atd-core\nanswers:\n" in text
    # Above each answer: the question, the valid answers with points, one line of guidance.
    law = lines.index("  prohibition.law:")
    assert lines[law - 8].startswith("  # prohibition.law: Does national law prohibit detaining children")
    assert lines[law - 7 : law - 2] == [
        "  # value: one of",
        "  #   all-children           6 points  Prohibited for all children",
        "  #   unaccompanied-only     3 points  Prohibited for unaccompanied children only",
        "  #   last-resort-only       1 point   Allowed, but only as a last resort",
        "  #   not-restricted         0 points  Not restricted by law",
    ]
    assert lines[law - 2 : law] == [
        "  # guidance: Score the law (statute or binding regulation) in force on 31 December of the edition",
        "  #   year, not policy statements, pledges or bills.",
    ]
    assert lines[law + 1] == "    status: unknown"
    assert "  # value: a number of days (at least 0, .inf for no limit)" in lines
    assert "  # value: a whole number of points from 0 to 4, an expert's score" in lines
    assert "  # value: a list of the items that apply, [] for none (points add up)" in lines
    assert text.count("    status: unknown\n") == 16
    assert "16 indicators of atd-core 2.2" in result.stderr
    assert "2023 is a published edition" in result.stderr  # adding a country changes a published ranking
    # It passes check, even --strict: every indicator is answered, as unknown; no warning is about KEN.
    data = check_json(repo_copy, "--strict")
    assert data["errors"] == 0 and codes(data, "KEN") == []
    # The schema its first line points at accepts it.
    jsonschema = pytest.importorskip("jsonschema")
    from atdscore.files.load import read_yaml

    doc, _ = read_yaml(path, 1 << 20)
    assert doc is not None
    schema = json.loads((repo_copy / "schemas" / "atd-core.country.schema.json").read_text())
    jsonschema.validate(doc.data, schema)


def test_new_in_the_fixture_project_and_in_a_draft(project: Path) -> None:
    write_tree(project, {"countries/2023/edition.yaml": "status: draft\n"})
    result = run_cli("new", "ken", "--year", "2023", "-C", str(project))  # any case
    assert result.exit_code == 0, result.stderr
    text = (project / "countries" / "2023" / "KEN.yaml").read_text()
    assert "published edition" not in result.stderr
    assert "run: atdscore check" in result.stderr
    # No schema for rubric 'test' in this project: the first line still points where it belongs, and the
    # command says how to write it.
    assert text.startswith("# yaml-language-server: $schema=../../schemas/test.country.schema.json\n")
    assert "atdscore schema country --rubric rubrics/test.yaml -o schemas/test.country.schema.json" in " ".join(
        result.stderr.split()
    ).replace(f"{project}/", "")
    assert "  #   up to 1.5: 3 points, up to 30: 2, up to 90: 1, more: 0" in text
    data = check_json(project, "--year", "2023")
    assert data["errors"] == 0 and codes(data, "KEN") == []


@pytest.mark.parametrize(
    ("argument", "message", "hint"),
    [
        ("KENYA", "'KENYA' is not an ISO 3166-1 alpha-3 country code", "did you mean 'KEN' (Kenya)?"),
        ("Kenya", "'Kenya' is not an ISO 3166-1 alpha-3 country code", "did you mean 'KEN' (Kenya)?"),
        ("México", "'México' is not", "did you mean 'MEX' (Mexico)?"),
        ("QQQ", "'QQQ' is not", "use the three-letter code, e.g. KEN for Kenya"),
    ],
)
def test_new_refuses_an_unknown_code_with_a_suggestion(project: Path, argument: str, message: str, hint: str) -> None:
    result = run_cli("new", argument, "-C", str(project))
    assert result.exit_code == 2
    assert message in result.stderr and hint in result.stderr
    assert "Traceback" not in result.stderr


def test_new_never_overwrites(project: Path) -> None:
    mex = project / "countries" / "2023" / "MEX.yaml"
    before = mex.read_text()
    result = run_cli("new", "MEX", "-C", str(project))
    assert result.exit_code == 2
    assert "countries/2023/MEX.yaml already exists" in result.stderr and "never overwrites" in result.stderr
    assert mex.read_text() == before
    (project / "countries" / "2023" / "KEN.yml").write_text("country: KEN\n")
    assert run_cli("new", "KEN", "-C", str(project)).exit_code == 2  # the other suffix counts too


def test_new_in_an_edition_that_does_not_exist(project: Path) -> None:
    result = run_cli("new", "KEN", "--year", "2025", "-C", str(project))
    assert result.exit_code == 2
    assert "no 2025 edition" in result.stderr and "atdscore new-edition 2025 --from 2023" in result.stderr
    assert not (project / "countries" / "2025").exists()
    bad = run_cli("new", "KEN", "--year", "20025", "-C", str(project))
    assert bad.exit_code == 2 and "20025 is not a year" in bad.stderr


def test_new_in_an_edition_pinned_to_a_kept_rubric_version(repo_copy: Path) -> None:
    # 2023 published with atd-core 1.0 (kept as atd-core@1.0.yaml): a new file answers 1.0, not 2.0.
    rubric = repo_copy / "rubrics" / "atd-core@1.0.yaml"
    from atdscore.files.load import read_yaml
    from atdscore.validation.edition import scoring_sha256
    from atdscore.validation.rubric import load_rubric

    doc, _ = read_yaml(rubric, 1 << 20)
    assert doc is not None
    old, _ = load_rubric(doc)
    assert old is not None
    edition = repo_copy / "countries" / "2018"
    shutil.rmtree(edition)
    edition.mkdir()
    write_tree(
        edition,
        {
            "edition.yaml": f'status: published\nrubric: atd-core\nrubric_version: "1.0"\n'
            f"rubric_sha256: {scoring_sha256(old)}\npublished: 2024-01-01\n",
            "MEX.yaml": "country: MEX\nyear: 2018\nrubric: atd-core\nanswers: {}\n",
        },
    )
    result = run_cli("new", "KEN", "--year", "2018", "-C", str(repo_copy))
    assert result.exit_code == 0, result.stderr
    text = (edition / "KEN.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=../../schemas/atd-core@1.0.country.schema.json\n")
    assert "rubric atd-core 1.0" in text and "monitoring.statistics:" in text
    assert "--rubric rubrics/atd-core@1.0.yaml" in " ".join(result.stderr.split()).replace(f"{repo_copy}/", "")
    data = check_json(repo_copy, "--year", "2018")
    assert codes(data, "KEN") == []


def test_new_starts_the_first_edition_of_a_new_project(tmp_path: Path, project: Path) -> None:
    fresh = tmp_path / "fresh"
    shutil.copytree(project / "rubrics", fresh / "rubrics")
    (fresh / "countries").mkdir()
    assert "give the first edition's year" in run_cli("new", "KEN", "-C", str(fresh)).stderr
    result = run_cli("new", "KEN", "--year", "2025", "-C", str(fresh))
    assert result.exit_code == 0, result.stderr
    assert check_json(fresh)["errors"] == 0
    shutil.copy(fresh / "rubrics" / "test.yaml", fresh / "rubrics" / "other.yaml")
    shutil.rmtree(fresh / "countries" / "2025")
    two = run_cli("new", "KEN", "--year", "2025", "-C", str(fresh))
    assert two.exit_code == 2 and "exactly one rubric" in two.stderr


def test_new_with_a_broken_rubric_writes_nothing(project: Path) -> None:
    rubric = project / "rubrics" / "test.yaml"
    rubric.write_text(rubric.read_text().replace("type: number", "type: nunber"))
    result = run_cli("new", "KEN", "-C", str(project))
    assert result.exit_code == 1 and "rubric 'test' has errors" in result.stderr
    assert "test.yaml:" in result.stderr and "nunber" in result.stderr
    assert not (project / "countries" / "2023" / "KEN.yaml").exists()


def test_country_names_suggest_codes() -> None:
    assert suggest_code("KENYA") == suggest_code("kenya") == suggest_code("Kenia") == "KEN"
    assert suggest_code("ken") == "KEN"
    assert suggest_code("Estados Unidos") == suggest_code("United States of America") == "USA"
    assert suggest_code("Côte d'Ivoire") == suggest_code("cote divoire") == "CIV"
    assert suggest_code("Atlantis") is None


def test_first_sentence() -> None:
    assert first_sentence("Score the law. Then the rest.") == "Score the law."
    assert first_sentence("An expert score for\n  practice. 0: none.") == "An expert score for practice."
    assert first_sentence("Use e.g. the gazette. More.") == "Use e.g. the gazette."


def test_write_new_and_write_new_folder_never_replace(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    assert write_new(path, "one\n") and not write_new(path, "two\n")
    assert path.read_text() == "one\n"
    folder = tmp_path / "2025"
    folder.mkdir()  # an empty folder is replaced
    assert write_new_folder(folder, {"x.yaml": "x\n"})
    assert not write_new_folder(folder, {"y.yaml": "y\n"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2025", "a.yaml"]  # no temporary folder left
    assert [p.name for p in folder.iterdir()] == ["x.yaml"]


@pytest.mark.parametrize("command", ["new", "new-edition"])
def test_authoring_commands_have_help_with_examples(command: str) -> None:
    result = run_cli(command, "--help")
    assert result.exit_code == 0 and "Examples" in result.stdout
