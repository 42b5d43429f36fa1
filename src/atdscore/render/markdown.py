"""Markdown syntax: the one escaper for text from data files, and GitHub-flavoured tables.

Every Markdown output (rank, history, diff and sensitivity tables, briefs and the methodology through
their templates) escapes text with `md_escape`, so a country name, an answer's words or a note reads
the same everywhere and never turns into markup. tests/test_markdown.py checks it against
markdown-it-py on generated text: the escaped text renders as exactly the text, with no other markup,
in a paragraph, on a paragraph's second line, in a list item and in a table cell.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Sequence

# Backslash-escaped everywhere: escapes, code spans, emphasis, links and images, table cells, strikethrough.
_SPECIAL = re.compile(r"[\\`*\[\]|~]")
_LONE_UNDERSCORE = re.compile(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")  # '_' inside a word is never emphasis
_LINE_BREAK = re.compile(r"[ \t]*[\r\n]+[ \t]*")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")  # '&' that would start an entity such as &amp; or &#42;
# What opens a block at the start of a line: a heading, a quote, a list item ('*' is escaped anyway).
_BLOCK_START = re.compile(r"^(#{1,6}(?=\s|$)|>|[-+](?=\s|$)|\d{1,9}(?=[.)](?:\s|$)))")
# A line that is all '-' (a thematic break, or under a paragraph's line a heading's underline) or all '='.
_UNDERLINE = re.compile(r"^(?:-[- \t]*|=+)$")


def md_escape(text: str, *, strip: bool = True) -> str:
    """Text shown literally in Markdown, on one line: no HTML, emphasis, links, headings, rules or lists.

    Line breaks (and the spaces around them) become one space: a line break would end a table row or a
    list item. Leading and trailing whitespace is dropped, as Markdown drops it from a paragraph or a
    cell (4 leading spaces would even start a code block); `strip=False` keeps it, for a piece of a
    line that is joined to other pieces (the parts of a template's `~` and `join`).
    """
    text = _LINE_BREAK.sub(" ", text)
    if strip:
        text = text.strip()
    text = _ENTITY.sub("&amp;", text).replace("<", "&lt;")
    text = _SPECIAL.sub(lambda m: "\\" + m.group(0), text)
    text = _LONE_UNDERSCORE.sub(r"\\_", text)
    if _UNDERLINE.match(text):
        return "\\" + text
    # At the start of a line, '#', '>', '-', '+' and '1.' would open a heading, a quote or a list.
    return _BLOCK_START.sub(lambda m: m.group(0) + "\\" if m.group(0)[0].isdigit() else "\\" + m.group(0), text)


def md_table(headers: Sequence[str], rows: Iterable[Sequence[str]], left: Container[str] = ()) -> list[str]:
    """The lines of a GitHub-flavoured Markdown table of plain text, escaped here.

    Columns named in `left` are left-aligned, the others right-aligned.
    """
    lines = [
        "| " + " | ".join(md_escape(h) for h in headers) + " |",
        "|" + "|".join(":---" if h in left else "---:" for h in headers) + "|",
    ]
    return lines + ["| " + " | ".join(md_escape(c) for c in row) + " |" for row in rows]
