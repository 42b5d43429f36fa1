"""Ranking pages: `<lang>/index.html` (the latest edition) and `<lang>/<year>/index.html`, with the map."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from atdscore.core.score import CountryResult
from atdscore.render.site import worldmap
from atdscore.render.site.common import (
    band_of,
    band_styles,
    common_context,
    country_path,
    edition_path,
    pct,
    t,
)
from atdscore.render.site.model import Site, SiteEdition
from atdscore.text import formats


def _map(site: Site, edition: SiteEdition, lang: str, href: Any) -> Any:
    names = site.country_names(lang)
    styles = band_styles(edition.rubric, lang)
    shapes = {}
    for entry in edition.ranked:
        code, result = entry.result.country, entry.result
        name = names.get(code, code)
        band = band_of(styles, result.percent, entry.rank is not None)
        if entry.rank is None or band is None:
            fill, title = worldmap.fill_of("unranked"), t("map.unranked", lang, name=name)
        else:
            rank = f"{entry.rank}/{edition.of}"
            key = "map.country" if edition.rubric.bands else "map.country_unbanded"
            fill = band.colour
            title = t(key, lang, name=name, percent=pct(result.percent, lang), band=band.label, rank=rank)
        shapes[code] = worldmap.Shape(fill, href(country_path(lang, edition.year, code)), title)
    return worldmap.map_svg(
        shapes,
        t("home.map_title", lang, year=edition.year),
        lambda code: t("map.not_scored", lang, name=names.get(code, code)),
    )


def _unranked_reason(min_coverage: Decimal, result: CountryResult, lang: str) -> str:
    """Why a country has no rank: nothing applies, or too few of its answers are known."""
    if result.percent is None or result.range is None:
        return t("home.unranked_reason", lang)
    low, high = result.range
    return t(
        "home.unranked_coverage",
        lang,
        min=formats.share(min_coverage, lang, 2),
        percent=formats.percent(result.percent, lang),
        low=formats.percent(low, lang),
        high=formats.percent(high, lang),
    )


def home_context(site: Site, edition: SiteEdition, lang: str, page: str) -> dict[str, Any]:
    """The ranking of `edition`: map, legend, table, unranked countries, how to read it, downloads."""
    context = common_context(site, lang, page, edition=edition)
    href = context["href"]
    names = site.country_names(lang)
    styles = band_styles(edition.rubric, lang)
    rows: list[dict[str, Any]] = []
    unranked: list[dict[str, Any]] = []
    for entry in edition.ranked:
        code, result = entry.result.country, entry.result
        row = {
            "code": code,
            "name": names.get(code, code),
            "href": href(country_path(lang, edition.year, code)),
            "rank": entry.rank,
            "interval": edition.intervals.get(code),
            "percent": result.percent,
            "band": band_of(styles, result.percent, entry.rank is not None),
            "coverage": result.coverage * 100,
            "reason": _unranked_reason(edition.rubric.min_coverage, result, lang) if entry.rank is None else None,
        }
        (rows if entry.rank is not None else unranked).append(row)
    latest = site.latest.year
    context.update(
        edition=edition,
        year=edition.year,
        is_home=page == f"{lang}/index.html",
        editions=[
            {
                "year": e.year,
                "href": href(f"{lang}/index.html" if e.year == latest else edition_path(lang, e.year)),
                "current": e.year == edition.year,
                "latest": e.year == latest,
                "draft": e.draft,
            }
            for e in reversed(site.editions)
        ],
        rows=rows,
        unranked=unranked,
        countries=len(edition.ranked),
        styles=styles,
        has_bands=bool(edition.rubric.bands),
        map=_map(site, edition, lang, href),
        map_patterns={kind: worldmap.fill_of(kind) for kind in worldmap.PATTERNS},
        methodology=href(f"{lang}/methodology.html"),
        downloads=[
            *(
                item
                for e in reversed(site.editions)
                for item in (
                    (t("data.ranking_csv", lang, year=e.year), href(f"data/ranking-{e.year}.csv")),
                    (t("data.ranking_json", lang, year=e.year), href(f"data/ranking-{e.year}.json")),
                )
            ),
            (t("data.answers", lang), href("data/answers.csv")),
            (t("data.package", lang), href("data/datapackage.json")),
            (t("data.citation", lang), href("data/CITATION.cff")),
            *([(t("data.licence", lang), href("data/LICENSE.txt"))] if site.licence else []),
        ],
    )
    return context
