"""Indicator pages (one question, every country's answer side by side), their index, and the methodology."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from atdscore.core.answers import describe
from atdscore.core.methodology import build_methodology
from atdscore.core.score import State
from atdscore.render.site.common import common_context, country_path, indicator_path, t
from atdscore.render.site.country import archive_date
from atdscore.render.site.model import Site, SiteEdition
from atdscore.validation.country_file import resolve_evidence
from atdscore.validation.model import Indicator, falls_back, indicators_by_id, text_in

_STATE_ORDER = {State.ANSWERED: 0, State.UNKNOWN: 1, State.MISSING: 2, State.NOT_APPLICABLE: 3}


@dataclass(frozen=True)
class Cited:
    """A piece of evidence as an indicator page lists it."""

    title: str
    publisher: str | None
    date: str | None
    accessed: str | None  # when the source was read, given only when its own date is not known
    url: str | None
    archived: str | None
    version_date: str | None


def indicator_ids(site: Site) -> list[str]:
    """Every indicator of every edition's rubric: the latest rubric's in its order, then older ones'."""
    ids: dict[str, None] = {}
    for edition in reversed(site.editions):
        ids.update(dict.fromkeys(indicators_by_id(edition.rubric)))
    return list(ids)


def _indicator(site: Site, key: str) -> tuple[SiteEdition, Indicator]:
    """The latest edition whose rubric has `key`, and the indicator there."""
    for edition in reversed(site.editions):
        found = indicators_by_id(edition.rubric).get(key)
        if found is not None:
            return edition, found
    raise KeyError(key)


def _rows(
    site: Site, edition: SiteEdition, key: str, indicator: Indicator, lang: str, href: Any
) -> list[dict[str, Any]]:
    names = site.country_names(lang)
    rows = []
    for code, country in edition.files.items():
        result = next(r for c in edition.result(code).categories for r in c.indicators if r.id == key)
        answer = country.answers.get(key)
        evidence = resolve_evidence(answer, country.sources) if answer else []
        rows.append(
            {
                "code": code,
                "name": names.get(code, code),
                "href": href(country_path(lang, edition.year, code)),
                "answer": describe(indicator, answer, lang),
                "state": result.state.value,
                "points": result.points,
                "max": result.max,
                "note": text_in(answer.note, lang).strip() if answer and answer.note else "",
                "note_in_english": bool(answer and answer.note and falls_back(answer.note, lang)),
                "evidence": [
                    Cited(
                        text_in(e.title, lang).strip(),
                        e.publisher,
                        e.date,
                        e.accessed,
                        e.url,
                        e.archived,
                        archive_date(e.archived, e.date or e.accessed),
                    )
                    for e in evidence
                ],
                "_order": (_STATE_ORDER[result.state], -result.points, describe(indicator, answer, lang)),
            }
        )
    # Like answers together, best first, so that a reader sees at once whether like cases scored alike.
    rows.sort(key=lambda r: (*r["_order"], r["name"]))
    for row in rows:
        del row["_order"]
    return rows


def indicator_context(site: Site, key: str, lang: str, page: str) -> dict[str, Any]:
    """One indicator: its question and guidance, then per edition (latest first) every country's answer."""
    context = common_context(site, lang, page)
    href = context["href"]
    edition, indicator = _indicator(site, key)
    category = next(c for c in edition.rubric.categories if any(f"{c.id}.{i.id}" == key for i in c.indicators))
    sections = []
    for e in reversed(site.editions):
        found = indicators_by_id(e.rubric).get(key)
        rows = _rows(site, e, key, found, lang, href) if found is not None else []
        counts = Counter((r["state"] != "answered", -r["points"], r["answer"]) for r in rows)
        summary = [(answer, n) for (_, _, answer), n in sorted(counts.items())]
        sections.append(
            {"year": e.year, "draft": e.draft, "present": found is not None, "rows": rows, "summary": summary}
        )
    context.update(
        id=key,
        question=text_in(indicator.question, lang),
        category=text_in(category.title, lang),
        guidance=text_in(indicator.guidance, lang),
        sections=sections,
        method_href=href(f"{lang}/methodology.html#{key}"),
    )
    return context


def indicators_index_context(site: Site, lang: str, page: str) -> dict[str, Any]:
    """Every indicator by category of the latest rubric; indicators only older rubrics had come last."""
    context = common_context(site, lang, page)
    href = context["href"]
    latest = site.latest.rubric
    groups = [
        {
            "title": text_in(c.title, lang),
            "indicators": [
                (f"{c.id}.{i.id}", text_in(i.question, lang), href(indicator_path(lang, f"{c.id}.{i.id}")))
                for i in c.indicators
            ],
        }
        for c in latest.categories
    ]
    older = [key for key in indicator_ids(site) if key not in indicators_by_id(latest)]
    if older:
        groups.append(
            {
                "title": t("indicators.older", lang),
                "indicators": [
                    (key, text_in(_indicator(site, key)[1].question, lang), href(indicator_path(lang, key)))
                    for key in older
                ],
            }
        )
    context.update(groups=groups)
    return context


def methodology_context(site: Site, lang: str, page: str) -> dict[str, Any]:
    """The latest edition's rubric as a methodology, and which rubric scored each edition."""
    context = common_context(site, lang, page)
    href = context["href"]
    method = build_methodology(site.latest.rubric, lang)
    context.update(
        method=method,
        rubrics=[(e.year, e.rubric.id, e.rubric.version) for e in reversed(site.editions)],
        indicator_href={i.id: href(indicator_path(lang, i.id)) for c in method.categories for i in c.indicators},
        total_max=method.max,
        zero=Fraction(0),
    )
    return context
