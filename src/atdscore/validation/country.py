"""Every rule that makes a country file valid against its rubric: answers, values, sources and evidence.

Each function returns the model (or None) and a list of located problems; nothing here raises for bad input.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from atdscore.files.load import Document, Loc
from atdscore.problems import Code, Problem, Severity, did_you_mean, one_of
from atdscore.text.formats import count, language_name
from atdscore.text.strings import STRINGS
from atdscore.validation.country_file import CountryFile, resolve_evidence
from atdscore.validation.model import (
    ChecklistIndicator,
    ChoiceIndicator,
    Indicator,
    NumberIndicator,
    Rubric,
    falls_back,
    indicators_by_id,
)
from atdscore.validation.review import EditionContext, carried_answers, coder_trail, pending_responses
from atdscore.validation.reword import describe_value, to_model
from atdscore.validation.rubric import duplicate_ids

# Answers beyond this are typing mistakes, and would overflow formatting; .inf says "no limit".
MAX_NUMBER = 10**12

# Evidence older than this many years before the edition is flagged as possibly out of date.
STALE_YEARS = 5


def check_country(
    doc: Document,
    rubrics: dict[str, Rubric | None],
    *,
    country_names: dict[str, str],
    strict: bool = False,
    edition: EditionContext = EditionContext(),
) -> tuple[CountryFile | None, list[Problem]]:
    """A country document to a CountryFile, checked against its path and its rubric.

    `rubrics` maps rubric ids to rubrics (None for a rubric file with errors); `country_names` maps ISO3 codes.
    In strict mode missing answers and answers without evidence are errors, not warnings, and so are
    carried answers in a published `edition`.
    """
    country, problems = to_model(doc, CountryFile)
    if country is None:
        # A mistake in one answer or source must not hide the others: check what is valid, report all.
        partial, left_out = _salvage(doc)
        if partial is not None:
            problems += _check_rules(doc, partial, rubrics, country_names, strict, left_out)
            problems += carried_answers(doc, partial, edition, strict=strict)
        return None, problems
    problems += _check_rules(doc, country, rubrics, country_names, strict, _LeftOut())
    problems += carried_answers(doc, country, edition, strict=strict) + pending_responses(doc, country, edition)
    return country, problems + coder_trail(doc, country, edition, strict=strict)


@dataclass(frozen=True)
class _LeftOut:
    """What `_salvage` left out of a document: its errors are reported, so the rules must not report it again."""

    sources: frozenset[str] = frozenset()
    answers: frozenset[str] = frozenset()
    # The answers map itself was unusable (not a map, or misspelt): which answers are missing is unknown.
    all_answers: bool = False


def _salvage(doc: Document) -> tuple[CountryFile | None, _LeftOut]:
    """The valid part of a country document that failed validation, and what was left out of it.

    Invalid answers and sources are dropped (their errors are already reported); an invalid country code
    or year is replaced by the file's name or folder, so the rules that do not depend on them still run.
    """
    data = doc.data
    if not isinstance(data, dict):
        return None, _LeftOut()
    try:
        CountryFile.model_validate(data)
        return None, _LeftOut()  # pragma: no cover - only called after validation failed
    except ValidationError as err:
        locs = [tuple(e["loc"]) for e in err.errors(include_url=False)]
    data = dict(data)
    all_answers = not isinstance(data.get("answers"), dict)
    for section in ("answers", "sources"):
        data[section] = dict(data[section]) if isinstance(data.get(section), dict) else {}
    left: dict[str, set[str]] = {"answers": set(), "sources": set()}
    for loc in locs:
        if not loc:
            continue
        head = loc[0]
        if head in ("answers", "sources") and len(loc) > 1:
            data[head].pop(loc[1], None)
            left[str(head)].add(str(loc[1]))
        elif head == "country":
            data["country"] = doc.path.stem
        elif head == "year":
            folder = doc.path.parent.name
            data["year"] = int(folder) if folder.isdigit() else 0
        elif head != "rubric":
            data.pop(head, None)  # an unknown field
    left_out = _LeftOut(frozenset(left["sources"]), frozenset(left["answers"]), all_answers)
    try:
        return CountryFile.model_validate(data), left_out
    except ValidationError:
        return None, left_out  # a missing rubric id, or something more broken: nothing more to check


def _check_rules(
    doc: Document,
    country: CountryFile,
    rubrics: dict[str, Rubric | None],
    country_names: dict[str, str],
    strict: bool,
    left_out: _LeftOut,
) -> list[Problem]:
    problems: list[Problem] = []
    stem, folder = doc.path.stem, doc.path.parent.name
    if country.country not in country_names:
        hint = (
            f"did you mean '{country.country.upper()}'?"
            if country.country.upper() in country_names
            else "use the ISO 3166-1 alpha-3 code, e.g. 'MEX'"
        )
        problems.append(
            doc.problem(
                Code.NOT_A_COUNTRY, ("country",), f"'{country.country}' is not an ISO 3166-1 alpha-3 country code", hint
            )
        )
    elif country.country != stem:
        problems.append(
            doc.problem(
                Code.COUNTRY_FILE_NAME,
                ("country",),
                f"country '{country.country}' does not match the file name '{doc.path.name}'",
                f"rename the file to '{country.country}{doc.path.suffix}' or fix the code",
            )
        )
    if folder.isdigit() and country.year != int(folder):
        problems.append(
            doc.problem(
                Code.YEAR_FOLDER,
                ("year",),
                f"year {country.year} does not match the folder '{folder}'",
                f"move the file to countries/{country.year}/ or fix the year",
            )
        )
    if country.rubric not in rubrics:
        problems.append(
            doc.problem(
                Code.UNKNOWN_RUBRIC,
                ("rubric",),
                f"unknown rubric '{country.rubric}'",
                did_you_mean(country.rubric, rubrics)
                or (one_of(sorted(rubrics)) if rubrics else "add the rubric file under rubrics/"),
            )
        )
        return problems
    rubric = rubrics[country.rubric]
    if rubric is None:
        # The rubric's own errors are reported once, with the rubric; the answers cannot be checked.
        return problems
    problems += _check_sources(doc, country, left_out.sources) + _suspicious_urls(doc, country)
    problems += _check_answers(doc, country, rubric, strict, left_out)
    problems += _untranslated_notes(doc, country)
    return problems


def _untranslated_notes(doc: Document, country: CountryFile) -> list[Problem]:
    """One warning per language of briefs in which some notes would be shown in English, at the first of them.

    A warning, never an error (not even with --strict): a brief with English notes is still correct.
    """
    out = []
    for lang in STRINGS:
        keys = [key for key, answer in country.answers.items() if falls_back(answer.note, lang)]
        if keys:
            n, language = len(keys), language_name(lang)
            out.append(
                doc.problem(
                    Code.UNTRANSLATED_NOTES,
                    ("answers", keys[0], "note"),
                    f"{count(n, 'note')} in {doc.display} {'has' if n == 1 else 'have'} no {language} text"
                    " (the first is here)",
                    f"{language} briefs show {'it' if n == 1 else 'them'} in English; write notes as {{en: ..., {lang}: ...}}",
                    severity=Severity.WARNING,
                )
            )
    return out


def _suspicious_urls(doc: Document, country: CountryFile) -> list[Problem]:
    """Web addresses ending in punctuation or '...': most often a sentence's full stop, or a cut-off address."""
    located: list[tuple[Loc, str]] = [(("sources", sid, "url"), e.url) for sid, e in country.sources.items() if e.url]
    for key, answer in country.answers.items():
        for i, item in enumerate(answer.evidence):
            if not isinstance(item, str) and item.url:
                located.append((("answers", key, "evidence", i, "url"), item.url))
    out = []
    for loc, url in located:
        if url.endswith((".", ",", ";", "…")):
            what = "is cut off" if url.endswith(("...", "…")) else f"ends in '{url[-1]}'"
            out.append(
                doc.problem(
                    Code.SUSPICIOUS_URL,
                    loc,
                    f"the web address {what}",
                    "copy the whole address from the browser, without the punctuation around it",
                    severity=Severity.WARNING,
                )
            )
    return out


