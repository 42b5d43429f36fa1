"""One definition per concept: answer equality, rubric identity, the ranked count, a country across editions.

Each concept is defined once (core/answers.py, core/editions.py, core/rank.py); these tests pin the
definition and check that the commands that use it (diff, brief, history) agree with each other.
"""

from __future__ import annotations

import json
import math
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from atdscore.core.answers import same_answer
from atdscore.core.brief import build_brief, country_brief
from atdscore.core.diff import Reason, Side, compare
from atdscore.core.editions import (
    RubricRef,
    ScoredEdition,
    country_across,
    previous_edition,
    score_edition,
    scored,
)
from atdscore.core.rank import Ranked, rank_countries, ranked_count
from atdscore.core.score import CountryResult
from atdscore.files.discover import Layout, display_path
from atdscore.validation.country_file import Answer, CountryFile
from atdscore.validation.project import Edition, RubricSet, discover_editions, load_edition
from conftest import FIXTURE_PROJECT, run_cli, write_tree

UNRANKED = """country: DEU
year: 2023
rubric: test
answers:
  law.ban: {status: not-applicable}
  law.bodies: {status: not-applicable}
  limits.days: {status: not-applicable}
  limits.expert: {status: not-applicable}
"""


def fixture_edition(year: int) -> ScoredEdition:
    loaded = load_edition(
        discover_editions(FIXTURE_PROJECT / "countries")[year], RubricSet(FIXTURE_PROJECT / "rubrics")
    )
    return scored(loaded)


def answer(data: dict[str, Any]) -> Answer:
    return Answer.model_validate(data)


def with_answers(edition: ScoredEdition, code: str, **answers: dict[str, Any]) -> ScoredEdition:
    """The edition with some of one country's answers replaced, scored again."""
    file = edition.files[code]
    changed = file.model_copy(
        update={"answers": {**file.answers, **{k.replace("__", "."): answer(v) for k, v in answers.items()}}}
    )
    return score_edition(
        edition.year,
        edition.rubric,
        edition.rubric_sha256,
        [*(f for c, f in edition.files.items() if c != code), changed],
    )


# --- Answer equality ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "same"),
    [
        ({"value": ["nhri", "unhcr"]}, {"value": ["unhcr", "nhri"]}, True),  # a checklist is a set
        ({"value": ["nhri", "unhcr"]}, {"value": ["nhri"]}, False),
        ({"value": []}, {"value": []}, True),
        ({"value": "full"}, {"value": "full", "note": "another note"}, True),  # notes are not the answer
        ({"value": "full"}, {"value": "partial"}, False),
        ({"value": 2}, {"value": 2.0}, True),  # the same number, however it is written
        ({"value": 1.5}, {"value": 2}, False),
        ({"value": math.inf}, {"value": math.inf}, True),
        ({"status": "unknown"}, {"status": "unknown"}, True),
        ({"status": "unknown"}, {"status": "not-applicable"}, False),
        ({"status": "unknown"}, {"value": "unknown"}, False),  # an option named like a status is not the status
        (None, None, True),
        (None, {"status": "unknown"}, False),
    ],
)
def test_same_answer(old: dict[str, Any] | None, new: dict[str, Any] | None, same: bool) -> None:
    a = None if old is None else answer(old)
    b = None if new is None else answer(new)
    assert same_answer(a, b) is same
    assert same_answer(b, a) is same


def test_a_reordered_checklist_is_no_change_in_diff_or_brief() -> None:
    old = fixture_edition(2023)
    new = with_answers(old, "MEX", law__bodies={"value": ["ngos", "unhcr", "nhri"], "evidence": ["law-2021"]})
    assert new.files["MEX"].answers["law.bodies"].value != old.files["MEX"].answers["law.bodies"].value
    comparison = compare(Side("old", old), Side("new", new))
    assert comparison.countries == () and comparison.unchanged == 4
    mine, previous = new.country("MEX"), old.country("MEX")
    assert mine is not None and previous is not None
    change = build_brief(mine, previous=previous).change
    assert change is not None and change.answers == ()


def test_diff_and_brief_list_the_same_changed_answers() -> None:
    old = fixture_edition(2023)
    new = with_answers(
        old,
        "MEX",
        law__bodies={"value": ["ngos", "nhri"], "evidence": ["law-2021"]},  # an item dropped
        law__ban={"value": "full", "evidence": ["law-2021"], "note": "Only the note changed."},
        limits__days={"status": "unknown"},
    )
    comparison = compare(Side("old", old), Side("new", new))
    (mex,) = comparison.countries
    in_diff = {i.id for i in mex.indicators if i.reason in (Reason.ANSWER, Reason.KNOWLEDGE)}
    mine, previous = new.country("MEX"), old.country("MEX")
    assert mine is not None and previous is not None
    change = build_brief(mine, previous=previous).change
    assert change is not None
    # Both list the same changed answers; knowledge changes (answered <-> unknown) are flagged apart.
    assert in_diff == {a.id for a in (*change.answers, *change.knowledge)} == {"law.bodies", "limits.days"}
    assert {i.id for i in mex.indicators if i.knowledge} == {a.id for a in change.knowledge} == {"limits.days"}
    assert {i.id: i.reason.value for i in mex.indicators if i.id == "limits.days"} == {"limits.days": "knowledge"}


