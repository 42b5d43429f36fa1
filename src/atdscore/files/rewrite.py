"""YAML files the tool writes or rewrites, through ruamel.yaml's round trip.

Comments, key order and formatting that people wrote survive a rewrite; reading for scoring stays on
the fast libyaml loader.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from atdscore.files.output import write_atomic

# Lines of files people wrote are never re-wrapped: at this width a rewrite keeps every line as it was.
KEEP_LINES = 4096


def _yaml(width: int = 100) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = width
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def load_round_trip(path: Path) -> CommentedMap | None:
    """A YAML file as a round-trip map (comments kept), or None when it does not exist."""
    if not path.is_file():
        return None
    return parse_round_trip(path.read_text(encoding="utf-8"))


def parse_round_trip(text: str) -> CommentedMap:
    """YAML text as a round-trip map (an empty one when the document is not a map); ruamel's errors propagate."""
    data = _yaml().load(text)
    return data if isinstance(data, CommentedMap) else CommentedMap()


def dump_round_trip(data: Any, width: int = 100) -> str:
    """Round-trip data as YAML text; longer lines than `width` are wrapped where YAML allows it."""
    out = io.StringIO()
    _yaml(width).dump(data, out)
    return out.getvalue()


def plain_or_quoted(text: str) -> str:
    """`text` as a scalar every YAML reader reads back as this text: quoted when YAML 1.1 would not (`no`, `1.0`)."""
    try:
        plain = pyyaml.safe_load(text) if text and "\n" not in text else None
    except pyyaml.YAMLError:
        plain = None
    return text if plain == text and isinstance(plain, str) else DoubleQuotedScalarString(text)


def write_round_trip(path: Path, data: Any) -> bool:
    """Write round-trip data to `path` atomically; False when the file already holds exactly this."""
    return write_atomic(path, dump_round_trip(data))


def new_map(pairs: list[tuple[str, Any]], comment: str | None = None) -> CommentedMap:
    """A map in the given key order, with an optional comment above it."""
    data = CommentedMap(pairs)
    if comment:
        data.yaml_set_start_comment(comment)
    return data


def new_list(items: list[Any]) -> CommentedSeq:
    """A list for a round-trip document."""
    return CommentedSeq(items)