def _check_sources(doc: Document, country: CountryFile, broken: frozenset[str] = frozenset()) -> list[Problem]:
    out = []
    cited: set[str] = set()
    for key, answer in country.answers.items():
        for ei, item in enumerate(answer.evidence):
            if isinstance(item, str):
                cited.add(item)
                if item not in country.sources and item not in broken:
                    hint = (
                        did_you_mean(item, country.sources)
                        or "add it under 'sources:' or write the source out as {title, url, date}"
                    )
                    out.append(
                        doc.problem(
                            Code.UNKNOWN_SOURCE, ("answers", key, "evidence", ei), f"unknown source '{item}'", hint
                        )
                    )
    for unused in sorted(set(country.sources) - cited):
        out.append(
            doc.problem(
                Code.UNUSED_SOURCE,
                ("sources", unused),
                f"source '{unused}' is never cited",
                "cite it or remove it",
                severity=Severity.WARNING,
                key=True,
            )
        )
    return out


def _check_answers(
    doc: Document, country: CountryFile, rubric: Rubric, strict: bool, left_out: _LeftOut
) -> list[Problem]:
    out: list[Problem] = []
    indicators = indicators_by_id(rubric)
    gap = Severity.ERROR if strict else Severity.WARNING
    for key, answer in country.answers.items():
        indicator = indicators.get(key)
        if indicator is None:
            hint = did_you_mean(key, indicators) or "answers are keyed '<category>.<indicator>' as in the rubric"
            out.append(
                doc.problem(
                    Code.UNKNOWN_INDICATOR,
                    ("answers", key),
                    f"unknown indicator '{key}' in rubric '{rubric.id}'",
                    hint,
                    key=True,
                )
            )
            continue
        for n, record in enumerate(answer.corrections):  # a value it replaced must be one the rubric allows
            if record.previous_status is None:
                out += _check_value(
                    doc, ("answers", key, "corrections", n, "previous"), key, indicator, record.previous
                )
        if answer.status is not None:
            continue
        out += _check_value(doc, ("answers", key, "value"), key, indicator, answer.value)
        evidence = resolve_evidence(answer, country.sources)
        if not answer.evidence:
            out.append(
                doc.problem(
                    Code.NO_EVIDENCE,
                    ("answers", key),
                    f"answer to {key} cites no evidence",
                    "add 'evidence:' with at least one source, or mark it 'status: unknown'",
                    severity=gap,
                    key=True,
                )
            )
        elif (dated := [e.year for e in evidence if e.year is not None]) and max(dated) < country.year - STALE_YEARS:
            newest = max(dated)
            out.append(
                doc.problem(
                    Code.STALE_EVIDENCE,
                    ("answers", key, "evidence"),
                    f"the newest evidence for {key} is from {newest}, more than {STALE_YEARS} years before {country.year}",
                    "check that it still holds and cite a newer source",
                    severity=Severity.WARNING,
                    key=True,
                )
            )
    missing = (
        []
        if left_out.all_answers
        else [k for k in indicators if k not in country.answers and k not in left_out.answers]
    )
    if missing:
        shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        out.append(
            doc.problem(
                Code.MISSING_ANSWER,
                ("answers",),
                f"no answer for {count(len(missing), 'indicator')}: {shown}",
                "answer them, or write 'status: unknown' with a note",
                severity=gap,
                key=True,
            )
        )
    return out


