"""A new country file for `atdscore new`: every indicator of a rubric as `status: unknown`, each explained.

Above each answer a comment gives the question, the answers the rubric accepts (option and item ids
with their labels and points, number bands, score range) and the first sentence of the guidance, so
a researcher can fill the file in without the rubric open. Pure: the text is written by the CLI.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from atdscore.files.rewrite import dump_round_trip, new_map, plain_or_quoted
from atdscore.text.numbers import trimmed
from atdscore.validation.country_file import Status
from atdscore.validation.model import (
    ChecklistIndicator,
    ChoiceIndicator,
    Indicator,
    NumberIndicator,
    Option,
    Rubric,
    ScoreIndicator,
    indicators_by_id,
    text_in,
)

# A sentence ends at . ! or ? followed by a space and a capital, a digit, a quote or a bracket ("e.g. the" goes on).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(‘“])")
# Comment lines are wrapped to this width (after the indentation and '# '); long words are never cut.
COMMENT_WIDTH = 96


def _points(value: Decimal) -> str:
    return trimmed(Fraction(value), 4)


def _plural(value: Decimal) -> str:
    return "point" if abs(value) == 1 else "points"


def _choices(options: list[Option]) -> list[str]:
    width = max(len(o.id) for o in options)
    return [
        f"  {o.id:<{width}}  {_points(o.points):>4} {_plural(o.points):<6}  {text_in(o.label, 'en')}" for o in options
    ]


def first_sentence(text: str) -> str:
    """The first sentence of `text`, its white space made single spaces."""
    return _SENTENCE_END.split(" ".join(text.split()), maxsplit=1)[0]


def _wrapped(text: str) -> list[str]:
    """`text` on comment lines of COMMENT_WIDTH, continuation lines indented."""
    return textwrap.wrap(text, COMMENT_WIDTH, subsequent_indent="  ", break_long_words=False, break_on_hyphens=False)


def _number(indicator: NumberIndicator) -> list[str]:
    unit = text_in(indicator.unit, "en")
    limits = []
    if indicator.min is not None:
        limits.append(f"at least {_points(indicator.min)}")
    if indicator.max is not None:
        limits.append(f"at most {_points(indicator.max)}")
    else:
        limits.append(".inf for no limit")
    bands = []
    for n, band in enumerate(indicator.bands):
        upto = "more" if band.max is None else f"up to {_points(band.max)}"
        bands.append(f"{upto}: {_points(band.points)}{' points' if n == 0 else ''}")
    return [f"value: a number of {unit} ({', '.join(limits)})", *_wrapped("  " + ", ".join(bands))]


def answer_lines(indicator: Indicator) -> list[str]:
    """What the rubric accepts as an answer to `indicator`, in comment lines (without the '#')."""
    if isinstance(indicator, ChoiceIndicator):
        return ["value: one of", *_choices(indicator.options)]
    if isinstance(indicator, ChecklistIndicator):
        return ["value: a list of the items that apply, [] for none (points add up)", *_choices(indicator.items)]
    if isinstance(indicator, NumberIndicator):
        return _number(indicator)
    assert isinstance(indicator, ScoreIndicator)
    return [f"value: a whole number of points from {indicator.min} to {indicator.max}, an expert's score"]


def indicator_comment(key: str, indicator: Indicator) -> list[str]:
    """The comment above an answer: the question, the valid answers and one line of guidance."""
    lines = [*_wrapped(f"{key}: {' '.join(text_in(indicator.question, 'en').split())}"), *answer_lines(indicator)]
    if indicator.guidance is not None:
        lines += _wrapped("guidance: " + first_sentence(text_in(indicator.guidance, "en")))
    return lines


@dataclass(frozen=True)
class NewCountry:
    """What `atdscore new` writes: the file's text and how many indicators it lists."""

    text: str
    indicators: int


def scaffold_country(
    rubric: Rubric, country: str, name: str, year: int, *, schema: str | None, rubric_label: str
) -> NewCountry:
    """A country file with every indicator of `rubric` unknown and explained; `schema` is a path for editors.

    `rubric_label` names the rubric as the header comment should (`atd-core 2.0`).
    """
    header = [] if schema is None else [f"yaml-language-server: $schema={schema}"]
    header += [
        f"{name} ({country}), edition {year}, rubric {rubric_label}: written by `atdscore new`.",
        "Every indicator starts unknown. For each one you can answer, replace `status: unknown` with",
        "`value:` and `evidence:` (a list of {title, url, date}, or ids of sources listed under `sources:`),",
        "and add a `note:` in your own words; leave `status: unknown` with a note on what you looked for",
        "when no source settles it. See countries/README.md; `atdscore check` says what is missing.",
    ]
    answers = new_map([])
    indicators = indicators_by_id(rubric)
    for key, indicator in indicators.items():
        answers[key] = new_map([("status", Status.UNKNOWN.value)])
        answers.yaml_set_comment_before_after_key(key, before="\n".join(indicator_comment(key, indicator)), indent=2)
    data = new_map(
        [("country", country), ("year", year), ("rubric", plain_or_quoted(rubric.id)), ("answers", answers)],
        "\n".join(header),
    )
    return NewCountry(dump_round_trip(data), len(indicators))
