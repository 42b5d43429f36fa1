"""Documents to models, and every rule that makes a rubric or a country file valid.

Each function returns the model (or None) and a list of located problems; nothing here raises for bad
input. Pydantic's errors are reworded for people who are not programmers and pointed at their line.
"""

from __future__ import annotations

import math
import types
import typing
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .load import Document, Loc
from .model import (
    Answer,
    ChecklistIndicator,
    ChoiceIndicator,
    CountryFile,
    Evidence,
    Kind,
    NumberIndicator,
    Rubric,
    ScoreIndicator,
)
from .problems import Problem, Severity, did_you_mean, one_of

M = TypeVar("M", bound=BaseModel)
Indicator = ChoiceIndicator | ChecklistIndicator | NumberIndicator | ScoreIndicator

# Answers beyond this are typing mistakes, and would overflow formatting; .inf says "no limit".
MAX_NUMBER = 10**12

# Evidence older than this many years before the edition is flagged as possibly out of date.
STALE_YEARS = 5

_KIND_OF_VALUE = {
    bool: "true/false",
    int: "a number",
    float: "a number",
    str: "text",
    list: "a list",
    dict: "a map",
    type(None): "nothing",
}


def _describe(value: Any) -> str:
    return _KIND_OF_VALUE.get(type(value), type(value).__name__)


def _strip(tp: Any) -> list[Any]:
    """The members of a (possibly Annotated) union type, or the type alone."""
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return [m for a in typing.get_args(tp) for m in _strip(a)]
    return [tp]


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _step(tp: Any, part: str | int) -> Any:
    """The type found one step down `tp` along an error path (a field, an index, a key or a union tag)."""
    for member in _strip(tp):
        if _is_model(member):
            if part in member.model_fields:
                return member.model_fields[part].annotation
            tag = member.model_fields.get("type")
            if tag is not None and typing.get_args(tag.annotation) == (part,):
                return member
        elif typing.get_origin(member) is list and isinstance(part, int):
            return typing.get_args(member)[0]
        elif typing.get_origin(member) is dict:
            return typing.get_args(member)[1]
    return None


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """Names of the fields allowed at `loc` (the parent of an unknown field), for did-you-mean hints."""
    current: Any = model
    for part in loc:
        current = _step(current, part)
    return sorted({f for m in _strip(current) if _is_model(m) for f in m.model_fields})


def _reword(error: Any, model: type[BaseModel]) -> tuple[Loc, str, str | None, bool]:
    """A pydantic error as (location, message, hint, at-key) in plain words."""
    loc: Loc = tuple(error["loc"])
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    name = loc[-1] if loc else ""
    if kind == "missing":
        return loc[:-1], f"missing field '{name}'", None, True
    if kind == "extra_forbidden":
        return loc, f"unknown field '{name}'", did_you_mean(str(name), _fields_at(model, loc[:-1])), True
    if kind == "union_tag_invalid":
        tags = [t.strip(" '") for t in str(ctx.get("expected_tags", "")).split(",")]
        return (
            (*loc, "type"),
            f"unknown type '{ctx.get('tag')}'",
            did_you_mean(str(ctx.get("tag")), tags) or one_of(tags),
            False,
        )
    if kind == "union_tag_not_found":
        return (
            loc,
            f"missing field {ctx.get('discriminator', 'type')}",
            "one of 'choice', 'checklist', 'number', 'score'",
            True,
        )
    if kind == "string_pattern_mismatch":
        return (
            loc,
            f"'{value}' is not a valid id",
            "use lower-case letters, digits and hyphens, e.g. 'time-limits'",
            False,
        )
    if kind in ("enum", "literal_error"):
        expected = [e.strip(" '") for e in str(ctx.get("expected", "")).replace(" or ", ",").split(",") if e.strip()]
        return loc, f"'{value}' is not allowed here", did_you_mean(str(value), expected) or one_of(expected), False
    if kind == "too_short":
        return loc, "needs at least one entry", None, False
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return loc, f"expected a whole number, got {_describe(value)}", None, False
    if kind in ("decimal_type", "decimal_parsing", "float_type", "float_parsing", "finite_number"):
        return loc, f"expected a number, got {_describe(value)}", None, False
    if kind == "string_type":
        return loc, f"expected text, got {_describe(value)}", None, False
    if kind in ("decimal_max_digits", "decimal_max_places", "decimal_whole_digits"):
        return loc, f"{value} has too many digits", "points have at most 12 digits, 4 of them after the point", False
    if kind == "string_too_short":
        return loc, "must not be empty", None, False
    if kind == "list_type":
        return loc, f"expected a list, got {_describe(value)}", None, False
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return loc, f"expected a map of 'key: value' lines, got {_describe(value)}", None, False
    if kind == "value_error":
        return loc, str(ctx.get("error", error["msg"])), None, False
    return loc, error["msg"], None, False  # pragma: no cover - a pydantic error type not met yet


