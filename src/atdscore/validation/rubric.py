"""Every rule that makes a rubric valid beyond its types: unique ids, sensible points, complete translations."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from atdscore.files.load import Document, Loc
from atdscore.problems import Code, Problem, Severity, did_you_mean
from atdscore.text.strings import STRINGS
from atdscore.validation.model import (
    ChecklistIndicator,
    ChoiceIndicator,
    Indicator,
    Kind,
    NumberIndicator,
    Rubric,
    ScoreIndicator,
)
from atdscore.validation.reword import to_model


def duplicate_ids(ids: Iterable[str]) -> list[str]:
    """The ids that occur more than once, sorted."""
    return sorted(i for i, n in Counter(ids).items() if n > 1)


def load_rubric(doc: Document, *, named_by_file: bool = True) -> tuple[Rubric | None, list[Problem]]:
    """A rubric document to a Rubric, checked for consistency (ids, signs, bands, references).

    `named_by_file`: the file lives in rubrics/ and must be named after its id (not so for --rubric).
    """
    rubric, problems = to_model(doc, Rubric)
    if rubric is None:
        return None, problems
    # rubrics/<id>.yaml is the current version; rubrics/<id>@<version>.yaml keeps an earlier one.
    expected, _, version = doc.path.stem.partition("@")
    if named_by_file and rubric.id != expected:
        problems.append(
            doc.problem(
                Code.RUBRIC_FILE_NAME,
                ("id",),
                f"rubric id '{rubric.id}' does not match the file name '{doc.path.name}'",
                f"name the file '{rubric.id}.yaml' or set 'id: {expected}'",
            )
        )
    if named_by_file and version and rubric.version != version:
        problems.append(
            doc.problem(
                Code.RUBRIC_FILE_NAME,
                ("version",),
                f"version '{rubric.version}' does not match the file name '{doc.path.name}'",
                f"a file named <id>@<version>.yaml keeps that version: set 'version: \"{version}\"'",
            )
        )
    standard_ids = {s.id for s in rubric.standards}
    for dup in duplicate_ids(c.id for c in rubric.categories):
        problems.append(doc.problem(Code.DUPLICATE_ID, ("categories",), f"category id '{dup}' is used twice"))
    for ci, cat in enumerate(rubric.categories):
        at: Loc = ("categories", ci)
        problems += _check_category_kind(doc, at, cat.kind, cat.floor, cat.cap, "weight" in cat.model_fields_set)
        if cat.weight < 0:
            problems.append(doc.problem(Code.NEGATIVE_WEIGHT, (*at, "weight"), "a weight cannot be negative"))
        for dup in duplicate_ids(i.id for i in cat.indicators):
            problems.append(
                doc.problem(
                    Code.DUPLICATE_ID, (*at, "indicators"), f"indicator id '{dup}' is used twice in category '{cat.id}'"
                )
            )
        for ii, ind in enumerate(cat.indicators):
            iat: Loc = (*at, "indicators", ii)
            for si, ref in enumerate(ind.standards):
                if ref not in standard_ids:
                    problems.append(
                        doc.problem(
                            Code.UNKNOWN_STANDARD,
                            (*iat, "standards", si),
                            f"unknown standard '{ref}'",
                            did_you_mean(ref, standard_ids) or "list it under 'standards:' at the top of the rubric",
                        )
                    )
            problems += _check_indicator(doc, iat, ind, cat.kind)
    for bi, band in enumerate(rubric.bands):
        if bi == 0 and band.min != 0:
            problems.append(doc.problem(Code.BANDS_ORDER, ("bands", 0, "min"), "the first band must start at 0"))
        elif bi and band.min <= rubric.bands[bi - 1].min:
            problems.append(
                doc.problem(
                    Code.BANDS_ORDER, ("bands", bi, "min"), "band minima must increase from one band to the next"
                )
            )
    problems += _missing_translations(doc)
    if not any(c.kind is Kind.STANDARD and c.weight > 0 for c in rubric.categories):
        problems.append(
            doc.problem(
                Code.NO_STANDARD_CATEGORY,
                ("categories",),
                "a rubric needs at least one standard category with a weight above 0",
            )
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
    # Only the languages outputs are written in: a text's other languages are kept, never shown.
    languages = sorted({lang for _, text in texts if isinstance(text, dict) for lang in text} & set(STRINGS) - {"en"})
    out = []
    for lang in languages:
        missing = [loc for loc, text in texts if not isinstance(text, dict) or lang not in text]
        if missing:
            out.append(
                doc.problem(
                    Code.MISSING_TRANSLATION,
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
            out.append(
                doc.problem(
                    Code.FLOOR_OR_CAP, at, "a penalty category needs a 'floor' (its lowest total, e.g. -15)", key=True
                )
            )
        elif floor > 0:
            out.append(doc.problem(Code.FLOOR_OR_CAP, (*at, "floor"), "a penalty floor must be 0 or below"))
    if kind is Kind.BONUS:
        if cap is None:
            out.append(
                doc.problem(
                    Code.FLOOR_OR_CAP, at, "a bonus category needs a 'cap' (its highest total, e.g. 15)", key=True
                )
            )
        elif cap < 0:
            out.append(doc.problem(Code.FLOOR_OR_CAP, (*at, "cap"), "a bonus cap must be 0 or above"))
    if floor is not None and kind is not Kind.PENALTY:
        out.append(doc.problem(Code.FLOOR_OR_CAP, (*at, "floor"), "only a penalty category has a floor"))
    if cap is not None and kind is not Kind.BONUS:
        out.append(doc.problem(Code.FLOOR_OR_CAP, (*at, "cap"), "only a bonus category has a cap"))
    if weighted and kind is not Kind.STANDARD:
        out.append(
            doc.problem(
                Code.FLOOR_OR_CAP,
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
        for dup in duplicate_ids(o.id for o in entries):
            out.append(doc.problem(Code.DUPLICATE_ID, (*at, field), f"{field[:-1]} id '{dup}' is used twice"))
        for oi, option in enumerate(entries):
            if not sign_ok(option.points):
                out.append(doc.problem(Code.POINTS_SIGN, (*at, field, oi, "points"), f"points must be {sign_word}"))
    elif isinstance(ind, NumberIndicator):
        previous: Decimal | None = None
        for bi, band in enumerate(ind.bands):
            last = bi == len(ind.bands) - 1
            if not sign_ok(band.points):
                out.append(doc.problem(Code.POINTS_SIGN, (*at, "bands", bi, "points"), f"points must be {sign_word}"))
            if last and band.max is not None:
                out.append(
                    doc.problem(
                        Code.BANDS_ORDER,
                        (*at, "bands", bi),
                        "the last band has no 'max': it takes every larger answer",
                        key=True,
                    )
                )
            if not last and band.max is None:
                out.append(
                    doc.problem(Code.BANDS_ORDER, (*at, "bands", bi), "every band but the last needs a 'max'", key=True)
                )
            if band.max is not None:
                if previous is not None and band.max <= previous:
                    out.append(
                        doc.problem(
                            Code.BANDS_ORDER,
                            (*at, "bands", bi, "max"),
                            "band maxima must increase from one band to the next",
                        )
                    )
                previous = band.max
        if ind.min is not None and ind.max is not None and ind.min > ind.max:
            out.append(doc.problem(Code.MIN_MAX, (*at, "min"), "'min' is larger than 'max'"))
    elif isinstance(ind, ScoreIndicator):
        if ind.min >= ind.max:
            out.append(doc.problem(Code.MIN_MAX, (*at, "min"), "'min' must be smaller than 'max'"))
        if not (sign_ok(ind.min) and sign_ok(ind.max)):
            out.append(doc.problem(Code.POINTS_SIGN, (*at, "min"), f"points must be {sign_word}"))
    return out
