"""`atdscore site` in a real browser: Chromium, driven by Playwright, on the site of the shipped data.

Needs the `playwright` package (in the test extra) and a Chromium from the system (`apt-get install
chromium`; Playwright's own browser download is not used). Set ATDSCORE_CHROMIUM to another
executable; without one the tests are skipped, unless ATDSCORE_REQUIRE_BROWSER is set (as .ci/run
does), which turns the skip into a failure. Screenshots go to ATDSCORE_SCREENSHOTS (default: a
temporary folder, printed).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

import pytest

from conftest import run_cli

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

REPO = Path(__file__).parent.parent
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Every link's absolute address, HTML <a> and SVG <a> (whose .href is not a string) alike.
LINKS = "Array.from(document.querySelectorAll('a[href]'), a => new URL(a.getAttribute('href'), document.baseURI).href)"


def _chromium() -> str | None:
    named = os.environ.get("ATDSCORE_CHROMIUM")
    if named:
        return shutil.which(named) or (named if Path(named).is_file() else None)
    return next((found for name in CANDIDATES if (found := shutil.which(name))), None)


def _unavailable(reason: str) -> None:
    if os.environ.get("ATDSCORE_REQUIRE_BROWSER"):
        pytest.fail(f"browser tests are required here, but {reason}")
    pytest.skip(f"browser tests skipped: {reason}")


@pytest.fixture(scope="module")
def browser(site: Path) -> Iterator[Browser]:
    """Chromium, launched once the site is built (the build may fork; better before Playwright's threads)."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install -e '.[test]')")
    executable = _chromium()
    if executable is None:
        _unavailable("no Chromium found (apt-get install chromium, or set ATDSCORE_CHROMIUM)")
    with sync_playwright() as playwright:
        try:
            # Chromium refuses to start its sandbox as root (CI containers); the pages are our own files.
            args = ["--no-sandbox"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
            launched = playwright.chromium.launch(executable_path=executable, args=args)
        except Error as err:
            _unavailable(f"Chromium at {executable} does not start: {err.message.splitlines()[0]}")
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of this repository's own data, built once for the module."""
    out = tmp_path_factory.mktemp("browser") / "site"
    result = run_cli("site", str(REPO), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    return out.resolve()


@pytest.fixture(scope="module")
def ranking() -> dict[str, Any]:
    result = run_cli("rank", str(REPO), "-f", "json")
    assert result.exit_code == 0
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _file(url: str) -> Path:
    return Path(unquote(urlsplit(url).path))


class Watch:
    """Console errors, failed requests and every request a page makes."""

    def __init__(self, page: Page) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: self.errors.append(f"request failed: {r.url} {r.failure}"))
        page.on("request", lambda r: self.requests.append(r.url))


def test_every_page_loads_cleanly_every_link_resolves_and_nothing_overflows(browser: Browser, site: Path) -> None:
    """Crawl the whole site from index.html at 375 px: no console error, no failed or outside request, every
    internal link and anchor resolves, and no page is wider than the screen."""
    page = browser.new_page(viewport={"width": 375, "height": 800})
    watch = Watch(page)
    root = site.as_uri() + "/"
    queue, seen = ["index.html"], {"index.html"}
    ids: dict[str, set[str]] = {}
    anchors: list[tuple[str, str, str]] = []  # (from page, to page, anchor)
    external = 0
    while queue:
        name = queue.pop(0)
        response = page.goto(root + name)
        assert response is not None and response.ok, name
        assert page.evaluate("document.documentElement.lang") in ("en", "es"), name
        width = page.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
        assert width <= 375, f"{name} is {width} px wide at 375 px"
        ids[name] = set(page.evaluate("Array.from(document.querySelectorAll('[id]'), e => e.id)"))
        for href in page.evaluate(LINKS):
            if not href.startswith("file:"):
                assert href.startswith(("https://", "http://")), f"{name}: {href}"
                external += 1
                continue
            target_url, _, anchor = href.partition("#")
            target = _file(target_url)
            assert target.is_relative_to(site), f"{name} links outside the site: {href}"
            assert target.is_file(), f"{name} links to {href}, which does not exist"
            relative = target.relative_to(site).as_posix()
            if anchor:
                anchors.append((name, relative, unquote(anchor)))
            if relative.endswith(".html") and relative not in seen:
                seen.add(relative)
                queue.append(relative)
    page.close()
    assert watch.errors == []
    outside = [url for url in watch.requests if not url.startswith(site.as_uri())]
    assert outside == [], "requests that leave the site"
    for source, linked, anchor in anchors:
        assert anchor in ids[linked], f"{source} links to {linked}#{anchor}, which has no such anchor"
    html_files = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    assert seen == html_files, "pages no link reaches"
    assert external > 100  # the sources of the briefs and indicator pages


def test_the_home_ranking_is_the_rank_command(browser: Browser, site: Path, ranking: dict[str, Any]) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    watch = Watch(page)
    page.goto((site / "en" / "index.html").as_uri())
    rows = page.eval_on_selector_all(
        "table.ranking tbody tr", "rows => rows.map(r => [r.dataset.country, Number(r.cells[0].textContent)])"
    )
    assert rows == [[c["country"], c["rank"]] for c in ranking["countries"] if c["rank"] is not None]
    # The optional script sorts the table; sorting twice by rank restores the order.
    header = page.locator("table.ranking thead th").first
    header.locator("button").click()
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "descending"
    descending = page.eval_on_selector_all("table.ranking tbody tr", "rows => rows.map(r => Number(r.dataset.rank))")
    assert descending == sorted((rank for _, rank in rows), reverse=True)
    assert watch.errors == []


_HIT = """(link) => {
  for (const shape of link.querySelectorAll('path, circle')) {
    const box = shape.getBBox();
    for (let i = 0; i <= 20; i++) for (let j = 0; j <= 20; j++) {
      const point = new DOMPoint(box.x + box.width * ((i + 10) % 21) / 20, box.y + box.height * ((j + 10) % 21) / 20);
      if (!shape.isPointInFill(point)) continue;
      const screen = point.matrixTransform(shape.getScreenCTM());
      const hit = document.elementFromPoint(screen.x, screen.y);
      if (hit && hit.closest('a') === link) return [screen.x, screen.y];
    }
  }
  return null;
}"""


def test_the_map_links_every_scored_country_and_a_click_opens_its_page(
    browser: Browser, site: Path, ranking: dict[str, Any]
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((site / "en" / "index.html").as_uri())
    page.locator("svg.map").scroll_into_view_if_needed()
    links = page.locator("svg.map a")
    codes = links.evaluate_all("links => links.map(a => a.dataset.country)")
    assert sorted(codes) == sorted(c["country"] for c in ranking["countries"])
    targets = {}
    for n, code in enumerate(codes):
        link = links.nth(n)
        assert link.get_attribute("href") == f"2023/{code}.html"
        assert link.locator("title").text_content(), code
        hit = link.evaluate(_HIT)
        assert hit is not None, f"no point of {code}'s shape can be clicked"
        targets[code] = hit
    x, y = targets["MEX"]
    with page.expect_navigation():
        page.mouse.click(x, y)
    assert page.url.endswith("/en/2023/MEX.html")
    assert page.locator("h1").text_content() == "Mexico: country brief 2023"


@pytest.mark.parametrize(("start", "other"), [("en/2023/MEX.html", "es"), ("es/2018/BRA.html", "en")])
def test_the_language_switch_keeps_the_country_and_edition(
    browser: Browser, site: Path, start: str, other: str
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((site / start).as_uri())
    with page.expect_navigation():
        page.locator(f"nav.languages a[hreflang='{other}']").click()
    expected = other + "/" + start.split("/", 1)[1]
    assert page.url.endswith("/" + expected)
    assert page.evaluate("document.documentElement.lang") == other


def test_screenshots(browser: Browser, site: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Home and a country page at 375 and 1280 px: written for people to look at, not compared."""
    folder = Path(os.environ.get("ATDSCORE_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    for width in (375, 1280):
        page = browser.new_page(viewport={"width": width, "height": 900 if width > 375 else 800})
        for name, path in (("home", "en/index.html"), ("country", "en/2023/MEX.html")):
            page.goto((site / path).as_uri())
            for full, suffix in ((False, ""), (True, "-full")):
                shot = folder / f"site-{name}-{width}{suffix}.png"
                page.screenshot(path=str(shot), full_page=full)
                assert shot.read_bytes().startswith(b"\x89PNG")
        page.close()
    print(f"screenshots in {folder}")
