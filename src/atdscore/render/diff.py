"""Comparisons to text: a rich table for the terminal, GitHub Markdown for CI summaries, CSV and JSON."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any, assert_never

from atdscore.core.diff import Comparison, CountryChange, IndicatorChange, Reason, Status
from atdscore.render.markdown import md_escape, md_table
from atdscore.render.output import Format, Rendered, to_json
from atdscore.render.results import rubric_data
from atdscore.text import formats
from atdscore.text.numbers import machine

if TYPE_CHECKING:
    from rich.console import RenderableType


def movement(change: CountryChange) -> str:
    """The rank movement as a reader scans it: ↑3, ↓1, =, new, removed."""
    if change.status is Status.NEW:
        return "new"
    if change.status is Status.REMOVED:
        return "removed"
    if change.old_rank is None and change.new_rank is None:
        return "="
    if change.new_rank is None:
        return "unranked"
    if change.old_rank is None:
        return "ranked"
    if change.old_rank == change.new_rank:
        return "="
    steps = change.old_rank - change.new_rank
    return f"↑{steps}" if steps > 0 else f"↓{-steps}"


def _rank(change: CountryChange) -> str:
    old = formats.DASH if change.old_rank is None else str(change.old_rank)
    new = formats.DASH if change.new_rank is None else str(change.new_rank)
    return f"{old} → {new} ({movement(change)})"


def _evidence(change: IndicatorChange) -> str:
    return "changed" if change.evidence_changed else "same"


def _explanation(change: IndicatorChange) -> str:
    """Why the answer changed, as recorded; research (unknown to answered) needs no record."""
    if change.explanation is not None:
        return f"{change.explanation.reason}: {change.explanation.note}"
    if change.unexplained:
        return "UNEXPLAINED: no recorded reason"
    if change.knowledge:
        return "knowledge: research, not a change in the country"
    return ""


def _points(change: IndicatorChange) -> str:
    both = change.old_points is not None and change.new_points is not None
    return formats.signed(change.delta, "en", 2) if both else formats.DASH


def _headline(comparison: Comparison) -> list[str]:
    """The sentences that come before any table: rubric change and unexplained changes."""
    lines = []
    if comparison.unpublished:
        lines.append(
            f"Edition {comparison.new_year} is published on {comparison.old_label} and a draft on {comparison.new_label}."
        )
    r = comparison.rubric
    if r.changed:
        lines.append(
            f"Rubric changed: {r.old.id} {r.old.version} ({r.old.sha256[:12]}) → {r.new.id} {r.new.version} ({r.new.sha256[:12]}). "
            "Scores are not comparable one to one; the adjusted change compares only the indicators both rubrics share."
        )
        if r.added:
            lines.append("Indicators added: " + ", ".join(r.added) + ".")
        if r.removed:
            lines.append("Indicators removed: " + ", ".join(r.removed) + ".")
        changed = [c for c in r.scoring if not c.endswith((" added", " removed"))]
        if changed:
            lines.append("Scoring changed: " + "; ".join(changed) + ".")
    if comparison.unexplained:
        n = comparison.unexplained
        lines.append(f"{formats.count(n, 'unexplained change')}: an answer changed with no recorded reason.")
    if comparison.carried:
        n = comparison.carried
        lines.append(
            f"{formats.count(n, 'answer')} carried over and not re-verified (review: carried): "
            "the same as before only because nobody has checked them yet."
        )
    return lines


def _title(comparison: Comparison) -> str:
    return f"Scores: {comparison.old_label} → {comparison.new_label}"


def _summary_headers(comparison: Comparison) -> list[str]:
    # The adjusted change only differs from the raw one when the rubric changed.
    return [h for h in _SUMMARY_HEADERS if h != "Adjusted" or comparison.rubric.changed]


def _summary_row(change: CountryChange, names: dict[str, str], adjusted: bool) -> list[str]:
    old = change.old.percent if change.old else None
    new = change.new.percent if change.new else None
    detail = formats.count(len(change.indicators), "indicator")
    if change.unexplained:
        detail += f", {len(change.unexplained)} unexplained"
    if change.carried:
        detail += f", {len(change.carried)} not re-verified"
    return [
        f"{names.get(change.country, change.country)} ({change.country})",
        formats.fixed(old, "en"),
        formats.fixed(new, "en"),
        formats.signed(change.delta_percent, "en", trim=False),
        *([formats.signed(change.adjusted_delta_percent, "en", trim=False)] if adjusted else []),
        *(
            formats.signed(part, "en", trim=False)
            for part in (change.delta_rubric, change.delta_knowledge, change.delta_answers)
        ),
        _rank(change),
        detail if change.status is Status.CHANGED else "",
    ]


_LEFT = ("Country", "Rank", "Indicators")
# Change = Rubric + Knowledge + Answers, in percentage points (see core/diff.py, `split`).
_SUMMARY_HEADERS = [
    "Country",
    "Old %",
    "New %",
    "Change",
    "Adjusted",
    "Rubric",
    "Knowledge",
    "Answers",
    "Rank",
    "Indicators",
]
_INDICATOR_HEADERS = ["Indicator", "Why", "Old answer", "New answer", "Points", "Evidence", "Reason recorded"]


def _why(change: IndicatorChange) -> str:
    return "not re-verified" if change.reason is Reason.CARRIED else change.reason.value


def _indicator_row(change: IndicatorChange) -> list[str]:
    return [
        change.id, _why(change), change.old_answer, change.new_answer, _points(change), _evidence(change),
        _explanation(change),
    ]  # fmt: skip


# A country's changed indicators in three lists: what the country changed, what our research learnt, the rest.
_GROUPS = (
    ("Answer changes", (Reason.ANSWER,)),
    ("Knowledge changes (unknown or missing on one side: research, not policy)", (Reason.KNOWLEDGE,)),
    ("Other changes (rubric, evidence, indicators added or removed, not re-verified)", None),
)


def _groups(change: CountryChange) -> list[tuple[str, list[IndicatorChange]]]:
    """The non-empty groups of a country's changed indicators, in `_GROUPS` order, rubric order within each."""
    named = {r for _, reasons in _GROUPS if reasons for r in reasons}
    groups = [
        (caption, [i for i in change.indicators if (i.reason in reasons if reasons else i.reason not in named)])
        for caption, reasons in _GROUPS
    ]
    return [(caption, items) for caption, items in groups if items]


