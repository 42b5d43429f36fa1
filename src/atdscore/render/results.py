"""A country's result in one edition as output, the same in `rank` and `history`: JSON, CSV cells, table cells."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from atdscore.core.editions import RubricRef
from atdscore.core.score import CategoryResult, CountryResult, band_for
from atdscore.text import formats
from atdscore.text.numbers import machine, trimmed
from atdscore.validation.model import Kind, Rubric, text_in


def band_label(rubric: Rubric, percent: Fraction | None, lang: str, ranked: bool = True) -> str | None:
    """The rubric's verbal band for a percent, in `lang` (None without bands, a percent or a rank)."""
    band = band_for(rubric, percent, ranked)
    return text_in(band.label, lang) if band else None


def rubric_data(ref: RubricRef) -> dict[str, str]:
    """A rubric's identity in JSON: id, version and the sha256 of its file."""
    return {"id": ref.id, "version": ref.version, "sha256": ref.sha256}


def category_data(category: CategoryResult) -> dict[str, Any]:
    """One category's result in JSON."""
    return {
        "id": category.id,
        "kind": category.kind.value,
        "points": machine(category.points),
        "max": machine(category.max),
        "percent": machine(category.percent),
    }


def result_data(result: CountryResult, band: str | None) -> dict[str, Any]:
    """A country's result in JSON (README, 'Output contract'): points, max, percent, range, band, coverage, categories."""
    return {
        "points": machine(result.points),
        "max": machine(result.max),
        "percent": machine(result.percent),
        "range": None if result.range is None else [machine(result.range[0]), machine(result.range[1])],
        "band": band,
        "coverage": machine(result.coverage),
        "categories": [category_data(c) for c in result.categories],
    }


def category_column(category_id: str, kind: Kind) -> str:
    """A category's CSV column: `<id>_percent`, or `<id>_points` for penalty and bonus categories."""
    return f"{category_id}_percent" if kind is Kind.STANDARD else f"{category_id}_points"


def category_cell(category: CategoryResult | None) -> str:
    """A category's CSV cell: its percent, or its points for penalty and bonus; empty when there is none."""
    if category is None:
        return ""
    value = category.percent if category.kind is Kind.STANDARD else category.points
    return "" if value is None else trimmed(value)


def category_text(category: CategoryResult, lang: str = "en") -> str:
    """A category's table cell for people: its percent, or for penalty and bonus its signed points."""
    if category.kind is Kind.STANDARD:
        return formats.fixed(category.percent, lang)
    return formats.signed(category.points, lang, 2)
