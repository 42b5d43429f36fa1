"""Answers in words: what a reader sees instead of option ids, item ids and raw numbers."""

from __future__ import annotations

import math
from fractions import Fraction

from .model import (
    Answer,
    ChecklistIndicator,
    ChoiceIndicator,
    Evidence,
    NumberIndicator,
    ScoreIndicator,
    Status,
    text_in,
)
from .numbers import trimmed

Indicator = ChoiceIndicator | ChecklistIndicator | NumberIndicator | ScoreIndicator

_WORDS = {
    "en": {
        "missing": "no answer",
        "unknown": "unknown",
        "not-applicable": "not applicable",
        "none": "none",
        "no-limit": "no limit",
        "of": "of",
    },
    "es": {
        "missing": "sin respuesta",
        "unknown": "desconocido",
        "not-applicable": "no aplicable",
        "none": "ninguno",
        "no-limit": "sin límite",
        "of": "de",
    },
}


def word(key: str, lang: str) -> str:
    """A fixed word of answer descriptions in `lang` (English where there is no translation)."""
    return _WORDS.get(lang, _WORDS["en"]).get(key) or _WORDS["en"][key]


def describe(indicator: Indicator, answer: Answer | None, lang: str = "en") -> str:
    """An answer as a reader would say it: the option's label, the items' labels, a number with its unit."""
    if answer is None:
        return word("missing", lang)
    if answer.status is not None:
        return word(Status(answer.status).value, lang)
    value = answer.value
    if isinstance(indicator, ChoiceIndicator):
        return next((text_in(o.label, lang) for o in indicator.options if o.id == value), str(value))
    if isinstance(indicator, ChecklistIndicator):
        chosen = set(value)
        labels = [text_in(i.label, lang) for i in indicator.items if i.id in chosen]
        return ", ".join(labels) if labels else word("none", lang)
    if isinstance(indicator, NumberIndicator):
        if value == math.inf:
            return word("no-limit", lang)
        # str() first: the shortest repr of a YAML float is the number its author wrote.
        return f"{trimmed(Fraction(str(value)), 4)} {text_in(indicator.unit, lang)}"
    return f"{value} {word('of', lang)} {indicator.max}"


def evidence_key(evidence: list[Evidence]) -> frozenset[tuple[str, str | None, str]]:
    """What makes two evidence lists the same: the same sources (title, url, date), in any order."""
    return frozenset((e.title.strip(), e.url, e.date) for e in evidence)