def _number_problem(doc: Document, at: Loc, key: str, value: Any) -> Problem | None:
    """What is wrong with a value given to a number indicator, in words that say how to write it."""
    if isinstance(value, bool):
        message = f"expected a number for {key}, got true/false"
        return doc.problem(Code.WRONG_ANSWER_KIND, at, message, "write the number, or .inf for 'no limit'")
    if isinstance(value, str):
        text = value.strip()
        try:
            float(text.replace("_", ""))
            numeric = bool(text)
        except ValueError:
            numeric = False
        if numeric:
            message = f"expected a number for {key}, got the text '{value}'"
            return doc.problem(Code.WRONG_ANSWER_KIND, at, message, "remove the quotes around it")
        message = f"expected a number for {key}, got the text '{value}'"
        return doc.problem(Code.WRONG_ANSWER_KIND, at, message, "write the number, or .inf for 'no limit'")
    if isinstance(value, float) and math.isnan(value):
        message = f"expected a number for {key}, got .nan (not a number)"
        return doc.problem(Code.WRONG_ANSWER_KIND, at, message, "write the number, or .inf for 'no limit'")
    if isinstance(value, float) and value == -math.inf:
        message = f"-.inf is not a limit for {key}"
        return doc.problem(Code.OUT_OF_RANGE, at, message, "write .inf for 'no limit'")
    if not isinstance(value, int | float):
        message = f"expected a number for {key}, got {describe_value(value)}"
        return doc.problem(Code.WRONG_ANSWER_KIND, at, message, "write the number, or .inf for 'no limit'")
    return None


