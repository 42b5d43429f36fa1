"""The rubric as a methodology and questionnaire: its texts in one language, its points worked out.

Pure: the methodology template prints this, so the published method is the rubric that scores.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from atdscore.core.score import indicator_range
from atdscore.validation.model import (
    ChecklistIndicator,
    ChoiceIndicator,
    Indicator,
    Kind,
    NumberIndicator,
    Rubric,
    indicators_by_id,
    text_in,
)

if TYPE_CHECKING:
    from atdscore.validation.agreement import AgreementFile, AgreementRow


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
class ReliabilityRow:
    """Krippendorff's alpha (None where undefined), the percent of identical answers (0-100) and the units."""

    number: str  # the indicator's number in the questionnaire ("" for the overall row)
    id: str
    alpha: Fraction | None
    agreement: Fraction | None
    units: int


@dataclass(frozen=True)
class Reliability:
    """How far two coders agreed on an edition, from `atdscore agree --format json`."""

    year: int
    overall: ReliabilityRow
    indicators: tuple[ReliabilityRow, ...]
    disagreements: int
    coverage_disagreements: int


@dataclass(frozen=True)
class Methodology:
    """Everything the methodology document says about a rubric, in one language."""

    lang: str
    id: str
    version: str
    title: str
    description: str | None
    aggregation: str
    min_coverage: Fraction  # the share of standard indicators a country needs answered to be ranked
    max: Fraction
    categories: tuple[MethodCategory, ...]
    bands: tuple[ScoreBand, ...]
    standards: tuple[StandardRef, ...]
    reliability: Reliability | None = None


def _row(number: str, id: str, row: AgreementRow) -> ReliabilityRow:
    # str() first: an alpha read from JSON is the decimal the file shows.
    alpha = None if row.alpha is None else Fraction(str(row.alpha))
    agreement = None if row.agreement is None else Fraction(str(row.agreement)) * 100
    return ReliabilityRow(number, id, alpha, agreement, row.units)


def build_reliability(rubric: Rubric, agreement: AgreementFile) -> Reliability:
    """The reliability table of `agreement`, in the rubric's order; ValueError for an indicator not in the rubric."""
    order = list(indicators_by_id(rubric))
    unknown = [i.id for i in agreement.indicators if i.id not in order]
    if unknown:
        raise ValueError(f"indicator '{unknown[0]}' is not in rubric {rubric.id} {rubric.version}")
    numbers = {
        f"{c.id}.{i.id}": f"{cn}.{n}"
        for cn, c in enumerate(rubric.categories, start=1)
        for n, i in enumerate(c.indicators, start=1)
    }
    rows = sorted(agreement.indicators, key=lambda i: order.index(i.id))
    return Reliability(
        year=agreement.year,
        overall=_row("", "", agreement.overall),
        indicators=tuple(_row(numbers[i.id], i.id, i) for i in rows),
        disagreements=len(agreement.disagreements),
        coverage_disagreements=len(agreement.coverage_disagreements),
    )


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


def build_methodology(rubric: Rubric, lang: str = "en", reliability: Reliability | None = None) -> Methodology:
    """The methodology of `rubric` in language `lang` (English where the rubric has no translation).

    With `reliability` (see `build_reliability`), it also says how far two coders agreed.
    """
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
        min_coverage=Fraction(rubric.min_coverage),
        max=total,
        categories=tuple(categories),
        bands=tuple(bands),
        standards=tuple(standards.values()),
        reliability=reliability,
    )
