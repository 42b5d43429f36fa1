"""The rubric as a methodology and questionnaire: its texts in one language, its points worked out.

Pure: the methodology template prints this, so the published method is the rubric that scores.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from atdscore.core.score import indicator_range
from atdscore.validation.model import (
    ChecklistIndicator,
    ChoiceIndicator,
    Indicator,
    Kind,
    NumberIndicator,
    Rubric,
    text_in,
)


@dataclass(frozen=True)
class Choice:
    """An option, a checklist item or a band of a number indicator, with its points.

    For a band, `label` is empty and `above`/`up_to` bound the answers it takes (either may be None).
    """

    label: str
    points: Fraction
    above: Fraction | None = None
    up_to: Fraction | None = None


@dataclass(frozen=True)
class StandardRef:
    """A standard as the methodology cites it."""

    id: str
    title: str
    url: str | None


@dataclass(frozen=True)
class MethodIndicator:
    """One question of the questionnaire."""

    number: str
    id: str
    type: str
    question: str
    guidance: str | None
    recommendation: str | None
    unit: str | None
    min: Fraction | None  # the lowest and highest answer a number or score indicator takes
    max: Fraction | None
    low: Fraction  # the fewest and most points an answer can score
    high: Fraction
    choices: tuple[Choice, ...]
    standards: tuple[StandardRef, ...]


@dataclass(frozen=True)
class MethodCategory:
    """A category with its weight (standard), floor (penalty) or cap (bonus), and its questions."""

    number: int
    id: str
    title: str
    kind: str
    weight: Fraction
    max: Fraction
    floor: Fraction | None
    cap: Fraction | None
    indicators: tuple[MethodIndicator, ...]


@dataclass(frozen=True)
class ScoreBand:
    """A verbal band for totals from `min` percent up to (not including) `below`."""

    min: Fraction
    below: Fraction | None
    label: str


@dataclass(frozen=True)
class Methodology:
    """Everything the methodology document says about a rubric, in one language."""

    lang: str
    id: str
    version: str
    title: str
    description: str | None
    aggregation: str
    max: Fraction
    categories: tuple[MethodCategory, ...]
    bands: tuple[ScoreBand, ...]
    standards: tuple[StandardRef, ...]


def _choices(indicator: Indicator, lang: str) -> tuple[Choice, ...]:
    if isinstance(indicator, ChoiceIndicator):
        return tuple(Choice(text_in(o.label, lang), Fraction(o.points)) for o in indicator.options)
    if isinstance(indicator, ChecklistIndicator):
        return tuple(Choice(text_in(i.label, lang), Fraction(i.points)) for i in indicator.items)
    if isinstance(indicator, NumberIndicator):
        out, above = [], None
        for band in indicator.bands:
            up_to = None if band.max is None else Fraction(band.max)
            out.append(Choice("", Fraction(band.points), above, up_to))
            above = up_to
        return tuple(out)
    return ()


def build_methodology(rubric: Rubric, lang: str = "en") -> Methodology:
    """The methodology of `rubric` in language `lang` (English where the rubric has no translation)."""
    standards = {s.id: StandardRef(s.id, text_in(s.title, lang), s.url) for s in rubric.standards}
    categories = []
    weighted = rubric.aggregation.value == "points"
    total = Fraction(0)
    for cn, category in enumerate(rubric.categories, start=1):
        indicators = []
        for n, ind in enumerate(category.indicators, start=1):
            low, high = indicator_range(ind)
            bounds = (None, None) if isinstance(ind, ChoiceIndicator | ChecklistIndicator) else (ind.min, ind.max)
            indicators.append(
                MethodIndicator(
                    number=f"{cn}.{n}",
                    id=f"{category.id}.{ind.id}",
                    type=ind.type,
                    question=text_in(ind.question, lang),
                    guidance=text_in(ind.guidance, lang) or None,
                    recommendation=text_in(ind.recommendation, lang) or None,
                    unit=text_in(ind.unit, lang) if isinstance(ind, NumberIndicator) else None,
                    min=None if bounds[0] is None else Fraction(bounds[0]),
                    max=None if bounds[1] is None else Fraction(bounds[1]),
                    low=low,
                    high=high,
                    choices=_choices(ind, lang),
                    standards=tuple(standards[s] for s in ind.standards if s in standards),
                )
            )
        top = sum((Fraction(indicator_range(i)[1]) for i in category.indicators), Fraction(0))
        if category.kind is Kind.STANDARD:
            total += (Fraction(category.weight) if weighted else 1) * top
        categories.append(
            MethodCategory(
                number=cn,
                id=category.id,
                title=text_in(category.title, lang),
                kind=category.kind.value,
                weight=Fraction(category.weight),
                max=top,
                floor=None if category.floor is None else Fraction(category.floor),
                cap=None if category.cap is None else Fraction(category.cap),
                indicators=tuple(indicators),
            )
        )
    bands = [
        ScoreBand(
            Fraction(b.min),
            Fraction(rubric.bands[n + 1].min) if n + 1 < len(rubric.bands) else None,
            text_in(b.label, lang),
        )
        for n, b in enumerate(rubric.bands)
    ]
    return Methodology(
        lang=lang,
        id=rubric.id,
        version=rubric.version,
        title=text_in(rubric.title, lang),
        description=text_in(rubric.description, lang) or None,
        aggregation=rubric.aggregation.value,
        max=total,
        categories=tuple(categories),
        bands=tuple(bands),
        standards=tuple(standards.values()),
    )
