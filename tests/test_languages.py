"""Languages: country names in English and Spanish, bilingual notes and titles, the W420 warning,
a project's own names (countries/names.yaml), and checklist answers that read as sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pycountry
import pytest
import yaml

from atdscore.core.answers import describe, evidence_key
from atdscore.core.brief import build_brief
from atdscore.core.editions import CountryEdition
from atdscore.core.rank import Ranked
from atdscore.core.score import Scorer
from atdscore.render.templating import render_brief
from atdscore.text.formats import join, mid_sentence
from atdscore.text.names import TABLE, country_names, name_languages
from atdscore.validation.country_file import Answer, CountryFile, Evidence
from atdscore.validation.model import ChecklistIndicator
from conftest import FIXTURE_PROJECT, run_cli, write_tree
from test_brief import edition, fixture_brief, with_answer

# --- The shipped table of names ---------------------------------------------------------------------------


def test_every_iso_country_has_a_short_name_in_both_languages() -> None:
    iso = {c.alpha_3 for c in pycountry.countries}
    assert name_languages() == ("en", "es")
    for lang in ("en", "es"):
        names = country_names(lang)
        assert set(names) == iso, f"{lang}: codes missing or not ISO 3166-1"
        for code, name in names.items():
            assert name and name == name.strip() and "," not in name, f"{code} ({lang}): {name!r}"
            # No abbreviations of the CLDR kind, no long official forms.
            assert "&" not in name and "St. " not in name and len(name) <= 45, f"{code} ({lang}): {name!r}"
        assert len(set(names.values())) == len(names), f"{lang}: two countries share a name"


def test_the_table_is_a_plain_csv_sorted_by_code() -> None:
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "iso3,en,es"
    codes = [line.split(",")[0] for line in lines[1:]]
    assert codes == sorted(codes) and all(len(line.split(",")) == 3 for line in lines[1:])


@pytest.mark.parametrize(
    ("code", "en", "es"),
    [
        ("CIV", "Côte d'Ivoire", "Costa de Marfil"),
        ("COD", "DR Congo", "RD del Congo"),
        ("COG", "Congo", "Congo"),
        ("PSE", "Palestine", "Palestina"),
        ("BOL", "Bolivia", "Bolivia"),
        ("IRN", "Iran", "Irán"),
        ("RUS", "Russia", "Rusia"),
        ("KOR", "South Korea", "Corea del Sur"),
        ("PRK", "North Korea", "Corea del Norte"),
        ("TUR", "Türkiye", "Turquía"),
        ("USA", "United States", "Estados Unidos"),
        ("GBR", "United Kingdom", "Reino Unido"),
        ("MEX", "Mexico", "México"),
        ("VEN", "Venezuela", "Venezuela"),
        ("TZA", "Tanzania", "Tanzania"),
        ("NLD", "Netherlands", "Países Bajos"),
        ("FLK", "Falkland Islands", "Islas Malvinas"),
        ("STP", "São Tomé and Príncipe", "Santo Tomé y Príncipe"),
    ],
)
def test_names_in_both_languages(code: str, en: str, es: str) -> None:
    assert country_names("en")[code] == en
    assert country_names("es")[code] == es


def test_a_language_without_names_uses_english_and_overrides_replace_only_their_languages() -> None:
    assert country_names("fr")["CIV"] == "Côte d'Ivoire"
    overrides = {"TUR": {"en": "Turkey"}, "VAT": {"en": "Holy See", "es": "Santa Sede"}}
    assert country_names("en", overrides)["TUR"] == "Turkey"
    assert country_names("es", overrides)["TUR"] == "Turquía"
    assert country_names("es", overrides)["VAT"] == "Santa Sede"
    assert country_names("fr", overrides)["TUR"] == "Turkey"
    assert country_names("en")["TUR"] == "Türkiye", "overrides never change the shipped table"


# --- A project's own names: countries/names.yaml ----------------------------------------------------------


def test_rank_uses_the_projects_names_in_both_languages(project: Path) -> None:
    write_tree(project, {"countries/names.yaml": "MEX: {en: United Mexican States}\nBEL: {es: Bélgica (Reino)}\n"})
    en = json.loads(run_cli("rank", str(project), "-f", "json").stdout)
    es = json.loads(run_cli("rank", str(project), "-f", "json", "--lang", "es").stdout)
    assert {c["country"]: c["name"] for c in en["countries"]} == {
        "MEX": "United Mexican States",
        "BEL": "Belgium",
        "MYS": "Malaysia",
        "THA": "Thailand",
    }
    assert {c["country"]: c["name"] for c in es["countries"]} == {
        "MEX": "México",
        "BEL": "Bélgica (Reino)",
        "MYS": "Malasia",
        "THA": "Tailandia",
    }
    assert run_cli("check", str(project)).exit_code == 0


def test_brief_and_history_use_the_projects_names(project: Path) -> None:
    write_tree(project, {"countries/names.yaml": "MEX: {en: United Mexican States, es: Estados Unidos Mexicanos}\n"})
    brief = run_cli("brief", "MEX", "-C", str(project), "--lang", "es")
    assert brief.stdout.startswith("# Estados Unidos Mexicanos: ficha de país 2023")
    history = run_cli("history", "MEX", str(project), "-f", "json")
    assert json.loads(history.stdout)["name"] == "United Mexican States"


def test_a_bad_names_file_is_reported_at_its_lines(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_tree(
        project,
        {
            "countries/names.yaml": (
                "mex: {en: Mexico}\n"
                "XKX: {en: Kosovo}\n"
                "BEL: {en: Belgium, fr: Belgique}\n"
                "THA: Thailand\n"
                "MYS: {en: ' Malaysia'}\n"
                "GBR: {}\n"
            )
        },
    )
    monkeypatch.chdir(project)
    result = run_cli("check")
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if "names.yaml" in line]
    assert lines == [
        "countries/names.yaml:1:1: error[E401]: 'mex' is not an ISO 3166-1 alpha-3 country code; did you mean 'MEX'?",
        "countries/names.yaml:2:1: error[E401]: 'XKX' is not an ISO 3166-1 alpha-3 country code; use the ISO 3166-1 alpha-3 code, e.g. 'MEX'",
        "countries/names.yaml:3:20: error[E202]: unknown field 'fr'",
        "countries/names.yaml:4:6: error[E203]: expected a map of 'key: value' lines, got text",
        "countries/names.yaml:5:11: error[E207]: a name is one line, without spaces around it",
        "countries/names.yaml:6:1: error[E205]: no name for GBR; give {en: ..., es: ...}, or remove the entry",
    ]
    # Other commands refuse to print names they were told are wrong.
    rank = run_cli("rank")
    assert rank.exit_code == 1 and rank.stdout == ""
    assert "countries/names.yaml:1:1: error[E401]" in rank.stderr


# --- Notes and titles in several languages; the W420 warning ----------------------------------------------

RUBRIC = (FIXTURE_PROJECT / "rubrics/test.yaml").read_text(encoding="utf-8")


def _country(answers: str) -> str:
    return "country: BEL\nyear: 2023\nrubric: test\nanswers:\n" + answers


ANSWERS = (
    "  law.ban: {value: partial, evidence: [{title: Aliens Act, date: 2023}], note: {en: Partial., es: Parcial.}}\n"
    "  law.bodies: {value: [nhri], evidence: [{title: Aliens Act, date: 2023}], note: English only.}\n"
    "  limits.days: {value: 60, evidence: [{title: {en: Immigration Code, es: Código de Inmigración}, date: 2023}]}\n"
    "  limits.expert: {status: unknown, note: {en: No report., fr: Aucun rapport.}}\n"
    "  practice.detained: {value: not-reported, evidence: [{title: Ombudsman report, date: 2023}]}\n"
    "  practice.prisons: {value: not-reported, evidence: [{title: Ombudsman report, date: 2023}]}\n"
    "  extra.pledge: {value: none, evidence: [{title: Aliens Act, date: 2023}], note: Also English only.}\n"
)


def _check(tmp_path: Path, answers: str, *args: str) -> tuple[int, list[str]]:
    write_tree(tmp_path, {"rubrics/test.yaml": RUBRIC, "countries/2023/BEL.yaml": _country(answers)})
    result = run_cli("check", str(tmp_path), *args)
    prefix = tmp_path.as_posix() + "/"
    return result.exit_code, [line.replace(prefix, "") for line in result.stdout.splitlines() if "BEL.yaml" in line]


def test_notes_without_spanish_text_warn_once_per_file_at_the_first(tmp_path: Path) -> None:
    code, lines = _check(tmp_path, ANSWERS)
    assert code == 0
    assert lines == [
        "countries/2023/BEL.yaml:6:82: warning[W420]: 3 notes in countries/2023/BEL.yaml have no Spanish text "
        "(the first is here); "
        "Spanish briefs show them in English; write notes as {en: ..., es: ...}"
    ]


def test_the_note_warning_stays_a_warning_with_strict(tmp_path: Path) -> None:
    code, lines = _check(tmp_path, ANSWERS, "--strict")
    assert code == 0 and len(lines) == 1 and "warning[W420]: 3 notes" in lines[0]


def test_one_note_without_spanish_text_is_counted_in_the_singular(tmp_path: Path) -> None:
    answers = ANSWERS.replace("note: English only.", "note: {en: English, es: Español}").replace(
        "note: {en: No report., fr: Aucun rapport.}", "note: {en: No report., es: Sin informe.}"
    )
    _, lines = _check(tmp_path, answers)
    assert len(lines) == 1 and "warning[W420]: 1 note in " in lines[0] and "has no Spanish text" in lines[0]
    assert lines[0].endswith("Spanish briefs show it in English; write notes as {en: ..., es: ...}")


def test_fully_translated_notes_and_no_notes_do_not_warn(tmp_path: Path) -> None:
    answers = "".join(
        line if "note:" not in line else line.split(", note:")[0] + "}\n" for line in ANSWERS.splitlines(True)
    )
    assert "note" not in answers
    assert _check(tmp_path, answers)[1] == []


@pytest.mark.parametrize(
    ("note", "message"),
    [
        ("{es: Solo en español.}", "a text in several languages needs an 'en' entry"),
        ("{en: '', es: x}", "text must not be empty"),
        ("{en: [a]}", "expected text, or a map from language code to text ({en: ..., es: ...})"),
        ("3", "expected text, or a map from language code to text ({en: ..., es: ...})"),
    ],
)
def test_bad_notes_are_errors(tmp_path: Path, note: str, message: str) -> None:
    code, lines = _check(tmp_path, ANSWERS.replace("note: English only.", f"note: {note}"))
    assert code == 1
    assert any(f"error[E207]: {message}" in line for line in lines), lines


def test_evidence_title_may_be_a_map_but_not_empty(tmp_path: Path) -> None:
    code, lines = _check(tmp_path, ANSWERS.replace("title: Ombudsman report", "title: {es: Informe}", 1))
    assert code == 1 and any("error[E207]: a text in several languages needs an 'en' entry" in x for x in lines)
    code, lines = _check(tmp_path, ANSWERS.replace("title: Ombudsman report", "title: ''", 1))
    assert code == 1 and any("error[E207]: text must not be empty" in x for x in lines)


def test_briefs_use_the_notes_and_titles_in_their_language(tmp_path: Path) -> None:
    current = edition(FIXTURE_PROJECT, 2023)
    bel = CountryFile.model_validate(yaml.safe_load(_country(ANSWERS)))
    mine = CountryEdition(current, bel, Ranked(2, Scorer(current.rubric).score(bel)))
    briefs = {lang: build_brief(mine, lang=lang) for lang in ("en", "es")}
    notes = {lang: {line.id: line.note for line in brief.indicators} for lang, brief in briefs.items()}
    assert notes["en"]["law.ban"] == "Partial." and notes["es"]["law.ban"] == "Parcial."
    assert notes["es"]["law.bodies"] == "English only."
    assert notes["es"]["limits.expert"] == "No report.", "a language other than the brief's is not used"
    assert notes["es"]["limits.days"] is None
    assert [s.title for s in briefs["es"].sources] == ["Aliens Act", "Código de Inmigración", "Ombudsman report"]
    assert [s.title for s in briefs["en"].sources] == ["Aliens Act", "Immigration Code", "Ombudsman report"]
    assert briefs["en"].untranslated_notes == 0 and briefs["es"].untranslated_notes == 3
    text, problems = render_brief(briefs["es"], "es")
    assert problems == [] and text is not None
    assert "*3 notas de esta ficha aún no están traducidas y se muestran en inglés.*" in text
    assert "  Parcial.\n" in text and "Partial." not in text
    english, _ = render_brief(briefs["en"], "en")
    assert english is not None and "translation" not in english


def test_a_translated_title_is_the_same_source() -> None:
    plain = Evidence(title="Aliens Act", date="2023")
    both = Evidence(title={"en": "Aliens Act", "es": "Ley de Extranjería"}, date="2023")
    assert evidence_key([plain]) == evidence_key([both])


def test_the_spanish_brief_says_how_many_notes_are_in_english() -> None:
    brief = fixture_brief("es", with_answer("limits.expert", {"status": "unknown", "note": "Only English."}))
    assert brief.untranslated_notes == 1
    text, _ = render_brief(brief, "es")
    assert text is not None and "*1 nota de esta ficha aún no está traducida y se muestra en inglés.*" in text


# --- Checklist answers as sentences -----------------------------------------------------------------------

BODIES = ChecklistIndicator.model_validate(
    {
        "id": "bodies",
        "type": "checklist",
        "question": "Who may visit?",
        "items": [
            {
                "id": "nhri",
                "label": {"en": "National human rights institution", "es": "Institución nacional"},
                "points": 1,
            },
            {
                "id": "npm",
                "label": {"en": "OPCAT national preventive mechanism", "es": "Mecanismo (OPCAT)"},
                "points": 1,
            },
            {"id": "unhcr", "label": {"en": "UNHCR", "es": "ACNUR"}, "points": 1},
            {"id": "icrc", "label": {"en": "International Committee of the Red Cross", "es": "Cruz Roja"}, "points": 1},
            {"id": "lawyers", "label": {"en": "Lawyers", "es": "Abogados"}, "points": 1},
            {"id": "inspectors", "label": {"en": "Inspectors", "es": "Inspectores"}, "points": 1},
        ],
    }
)


@pytest.mark.parametrize(
    ("items", "lang", "words"),
    [
        (["nhri", "unhcr", "lawyers"], "en", "National human rights institution, UNHCR and lawyers"),
        (["nhri", "unhcr", "lawyers"], "es", "Institución nacional, ACNUR y abogados"),
        # In the rubric's order, whatever the answer's.
        (["lawyers", "nhri"], "en", "National human rights institution and lawyers"),
        (
            ["icrc", "unhcr", "npm"],
            "en",
            "OPCAT national preventive mechanism, UNHCR and International Committee of the Red Cross",
        ),
        (["npm", "lawyers"], "es", "Mecanismo (OPCAT) y abogados"),
        (["unhcr", "lawyers", "inspectors"], "es", "ACNUR, abogados e inspectores"),
        (["lawyers", "inspectors"], "es", "Abogados e inspectores"),
        (["lawyers"], "es", "Abogados"),
        ([], "es", "Ninguno"),
    ],
)
def test_checklist_answers_read_as_sentences(items: list[str], lang: str, words: str) -> None:
    assert describe(BODIES, Answer(value=items, evidence=["x"]), lang) == words


@pytest.mark.parametrize(
    ("items", "text"),
    [
        (["padres", "hijos"], "padres e hijos"),
        (["niños", "indígenas"], "niños e indígenas"),
        (["a", "b", "Irlanda"], "a, b e Irlanda"),
        (["agua", "hielo"], "agua y hielo"),
        (["cobre", "hierro"], "cobre y hierro"),
        (["padres", "yernos"], "padres y yernos"),
        (["ACNUR", "ONG"], "ACNUR y ONG"),
    ],
)
def test_spanish_writes_e_before_an_i_sound(items: list[str], text: str) -> None:
    assert join(items, "es") == text


@pytest.mark.parametrize(
    ("label", "inside"),
    [
        ("Lawyers", "lawyers"),
        ("National human rights institution", "national human rights institution"),
        ("Mecanismo nacional de prevención (OPCAT)", "mecanismo nacional de prevención (OPCAT)"),
        ("UNHCR", "UNHCR"),
        ("NGOs", "NGOs"),
        ("OPCAT national preventive mechanism", "OPCAT national preventive mechanism"),
        ("International Committee of the Red Cross", "International Committee of the Red Cross"),
        ("Children's Ombudsman", "Children's Ombudsman"),
        ("", ""),
    ],
)
def test_labels_inside_a_sentence(label: str, inside: str) -> None:
    assert mid_sentence(label) == inside
