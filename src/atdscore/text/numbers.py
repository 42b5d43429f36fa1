"""Exact numbers to text: rounding half up from Fractions, so output never shows float noise."""

from __future__ import annotations

import math
from fractions import Fraction
from typing import overload

# JSON and CSV carry this many decimal places: exact for any rubric written in decimals of up to
# four places, and far below anything a reader could see.
MACHINE_PLACES = 6


def round_half_up(value: Fraction, places: int) -> Fraction:
    """`value` rounded to `places` decimals, halves away from zero (as people round)."""
    scale = 10**places
    scaled = abs(value) * scale
    rounded = math.floor(scaled + Fraction(1, 2))
    return Fraction(rounded if value >= 0 else -rounded, scale)


def fixed(value: Fraction, places: int = 1) -> str:
    """`value` with exactly `places` decimals: 66.7, 0.0, -3.0."""
    rounded = round_half_up(value, places)
    sign = "-" if rounded < 0 else ""
    whole, frac = divmod(abs(rounded.numerator) * 10**places // rounded.denominator, 10**places)
    return f"{sign}{whole}.{frac:0{places}d}" if places else f"{sign}{whole}"


def trimmed(value: Fraction, places: int = MACHINE_PLACES) -> str:
    """`value` rounded to `places` decimals with trailing zeros dropped: 31, 31.25, 66.666667."""
    text = fixed(value, places)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


@overload
def machine(value: Fraction) -> int | float: ...
@overload
def machine(value: None) -> None: ...
@overload
def machine(value: Fraction | None) -> int | float | None: ...


def machine(value: Fraction | None) -> int | float | None:
    """A JSON number: an int when whole, else the float nearest `value` rounded to MACHINE_PLACES; None as null.

    Its repr is the shortest text that reads back as that float, which is the rounded decimal itself
    (it has far fewer than 15 significant digits), so 0.1 + 0.2 prints as 0.3.
    """
    if value is None:
        return None
    scale: int = 10**MACHINE_PLACES
    num, den = value.numerator, value.denominator
    rounded = (2 * abs(num) * scale + den) // (2 * den)  # half up, in integers
    if rounded % scale == 0:
        return (rounded // scale) * (1 if num >= 0 else -1)
    return (rounded if num >= 0 else -rounded) / scale
