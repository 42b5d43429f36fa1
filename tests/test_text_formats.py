"""Numbers and plurals for people: one definition each (text/formats.py), the same in every output.

English is written without loading Babel; these tests check that it is exactly what Babel writes
for British English, so that the shortcut is an implementation detail and not a second definition.
"""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atdscore.core.score import CategoryResult
from atdscore.render.results import category_text
from atdscore.text import formats
from atdscore.validation.model import Kind

SRC = Path(__file__).resolve().parent.parent / "src"
VALUES = st.fractions(min_value=-(10**7), max_value=10**7, max_denominator=10**6)
PLACES = st.integers(min_value=0, max_value=4)


def babel_digits(value: Fraction, places: int, trim: bool) -> str:
    from babel.numbers import format_decimal

    return format_decimal(
        formats._exact(value, places), format=formats._pattern(places, trim), locale=formats.locale("en")
    )


def babel_percent(value: Fraction, places: int) -> str:
    from babel.numbers import format_percent

    pattern = formats.locale("en").percent_formats[None].pattern.replace("#,##0", formats._pattern(places, True), 1)
    return format_percent(formats._exact(value, places) / 100, format=pattern, locale=formats.locale("en"))


@given(VALUES, PLACES)
def test_english_numbers_are_what_babel_writes_for_british_english(value: Fraction, places: int) -> None:
    assert formats.decimal(value, "en", places) == babel_digits(value, places, trim=True)
    assert formats.fixed(value, "en", places) == babel_digits(value, places, trim=False)
    assert formats.percent(value, "en", places) == babel_percent(value, places)


@given(VALUES)
def test_english_plurals_are_the_cldr_ones(value: Fraction) -> None:
    shown = formats._exact(value, 2).normalize()
    assert formats.plural(value, "en") == str(formats.locale("en").plural_form(shown))


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


def test_english_numbers_do_not_load_babel() -> None:
    code = (
        "import sys; from fractions import Fraction; from atdscore.text import formats\n"
        "formats.decimal(Fraction(1, 3), 'en'); formats.fixed(None, 'en'); formats.signed(2, 'en')\n"
        "formats.percent(50, 'en'); formats.share(0.5, 'en'); formats.count(2, 'file')\n"
        "assert 'babel' not in sys.modules, sorted(m for m in sys.modules if m.startswith('babel'))\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ, "PYTHONPATH": str(SRC)})
