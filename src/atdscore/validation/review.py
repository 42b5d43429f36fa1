"""Answers still marked for review: `review: carried` from the previous edition by `atdscore new-edition`.

A carried answer is allowed in a draft (a warning per answer, so a researcher can work through them);
a published edition must have none, so `check --strict` fails on them there and `publish` refuses.
"""

from __future__ import annotations

from dataclasses import dataclass

from atdscore.files.load import Document
from atdscore.problems import Code, Problem, Severity
from atdscore.text.formats import count
from atdscore.validation.country_file import CountryFile, Decision, Review


@dataclass(frozen=True)
class EditionContext:
    """What a country file's checks need to know about its edition: published or not, carried from which year."""

    published: bool = False
    carried_from: int | None = None


def carried_answers(doc: Document, country: CountryFile, edition: EditionContext, *, strict: bool) -> list[Problem]:
    """One problem per answer marked `review: carried`, at its mark: a warning, or an error when strict and published."""
    out = []
    published = edition.published
    source = f"from {edition.carried_from}" if edition.carried_from is not None else "from an earlier edition"
    for key, answer in country.answers.items():
        if answer.review is not Review.CARRIED:
            continue
        if published and strict:
            out.append(
                doc.problem(
                    Code.CARRIED_IN_PUBLISHED,
                    ("answers", key, "review"),
                    f"the answer to {key} is carried {source} and not re-verified, in a published edition",
                    "a published edition has no carried answers: confirm it and delete 'review: carried', or change it",
                    key=True,
                )
            )
        else:
            out.append(
                doc.problem(
                    Code.CARRIED_ANSWER,
                    ("answers", key, "review"),
                    f"the answer to {key} is carried {source}, not re-verified",
                    "confirm it and delete 'review: carried', or change it",
                    severity=Severity.WARNING,
                    key=True,
                )
            )
    return out


def count_carried(country: CountryFile) -> int:
    """How many answers of a country file are still marked `review: carried`."""
    return sum(1 for answer in country.answers.values() if answer.review is Review.CARRIED)


def per_file(problems: list[Problem], carried_from: int | None) -> list[Problem]:
    """Carried-answer problems (E422) folded into one per file at its first mark; other problems unchanged.

    `publish` refuses an edition with carried answers; one line per file says so without hundreds of lines.
    """
    carried: dict[str, list[Problem]] = {}
    out = []
    for problem in problems:
        if problem.code is Code.CARRIED_IN_PUBLISHED:
            carried.setdefault(problem.path, []).append(problem)
        else:
            out.append(problem)
    source = f"from {carried_from}" if carried_from is not None else "from an earlier edition"
    for path, found in carried.items():
        first = min(found, key=Problem.sort_key)
        n = len(found)
        message = (
            f"{count(n, 'answer')} carried {source} and not re-verified ({'the first is here' if n > 1 else 'here'})"
        )
        hint = "confirm each and delete 'review: carried', or change it; atdscore check lists them"
        out.append(Problem(path, first.line, first.col, Severity.ERROR, Code.CARRIED_IN_PUBLISHED, message, hint))
    return out


def coder_trail(doc: Document, country: CountryFile, edition: EditionContext, *, strict: bool) -> list[Problem]:
    """Who coded and who checked each answer, for a published edition under `--strict`.

    An answer reviewed by its own coder is an error; answers with no reviewer get one warning per file.
    Files that name no coder or reviewer at all do not use the trail and are left alone.
    """
    if not (edition.published and strict):
        return []
    uses_trail = (
        country.coded_by or country.reviewed_by or any(a.coded_by or a.reviewed_by for a in country.answers.values())
    )
    if not uses_trail:
        return []
    out = []
    unreviewed = []
    for key, answer in country.answers.items():
        coder = answer.coded_by or country.coded_by
        reviewer = answer.reviewed_by or country.reviewed_by
        if reviewer is None:
            unreviewed.append(key)
        elif coder is not None and reviewer.strip().casefold() == coder.strip().casefold():
            where = ("answers", key, "reviewed_by") if answer.reviewed_by else ("answers", key)
            out.append(
                doc.problem(
                    Code.SELF_REVIEW,
                    where,
                    f"the answer to {key} was reviewed by its own coder ({coder})",
                    "a second person checks each answer of a published edition",
                    key=answer.reviewed_by is None,
                )
            )
    if unreviewed:
        n = len(unreviewed)
        out.append(
            doc.problem(
                Code.NO_REVIEWER,
                ("answers", unreviewed[0]),
                f"{count(n, 'answer')} {'has' if n == 1 else 'have'} no reviewer (the first is here)",
                "name one with 'reviewed_by' on the file or on the answer",
                severity=Severity.WARNING,
                key=True,
            )
        )
    return out


def pending_responses(doc: Document, country: CountryFile, edition: EditionContext) -> list[Problem]:
    """A government's response still `pending` in a published edition: the decision is owed."""
    if not edition.published:
        return []
    return [
        doc.problem(
            Code.PENDING_RESPONSE,
            ("responses", i, "decision"),
            f"the response from {response.from_} of {response.date} is still pending in a published edition",
            "decide on it (accepted or rejected, with the reason) before or when publishing",
            severity=Severity.WARNING,
        )
        for i, response in enumerate(country.responses)
        if response.decision is Decision.PENDING
    ]
