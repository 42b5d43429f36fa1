"""Country briefs and the methodology: contents, golden Markdown in both languages, escaping of data
text, translations, template errors reported at the template's line, --templates, atomic writes."""

from __future__ import annotations

import importlib.util
import os
import re
import string
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from atdscore.core.answers import describe as answer_words
from atdscore.core.brief import Brief, build_brief, country_brief
from atdscore.core.editions import ScoredEdition, score_edition, scored
from atdscore.core.rank import Ranked
from atdscore.core.score import Scorer
from atdscore.core.sensitivity import rank_intervals
from atdscore.files.output import brief_filename, write_atomic
from atdscore.render.templating import DEFAULTS, render_brief, render_methodology
from atdscore.text.strings import STRINGS
from atdscore.validation.country_file import Answer, CountryFile
from atdscore.validation.model import NumberIndicator, ScoreIndicator
from atdscore.validation.project import RubricSet, discover_editions, load_edition
from conftest import FIXTURE_PROJECT

REPO = Path(__file__).resolve().parent.parent

Golden = Callable[[str, str], None]


def edition(project: Path, year: int) -> ScoredEdition:
    """One edition of a project, loaded, validated and scored."""
    loaded = load_edition(discover_editions(project / "countries")[year], RubricSet(project / "rubrics"))
    assert not any(p.is_error for p in loaded.problems)
    return scored(loaded)


def fixture_brief(lang: str = "en", country: CountryFile | None = None, previous: bool = True) -> Brief:
    """MEX 2023 of the fixture project, with its 2022 edition as the previous one (or another country file)."""
    current = edition(FIXTURE_PROJECT, 2023).country("MEX")
    assert current is not None
    if country is not None:
        current = replace(current, file=country, entry=Ranked(current.rank, Scorer(current.rubric).score(country)))
    old = edition(FIXTURE_PROJECT, 2022).country("MEX") if previous else None
    return build_brief(current, previous=old, lang=lang)


def render(brief: Brief, templates: Path | None = None) -> str:
    text, problems = render_brief(brief, brief.lang, templates)
    assert problems == [] and text is not None
    return text


def with_answer(key: str, answer: dict[str, Any]) -> CountryFile:
    mex = edition(FIXTURE_PROJECT, 2023).files["MEX"]
    return mex.model_copy(update={"answers": {**mex.answers, key: Answer.model_validate(answer)}})


# --- Golden files and determinism -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "es"])
def test_full_brief(lang: str, golden: Golden) -> None:
    golden(f"brief.{lang}.md", render(fixture_brief(lang)))


@pytest.mark.parametrize("lang", ["en", "es"])
def test_methodology(lang: str, golden: Golden) -> None:
    rubric = edition(FIXTURE_PROJECT, 2023).rubric
    text, problems = render_methodology(rubric, lang)
    assert problems == [] and text is not None
    golden(f"methodology.{lang}.md", text)


def test_same_input_gives_byte_identical_output() -> None:
    first, second = render(fixture_brief("es")), render(fixture_brief("es"))
    assert first.encode() == second.encode()


