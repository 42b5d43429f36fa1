"""Pydantic models of country files: answers, evidence, reasons for changes, the coder trail and responses."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any

from pydantic import Discriminator, Field, Tag, WithJsonSchema, field_validator, model_validator

from atdscore.validation.model import Id, Text, _Model, check_date, check_url


def not_after_today(what: str) -> Callable[[Any], Any]:
    """A validator for a date that `what` (a source, a correction, a response) can only have in the past."""

    def check(value: Any) -> Any:
        value = check_date(value)
        if value > datetime.date.today().isoformat()[: len(value)]:
            raise ValueError(f"{value} is after today: {what} cannot be dated in the future")
        return value

    return check


# A date as the loader gives it: text, or a bare year read as a number (checked by `check_date`).
DateText = Annotated[
    str,
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
                {"type": "integer", "minimum": 1, "maximum": 9999},
            ]
        }
    ),
]


class Evidence(_Model):
    """A source: who published what, when, and where to read it (the title may come in several languages)."""

    title: Text
    # When the source was published or last updated; `accessed` only when that is not known.
    date: DateText | None = None
    accessed: DateText | None = None
    url: str | None = None
    publisher: str | None = None
    # A web-archive copy of `url` (e.g. https://web.archive.org/web/20230115000000/https://...): pages
    # link it with Robust Links attributes, so a reader can still read the source when it moves.
    archived: str | None = None

    _date = field_validator("date", "accessed", mode="before")(not_after_today("a source"))

    @model_validator(mode="after")
    def _dated(self) -> Evidence:
        if self.date is None and self.accessed is None:
            raise ValueError(
                "evidence needs a 'date' (when the source was published or last updated) or, "
                "when only that is unknown, an 'accessed' date (when you read it)"
            )
        return self

    _url = field_validator("url", "archived")(check_url)

    @property
    def year(self) -> int | None:
        """The year the source was published; None when only its access date is known."""
        return int(self.date[:4]) if self.date else None


class Status(StrEnum):
    """Why an indicator has no value."""

    NOT_APPLICABLE = "not-applicable"
    UNKNOWN = "unknown"


def _evidence_kind(value: Any) -> str:
    return "id" if isinstance(value, str) else "source"


# An evidence item is a source written out, or the id of one in `sources:`; choosing the branch up
# front keeps a bad date in a written-out source from also being reported as "not an id".
EvidenceItem = Annotated[
    Annotated[Evidence, Tag("source")] | Annotated[Id, Tag("id")],
    Discriminator(_evidence_kind),
]


class Review(StrEnum):
    """Why an answer still needs a researcher's look: `carried` from the previous edition by `atdscore new-edition`."""

    CARRIED = "carried"


class ChangeReason(StrEnum):
    """Why an answer differs from before, after the RTI Rating's list of reasons a score may change."""

    LAW_CHANGE = "law-change"
    PRACTICE_CHANGE = "practice-change"
    CORRECTION = "correction"
    NEW_EVIDENCE = "new-evidence"
    METHODOLOGY = "methodology"
    RIGHT_OF_REPLY = "right-of-reply"


class Change(_Model):
    """Why this answer differs from the previous edition's (on the newer edition's answer)."""

    reason: ChangeReason
    note: Text


class Correction(_Model):
    """A correction of a published answer within its edition: when, why, and the value it replaced."""

    date: str
    reason: ChangeReason
    note: Text
    previous: Any

    _date = field_validator("date", mode="before")(not_after_today("a correction"))

    @field_validator("previous", mode="before")
    @classmethod
    def _previous(cls, value: Any) -> Any:
        if value is None:
            raise ValueError("give the value the answer had before ('previous'), or 'unknown'")
        return value

    @property
    def previous_status(self) -> Status | None:
        """The status the answer had before ('unknown', 'not-applicable'), or None when it had a value."""
        # Any YAML can stand here (a list, a map): only a string can name a status.
        return Status(self.previous) if isinstance(self.previous, str) and self.previous in set(Status) else None

    def replaced(self) -> Answer:
        """The answer this correction replaced, as an answer: a value, or the status it had."""
        status = self.previous_status
        return Answer(status=status) if status is not None else Answer(value=self.previous)


class Answer(_Model):
    """An answer: a value backed by evidence, or a status saying why there is none."""

    value: Any = None
    status: Status | None = None
    evidence: list[EvidenceItem] = []
    note: Text | None = None
    # `review: carried`: copied from the previous edition and not re-verified yet (delete the mark once it is).
    review: Review | None = None
    # Why the answer differs from the previous edition, and corrections within this edition (newest last).
    change: Change | None = None
    corrections: list[Correction] = []
    # Who coded this answer and who checked it, when not the file's own `coded_by` / `reviewed_by`.
    coded_by: str | None = Field(default=None, min_length=1)
    reviewed_by: str | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _value_or_status(self) -> Answer:
        has_value = "value" in self.model_fields_set and self.value is not None
        if has_value and self.status is not None:
            raise ValueError("an answer needs either a 'value' or a 'status' (unknown or not-applicable), not both")
        if not has_value and self.status is None:
            empty = "its 'value' is empty" if "value" in self.model_fields_set else "it has neither"
            raise ValueError(f"an answer needs a 'value' or a 'status' (unknown or not-applicable); {empty}")
        if self.status is not None and self.evidence:
            raise ValueError("an answer with a status has no evidence; give a value or drop the evidence")
        return self


class Decision(StrEnum):
    """What the project made of a government's response."""

    ACCEPTED = "accepted"
    REJECTED = "rejected"
    PENDING = "pending"


class Response(_Model):
    """The right of reply: a government's response to the draft scores, and the project's decision on it."""

    from_: str = Field(alias="from", min_length=1)
    date: str
    summary: Text
    decision: Decision
    reason: Text | None = None
    url: str | None = None

    _date = field_validator("date", mode="before")(not_after_today("a response"))
    _url = field_validator("url")(check_url)

    @model_validator(mode="after")
    def _reasoned(self) -> Response:
        if self.decision is not Decision.PENDING and self.reason is None:
            raise ValueError(f"a response that was {self.decision.value} needs the 'reason' for the decision")
        return self


class CountryFile(_Model):
    """One country's answers for one edition."""

    country: str
    year: int
    rubric: Id
    # Who coded the answers and who checked them (an answer may name its own).
    coded_by: str | None = Field(default=None, min_length=1)
    reviewed_by: str | None = Field(default=None, min_length=1)
    sources: dict[Id, Evidence] = {}
    answers: dict[str, Answer] = {}
    # The right of reply: the government's responses to the draft scores, and what the project decided.
    responses: list[Response] = []

    @field_validator("year", mode="before")
    @classmethod
    def _year(cls, value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError("expected a year such as 2023")
        return value


def resolve_evidence(answer: Answer, sources: dict[str, Evidence]) -> list[Evidence]:
    """The evidence of an answer with source ids looked up (unknown ids are reported elsewhere)."""
    return [sources[e] if isinstance(e, str) else e for e in answer.evidence if not isinstance(e, str) or e in sources]