def _check_value(doc: Document, at: Loc, key: str, ind: Indicator, value: Any) -> list[Problem]:
    if isinstance(ind, NumberIndicator) and (problem := _number_problem(doc, at, key, value)) is not None:
        return [problem]
    if isinstance(value, bool):
        return [
            doc.problem(
                Code.READ_AS_BOOLEAN,
                at,
                f"the answer to {key} was read as true/false",
                "put quotes around it, or use one of the rubric's ids",
            )
        ]
    if isinstance(ind, ChoiceIndicator):
        ids = [o.id for o in ind.options]
        if not isinstance(value, str):
            return [
                doc.problem(
                    Code.WRONG_ANSWER_KIND,
                    at,
                    f"expected one option id for {key}, got {describe_value(value)}",
                    one_of(ids),
                )
            ]
        if value not in ids:
            return [
                doc.problem(
                    Code.UNKNOWN_OPTION,
                    at,
                    f"unknown option '{value}' for {key}",
                    did_you_mean(value, ids) or one_of(ids),
                )
            ]
        return []
    if isinstance(ind, ChecklistIndicator):
        ids = [o.id for o in ind.items]
        if not isinstance(value, list):
            return [
                doc.problem(
                    Code.WRONG_ANSWER_KIND,
                    at,
                    f"expected a list of item ids for {key}, got {describe_value(value)}",
                    "write [] when no item applies",
                )
            ]
        out = []
        for n, item in enumerate(value):
            if not isinstance(item, str) or item not in ids:
                out.append(
                    doc.problem(
                        Code.UNKNOWN_OPTION,
                        (*at, n),
                        f"unknown item '{item}' for {key}",
                        did_you_mean(str(item), ids) or one_of(ids),
                    )
                )
        for dup in duplicate_ids(v for v in value if isinstance(v, str)):
            out.append(doc.problem(Code.DUPLICATE_ITEM, at, f"item '{dup}' is listed twice for {key}"))
        return out
    if isinstance(ind, NumberIndicator):
        if value != math.inf and abs(value) > MAX_NUMBER:
            return [doc.problem(Code.OUT_OF_RANGE, at, f"{value} is too large for {key}", "write .inf for 'no limit'")]
        exact = Decimal(str(value)) if value != math.inf else None
        if ind.min is not None and exact is not None and exact < ind.min:
            return [doc.problem(Code.OUT_OF_RANGE, at, f"{value} is below the minimum {ind.min} for {key}")]
        if ind.max is not None and (exact is None or exact > ind.max):
            return [doc.problem(Code.OUT_OF_RANGE, at, f"{value} is above the maximum {ind.max} for {key}")]
        return []
    if not isinstance(value, int):
        return [
            doc.problem(
                Code.WRONG_ANSWER_KIND,
                at,
                f"expected a whole number of points for {key}, got {describe_value(value)}",
                f"from {ind.min} to {ind.max}",
            )
        ]
    if not ind.min <= value <= ind.max:
        return [doc.problem(Code.OUT_OF_RANGE, at, f"{value} is outside {ind.min}..{ind.max} for {key}")]
    return []


def source_path_problem(path: Path, display: str) -> Problem | None:
    """A problem for a country file whose name cannot be an ISO3 code (checked before reading it)."""
    if len(path.stem) != 3 or not path.stem.isalpha() or not path.stem.isupper():
        return Problem(
            display,
            None,
            None,
            Severity.ERROR,
            Code.COUNTRY_FILE_NAME,
            f"'{path.name}' is not named after a country",
            "name country files by their ISO 3166-1 alpha-3 code in capitals, e.g. 'MEX.yaml'",
        )
    return None
