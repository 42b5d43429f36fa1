"""`atdscore new-edition`: answers carried forward with comments kept, marked, warned, refused by publish, diffed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from atdscore.core.carry import carry_forward
from conftest import run_cli, write_tree

REPO = Path(__file__).parent.parent

COMMENTED_2023 = """\
# Malaysia 2023: reviewed by Aisha on 2 May 2024.
country: MYS
year: 2023   # the edition
rubric: test
answers:
  # The Child Act is silent on immigration detention; we read it as a partial ban.
  law.ban: {value: partial, evidence: [{title: Child Act, date: 2001}]}
  law.bodies:
    value: [unhcr]   # UNHCR only, since 2019
    evidence: [{title: UNHCR statement, date: 2023-06-01}]
  limits.days: {value: 45, evidence: [{title: Immigration regulations, date: 2020}]}
  limits.expert: {status: unknown}
  practice.detained: {value: not-reported, evidence: [{title: Parliament answer, date: 2023}]}
  practice.prisons: {value: not-reported, evidence: [{title: Parliament answer, date: 2023}]}
  extra.pledge: {status: unknown}
# end of file
"""


@pytest.fixture
def project(project: Path) -> Path:
    """The fixture project, its 2023 Malaysia file commented, complete and strict-clean."""
    (project / "countries" / "2023" / "MYS.yaml").write_text(COMMENTED_2023)
    return project


def carry(project: Path, *args: str) -> str:
    result = run_cli("new-edition", "2025", "--from", "2023", "-C", str(project), *args)
    assert result.exit_code == 0, result.stderr
    return result.stderr


def problems(project: Path, *args: str) -> list[dict[str, object]]:
    data = json.loads(run_cli("check", str(project), "-f", "json", *args).stdout)
    found = data["problems"]
    assert isinstance(found, list)
    return found


def test_a_comment_written_in_2023_survives_into_2025(project: Path) -> None:
    stderr = carry(project)
    text = (project / "countries" / "2025" / "MYS.yaml").read_text()
    assert text == (
        COMMENTED_2023.replace("year: 2023   # the edition", "year: 2025   # the edition")
        .replace("{value: partial", "{review: carried, value: partial")
        .replace("  law.bodies:\n", "  law.bodies:\n    review: carried\n")
        .replace("{value: 45", "{review: carried, value: 45")
        .replace("{status: unknown}", "{review: carried, status: unknown}")
        .replace("{value: not-reported", "{review: carried, value: not-reported")
    )
    assert "started the 2025 edition (draft)" in stderr and "4 country files carried from 2023" in stderr
    assert "28 answers marked `review: carried`" in stderr
    edition = (project / "countries" / "2025" / "edition.yaml").read_text()
    assert "status: draft\ncarried_from: 2023\n" in edition and edition.startswith("# Edition 2025: a draft")
    # The older edition is untouched.
    assert (project / "countries" / "2023" / "MYS.yaml").read_text() == COMMENTED_2023


def test_carrying_the_shipped_data_changes_only_the_year_and_the_marks(tmp_path: Path) -> None:
    for folder in ("rubrics", "countries"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    carry(tmp_path)
    for old in sorted((tmp_path / "countries" / "2023").glob("[A-Z]*.yaml")):
        new = (tmp_path / "countries" / "2025" / old.name).read_text().splitlines()
        kept = [line for line in new if line.strip() != "review: carried"]
        assert kept == [("year: 2025" if line == "year: 2023" else line) for line in _without_changes(old)]


def _without_changes(path: Path) -> list[str]:
    """A file's lines without its `change:` and `corrections:` blocks, which belong to the edition they explain."""
    lines, skipping = [], None
    for line in path.read_text().splitlines():
        indent = len(line) - len(line.lstrip())
        if skipping is not None and indent > skipping:
            continue
        skipping = indent if line.strip() in ("change:", "corrections:") else None
        if skipping is None:
            lines.append(line)
    return lines


def test_carried_answers_are_warned_in_a_draft_and_fail_strict_once_published(project: Path) -> None:
    carry(project)
    found = [p for p in problems(project, "--year", "2025") if "2025/MYS" in str(p["path"])]
    carried = [p for p in found if p["code"] == "W421"]
    assert len(carried) == 7 and all(p["severity"] == "warning" for p in carried)
    first = carried[0]
    assert first["line"] == 7 and first["message"] == "the answer to law.ban is carried from 2023, not re-verified"
    assert first["hint"] == "confirm it and delete 'review: carried', or change it"
    # Allowed in a draft, even with --strict.
    assert run_cli("check", str(project), "--year", "2025", "--strict").exit_code == 0


