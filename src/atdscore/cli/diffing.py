"""`atdscore diff`: what changed between two editions, two folders or two git revisions."""

from __future__ import annotations

import math
import re
import shutil
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from atdscore import __version__
from atdscore.cli.base import (
    EXIT_INVALID,
    FormatOpt,
    OutputOpt,
    YearOpt,
    app,
    escape,
    load_valid_edition,
    make_console,
    show,
    usage_error,
)
from atdscore.render.output import Format

if TYPE_CHECKING:
    from atdscore.core.diff import Comparison, Side
    from atdscore.files.discover import Layout
    from atdscore.validation.project import RubricSet

_YEAR = re.compile(r"^\d{4}$")

EPILOG = """Examples:

\b
  atdscore diff 2022 2023                     # two editions of this project
  atdscore diff --base origin/main            # what this branch changes
  atdscore diff 2022 2023 --format md >> "$GITHUB_STEP_SUMMARY"
  atdscore diff --base origin/main --fail-on-drop 5
  atdscore diff origin/main:countries/2023 countries/2023

A side is a year of this project, an edition folder (countries/<year>), or REV:path for a folder at a
git revision, read through git without touching the working tree. Exit status: 0 when the diff ran
(changes or not), 1 when a side has invalid data or a --fail-on threshold is crossed, 2 on a usage
error (unknown revision, missing folder)."""


def _edition_dir(folder: Path, what: str) -> tuple[Path, int]:
    """An edition folder, from an edition folder itself or from a project or countries folder (latest year)."""
    from atdscore.files.discover import find_editions, find_layout

    if _YEAR.match(folder.name) and folder.is_dir():
        return folder, int(folder.name)
    editions = find_editions(find_layout(folder).countries)
    if not editions:
        usage_error(f"no edition found in {what}", "give an edition folder such as countries/2023")
    year = max(editions)
    return find_layout(folder).countries / str(year), year


def _side(spec: str, layout: Layout, stack: ExitStack) -> tuple[Path, Layout, int, str]:
    """(edition folder, the layout it belongs to, year, label) for a side given as a year, a folder or REV:path.

    A side at a git revision is read from a temporary folder, whose layout is labelled `REV:` so that
    messages name its files as they are in git.
    """
    from atdscore.files.discover import Layout
    from atdscore.files.revision import snapshot

    if _YEAR.match(spec):
        folder = layout.countries / spec
        if not folder.is_dir():
            usage_error(f"no {spec} edition in '{layout.countries}'")
        return folder, layout, int(spec), spec
    local = Path(spec)
    if ":" in spec and not local.exists():
        rev, _, path = spec.partition(":")
        snap, error = snapshot(layout.root, rev, ["rubrics", path or "."])
        if snap is None:
            usage_error(error or f"cannot read '{spec}'")
        stack.callback(shutil.rmtree, snap.root, ignore_errors=True)
        target = snap.root / path
        if not target.is_dir():
            usage_error(f"'{path}' does not exist at revision '{rev}'")
        folder, year = _edition_dir(target, spec)
        return folder, Layout(snap.root, _rubrics_for(folder), folder.parent, label=f"{rev}:"), year, spec
    if not local.is_dir():
        usage_error(f"'{spec}' is not a year, a folder or REV:path")
    folder, year = _edition_dir(local, spec)
    return folder, Layout(folder.parent.parent, _rubrics_for(folder), folder.parent), year, spec


def _rubrics_for(edition: Path) -> Path:
    # countries/<year> sits next to rubrics/ in a project.
    return edition.parent.parent / "rubrics"


def _load_side(folder: Path, layout: Layout, year: int, label: str, rubrics: RubricSet | None = None) -> Side:
    """Load one side from an edition folder of `layout`; pass `rubrics` to share rubrics read once across editions."""
    from atdscore.core.diff import Side
    from atdscore.validation.project import RubricSet, discover_editions, edition_info

    rubric_set = RubricSet(layout.rubrics, display_as=layout.display) if rubrics is None else rubrics
    # In a project, an edition's status depends on its neighbours (see discover_editions).
    info = discover_editions(folder.parent, layout.display).get(year) if folder.name == str(year) else None
    edition = load_valid_edition(info or edition_info(folder, year, display_as=layout.display), rubric_set)
    return Side(f"{label} (draft)" if edition.draft else label, edition)


