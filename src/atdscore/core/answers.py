"""Answers in words: what a reader sees instead of option ids, item ids and raw numbers."""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

from atdscore.text import formats
from atdscore.text.strings import lookup
from atdscore.validation.country_file import Answer, Evidence
from atdscore.validation.model import ChecklistIndicator, ChoiceIndicator, Indicator, NumberIndicator, text_in


def describe(indicator: Indicator, answer: Answer | None, lang: str = "en") -> str:
    """An answer as a reader would say it: an option's label, items' labels, a number with its unit."""
    if answer is None:
        return lookup("answer.missing", lang)
    if answer.status is not None:
        return lookup(f"answer.{answer.status.value}", lang)
    value = answer.value
    if isinstance(indicator, ChoiceIndicator):
        return next((text_in(o.label, lang) for o in indicator.options if o.id == value), str(value))
    if isinstance(indicator, ChecklistIndicator):
        chosen = set(value)
        labels = [text_in(i.label, lang) for i in indicator.items if i.id in chosen]
        # One sentence: 'National human rights institution, UNHCR and lawyers', not '... and Lawyers'.
        labels = labels[:1] + [formats.mid_sentence(label) for label in labels[1:]]
        return formats.join(labels, lang) if labels else lookup("answer.none", lang)
    if isinstance(indicator, NumberIndicator):
        if value == math.inf:
            return lookup("answer.no-limit", lang)
        # str() first: the shortest repr of a YAML float is the number its author wrote.
        return f"{formats.decimal(Fraction(str(value)), lang, 4)} {text_in(indicator.unit, lang)}"
    return lookup("answer.score", lang).format(n=value, max=indicator.max)


def evidence_key(evidence: list[Evidence]) -> frozenset[tuple[str, str | None, str | None]]:
    """What makes two evidence lists the same: the same sources (title, url, date), in any order.

    A source is known by its English title: translating a title does not make it another source.
    """
    return frozenset((text_in(e.title, "en").strip(), e.url, e.date) for e in evidence)


def answer_key(answer: Answer | None) -> tuple[Any, ...] | None:
    """What an answer says, reduced for comparison: its status or its value, a checklist's items as a set.

    The note and the evidence are not part of it (evidence is compared on its own, see `evidence_key`).
    """
    if answer is None:
        return None
    value = frozenset(answer.value) if isinstance(answer.value, list) else answer.value
    return (answer.status, value)


def same_answer(old: Answer | None, new: Answer | None) -> bool:
    """Two answers say the same thing: both missing, one status, one option, one number, or one set of items.

    A checklist whose items were only reordered is the same answer, in `diff` and in the briefs alike.
    """
    return answer_key(old) == answer_key(new)
