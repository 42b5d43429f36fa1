"""Numbers, percents, counts, dates and lists for people, in the conventions of a language (Babel).

Every number a person reads goes through here: tables of every command, briefs and the methodology.
(Machine formats, CSV and JSON, are `numbers.trimmed` and `numbers.machine`.) Values arrive exact
(Fractions); they are rounded half up (`numbers.round_half_up`) and only then handed to Babel, so
Babel's own half-even rounding never changes a digit. A float, such as a share of Monte Carlo runs,
is taken as the shortest decimal that reads back as it, the number Python prints.
"""

from __future__ import annotations

import datetime
import functools
import re
from decimal import Decimal
from fractions import Fraction

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent

from atdscore.text.numbers import round_half_up

# English texts in the default rubric use British spelling, so English dates read "26 February 2021".
# Spanish uses the generic `es` conventions: a decimal comma and a space before the percent sign.
LOCALES = {"en": "en_GB", "es": "es"}
ENGLISH = "en"
# What a table shows where there is no number (a country with no percent, a change with one side missing).
DASH = "–"

Number = Fraction | Decimal | int | float


@functools.cache
def locale(lang: str) -> Locale:
    """The Babel locale for a language code (British English for an unknown one)."""
    try:
        return Locale.parse(LOCALES.get(lang, lang))
    except (ValueError, LookupError):
        return Locale.parse(LOCALES[ENGLISH])


def exact(value: Number) -> Fraction:
    """A number as an exact Fraction; a float as the shortest decimal that reads back as it (0.1, not 0.1000000000000000055...)."""
    return Fraction(repr(value)) if isinstance(value, float) else Fraction(value)


def language_name(lang: str) -> str:
    """A language's name in English, for messages: 'es' -> 'Spanish'."""
    return str(locale("en").languages.get(lang, lang))


def _exact(value: Number, places: int) -> Decimal:
    """`value` rounded half up to `places` decimals, as an exact Decimal."""
    rounded = round_half_up(exact(value), places)
    return Decimal(rounded.numerator * (10**places // rounded.denominator)).scaleb(-places)


def _pattern(places: int, trim: bool) -> str:
    return "#,##0" + ("." + ("#" if trim else "0") * places if places else "")


def _digits(value: Number, lang: str, places: int, trim: bool) -> str:
    return format_decimal(_exact(value, places), format=_pattern(places, trim), locale=locale(lang))


def decimal(value: Number, lang: str, places: int = 1) -> str:
    """A number with up to `places` decimals, trailing zeros dropped: 74.1, 100, 1,5 (es)."""
    return _digits(value, lang, places, trim=True)


def fixed(value: Number | None, lang: str, places: int = 1) -> str:
    """A number with exactly `places` decimals, for table columns: 74.0, 100,0 (es); DASH for None."""
    return DASH if value is None else _digits(value, lang, places, trim=False)


def signed(value: Number | None, lang: str, places: int = 1, *, trim: bool = True) -> str:
    """A change with its sign: +44.7, -3, 0 (a change that rounds to nothing has none); DASH for None.

    `trim=False` keeps exactly `places` decimals, for table columns: +44.7, -3.0, 0.0.
    """
    if value is None:
        return DASH
    text = _digits(value, lang, places, trim)
    return "+" + text if _exact(value, places) > 0 else text


def percent(value: Number, lang: str, places: int = 1) -> str:
    """A percent given as 0-100, in the language's style: 74.1%, 74,1 % (es, with a no-break space)."""
    pattern = locale(lang).percent_formats[None].pattern.replace("#,##0", _pattern(places, trim=True), 1)
    return format_percent(_exact(value, places) / 100, format=pattern, locale=locale(lang))


def share(value: Number | None, lang: str, places: int = 0) -> str:
    """A share from 0 to 1 (of answers, of runs) as a percent: 83%, 83 % (es); DASH for None."""
    return DASH if value is None else percent(exact(value) * 100, lang, places)


def plural(value: Number, lang: str) -> str:
    """The CLDR plural category of a number as it is shown ('one', 'other', ...)."""
    return str(locale(lang).plural_form(_exact(value, 2).normalize()))


def count(n: int, noun: str, nouns: str | None = None) -> str:
    """A count of things, in English: 1 file, 2 files, 0 countries (the noun in the form `plural` picks)."""
    return f"{n} {noun if plural(n, ENGLISH) == 'one' else nouns or noun + 's'}"


def date(text: str, lang: str) -> str:
    """A `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date in words: 26 February 2021, febrero de 2021, 2019."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return format_skeleton("yMMMM", datetime.date(parts[0], parts[1], 1), locale=locale(lang))
    return format_date(datetime.date(parts[0], parts[1], parts[2]), format="long", locale=locale(lang))


def join(items: list[str], lang: str) -> str:
    """Items as a sentence would list them: 'a, b and c', 'a, b y c' ('a e hijos' in Spanish, see `_y_to_e`)."""
    if not items:
        return ""
    text = format_list(items, locale=locale(lang))
    if lang == "es" and len(items) > 1 and _y_to_e(items[-1]) and text.endswith(" y " + items[-1]):
        text = text[: -len(items[-1]) - 3] + " e " + items[-1]
    return text


def _y_to_e(word: str) -> bool:
    """Whether Spanish writes 'e' for 'and' before `word`: before the sound /i/ (i-, hi-), not before a diphthong.

    'niños e indígenas', 'padres e hijos'; but 'agua y hielo', 'cobre y hierro' (hie-, hia- start with a diphthong).
    """
    lower = word.lower()
    rest = lower[2:] if lower[:2] in ("hi", "hí") else lower[1:] if lower[:1] in ("i", "í") else None
    return rest is not None and rest[:1] not in ("a", "e", "o", "u", "á", "é", "ó", "ú")


_WORDS = re.compile(r"[^\W\d_]+")


def mid_sentence(label: str) -> str:
    """A label as it reads inside a sentence: 'Lawyers' -> 'lawyers', but 'UNHCR' and 'Red Cross' keep capitals.

    Only a capital that starts the label is dropped, and only when no other word is capitalised like a name
    (an acronym such as 'OPCAT' is not): 'Mecanismo nacional de prevención (OPCAT)' -> 'mecanismo ...'.
    """
    words = _WORDS.findall(label)
    if not words or not _capitalised(words[0]) or not label.startswith(words[0]):
        return label
    if any(_capitalised(w) for w in words[1:]):
        return label
    return label[0].lower() + label[1:]


def _capitalised(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and word[1:].islower()
