"""Files to plain data with locations: YAML reading, discovery of rubrics and editions, git commit.

YAML is parsed by libyaml (PyYAML's C binding) into nodes, which carry their positions; one walk over
the nodes builds plain Python values and a map from each value's path to its line and column. So a
valid file costs about as much as a plain C-backed load, and an invalid one can still be reported at
its exact place. The walk is also where unsafe YAML is refused: tags that would build Python objects,
aliases (which is how "billion laughs" bombs grow) and duplicate keys.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from atdscore.files.discover import Display, display_path
from atdscore.files.yaml_core import Loader as _Loader
from atdscore.files.yaml_core import core_value as _core_value
from atdscore.problems import Code, Problem, Severity

Loc = tuple[str | int, ...]
Pos = tuple[int, int]

# A real country file is a few kilobytes; anything this large is a mistake or an attack.
MAX_COUNTRY_BYTES = 256 * 1024
MAX_RUBRIC_BYTES = 1024 * 1024

_TAG = "tag:yaml.org,2002:"
_STR = _TAG + "str"
_SCALAR_TAGS = {_TAG + t for t in ("int", "float", "bool", "null")}


@dataclass
class Document:
    """A YAML file as plain data; the position of every value and key is found when first asked for."""

    path: Path
    display: str
    data: Any
    source: str = ""
    sha256: str = ""
    _values: dict[Loc, Pos] | None = field(default=None, repr=False)
    _keys: dict[Loc, Pos] = field(default_factory=dict, repr=False)

    def _locate(self) -> dict[Loc, Pos]:
        if self._values is None:
            # Valid files never get here; a file with a problem is parsed again, with positions.
            root = _compose(self.source)
            assert root is not None, "a Document is only made from a file that has a YAML node"
            builder = _Builder()
            builder.build(root, ())
            self._values, self._keys = builder.values, builder.keys
        return self._values

    def position(self, loc: Loc, *, key: bool = False) -> Pos:
        """Position of the deepest part of `loc` present in the file; parts that are not there are skipped."""
        values = self._locate()
        found: Loc = ()
        node = self.data
        for part in loc:
            if isinstance(node, dict) and part in node:
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                node = node[part]
            else:
                continue
            found = (*found, part)
        if key and found in self._keys:
            return self._keys[found]
        return values.get(found, (1, 1))

    def problem(
        self,
        code: Code,
        loc: Loc,
        message: str,
        hint: str | None = None,
        *,
        severity: Severity = Severity.ERROR,
        key: bool = False,
    ) -> Problem:
        """A problem located at `loc` (at its key rather than its value when `key` is true)."""
        line, col = self.position(loc, key=key)
        return Problem(self.display, line, col, severity, code, message, hint)


class _Refused(Exception):
    """Raised inside the node walk for YAML we will not load; carries a ready-made problem."""

    def __init__(self, code: Code, pos: Pos, message: str, hint: str | None = None, *, alias: bool = False) -> None:
        super().__init__(message)
        self.code = code
        self.pos = pos
        self.alias = alias
        self.message = message
        self.hint = hint


_NO_TAGS = "remove the tag; atdscore files hold plain values only"


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


def _syntax_error(err: yaml.MarkedYAMLError, text: str) -> tuple[int | None, int | None, str, str | None]:
    """Line, column, message and hint for a YAML syntax error, naming tabs plainly."""
    mark = err.problem_mark or err.context_mark
    if mark is None:
        return None, None, f"YAML syntax error: {err.problem or err}", None
    lines = text.splitlines()
    line_text = lines[mark.line] if mark.line < len(lines) else ""
    if "\t" in line_text[: mark.column + 1]:
        return mark.line + 1, line_text.index("\t") + 1, "tab character in indentation", "indent with spaces, not tabs"
    message = f"YAML syntax error: {err.problem or 'invalid YAML'}"
    if err.context and err.context_mark is not None:
        message += f" ({err.context} that starts at line {err.context_mark.line + 1})"
    hint = None
    if "mapping values are not allowed" in message:
        hint = "put quotes around text that contains ': '"
    return mark.line + 1, mark.column + 1, message, hint


def _first_alias(text: str) -> Pos:
    """Position of the first alias (*name) in a file, found again only when one must be reported."""
    loader = _Loader(text)
    try:
        while loader.check_token():
            token = loader.get_token()
            if isinstance(token, yaml.AliasToken):
                return (token.start_mark.line + 1, token.start_mark.column + 1)
    finally:
        loader.dispose()
    return (1, 1)  # pragma: no cover - only called once an alias was met


def _plain_key(key: Any, node: ScalarNode) -> str | int:
    """Mapping keys are text or whole numbers; any other key (`yes:`, `1.5:`, `null:`) keeps its source text."""
    if isinstance(key, str) or (isinstance(key, int) and not isinstance(key, bool)):
        return key
    return str(node.value)


def _pos(node: Node) -> Pos:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    """Turns a node tree into plain values, refusing unsafe constructs; with `record`, also positions.

    Valid files are built once without positions (the fast path); a file with a problem is built
    again with them. One class serves both, so both paths accept and produce exactly the same data.
    """

    def __init__(self, record: bool = True) -> None:
        self.record = record
        self.values: dict[Loc, Pos] = {}
        self.keys: dict[Loc, Pos] = {}
        self.seen: set[int] = set()
        # With positions, every duplicate key is collected (the first value stays), so one run reports all.
        self.duplicates: list[_Refused] = []

    def build(self, node: Node, loc: Loc) -> Any:
        if self.record:
            self.values[loc] = _pos(node)
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        # libyaml shares one node between an anchor and its aliases: a node met twice is an alias.
        if id(node) in self.seen:
            raise _Refused(
                Code.ALIAS,
                self.keys.get(loc, _pos(node)),
                "YAML aliases (*name) are not allowed",
                "write the value out, or cite a shared source by its id from the 'sources:' map",
                alias=True,
            )
        self.seen.add(id(node))
        if isinstance(node, SequenceNode):
            self._check_tag(node, _TAG + "seq")
            if not self.record:
                return [self.build(item, loc) for item in node.value]
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            self._check_tag(node, _TAG + "map")
            return self._mapping(node, loc)
        raise AssertionError(f"unexpected YAML node {node!r}")  # pragma: no cover

    def _check_tag(self, node: Node, expected: str) -> None:
        if node.tag != expected:
            raise _Refused(Code.TAG, _pos(node), f"YAML tag '{_short_tag(node.tag)}' is not allowed", _NO_TAGS)

    def _scalar(self, node: ScalarNode) -> Any:
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag not in _SCALAR_TAGS:
            if tag == _TAG + "merge":
                raise _Refused(
                    Code.MERGE_KEY, _pos(node), "YAML merge keys ('<<') are not allowed", "write each key out"
                )
            raise _Refused(Code.TAG, _pos(node), f"YAML tag '{_short_tag(tag)}' is not allowed", _NO_TAGS)
        try:
            return _core_value(tag, node.value)
        except ValueError as err:  # an explicit tag on text it does not fit: '!!int thirty'
            raise _Refused(Code.BAD_SCALAR, _pos(node), f"cannot read {node.value!r}: {err}") from None

    def _mapping(self, node: MappingNode, loc: Loc) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode:
                raise _Refused(
                    Code.COMPLEX_KEY, _pos(key_node), "a key must be a plain word or number, not a list or a map"
                )
            key = _plain_key(self._scalar(key_node), key_node)
            if key in out:
                first = self.keys.get((*loc, key), (0, 0))
                duplicate = _Refused(
                    Code.DUPLICATE_KEY,
                    _pos(key_node),
                    f"duplicate key '{key}'",
                    f"it is already set at line {first[0]}; keep one",
                )
                if not self.record:
                    raise duplicate
                self.duplicates.append(duplicate)
                continue
            if self.record:
                self.keys[(*loc, key)] = _pos(key_node)
                out[key] = self.build(value_node, (*loc, key))
            else:
                out[key] = self.build(value_node, loc)
        return out


def parse_yaml(data: bytes, display: str, path: Path | None = None) -> tuple[Document | None, list[Problem]]:
    """Bytes of a YAML file to a Document, or the problems that stop it from being read."""

    def fail(
        code: Code, line: int | None, col: int | None, message: str, hint: str | None = None
    ) -> tuple[None, list[Problem]]:
        return None, [Problem(display, line, col, Severity.ERROR, code, message, hint)]

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        col = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        return fail(
            Code.NOT_UTF8,
            line,
            col,
            f"file is not valid UTF-8 (byte 0x{data[err.start]:02x})",
            "save the file with UTF-8 encoding",
        )
    if not text.strip():
        return fail(Code.EMPTY, 1, 1, "file is empty")
    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as err:
        return fail(Code.SYNTAX, *_syntax_error(err, text))
    except yaml.YAMLError as err:
        return fail(Code.SYNTAX, None, None, f"YAML error: {err}")
    if root is None:
        return fail(Code.EMPTY, 1, 1, "file is empty")
    digest = hashlib.sha256(data).hexdigest()
    try:
        return Document(path or Path(display), display, _Builder(record=False).build(root, ()), text, digest), []
    except (_Refused, RecursionError):
        pass  # build again with positions, to say where
    builder = _Builder()
    try:
        value = builder.build(root, ())
    except _Refused as refused:
        pos = _first_alias(text) if refused.alias else refused.pos
        return fail(refused.code, pos[0], pos[1], refused.message, refused.hint)
    except RecursionError:
        return fail(Code.SYNTAX, 1, 1, "file is nested too deeply to be an atdscore file")
    if builder.duplicates:
        return None, [
            Problem(display, d.pos[0], d.pos[1], Severity.ERROR, d.code, d.message, d.hint) for d in builder.duplicates
        ]
    doc = Document(path or Path(display), display, value, text, digest)
    doc._values, doc._keys = builder.values, builder.keys
    return doc, []


def _compose(text: str) -> Node | None:
    loader = _Loader(text)
    try:
        node: Node | None = loader.get_single_node()
        return node
    finally:
        loader.dispose()


def read_yaml(
    path: Path, max_bytes: int, what: str = "file", display_as: Display = display_path
) -> tuple[Document | None, list[Problem]]:
    """Read and parse one YAML file, refusing files larger than `max_bytes`; `display_as` names it in problems."""
    display = display_as(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return None, [
                Problem(
                    display,
                    None,
                    None,
                    Severity.ERROR,
                    Code.TOO_LARGE,
                    f"file is {size:,} bytes; a {what} may be at most {max_bytes:,} bytes",
                    f"is this really a {what}?",
                )
            ]
        data = path.read_bytes()
    except OSError as err:
        return None, [
            Problem(display, None, None, Severity.ERROR, Code.UNREADABLE, f"cannot read file: {err.strerror or err}")
        ]
    return parse_yaml(data, display, path)
