"""The typer app, the options commands share, and the helpers they print and exit with.

Only typer is imported at start-up; each command imports what it needs, so `atdscore --help` stays
as fast as typer itself.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
import typer._coercion  # imported so their option errors can be reworded (see _plain_option_errors)
import typer._param_types

from atdscore import __version__
from atdscore.render.output import Format

if TYPE_CHECKING:
    from rich.console import Console

    from atdscore.core.editions import ScoredEdition
    from atdscore.files.discover import Layout
    from atdscore.problems import Problem
    from atdscore.render.output import Rendered
    from atdscore.validation.names import ProjectNames
    from atdscore.validation.project import EditionInfo, RubricSet

# Width of tables written to a pipe or a file, where no terminal says how wide to be.
PIPE_WIDTH = 200

# The exit code of each kind of outcome, defined here only (the README's table says the same):
# 0 success, warnings allowed; 1 invalid data, a template error or a failed --fail-on threshold;
# 2 a usage error: an unknown option, a missing folder or file, no such edition or country.
EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _plain_option_errors() -> None:
    """Say `'fr' is not one of 'en', 'es'`, not `Value error, 'fr' is ...`.

    typer 0.29 coerces options through pydantic and passes pydantic's wording on; the prefix means
    nothing to a user. Its two call sites take the message from one function, wrapped here; should a
    later typer move it, the wording falls back to typer's own (tests/test_cli.py pins it).
    """
    for module_name in ("typer._coercion", "typer._param_types"):
        module = sys.modules.get(module_name)
        original = getattr(module, "get_error_msg", None)
        if module is None or original is None or getattr(original, "_atdscore", False):
            continue

        def plain(exc: object, _original: Callable[[object], str] = original) -> str:
            return _original(exc).removeprefix("Value error, ")

        plain._atdscore = True  # type: ignore[attr-defined]
        module.get_error_msg = plain  # type: ignore[attr-defined]


app = typer.Typer(
    name="atdscore",
    help="Score, rank and explain how far states have ended the immigration detention of children.\n\n"
    "Run it in a data repository that has rubrics/ and countries/<year>/<ISO3>.yaml; see each command's --help for examples.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


_plain_option_errors()


class Lang(StrEnum):
    """Languages of documents and tables."""

    en = "en"
    es = "es"


LangOpt = Annotated[Lang, typer.Option("--lang", "-l", help="Language of the document.")]
ProjectArg = Annotated[
    Path,
    typer.Argument(help="Project folder holding rubrics/ and countries/ (or a countries/ folder).", show_default="."),
]
RubricOpt = Annotated[
    Path | None,
    typer.Option(
        "--rubric", "-r", help="Score with this rubric file instead of the one the country files name.", dir_okay=False
    ),
]
YearOpt = Annotated[
    int | None,
    typer.Option("--year", "-y", help="Edition year. Default: the latest edition.", show_default=False),
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file instead of standard output.", dir_okay=False),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"atdscore {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", "-V", help="Show the version and exit.", callback=_version, is_eager=True)
    ] = False,
) -> None:
    """Score, rank and explain how far states have ended the immigration detention of children."""


def make_console(stderr: bool = False) -> Console:
    """A console for stdout or stderr: colour only on a terminal (rich's own rule, NO_COLOR respected)."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    # Piped into a file, a table keeps every column rather than being squeezed to 80 characters.
    width = None if stream.isatty() or os.environ.get("COLUMNS") else PIPE_WIDTH
    return Console(stderr=stderr, highlight=False, soft_wrap=True, width=width)


def usage_error(message: str, hint: str | None = None) -> NoReturn:
    console = make_console(stderr=True)
    console.print(f"[bold red]error:[/] {escape(message)}")
    if hint:
        console.print(f"  {escape(hint)}")
    raise typer.Exit(EXIT_USAGE)


def escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def print_problems(problems: list[Problem], console: Console) -> None:
    from atdscore.render.problems import problem_lines

    if problems:
        console.print(problem_lines(problems))


def provenance(layout: Layout) -> tuple[str | None, bool | None]:
    """The data's commit and whether it is dirty (None, None outside git), or exit 2 when git hangs."""
    from atdscore.files.revision import GitFailed, data_dirty, git_commit

    try:
        return git_commit(layout.countries), data_dirty(layout.root, ["rubrics", "countries"])
    except GitFailed as err:
        usage_error(str(err), "the data's commit cannot be stamped; is the repository on a slow or stuck file system?")


def project_layout(project: Path) -> Layout:
    from atdscore.files.discover import find_layout

    if not project.is_dir():
        usage_error(f"'{project}' is not a folder", "give the folder that holds rubrics/ and countries/")
    layout = find_layout(project)
    if not layout.countries.is_dir():
        usage_error(
            f"no countries/ folder in '{project}'",
            "run atdscore in a data repository, or give its folder as an argument",
        )
    return layout


def project_names(layout: Layout) -> ProjectNames:
    """The project's country names (the shipped ones with `countries/names.yaml`), or exit 1 on its errors."""
    from atdscore.validation.names import load_names

    names = load_names(layout.countries)
    if names.problems:
        err = make_console(stderr=True)
        print_problems(names.problems, err)
        err.print("[red]The names file has errors.[/] Run [bold]atdscore check[/] for the full report.")
        raise typer.Exit(EXIT_INVALID)
    return names


def rubric_set(layout: Layout, rubric: Path | None) -> RubricSet:
    from atdscore.validation.project import RubricSet

    if rubric is not None and not rubric.exists():
        usage_error(f"rubric file '{rubric}' does not exist")
    if rubric is not None and not rubric.is_file():
        usage_error(f"'{rubric}' is not a regular file", "give the path of a rubric's YAML file")
    return RubricSet(layout.rubrics, rubric)


def load_year(project: Path, rubric: Path | None, year: int | None) -> tuple[Layout, ScoredEdition, RubricSet]:
    """Load and score one edition of a project or exit: 2 when it does not exist, 1 when its data is invalid.

    Without `year`, the latest published edition; a draft is loaded only when named.
    """
    from atdscore.validation.project import discover_editions, latest_published

    layout = project_layout(project)
    editions = discover_editions(layout.countries)
    if not editions:
        usage_error(f"no editions in '{layout.countries}'", "country files go in countries/<year>/<ISO3>.yaml")
    if year is None:
        latest = latest_published(editions)
        if latest is None:
            usage_error("no published edition", "name a draft with --year: " + _edition_list(editions))
        year = latest
    elif year not in editions:
        usage_error(f"no {year} edition", "editions: " + _edition_list(editions))
    rubrics = rubric_set(layout, rubric)
    return layout, load_valid_edition(editions[year], rubrics), rubrics


def _edition_list(editions: dict[int, EditionInfo]) -> str:
    return ", ".join(f"{y} (draft)" if e.is_draft else str(y) for y, e in editions.items())


def load_valid_edition(info: EditionInfo, rubrics: RubricSet) -> ScoredEdition:
    """Load, validate and score an edition's files, or print its errors and exit 1."""
    from atdscore.core.editions import scored
    from atdscore.problems import has_errors
    from atdscore.validation.project import load_edition

    edition = load_edition(info, rubrics)
    problems = rubrics.problems + edition.problems
    if has_errors(problems) or edition.rubric is None:
        err = make_console(stderr=True)
        print_problems([p for p in problems if p.is_error], err)
        if edition.rubric is None and not has_errors(problems):
            err.print(f"error: no valid country files in the {info.year} edition")
        err.print("[red]The data has errors; nothing was scored.[/] Run [bold]atdscore check[/] for the full report.")
        raise typer.Exit(EXIT_INVALID)
    warnings = len(problems)
    if warnings:
        from atdscore.text.formats import count

        make_console(stderr=True).print(
            f"[yellow]{count(warnings, 'warning')}[/]; run [bold]atdscore check[/] to see them."
        )
    return scored(edition)


def emit(text: str, output: Path | None) -> None:
    """Write text to the output file (only once it is complete) or to standard output."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as err:
        usage_error(f"cannot write '{output}': {err.strerror or err}")


def show(rendered: Rendered, output: Path | None) -> None:
    """Write what a renderer returned to `output` or standard output.

    Text is written as it is. A rich renderable goes to a terminal in colour; written to a file or a
    pipe it is plain text at PIPE_WIDTH.
    """
    if isinstance(rendered, str):
        emit(rendered, output)
    elif output is not None:
        import io

        from rich.console import Console

        capture = Console(file=io.StringIO(), width=PIPE_WIDTH, color_system=None)
        capture.print(rendered)
        emit(capture.file.getvalue(), output)  # type: ignore[attr-defined]
    else:
        make_console().print(rendered)
