"""Country names: short display names in English and Spanish for every ISO 3166-1 alpha-3 code.

The names come from `country_names.csv`, a table reviewed by hand (drafted from pycountry and the
CLDR territory names that Babel ships), because the official ISO names read badly in sentences
("Congo, The Democratic Republic of the"). A project can replace some of them in
`countries/names.yaml` (see `validation.names`).
"""

from __future__ import annotations

import csv
import functools
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
