"""Carrying a country file into a new edition (`atdscore new-edition`), comments and formatting kept.

The year changes; every answer is marked `review: carried` (first in its map, where a reviewer sees it);
evidence stays as it was, so the stale-evidence warning still does its job; and what belongs to the
older edition only is dropped: an answer's `change` and `corrections`, and `responses`. Pure: text in,
text out, through ruamel.yaml's round trip.
"""

from __future__ import annotations

from dataclasses import dataclass

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.tokens import CommentToken

from atdscore.files.rewrite import KEEP_LINES, dump_round_trip, parse_round_trip
from atdscore.validation.country_file import Review

# Keys that explain one edition against the one before it: they do not carry over.
DROPPED_KEYS = ("change", "corrections", "responses")


@dataclass(frozen=True)
class CarriedFile:
    """A country file carried into a new edition: its text, the answers marked, the keys dropped."""

    text: str
    marked: int
    dropped: tuple[str, ...]


def carry_forward(text: str, year: int) -> CarriedFile:
    """The text of a country file carried into edition `year`. ruamel.yaml's errors propagate."""
    data = parse_round_trip(text.removeprefix("\ufeff").replace("\r\n", "\n"))
    data["year"] = year
    dropped = [key for key in DROPPED_KEYS if _drop(data, key)]
    marked = 0
    answers = data.get("answers")
    if isinstance(answers, CommentedMap):
        for key, answer in answers.items():
            if not isinstance(answer, CommentedMap):
                continue  # not an answer (the source edition is checked first, so this does not happen)
            if "review" in answer:
                answer["review"] = Review.CARRIED.value
            else:
                answer.insert(0, "review", Review.CARRIED.value)
            marked += 1
            dropped += [f"{key}.{name}" for name in DROPPED_KEYS if _drop(answer, name)]
    out = dump_round_trip(data, KEEP_LINES)
    # Line endings and a byte-order mark are the author's (or their editor's) too.
    if "\r\n" in text:
        out = out.replace("\n", "\r\n")
    if text.startswith("\ufeff"):
        out = "\ufeff" + out
    return CarriedFile(out, marked, tuple(dropped))


def _drop(parent: CommentedMap, key: str) -> bool:
    """Remove `key` from `parent`, keeping the comments written after its value for what follows it."""
    if key not in parent:
        return False
    keys = list(parent)
    position = keys.index(key)
    slot = parent.ca.items.pop(key, None)
    tail = slot[2] if slot is not None and slot[2] is not None else _take_tail(parent[key])
    del parent[key]
    if tail is None:
        return True
    # The tail's first line ends the dropped value's own line (its end-of-line comment goes with it);
    # full-line comments after it were written above whatever comes next.
    rest = tail.value.partition("\n")[2]
    if rest.strip():
        if position > 0:
            _append_tail(parent, keys[position - 1], tail, rest)
        elif position + 1 < len(keys):
            _prepend(parent, keys[position + 1], tail, rest)
    return True


def _take_tail(node: object) -> CommentToken | None:
    """Detach the comment that follows the last line of a block map or list, if there is one."""
    end = getattr(getattr(node, "ca", None), "end", None)
    if end:
        # Comments after a list or map ending in a flow collection: one token per line, indented by column.
        lines = "".join(" " * t.start_mark.column + t.value for t in end)
        token = CommentToken("\n" + lines, end[0].start_mark)
        end.clear()
        return token
    if isinstance(node, CommentedMap) and node:
        last = list(node)[-1]
        slot = node.ca.items.get(last)
        if slot is not None and slot[2] is not None:
            token, slot[2] = slot[2], None
            return token  # type: ignore[no-any-return]
        return _take_tail(node[last])
    if isinstance(node, CommentedSeq) and node:
        index = len(node) - 1
        slot = node.ca.items.get(index)
        if slot is not None and slot[0] is not None:
            token, slot[0] = slot[0], None
            return token  # type: ignore[no-any-return]
        return _take_tail(node[index])
    return None


def _block(node: object) -> bool:
    return isinstance(node, CommentedMap | CommentedSeq) and len(node) > 0 and not node.fa.flow_style()


def _append_tail(parent: CommentedMap | CommentedSeq, key: object, token: CommentToken, rest: str) -> None:
    """Put comment lines `rest` after the last line of `parent[key]`."""
    value = parent[key]
    if _block(value):
        last = list(value)[-1] if isinstance(value, CommentedMap) else len(value) - 1
        _append_tail(value, last, token, rest)
        return
    index = 2 if isinstance(parent, CommentedMap) else 0
    slot = parent.ca.items.setdefault(key, [None, None, None, None])
    if slot[index] is None:
        token.value = "\n" + rest
        slot[index] = token
    else:
        slot[index].value += rest


def _prepend(parent: CommentedMap, key: object, token: CommentToken, rest: str) -> None:
    """Put comment lines `rest` above `key` (when the dropped key was the first of its map)."""
    slot = parent.ca.items.setdefault(key, [None, None, None, None])
    token.value = rest
    slot[1] = [token, *(slot[1] or [])]
