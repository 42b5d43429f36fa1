"""The site's data/ folder: rankings, every answer, a Data Package descriptor, a citation and the licence.

Rankings are CSV and JSON, every answer is one tidy CSV, the descriptor is a Frictionless Data
Package (datapackage.json), the citation a CITATION.cff, and the licence the text of countries/LICENSE.

The rankings are exactly what `atdscore rank --intervals -f csv|json` prints for each edition, so a
download never disagrees with the command line. Files are text with fixed key order and no dates of
their own, so the same data gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import math
import re
from typing import Any

import yaml

from atdscore.core.score import State
from atdscore.render.output import to_json
from atdscore.render.rank import RankReport, rank_csv, rank_data
from atdscore.render.results import category_column
from atdscore.render.site.model import Site, SiteEdition
from atdscore.text.numbers import trimmed
from atdscore.validation.country_file import Answer, resolve_evidence
from atdscore.validation.model import Kind, text_in

ANSWER_COLUMNS = ("country", "year", "indicator", "value", "points", "max", "status", "evidence")
_CC_BY = re.compile(r"\bCC[ -]BY[ -]4\.0\b|creativecommons\.org/licenses/by/4\.0", re.IGNORECASE)


def ranking_report(site: Site, edition: SiteEdition) -> RankReport:
    """The edition's rank report in English, with rank intervals, as `atdscore rank --intervals` builds it."""
    return RankReport(
        tool_version=site.tool_version,
        rubric=edition.rubric,
        rubric_sha256=edition.rubric_sha256,
        commit=site.commit,
        year=edition.year,
        ranked=edition.ranked,
        names=site.country_names("en"),
        intervals=edition.intervals,
        draft=edition.draft,
        dirty=site.dirty,
    )


def _value(answer: Answer | None) -> str:
    if answer is None or answer.status is not None:
        return ""
    value = answer.value
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    if isinstance(value, float) and math.isinf(value):
        return "inf"
    return str(value)