def _base_comparisons(layout: Layout, base: str, year: int | None, stack: ExitStack) -> list[Comparison]:
    """One comparison per edition that differs between `base` and the working tree."""
    from atdscore.core.diff import Side, compare
    from atdscore.core.editions import score_edition
    from atdscore.files.discover import Layout, find_editions
    from atdscore.files.revision import snapshot
    from atdscore.validation.project import RubricSet

    snap, error = snapshot(layout.root, base, ["rubrics", "countries"])
    if snap is None:
        usage_error(error or f"cannot read revision '{base}'")
    stack.callback(shutil.rmtree, snap.root, ignore_errors=True)
    old_layout = Layout(snap.root, snap.root / "rubrics", snap.root / "countries", label=f"{base}:")
    old_editions = find_editions(old_layout.countries)
    new_editions = find_editions(layout.countries)
    years = sorted(set(old_editions) | set(new_editions))
    if year is not None:
        if year not in years:
            usage_error(f"no {year} edition on either side")
        years = [year]
    old_rubrics = RubricSet(old_layout.rubrics, display_as=old_layout.display)
    new_rubrics = RubricSet(layout.rubrics, display_as=layout.display)
    comparisons = []
    for y in years:
        new = _load_side(layout.countries / str(y), layout, y, str(y), new_rubrics) if y in new_editions else None
        old_folder = old_layout.countries / str(y)
        old = _load_side(old_folder, old_layout, y, f"{base}:{y}", old_rubrics) if y in old_editions else None
        # An edition on one side only is compared with an empty edition under the same rubric.
        reference = new or old
        assert reference is not None  # y is an edition of one side at least
        empty = score_edition(y, reference.edition.rubric, reference.edition.rubric_sha256, [])
        old = old or Side(f"{base}:{y}", empty)
        new = new or Side(str(y), empty)
        comparison = compare(old, new)
        if comparison.countries or comparison.rubric.changed or comparison.unpublished or year is not None:
            comparisons.append(comparison)
    return comparisons


@app.command(epilog=EPILOG)
def diff(
    old: Annotated[
        str | None, typer.Argument(help="Old side: a year, an edition folder, or REV:path.", show_default=False)
    ] = None,
    new: Annotated[str | None, typer.Argument(help="New side, in the same forms.", show_default=False)] = None,
    base: Annotated[
        str | None,
        typer.Option(
            "--base",
            "-b",
            help="Compare the working tree with this git revision (every edition that differs).",
            show_default=False,
        ),
    ] = None,
    project: Annotated[
        Path, typer.Option("--project", "-C", help="Project folder holding rubrics/ and countries/.")
    ] = Path("."),
    year: YearOpt = None,
    format: FormatOpt = Format.table,
    output: OutputOpt = None,
    fail_on_drop: Annotated[
        float | None,
        typer.Option(
            "--fail-on-drop",
            help="Exit 1 when a country's score falls by more than this many percentage points, or a ranked country "
            "goes missing or unranked (whatever N is).",
            show_default=False,
            min=0,
        ),
    ] = None,
    fail_on_unexplained: Annotated[
        bool,
        typer.Option(
            "--fail-on-unexplained",
            help="Exit 1 when an answer changed with no recorded reason (change: or corrections:), or a ranked "
            "country goes missing or unranked.",
        ),
    ] = False,
) -> None:
    """Show what changed between two sides: totals, ranks, answers in words, evidence, the rubric.

    A score that moved while its evidence stayed the same is flagged as unexplained.
    """
    from fractions import Fraction

    from atdscore.cli.base import project_layout, project_names
    from atdscore.core.diff import compare, gate
    from atdscore.render.diff import render_diff

    layout = project_layout(project)
    with ExitStack() as stack:
        if base is not None and new is None:
            if old is not None and not _YEAR.match(old):
                usage_error(
                    "with --base, the only side to give is a year", "e.g. atdscore diff 2023 --base origin/main"
                )
            comparisons = _base_comparisons(layout, base, int(old) if old else year, stack)
        elif old is not None and new is not None and base is None:
            comparisons = [compare(_load_side(*_side(old, layout, stack)), _load_side(*_side(new, layout, stack)))]
        elif base is not None:
            usage_error(
                "give two sides or --base REV, not both",
                "e.g. atdscore diff 2022 2023, or atdscore diff --base origin/main",
            )
        else:
            usage_error(
                "give two sides, or --base REV", "e.g. atdscore diff 2022 2023, or atdscore diff --base origin/main"
            )
    names = project_names(layout).names("en")
    no_change = f"No changes between {base} and the working tree." if base else "No changes."
    show(render_diff(comparisons, names, format, __version__, no_change), output)
    threshold = None if fail_on_drop is None or not math.isfinite(fail_on_drop) else Fraction(str(fail_on_drop))
    if fail_on_drop is not None and threshold is None:
        threshold = Fraction(10**12)  # inf: no fall is too large, but a vanished country still fails
    failed = gate(comparisons, threshold, fail_on_unexplained)
    if failed:
        err = make_console(stderr=True)
        for reason in failed:
            err.print(f"[bold red]failed:[/] {escape(reason)}")
        raise typer.Exit(EXIT_INVALID)
