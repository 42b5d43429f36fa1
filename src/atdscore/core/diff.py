"""Two sets of scorecards -> what changed: per country, per indicator, and in the rubric itself.

Pure: both sides arrive loaded and validated. An answer that changed without a recorded reason is
flagged as unexplained, the mistake a reviewer most needs to catch: between editions the newer
answer says why in `change: {reason, note}`; within an edition a `corrections:` record names the
value it replaced. New evidence alone explains nothing; research that turns an unknown into an
answer (or back) needs no record.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from atdscore.core.answers import describe, evidence_key, same_answer
from atdscore.core.editions import RubricRef, ScoredEdition
from atdscore.core.score import CountryResult, Scorer
from atdscore.text import formats
from atdscore.validation.country_file import Answer, CountryFile, Review, resolve_evidence
from atdscore.validation.country_file import Status as AnswerStatus
from atdscore.validation.edition import scoring_changes
from atdscore.validation.model import Rubric, indicators_by_id, text_in


@dataclass(frozen=True)
class Side:
    """One side of a comparison: a scored edition and the label a reader knows it by (2023, origin/main:2023)."""

    label: str
    edition: ScoredEdition


class Reason(StrEnum):
    """Why an indicator's line in a diff is there."""

    ANSWER = "answer"  # the answer changed from one value to another
    KNOWLEDGE = "knowledge"  # unknown or missing on one side, answered on the other: research, not policy
    RUBRIC = "rubric"  # same answer, but the rubric scores it differently
    EVIDENCE = "evidence"  # same answer, other sources
    ADDED = "added"  # the indicator is new in the rubric
    REMOVED = "removed"  # the rubric dropped the indicator
    CARRIED = "carried"  # same answer, carried into the new side (`review: carried`) and not re-verified


@dataclass(frozen=True)
class Explanation:
    """The recorded reason for a changed answer (a `change` or `corrections` record), its note in English."""

    reason: str
    note: str


@dataclass(frozen=True)
class IndicatorChange:
    """One indicator of one country that differs between the sides."""

    id: str
    reason: Reason
    old_answer: str
    new_answer: str
    old_points: Fraction | None
    new_points: Fraction | None
    evidence_changed: bool
    explanation: Explanation | None = None
    # Within one edition, an answer withdrawn to unknown or missing: it needs a record like any changed answer,
    # or a pull request could drop a documented penalty without saying why.
    withdrawn: bool = False

    @property
    def knowledge(self) -> bool:
        """The answer went from unknown or missing to a value, or back: research, not a change in the country."""
        return self.reason is Reason.KNOWLEDGE

    @property
    def delta(self) -> Fraction:
        return (self.new_points or Fraction(0)) - (self.old_points or Fraction(0))

    @property
    def unexplained(self) -> bool:
        """The answer changed, or was withdrawn within its edition, and no record says why.

        New evidence alone is not a reason; research that turns an unknown into an answer needs none.
        """
        return (self.reason is Reason.ANSWER or self.withdrawn) and self.explanation is None


class Status(StrEnum):
    """How a country differs between the sides."""

    CHANGED = "changed"
    NEW = "new"
    REMOVED = "removed"


@dataclass(frozen=True)
class CountryChange:
    """A country whose score, rank, answers or evidence differ between the sides."""

    country: str
    status: Status
    old: CountryResult | None
    new: CountryResult | None
    old_rank: int | None
    new_rank: int | None
    indicators: tuple[IndicatorChange, ...]
    adjusted_old_percent: Fraction | None = None
    adjusted_new_percent: Fraction | None = None
    # The change in percentage points, in three parts that add up to it (see `split`); None unless CHANGED.
    delta_rubric: Fraction | None = None
    delta_knowledge: Fraction | None = None
    delta_answers: Fraction | None = None

    @property
    def delta_points(self) -> Fraction | None:
        if self.old is None or self.new is None:
            return None
        return self.new.points - self.old.points

    @property
    def delta_percent(self) -> Fraction | None:
        if self.old is None or self.new is None or self.old.percent is None or self.new.percent is None:
            return None
        return self.new.percent - self.old.percent

    @property
    def adjusted_delta_percent(self) -> Fraction | None:
        if self.adjusted_old_percent is None or self.adjusted_new_percent is None:
            return None
        return self.adjusted_new_percent - self.adjusted_old_percent

    @property
    def unexplained(self) -> tuple[IndicatorChange, ...]:
        return tuple(i for i in self.indicators if i.unexplained)

    @property
    def vanished(self) -> bool:
        """Ranked on the older side, and absent or no longer ranked on the newer side."""
        return self.old_rank is not None and self.new_rank is None

    @property
    def carried(self) -> tuple[IndicatorChange, ...]:
        """Answers the new side carried over unchanged and nobody has re-verified yet."""
        return tuple(i for i in self.indicators if i.reason is Reason.CARRIED)


@dataclass(frozen=True)
class RubricChange:
    """The rubrics of the two sides; when they differ, scores are not comparable one to one."""

    old: RubricRef
    new: RubricRef
    added: tuple[str, ...]
    removed: tuple[str, ...]
    # What differs in the scoring content (points, options, weights, ...), in words; empty when nothing does.
    scoring: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return self.old != self.new


