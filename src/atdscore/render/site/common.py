"""What every page shares: paths and relative links, the language menu, bands and their colours.

Every link on the site is relative (`../2018/MEX.html`), so the folder works from `file://`, from any
sub-path of a web server and offline, and moving it breaks nothing.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from atdscore.render.site import palette
from atdscore.render.site.model import Site, SiteEdition
from atdscore.render.site.strings import LANGUAGE_NAMES, lookup
from atdscore.text import formats
from atdscore.text.strings import fill
from atdscore.validation.model import Rubric, text_in

Href = Callable[[str], str]


@functools.lru_cache(maxsize=65536)
def _relative(path: str, base: str) -> str:
    return posixpath.relpath(path, base)


def href_from(page: str) -> Href:
    """A function that turns a site path (`en/2023/MEX.html#gaps`) into a link relative to `page`."""
    base = posixpath.dirname(page) or "."

    def href(target: str) -> str:
        path, hash_, fragment = target.partition("#")
        if path == page:
            return hash_ + fragment if fragment else posixpath.basename(page)
        return (_relative(path, base) if path else "") + hash_ + fragment

    return href


def country_path(lang: str, year: int, code: str) -> str:
    return f"{lang}/{year}/{code}.html"


def edition_path(lang: str, year: int) -> str:
    return f"{lang}/{year}/index.html"


def indicator_path(lang: str, indicator: str) -> str:
    return f"{lang}/indicators/{indicator}.html"


def localised(page: str, lang: str) -> str:
    """The same page in another language: the path with its first folder replaced."""
    return lang + "/" + page.split("/", 1)[1]


@dataclass(frozen=True)
class BandStyle:
    """A band as the site shows it: bounds, label, and the map colour with a text colour that reads on it."""

    min: Fraction
    below: Fraction | None
    label: str
    colour: str
    text: str


def band_styles(rubric: Rubric, lang: str) -> list[BandStyle]:
    """The rubric's bands with their colours; a rubric without bands gets five ranges of 20 points."""
    bounds = [(Fraction(b.min), text_in(b.label, lang)) for b in rubric.bands]
    if not bounds:
        bounds = [(Fraction(n), "") for n in range(0, 100, 20)]
    colours = palette.band_colours(len(bounds))
    out = []
    for n, ((low, label), colour) in enumerate(zip(bounds, colours, strict=True)):
        below = bounds[n + 1][0] if n + 1 < len(bounds) else None
        if not label:
            label = (
                f"{formats.decimal(low, lang, 0)}–{formats.percent(below, lang, 0)}"
                if below is not None
                else f"≥ {formats.percent(low, lang, 0)}"
            )
        out.append(BandStyle(low, below, label, colour, palette.text_on(colour)))
    return out


def band_of(styles: list[BandStyle], percent: Fraction | None, ranked: bool = True) -> BandStyle | None:
    """The band a percent falls in (the last whose minimum it reaches); none when not ranked, as `band_for`."""
    if percent is None or not ranked:
        return None
    found = None
    for style in styles:
        if percent >= style.min:
            found = style
    return found


def common_context(site: Site, lang: str, page: str, *, edition: SiteEdition | None = None) -> dict[str, Any]:
    """The context every template gets: links, the language menu, the navigation and the draft banner."""
    href = href_from(page)
    others = [
        {"lang": other, "name": LANGUAGE_NAMES.get(other, other), "href": href(localised(page, other))}
        for other in site.langs
        if other != lang and "/" in page  # the root page chooses a language; it has no other version
    ]
    canonical = f"{site.base_url.rstrip('/')}/{page.removesuffix('index.html')}" if site.base_url else None
    return {
        "href": href,
        "page": page,
        "site_title": text_in(site.latest.rubric.title, lang),
        "languages": others,
        "canonical": canonical,
        "home": href(f"{lang}/index.html"),
        "nav": [
            ("site.nav.ranking", href(f"{lang}/index.html")),
            ("site.nav.indicators", href(f"{lang}/indicators/index.html")),
            ("site.nav.methodology", href(f"{lang}/methodology.html")),
            ("site.nav.data", href(f"{lang}/index.html#downloads")),
        ],
        "stylesheet": href("style.css"),
        "script": href("site.js"),
        "drafts": ", ".join(str(y) for y in site.drafts),
        "is_draft": edition is not None and edition.draft,
        "version": site.tool_version,
        "commit": site.commit[:12] if site.commit else None,
        "licence": href("data/LICENSE.txt") if site.licence else None,
    }


def pct(value: Fraction | None, lang: str) -> str:
    """A percent for tooltips and titles: 62.3%, 62,3 % (es); an en dash for none."""
    return "–" if value is None else formats.percent(value, lang, 1)


def t(key: str, lang: str, count: Fraction | int | None = None, **values: Any) -> str:
    """A fixed string filled in with plain values, for text that Python builds (map tooltips, chart titles)."""
    form = None if count is None else formats.plural(Fraction(count), lang)
    return fill(key, lookup(key, lang, form), values)
