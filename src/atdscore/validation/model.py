"""Pydantic models of rubrics, and the building blocks every file format shares (ids, texts, dates, web addresses).

The models check shape and types; rules that need more than one file are in `validation/rubric.py` and
`validation/country.py`. Points are Decimals so that 0.1 + 0.2 is 0.3. Country files: `country_file.py`.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
    field_validator,
)

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
DEFAULT_LANGUAGE = "en"
# A scheme, a host, then anything but white space: a well-formed web address, not a reachable one.
_URL = re.compile(r"^https?://[^\s/?#@]+(?:[/?#]\S*)?$")
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def check_url(value: str | None) -> str | None:
    """A well-formed http(s) web address (not a reachable one), with a message that says what is wrong."""
    if value is None or _URL.match(value):
        return value
    if any(c.isspace() for c in value.strip()):
        raise ValueError("a web address cannot contain spaces; write a space inside it as %20")
    if _URL.match(value.strip()):
        raise ValueError("remove the spaces before or after the web address")
    if _URL.match(value[:8].lower() + value[8:]):
        raise ValueError("write the start of the web address in lower case: http:// or https://")
    raise ValueError("expected a web address starting with http:// or https://")


def check_date(value: Any) -> Any:
    """A date as YYYY-MM-DD, YYYY-MM or YYYY (a bare year may come as a number), checked against the calendar."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not _DATE.match(value) or value.startswith("0000"):
        raise ValueError("expected a date as YYYY-MM-DD, YYYY-MM or YYYY")
    if len(value) == 10:
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value} is not a date in the calendar") from None
    return value


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False, str_strip_whitespace=False)


def _check_text(value: Any) -> str | dict[str, str]:
    if isinstance(value, dict):
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            raise ValueError("expected text, or a map from language code to text ({en: ..., es: ...})")
        if DEFAULT_LANGUAGE not in value:
            raise ValueError(f"a text in several languages needs an '{DEFAULT_LANGUAGE}' entry")
        if any(not text.strip() for text in value.values()):
            raise ValueError("text must not be empty")
        return value
    if not isinstance(value, str):
        raise ValueError("expected text, or a map from language code to text ({en: ..., es: ...})")
    if not value.strip():
        raise ValueError("text must not be empty")
    return value


Text = Annotated[
    str | dict[str, str],
    PlainValidator(_check_text),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string"},
                {"type": "object", "additionalProperties": {"type": "string"}, "required": ["en"]},
            ]
        }
    ),
]
"""Text for people: a string, or a map from language code to string (`{en: ..., es: ...}`)."""


def text_in(value: Text | None, lang: str) -> str:
    """`value` in language `lang`, falling back to English."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return value.get(lang) or value[DEFAULT_LANGUAGE]


def falls_back(value: Text | None, lang: str) -> bool:
    """Whether `value` has no text of its own in `lang`, so that `text_in` gives the English one."""
    if value is None or lang == DEFAULT_LANGUAGE:
        return False
    return isinstance(value, str) or not value.get(lang)


def _points(value: Any) -> Any:
    # YAML floats arrive as binary floats: go through their shortest repr so 0.1 stays 0.1.
    if isinstance(value, bool):
        raise ValueError("expected a number, not true/false")
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(
                f"expected a finite number, got {'.nan' if value != value else repr(value).replace('inf', '.inf')}"
            )
        return Decimal(repr(value))
    return value


# Rubric points are small decimals; the limits keep exact arithmetic cheap and reject typing mistakes.
Points = Annotated[Decimal, Field(allow_inf_nan=False, max_digits=12, decimal_places=4)]


class Standard(_Model):
    """An international standard that indicators cite."""

    id: Id
    title: Text
    url: str | None = None


class Option(_Model):
    """An option of a choice indicator, or an item of a checklist."""

    id: Id
    label: Text
    points: Points

    _num = field_validator("points", mode="before")(_points)


class Band(_Model):
    """A band of a number indicator: answers up to `max` (inclusive) score `points`."""

    max: Points | None = None
    points: Points

    _num = field_validator("max", "points", mode="before")(_points)


class _Indicator(_Model):
    id: Id
    question: Text
    guidance: Text | None = None
    recommendation: Text | None = None
    standards: list[Id] = []


class ChoiceIndicator(_Indicator):
    """The answer is one option id."""

    type: Literal["choice"]
    options: list[Option] = Field(min_length=1)


class ChecklistIndicator(_Indicator):
    """The answer is a list of item ids; points add up."""

    type: Literal["checklist"]
    items: list[Option] = Field(min_length=1)


class NumberIndicator(_Indicator):
    """The answer is a number in `unit`, scored by the first band it fits."""

    type: Literal["number"]
    unit: Text
    bands: list[Band] = Field(min_length=1)
    min: Points | None = None
    max: Points | None = None

    _num = field_validator("min", "max", mode="before")(_points)


class ScoreIndicator(_Indicator):
    """The answer is a whole number of points from `min` to `max`, assigned by an expert."""

    type: Literal["score"]
    min: int
    max: int

    @field_validator("min", "max", mode="before")
    @classmethod
    def _whole(cls, value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError("expected a whole number")
        return value


Indicator = ChoiceIndicator | ChecklistIndicator | NumberIndicator | ScoreIndicator
_IndicatorField = Annotated[Indicator, Field(discriminator="type")]


class Kind(StrEnum):
    """Standard categories make up the maximum; penalty and bonus points are added to the total."""

    STANDARD = "standard"
    PENALTY = "penalty"
    BONUS = "bonus"


class Category(_Model):
    """A group of indicators with a weight (standard) or a floor (penalty) or a cap (bonus)."""

    id: Id
    title: Text
    weight: Points = Decimal(1)
    kind: Kind = Kind.STANDARD
    floor: Points | None = None
    cap: Points | None = None
    indicators: list[_IndicatorField] = Field(min_length=1)

    _num = field_validator("weight", "floor", "cap", mode="before")(_points)


class Aggregation(StrEnum):
    """How category results make a total."""

    POINTS = "points"
    WEIGHTED_MEAN = "weighted-mean"


class ScoreBand(_Model):
    """A verbal band for totals: from `min` percent (inclusive) up to the next band's `min`."""

    min: Points
    label: Text

    _num = field_validator("min", mode="before")(_points)


class Rubric(_Model):
    """A scoring framework: categories of indicators, and how they add up."""

    id: Id
    title: Text
    version: str
    aggregation: Aggregation = Aggregation.POINTS
    # A country is ranked when this share of its applicable standard-category indicators is answered.
    min_coverage: Annotated[Points, Field(ge=0, le=1)] = Decimal(0)
    description: Text | None = None
    standards: list[Standard] = []
    bands: list[ScoreBand] = []
    categories: list[Category] = Field(min_length=1)

    _share = field_validator("min_coverage", mode="before")(_points)

    @field_validator("version", mode="before")
    @classmethod
    def _version(cls, value: Any) -> Any:
        # `version: 1.0` is read by YAML as a float; keep what the author meant.
        if isinstance(value, int | float) and not isinstance(value, bool):
            return repr(value)
        return value


def indicators_by_id(rubric: Rubric) -> dict[str, Indicator]:
    """Full indicator id (`category.indicator`) -> indicator, in rubric order."""
    return {f"{c.id}.{i.id}": i for c in rubric.categories for i in c.indicators}