@dataclass(frozen=True)
class Comparison:
    """Everything a diff says about two sides."""

    old_label: str
    new_label: str
    old_year: int
    new_year: int
    rubric: RubricChange
    countries: tuple[CountryChange, ...]
    unchanged: int
    # The same edition published on the older side and a draft on the newer: unpublished.
    unpublished: bool = False

    @property
    def unexplained(self) -> int:
        return sum(len(c.unexplained) for c in self.countries)

    @property
    def carried(self) -> int:
        return sum(len(c.carried) for c in self.countries)


def _restricted(rubric: Rubric, keep: set[str]) -> Rubric:
    """The rubric with only the indicators in `keep` (categories left empty are dropped)."""
    categories = []
    for category in rubric.categories:
        indicators = [i for i in category.indicators if f"{category.id}.{i.id}" in keep]
        if indicators:
            categories.append(category.model_copy(update={"indicators": indicators}))
    return rubric.model_copy(update={"categories": categories})


def _carried(answer: Answer | None) -> bool:
    return answer is not None and answer.review is Review.CARRIED


def _valued(answer: Answer | None) -> bool:
    return answer is not None and answer.status is None


def _unknown(answer: Answer | None) -> bool:
    return answer is None or answer.status is AnswerStatus.UNKNOWN


def is_knowledge(old: Answer | None, new: Answer | None) -> bool:
    """Unknown or missing on one side and answered on the other: research, not a change in the country."""
    return (_unknown(old) and _valued(new)) or (_valued(old) and _unknown(new))


def split(
    old_rubric: Rubric, new_rubric: Rubric, old_file: CountryFile, new_file: CountryFile
) -> tuple[Fraction, Fraction, Fraction] | None:
    """A country's change in percentage points as (rubric, knowledge, answers), which add up to it.

    In this order: the older answers scored by the newer rubric, minus the older score (the rubric's
    effect); then the answers unknown or missing on one side and answered on the other set to their
    newer state (knowledge); the rest is the effect of answers that changed. None when a side has no score.
    """
    old = Scorer(old_rubric).score(old_file).percent
    scorer = Scorer(new_rubric)
    rescored, new = scorer.score(old_file).percent, scorer.score(new_file).percent
    answers = dict(old_file.answers)
    for key in indicators_by_id(new_rubric):
        before, after = old_file.answers.get(key), new_file.answers.get(key)
        if is_knowledge(before, after):
            if after is None:
                answers.pop(key, None)
            else:
                answers[key] = after
    known = scorer.score(old_file.model_copy(update={"answers": answers})).percent
    if old is None or rescored is None or known is None or new is None:
        return None
    return rescored - old, known - rescored, new - known


def _explanation(old_a: Answer | None, new_a: Answer | None, same_year: bool) -> Explanation | None:
    """The record that explains why `old_a` became `new_a`, if the newer file has one that fits."""
    if new_a is None:
        return None
    if not same_year:
        change = new_a.change
        return None if change is None else Explanation(change.reason.value, text_in(change.note, "en"))
    # Within an edition: the newest correction not on the older side, naming the value it replaced.
    known = set(map(repr, old_a.corrections)) if old_a is not None else set()
    for record in reversed(new_a.corrections):
        if repr(record) in known:
            break
        if old_a is not None and same_answer(record.replaced(), old_a):
            return Explanation(record.reason.value, text_in(record.note, "en"))
    return None


def _indicator_changes(old: ScoredEdition, new: ScoredEdition, code: str) -> tuple[IndicatorChange, ...]:
    """The indicators of country `code` that differ between two editions that both have it."""
    old_c, new_c = old.files[code], new.files[code]
    old_r, new_r = old.entries[code].result, new.entries[code].result
    old_inds, new_inds = indicators_by_id(old.rubric), indicators_by_id(new.rubric)
    old_points = {i.id: i.points for c in old_r.categories for i in c.indicators}
    new_points = {i.id: i.points for c in new_r.categories for i in c.indicators}
    changes = []
    for key in [*old_inds, *(k for k in new_inds if k not in old_inds)]:
        old_a, new_a = old_c.answers.get(key), new_c.answers.get(key)
        old_ev = evidence_key(resolve_evidence(old_a, old_c.sources)) if old_a else frozenset()
        new_ev = evidence_key(resolve_evidence(new_a, new_c.sources)) if new_a else frozenset()
        old_words = describe(old_inds[key], old_a) if key in old_inds else ""
        new_words = describe(new_inds[key], new_a) if key in new_inds else ""
        if key not in new_inds:
            reason = Reason.REMOVED
        elif key not in old_inds:
            reason = Reason.ADDED
        elif not same_answer(old_a, new_a):
            reason = Reason.KNOWLEDGE if is_knowledge(old_a, new_a) else Reason.ANSWER
        elif old_points[key] != new_points[key]:
            reason = Reason.RUBRIC
        elif old_ev != new_ev:
            reason = Reason.EVIDENCE
        elif _carried(new_a) and not _carried(old_a):
            reason = Reason.CARRIED  # "no change" only because nobody has looked yet
        else:
            continue
        # A knowledge change may carry a record too (a correction of an answer to unknown): show it.
        explained = reason in (Reason.ANSWER, Reason.KNOWLEDGE)
        explanation = _explanation(old_a, new_a, old.year == new.year) if explained else None
        changes.append(
            IndicatorChange(
                key, reason, old_words, new_words, old_points.get(key), new_points.get(key), old_ev != new_ev,
                explanation, reason is Reason.KNOWLEDGE and old.year == new.year and _valued(old_a),
            )
        )  # fmt: skip
    return tuple(changes)