def test_publish_refuses_an_edition_with_carried_answers(project: Path) -> None:
    carry(project)
    refused = run_cli("publish", "2025", "-C", str(project))
    assert refused.exit_code == 1
    lines = [line for line in refused.stderr.splitlines() if "E422" in line]
    assert len(lines) == 4  # one per file, at its first mark
    assert "countries/2025/MYS.yaml:7:" in refused.stderr
    assert "7 answers carried from 2023 and not re-verified (the first is here)" in refused.stderr
    assert "28 answers of the 2025 edition still marked review: carried" in refused.stderr
    assert "status: draft" in (project / "countries" / "2025" / "edition.yaml").read_text()
    # Once every mark is gone (each answer confirmed), it publishes.
    for path in (project / "countries" / "2025").glob("[A-Z]*.yaml"):
        path.write_text(path.read_text().replace("review: carried, ", "").replace("    review: carried\n", ""))
    assert not any(p["code"] in ("W421", "E422") for p in problems(project, "--year", "2025"))
    published = run_cli("publish", "2025", "-C", str(project), "--date", "2026-01-15")
    assert published.exit_code == 0, published.stderr
    edition = (project / "countries" / "2025" / "edition.yaml").read_text()
    assert "status: published\ncarried_from: 2023\nrubric: test\n" in edition


def test_check_strict_fails_on_carried_answers_in_a_published_edition(project: Path) -> None:
    # A published edition whose file still has a mark (copied by hand, say): --strict fails, located.
    mys = project / "countries" / "2023" / "MYS.yaml"
    mys.write_text(
        mys.read_text().replace(
            "  limits.expert: {status: unknown}", "  limits.expert: {review: carried, status: unknown}"
        )
    )
    loose = [p for p in problems(project, "--year", "2023") if p["code"] in ("W421", "E422")]
    assert [(p["code"], p["line"]) for p in loose] == [("W421", 12)]
    assert loose[0]["message"] == "the answer to limits.expert is carried from an earlier edition, not re-verified"
    strict = [p for p in problems(project, "--year", "2023", "--strict") if p["code"] in ("W421", "E422")]
    assert [(p["code"], p["severity"], p["line"]) for p in strict] == [("E422", "error", 12)]


def test_diff_lists_carried_answers_as_not_re_verified(project: Path) -> None:
    carry(project)
    # One answer re-verified and changed: it shows as a change, the others as not re-verified.
    mex = project / "countries" / "2025" / "MEX.yaml"
    text = mex.read_text().replace(
        "law.ban: {review: carried, value: full, evidence: [law-2021]",
        "law.ban: {change: {reason: law-change, note: The 2025 law narrowed the ban.}, value: partial, "
        "evidence: [{title: Gazette 2025, date: 2025}]",
    )
    mex.write_text(text)
    table = run_cli("diff", "2023", "2025", "-C", str(project))
    assert table.exit_code == 0, table.stderr
    assert "No changes" not in table.stdout
    assert "27 answers carried over and not re-verified (review: carried)" in table.stdout
    assert "7 indicators, 6 not re-verified" in table.stdout  # Mexico: 1 changed, 6 carried
    assert "not re-verified" in table.stdout.split("Mexico (MEX)\n")[-1]
    md = run_cli("diff", "2023", "2025", "-C", str(project), "-f", "md").stdout
    assert "> 27 answers carried over and not re-verified" in md and "| law.bodies | not re-verified |" in md
    csv = run_cli("diff", "2023", "2025", "-C", str(project), "-f", "csv").stdout
    assert ",MEX,Mexico,changed," in csv and ",law.ban,answer," in csv and ",law.bodies,carried," in csv
    data = json.loads(run_cli("diff", "2023", "2025", "-C", str(project), "-f", "json").stdout)
    comparison = data["comparisons"][0]
    assert comparison["carried"] == 27 and comparison["unchanged"] == 0
    reasons = {i["id"]: i["reason"] for c in comparison["countries"] if c["country"] == "MEX" for i in c["indicators"]}
    assert reasons["law.ban"] == "answer" and reasons["law.bodies"] == "carried"
    # A diff within the draft (both sides carried) shows nothing new.
    same = run_cli("diff", "countries/2025", str(project / "countries" / "2025"), "-C", str(project))
    assert "not re-verified" not in same.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["2025", "--from", "2020"], "no 2020 edition to carry forward"),
        (["2021", "--from", "2023"], "2021 is not after 2023"),
        (["2023", "--from", "2022"], "countries/2023 already exists"),
        (["99", "--from", "2023"], "99 is not a year"),
    ],
)
def test_new_edition_usage_errors(project: Path, args: list[str], message: str) -> None:
    result = run_cli("new-edition", *args, "-C", str(project))
    assert result.exit_code == 2, result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in (project / "countries").iterdir()) == ["2022", "2023"]


