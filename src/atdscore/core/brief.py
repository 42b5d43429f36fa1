"""A country brief: what one page about one country and edition says, in one language.

Pure: built from loaded, validated and scored data, and turned into text by a template (see
`templating`). Texts are already in the brief's language (answers in words, not ids); numbers stay
exact Fractions so that templates round them once, in the language's format.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from atdscore.core.answers import describe as answer_words
from atdscore.core.answers import evidence_key, same_answer
from atdscore.core.diff import is_knowledge
from atdscore.core.editions import CountryEdition, ScoredEdition, country_across, previous_edition
from atdscore.core.reform import NextBand, next_band_in_words, real_gain
from atdscore.core.score import CountryResult, IndicatorResult, Scorer, State, band_for
from atdscore.core.sensitivity import Options, rank_intervals
from atdscore.text.names import country_names
from atdscore.text.sparkline import sparkline
from atdscore.validation.country_file import CountryFile, Evidence, resolve_evidence
from atdscore.validation.model import Kind, Rubric, falls_back, indicators_by_id, text_in


@dataclass(frozen=True)
class Source:
    """A cited source, numbered in the order the brief first cites it."""

    number: int
    title: str
    date: str | None
    url: str | None
    publisher: str | None
    accessed: str | None = None
    archived: str | None = None  # a web-archive copy of `url`


@dataclass(frozen=True)
class IndicatorLine:
    """One indicator of the rubric with the country's answer in words and the sources it cites."""

    id: str
    category: str
    kind: str
    question: str
    state: str
    answer: str
    points: Fraction
    max: Fraction
    note: str | None
    sources: tuple[int, ...]
    recommendation: str | None

    @property
    def gain(self) -> Fraction:
        """The points the country would gain by reaching this indicator's maximum."""
        return self.max - self.points


@dataclass(frozen=True)
class CategoryLine:
    """A category's score; `percent` is None for penalty and bonus categories."""

    id: str
    title: str
    kind: str
    weight: Fraction
    points: Fraction
    max: Fraction
    percent: Fraction | None
    floor: Fraction | None
    cap: Fraction | None


@dataclass(frozen=True)
class Recommendation:
    """The rubric's recommendation for an indicator below its maximum, with the points it would really add.

    `gain` is the change in the country's total, in points of the total, after the penalty floor, the
    bonus cap and the clip at 0: it may be 0 (the template then says the change alone adds nothing).
    """

    id: str
    question: str
    answer: str
    text: str
    gain: Fraction


@dataclass(frozen=True)
class AnswerChange:
    """An indicator whose answer differs from the previous edition's, both in words."""

    id: str
    question: str
    old: str
    new: str
    old_points: Fraction | None
    new_points: Fraction | None
    # Unknown or missing on one side, answered on the other: research, not a change in the country.
    knowledge: bool = False

    @property
    def delta(self) -> Fraction:
        return (self.new_points or Fraction(0)) - (self.old_points or Fraction(0))


@dataclass(frozen=True)
class ResponseLine:
    """A government's response to the draft scores, and the project's decision, in the brief's language."""

    sender: str
    date: str
    summary: str
    decision: str  # accepted, rejected or pending: the template words it
    reason: str | None
    url: str | None


@dataclass(frozen=True)
class TrendPoint:
    """The country's total and rank in one edition."""

    year: int
    percent: Fraction | None
    rank: int | None
    of: int


@dataclass(frozen=True)
class Change:
    """What changed since the previous edition: total, rank and answers."""

    year: int
    points: Fraction
    max: Fraction
    percent: Fraction | None
    rank: int | None
    of: int | None
    delta_points: Fraction
    delta_percent: Fraction | None
    rank_moved: int | None  # positive when the country moved up; None when either side has no rank
    rubric_changed: bool
    rubric_id: str
    rubric_version: str
    answers: tuple[AnswerChange, ...]  # answers that changed from one value to another
    knowledge: tuple[AnswerChange, ...] = ()  # answers that became known, or unknown


