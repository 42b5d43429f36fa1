"""`atdscore publish`: freeze an edition to the rubric version it is scored with."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Annotated

import typer

from atdscore.cli.base import EXIT_INVALID, app, make_console, print_problems, project_layout, usage_error

EPILOG = """Examples:

\b
  atdscore publish 2023
  atdscore publish 2018 --reason "rubric 2.0: indicators reworded so public sources can answer them"
  atdscore publish 2025 -C ../data

The edition must pass `atdscore check --strict` and have no answer still marked `review: carried`
(atdscore new-edition marks them). Publishing writes countries/<year>/edition.yaml (status,
rubric, rubric_version, rubric_sha256, published), keeping any comments in it. Re-publishing an edition
(for example after a rubric revision) needs --reason; the earlier pin moves to `revisions` with it.
Exit status: 0 published (or nothing to change), 1 the edition has errors, 2 a usage error."""


@app.command(epilog=EPILOG)
def publish(
    year: Annotated[int, typer.Argument(help="The edition to publish.", show_default=False)],
    reason: Annotated[
        str | None,
        typer.Option("--reason", help="Why an already published edition is published again (kept in revisions)."),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", help="Publication date, YYYY-MM-DD. Default: today.", show_default=False),
    ] = None,
    project: Annotated[
        Path, typer.Option("--project", "-C", help="Project folder holding rubrics/ and countries/.")
    ] = Path("."),
) -> None:
    """Publish an edition: pin it to the current version of its rubric, so its scores stay reproducible."""
    from dataclasses import replace

    from atdscore.files.discover import EDITION_FILE
    from atdscore.files.rewrite import load_round_trip, new_list, new_map, write_round_trip
    from atdscore.problems import Code, has_errors
    from atdscore.text.formats import count
    from atdscore.validation.edition import EditionStatus, Pin
    from atdscore.validation.model import check_date
    from atdscore.validation.project import RubricSet, discover_editions, load_edition
    from atdscore.validation.review import per_file

    try:
        published = check_date(date) if date else datetime.date.today().isoformat()
    except ValueError as bad:
        usage_error(f"--date {date}: {bad}")
    if len(published) != 10:
        usage_error(f"--date {date}: give the full date, YYYY-MM-DD")
    layout = project_layout(project)
    editions = discover_editions(layout.countries)
    if year not in editions:
        usage_error(f"no {year} edition", "editions: " + ", ".join(str(y) for y in editions) if editions else None)
    info = editions[year]
    old = info.meta.pin if info.meta is not None else None
    if old is None and reason:
        usage_error(f"{year} has not been published yet: --reason is for publishing an edition again")
    if old is not None and not reason:
        usage_error(
            f"{year} is already published ({old.rubric} {old.rubric_version}, {old.published})",
            "give --reason to publish it again; the earlier pin is kept in 'revisions' with the reason",
        )
    # Checked as it would be scored from now on: with the current version of its rubric.
    rubrics = RubricSet(layout.rubrics)
    edition = load_edition(replace(info, meta=None, status=EditionStatus.PUBLISHED), rubrics, strict=True)
    problems = rubrics.problems + edition.problems  # edition.problems start with those of edition.yaml
    err = make_console(stderr=True)
    if has_errors(problems) or edition.rubric is None or edition.rubric_sha256 is None:
        carried_from = info.meta.carried_from if info.meta is not None else None
        print_problems(per_file([p for p in problems if p.is_error], carried_from), err)
        carried = sum(1 for p in problems if p.code is Code.CARRIED_IN_PUBLISHED)
        if carried:
            err.print(
                f"[red]not published:[/] {count(carried, 'answer')} of the {year} edition "
                "still marked [bold]review: carried[/]; a published edition has none"
            )
        else:
            err.print(f"[red]not published:[/] the {year} edition must pass [bold]atdscore check --strict[/]")
        raise typer.Exit(EXIT_INVALID)
    pin = Pin(
        rubric=edition.rubric.id,
        rubric_version=edition.rubric.version,
        rubric_sha256=edition.rubric_sha256,
        published=published,
    )
    if old is not None and (old.rubric, old.rubric_version, old.rubric_sha256) == (
        pin.rubric,
        pin.rubric_version,
        pin.rubric_sha256,
    ):
        err.print(f"{year} is already published with {pin.rubric} {pin.rubric_version}: nothing to change")
        return
    path = info.folder / EDITION_FILE
    data = load_round_trip(path) or new_map(
        [], f"Edition {year}: written by `atdscore publish` (see the README, 'Editions and publishing')."
    )
    data["status"] = EditionStatus.PUBLISHED.value
    for key, value in _pin_fields(pin):
        data[key] = value
    if old is not None:
        revisions = data.get("revisions") or new_list([])
        revisions.append(new_map([*_pin_fields(old), ("reason", reason)]))
        data["revisions"] = revisions
    write_round_trip(path, data)
    again = " again" if old is not None else ""
    err.print(f"published {year}{again} with {pin.rubric} {pin.rubric_version} ({pin.rubric_sha256[:12]}) in {path}")


def _pin_fields(pin: object) -> list[tuple[str, object]]:
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    from atdscore.validation.edition import Pin

    assert isinstance(pin, Pin)
    # Quoted, so that a version such as 1.0 stays text when the file is read back.
    return [
        ("rubric", pin.rubric),
        ("rubric_version", DoubleQuotedScalarString(pin.rubric_version)),
        ("rubric_sha256", pin.rubric_sha256),
        # A full date is written as a YAML date (unquoted); the loader reads it back as the same text.
        ("published", datetime.date.fromisoformat(pin.published) if len(pin.published) == 10 else pin.published),
    ]