# --- Rubric identity ------------------------------------------------------------------------------------------


def test_rubric_identity_is_id_version_and_file_hash() -> None:
    edition = fixture_edition(2023)
    assert edition.rubric_ref == RubricRef("test", "2.1", edition.rubric_sha256)
    assert len(edition.rubric_sha256) == 64


@pytest.mark.parametrize("same_file", [True, False])
def test_diff_and_brief_agree_on_whether_the_rubric_changed(same_file: bool) -> None:
    old, new = fixture_edition(2022), fixture_edition(2023)
    if not same_file:
        # The same id and version read from another file (edited without a version bump): another rubric.
        new = replace(new, rubric_sha256="0" * 64)
    comparison = compare(Side("2022", old), Side("2023", new))
    brief = country_brief("MEX", new, [old])
    assert brief.change is not None
    assert comparison.rubric.changed is brief.change.rubric_changed is (not same_file)


# --- The ranked count -----------------------------------------------------------------------------------------


def result(country: str, percent: int | None) -> CountryResult:
    from fractions import Fraction

    value = None if percent is None else Fraction(percent)
    return CountryResult(country, 2023, value or Fraction(0), Fraction(100), value, Fraction(1), ())


def test_the_ranked_count_leaves_out_countries_without_a_percent() -> None:
    ranked = rank_countries([result("AAA", 50), result("BBB", None), result("CCC", 50), result("DDD", 10)])
    assert [(r.result.country, r.rank) for r in ranked] == [("AAA", 1), ("CCC", 1), ("DDD", 3), ("BBB", None)]
    assert ranked_count(ranked) == 3
    assert ranked_count([Ranked(None, result("BBB", None))]) == 0


def test_history_and_brief_count_the_same_ranked_countries(project: Path) -> None:
    (project / "countries" / "2023" / "DEU.yaml").write_text(UNRANKED)
    edition = scored(load_edition(discover_editions(project / "countries")[2023], RubricSet(project / "rubrics")))
    assert len(edition.files) == 5 and edition.of == 4
    history = run_cli("history", "MEX", str(project), "--format", "json")
    assert history.exit_code == 0
    assert [(e["year"], e["rank"], e["of"]) for e in json.loads(history.stdout)["editions"]] == [
        (2022, 1, 1),
        (2023, 1, 4),
    ]
    brief = run_cli("brief", "MEX", "--project", str(project))
    assert "rank 1 of 4 countries" in brief.stdout and "| Rank | 1 of 1 | 1 of 4 |" in brief.stdout
    unranked = run_cli("history", "DEU", str(project), "--format", "csv")
    assert unranked.stdout.splitlines()[1].split(",")[5:9] == ["", "", "", "4"]  # percent, band, rank, of


# --- A country across editions ----------------------------------------------------------------------------------


def test_scoring_an_edition_needs_its_rubric() -> None:
    with pytest.raises(ValueError, match="no valid rubric"):
        scored(Edition(2023))


def test_a_country_across_editions_and_its_previous_edition() -> None:
    old, new = fixture_edition(2022), fixture_edition(2023)
    across = country_across("MEX", [new, old])
    assert [(c.year, c.rank, c.of) for c in across] == [(2022, 1, 1), (2023, 1, 4)]
    assert [c.year for c in country_across("BEL", [new, old])] == [2023]
    assert country_across("ZZZ", [new, old]) == []
    previous = previous_edition("MEX", 2023, [old, new])
    assert previous is not None and previous.year == 2022 and previous.file.year == 2022
    assert previous_edition("MEX", 2022, [old, new]) is None
    assert previous_edition("BEL", 2023, [old, new]) is None
    assert new.country("ZZZ") is None


def test_country_brief_takes_its_previous_edition_and_trend_from_the_editions_module() -> None:
    old, new = fixture_edition(2022), fixture_edition(2023)
    brief = country_brief("MEX", new, [old])
    assert brief.change is not None and brief.change.year == 2022
    assert (brief.rank, brief.of) == (1, 4)
    assert country_brief("BEL", new, [old]).change is None
    with pytest.raises(KeyError):
        country_brief("ZZZ", new, [old])


def test_an_edition_scores_its_countries_once_in_iso3_order() -> None:
    edition = fixture_edition(2023)
    assert list(edition.files) == ["BEL", "MEX", "MYS", "THA"]
    assert [r.country for r in edition.results] == ["BEL", "MEX", "MYS", "THA"]
    assert [e.result.country for e in edition.ranked] == ["MEX", "BEL", "MYS", "THA"]
    assert isinstance(edition.files["MEX"], CountryFile)


