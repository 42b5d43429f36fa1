"""The agreement file `atdscore agree --format json` writes, read back by `methodology --agreement`."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import Field, ValidationError

from atdscore.validation.model import _Model

# An agreement file is a few kilobytes per hundred indicators; anything far larger is not one.
MAX_AGREEMENT_BYTES = 10_000_000


class AgreementRow(_Model):
    """Alpha (None where undefined), the share of identical answers (None without units) and the units."""

    alpha: float | None = Field(le=1)
    agreement: float | None = Field(ge=0, le=1)
    units: int = Field(ge=0)


class IndicatorRow(AgreementRow):
    id: str = Field(min_length=1)


class PairRow(_Model):
    country: str
    indicator: str
    a: str
    b: str


class AgreementFile(_Model):
    """`{"atdscore", "year", "overall", "indicators", "disagreements", "coverage_disagreements"}`."""

    atdscore: str
    year: int
    overall: AgreementRow
    indicators: list[IndicatorRow]
    disagreements: list[PairRow]
    coverage_disagreements: list[PairRow]


def _where(loc: tuple[int | str, ...]) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc).lstrip(".") or "the file"


def read_agreement(path: Path) -> tuple[AgreementFile | None, list[str]]:
    """The agreement in `path`, or None and what is wrong with it (the file is known to exist)."""
    try:
        if path.stat().st_size > MAX_AGREEMENT_BYTES:
            return None, [f"larger than {MAX_AGREEMENT_BYTES:,} bytes: not an agreement file"]
        data = json.loads(path.read_bytes().decode("utf-8"))
    except OSError as err:
        return None, [f"cannot read it: {err.strerror or err}"]
    except UnicodeDecodeError:
        return None, ["not UTF-8 text"]
    except json.JSONDecodeError as err:
        return None, [f"line {err.lineno} column {err.colno}: not valid JSON: {err.msg}"]
    except RecursionError:
        return None, ["nested too deeply to be an agreement file"]
    try:
        return AgreementFile.model_validate(data), []
    except ValidationError as err:
        return None, [f"{_where(e['loc'])}: {e['msg']}" for e in err.errors()]