@dataclass(frozen=True)
class Brief:
    """Everything a country brief says; the template decides how it reads."""

    lang: str
    country: str
    name: str
    year: int
    rubric_id: str
    rubric_version: str
    rubric_title: str
    points: Fraction
    max: Fraction
    percent: Fraction | None
    band: str | None
    rank: int | None
    of: int
    coverage: Fraction
    answered: int
    applicable: int
    categories: tuple[CategoryLine, ...]
    indicators: tuple[IndicatorLine, ...]
    strengths: tuple[IndicatorLine, ...]
    gaps: tuple[IndicatorLine, ...]
    recommendations: tuple[Recommendation, ...]
    next_band: NextBand | None
    aggregation: str
    unanswered: tuple[IndicatorLine, ...]
    change: Change | None
    sources: tuple[Source, ...]
    # Every edition of the country, oldest first, when there are more than two (else empty).
    trend: tuple[TrendPoint, ...] = ()
    trend_line: str = ""
    # A draft edition's scores may still change; every brief of one says so.
    draft: bool = False
    # The right of reply: what the government answered and what the project decided.
    responses: tuple[ResponseLine, ...] = ()
    # Notes printed in English because they have no text in the brief's language.
    untranslated_notes: int = 0
    # Honesty about what is not known: the score with every unknown or missing answer at its lowest and at its
    # highest (None when nothing applies), and the rubric's minimum coverage for a rank.
    range: tuple[Fraction, Fraction] | None = None
    min_coverage: Fraction = Fraction(0)
    # The 5th-95th percentile rank over `runs` runs of `atdscore sensitivity`'s defaults (None when not ranked).
    interval: tuple[int, int] | None = None
    runs: int = 0

    @property
    def ranked(self) -> bool:
        return self.rank is not None

    @property
    def missing(self) -> int:
        """Applicable standard indicators whose answer is unknown or missing."""
        return self.applicable - self.answered

    @property
    def uncertain(self) -> bool:
        """Some unknown or missing answer could move the score (its range is not a single point)."""
        return self.range is not None and self.range[0] != self.range[1]