def test_new_edition_refuses_a_draft_and_an_existing_year_folder(project: Path) -> None:
    write_tree(project, {"countries/2023/edition.yaml": "status: draft\n"})
    draft = run_cli("new-edition", "2025", "--from", "2023", "-C", str(project))
    assert draft.exit_code == 2
    assert "2023 is a draft" in draft.stderr and "publish 2023 first" in draft.stderr
    (project / "countries" / "2023" / "edition.yaml").unlink()
    # A year folder that holds anything (here only an edition.yaml) is not replaced.
    write_tree(project, {"countries/2025/edition.yaml": "status: draft\n"})
    held = run_cli("new-edition", "2025", "--from", "2023", "-C", str(project))
    assert held.exit_code == 2 and "countries/2025 already exists and holds edition.yaml" in held.stderr
    assert [p.name for p in (project / "countries" / "2025").iterdir()] == ["edition.yaml"]
    # An empty one is used.
    (project / "countries" / "2025" / "edition.yaml").unlink()
    carry(project)


def test_new_edition_defaults_to_the_latest_published_edition(project: Path) -> None:
    result = run_cli("new-edition", "2025", "-C", str(project))
    assert result.exit_code == 0, result.stderr
    assert "carried from 2023" in result.stderr


def test_new_edition_writes_nothing_when_the_older_edition_has_errors(project: Path) -> None:
    mex = project / "countries" / "2023" / "MEX.yaml"
    mex.write_text(mex.read_text().replace("value: full", "value: ful"))
    result = run_cli("new-edition", "2025", "--from", "2023", "-C", str(project))
    assert result.exit_code == 1
    assert "countries/2023/MEX.yaml:10:" in result.stderr and "E412" in result.stderr
    assert "nothing was written: the 2023 edition has errors" in result.stderr
    assert not (project / "countries" / "2025").exists()


def test_new_edition_from_an_edition_pinned_to_a_kept_rubric_version(project: Path) -> None:
    # 2023 is published with test 2.1, kept as test@2.1.yaml; the current test 3.0 drops the option 'partial'.
    rubric = project / "rubrics" / "test.yaml"
    shutil.copy(rubric, project / "rubrics" / "test@2.1.yaml")
    assert run_cli("publish", "2023", "-C", str(project), "--date", "2024-05-01").exit_code == 0
    text = rubric.read_text().replace('version: "2.1"', 'version: "3.0"')
    rubric.write_text(text.replace("          - {id: partial, label: Partial ban, points: 2}\n", ""))
    assert run_cli("check", str(project), "--year", "2023").exit_code == 0  # still valid under its pin
    result = run_cli("new-edition", "2025", "--from", "2023", "-C", str(project))
    assert result.exit_code == 1
    assert "countries/2023/MYS.yaml:7:" in result.stderr and "unknown option 'partial' for law.ban" in result.stderr
    assert (
        "nothing was written: 2023 is published with test 2.1, and its answers do not all fit the current test 3.0"
        in " ".join(result.stderr.split())
    )
    assert not (project / "countries" / "2025").exists()
    # When they fit (points changed, ids kept), the edition is carried, and the command says which rubric scores it.
    rubric.write_text(
        text.replace("{id: partial, label: Partial ban, points: 2}", "{id: partial, label: Partial ban, points: 1}")
    )
    carried = carry(project)
    assert "note: 2023 is published with test 2.1; 2025 is a draft scored with test 3.0" in " ".join(carried.split())


def test_carry_forward_drops_what_belongs_to_the_older_edition_and_keeps_comments() -> None:
    text = """\
# top
country: MYS
year: 2023
answers:
  a.b:
    value: x   # eol kept
    change:
      why: the 2022 law
  # above c.d, written in 2023
  c.d:
    value: y
    corrections: [1, 2]
    # above the note
    note: hi
  e.f: {value: z, change: flow}
  # above g.h
  g.h:
    value: w
    corrections:
      - {date: 2023-01-01}
  # above i.j
  i.j:
    review: carried
    status: unknown
responses:
  - ministry
# end
"""
    carried = carry_forward(text, 2025)
    assert (
        carried.text
        == """\
# top
country: MYS
year: 2025
answers:
  a.b:
    review: carried
    value: x   # eol kept
  # above c.d, written in 2023
  c.d:
    review: carried
    value: y
    # above the note
    note: hi
  e.f: {review: carried, value: z}
  # above g.h
  g.h:
    review: carried
    value: w
  # above i.j
  i.j:
    review: carried
    status: unknown
# end
"""
    )
    assert carried.marked == 5
    assert carried.dropped == ("responses", "a.b.change", "c.d.corrections", "e.f.change", "g.h.corrections")


