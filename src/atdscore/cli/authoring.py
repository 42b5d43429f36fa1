"""`atdscore new` and `atdscore new-edition`: start a country file, carry an edition forward."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from atdscore.cli.base import EXIT_INVALID, app, make_console, print_problems, project_layout, usage_error

if TYPE_CHECKING:
    from atdscore.core.carry import CarriedFile
    from atdscore.files.discover import Layout
    from atdscore.validation.model import Rubric
    from atdscore.validation.project import EditionInfo

ProjectOpt = Annotated[Path, typer.Option("--project", "-C", help="Project folder holding rubrics/ and countries/.")]

NEW_EPILOG = """Examples:

\b
  atdscore new KEN                 # countries/<latest edition>/KEN.yaml
  atdscore new KEN --year 2025
  atdscore new KEN -C ../data

Writes countries/<year>/<ISO3>.yaml with every indicator of the edition's rubric as `status: unknown`;
above each, a comment gives the question, the valid answers (ids, labels, points) and one line of
guidance. The first line points editors at schemas/<rubric>.country.schema.json (atdscore schema
country --rubric FILE) for completion as you type. Never overwrites a file. Exit status: 0 written,
1 the rubric has errors, 2 a usage error (unknown country code, no such edition, the file exists)."""

EDITION_EPILOG = """Examples:

\b
  atdscore new-edition 2025 --from 2023
  atdscore new-edition 2025        # from the latest published edition