class _Sources:
    """Sources numbered once each, in the order of first citation; the same title, URL and date is one source."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.numbers: dict[frozenset[tuple[str, str | None, str | None]], int] = {}
        self.sources: list[Source] = []

    def cite(self, evidence: list[Evidence]) -> tuple[int, ...]:
        cited: list[int] = []
        for item in evidence:
            key = evidence_key([item])
            if key not in self.numbers:
                self.numbers[key] = len(self.sources) + 1
                self.sources.append(
                    Source(
                        len(self.sources) + 1,
                        text_in(item.title, self.lang).strip(),
                        item.date,
                        item.url,
                        item.publisher,
                        item.accessed,
                        item.archived,
                    )
                )
            cited.append(self.numbers[key])
        return tuple(sorted(set(cited)))


def _lines(
    rubric: Rubric, country: CountryFile, result: CountryResult, lang: str
) -> tuple[tuple[IndicatorLine, ...], tuple[Source, ...]]:
    """Every indicator in rubric order, and the sources they cite, numbered as first cited."""
    results: dict[str, IndicatorResult] = {r.id: r for c in result.categories for r in c.indicators}
    sources = _Sources(lang)
    lines = []
    for category in rubric.categories:
        for indicator in category.indicators:
            key = f"{category.id}.{indicator.id}"
            answer = country.answers.get(key)
            scored = results[key]
            lines.append(
                IndicatorLine(
                    id=key,
                    category=text_in(category.title, lang),
                    kind=category.kind.value,
                    question=text_in(indicator.question, lang),
                    state=scored.state.value,
                    answer=answer_words(indicator, answer, lang),
                    points=scored.points,
                    max=scored.max,
                    note=(text_in(answer.note, lang).strip() or None) if answer else None,
                    sources=sources.cite(resolve_evidence(answer, country.sources)) if answer else (),
                    recommendation=text_in(indicator.recommendation, lang) or None,
                )
            )
    return tuple(lines), tuple(sources.sources)


def _categories(rubric: Rubric, result: CountryResult, lang: str) -> tuple[CategoryLine, ...]:
    out = []
    for category, scored in zip(rubric.categories, result.categories, strict=True):
        out.append(
            CategoryLine(
                id=category.id,
                title=text_in(category.title, lang),
                kind=category.kind.value,
                weight=scored.weight,
                points=scored.points,
                max=scored.max,
                percent=scored.percent,
                floor=None if category.floor is None else Fraction(category.floor),
                cap=None if category.cap is None else Fraction(category.cap),
            )
        )
    return tuple(out)


def _change(current: CountryEdition, prev: CountryEdition, lang: str) -> Change:
    rubric, old_rubric = current.rubric, prev.rubric
    new_inds, old_inds = indicators_by_id(rubric), indicators_by_id(old_rubric)
    old_points = {r.id: r.points for c in prev.result.categories for r in c.indicators}
    new_points = {r.id: r.points for c in current.result.categories for r in c.indicators}
    answers = []
    for key, indicator in new_inds.items():
        old, new = prev.file.answers.get(key), current.file.answers.get(key)
        if same_answer(old, new):
            continue
        answers.append(
            AnswerChange(
                id=key,
                question=text_in(indicator.question, lang),
                old=answer_words(old_inds.get(key, indicator), old, lang),
                new=answer_words(indicator, new, lang),
                old_points=old_points.get(key),
                new_points=new_points.get(key),
                knowledge=is_knowledge(old, new),
            )
        )
    old_r, result, rank = prev.result, current.result, current.rank
    return Change(
        year=prev.year,
        points=old_r.points,
        max=old_r.max,
        percent=old_r.percent,
        rank=prev.rank,
        of=prev.of,
        delta_points=result.points - old_r.points,
        delta_percent=None if result.percent is None or old_r.percent is None else result.percent - old_r.percent,
        rank_moved=None if rank is None or prev.rank is None else prev.rank - rank,
        rubric_changed=prev.edition.rubric_ref != current.edition.rubric_ref,
        rubric_id=old_rubric.id,
        rubric_version=old_rubric.version,
        answers=tuple(a for a in answers if not a.knowledge),
        knowledge=tuple(a for a in answers if a.knowledge),
    )


def build_brief(
    current: CountryEdition,
    *,
    previous: CountryEdition | None = None,
    trend: Sequence[CountryEdition] = (),
    lang: str = "en",
    name: str | None = None,
    interval: tuple[int, int] | None = None,
) -> Brief:
    """The brief for one country in one edition, compared with `previous` and with its `trend` over editions.

    `name` is the country's display name (default: the shipped name in `lang`); `interval` its rank interval
    from `sensitivity.rank_intervals`.
    """
    rubric, country, result = current.rubric, current.file, current.result
    lines, sources = _lines(rubric, country, result, lang)
    standard = [i for c in result.categories if c.kind is Kind.STANDARD for i in c.indicators]
    answered = [line for line in lines if line.state == State.ANSWERED]
    # Only answered indicators are strengths or gaps: an unknown answer scores 0, which is no finding about
    # the law (and in a penalty category it would even look like the maximum).
    strengths = tuple(line for line in answered if line.points >= line.max)
    gaps = tuple(line for line in answered if line.points < line.max)
    order = {line.id: n for n, line in enumerate(lines)}
    # What a gap is really worth to the total: the country re-scored with that answer at its best.
    scorer = Scorer(rubric)
    worth = {g.id: real_gain(scorer, country, result, g.id) for g in gaps if g.recommendation}
    ranked_gaps = sorted((g for g in gaps if g.recommendation), key=lambda g: (-worth[g.id], order[g.id]))
    recommendations = tuple(
        Recommendation(g.id, g.question, g.answer, g.recommendation or "", worth[g.id]) for g in ranked_gaps
    )
    ranked = current.rank is not None
    # A band is a finding only for a ranked country: below min_coverage the score rests on too little evidence.
    band = band_for(rubric, result.percent, ranked)
    # Two editions are a change, shown below the scores; a trend needs three or more.
    points = [TrendPoint(e.year, e.result.percent, e.rank, e.of) for e in trend] if len(trend) > 2 else []
    return Brief(
        lang=lang,
        country=country.country,
        name=name or country_names(lang).get(country.country, country.country),
        year=current.year,
        rubric_id=rubric.id,
        rubric_version=rubric.version,
        rubric_title=text_in(rubric.title, lang),
        points=result.points,
        max=result.max,
        percent=result.percent,
        band=text_in(band.label, lang) if band else None,
        rank=current.rank,
        of=current.of,
        draft=current.edition.draft,
        responses=tuple(
            ResponseLine(
                r.from_,
                r.date,
                text_in(r.summary, lang),
                r.decision.value,
                text_in(r.reason, lang) or None,
                r.url,
            )
            for r in country.responses
        ),
        coverage=result.coverage,
        # Coverage counts standard categories only (penalty and bonus questions are not evidence of protection).
        answered=sum(1 for i in standard if i.state is State.ANSWERED),
        applicable=sum(1 for i in standard if i.state is not State.NOT_APPLICABLE),
        categories=_categories(rubric, result, lang),
        indicators=lines,
        strengths=strengths,
        gaps=gaps,
        recommendations=recommendations,
        next_band=next_band_in_words(scorer, country, result, lang) if ranked else None,
        aggregation=rubric.aggregation.value,
        unanswered=tuple(line for line in lines if line.state != State.ANSWERED),
        change=None if previous is None else _change(current, previous, lang),
        sources=sources,
        trend=tuple(points),
        trend_line=sparkline([None if p.percent is None else float(p.percent) for p in points]),
        untranslated_notes=sum(
            1 for line in lines if line.id in country.answers and falls_back(country.answers[line.id].note, lang)
        ),
        range=result.range,
        min_coverage=Fraction(rubric.min_coverage),
        interval=interval if ranked else None,
        runs=Options().runs,
    )


def country_brief(
    code: str,
    current: ScoredEdition,
    earlier: Sequence[ScoredEdition],
    lang: str = "en",
    name: str | None = None,
    intervals: Mapping[str, tuple[int, int]] | None = None,
) -> Brief:
    """The brief of `code` in `current`: compared with the latest of `earlier` that has it, with its trend over all.

    `intervals` are the edition's rank intervals (`sensitivity.rank_intervals`), computed here when not given:
    pass them when writing many briefs. KeyError when `current` has no file for `code`.
    """
    mine = current.country(code)
    if mine is None:
        raise KeyError(code)
    if intervals is None:
        intervals = rank_intervals(current.rubric, current.results)
    return build_brief(
        mine,
        previous=previous_edition(code, current.year, earlier),
        trend=country_across(code, [*earlier, current]),
        lang=lang,
        name=name,
        interval=intervals.get(code),
    )
