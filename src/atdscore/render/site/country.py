"""Country pages, `<lang>/<year>/<ISO3>.html`: the brief (core/brief.py) as HTML, with a history chart.

The page prints the same `Brief` that `atdscore brief` renders as Markdown, so the website and the
briefs cannot disagree; this module only adds what a web page has and a document does not: links to
other editions, languages and indicator pages, a chart, and the edition's rank interval.
"""

from __future__ import annotations

import re
from typing import Any

from atdscore.core.brief import Brief, country_brief
from atdscore.render.site.charts import Point, history_svg
from atdscore.render.site.common import (
    band_of,
    band_styles,
    common_context,
    country_path,
    edition_path,
    indicator_path,
    pct,
    t,
)
from atdscore.render.site.model import Site, SiteEdition
from atdscore.validation.model import falls_back

# The 14-digit timestamp in a Wayback Machine address: web.archive.org/web/20230115093000/https://...
_WAYBACK = re.compile(r"/web/(\d{4})(\d{2})(\d{2})\d{0,8}(?:[a-z_]{0,4})/")


def archive_date(archived: str | None, fallback: str | None) -> str | None:
    """The date of an archived copy, for Robust Links' `data-versiondate`.

    The Wayback Machine's addresses carry it; for other archives, the date the evidence gives.
    """
    match = _WAYBACK.search(archived or "")
    return "-".join(match.groups()) if match else fallback


def brief_for(site: Site, edition: SiteEdition, code: str, lang: str) -> Brief:
    """The brief of `code` in `edition`, compared with its latest earlier edition in the site."""
    # As `atdscore brief` does: a change and a trend are measured over the earlier published editions.
    earlier = [e for e in site.published if e.year < edition.year]
    name = site.country_names(lang).get(code, code)
    return country_brief(code, edition, earlier, lang, name=name, intervals=edition.intervals)


def country_context(site: Site, edition: SiteEdition, code: str, lang: str, page: str) -> dict[str, Any]:
    """Everything a country page shows."""
    context = common_context(site, lang, page, edition=edition)
    href = context["href"]
    brief = brief_for(site, edition, code, lang)
    history = []
    for year in site.years_of(code):
        e = site.edition(year)
        entry = e.entries[code]
        history.append(
            {
                "year": year,
                "percent": entry.result.percent,
                "rank": entry.rank,
                "of": e.of,
                "href": href(country_path(lang, year, code)),
                "current": year == edition.year,
                "draft": e.draft,
            }
        )
    points = [Point(h["year"], h["percent"], f"{h['year']}: {pct(h['percent'], lang)}") for h in history if h["year"]]
    chart = None
    if len(history) > 1:
        description = "; ".join(p.label for p in points)
        chart = history_svg(points, t("country.history_chart", lang, name=brief.name), description, "history")
    context.update(
        brief=brief,
        edition=edition,
        band=band_of(band_styles(edition.rubric, lang), brief.percent, brief.ranked),
        interval=edition.intervals.get(code),
        history=history,
        chart=chart,
        indicator_href={line.id: href(indicator_path(lang, line.id)) for line in brief.indicators},
        # Notes shown in English on a page in another language, marked so that screen readers say them right.
        english_notes={
            key
            for key, answer in edition.files[code].answers.items()
            if answer.note is not None and falls_back(answer.note, lang)
        },
        version_dates={s.number: archive_date(s.archived, s.date or s.accessed) for s in brief.sources},
        # The edition's own ranking page, whose address stays the same when a later edition is published.
        ranking=href(edition_path(lang, edition.year)),
    )
    return context