def test_the_country_schema_for_the_shipped_rubric_is_current() -> None:
    result = run_cli("schema", "country", "--rubric", str(REPO / "rubrics" / "atd-core.yaml"))
    assert result.exit_code == 0, result.stderr
    shipped = REPO / "schemas" / "atd-core.country.schema.json"
    assert json.loads(shipped.read_text()) == json.loads(result.stdout), (
        f"{shipped} is out of date: atdscore schema country --rubric rubrics/atd-core.yaml -o {shipped}"
    )


def test_the_country_schema_validates_the_shipped_files_and_rejects_a_wrong_option() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from atdscore.files.load import read_yaml

    schema = json.loads((REPO / "schemas" / "atd-core.country.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    generic = jsonschema.Draft202012Validator(json.loads((REPO / "schemas" / "country.schema.json").read_text()))
    files = sorted((REPO / "countries").glob("*/[A-Z][A-Z][A-Z].yaml"))
    assert len(files) == 54
    for path in files:
        doc, _ = read_yaml(path, 1 << 20)
        assert doc is not None
        assert not list(validator.iter_errors(doc.data)), path
        assert not list(generic.iter_errors(doc.data)), path
    doc, _ = read_yaml(REPO / "countries" / "2023" / "MEX.yaml", 1 << 20)
    assert doc is not None
    answers = doc.data["answers"]
    answers["prohibition.law"]["value"] = "all-childen"
    errors = list(validator.iter_errors(doc.data))
    assert [list(e.absolute_path) for e in errors] == [["answers", "prohibition.law", "value"]]
    assert "'all-childen' is not one of ['all-children'" in errors[0].message
    answers["prohibition.law"]["value"] = "all-children"
    for bad in ({"value": ["npm", "npm"]}, {"value": ["ombudsman"]}):
        answers["monitoring.bodies"].update(bad)
        assert list(validator.iter_errors(doc.data)), bad
    answers["monitoring.bodies"]["value"] = ["npm"]
    answers["case-management.community-case-management"] = {"value": 5, "evidence": ["x"]}
    answers["time-limits.max-days"] = {"value": -1, "evidence": ["x"]}
    answers["prohibition.lawz"] = {"status": "unknown"}
    answers["prohibition.families"] = {"value": "allowed", "status": "unknown"}
    wrong = {tuple(e.absolute_path)[:2] for e in validator.iter_errors(doc.data)}
    assert wrong == {
        ("answers", "case-management.community-case-management"),
        ("answers", "time-limits.max-days"),
        ("answers",),
        ("answers", "prohibition.families"),
    }


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["schema", "rubric", "--rubric", "rubrics/test.yaml"], 2, "--rubric specialises the country schema"),
        (["schema", "country", "--rubric", "rubrics/nope.yaml"], 2, "rubric file 'rubrics/nope.yaml' does not exist"),
        (["schema", "country", "--rubric", "countries/2023/MEX.yaml"], 1, "The rubric has errors"),
    ],
)
def test_schema_with_a_rubric_errors(
    project: Path, args: list[str], code: int, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    result = run_cli(*args)
    assert result.exit_code == code and message in result.stderr


def test_schema_for_a_kept_rubric_version(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = run_cli("schema", "country", "--rubric", "rubrics/atd-core@1.0.yaml")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["title"] == "Country file (atd-core 1.0)"
    assert "monitoring.statistics" in data["properties"]["answers"]["properties"]


def test_new_edition_cannot_write(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    import atdscore.files.output

    def refuse(folder: Path, files: dict[str, str]) -> bool:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(atdscore.files.output, "write_new_folder", refuse)
    result = run_cli("new-edition", "2025", "-C", str(project))
    assert result.exit_code == 2 and "cannot write" in result.stderr and "Read-only file system" in result.stderr


def test_carrying_keeps_windows_line_endings_and_a_byte_order_mark(project: Path) -> None:
    mys = project / "countries" / "2023" / "MYS.yaml"
    mys.write_bytes(b"\xef\xbb\xbf" + COMMENTED_2023.replace("\n", "\r\n").encode())
    carry(project)
    data = (project / "countries" / "2025" / "MYS.yaml").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf# Malaysia 2023") and b"\r\nyear: 2025   # the edition\r\n" in data
    assert data.count(b"\r\n") == data.count(b"\n")
