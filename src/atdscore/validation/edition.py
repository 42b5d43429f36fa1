"""Editions: `edition.yaml` (draft or published, with the rubric version it pins) and rubric scoring content.

A published edition must stay reproducible: it is scored with the rubric version it pinned, and the
pin's hash covers everything that decides a score (ids, types, options, items, points, bands, weights,
aggregation, floors, caps, coverage rules) and nothing that only words it, so a typo fix in a question
keeps the pin while a changed point value breaks it.
"""

from __future__ import annotations

import hashlib
import json
from enum import StrEnum
from typing import Any

from pydantic import Field, field_validator, model_validator

from atdscore.validation.model import Id, Rubric, _Model, check_date

# Fields that only word a rubric: leaving them out of the hash lets texts be corrected under a pin.
TEXT_FIELDS = frozenset(
    {"title", "question", "guidance", "recommendation", "label", "unit", "description", "standards"}
)


class EditionStatus(StrEnum):
    """A draft is work in progress; a published edition is frozen to its pinned rubric."""

    DRAFT = "draft"
    PUBLISHED = "published"


def _sha256(value: Any) -> Any:
    if not isinstance(value, str) or len(value) != 64 or any(c not in "0123456789abcdef" for c in value):
        raise ValueError("expected a sha256 as 64 lower-case hexadecimal digits (atdscore publish writes it)")
    return value


class Pin(_Model):
    """The rubric version an edition was published with."""

    rubric: Id
    rubric_version: str
    rubric_sha256: str
    published: str

    _sha = field_validator("rubric_sha256", mode="before")(_sha256)
    _date = field_validator("published", mode="before")(check_date)

    @field_validator("rubric_version", mode="before")
    @classmethod
    def _version(cls, value: Any) -> Any:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return repr(value)  # `1.0` unquoted is read as a number; keep what the author meant
        return value


class Revision(Pin):
    """An earlier pin of a re-published edition, and why it was replaced."""

    reason: str = Field(min_length=1)


class EditionFile(_Model):
    """`countries/<year>/edition.yaml`."""

    status: EditionStatus
    rubric: Id | None = None
    rubric_version: str | None = None
    rubric_sha256: str | None = None
    published: str | None = None
    revisions: tuple[Revision, ...] = ()
    # The edition `atdscore new-edition` started this one from (its answers carried, marked `review: carried`).
    carried_from: int | None = None

    @field_validator("rubric_sha256", mode="before")
    @classmethod
    def _sha(cls, value: Any) -> Any:
        return None if value is None else _sha256(value)

    @field_validator("published", mode="before")
    @classmethod
    def _date(cls, value: Any) -> Any:
        return None if value is None else check_date(value)

    @field_validator("rubric_version", mode="before")
    @classmethod
    def _version(cls, value: Any) -> Any:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return repr(value)
        return value

    @model_validator(mode="after")
    def _pinned_when_published(self) -> EditionFile:
        fields = (self.rubric, self.rubric_version, self.rubric_sha256, self.published)
        if self.status is EditionStatus.PUBLISHED and any(f is None for f in fields):
            raise ValueError(
                "a published edition needs 'rubric', 'rubric_version', 'rubric_sha256' and 'published' "
                "(atdscore publish writes them)"
            )
        return self

    @property
    def pin(self) -> Pin | None:
        """The current pin of a published edition."""
        if self.status is not EditionStatus.PUBLISHED:
            return None
        assert self.rubric and self.rubric_version and self.rubric_sha256 and self.published
        return Pin(
            rubric=self.rubric,
            rubric_version=self.rubric_version,
            rubric_sha256=self.rubric_sha256,
            published=self.published,
        )


def _strip_texts(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_texts(v) for k, v in sorted(value.items()) if k not in TEXT_FIELDS}
    if isinstance(value, list):
        return [_strip_texts(v) for v in value]
    return value


def scoring_content(rubric: Rubric) -> dict[str, Any]:
    """What decides a score in this rubric: everything but its texts (and its version, which names it)."""
    data = rubric.model_dump(mode="json", exclude={"version"})
    if not rubric.min_coverage:
        # Absent and 0 rank every country, as rubrics did before `min_coverage`: their pins stay valid.
        data.pop("min_coverage", None)
    stripped = _strip_texts(data)
    assert isinstance(stripped, dict)
    return stripped


def scoring_sha256(rubric: Rubric) -> str:
    """The sha256 of a rubric's scoring content, as canonical JSON (sorted keys, numbers as exact text)."""
    text = json.dumps(scoring_content(rubric), sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def scoring_changes(old: Rubric, new: Rubric) -> list[str]:
    """Plain descriptions of what differs in the scoring content of two rubrics (empty when nothing does)."""
    a, b = scoring_content(old), scoring_content(new)
    changes = []
    for key in ("aggregation", "bands", "min_coverage"):
        if a.get(key) != b.get(key):
            changes.append(f"{key.replace('_', ' ')} changed")
    old_cats = {c["id"]: c for c in a["categories"]}
    new_cats = {c["id"]: c for c in b["categories"]}
    for cid in sorted(old_cats.keys() | new_cats.keys()):
        if cid not in new_cats:
            changes.append(f"category {cid} removed")
        elif cid not in old_cats:
            changes.append(f"category {cid} added")
        else:
            oc, nc = old_cats[cid], new_cats[cid]
            for key in ("weight", "kind", "floor", "cap"):
                if oc.get(key) != nc.get(key):
                    changes.append(f"{cid}: {key} {oc.get(key)} -> {nc.get(key)}")
            old_inds = {i["id"]: i for i in oc["indicators"]}
            new_inds = {i["id"]: i for i in nc["indicators"]}
            for iid in sorted(old_inds.keys() | new_inds.keys()):
                if iid not in new_inds:
                    changes.append(f"{cid}.{iid} removed")
                elif iid not in old_inds:
                    changes.append(f"{cid}.{iid} added")
                elif old_inds[iid] != new_inds[iid]:
                    changes.append(f"{cid}.{iid} (its options, items, bands or points)")
    return changes