Creates countries/<year>/ as a draft (edition.yaml with status: draft) and carries every country
file of the older edition into it: the year changed, comments and formatting kept, evidence kept as
it was, `change`, `corrections` and `responses` dropped, and every answer marked `review: carried`.
`atdscore check` warns about each carried answer until someone confirms it and deletes the mark;
`atdscore publish` refuses an edition that still has one. Exit status: 0 created, 1 the older edition
has errors, 2 a usage error (no such edition, a draft, the year folder exists)."""


def _country_code(text: str) -> str:
    """An ISO3 code from the command line, in capitals, or a usage error with the code meant."""
    from atdscore.text.names import country_names, suggest_code

    names = country_names()
    if text.upper() in names and len(text) == 3:
        return text.upper()
    code = suggest_code(text)
    usage_error(
        f"'{text}' is not an ISO 3166-1 alpha-3 country code",
        f"did you mean '{code}' ({names[code]})?" if code else "use the three-letter code, e.g. KEN for Kenya",
    )


def _check_year(year: int) -> None:
    if not 1000 <= year <= 9999:
        usage_error(f"{year} is not a year", "an edition is a four-digit year, e.g. 2025")


def _editions_hint(editions: dict[int, EditionInfo]) -> str:
    return "editions: " + ", ".join(f"{y} (draft)" if e.is_draft else str(y) for y, e in editions.items())


def _edition_rubric(layout: Layout, info: EditionInfo | None) -> tuple[Rubric, str]:
    """The rubric a new file of this edition answers, and the stem of its file; exit when there is none."""
    from atdscore.files.discover import list_rubrics, rubric_path
    from atdscore.validation.project import RubricSet, edition_rubric

    if info is not None:
        named = edition_rubric(info)
        if named is None:
            usage_error(f"no country file of the {info.year} edition names a rubric", "run atdscore check")
        rubric_id, version = named
    else:
        current = [stem for stem in list_rubrics(layout.rubrics) if "@" not in stem]
        if len(current) != 1:
            found = ", ".join(current) or "none"
            usage_error(f"a first edition needs exactly one rubric in '{layout.rubrics}' (found: {found})")
        rubric_id, version = current[0], None
    rubrics = RubricSet(layout.rubrics)
    rubric, _ = rubrics.get(rubric_id, version)
    if rubric is None:
        err = make_console(stderr=True)
        print_problems([p for p in rubrics.problems if p.is_error], err)
        if not rubrics.problems:
            usage_error(f"rubric '{rubric_id}' {version or ''} not found in '{layout.rubrics}'".replace("  ", " "))
        err.print(f"[red]error:[/] rubric '{rubric_id}' has errors; nothing was written")
        raise typer.Exit(EXIT_INVALID)
    kept = rubric_path(layout.rubrics, rubric_id, version) if version is not None else None
    return rubric, kept.stem if kept is not None else rubric_id


@app.command(epilog=NEW_EPILOG)
def new(
    country: Annotated[
        str, typer.Argument(help="ISO 3166-1 alpha-3 code of the country, e.g. KEN.", show_default=False)
    ],
    year: Annotated[
        int | None,
        typer.Option(
            "--year", "-y", help="Edition year. Default: the latest edition, draft or published.", show_default=False
        ),
    ] = None,
    project: ProjectOpt = Path("."),
) -> None:
    """Start a country file: every indicator of the rubric as unknown, with its question and answers in comments."""
    import os

    from atdscore.cli.base import escape, project_names
    from atdscore.core.scaffold import scaffold_country
    from atdscore.files.discover import display_path
    from atdscore.files.output import write_new
    from atdscore.validation.project import discover_editions, latest_published
    from atdscore.validation.schema import schema_file_name

    code = _country_code(country)
    layout = project_layout(project)
    editions = discover_editions(layout.countries)
    if year is None:
        if not editions:
            usage_error(f"no editions in '{layout.countries}' yet", "give the first edition's year with --year")
        year = max(editions)
    _check_year(year)
    if year not in editions and editions:
        source = latest_published(editions)
        start = f"; start it with: atdscore new-edition {year} --from {source}" if source and year > source else ""
        usage_error(f"no {year} edition", _editions_hint(editions) + start)
    folder = layout.countries / str(year)
    for suffix in (".yaml", ".yml"):
        existing = folder / f"{code}{suffix}"
        if existing.exists():
            usage_error(f"{display_path(existing)} already exists", "edit it: atdscore new never overwrites a file")
    info = editions.get(year)
    rubric, stem = _edition_rubric(layout, info)
    path = folder / f"{code}.yaml"
    schema = layout.root / "schemas" / schema_file_name(stem)
    relative = Path(os.path.relpath(schema.absolute(), folder.absolute())).as_posix()
    name = project_names(layout).names("en").get(code, code)
    new_file = scaffold_country(rubric, code, name, year, schema=relative, rubric_label=f"{rubric.id} {rubric.version}")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        written = write_new(path, new_file.text)
    except OSError as bad:
        usage_error(f"cannot write {display_path(path)}: {bad.strerror or bad}")
    if not written:
        usage_error(f"{display_path(path)} already exists", "edit it: atdscore new never overwrites a file")
    err = make_console(stderr=True)
    err.print(
        f"wrote {escape(display_path(path))}: {escape(name)}, {new_file.indicators} indicators of "
        f"{escape(rubric.id)} {escape(rubric.version)}, each `status: unknown` under a comment with its question and answers"
    )
    if not schema.is_file():
        err.print(
            f"[yellow]note:[/] for completion in your editor, write the schema its first line points at: "
            f"atdscore schema country --rubric {escape(display_path(layout.rubrics / (stem + '.yaml')))} "
            f"-o {escape(display_path(schema))}"
        )
    if info is not None and not info.is_draft:
        err.print(
            f"[yellow]note:[/] {year} is a published edition: a new country changes its ranking; "
            f"publish it again with --reason once {code} is researched"
        )
    err.print(f"next: answer what sources settle, then run: atdscore check --year {year}")


@app.command("new-edition", epilog=EDITION_EPILOG)
def new_edition(
    year: Annotated[int, typer.Argument(help="The new edition's year.", show_default=False)],
    from_: Annotated[
        int | None,
        typer.Option("--from", help="The edition to carry forward. Default: the latest published.", show_default=False),
    ] = None,
    project: ProjectOpt = Path("."),
) -> None:
    """Start a draft edition from an older one: every country file carried over, every answer marked for review."""
    _check_year(year)
    _carry_edition(project_layout(project), year, from_)


def _carry_edition(layout: Layout, year: int, source: int | None) -> None:
    from atdscore.cli.base import escape
    from atdscore.files.discover import display_path
    from atdscore.files.output import write_new_folder
    from atdscore.text.formats import count
    from atdscore.validation.project import discover_editions, latest_published

    editions = discover_editions(layout.countries)
    if not editions:
        usage_error(
            f"no editions in '{layout.countries}' to carry forward", "start one with: atdscore new ISO3 --year YEAR"
        )
    if source is None:
        source = latest_published(editions)
        if source is None:
            usage_error("no published edition to carry forward", "publish one first: atdscore publish YEAR")
    if source not in editions:
        usage_error(f"no {source} edition to carry forward", _editions_hint(editions))
    info = editions[source]
    if info.is_draft:
        published = [str(y) for y, e in editions.items() if not e.is_draft]
        usage_error(
            f"{source} is a draft: carry forward a published edition, whose answers passed check --strict",
            f"publish {source} first (atdscore publish {source})"
            + (f", or carry from {', '.join(published)}" if published else ""),
        )
    if year <= source:
        usage_error(f"{year} is not after {source}", "new-edition carries an older edition forward: give a later year")
    target = layout.countries / str(year)
    if target.exists():
        inside = sorted(p.name for p in target.iterdir()) if target.is_dir() else []
        if not target.is_dir() or inside:
            shown = ", ".join(inside[:4]) + (f" and {len(inside) - 4} more" if len(inside) > 4 else "")
            usage_error(
                f"{display_path(target)} already exists" + (f" and holds {shown}" if shown else ""),
                f"add countries to it with: atdscore new ISO3 --year {year}; or remove it to start again",
            )
    texts, rubric = _carried_texts(layout, info, year)
    files = {name: carried.text for name, carried in texts.items()}
    files["edition.yaml"] = _edition_text(year, source)
    try:
        written = write_new_folder(target, files)
    except OSError as bad:
        usage_error(f"cannot write {display_path(target)}: {bad.strerror or bad}", "nothing was written")
    if not written:
        usage_error(f"{display_path(target)} already exists and is not empty")
    marked = sum(c.marked for c in texts.values())
    dropped: dict[str, int] = {}
    for carried in texts.values():
        for key in carried.dropped:
            name = key.rpartition(".")[2]
            dropped[name] = dropped.get(name, 0) + 1
    err = make_console(stderr=True)
    err.print(
        f"started the {year} edition (draft) in {escape(display_path(target))}: {count(len(texts), 'country file')} "
        f"carried from {source}, {count(marked, 'answer')} marked `review: carried`"
    )
    if dropped:
        err.print("dropped, as they explain the older edition: " + ", ".join(f"{n} `{k}`" for k, n in dropped.items()))
    pin = info.meta.pin if info.meta is not None else None
    if pin is not None and rubric != f"{pin.rubric} {pin.rubric_version}":
        err.print(
            f"[yellow]note:[/] {source} is published with {escape(pin.rubric)} {escape(pin.rubric_version)}; "
            f"{year} is a draft scored with {escape(rubric)}"
        )
    err.print(
        f"next: re-verify each answer and delete its mark (atdscore check --year {year} lists them); "
        f"atdscore diff {source} {year} shows them as not re-verified; atdscore publish {year} refuses while any is left"
    )


def _carried_texts(layout: Layout, info: EditionInfo, year: int) -> tuple[dict[str, CarriedFile], str]:
    """Every country file of edition `info` carried into `year`, and the rubric (`id version`) that will score them.

    The older edition is checked first as the new draft will be, against the current version of its
    rubric: a file with errors, or answers that the current rubric no longer accepts, stop everything.
    """
    from dataclasses import replace

    from ruamel.yaml.error import YAMLError

    from atdscore.cli.base import escape
    from atdscore.core.carry import carry_forward
    from atdscore.files.discover import display_path
    from atdscore.validation.edition import EditionStatus
    from atdscore.validation.project import RubricSet, load_edition

    rubrics = RubricSet(layout.rubrics)
    edition = load_edition(replace(info, meta=None, status=EditionStatus.DRAFT), rubrics)
    errors = [p for p in rubrics.problems + edition.problems if p.is_error]  # the edition's own included
    err = make_console(stderr=True)
    if errors or edition.rubric is None:
        print_problems(errors, err)
        pin = info.meta.pin if info.meta is not None else None
        current = edition.rubric or rubrics.get(pin.rubric)[0] if pin is not None else edition.rubric
        if pin is not None and current is not None and current.version != pin.rubric_version:
            why = (
                f"{info.year} is published with {pin.rubric} {pin.rubric_version}, and its answers do not all fit "
                f"the current {current.id} {current.version} that a new edition is scored with"
            )
        else:
            why = f"the {info.year} edition has errors (atdscore check --year {info.year})"
        err.print(f"[red]nothing was written:[/] {escape(why)}")
        raise typer.Exit(EXIT_INVALID)
    out = {}
    for path in info.files:
        try:
            # As bytes decoded, not read as text: Windows line endings are kept as they are.
            out[path.name] = carry_forward(path.read_bytes().decode("utf-8"), year)
        except YAMLError as bad:
            mark = getattr(bad, "problem_mark", None)
            where = display_path(path) + (f":{mark.line + 1}:{mark.column + 1}" if mark is not None else "")
            problem = getattr(bad, "problem", None) or str(bad)
            err.print(f"{escape(where)}: error: ruamel.yaml cannot rewrite this file: {escape(problem)}")
            err.print("[red]nothing was written[/]")
            raise typer.Exit(EXIT_INVALID) from None
    return out, f"{edition.rubric.id} {edition.rubric.version}"


def _edition_text(year: int, source: int) -> str:
    from atdscore.files.rewrite import dump_round_trip, new_map
    from atdscore.validation.edition import EditionStatus

    comment = (
        f"Edition {year}: a draft started by `atdscore new-edition {year} --from {source}`.\n"
        f"Its answers are carried from {source}, each marked `review: carried` until someone re-verifies it;\n"
        f"`atdscore publish {year}` pins the rubric once none is left (see the README, 'Editions and publishing')."
    )
    return dump_round_trip(new_map([("status", EditionStatus.DRAFT.value), ("carried_from", source)], comment))
