"""The site command: the index as a static website."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from atdscore import __version__
from atdscore.cli.base import EXIT_OK, Lang, ProjectArg, RubricOpt, app, make_console, project_layout, usage_error

if TYPE_CHECKING:
    from atdscore.render.site import Page

LICENCE = "LICENSE"  # the data's licence, in the countries/ folder


@contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None]]:
    """A transient progress bar on a terminal's stderr; a no-op elsewhere."""
    if not sys.stderr.isatty():
        yield lambda done: None
        return
    from rich.progress import Progress

    with Progress(transient=True, console=make_console(stderr=True)) as progress:
        task = progress.add_task("Building the site", total=total)
        yield lambda done: progress.advance(task, done)


# The pages being rendered, for forked workers, which inherit them (closures cannot be pickled).
_PAGES: list[Page] = []
CHUNK = 16  # pages per task: small enough for a smooth progress bar, large enough to keep workers busy
PARALLEL_MIN_PAGES = 100


def _render_chunk(start: int) -> list[bytes]:
    return [page.render() for page in _PAGES[start : start + CHUNK]]


def _render(pages: list[Page], advance: Callable[[int], None]) -> dict[str, bytes]:
    """Every page's bytes, in the order planned; on a POSIX machine with several cores, in forked workers.

    Rendering is pure Python (jinja), so processes, not threads, share it out; the result is the
    same bytes either way, and any failure of the workers falls back to rendering here.
    """
    import multiprocessing
    import os

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    if len(pages) >= PARALLEL_MIN_PAGES and cores > 1 and "fork" in multiprocessing.get_all_start_methods():
        _PAGES[:] = pages
        try:
            with multiprocessing.get_context("fork").Pool(min(cores, 8)) as pool:
                rendered: list[bytes] = []
                for chunk in pool.imap(_render_chunk, range(0, len(pages), CHUNK)):
                    rendered += chunk
                    advance(len(chunk))
            return {page.path: data for page, data in zip(pages, rendered, strict=True)}
        except (OSError, multiprocessing.ProcessError):
            pass  # no processes to be had here: render in this one
        finally:
            _PAGES.clear()
    files = {}
    for page in pages:
        files[page.path] = page.render()
        advance(1)
    return files


@app.command(
    epilog="Examples:\n\n\b\n  atdscore site -o public/\n  atdscore site -o public/ --lang en\n"
    "  atdscore site -o public/ --base-url https://example.org/atd/\n  atdscore site ../data -o site/ --year 2023"
)
def site(
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="Folder to write the site to. It is replaced as a whole, so it must be empty, new, or an earlier site.",
            file_okay=False,
            show_default=False,
        ),
    ],
    year: Annotated[
        list[int] | None,
        typer.Option(
            "--year",
            "-y",
            help="Only these editions (repeatable); drafts only when named. Default: every published edition.",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        list[Lang] | None,
        typer.Option(
            "--lang", "-l", help="Languages of the pages (repeatable). Default: every language.", show_default=False
        ),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            help="Where the site will be published, for canonical links and the citation; links inside stay relative.",
            show_default=False,
        ),
    ] = None,
    project: ProjectArg = Path("."),
    rubric: RubricOpt = None,
) -> None:
    """Write the index as a static website: ranking and map, a page per country and indicator, the methodology, data.

    The site needs no server and no network: open DIR/index.html, or publish DIR as it is (e.g. GitHub Pages).
    Exit 1 when the data has errors (nothing is written), 2 on a usage error.
    """
    import time

    from atdscore.cli.base import load_valid_edition, project_names, provenance, rubric_set
    from atdscore.files.tree import NotOurs, write_tree
    from atdscore.render.site import Site, plan_site, site_edition
    from atdscore.validation.project import discover_editions

    started = time.perf_counter()
    if base_url is not None and not base_url.startswith(("https://", "http://")):
        usage_error(f"--base-url '{base_url}' is not a web address", "e.g. --base-url https://example.org/atd/")
    layout = project_layout(project)
    editions = discover_editions(layout.countries)
    if not editions:
        usage_error(f"no editions in '{layout.countries}'", "country files go in countries/<year>/<ISO3>.yaml")
    listing = ", ".join(f"{y} (draft)" if e.is_draft else str(y) for y, e in editions.items())
    if year:
        missing = sorted(set(year) - set(editions))
        if missing:
            usage_error(f"no {missing[0]} edition", "editions: " + listing)
        chosen = sorted(set(year))
    else:
        chosen = [y for y, e in sorted(editions.items()) if not e.is_draft]
        if not chosen:
            usage_error("no published edition", "name a draft with --year: " + listing)
    rubrics = rubric_set(layout, rubric)
    names = project_names(layout)
    scored = [site_edition(load_valid_edition(editions[y], rubrics)) for y in chosen]
    licence_file = layout.countries / LICENCE
    commit, dirty = provenance(layout)
    data = Site(
        editions=tuple(scored),
        langs=tuple(dict.fromkeys(code.value for code in lang)) if lang else tuple(code.value for code in Lang),
        tool_version=__version__,
        commit=commit,
        base_url=base_url,
        licence=licence_file.read_text(encoding="utf-8") if licence_file.is_file() else None,
        names=names.overrides,
        dirty=dirty,
    )
    pages = plan_site(data)
    with _progress(len(pages)) as advance:
        files = _render(pages, advance)
    try:
        write_tree(output, files)
    except NotOurs as err:
        usage_error(str(err), "give a new or empty folder, or the folder of an earlier site")
    except OSError as err:
        usage_error(f"cannot write to '{output}': {err.strerror or err}")
    err_console = make_console(stderr=True)
    if data.licence is None:
        err_console.print(
            f"[yellow]warning:[/] no {LICENCE} in {layout.countries}: the data is published without a licence"
        )
    seconds = time.perf_counter() - started
    err_console.print(f"{len(files)} files written to {output} in {seconds:.1f} s; open {output / 'index.html'}")
    raise typer.Exit(EXIT_OK)
