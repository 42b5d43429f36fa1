"""The one Markdown escaper, checked against markdown-it-py as an oracle on generated text.

Whatever the text, its escaped form must render as exactly that text (line breaks as spaces, the ends
trimmed, as Markdown trims a paragraph or a cell) and as nothing else: no rule, heading, list, quote,
code, emphasis, link, HTML or extra table cell, in each place where the tool prints data text.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from atdscore.render.markdown import md_escape, md_table

# CommonMark with GitHub's tables and strikethrough, as GitHub renders a step summary or a brief.
MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])

# Pieces of Markdown syntax, so that generated text hits them far more often than random characters would.
SYNTAX = [
    "---", "***", "___", "===", "- - -", "-", "--", "=", "+", "*", "_", "#", "##", "###### ", "####### ",
    ">", "1.", "1)", "12.", "2024. ", "|", "\\|", "`", "``", "~", "~~", "<", "<b>", "</b>", "<!--", "&", "&amp;",
    "&#42;", "&#x2A;", "&lt;", "&nbsp;", "[x](y)", "![a](b)", "[ref]: /url", "<http://example.org>", "\\", "\\*",
    "*bold*", "**strong**", "_em_", "snake_case", "__init__", ":", "!", "(", ")", "[", "]", " ", "  ", "    ",
    "\t", "\n", "\r\n", "\r", "\n\n", " \n ", "a", "word", "1", "1.5 days", "-3", "é", "中", "\u00a0", "\u2028",
]  # fmt: skip
CHARACTERS = st.characters(exclude_categories=["Cs"], exclude_characters="\x00")
TEXTS = st.lists(st.one_of(st.sampled_from(SYNTAX), st.text(CHARACTERS, max_size=4)), max_size=12).map("".join)


def expected(text: str) -> str:
    """What a reader must see: the text with each line break (and the spaces around it) as one space, trimmed."""
    return re.sub(r"[ \t]*[\r\n]+[ \t]*", " ", text).strip()


def plain(inline: Token) -> str:
    """The text of an inline token, asserting that it holds nothing but text."""
    children = inline.children or []
    assert [c.type for c in children if c.type != "text"] == [], [c.type for c in children]
    return "".join(c.content for c in children)


def blocks(source: str) -> list[Token]:
    return MARKDOWN.parse(source)


def check_paragraph(escaped: str, want: str) -> None:
    tokens = blocks(escaped + "\n")
    if not want:
        assert tokens == []
        return
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert plain(tokens[1]) == want


def check_second_line(escaped: str, want: str) -> None:
    # A line under a paragraph's first line: '---' or '===' there would underline it into a heading.
    tokens = blocks("Before\n" + escaped + "\n")
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    children = tokens[1].children or []
    if not want:
        assert [(c.type, c.content) for c in children] == [("text", "Before")]
        return
    assert [c.type for c in children[:2]] == ["text", "softbreak"] and children[0].content == "Before"
    rest = Token("inline", "", 0, children=children[2:])
    assert plain(rest) == want


def check_list_item_note(escaped: str, want: str) -> None:
    # As the default brief prints a note: a paragraph of its own inside a list item.
    tokens = blocks("- **Question?** Answer\n\n  " + escaped + "\n")
    types = [t.type for t in tokens]
    inner = ["paragraph_open", "inline", "paragraph_close"]
    assert types == [
        "bullet_list_open",
        "list_item_open",
        *inner,
        *(inner if want else []),
        "list_item_close",
        "bullet_list_close",
    ]
    if want:
        assert plain(tokens[6]) == want


def check_table_cell(escaped: str, want: str) -> None:
    tokens = blocks("| Header | Next |\n| --- | --- |\n| " + escaped + " | x |\n")
    cells = [i for i, t in enumerate(tokens) if t.type == "td_open"]
    assert len(cells) == 2, "the text must stay in one cell"
    assert plain(tokens[cells[0] + 1]) == want
    assert plain(tokens[cells[1] + 1]) == "x"


CONTEXTS = [check_paragraph, check_second_line, check_list_item_note, check_table_cell]


@settings(max_examples=400, deadline=None)
@given(TEXTS)
@example("---")
@example("  ---  ")
@example("***")
@example("===")
@example("- - -")
@example("-- -")
@example("    indented like code")
@example("# heading\n## another")
@example("> quote")
@example("1. list")
@example("+ list")
@example("a | b | c")
@example("`code` ``more``")
@example("<script>alert(1)</script> &amp; &#42;")
@example("_lone_ and snake_case and __init__")
@example("[x](y) ![a](b) <http://example.org>")
@example("ends with a backslash \\")
@example("two\n\nparagraphs\r\nand\rbreaks")
@example("~~struck~~ HEAD~2")
@example("")
@example(" \n ")
def test_escaped_text_renders_as_exactly_the_text(text: str) -> None:
    escaped = md_escape(text)
    assert "\n" not in escaped and "\r" not in escaped
    for check in CONTEXTS:
        check(escaped, expected(text))


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a | b", "a \\| b"),
        ("<b>hi</b>", "&lt;b>hi&lt;/b>"),
        ("AT&T &amp; co", "AT&T &amp;amp; co"),
        ("snake_case stays, _lone_ does not", "snake_case stays, \\_lone\\_ does not"),
        ("# not a heading", "\\# not a heading"),
        ("1. not a list", "1\\. not a list"),
        ("- not a list", "\\- not a list"),
        ("> not a quote", "\\> not a quote"),
        ("1.5 days, -3 points, #1", "1.5 days, -3 points, #1"),
        ("two\nlines", "two lines"),
        ("back\\slash `code` ~strike~", "back\\\\slash \\`code\\` \\~strike\\~"),
        ("---", "\\---"),  # a rule (a heading's underline under another line)
        ("-- -", "\\-- -"),
        ("===", "\\==="),
        ("--help and -3", "--help and -3"),  # not a rule, not a list: unchanged
        ("  four spaces would be code  ", "four spaces would be code"),
        ("HEAD~2:2023", "HEAD\\~2:2023"),
    ],
)
def test_md_escape(text: str, escaped: str) -> None:
    assert md_escape(text) == escaped


def test_pieces_of_a_line_keep_their_spaces() -> None:
    # A separator such as ' / ' in a template's join is inside a line: its spaces are text.
    assert md_escape(" / ", strip=False) == " / "
    assert md_escape(" * ", strip=False) == " \\* "


def test_md_table_escapes_every_cell_and_header() -> None:
    lines = md_table(["Name", "a|b"], [["x | y", "---"], ["*", "<i>"]], left=("Name",))
    assert lines == [
        "| Name | a\\|b |",
        "|:---|---:|",
        "| x \\| y | \\--- |",
        "| \\* | &lt;i> |",
    ]
    tokens = blocks("\n".join(lines) + "\n")
    cells = [plain(tokens[i + 1]) for i, t in enumerate(tokens) if t.type in ("th_open", "td_open")]
    assert cells == ["Name", "a|b", "x | y", "---", "*", "<i>"]