def answers_csv(site: Site) -> str:
    """One row per country, edition and indicator of its rubric: the answer, its points and its evidence URLs."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ANSWER_COLUMNS)
    for edition in site.editions:
        for code, country in edition.files.items():
            results = {r.id: r for c in edition.result(code).categories for r in c.indicators}
            for key, result in results.items():
                answer = country.answers.get(key)
                urls = [e.url for e in resolve_evidence(answer, country.sources) if e.url] if answer else []
                applicable = result.state is not State.NOT_APPLICABLE
                writer.writerow(
                    [
                        code,
                        edition.year,
                        key,
                        _value(answer),
                        trimmed(result.points) if applicable else "",
                        trimmed(result.max) if applicable else "",
                        result.state.value,
                        " ".join(dict.fromkeys(urls)),
                    ]
                )
    return out.getvalue()


def licence_id(text: str | None) -> str | None:
    """The SPDX id of a licence text this module recognises (CC BY 4.0), else None."""
    return "CC-BY-4.0" if text and _CC_BY.search(text) else None


def _field(name: str, type_: str, description: str) -> dict[str, str]:
    return {"name": name, "type": type_, "description": description}


def _ranking_schema(edition: SiteEdition) -> dict[str, Any]:
    fields = [
        _field("rank", "integer", "Rank in the edition (equal scores share a rank); empty when not ranked"),
        _field("rank_p5", "integer", "5th percentile of the rank over 1,000 re-scorings (atdscore sensitivity)"),
        _field("rank_p95", "integer", "95th percentile of the rank over 1,000 re-scorings"),
        _field("country", "string", "ISO 3166-1 alpha-3 code"),
        _field("name", "string", "Country name in English"),
        _field("points", "number", "Points of the total"),
        _field("max", "number", "Maximum points"),
        _field("percent", "number", "Score: points as a percent of the maximum"),
    ]
    if edition.rubric.bands:
        fields.append(_field("band", "string", "The rubric's verbal band for the score"))
    fields.append(
        _field("coverage", "number", "Share of applicable standard-category indicators with a known answer (0-1)")
    )
    for category in edition.rubric.categories:
        what = "percent" if category.kind is Kind.STANDARD else "points"
        column = category_column(category.id, category.kind)  # as `rank --format csv` names it
        fields.append(_field(column, "number", f"{text_in(category.title, 'en')}: {what}"))
    fields += [
        _field("ranked", "boolean", "Whether the country is ranked: coverage at least the rubric's min_coverage"),
        _field("range_low", "number", "Score with every unknown or missing answer at its lowest-scoring answer"),
        _field("range_high", "number", "Score with every unknown or missing answer at its highest-scoring answer"),
    ]
    return {"fields": fields, "primaryKey": ["country"], "missingValues": [""]}


def _answers_schema() -> dict[str, Any]:
    return {
        "fields": [
            _field("country", "string", "ISO 3166-1 alpha-3 code"),
            _field("year", "integer", "Edition"),
            _field("indicator", "string", "Indicator id: <category>.<indicator> of the edition's rubric"),
            _field("value", "string", "The answer: an option id, checklist item ids separated by spaces, a number"),
            _field("points", "number", "Points the answer scores; empty when the indicator does not apply"),
            _field("max", "number", "The indicator's maximum points; empty when it does not apply"),
            _field("status", "string", "answered, unknown, missing or not-applicable"),
            _field("evidence", "string", "Web addresses of the evidence, separated by spaces"),
        ],
        "primaryKey": ["country", "year", "indicator"],
        "missingValues": [""],
    }


def _csv_resource(name: str, path: str, title: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": name,
        "type": "table",
        "path": path,
        "title": title,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def datapackage(site: Site) -> str:
    """The Frictionless Data Package descriptor of the CSV files, their schemas and the licence."""
    latest = site.latest
    resources = []
    for edition in site.editions:
        resources.append(
            _csv_resource(
                f"ranking-{edition.year}",
                f"ranking-{edition.year}.csv",
                f"Ranking of the {edition.year} edition (rubric {edition.rubric.id} {edition.rubric.version})",
                _ranking_schema(edition),
            )
        )
    resources.append(_csv_resource("answers", "answers.csv", "Every answer of every edition", _answers_schema()))
    package: dict[str, Any] = {
        "name": re.sub(r"[^a-z0-9._-]+", "-", f"{latest.rubric.id}-data"),
        "title": text_in(latest.rubric.title, "en"),
        "description": "Scores of countries on ending the immigration detention of children, built with atdscore. "
        "The rankings are also published as JSON (ranking-<year>.json).",
    }
    if site.base_url:
        package["homepage"] = site.base_url
    if licence_id(site.licence):
        package["licenses"] = [
            {
                "name": "CC-BY-4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Creative Commons Attribution 4.0",
            }
        ]
    elif site.licence:
        package["licenses"] = [{"path": "LICENSE.txt", "title": "See LICENSE.txt"}]
    package["resources"] = resources
    return to_json(package)


def citation(site: Site) -> str:
    """A CITATION.cff (Citation File Format 1.2.0) for the data as published on this site."""
    years = [e.year for e in site.editions]
    span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    data: dict[str, Any] = {
        "cff-version": "1.2.0",
        "message": "If you use these data, please cite them as below.",
        "type": "dataset",
        "title": f"{text_in(site.latest.rubric.title, 'en')}: data, editions {span}",
        "authors": [{"name": "atdscore contributors"}],
        "version": str(years[-1]),
        "abstract": "Evidence-backed answers, scores and rankings of countries on ending the immigration "
        "detention of children, one file per country and edition.",
        "keywords": ["child immigration detention", "human rights", "index", "migration"],
    }
    spdx = licence_id(site.licence)
    if spdx:
        data["license"] = spdx
    if site.base_url:
        data["url"] = site.base_url
    if site.commit:
        data["commit"] = site.commit
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)


def data_files(site: Site) -> dict[str, str]:
    """Path under data/ -> text, for every download."""
    files = {}
    for edition in site.editions:
        report = ranking_report(site, edition)
        files[f"ranking-{edition.year}.csv"] = rank_csv(report)
        files[f"ranking-{edition.year}.json"] = to_json(rank_data(report))
    files["answers.csv"] = answers_csv(site)
    files["datapackage.json"] = datapackage(site)
    files["CITATION.cff"] = citation(site)
    if site.licence:
        files["LICENSE.txt"] = site.licence
    return files
