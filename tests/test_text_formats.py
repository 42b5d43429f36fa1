"""Numbers and plurals for people: one definition each (text/formats.py), the same in every output."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atdscore.core.score import CategoryResult
from atdscore.render.results import category_text
from atdscore.text import formats
from atdscore.text.numbers import round_half_up
from atdscore.validation.model import Kind

VALUES = st.fractions(min_value=-(10**7), max_value=10**7, max_denominator=10**6)
PLACES = st.integers(min_value=0, max_value=4)


@given(VALUES, PLACES)
def test_a_number_for_people_is_the_value_rounded_half_up(value: Fraction, places: int) -> None:
    rounded = round_half_up(value, places)
    fixed = formats.fixed(value, "en", places)
    assert Fraction(fixed.replace(",", "")) == rounded
    assert len(fixed.rpartition(".")[2]) == places if places else "." not in fixed
    assert Fraction(formats.decimal(value, "en", places).replace(",", "")) == rounded
    assert Fraction(formats.percent(value, "en", places).replace(",", "").removesuffix("%")) == rounded
    spanish = formats.decimal(value, "es", places).replace(".", "").replace(",", ".")
    assert Fraction(spanish) == rounded
    assert formats.signed(value, "en", places).startswith("+") == (rounded > 0)


@pytest.mark.parametrize(
    ("value", "form"),
    [(1, "one"), (-1, "one"), (Fraction(1001, 1000), "one"), (2, "other"), (0, "other"), (Fraction(3, 2), "other")],
)
def test_english_plurals_follow_the_number_as_shown(value: Fraction | int, form: str) -> None:
    # CLDR English: 'one' for 1 with no visible decimals; a value is plural as it is shown (2 places).
    assert formats.plural(value, "en") == form


@pytest.mark.parametrize(
    ("value", "lang", "decimal", "fixed", "signed", "percent"),
    [
        (Fraction(764, 10), "en", "76.4", "76.4", "+76.4", "76.4%"),
        (Fraction(764, 10), "es", "76,4", "76,4", "+76,4", "76,4\u00a0%"),
        (Fraction(90), "en", "90", "90.0", "+90", "90%"),
        (Fraction(-3), "en", "-3", "-3.0", "-3", "-3%"),
        (Fraction(-1, 40), "en", "0", "0.0", "0", "0%"),  # rounds to nothing: no sign, no minus
        (Fraction(1, 20), "en", "0.1", "0.1", "+0.1", "0.1%"),  # halves round up, as people round
        (Fraction(-1, 20), "en", "-0.1", "-0.1", "-0.1", "-0.1%"),  # and away from zero
        (Fraction(123456, 10), "en", "12,345.6", "12,345.6", "+12,345.6", "12,345.6%"),
        (Fraction(123456, 10), "es", "12.345,6", "12.345,6", "+12.345,6", "12.345,6\u00a0%"),
        (0.125, "en", "0.1", "0.1", "+0.1", "0.1%"),  # a float is the decimal it prints as
    ],
)
def test_number_formats(
    value: Fraction | float, lang: str, decimal: str, fixed: str, signed: str, percent: str
) -> None:
    assert formats.decimal(value, lang) == decimal
    assert formats.fixed(value, lang) == fixed
    assert formats.signed(value, lang) == signed
    assert formats.percent(value, lang) == percent


def test_signed_with_fixed_places_and_missing_numbers() -> None:
    assert formats.signed(Fraction(514, 10), "en", trim=False) == "+51.4"
    assert formats.signed(Fraction(-3), "en", trim=False) == "-3.0"
    assert formats.signed(Fraction(0), "en", trim=False) == "0.0"
    assert formats.signed(Fraction(3, 2), "en", 2) == "+1.5"
    assert formats.signed(None, "en") == formats.fixed(None, "en") == formats.share(None, "en") == "–"


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [
        (Fraction(5, 6), "en", "83%"),
        (Fraction(5, 6), "es", "83\u00a0%"),
        (0.265, "en", "27%"),  # 53 of 200 runs: 26.5% rounds half up, as the rank table rounds
        (0.005, "en", "1%"),
        (1.0, "en", "100%"),
        (Decimal("0.5"), "en", "50%"),
    ],
)
def test_share_is_a_percent_of_a_share(value: Fraction | float | Decimal, lang: str, text: str) -> None:
    assert formats.share(value, lang) == text


@pytest.mark.parametrize(
    ("n", "text"),
    [(0, "0 warnings"), (1, "1 warning"), (2, "2 warnings"), (1000, "1000 warnings")],
)
def test_count(n: int, text: str) -> None:
    assert formats.count(n, "warning") == text


def test_count_with_an_irregular_plural() -> None:
    assert formats.count(1, "country", "countries") == "1 country"
    assert formats.count(3, "country", "countries") == "3 countries"


def test_spanish_plurals_come_from_babel() -> None:
    assert formats.plural(1, "es") == "one"
    assert formats.plural(Fraction(3, 2), "es") == "other"


def category(kind: Kind, points: Fraction, percent: Fraction | None = None) -> CategoryResult:
    return CategoryResult("c", kind, Fraction(1), points, Fraction(10), percent, ())


@pytest.mark.parametrize(
    ("result", "lang", "text"),
    [
        (category(Kind.STANDARD, Fraction(5), Fraction(100, 3)), "en", "33.3"),
        (category(Kind.STANDARD, Fraction(5), Fraction(100, 3)), "es", "33,3"),
        (category(Kind.STANDARD, Fraction(0)), "en", "–"),
        (category(Kind.PENALTY, Fraction(-2)), "en", "-2"),
        (category(Kind.PENALTY, Fraction(0)), "en", "0"),
        (category(Kind.BONUS, Fraction(3, 2)), "es", "+1,5"),
    ],
)
def test_category_cells_use_the_same_formats(result: CategoryResult, lang: str, text: str) -> None:
    assert category_text(result, lang) == text
