"""Random small edits to a valid country file: a valid file or located problems, never a traceback (issue 11).

And the score never changes unless an answer did: an edit that leaves every value and status alone (a
comment, a note, spacing, key order) cannot move a total.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atdscore.core.score import Scorer
from atdscore.files.load import parse_yaml
from atdscore.problems import Problem
from atdscore.text.names import country_names
from atdscore.validation.country import check_country
from atdscore.validation.country_file import CountryFile
from atdscore.validation.project import RubricSet
from conftest import FIXTURE_PROJECT

MEX = FIXTURE_PROJECT / "countries" / "2023" / "MEX.yaml"
TEXT = MEX.read_text(encoding="utf-8")
RUBRIC, _ = RubricSet(FIXTURE_PROJECT / "rubrics").get("test")
assert RUBRIC is not None
SCORER = Scorer(RUBRIC)
NAMES = country_names()
# Characters people mistype in YAML: structure, quotes, tabs, anchors, tags, digits and letters.
TYPED = st.sampled_from(list(":-,#'\"{}[]\t\n &*!|>%@`0123456789.xyzAZ"))


def _check(text: str) -> tuple[CountryFile | None, list[Problem]]:
    path = Path("countries/2023/MEX.yaml")
    doc, problems = parse_yaml(text.encode("utf-8"), str(path), path)
    if doc is None:
        return None, list(problems)
    country, more = check_country(doc, {"test": RUBRIC}, country_names=NAMES)
    return country, problems + more


@st.composite
def edited(draw: st.DrawFn) -> str:
    lines = TEXT.split("\n")
    kind = draw(st.sampled_from(["insert", "delete", "replace", "duplicate-line", "swap-lines", "drop-line"]))
    at = draw(st.integers(0, len(TEXT) - 1))
    if kind == "insert":
        return TEXT[:at] + draw(TYPED) + TEXT[at:]
    if kind == "delete":
        return TEXT[:at] + TEXT[at + 1 :]
    if kind == "replace":
        return TEXT[:at] + draw(TYPED) + TEXT[at + 1 :]
    i = draw(st.integers(0, len(lines) - 1))
    j = draw(st.integers(0, len(lines) - 1))
    if kind == "duplicate-line":
        lines.insert(i, lines[i])
    elif kind == "swap-lines":
        lines[i], lines[j] = lines[j], lines[i]
    else:
        del lines[i]
    return "\n".join(lines)


def _values(country: CountryFile) -> dict[str, tuple[str, object]]:
    return {k: (repr(a.value), a.status) for k, a in country.answers.items()}


_ORIGINAL = _check(TEXT)[0]
assert _ORIGINAL is not None
ORIGINAL: CountryFile = _ORIGINAL


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited())
def test_an_edited_file_is_valid_or_has_located_problems(text: str) -> None:
    country, problems = _check(text)  # never raises
    errors = [p for p in problems if p.is_error]
    for problem in problems:
        assert problem.path == "countries/2023/MEX.yaml"
        assert problem.line is not None, problem  # every problem points at its line
    if country is None:
        assert errors, "a file that is not valid says why"
        return
    if errors:
        return  # read, but invalid: every error located above, and nothing is scored
    if _values(country) == _values(ORIGINAL) and country.country == "MEX":
        assert SCORER.score(country) == SCORER.score(ORIGINAL)
