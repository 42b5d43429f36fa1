"""YAML 1.2 core-schema resolution on libyaml's C parser: how plain scalars become numbers, booleans and null."""

from __future__ import annotations

import math
import re
from typing import Any

import yaml

try:
    from yaml.cyaml import CParser as _Parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - PyYAML wheels ship libyaml; this is a slow but correct fallback
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


class _CoreResolver(yaml.resolver.BaseResolver):
    """YAML 1.2 core schema: `016` is 16, `1:30`, `yes` and `no` are text, `0o16` is octal, no timestamps.

    PyYAML resolves plain scalars by YAML 1.1, where `016` is octal 14, `1:30` is 90 (base 60) and `no`
    is false: a wrong score with no error. libyaml still does the parsing; only this resolution, which
    PyYAML runs in Python anyway, follows 1.2.
    """


for _tag, _pattern, _first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+.0123456789",
    ),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
):
    _CoreResolver.add_implicit_resolver("tag:yaml.org,2002:" + _tag, re.compile(_pattern), list(_first))


class Loader(_Parser, _CoreResolver):
    """libyaml's parser with the YAML 1.2 core-schema resolver; values are built by `_Builder`, not here."""

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        _CoreResolver.__init__(self)


def core_value(tag: str, text: str) -> Any:
    """A plain scalar's value under the YAML 1.2 core schema (its tag already resolved)."""
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return text.lower() == "true"
    if tag == "tag:yaml.org,2002:int":
        if text.startswith("0o"):
            return int(text[2:], 8)
        if text.startswith("0x"):
            return int(text[2:], 16)
        return int(text, 10)
    lowered = text.lower()
    if lowered.endswith(".inf"):
        return -math.inf if lowered.startswith("-") else math.inf
    if lowered == ".nan":
        return math.nan
    return float(text)
