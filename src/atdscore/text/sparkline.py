"""A sparkline: a series of numbers as one line of block characters, for terminals and briefs."""

from __future__ import annotations

import math
from collections.abc import Sequence

BLOCKS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float | None]) -> str:
    """One block character per value, ▁ for the lowest and █ for the highest; a space for None.

    When all values are equal each is shown as ▄ (no trend to show).
    """
    known = [v for v in values if v is not None and math.isfinite(v)]
    low, high = (min(known), max(known)) if known else (0.0, 0.0)
    out = []
    for v in values:
        if v is None or not math.isfinite(v):
            out.append(" ")
        elif high == low:
            out.append(BLOCKS[3])
        else:
            # Half up, so the midpoint of the range lands on the upper middle block.
            out.append(BLOCKS[int((v - low) / (high - low) * (len(BLOCKS) - 1) + 0.5)])
    return "".join(out)