# --- How messages name files --------------------------------------------------------------------------------------


def test_a_layout_names_its_files_with_its_own_label(tmp_path: Path) -> None:
    plain = Layout(tmp_path, tmp_path / "rubrics", tmp_path / "countries")
    labelled = Layout(tmp_path, tmp_path / "rubrics", tmp_path / "countries", label="origin/main:")
    file = tmp_path / "countries" / "2023" / "MEX.yaml"
    assert labelled.display(file) == "origin/main:countries/2023/MEX.yaml"
    # No state is left behind: the same folder without the label is shown as a path.
    assert plain.display(file) == display_path(file) == file.as_posix()
    assert labelled.display(Path("/elsewhere/MEX.yaml")) == "/elsewhere/MEX.yaml"


def test_problems_in_a_labelled_layout_name_the_label(tmp_path: Path) -> None:
    root = write_tree(
        tmp_path / "snapshot",
        {
            "rubrics/test.yaml": "id: [not, a, rubric]\n",
            "countries/2023/MEX.yaml": "country: MEX\nyear: 2023\nrubric: test\n",
            "countries/2023/edition.yaml": "status: [not, a, status]\n",
        },
    )
    layout = Layout(root, root / "rubrics", root / "countries", label="v1.0:")
    rubrics = RubricSet(layout.rubrics, display_as=layout.display)
    info = discover_editions(layout.countries, layout.display)[2023]
    edition = load_edition(info, rubrics)
    paths = {p.path for p in rubrics.problems + edition.problems}
    assert paths and all(p.startswith("v1.0:") for p in paths), paths
    assert {"v1.0:rubrics/test.yaml", "v1.0:countries/2023/edition.yaml"} <= paths


def test_diff_base_names_files_of_the_revision_by_the_revision(project: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True)

    identity = ["-c", "user.email=t@example.org", "-c", "user.name=t"]
    mex = project / "countries" / "2023" / "MEX.yaml"
    good = mex.read_text()
    mex.write_text(good.replace("value: full", "value: fulll"))
    git("init", "-q", "-b", "main")
    git("add", ".")
    git(*identity, "commit", "-q", "-m", "a typo")
    mex.write_text(good)
    result = run_cli("diff", "--base", "HEAD", "--project", str(project))
    assert result.exit_code == 1
    assert "HEAD:countries/2023/MEX.yaml:" in result.stderr and "'fulll'" in result.stderr
    # The next command in the same process names its files plainly again.
    mex.write_text(good.replace("value: full", "value: fulll"))
    check = run_cli("check", str(project))
    assert "HEAD:" not in check.stdout and "countries/2023/MEX.yaml:" in check.stdout


# --- The result JSON ------------------------------------------------------------------------------------------------


def test_rank_and_history_write_a_result_with_the_same_json(project: Path) -> None:
    ranking = json.loads(run_cli("rank", str(project), "--format", "json").stdout)
    history = json.loads(run_cli("history", "MEX", str(project), "--format", "json").stdout)
    in_rank = next(c for c in ranking["countries"] if c["country"] == "MEX")
    in_history = next(e for e in history["editions"] if e["year"] == 2023)
    result_keys = ["points", "max", "percent", "range", "band", "coverage", "categories"]
    assert list(in_rank) == ["country", "name", "rank", "ranked", *result_keys]
    assert list(in_history) == ["year", "rubric", "rank", "of", *result_keys]
    assert {k: in_rank[k] for k in result_keys} == {k: in_history[k] for k in result_keys}
    assert (in_rank["rank"], in_history["rank"], in_history["of"]) == (1, 1, 4)
    assert (
        ranking["rubric"]["sha256"]
        == scored(
            load_edition(discover_editions(project / "countries")[2023], RubricSet(project / "rubrics"))
        ).rubric_sha256
    )


def test_a_forked_read_names_files_with_the_label_and_keeps_the_childs_half(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from atdscore.files import parallel
    from atdscore.files.load import read_yaml as real

    monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", 2)
    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)
    files = [tmp_path / f"{n}.yaml" for n in range(6)]
    for f in files:
        f.write_text("a: [unclosed\n")
    here: list[Path] = []

    def read_yaml(path: Path, *args: Any) -> Any:
        here.append(path)  # in this process only: the child's calls happen in the child
        return real(path, *args)

    monkeypatch.setattr(parallel, "read_yaml", read_yaml)
    layout = Layout(tmp_path, tmp_path / "rubrics", tmp_path / "countries", label="v1.0:")
    results = parallel.read_many(files, 10_000, "file", layout.display)
    assert [p.path for _, problems in results for p in problems] == [f"v1.0:{n}.yaml" for n in range(6)]
    assert here == files[:3], "the child's labelled reply was accepted, not parsed again here"