def to_model(doc: Document, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Validate a document against a model; errors become located problems."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as err:
        problems = []
        for error in err.errors(include_url=False):
            loc, message, hint, key = _reword(error, model)
            problems.append(doc.problem(loc, message, hint, key=key))
        return None, problems


def _duplicates(ids: Iterable[str]) -> list[str]:
    return sorted(i for i, n in Counter(ids).items() if n > 1)


def load_rubric(doc: Document, *, named_by_file: bool = True) -> tuple[Rubric | None, list[Problem]]:
    """A rubric document to a Rubric, checked for consistency (ids, signs, bands, references).

    `named_by_file`: the file lives in rubrics/ and must be named after its id (not so for --rubric).
    """
    rubric, problems = to_model(doc, Rubric)
    if rubric is None:
        return None, problems
    expected = doc.path.stem
    if named_by_file and rubric.id != expected:
        problems.append(
            doc.problem(
                ("id",),
                f"rubric id '{rubric.id}' does not match the file name '{doc.path.name}'",
                f"name the file '{rubric.id}.yaml' or set 'id: {expected}'",
            )
        )
    standard_ids = {s.id for s in rubric.standards}
    for dup in _duplicates(c.id for c in rubric.categories):
        problems.append(doc.problem(("categories",), f"category id '{dup}' is used twice"))
    for ci, cat in enumerate(rubric.categories):
        at: Loc = ("categories", ci)
        problems += _check_category_kind(doc, at, cat.kind, cat.floor, cat.cap, "weight" in cat.model_fields_set)
        if cat.weight < 0:
            problems.append(doc.problem((*at, "weight"), "a weight cannot be negative"))
        for dup in _duplicates(i.id for i in cat.indicators):
            problems.append(
                doc.problem((*at, "indicators"), f"indicator id '{dup}' is used twice in category '{cat.id}'")
            )
        for ii, ind in enumerate(cat.indicators):
            iat: Loc = (*at, "indicators", ii)
            for si, ref in enumerate(ind.standards):
                if ref not in standard_ids:
                    problems.append(
                        doc.problem(
                            (*iat, "standards", si),
                            f"unknown standard '{ref}'",
                            did_you_mean(ref, standard_ids) or "list it under 'standards:' at the top of the rubric",
                        )
                    )
            problems += _check_indicator(doc, iat, ind, cat.kind)
    for bi, band in enumerate(rubric.bands):
        if bi == 0 and band.min != 0:
            problems.append(doc.problem(("bands", 0, "min"), "the first band must start at 0"))
        elif bi and band.min <= rubric.bands[bi - 1].min:
            problems.append(doc.problem(("bands", bi, "min"), "band minima must increase from one band to the next"))
    problems += _missing_translations(doc)
    if not any(c.kind is Kind.STANDARD and c.weight > 0 for c in rubric.categories):
        problems.append(
            doc.problem(("categories",), "a rubric needs at least one standard category with a weight above 0")
        )
    return (rubric if not any(p.is_error for p in problems) else None), problems


_TEXT_FIELDS = {"title", "question", "guidance", "recommendation", "label", "unit", "description"}


def _texts(value: Any, loc: Loc = ()) -> list[tuple[Loc, Any]]:
    """Every text for people in a rubric document, with its location."""
    if isinstance(value, dict):
        found = []
        for key, item in value.items():
            if key in _TEXT_FIELDS and isinstance(item, str | dict):
                found.append(((*loc, key), item))
            elif not isinstance(item, str):
                found += _texts(item, (*loc, key))
        return found
    if isinstance(value, list):
        return [t for n, item in enumerate(value) for t in _texts(item, (*loc, n))]
    return []


def _missing_translations(doc: Document) -> list[Problem]:
    """One warning per language that some texts have and others lack (English stands in for them)."""
    texts = _texts(doc.data)
    languages = sorted({lang for _, text in texts if isinstance(text, dict) for lang in text} - {"en"})
    out = []
    for lang in languages:
        missing = [loc for loc, text in texts if not isinstance(text, dict) or lang not in text]
        if missing:
            out.append(
                doc.problem(
                    missing[0],
                    f"{len(missing)} of {len(texts)} texts have no '{lang}' version (the first is here); English is used for them",
                    f"write texts as {{en: ..., {lang}: ...}}",
                    severity=Severity.WARNING,
                )
            )
    return out


def _check_category_kind(
    doc: Document, at: Loc, kind: Kind, floor: Decimal | None, cap: Decimal | None, weighted: bool
) -> list[Problem]:
    out = []
    if kind is Kind.PENALTY:
        if floor is None:
            out.append(doc.problem(at, "a penalty category needs a 'floor' (its lowest total, e.g. -15)", key=True))
        elif floor > 0:
            out.append(doc.problem((*at, "floor"), "a penalty floor must be 0 or below"))
    if kind is Kind.BONUS:
        if cap is None:
            out.append(doc.problem(at, "a bonus category needs a 'cap' (its highest total, e.g. 15)", key=True))
        elif cap < 0:
            out.append(doc.problem((*at, "cap"), "a bonus cap must be 0 or above"))
    if floor is not None and kind is not Kind.PENALTY:
        out.append(doc.problem((*at, "floor"), "only a penalty category has a floor"))
    if cap is not None and kind is not Kind.BONUS:
        out.append(doc.problem((*at, "cap"), "only a bonus category has a cap"))
    if weighted and kind is not Kind.STANDARD:
        out.append(
            doc.problem(
                (*at, "weight"),
                "only standard categories have a weight",
                "penalty and bonus points are added to the total as they are",
            )
        )
    return out


def _check_indicator(doc: Document, at: Loc, ind: Indicator, kind: Kind) -> list[Problem]:
    out: list[Problem] = []

    def sign_ok(points: Decimal | int) -> bool:
        return points <= 0 if kind is Kind.PENALTY else points >= 0

    sign_word = "0 or below in a penalty category" if kind is Kind.PENALTY else "0 or above"
    if isinstance(ind, ChoiceIndicator | ChecklistIndicator):
        field = "options" if isinstance(ind, ChoiceIndicator) else "items"
        entries = ind.options if isinstance(ind, ChoiceIndicator) else ind.items
        for dup in _duplicates(o.id for o in entries):
            out.append(doc.problem((*at, field), f"{field[:-1]} id '{dup}' is used twice"))
        for oi, option in enumerate(entries):
            if not sign_ok(option.points):
                out.append(doc.problem((*at, field, oi, "points"), f"points must be {sign_word}"))
    elif isinstance(ind, NumberIndicator):
        previous: Decimal | None = None
        for bi, band in enumerate(ind.bands):
            last = bi == len(ind.bands) - 1
            if not sign_ok(band.points):
                out.append(doc.problem((*at, "bands", bi, "points"), f"points must be {sign_word}"))
            if last and band.max is not None:
                out.append(
                    doc.problem(
                        (*at, "bands", bi), "the last band has no 'max': it takes every larger answer", key=True
                    )
                )
            if not last and band.max is None:
                out.append(doc.problem((*at, "bands", bi), "every band but the last needs a 'max'", key=True))
            if band.max is not None:
                if previous is not None and band.max <= previous:
                    out.append(
                        doc.problem((*at, "bands", bi, "max"), "band maxima must increase from one band to the next")
                    )
                previous = band.max
        if ind.min is not None and ind.max is not None and ind.min > ind.max:
            out.append(doc.problem((*at, "min"), "'min' is larger than 'max'"))
    elif isinstance(ind, ScoreIndicator):
        if ind.min >= ind.max:
            out.append(doc.problem((*at, "min"), "'min' must be smaller than 'max'"))
        if not (sign_ok(ind.min) and sign_ok(ind.max)):
            out.append(doc.problem((*at, "min"), f"points must be {sign_word}"))
    return out


def indicators_by_id(rubric: Rubric) -> dict[str, Indicator]:
    """Full indicator id (`category.indicator`) -> indicator, in rubric order."""
    return {f"{c.id}.{i.id}": i for c in rubric.categories for i in c.indicators}


def check_country(
    doc: Document,
    rubrics: dict[str, Rubric | None],
    *,
    country_names: dict[str, str],
    strict: bool = False,
) -> tuple[CountryFile | None, list[Problem]]:
    """A country document to a CountryFile, checked against its path and its rubric.

    `rubrics` maps rubric ids to rubrics (None for a rubric file with errors); `country_names` maps ISO3 codes.
    In strict mode missing answers and answers without evidence are errors, not warnings.
    """
    country, problems = to_model(doc, CountryFile)
    if country is None:
        return None, problems
    stem, folder = doc.path.stem, doc.path.parent.name
    if country.country not in country_names:
        hint = (
            f"did you mean '{country.country.upper()}'?"
            if country.country.upper() in country_names
            else "use the ISO 3166-1 alpha-3 code, e.g. 'MEX'"
        )
        problems.append(
            doc.problem(("country",), f"'{country.country}' is not an ISO 3166-1 alpha-3 country code", hint)
        )
    elif country.country != stem:
        problems.append(
            doc.problem(
                ("country",),
                f"country '{country.country}' does not match the file name '{doc.path.name}'",
                f"rename the file to '{country.country}{doc.path.suffix}' or fix the code",
            )
        )
    if folder.isdigit() and country.year != int(folder):
        problems.append(
            doc.problem(
                ("year",),
                f"year {country.year} does not match the folder '{folder}'",
                f"move the file to countries/{country.year}/ or fix the year",
            )
        )
    if country.rubric not in rubrics:
        problems.append(
            doc.problem(
                ("rubric",),
                f"unknown rubric '{country.rubric}'",
                did_you_mean(country.rubric, rubrics)
                or (one_of(sorted(rubrics)) if rubrics else "add the rubric file under rubrics/"),
            )
        )
        return country, problems
    rubric = rubrics[country.rubric]
    if rubric is None:
        # The rubric's own errors are reported once, with the rubric; the answers cannot be checked.
        return country, problems
    problems += _check_sources(doc, country)
    problems += _check_answers(doc, country, rubric, strict)
    return country, problems


def _check_sources(doc: Document, country: CountryFile) -> list[Problem]:
    out = []
    cited: set[str] = set()
    for key, answer in country.answers.items():
        for ei, item in enumerate(answer.evidence):
            if isinstance(item, str):
                cited.add(item)
                if item not in country.sources:
                    hint = (
                        did_you_mean(item, country.sources)
                        or "add it under 'sources:' or write the source out as {title, url, date}"
                    )
                    out.append(doc.problem(("answers", key, "evidence", ei), f"unknown source '{item}'", hint))
    for unused in sorted(set(country.sources) - cited):
        out.append(
            doc.problem(
                ("sources", unused),
                f"source '{unused}' is never cited",
                "cite it or remove it",
                severity=Severity.WARNING,
                key=True,
            )
        )
    return out


def _check_answers(doc: Document, country: CountryFile, rubric: Rubric, strict: bool) -> list[Problem]:
    out: list[Problem] = []
    indicators = indicators_by_id(rubric)
    gap = Severity.ERROR if strict else Severity.WARNING
    for key, answer in country.answers.items():
        indicator = indicators.get(key)
        if indicator is None:
            hint = did_you_mean(key, indicators) or "answers are keyed '<category>.<indicator>' as in the rubric"
            out.append(
                doc.problem(("answers", key), f"unknown indicator '{key}' in rubric '{rubric.id}'", hint, key=True)
            )
            continue
        if answer.status is not None:
            continue
        out += _check_value(doc, ("answers", key, "value"), key, indicator, answer.value)
        evidence = resolve_evidence(answer, country.sources)
        if not answer.evidence:
            out.append(
                doc.problem(
                    ("answers", key),
                    f"answer to {key} cites no evidence",
                    "add 'evidence:' with at least one source, or mark it 'status: unknown'",
                    severity=gap,
                    key=True,
                )
            )
        elif evidence and max(e.year for e in evidence) < country.year - STALE_YEARS:
            newest = max(e.year for e in evidence)
            out.append(
                doc.problem(
                    ("answers", key, "evidence"),
                    f"the newest evidence for {key} is from {newest}, more than {STALE_YEARS} years before {country.year}",
                    "check that it still holds and cite a newer source",
                    severity=Severity.WARNING,
                    key=True,
                )
            )
    missing = [k for k in indicators if k not in country.answers]
    if missing:
        shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        out.append(
            doc.problem(
                ("answers",),
                f"no answer for {len(missing)} indicator{'s' if len(missing) > 1 else ''}: {shown}",
                "answer them, or write 'status: unknown' with a note",
                severity=gap,
                key=True,
            )
        )
    return out


def resolve_evidence(answer: Answer, sources: dict[str, Evidence]) -> list[Evidence]:
    """The evidence of an answer with source ids looked up (unknown ids are reported elsewhere)."""
    return [sources[e] if isinstance(e, str) else e for e in answer.evidence if not isinstance(e, str) or e in sources]


def _check_value(doc: Document, at: Loc, key: str, ind: Indicator, value: Any) -> list[Problem]:
    if isinstance(value, bool):
        return [
            doc.problem(
                at,
                f"the answer to {key} was read as true/false",
                "put quotes around it, or use one of the rubric's ids",
            )
        ]
    if isinstance(ind, ChoiceIndicator):
        ids = [o.id for o in ind.options]
        if not isinstance(value, str):
            return [doc.problem(at, f"expected one option id for {key}, got {_describe(value)}", one_of(ids))]
        if value not in ids:
            return [doc.problem(at, f"unknown option '{value}' for {key}", did_you_mean(value, ids) or one_of(ids))]
        return []
    if isinstance(ind, ChecklistIndicator):
        ids = [o.id for o in ind.items]
        if not isinstance(value, list):
            return [
                doc.problem(
                    at,
                    f"expected a list of item ids for {key}, got {_describe(value)}",
                    "write [] when no item applies",
                )
            ]
        out = []
        for n, item in enumerate(value):
            if not isinstance(item, str) or item not in ids:
                out.append(
                    doc.problem(
                        (*at, n), f"unknown item '{item}' for {key}", did_you_mean(str(item), ids) or one_of(ids)
                    )
                )
        for dup in _duplicates(v for v in value if isinstance(v, str)):
            out.append(doc.problem(at, f"item '{dup}' is listed twice for {key}"))
        return out
    if isinstance(ind, NumberIndicator):
        if not isinstance(value, int | float) or (
            isinstance(value, float) and (math.isnan(value) or value == -math.inf)
        ):
            return [
                doc.problem(at, f"expected a number for {key}, got {_describe(value)}", "write .inf for 'no limit'")
            ]
        if value != math.inf and abs(value) > MAX_NUMBER:
            return [doc.problem(at, f"{value} is too large for {key}", "write .inf for 'no limit'")]
        exact = Decimal(str(value)) if value != math.inf else None
        if ind.min is not None and exact is not None and exact < ind.min:
            return [doc.problem(at, f"{value} is below the minimum {ind.min} for {key}")]
        if ind.max is not None and (exact is None or exact > ind.max):
            return [doc.problem(at, f"{value} is above the maximum {ind.max} for {key}")]
        return []
    if not isinstance(value, int):
        return [
            doc.problem(
                at,
                f"expected a whole number of points for {key}, got {_describe(value)}",
                f"from {ind.min} to {ind.max}",
            )
        ]
    if not ind.min <= value <= ind.max:
        return [doc.problem(at, f"{value} is outside {ind.min}..{ind.max} for {key}")]
    return []


def source_path_problem(path: Path, display: str) -> Problem | None:
    """A problem for a country file whose name cannot be an ISO3 code (checked before reading it)."""
    if len(path.stem) != 3 or not path.stem.isalpha() or not path.stem.isupper():
        return Problem(
            display,
            None,
            None,
            Severity.ERROR,
            f"'{path.name}' is not named after a country",
            "name country files by their ISO 3166-1 alpha-3 code in capitals, e.g. 'MEX.yaml'",
        )
    return None
