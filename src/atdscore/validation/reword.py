"""Pydantic's errors reworded for people who are not programmers, and pointed at their file, line and column."""

from __future__ import annotations

import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, RootModel, ValidationError

from atdscore.files.load import Document, Loc
from atdscore.problems import Code, Problem, did_you_mean, one_of

M = TypeVar("M", bound=BaseModel)

_KIND_OF_VALUE = {
    bool: "true/false",
    int: "a number",
    float: "a number",
    str: "text",
    list: "a list",
    dict: "a map",
    type(None): "nothing",
}


def describe_value(value: Any) -> str:
    """How a person would name the kind of a YAML value: 'a number', 'text', 'a map'."""
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
        if _is_model(member) and issubclass(member, RootModel):
            return _step(member.model_fields["root"].annotation, part)
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


def _reword(error: Any, model: type[BaseModel]) -> tuple[Code, Loc, str, str | None, bool]:
    """A pydantic error as (code, location, message, hint, at-key) in plain words."""
    loc: Loc = tuple(error["loc"])
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    name = loc[-1] if loc else ""
    if kind == "missing":
        return Code.MISSING_FIELD, loc[:-1], f"missing field '{name}'", None, True
    if kind == "extra_forbidden":
        return (
            Code.UNKNOWN_FIELD,
            loc,
            f"unknown field '{name}'",
            did_you_mean(str(name), _fields_at(model, loc[:-1])),
            True,
        )
    if kind == "union_tag_invalid":
        tags = [t.strip(" '") for t in str(ctx.get("expected_tags", "")).split(",")]
        return (
            Code.NOT_ALLOWED,
            (*loc, "type"),
            f"unknown type '{ctx.get('tag')}'",
            did_you_mean(str(ctx.get("tag")), tags) or one_of(tags),
            False,
        )
    if kind == "union_tag_not_found":
        return (
            Code.MISSING_FIELD,
            loc,
            f"missing field {ctx.get('discriminator', 'type')}",
            "one of 'choice', 'checklist', 'number', 'score'",
            True,
        )
    if kind == "string_pattern_mismatch":
        return (
            Code.NOT_ALLOWED,
            loc,
            f"'{value}' is not a valid id",
            "use lower-case letters, digits and hyphens, e.g. 'time-limits'",
            False,
        )
    if kind in ("enum", "literal_error"):
        expected = [e.strip(" '") for e in str(ctx.get("expected", "")).replace(" or ", ",").split(",") if e.strip()]
        return (
            Code.NOT_ALLOWED,
            loc,
            f"'{value}' is not allowed here",
            did_you_mean(str(value), expected) or one_of(expected),
            False,
        )
    if kind == "too_short":
        return Code.EMPTY_VALUE, loc, "needs at least one entry", None, False
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return Code.WRONG_KIND, loc, f"expected a whole number, got {describe_value(value)}", None, False
    if kind in ("decimal_type", "decimal_parsing", "float_type", "float_parsing", "finite_number"):
        return Code.WRONG_KIND, loc, f"expected a number, got {describe_value(value)}", None, False
    if kind == "string_type":
        return Code.WRONG_KIND, loc, f"expected text, got {describe_value(value)}", None, False
    if kind in ("decimal_max_digits", "decimal_max_places", "decimal_whole_digits"):
        return (
            Code.TOO_MANY_DIGITS,
            loc,
            f"{name} {value} has too many digits" if isinstance(name, str) else f"{value} has too many digits",
            "numbers in a rubric have at most 8 digits before the decimal point and 4 after it",
            False,
        )
    if kind == "string_too_short":
        return Code.EMPTY_VALUE, loc, "must not be empty", None, False
    if kind == "list_type":
        return Code.WRONG_KIND, loc, f"expected a list, got {describe_value(value)}", None, False
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return Code.WRONG_KIND, loc, f"expected a map of 'key: value' lines, got {describe_value(value)}", None, False
    if kind == "value_error":
        return Code.INVALID_VALUE, loc, str(ctx.get("error", error["msg"])), None, False
    return Code.INVALID_VALUE, loc, error["msg"], None, False  # pragma: no cover - a pydantic error type not met yet


def to_model(doc: Document, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Validate a document against a model; errors become located problems."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as err:
        problems = []
        for error in err.errors(include_url=False):
            code, loc, message, hint, key = _reword(error, model)
            problems.append(doc.problem(code, loc, message, hint, key=key))
        return None, problems
