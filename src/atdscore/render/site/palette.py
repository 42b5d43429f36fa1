"""The site's colours, and the WCAG contrast ratio that a test checks every pairing with.

Bands are coloured from viridis (van der Walt and Smith, matplotlib), a sequential scheme designed to
stay ordered and distinct with the common colour-vision deficiencies and in greyscale (it varies in
lightness, not only in hue): yellow for very weak protection, dark violet for very strong. Countries
outside the edition and countries without a rank are grey with a pattern, so no reader has to rely on
hue to tell them from a band.
"""

from __future__ import annotations

from dataclasses import dataclass

# viridis at 1, 7/8, ..., 0 (CC0): weakest band first.
VIRIDIS = ("#fde725", "#addc30", "#5ec962", "#28ae80", "#21918c", "#2c728e", "#3b528b", "#472d7b", "#440154")

BACKGROUND = "#ffffff"
TEXT = "#1a1a1a"
MUTED = "#595959"  # secondary text: captions, notes on dates
LINK = "#0b55a3"
LINK_VISITED = "#5b2f91"
SURFACE = "#f3f4f6"  # table stripes, the header bar, code
RULE = "#6b6b6b"  # borders that separate things (3:1 against the background: WCAG non-text contrast)
DRAFT_BACKGROUND = "#fff1c2"
DRAFT_TEXT = "#4d3800"
FOCUS = "#b3006b"  # keyboard focus ring, distinct from links and every band
BORDER = "#4d4d4d"  # country outlines on the map
UNSCORED = "#f0f0f0"  # countries with no file in the edition, with lines of UNSCORED_LINES
UNSCORED_LINES = "#9e9e9e"
UNRANKED = "#d9d9d9"  # countries with a file but no rank, cross-hatched with UNRANKED_LINES
UNRANKED_LINES = "#6b6b6b"
BAR = "#2c728e"  # score bars on a SURFACE track

BLACK, WHITE = "#000000", "#ffffff"


def band_colours(count: int) -> list[str]:
    """`count` colours spread evenly over VIRIDIS, weakest band first (neighbours repeat beyond nine)."""
    if count <= 1:
        return [VIRIDIS[4]] * count
    last = len(VIRIDIS) - 1
    return [VIRIDIS[int(i * last / (count - 1) + 0.5)] for i in range(count)]


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a `#rrggbb` colour."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours, from 1 (none) to 21 (black on white)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_on(background: str) -> str:
    """Black or white, whichever reads better on `background`."""
    return BLACK if contrast(BLACK, background) >= contrast(WHITE, background) else WHITE


@dataclass(frozen=True)
class Pair:
    """A text colour used on a background colour, and what it is for."""

    role: str
    text: str
    background: str
    large: bool = False  # large or bold text needs 3:1 rather than 4.5:1


def text_pairs(bands: int = 5) -> list[Pair]:
    """Every text/background pairing the stylesheet uses, for the contrast test."""
    pairs = [
        Pair("body text", TEXT, BACKGROUND),
        Pair("secondary text", MUTED, BACKGROUND),
        Pair("link", LINK, BACKGROUND),
        Pair("visited link", LINK_VISITED, BACKGROUND),
        Pair("text on a stripe", TEXT, SURFACE),
        Pair("link on a stripe", LINK, SURFACE),
        Pair("visited link on a stripe", LINK_VISITED, SURFACE),
        Pair("secondary text on a stripe", MUTED, SURFACE),
        Pair("draft banner", DRAFT_TEXT, DRAFT_BACKGROUND),
    ]
    pairs += [Pair(f"band {n + 1} label", text_on(c), c) for n, c in enumerate(band_colours(bands))]
    return pairs


def graphic_pairs() -> list[Pair]:
    """Graphics that must stand out from what is next to them (WCAG 1.4.11: 3:1)."""
    return [
        Pair("country outline on the page", BORDER, BACKGROUND),
        Pair("separator rule", RULE, BACKGROUND),
        Pair("score bar on its track", BAR, SURFACE),
        Pair("focus ring", FOCUS, BACKGROUND),
        Pair("unranked hatching", UNRANKED_LINES, UNRANKED),
    ]
