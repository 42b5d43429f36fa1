"""A project's own country names: `countries/names.yaml`, `{ISO3: {en: ..., es: ...}}`, validated with locations.

A project uses it to replace the shipped display names (`text/country_names.csv`) where its readers
expect another form. Each entry gives a name in one or more languages; the others keep the shipped name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, PlainValidator, RootModel, WithJsonSchema

from atdscore.files.load import MAX_COUNTRY_BYTES, read_yaml
from atdscore.problems import Code, Problem, did_you_mean
from atdscore.text.names import country_names
from atdscore.validation.reword import to_model

NAMES_FILE = "names.yaml"


def _check_name(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("expected a name as text")
    if not value.strip():
        raise ValueError("a name must not be empty")
    if value != value.strip() or "\n" in value:
        raise ValueError("a name is one line, without spaces around it")
    return value


Name = Annotated[str, PlainValidator(_check_name), WithJsonSchema({"type": "string", "minLength": 1})]


class CountryName(BaseModel):
    """A country's display name in each language the project replaces."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    en: Name | None = None
    es: Name | None = None


class NamesFile(RootModel[dict[Any, CountryName]]):
    """ISO3 code -> names (the codes are checked by `load_names`, with better words than a type error)."""


@dataclass(frozen=True)
class ProjectNames:
    """The project's overrides (ISO3 -> language -> name) and the problems found in its names file."""

    overrides: dict[str, dict[str, str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def names(self, lang: str) -> dict[str, str]:
        """ISO3 code -> display name in `lang`: the shipped table with the project's overrides."""
        return country_names(lang, self.overrides)


def load_names(countries: Path) -> ProjectNames:
    """The names in `countries/names.yaml`, if the project has one; any problem in it is an error."""
    path = countries / NAMES_FILE
    if not path.is_file():
        return ProjectNames()
    doc, problems = read_yaml(path, MAX_COUNTRY_BYTES, "names file")
    if doc is None:
        return ProjectNames(problems=problems)
    if doc.data is None:
        return ProjectNames(problems=problems)  # a file with only comments replaces nothing
    codes = country_names()
    if isinstance(doc.data, dict):
        for code, entry in doc.data.items():
            if str(code) not in codes:
                hint = (
                    f"did you mean '{str(code).upper()}'?"
                    if str(code).upper() in codes
                    else did_you_mean(str(code), codes) or "use the ISO 3166-1 alpha-3 code, e.g. 'MEX'"
                )
                message = f"'{code}' is not an ISO 3166-1 alpha-3 country code"
                problems.append(doc.problem(Code.NOT_A_COUNTRY, (code,), message, hint, key=True))
            elif entry == {}:
                hint = "give {en: ..., es: ...}, or remove the entry"
                problems.append(doc.problem(Code.EMPTY_VALUE, (code,), f"no name for {code}", hint, key=True))
    model, more = to_model(doc, NamesFile)
    problems += more
    if model is None or problems:
        return ProjectNames(problems=problems)
    return ProjectNames({str(code): entry.model_dump(exclude_none=True) for code, entry in model.root.items()})
