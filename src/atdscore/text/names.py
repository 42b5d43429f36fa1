"""Country names: short display names in English and Spanish for every ISO 3166-1 alpha-3 code.

The names come from `country_names.csv`, a table reviewed by hand (drafted from pycountry and the
CLDR territory names that Babel ships), because the official ISO names read badly in sentences
("Congo, The Democratic Republic of the"). A project can replace some of them in
`countries/names.yaml` (see `validation.names`).
"""

from __future__ import annotations

import csv
import difflib
import functools
import unicodedata
from collections.abc import Mapping
from pathlib import Path

DEFAULT_LANGUAGE = "en"
TABLE = Path(__file__).with_name("country_names.csv")


@functools.cache
def _table() -> dict[str, dict[str, str]]:
    """Language -> ISO3 code -> name, from the shipped table (columns iso3, then one per language)."""
    with TABLE.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    languages = [column for column in rows[0] if column != "iso3"] if rows else [DEFAULT_LANGUAGE]
    return {lang: {row["iso3"]: row[lang] for row in rows} for lang in languages}


def name_languages() -> tuple[str, ...]:
    """The languages the shipped table names countries in."""
    return tuple(_table())


def country_names(
    lang: str = DEFAULT_LANGUAGE, overrides: Mapping[str, Mapping[str, str]] | None = None
) -> dict[str, str]:
    """ISO3 code -> short country name in `lang` (English for a language the table lacks).

    `overrides` maps ISO3 codes to names by language (a project's `countries/names.yaml`); an override
    replaces the shipped name in the languages it gives and leaves the others alone.
    """
    table = _table()
    names = dict(table.get(lang) or table[DEFAULT_LANGUAGE])
    for code, by_lang in (overrides or {}).items():
        name = by_lang.get(lang) if lang in table else by_lang.get(DEFAULT_LANGUAGE)
        if name and code in names:
            names[code] = name
    return names


def _fold(text: str) -> str:
    """Text for comparing names: case, accents and punctuation ignored ('Côte d'Ivoire' ~ 'cote divoire')."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in plain if c.isalnum() or c == " ").strip()


def suggest_code(text: str) -> str | None:
    """The ISO3 code someone probably meant by `text`: a code in other case, or a country's name (`Kenya` -> `KEN`)."""
    table = _table()
    codes = table[DEFAULT_LANGUAGE]
    if text.strip().upper() in codes:
        return text.strip().upper()
    by_name = {_fold(name): code for names in table.values() for code, name in names.items()}
    wanted = _fold(text)
    if wanted in by_name:
        return by_name[wanted]
    close = difflib.get_close_matches(wanted, list(by_name), n=1, cutoff=0.75)
    if close:
        return by_name[close[0]]
    # 'United States of America' -> 'United States'; 'Bosnia' -> 'Bosnia and Herzegovina': when only one fits.
    starts = {
        code
        for name, code in by_name.items()
        if len(wanted) >= 4 and (name.startswith(wanted) or wanted.startswith(name))
    }
    if len(starts) == 1:
        return starts.pop()
    if len(text) == 3:
        near = difflib.get_close_matches(text.upper(), list(codes), n=1, cutoff=0.67)
        return near[0] if near else None
    return None