def _footer(comparison: Comparison) -> str:
    n = comparison.unchanged
    return (
        f"{formats.count(n, 'country', 'countries')} unchanged."
        if comparison.countries
        else f"No changes ({formats.count(n, 'country', 'countries')} compared)."
    )


def diff_markdown(comparisons: Sequence[Comparison], names: dict[str, str]) -> str:
    """GitHub-flavoured Markdown for a step summary or a pull-request comment."""
    out: list[str] = []
    for comparison in comparisons:
        out += [f"### {md_escape(_title(comparison))}", ""]
        out += [
            f"> **{md_escape(line)}**" if "UNEXPLAINED" in line.upper() else f"> {md_escape(line)}"
            for line in _headline(comparison)
        ]
        if _headline(comparison):
            out.append("")
        if comparison.countries:
            rows = [_summary_row(ch, names, comparison.rubric.changed) for ch in comparison.countries]
            out += [*md_table(_summary_headers(comparison), rows, _LEFT), ""]
        for change in comparison.countries:
            if not change.indicators:
                continue
            flag = " — unexplained changes" if change.unexplained else ""
            out += [
                f"<details><summary>{md_escape(names.get(change.country, change.country))} ({change.country}): {formats.count(len(change.indicators), 'indicator')}{flag}</summary>",
                "",
            ]
            left = [h for h in _INDICATOR_HEADERS if h != "Points"]
            for caption, items in _groups(change):
                out += [
                    f"**{caption}**",
                    "",
                    *md_table(_INDICATOR_HEADERS, [_indicator_row(i) for i in items], left),
                    "",
                ]
            out += ["</details>", ""]
        out += [_footer(comparison), ""]
    return "\n".join(out)


def diff_table(comparisons: Sequence[Comparison], names: dict[str, str]) -> RenderableType:
    """Rich tables for a terminal: a summary per comparison, then each country's changed indicators."""
    from rich import box
    from rich.console import Group
    from rich.text import Text

    from atdscore.render.terminal import DataTable

    parts: list[RenderableType] = []
    for comparison in comparisons:
        parts.append(Text(_title(comparison), style="bold"))
        for line in _headline(comparison):
            parts.append(Text(line, style="bold red" if "unexplained" in line else "yellow"))
        if comparison.countries:
            summary = DataTable(box=box.SIMPLE_HEAD, header_style="bold")
            for header in _summary_headers(comparison):
                left = header in _LEFT
                summary.add_column(header, justify="left" if left else "right", no_wrap=header != "Indicators")
            for change in comparison.countries:
                row = _summary_row(change, names, comparison.rubric.changed)
                summary.add_row(*row, style="red" if change.unexplained else None)
            parts.append(summary)
        for change in comparison.countries:
            for caption, items in _groups(change):
                table = DataTable(
                    title=f"{names.get(change.country, change.country)} ({change.country}): {caption}",
                    title_justify="left",
                    box=box.SIMPLE_HEAD,
                )
                for header in _INDICATOR_HEADERS:
                    table.add_column(header, justify="right" if header == "Points" else "left")
                for indicator in items:
                    table.add_row(*_indicator_row(indicator), style="bold red" if indicator.unexplained else None)
                parts.append(table)
        parts.append(Text(_footer(comparison)))
    return Group(*parts)


def _side_result(change: CountryChange, old: bool) -> dict[str, Any] | None:
    result, rank = (change.old, change.old_rank) if old else (change.new, change.new_rank)
    if result is None:
        return None
    return {"points": machine(result.points), "percent": machine(result.percent), "rank": rank}