def compare(old_side: Side, new_side: Side) -> Comparison:
    """What changed from `old_side` to `new_side`: scores, ranks, answers, evidence and the rubric."""
    old, new = old_side.edition, new_side.edition
    old_ids, new_ids = set(indicators_by_id(old.rubric)), set(indicators_by_id(new.rubric))
    added, removed = tuple(sorted(new_ids - old_ids)), tuple(sorted(old_ids - new_ids))
    scoring = tuple(scoring_changes(old.rubric, new.rubric)) if old.rubric_ref != new.rubric_ref else ()
    rubric = RubricChange(old.rubric_ref, new.rubric_ref, added, removed, scoring)
    # Over the indicators both rubrics share, changes are comparable one to one.
    adjusted: tuple[Scorer, Scorer] | None = None
    if rubric.changed:
        shared = old_ids & new_ids
        adjusted = (Scorer(_restricted(old.rubric, shared)), Scorer(_restricted(new.rubric, shared)))
    changes: list[CountryChange] = []
    unchanged = 0
    for code in sorted(set(old.files) | set(new.files)):
        o, n = old.entries.get(code), new.entries.get(code)
        if n is None:
            assert o is not None  # the code is in one edition at least
            changes.append(CountryChange(code, Status.REMOVED, o.result, None, o.rank, None, ()))
            continue
        if o is None:
            changes.append(CountryChange(code, Status.NEW, None, n.result, None, n.rank, ()))
            continue
        indicators = _indicator_changes(old, new, code)
        same_total = o.result.points == n.result.points and o.result.percent == n.result.percent
        if not indicators and same_total and o.rank == n.rank:
            unchanged += 1
            continue
        adj_old = adj_new = None
        if adjusted is not None:
            adj_old = adjusted[0].score(old.files[code]).percent
            adj_new = adjusted[1].score(new.files[code]).percent
        parts = split(old.rubric, new.rubric, old.files[code], new.files[code]) or (None, None, None)
        changes.append(
            CountryChange(
                code, Status.CHANGED, o.result, n.result, o.rank, n.rank, indicators, adj_old, adj_new, *parts
            )
        )
    order = {Status.CHANGED: 0, Status.NEW: 1, Status.REMOVED: 2}
    changes.sort(key=lambda c: (order[c.status], -abs(c.delta_percent or 0), c.country))
    unpublished = old.year == new.year and not old.draft and new.draft
    return Comparison(
        old_side.label, new_side.label, old.year, new.year, rubric, tuple(changes), unchanged, unpublished
    )


def _score(result: CountryResult | None, rank: int | None) -> str:
    if result is None:
        return "absent"
    if result.percent is None:
        return "not scored"
    text = f"{formats.fixed(result.percent, 'en', 1)}%"
    return text if rank is not None else f"{text}, not ranked"


def gate(comparisons: Sequence[Comparison], fail_on_drop: Fraction | None, fail_on_unexplained: bool) -> list[str]:
    """Why a CI gate fails, one line per country or answer; empty when it passes.

    With either threshold, a country ranked on the older side and absent or unranked on the newer fails
    whatever `fail_on_drop` is; a fall of more than `fail_on_drop` percentage points fails; with
    `fail_on_unexplained`, so does each changed answer without a recorded reason.
    """
    if fail_on_drop is None and not fail_on_unexplained:
        return []
    failures = []
    for c in comparisons:
        if c.unpublished:
            failures.append(
                f"edition {c.new_year} is published on {c.old_label} and a draft on {c.new_label} "
                "(its edition.yaml was removed or set to draft)"
            )
        for ch in c.countries:
            scores = f"{ch.country} ({c.new_label}): {_score(ch.old, ch.old_rank)} -> {_score(ch.new, ch.new_rank)}"
            if ch.vanished:
                failures.append(f"{scores}, ranked on the older side and missing or unranked on the newer")
            elif fail_on_drop is not None and ch.delta_percent is not None and -ch.delta_percent > fail_on_drop:
                down = formats.fixed(-ch.delta_percent, "en", 1)
                failures.append(f"{scores}, down {down} percentage points (more than --fail-on-drop {fail_on_drop})")
            if fail_on_unexplained:
                failures += [
                    f"{ch.country} {i.id} ({c.new_label}): '{i.old_answer}' -> '{i.new_answer}' with no recorded reason"
                    for i in ch.unexplained
                ]
    return failures