def test_examples_are_current() -> None:
    spec = importlib.util.spec_from_file_location("make_examples", REPO / "examples" / "make.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, text in module.render_all().items():
        assert (REPO / "examples" / name).read_text(encoding="utf-8") == text, f"run python examples/make.py ({name})"


def test_templates_folder_at_the_root_is_the_packaged_one() -> None:
    assert (REPO / "templates").resolve() == DEFAULTS.resolve()
    assert {p.name for p in DEFAULTS.glob("*.j2")} == {"brief.md.j2", "methodology.md.j2"}


# --- What a brief says --------------------------------------------------------------------------------------


def test_strengths_gaps_and_change_in_words() -> None:
    brief = fixture_brief()
    assert (brief.rank, brief.of, brief.band) == (1, 4, "High")
    assert [s.id for s in brief.strengths] == [
        "law.ban",
        "law.bodies",
        "limits.days",
        "practice.prisons",
        "extra.pledge",
    ]
    assert [(g.id, g.answer) for g in brief.gaps] == [("limits.expert", "3 of 4"), ("practice.detained", "Reported")]
    assert brief.change is not None
    changed = {a.id: (a.old, a.new) for a in brief.change.answers}
    assert changed == {
        "law.ban": ("Partial ban", "Full ban"),
        "law.bodies": ("NHRI", "NHRI, UNHCR and NGOs"),
        "limits.days": ("60 days", "1.5 days"),
        "limits.expert": ("1 of 4", "3 of 4"),
        "extra.pledge": ("No pledge", "Pledge made"),
    }
    assert brief.change.rank_moved == 0 and brief.change.rubric_changed is False


def test_sources_are_numbered_once_in_first_citation_order() -> None:
    gazette = {
        "title": "Official Gazette: reform of the migration law",
        "url": "https://example.org/gazette/2021",
        "date": "2021-01-11",
    }
    country = with_answer(
        "limits.expert", {"value": 3, "evidence": [{"title": "Court ruling", "date": "2023"}, gazette, "law-2021"]}
    )
    brief = fixture_brief(country=country)
    assert [s.title for s in brief.sources] == [
        "Official Gazette: reform of the migration law",  # cited by id first (law.ban), written out later: one source
        "Court ruling",
        "Press investigation",
    ]
    lines = {line.id: line.sources for line in brief.indicators}
    assert lines["law.ban"] == (1,) and lines["limits.expert"] == (1, 2) and lines["practice.detained"] == (3,)


def test_unknown_and_missing_answers_are_listed_not_judged() -> None:
    mex = edition(FIXTURE_PROJECT, 2023).files["MEX"]
    answers = {k: v for k, v in mex.answers.items() if k != "law.bodies"}
    answers["practice.detained"] = Answer.model_validate({"status": "unknown", "note": "No report found."})
    brief = fixture_brief(country=mex.model_copy(update={"answers": answers}))
    assert [(u.id, u.answer) for u in brief.unanswered] == [
        ("law.bodies", "No answer"),
        ("practice.detained", "Unknown"),
    ]
    # An unknown answer scores 0, which in a penalty category is the maximum: still not a strength.
    assert "practice.detained" not in {s.id for s in brief.strengths} | {g.id for g in brief.gaps}
    # Coverage counts the standard categories only: law.ban, limits.days and limits.expert of law.* and limits.*.
    assert (brief.answered, brief.applicable) == (3, 4)
    text = render(brief)
    assert "| Were children detained despite the law? | Unknown | No report found. |" in text
    assert "| Who may visit? | No answer | – |" in text


def test_recommendations_are_ordered_by_points_to_gain() -> None:
    rubric = edition(REPO, 2023).rubric
    source = [{"title": "A source", "date": "2023"}]
    answers = {
        "prohibition.law": {"value": "unaccompanied-only", "evidence": source},  # 3 to gain
        "prohibition.families": {"value": "allowed", "evidence": source},  # 2
        "time-limits.max-days": {"value": float("inf"), "evidence": source},  # 5
        "time-limits.judicial-review": {"value": "on-application", "evidence": source},  # 2
        "alternatives.in-law": {"status": "unknown"},  # unknown: no recommendation
    }
    country = CountryFile.model_validate({"country": "MEX", "year": 2023, "rubric": "atd-core", "answers": answers})
    mine = score_edition(2023, rubric, "", [country]).country("MEX")
    assert mine is not None
    brief = build_brief(mine, lang="es")
    # Gains are in points of the total: under weighted-mean with five equal weights, a point in a
    # 10-point category moves the total by 1/5 x 1/10 of its 42-point maximum (rubric 2.0), 0.84 points.
    assert Scorer(rubric).score(country).max == 42
    share = Fraction(21, 25)
    assert [(r.id, r.gain) for r in brief.recommendations] == [
        ("time-limits.max-days", 5 * share),
        ("prohibition.law", 3 * share),
        ("prohibition.families", 2 * share),  # ties keep rubric order
        ("time-limits.judicial-review", 2 * share),
    ]
    assert brief.recommendations[0].answer == "sin límite"
    assert brief.recommendations[0].text.startswith("Mientras no se prohíba")
    assert brief.change is None and "## Cambios desde" not in render(brief)


def test_answers_in_words_follow_the_language() -> None:
    days = NumberIndicator.model_validate(
        {"id": "d", "type": "number", "question": "q", "unit": {"en": "days", "es": "días"}, "bands": [{"points": 1}]}
    )
    expert = ScoreIndicator.model_validate({"id": "e", "type": "score", "question": "q", "min": 0, "max": 4})
    assert answer_words(days, Answer(value=1.5, evidence=[]), "es") == "1,5 días"
    assert answer_words(days, Answer(value=float("inf"), evidence=[]), "en") == "no limit"
    assert answer_words(days, Answer(value=float("inf"), evidence=[]), "es") == "sin límite"
    assert answer_words(expert, Answer(value=3, evidence=[]), "es") == "3 de 4"
    assert answer_words(expert, None, "es") == "Sin respuesta"


def test_spanish_numbers_and_dates() -> None:
    text = render(fixture_brief("es"))
    assert "**Alto.** México obtiene el 90\u00a0% de la puntuación máxima: puesto 1 de 4 países" in text
    assert "| Limits | 1 | 6 de 7 | 85,7\u00a0% | `█████████░` |" in text
    assert "(11 de enero de 2021)" in text and "(mayo de 2023)" in text
    assert "| Maximum days of detention in law? | 60 días | 1,5 días | +2 |" in text


# --- Escaping of data text -------------------------------------------------------------------------------


def unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


def test_a_pipe_in_a_note_does_not_break_a_table() -> None:
    country = with_answer("limits.expert", {"status": "unknown", "note": "Two | reports | disagree."})
    text = render(fixture_brief(country=country))
    (row,) = [line for line in text.splitlines() if "Two" in line]
    assert row == "| Expert view of practice? | Unknown | Two \\| reports \\| disagree. |"
    assert unescaped_pipes(row) == 4  # three cells
    assert "A full ban \\| in force since 2021." in text  # the fixture's own note, in a list


def test_html_in_data_never_reaches_the_page_as_html() -> None:
    note = "<script>alert('x')</script> <img src=x onerror=alert(1)> [click](javascript:alert(1)) *bold*"
    country = with_answer("limits.expert", {"status": "unknown", "note": note})
    text = render(fixture_brief(country=country))
    assert "<script" not in text and "<img" not in text
    assert "&lt;script>alert('x')&lt;/script> &lt;img src=x onerror=alert(1)>" in text
    assert "\\[click\\](javascript:alert(1)) \\*bold\\*" in text


def test_data_in_a_team_template_is_escaped_by_default(tmp_path: Path) -> None:
    # No filter in sight: printing, `~` and join all escape the data and keep the trusted Markdown.
    (tmp_path / "brief.md.j2").write_text(
        '{{ brief.indicators[0].note }}\n{{ "**" ~ brief.indicators[0].note ~ "**" }}\n'
        '{{ t("label.score") ~ ": " ~ brief.indicators[0].note }}\n'
        '{{ [t("label.score"), brief.indicators[0].note]|join(" / ") }}\n'
    )
    text = render(fixture_brief(), tmp_path)
    note = "A full ban \\| in force since 2021."
    assert text == f"{note}\n\\*\\*{note}\\*\\*\nScore: {note}\nScore / {note}\n"


# --- Translations -------------------------------------------------------------------------------------------


def test_every_string_has_a_spanish_text_with_the_same_placeholders() -> None:
    english, spanish = STRINGS["en"], STRINGS["es"]
    assert set(english) == set(spanish)

    def fields(entry: str | dict[str, str]) -> set[str]:
        texts = [entry] if isinstance(entry, str) else list(entry.values())
        return {f for text in texts for _, f, _, _ in string.Formatter().parse(text) if f}

    for key, entry in english.items():
        assert fields(entry) == fields(spanish[key]), key
        assert isinstance(entry, str) == isinstance(spanish[key], str), key


def test_a_missing_translation_falls_back_to_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(STRINGS["es"], "brief.sources")
    monkeypatch.delitem(STRINGS["es"], "points.of")
    text = render(fixture_brief("es"))
    assert "\n## Sources\n" in text and "\n## Fortalezas\n" in text
    assert "Full ban (4 of 4 indicator points)" in text


def test_an_unknown_string_key_is_a_template_problem(tmp_path: Path) -> None:
    (tmp_path / "brief.md.j2").write_text("{{ t('label.score') }}\n{{ t('no.such.key') }}\n")
    text, problems = render_brief(fixture_brief(), "en", tmp_path)
    assert text is None
    assert [(p.path, p.line) for p in problems] == [(str(tmp_path / "brief.md.j2"), 2)]
    assert problems[0].message == "template error: no string 'no.such.key' in atdscore/strings.py"


# --- Templates: errors and overrides -----------------------------------------------------------------------


def problem_at(tmp_path: Path, files: dict[str, str]) -> tuple[str, int | None, str]:
    for name, source in files.items():
        (tmp_path / name).write_text(source)
    text, problems = render_brief(fixture_brief(), "en", tmp_path)
    assert text is None and len(problems) == 1 and problems[0].is_error
    return problems[0].path, problems[0].line, problems[0].message


def test_a_syntax_error_is_reported_at_its_template_line(tmp_path: Path) -> None:
    path, line, message = problem_at(tmp_path, {"brief.md.j2": "# {{ brief.name }}\n\n{% if brief.rank %}\nno end\n"})
    assert (path, line) == (str(tmp_path / "brief.md.j2"), 4)
    assert message.startswith("template error: Unexpected end of template")


def test_an_undefined_name_is_reported_at_its_template_line(tmp_path: Path) -> None:
    path, line, message = problem_at(tmp_path, {"brief.md.j2": "# {{ brief.name }}\n\n{{ brief.nmae }}\n"})
    assert (path, line) == (str(tmp_path / "brief.md.j2"), 3)
    assert "nmae" in message


def test_an_unknown_filter_is_reported_at_its_template_line(tmp_path: Path) -> None:
    path, line, message = problem_at(tmp_path, {"brief.md.j2": "\n{{ brief.name|shout }}\n"})
    assert (path, line, message) == (str(tmp_path / "brief.md.j2"), 2, "template error: No filter named 'shout'.")


def test_an_error_in_an_included_template_points_at_that_template(tmp_path: Path) -> None:
    files = {"brief.md.j2": "# {{ brief.name }}\n{% include 'part.md.j2' %}\n", "part.md.j2": "ok\n\n\n{{ 1 / 0 }}\n"}
    path, line, message = problem_at(tmp_path, files)
    assert (path, line, message) == (str(tmp_path / "part.md.j2"), 4, "template error: division by zero")


def test_an_unformatted_number_is_a_template_problem(tmp_path: Path) -> None:
    path, line, message = problem_at(tmp_path, {"brief.md.j2": "{{ brief.percent|pct }}\n{{ brief.percent }}\n"})
    assert (path, line) == (str(tmp_path / "brief.md.j2"), 2)
    assert "format numbers with |num, |pct or |signed" in message


def test_a_template_that_extends_itself_is_a_problem(tmp_path: Path) -> None:
    text, problems = render_brief(fixture_brief(), "en", write(tmp_path, '{% extends "brief.md.j2" %}\n'))
    assert text is None and [(p.message, p.hint) for p in problems] == [
        (
            "template error: a template includes or extends itself",
            'to build on the default template, write {% extends "default/brief.md.j2" %}',
        )
    ]


def write(folder: Path, brief_template: str) -> Path:
    (folder / "brief.md.j2").write_text(brief_template)
    return folder


def test_a_missing_templates_folder_is_a_problem(tmp_path: Path) -> None:
    text, problems = render_brief(fixture_brief(), "en", tmp_path / "nope")
    assert text is None and [p.message for p in problems] == ["no such templates folder"]


def test_a_team_template_replaces_the_default(tmp_path: Path) -> None:
    (tmp_path / "brief.md.j2").write_text("# {{ brief.name }} ({{ brief.percent|pct }})\n")
    assert render(fixture_brief("es"), tmp_path) == "# México (90\u00a0%)\n"  # a no-break space, as Spanish writes it
    # The methodology has no team template here: the default is used.
    rubric = edition(FIXTURE_PROJECT, 2023).rubric
    assert render_methodology(rubric, "en", tmp_path) == render_methodology(rubric, "en")


def test_a_team_template_can_extend_the_default(tmp_path: Path) -> None:
    (tmp_path / "brief.md.j2").write_text(
        '{% extends "default/brief.md.j2" %}\n{% block sources %}{% endblock %}\n'
        "{% block footer %}---\n\nPrepared by the national committee.\n{% endblock %}\n"
    )
    text = render(fixture_brief(), tmp_path)
    default = render(fixture_brief())
    assert text == default[: default.index("## Sources")] + "---\n\nPrepared by the national committee.\n"


# --- Atomic writes ------------------------------------------------------------------------------------------


def test_write_atomic_writes_only_changes(tmp_path: Path) -> None:
    path = tmp_path / brief_filename("MEX", 2023, "es")
    assert path.name == "MEX-2023.es.md"
    assert write_atomic(path, "México\n") is True
    assert path.read_text(encoding="utf-8") == "México\n"
    os.utime(path, (1_000_000_000, 1_000_000_000))
    assert write_atomic(path, "México\n") is False
    assert path.stat().st_mtime == 1_000_000_000  # untouched
    assert write_atomic(path, "Mexico\n") is True
    assert path.read_text(encoding="utf-8") == "Mexico\n"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left behind
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_an_interrupted_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "MEX-2023.en.md"
    path.write_text("old\n")

    def fail(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, "new\n")
    assert path.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_knowledge_changes_are_listed_apart_from_answer_changes(lang: str) -> None:
    # "Reported" in 2022 and unknown in 2023: the penalty is no longer counted, but nothing improved.
    brief = fixture_brief(lang, country=with_answer("practice.detained", {"status": "unknown"}))
    assert brief.change is not None
    assert [a.id for a in brief.change.knowledge] == ["practice.detained"]
    assert "practice.detained" not in {a.id for a in brief.change.answers}
    text = render(brief)
    if lang == "en":
        assert "What became known, or stopped being known, since 2022" in text
        assert "| Were children detained despite the law? | Reported | Unknown |\n" in text
    else:
        assert "Lo que se supo, o dejó de saberse, desde 2022" in text


# --- Honest headlines -----------------------------------------------------------------------------------------


def _edition_with_min_coverage(min_coverage: str) -> ScoredEdition:
    """The fixture's 2023 edition under its rubric with another `min_coverage` (BEL and MYS answer 75%)."""
    ed = edition(FIXTURE_PROJECT, 2023)
    rubric = ed.rubric.model_copy(update={"min_coverage": Decimal(min_coverage)})
    return score_edition(ed.year, rubric, ed.rubric_sha256, ed.files.values())


@pytest.mark.parametrize("lang", ["en", "es"])
def test_an_unranked_country_is_not_given_a_band_as_a_finding(lang: str) -> None:
    ed = _edition_with_min_coverage("0.8")
    brief = country_brief("BEL", ed, [], lang)
    assert not brief.ranked and brief.band is None and brief.next_band is None and brief.interval is None
    assert (brief.answered, brief.applicable, brief.missing) == (3, 4, 1)
    head = render(brief).split("## ")[0].replace("\N{NO-BREAK SPACE}", " ")
    assert "Low" not in head and "Bajo" not in head  # the band the score would fall in
    if lang == "en":
        assert (
            "Belgium is not ranked in the 2023 edition for lack of evidence: 3 of its 4 applicable standard indicators "
            "are answered (75%, below the 80% the rubric requires for a rank) and 1 is unknown or missing; with the "
            "missing answers at their lowest and at their highest, its score could be anywhere from 35% to 55% of "
            "the maximum.\n"
        ) in head
        assert "- **Rank:** not ranked: coverage below the 80% the rubric requires\n" in head
        assert "- **Range:** 35% to 55% (every unknown or missing answer at its lowest and at its highest)\n" in head
    else:
        assert "Bélgica no tiene posición en la edición 2023 por falta de evidencia" in head
        assert "y 1 es desconocido o falta;" in head and "entre el 35 % y el 55 % del máximo." in head


def test_a_ranked_country_with_unknowns_gives_its_range_and_rank_interval() -> None:
    ed = edition(FIXTURE_PROJECT, 2023)
    intervals = rank_intervals(ed.rubric, ed.results)
    brief = country_brief("BEL", ed, [], "en", intervals={**intervals, "BEL": (2, 4)})
    assert brief.ranked and brief.uncertain and brief.interval == (2, 4) and brief.runs == 1000
    head = render(brief).split("## ")[0]
    assert (
        "**Low.** Belgium scores 35% of the maximum (35% to 55% with its unknown or missing answers at their lowest "
        "and at their highest): rank 2 of 4 countries in the 2023 edition (ranks 2 to 4 in 90% of 1,000 runs that "
        "vary the weights, the aggregation and the unknown answers and leave out a category).\n"
    ) in head
    assert "- **Rank:** 2 of 4 (ranks 2 to 4 in 90% of 1,000 sensitivity runs)\n" in head
    # Computed from `atdscore sensitivity`'s defaults when the caller does not pass them.
    assert country_brief("BEL", ed, [], "en").interval == intervals["BEL"]


def test_a_country_with_no_unknowns_has_no_range_line() -> None:
    ed = edition(FIXTURE_PROJECT, 2023)
    brief = country_brief("MEX", ed, [], "en", intervals={"MEX": (1, 1)})
    head = render(brief).split("## ")[0]
    assert not brief.uncertain and "- **Range:**" not in head and "with its unknown answers" not in head
    assert "(the same rank in at least 90% of 1,000 runs" in head
    assert "- **Rank:** 1 of 4 (the same rank in at least 90% of 1,000 sensitivity runs)\n" in head


def test_a_threshold_is_never_rounded_onto_the_coverage_it_exceeds() -> None:
    # 75% answered against a minimum of 75.1%: both as precise as they need to be, never "75%, below the 75%".
    brief = country_brief("BEL", _edition_with_min_coverage("0.751"), [], "en")
    head = render(brief).split("## ")[0]
    assert "(75%, below the 75.1% the rubric requires for a rank)" in head
    assert "- **Rank:** not ranked: coverage below the 75.1% the rubric requires\n" in head


def test_a_team_template_missing_a_placeholder_is_told_which(tmp_path: Path) -> None:
    # A template written for an older string (before the headline had a range) gets a located, named problem.
    (tmp_path / "brief.md.j2").write_text(
        '{% extends "default/brief.md.j2" %}\n{% block header %}\n'
        '{{ t("brief.headline", count=brief.of, name=brief.name, percent=brief.percent|pct, rank="1 of 2", year=2023) }}\n'
        "{% endblock %}\n"
    )
    text, problems = render_brief(fixture_brief(), "en", tmp_path)
    assert text is None
    assert [p.render() for p in problems] == [
        f"{tmp_path / 'brief.md.j2'}:3: error[E601]: template error: string 'brief.headline' needs a value for "
        "{range}: pass it as t('brief.headline', range=...)"
    ]