def diff_data(comparisons: Sequence[Comparison], names: dict[str, str], tool_version: str) -> dict[str, Any]:
    """The documented JSON structure of a diff (see README, 'atdscore diff')."""
    return {
        "atdscore": tool_version,
        "comparisons": [
            {
                "old": {
                    "label": c.old_label,
                    "year": c.old_year,
                    "rubric": rubric_data(c.rubric.old),
                },
                "new": {
                    "label": c.new_label,
                    "year": c.new_year,
                    "rubric": rubric_data(c.rubric.new),
                },
                "rubric_changed": c.rubric.changed,
                "indicators_added": list(c.rubric.added),
                "indicators_removed": list(c.rubric.removed),
                "scoring_changes": list(c.rubric.scoring),
                "countries": [
                    {
                        "country": ch.country,
                        "name": names.get(ch.country, ch.country),
                        "status": ch.status.value,
                        "old": _side_result(ch, old=True),
                        "new": _side_result(ch, old=False),
                        "delta": None
                        if ch.delta_points is None
                        else {
                            "points": machine(ch.delta_points),
                            "percent": machine(ch.delta_percent),
                            "rank": None if ch.old_rank is None or ch.new_rank is None else ch.old_rank - ch.new_rank,
                        },
                        "adjusted_delta_percent": machine(ch.adjusted_delta_percent),
                        "delta_rubric": machine(ch.delta_rubric),
                        "delta_knowledge": machine(ch.delta_knowledge),
                        "delta_answers": machine(ch.delta_answers),
                        "indicators": [
                            {
                                "id": i.id,
                                "reason": i.reason.value,
                                "old_answer": i.old_answer,
                                "new_answer": i.new_answer,
                                "old_points": machine(i.old_points),
                                "new_points": machine(i.new_points),
                                "evidence_changed": i.evidence_changed,
                                "unexplained": i.unexplained,
                                "knowledge": i.knowledge,
                                "explanation": None
                                if i.explanation is None
                                else {"reason": i.explanation.reason, "note": i.explanation.note},
                            }
                            for i in ch.indicators
                        ],
                    }
                    for ch in c.countries
                ],
                "unchanged": c.unchanged,
                "unexplained": c.unexplained,
                "carried": c.carried,
            }
            for c in comparisons
        ],
    }


def render_diff_json(comparisons: Sequence[Comparison], names: dict[str, str], tool_version: str) -> str:
    """The diff as stable JSON text."""
    return to_json(diff_data(comparisons, names, tool_version))


CSV_HEADERS = [
    "old_side", "new_side", "country", "name", "status", "old_percent", "new_percent", "delta_percent",
    "delta_rubric", "delta_knowledge", "delta_answers", "indicator", "reason", "old_answer", "new_answer",
    "old_points", "new_points", "evidence_changed", "unexplained",
    "explanation_reason", "explanation_note",
]  # fmt: skip


def diff_csv(comparisons: Sequence[Comparison], names: dict[str, str]) -> str:
    """One row per changed indicator; a country that changed without one (new, removed, rank only) gets one row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADERS)
    for c in comparisons:
        for ch in c.countries:
            country = [
                c.old_label, c.new_label, ch.country, names.get(ch.country, ch.country), ch.status.value,
                _csv_num(ch.old.percent if ch.old else None), _csv_num(ch.new.percent if ch.new else None),
                _csv_num(ch.delta_percent), _csv_num(ch.delta_rubric), _csv_num(ch.delta_knowledge),
                _csv_num(ch.delta_answers),
            ]  # fmt: skip
            for i in ch.indicators or [None]:
                if i is None:
                    writer.writerow([*country, *[""] * 10])
                    continue
                writer.writerow(
                    [
                        *country, i.id, i.reason.value, i.old_answer, i.new_answer,
                        _csv_num(i.old_points), _csv_num(i.new_points),
                        str(i.evidence_changed).lower(), str(i.unexplained).lower(),
                        i.explanation.reason if i.explanation else "", i.explanation.note if i.explanation else "",
                    ]
                )  # fmt: skip
    return out.getvalue()


def _csv_num(value: Fraction | None) -> str:
    return "" if value is None else str(machine(value))


def render_diff(
    comparisons: Sequence[Comparison], names: dict[str, str], format: Format, tool_version: str, no_change: str
) -> Rendered:
    """A diff in one of the formats `diff` offers; `no_change` is what table and Markdown say when nothing changed."""
    match format:
        case Format.table:
            if not comparisons:
                from rich.text import Text

                return Text(no_change)
            return diff_table(comparisons, names)
        case Format.md:
            return diff_markdown(comparisons, names) if comparisons else no_change + "\n"
        case Format.csv:
            return diff_csv(comparisons, names)
        case Format.json:
            return render_diff_json(comparisons, names, tool_version)
        case _:
            assert_never(format)
