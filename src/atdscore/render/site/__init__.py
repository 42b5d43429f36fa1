"""The static website of the index: pages, the map, charts and downloads, as {path: bytes}.

`plan_site` lists every file with the function that renders it, so the CLI can show a progress bar;
`build_site` renders them all. Nothing here writes files, and it reads only its own shipped assets
(templates, the map): the CLI writes the result with `atdscore.files.tree.write_tree`, which replaces
the output folder in one step.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from atdscore.render.site import palette
from atdscore.render.site.common import (
    common_context,
    country_path,
    edition_path,
    indicator_path,
)
from atdscore.render.site.country import country_context
from atdscore.render.site.data import data_files
from atdscore.render.site.environment import TEMPLATES, render_page
from atdscore.render.site.home import home_context
from atdscore.render.site.indicators import (
    indicator_context,
    indicator_ids,
    indicators_index_context,
    methodology_context,
)
from atdscore.render.site.model import Site, SiteEdition, scored_edition, site_edition
from atdscore.render.site.strings import LANGUAGE_NAMES
from atdscore.validation.model import text_in

__all__ = ["Page", "Site", "SiteEdition", "build_site", "plan_site", "scored_edition", "site_edition"]


@dataclass(frozen=True)
class Page:
    """One file of the site and how to make its bytes."""

    path: str
    render: Callable[[], bytes]


def _page(path: str, template: str, lang: str, build: Callable[..., dict[str, Any]], *args: Any) -> Page:
    """A page rendered from `template` with the context `build(*args, lang, path)`."""
    return Page(path, lambda: render_page(template, lang, build(*args, lang, path)).encode("utf-8"))


def _stylesheet() -> bytes:
    colours = {
        name.lower(): value for name, value in vars(palette).items() if name.isupper() and isinstance(value, str)
    }
    return render_page("style.css.j2", "en", {"c": colours}).encode("utf-8")


def _root(site: Site) -> bytes:
    lang = site.langs[0]
    context = common_context(site, lang, "index.html")
    context["choices"] = [
        {
            "lang": code,
            "name": LANGUAGE_NAMES.get(code, code),
            "title": text_in(site.latest.rubric.title, code),
            "href": f"{code}/index.html",
        }
        for code in site.langs
    ]
    return render_page("root.html.j2", lang, context).encode("utf-8")


def data_names(site: Site) -> list[str]:
    """The names of the files under data/."""
    names = [f"ranking-{e.year}.{ext}" for e in site.editions for ext in ("csv", "json")]
    names += ["answers.csv", "datapackage.json", "CITATION.cff"]
    return names + (["LICENSE.txt"] if site.licence else [])


def plan_site(site: Site) -> list[Page]:
    """Every file of the site, in a fixed order, with the function that renders it."""
    pages = [
        Page("index.html", lambda: _root(site)),
        Page("style.css", _stylesheet),
        Page("site.js", lambda: (TEMPLATES / "site.js").read_bytes()),
    ]
    for lang in site.langs:
        pages.append(_page(f"{lang}/index.html", "home.html.j2", lang, home_context, site, site.latest))
        for edition in site.editions:
            pages.append(_page(edition_path(lang, edition.year), "home.html.j2", lang, home_context, site, edition))
            for code in edition.files:
                path = country_path(lang, edition.year, code)
                pages.append(_page(path, "country.html.j2", lang, country_context, site, edition, code))
        pages.append(_page(f"{lang}/indicators/index.html", "indicators.html.j2", lang, indicators_index_context, site))
        for key in indicator_ids(site):
            pages.append(_page(indicator_path(lang, key), "indicator.html.j2", lang, indicator_context, site, key))
        pages.append(_page(f"{lang}/methodology.html", "methodology.html.j2", lang, methodology_context, site))
    downloads = functools.cache(lambda: data_files(site))
    for name in data_names(site):
        pages.append(Page(f"data/{name}", lambda name=name: downloads()[name].encode("utf-8")))  # type: ignore[misc]
    return pages


def build_site(site: Site, advance: Callable[[], None] = lambda: None) -> dict[str, bytes]:
    """Every file of the site: {path relative to the site's root: bytes}; `advance` is called after each."""
    files = {}
    for page in plan_site(site):
        files[page.path] = page.render()
        advance()
    return files
