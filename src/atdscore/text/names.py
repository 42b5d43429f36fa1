"""Country names from ISO 3166-1 codes (pycountry), so no name is ever typed by hand."""

from __future__ import annotations

import functools
import gettext

import pycountry


@functools.cache
def country_names(lang: str = "en") -> dict[str, str]:
    """ISO3 code -> short country name in `lang` (English where no translation is shipped)."""
    names = {c.alpha_3: getattr(c, "common_name", None) or c.name for c in pycountry.countries}
    if lang == "en":
        return names
    try:
        translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    except OSError:
        return names
    return {code: translation.gettext(name) for code, name in names.items()}
