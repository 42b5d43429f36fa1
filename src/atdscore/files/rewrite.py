"""YAML files the tool writes or rewrites, through ruamel.yaml's round trip.

Comments, key order and formatting that people wrote survive a rewrite; reading for scoring stays on
the fast libyaml loader.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from atdscore.files.output import write_atomic


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def load_round_trip(path: Path) -> CommentedMap | None:
    """A YAML file as a round-trip map (comments kept), or None when it does not exist."""
    if not path.is_file():
        return None
    data = _yaml().load(path.read_text(encoding="utf-8"))
    return data if isinstance(data, CommentedMap) else CommentedMap()


def dump_round_trip(data: Any) -> str:
    """Round-trip data as YAML text."""
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


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
