"""Fixed strings of briefs and the methodology, per language; templates reach them through `t(key)`.

A string is a text with `{name}` placeholders, or a map of CLDR plural forms ('one', 'other', ...)
chosen by the number a template passes as `count`. Every key has an English text; a language that
lacks a key (or a plural form) shows the English one, so a new language can be added bit by bit.
Spanish uses the neutral register of the default rubric's Spanish texts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from atdscore.text.strings_es import ES, Entry

DEFAULT_LANGUAGE = "en"


STRINGS: dict[str, dict[str, Entry]] = {
    "en": {
        # Answers in words.
        "answer.missing": "No answer",
        "answer.unknown": "Unknown",
        "answer.not-applicable": "Not applicable",
        "answer.none": "None",
        "answer.no-limit": "no limit",
        "answer.score": "{n} of {max}",
        # The brief: header.
        "brief.title": "{name}: country brief {year}",
        "brief.headline": {
            "one": "{name} scores {percent} of the maximum{range}: rank {rank} of {of} country in the {year} edition{interval}.",
            "other": "{name} scores {percent} of the maximum{range}: rank {rank} of {of} countries in the {year} edition{interval}.",
        },
        "brief.headline_range": " ({low} to {high} with its unknown or missing answers at their lowest and at their highest)",
        "brief.headline_interval": (
            " (ranks {best} to {worst} in 90% of {runs} runs that vary the weights, the aggregation and the unknown "
            "answers and leave out a category)"
        ),
        "brief.headline_interval_same": (
            " (the same rank in at least 90% of {runs} runs that vary the weights, the aggregation and the unknown "
            "answers and leave out a category)"
        ),
        "brief.headline_unranked": {
            "one": (
                "{name} is not ranked in the {year} edition for lack of evidence: {answered} of its {applicable} "
                "applicable standard indicators are answered ({coverage}, below the {min_coverage} the rubric requires for a rank) "
                "and {missing} is unknown or missing; with the missing answers at their lowest and at their highest, its "
                "score could be anywhere from {low} to {high} of the maximum."
            ),
            "other": (
                "{name} is not ranked in the {year} edition for lack of evidence: {answered} of its {applicable} "
                "applicable standard indicators are answered ({coverage}, below the {min_coverage} the rubric requires for a rank) "
                "and {missing} are unknown or missing; with the missing answers at their lowest and at their highest, its "
                "score could be anywhere from {low} to {high} of the maximum."
            ),
        },
        "brief.headline_unscored": "{name} has no score in the {year} edition: no indicator of the rubric applies.",
        "label.score": "Score",
        "label.band": "Band",
        "label.range": "Range",
        "label.rank": "Rank",
        "label.coverage": "Coverage",
        "label.rubric": "Rubric",
        "label.recommendation": "Recommendation",
        "label.standards": "Standards",
        "score.total": {"one": "{points} of {max} point ({percent})", "other": "{points} of {max} points ({percent})"},
        "rank.of": "{rank} of {of}",
        "rank.none": "not ranked",
        "rank.none_coverage": "not ranked: coverage below the {min_coverage} the rubric requires",
        "rank.interval": "{rank} of {of} (ranks {best} to {worst} in 90% of {runs} sensitivity runs)",
        "rank.interval_same": "{rank} of {of} (the same rank in at least 90% of {runs} sensitivity runs)",
        "range.value": "{low} to {high} (every unknown or missing answer at its lowest and at its highest)",
        "coverage.value": {
            "one": "{percent} ({answered} of {applicable} indicator answered)",
            "other": "{percent} ({answered} of {applicable} indicators answered)",
        },
        "rubric.value": "{title}, {id} version {version}",
        # The brief: categories.
        "brief.categories": "Scores by category",
        "col.category": "Category",
        "col.points": "Points",
        "col.score": "Score",
        "category.of": "{points} of {max}",
        "category.penalty": "{points} (penalty; floor {floor})",
        "category.bonus": "{points} (bonus; cap {cap})",
        # The brief: strengths, gaps, recommendations.
        "brief.strengths": "Strengths",
        "brief.strengths_intro": "Indicators at their maximum.",
        "brief.no_strengths": "No indicator is at its maximum.",
        "brief.gaps": "Gaps",
        "brief.gaps_intro": "Indicators below their maximum.",
        "brief.no_gaps": "No answered indicator is below its maximum.",
        "points.n": {"one": "{n} point", "other": "{n} points"},
        "points.of": {"one": "{n} of {max} indicator point", "other": "{n} of {max} indicator points"},
        "brief.recommendations": "Recommendations",
        "brief.recommendations_intro": (
            "The rubric's recommendation for each indicator below its maximum, those that would add the most to the "
            "total first. Each figure is the real change in the total if that answer alone reached its best, after "
            "the penalty floor, the bonus cap and the clip at 0."
        ),
        "brief.no_recommendations": "None: no indicator with a recommendation is below its maximum.",
        "recommendation.gain": {"one": "+{n} point to the total", "other": "+{n} points to the total"},
        "recommendation.no_gain": "on its own, this would not change the total",
        # The brief: how the total is built, and what it would take to reach the next band.
        "brief.total_how.points": (
            "How the total is built: the points of each standard category times its weight, added up, plus "
            "penalty and bonus points (a penalty no lower than its floor, a bonus no higher than its cap); a "
            "total never falls below 0. The maximum is {max} points."
        ),
        "brief.total_how.weighted-mean": (
            "How the total is built: the weighted mean of the standard categories' scores (weights in the "
            "table), plus penalty and bonus points as a share of the {max}-point maximum (a penalty no lower than "
            "its floor, a bonus no higher than its cap), never below 0%. The total in points is that percentage "
            "of {max}, so it need not equal the sum of the category points."
        ),
        "brief.next_band": "What it would take",
        "next.path": {
            "one": "The smallest change that would lift {name} into the band “{band}”: {n} answer, which would take "
            "the total to {percent}.",
            "other": "The smallest set of changes that would lift {name} into the band “{band}”: {n} answers, "
            "which would take the total to {percent}.",
        },
        "next.step": "{question} From “{answer}” to “{best}”.",
        "next.top": "{name} is already in the top band.",
        "next.none": (
            "No set of changes to the answered indicators reaches the band “{band}”; unknown and missing "
            "answers are not counted as changes."
        ),
        # The brief: change since the previous edition.
        "brief.change": "Change since {year}",
        "brief.trend": "Trend across editions",
        "rank.title": {
            "one": "{title} — {year} (rubric {id} {version}, {n} country, {ranked} ranked)",
            "other": "{title} — {year} (rubric {id} {version}, {n} countries, {ranked} ranked)",
        },
        "rank.unranked": (
            "Not ranked: fewer than {percent} of their applicable standard indicators are answered (the rubric's "
            "min_coverage), or nothing in the rubric applies. Their scores rest on too little evidence to rank."
        ),
        "rank.unranked_none_applies": (
            "Not ranked: nothing in the rubric applies to these countries, so they have no score to rank."
        ),
        "rank.none_ranked": "No country is ranked in this edition.",
        "rank.range_note": "Range: the score with every unknown or missing answer at its lowest and at its highest.",
        "col.range": "Range",
        "draft": "DRAFT: the {year} edition is not published; its scores may still change.",
        "col.rank": "Rank",
        "col.interval": "5–95%",
        "col.country": "Country",
        "col.iso3": "ISO3",
        "col.score_percent": "Score %",
        "trend.intro": "Score in each edition, oldest first:",
        "col.edition": "Edition",
        "change.rubric": (
            "The {year} edition was scored with rubric {id} version {version}, so the totals are not fully comparable."
        ),
        "col.change": "Change",
        "change.percent_points": {"one": "{n} percentage point", "other": "{n} percentage points"},
        "rank.up": {"one": "up {n} place", "other": "up {n} places"},
        "rank.down": {"one": "down {n} place", "other": "down {n} places"},
        "rank.same": "no change",
        "change.answers": "Answers that changed since {year}:",
        "change.no_answers": "No answer changed.",
        "change.knowledge": (
            "What became known, or stopped being known, since {year}: research, not a change in law or practice, "
            "so no points are shown as gains or losses."
        ),
        "col.indicator": "Indicator",
        # The brief: unanswered indicators and sources.
        "brief.unanswered": "Unknown and missing answers",
        "brief.unanswered_intro": (
            "These indicators have no answer in the data. Unknown and missing answers score 0 and lower the "
            "coverage: they are gaps in what we know, not findings about the law or its practice. An indicator "
            "that does not apply is left out of the maximum."
        ),
        "brief.no_unanswered": "Every indicator has an answer.",
        "brief.untranslated_notes": {
            "one": "{n} note in this brief has no translation yet and is shown in English.",
            "other": "{n} notes in this brief have no translation yet and are shown in English.",
        },
        "col.answer": "Answer",
        "col.note": "Note",
        "brief.sources": "Sources",
        "brief.responses": "Response from the government",
        "response.accepted": "Accepted",
        "response.rejected": "Not accepted",
        "response.pending": "Decision pending",
        "source.accessed": "date not known; read {date}",
        "brief.no_sources": "No source is cited.",
        "brief.footer": (
            "Generated by atdscore from the {year} data and rubric {id} {version}. The scores are this project's "
            "reading of public sources, not an official index."
        ),
        # The methodology.
        "method.subtitle": "Methodology and questionnaire of rubric {id}, version {version}.",
        "method.scoring": "How scores add up",
        "method.aggregation.points": {
            "one": (
                "A country's total is the sum of its standard categories' points, each multiplied by the category's "
                "weight, plus penalty and bonus points. The maximum is {max} point; a total never falls below 0, and "
                "only a bonus can take it above 100%."
            ),
            "other": (
                "A country's total is the sum of its standard categories' points, each multiplied by the category's "
                "weight, plus penalty and bonus points. The maximum is {max} points; a total never falls below 0, and "
                "only a bonus can take it above 100%."
            ),
        },
        "method.aggregation.weighted-mean": (
            "A country's total is the weighted mean of its standard categories' percentages. Penalty and bonus "
            "points are added as a share of the {max} points the standard categories are worth together. A total "
            "never falls below 0%, and only a bonus can take it above 100%."
        ),
        "method.indicators": (
            "A category's points are the sum of its indicators' points: a choice scores the chosen answer, a "
            "checklist the items that apply, a number the band it falls in, and an expert score its own value."
        ),
        "method.unknown": (
            "An unknown or missing answer scores 0 and lowers the country's coverage (the share of its applicable "
            "standard-category indicators that are answered); an indicator that does not apply is left out of the "
            "maximum. Each country's range is its score with every unknown or missing answer at its lowest-scoring "
            "answer and at its highest."
        ),
        "method.rank": ("Countries are ranked by their total percentage, highest first; equal totals share a rank."),
        "method.min_coverage": (
            "A country with less than {min_coverage} of its applicable standard-category indicators answered (the "
            "rubric's min_coverage) is listed after the ranked countries, without a rank."
        ),
        "col.kind": "Kind",
        "col.weight": "Weight",
        "col.total": "Total",
        "col.band": "Band",
        "col.item": "Item",
        "col.answer_in": "Answer ({unit})",
        "kind.standard": "Standard",
        "kind.penalty": "Penalty",
        "kind.bonus": "Bonus",
        "category.up_to": "up to {n}",
        "category.down_to": "0 to {n}",
        "method.changes": "Changes between editions",
        "method.changes_text": (
            "A country's change between two editions, in percentage points, is split into three parts that add up "
            "to it, computed in this order. Rubric: the older answers scored by the newer rubric, minus the older "
            "score (0 when the rubric did not change). Knowledge: then the answers that were unknown or missing on "
            "one side and answered on the other are set to their newer state (answers to questions the newer rubric "
            "added count here, as missing on the older side); this is research, not a change in the country. Answers: the rest, answers that changed from one value to another, each with the reason "
            "recorded in the country file (a law or practice change, a correction, new evidence, the methodology or "
            "the right of reply)."
        ),
        "method.bands": "Score bands",
        "method.bands_intro": "Each total is described in words by the band it falls in.",
        "band.range": "{min} to under {below}",
        "band.from": "{min} or more",
        "method.category.standard": {
            "one": "Standard category, weight {weight}, worth up to {max} point.",
            "other": "Standard category, weight {weight}, worth up to {max} points.",
        },
        "method.category.penalty": "Penalty: its points (0 or below) are added to the total, and together count for no less than {floor}.",
        "method.category.bonus": "Bonus: its points are added to the total, and together count for no more than {cap}.",
        "type.choice": "One answer from a list",
        "type.checklist": "Checklist: every item that applies",
        "type.number": "A number, in {unit}",
        "type.score": "Expert score from {min} to {max}",
        "method.score": "The expert gives a whole number from {min} to {max}, which is also the points it scores.",
        "method.checklist": "The points of the items that apply add up; when none applies the indicator scores 0.",
        "number.any": "any answer",
        "number.exactly": "{n} {unit}",
        "number.up_to": "up to {n} {unit}",
        "number.range": "more than {low} and up to {high} {unit}",
        "number.above": "more than {n} {unit}, or no limit",
        "method.reliability": "Reliability of the coding",
        "method.reliability_intro": (
            "Two coders answered the {year} edition independently. A unit is an indicator of a country that both "
            "answered with a value; agreement is the share of units with the same answer."
        ),
        "method.reliability_levels": (
            "Krippendorff's alpha is ordinal per indicator, over the points each answer scores, and interval "
            "overall, over points scaled from 0 to 1 by each indicator's lowest and highest points: 1 is perfect "
            "agreement, 0 no more than chance; – where every answer had the same points and alpha is undefined."
        ),
        "method.reliability_disagreements": {
            "one": "{n} unit had different answers.",
            "other": "{n} units had different answers.",
        },
        "method.reliability_coverage": {
            "one": "{n} indicator was answered with a value by one coder only.",
            "other": "{n} indicators were answered with a value by one coder only.",
        },
        "col.alpha": "Alpha",
        "col.agreement": "Agreement",
        "col.units": "Units",
        "label.overall": "Overall",
        "method.footer": (
            "Generated by atdscore from rubric {id} {version}: the rubric that scores the countries is the one "
            "described here."
        ),
    },
    "es": ES,
}


def fill(key: str, text: str, values: Mapping[str, Any]) -> str:
    """`text` (the string `key`) with its `{name}` placeholders filled in from `values`.

    Raises KeyError naming the missing placeholder: a team template written for an older string, reported at its line.
    """
    try:
        return text.format(**values)
    except KeyError as err:
        name = err.args[0]
        raise KeyError(f"string '{key}' needs a value for {{{name}}}: pass it as t('{key}', {name}=...)") from None


def lookup(key: str, lang: str, form: str | None = None) -> str:
    """The string `key` in `lang` (English where `lang` lacks it), in plural form `form` when it has forms.

    Raises KeyError for a key that no language has: a typo in a template, reported at its line.
    """
    if key not in STRINGS[DEFAULT_LANGUAGE]:
        raise KeyError(f"no string '{key}' in atdscore/strings.py")
    return entry_in(STRINGS, key, lang, form)


def entry_in(catalogue: Mapping[str, Mapping[str, Entry]], key: str, lang: str, form: str | None) -> str:
    """The string `key` of a catalogue that has it in English: in `lang` where it can, in plural form `form`."""
    english = catalogue[DEFAULT_LANGUAGE]
    entry = catalogue.get(lang, {}).get(key, english[key])
    if isinstance(entry, str):
        return entry
    if form is None:
        raise TypeError(f"string '{key}' has plural forms: pass the number it counts as t('{key}', count=...)")
    # CLDR forms such as 'many' fall back to 'other'; a language's forms fall back to English ones.
    fallback = english[key]
    return entry.get(form) or entry.get("other") or (fallback if isinstance(fallback, str) else fallback["other"])
