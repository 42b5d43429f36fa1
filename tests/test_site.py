"""`atdscore site`: the static website, checked without a browser (see test_site_browser.py for Chromium)."""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from atdscore import __version__
from atdscore.files.tree import MARKER, NotOurs, write_tree
from atdscore.render.site import Site, build_site, palette, scored_edition, worldmap
from atdscore.validation.country_file import CountryFile
from atdscore.validation.model import Rubric
from conftest import run_cli
from conftest import write_tree as write_files

REPO = Path(__file__).parent.parent


# --- A small HTML model of a page -------------------------------------------------------------------


@dataclass
class Page:
    """What the checks need to know about an HTML page."""

    lang: str | None = None
    headings: list[int] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)  # href of <a>
    resources: list[str] = field(default_factory=list)  # href of <link>, src of <script>, <img>, ...
    tables: list[tuple[int, int]] = field(default_factory=list)  # (header cells, data cells)
    svgs: list[dict[str, str | None]] = field(default_factory=list)
    svg_titles: int = 0
    text: str = ""


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._tables: list[list[int]] = []
        self._svg_depth = 0
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.page.lang = a.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.page.headings.append(int(tag[1]))
        if a.get("id"):
            self.page.ids.append(a["id"] or "")
        if tag == "a" and a.get("href") is not None:
            self.page.links.append(a["href"] or "")
        if tag in ("link", "script", "img", "iframe", "source", "video", "audio") and (a.get("href") or a.get("src")):
            self.page.resources.append(a.get("href") or a.get("src") or "")
        if tag == "table":
            self._tables.append([0, 0])
        if tag in ("th", "td") and self._tables:
            self._tables[-1][0 if tag == "th" else 1] += 1
        if tag == "svg":
            if self._svg_depth == 0:
                self.page.svgs.append(
                    {"role": a.get("role"), "labelledby": a.get("aria-labelledby"), "hidden": a.get("aria-hidden")}
                )
            self._svg_depth += 1
        if tag == "title" and self._svg_depth:
            self.page.svg_titles += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self._tables:
            self.page.tables.append((self._tables[-1][0], self._tables[-1][1]))
            self._tables.pop()
        if tag == "svg":
            self._svg_depth -= 1

    def handle_data(self, data: str) -> None:
        self._text.append(data)

    def close(self) -> None:
        super().close()
        self.page.text = "".join(self._text)


def parse(html: str) -> Page:
    parser = _Parser()
    parser.feed(html)
    parser.close()
    return parser.page


def pages(root: Path) -> Iterator[tuple[str, Page]]:
    for path in sorted(root.rglob("*.html")):
        yield path.relative_to(root).as_posix(), parse(path.read_text(encoding="utf-8"))


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# --- Fixtures -----------------------------------------------------------------------------------------


@pytest.fixture
def site_dir(project: Path, tmp_path: Path) -> Path:
    out = tmp_path / "site"
    result = run_cli("site", str(project), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of this repository's own data."""
    out = tmp_path_factory.mktemp("shipped") / "site"
    result = run_cli("site", str(REPO), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    return out


# --- The command and the layout -----------------------------------------------------------------------


def test_site_has_the_documented_layout(site_dir: Path) -> None:
    files = set(tree(site_dir))
    for name in [
        "index.html",
        "style.css",
        "site.js",
        MARKER,
        *(f"{lang}/{page}" for lang in ("en", "es") for page in ("index.html", "methodology.html")),
        *(f"{lang}/2023/{code}.html" for lang in ("en", "es") for code in ("BEL", "MEX", "MYS", "THA")),
        "en/2022/MEX.html",
        "en/2022/index.html",
        "en/2023/index.html",
        "en/indicators/index.html",
        "en/indicators/law.ban.html",
        "es/indicators/limits.days.html",
        "data/ranking-2022.csv",
        "data/ranking-2023.json",
        "data/answers.csv",
        "data/datapackage.json",
        "data/CITATION.cff",
    ]:
        assert name in files, name
    assert "data/LICENSE.txt" not in files  # the fixture project has no countries/LICENSE


def test_same_input_gives_the_same_bytes(project: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    assert run_cli("site", str(project), "-o", str(first)).exit_code == 0
    assert run_cli("site", str(project), "-o", str(second)).exit_code == 0
    assert tree(first) == tree(second)


def test_languages_and_years_can_be_chosen(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = run_cli("site", str(project), "-o", str(out), "--lang", "es", "--year", "2023")
    assert result.exit_code == 0, result.stderr
    files = set(tree(out))
    assert "es/2023/MEX.html" in files and "es/index.html" in files
    assert not any(f.startswith("en/") for f in files)
    assert not any("2022" in f for f in files)
    assert "hreflang" not in (out / "es/2023/MEX.html").read_text()  # no other language to link to


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "1999"], "no 1999 edition"),
        (["--base-url", "example.org"], "is not a web address"),
    ],
)
def test_usage_errors_exit_2(project: Path, tmp_path: Path, args: list[str], message: str) -> None:
    result = run_cli("site", str(project), "-o", str(tmp_path / "site"), *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_path / "site").exists()


def test_invalid_data_writes_nothing(project: Path, tmp_path: Path) -> None:
    write_files(
        project,
        {"countries/2023/BEL.yaml": "country: BEL\nyear: 2023\nrubric: test\nanswers: {law.ban: {value: nonsense}}\n"},
    )
    result = run_cli("site", str(project), "-o", str(tmp_path / "site"))
    assert result.exit_code == 1
    assert not (tmp_path / "site").exists()


# --- Replacing the output folder ------------------------------------------------------------------------


def test_a_folder_that_is_not_a_site_is_never_replaced(project: Path, tmp_path: Path) -> None:
    out = write_files(tmp_path / "mine", {"notes.txt": "my own work"})
    result = run_cli("site", str(project), "-o", str(out))
    assert result.exit_code == 2
    assert "was not written by atdscore site" in result.stderr
    assert (out / "notes.txt").read_text() == "my own work"


def test_an_earlier_site_is_replaced_as_a_whole(site_dir: Path, project: Path) -> None:
    (site_dir / "en" / "stale.html").write_text("from an older build")
    result = run_cli("site", str(project), "-o", str(site_dir), "--lang", "en")
    assert result.exit_code == 0
    assert not (site_dir / "en" / "stale.html").exists()
    assert not (site_dir / "es").exists()
    leftovers = [p.name for p in site_dir.parent.iterdir() if p.name.startswith(f".{site_dir.name}.")]
    assert leftovers == []


def test_a_failed_write_leaves_the_old_site(tmp_path: Path) -> None:
    target = tmp_path / "site"
    write_tree(target, {"index.html": b"old"})
    with pytest.raises(ValueError, match="not a plain relative path"):
        write_tree(target, {"index.html": b"new", "../escape.html": b"x"})
    assert (target / "index.html").read_bytes() == b"old"
    assert not (tmp_path / "escape.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    with pytest.raises(NotOurs):
        write_tree(write_files(tmp_path / "other", {"a.txt": "a"}), {"index.html": b"x"})


# --- Pages: self-contained, accessible ------------------------------------------------------------------


def test_no_page_loads_anything_from_another_host(site_dir: Path) -> None:
    for name, page in pages(site_dir):
        for resource in page.resources:
            assert "//" not in resource and not resource.startswith("/"), f"{name} loads {resource}"
    css = (site_dir / "style.css").read_text()
    assert "url(" not in css and "@import" not in css
    assert "http" not in (site_dir / "site.js").read_text()


def test_every_internal_link_and_anchor_resolves(site_dir: Path) -> None:
    parsed = dict(pages(site_dir))
    files = set(tree(site_dir))
    for name, page in parsed.items():
        for link in page.links:
            if re.match(r"^[a-z]+:", link):
                assert link.startswith(("https://", "http://")), f"{name}: {link}"
                continue
            path, _, anchor = link.partition("#")
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), path)) if path else name
            assert target in files, f"{name} links to {link}, which does not exist"
            if anchor:
                assert anchor in parsed[target].ids, f"{name} links to {link}, which has no such anchor"


def test_every_page_has_a_language_ordered_headings_and_unique_ids(site_dir: Path) -> None:
    for name, page in pages(site_dir):
        assert page.lang == (name.split("/")[0] if "/" in name else "en"), name
        assert page.headings and page.headings[0] == 1 and page.headings.count(1) == 1, name
        for before, after in zip(page.headings, page.headings[1:], strict=False):
            assert after <= before + 1, f"{name}: h{before} followed by h{after}"
        assert len(page.ids) == len(set(page.ids)), f"{name}: duplicate ids"


def test_every_table_has_header_cells_and_every_chart_a_text_alternative(site_dir: Path) -> None:
    charts = 0
    for name, page in pages(site_dir):
        for headers, _ in page.tables:
            assert headers > 0, f"{name}: a table without header cells"
        for svg in page.svgs:
            if svg["hidden"] == "true":
                continue  # a legend swatch: decoration next to its text
            assert svg["labelledby"], f"{name}: an svg without a title"
            charts += 1
    assert charts > 0


def test_data_text_is_escaped(project: Path, tmp_path: Path) -> None:
    mex = project / "countries" / "2023" / "MEX.yaml"
    mex.write_text(mex.read_text().replace("A full ban | in force since 2021.", "<script>alert(1)</script> & more"))
    out = tmp_path / "site"
    assert run_cli("site", str(project), "-o", str(out)).exit_code == 0
    for path in ("en/2023/MEX.html", "en/indicators/law.ban.html"):
        html = (out / path).read_text()
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html


def test_archived_sources_carry_robust_links(project: Path, tmp_path: Path) -> None:
    mex = project / "countries" / "2023" / "MEX.yaml"
    archived = "https://web.archive.org/web/20230115093000/https://example.org/gazette/2021"
    mex.write_text(
        mex.read_text().replace("    date: 2021-01-11\n", f"    date: 2021-01-11\n    archived: {archived}\n", 1)
    )
    out = tmp_path / "site"
    assert run_cli("site", str(project), "-o", str(out)).exit_code == 0
    for path in ("en/2023/MEX.html", "es/indicators/law.ban.html"):
        html = (out / path).read_text()
        assert (
            '<a href="https://example.org/gazette/2021" data-originalurl="https://example.org/gazette/2021" '
            f'data-versionurl="{archived}" data-versiondate="2023-01-15">'
        ) in html
        assert f'<a href="{archived}">' in html


# --- Pages: content ---------------------------------------------------------------------------------------


def test_home_lists_the_ranking_in_rank_order(site_dir: Path, project: Path) -> None:
    ranking = json.loads(run_cli("rank", str(project), "-f", "json").stdout)
    html = (site_dir / "en" / "index.html").read_text()
    rows = re.findall(r'<tr data-country="([A-Z]{3})" data-rank="(\d+)">', html)
    assert rows == [(c["country"], str(c["rank"])) for c in ranking["countries"] if c["rank"] is not None]


def test_the_map_links_every_scored_country(site_dir: Path) -> None:
    html = (site_dir / "en" / "index.html").read_text()
    links = re.findall(r'<a href="([^"]+)" data-country="([A-Z]{3})"><title>([^<]+)</title>', html)
    assert sorted(code for _, code, _ in links) == ["BEL", "MEX", "MYS", "THA"]
    for href, code, title in links:
        assert href == f"2023/{code}.html"
        assert "rank" in title
    older = (site_dir / "en" / "2022" / "index.html").read_text()
    assert re.findall(r'data-country="([A-Z]{3})"><title>', older) == ["MEX"]


def test_country_pages_link_languages_and_editions(site_dir: Path) -> None:
    html = (site_dir / "en" / "2023" / "MEX.html").read_text()
    assert '<a href="../../es/2023/MEX.html" hreflang="es" lang="es">Español</a>' in html
    assert '<a href="../2022/MEX.html">2022</a>' in html
    assert "Mexico: country brief 2023" in html
    spanish = (site_dir / "es" / "2023" / "MEX.html").read_text()
    assert "México: ficha de país 2023" in spanish
    assert '<a href="../../en/2023/MEX.html" hreflang="en" lang="en">English</a>' in spanish


def test_country_pages_give_range_and_rank_interval_in_both_languages(shipped_site: Path) -> None:
    # The rank interval is the one `atdscore rank --intervals` prints, in the headline and under the rank.
    report = json.loads(run_cli("rank", str(REPO), "--intervals", "-f", "json").stdout)
    ranked = [c for c in report["countries"] if c["ranked"] and c["range"][0] != c["range"][1]]
    country = ranked[-1]
    best, worst = country["interval"]
    for lang, words in (
        ("en", f"ranks {best} to {worst} in 90% of 1,000 runs"),
        ("es", f"entre los puestos {best} y {worst}"),
    ):
        html = (shipped_site / lang / str(report["year"]) / f"{country['country']}.html").read_text()
        text = re.sub(r"\s+", " ", html).replace("\N{NO-BREAK SPACE}", " ")
        assert words in text
        assert f"<dd>{country['rank']} {'of' if lang == 'en' else 'de'} " in text
        assert f"{best}–{worst}" in text  # under the rank, in the key figures


def test_the_methodology_page_explains_the_split_of_a_change(shipped_site: Path) -> None:
    for lang, heading in (("en", "Changes between editions"), ("es", "Cambios entre ediciones")):
        html = (shipped_site / lang / "methodology.html").read_text()
        assert f'<h3 id="changes">{heading}</h3>' in html


def test_an_unranked_country_page_names_no_band(shipped_site: Path) -> None:
    report = json.loads(run_cli("rank", str(REPO), "-f", "json").stdout)
    unranked = [c for c in report["countries"] if not c["ranked"] and c["percent"] is not None]
    assert unranked and all(c["band"] is None for c in unranked)
    html = (shipped_site / "en" / str(report["year"]) / f"{unranked[0]['country']}.html").read_text()
    assert "is not ranked in the" in html and "for lack of evidence" in html
    assert 'class="badge"' not in html.split("<h2")[0]


def test_every_page_of_a_site_with_a_draft_says_so(project: Path) -> None:
    from atdscore.files.discover import find_layout
    from atdscore.validation.project import RubricSet, discover_editions, load_edition

    layout = find_layout(project)
    rubrics = RubricSet(layout.rubrics)
    editions = []
    for year, info in sorted(discover_editions(layout.countries).items()):
        e = load_edition(info, rubrics)
        assert e.rubric is not None and e.rubric_sha256 is not None
        editions.append(scored_edition(year, e.rubric, e.rubric_sha256, e.countries, draft=year == 2023))
    built = build_site(Site(tuple(editions), ("en", "es"), "test"))
    for name, data in built.items():
        if name.endswith(".html"):
            text = data.decode()
            assert "DRAFT" in text or "BORRADOR" in text, name
    assert "<title>DRAFT: Mexico: country brief 2023</title>" in built["en/2023/MEX.html"].decode()
    assert "<title>Mexico: country brief 2022</title>" in built["en/2022/MEX.html"].decode()


def test_a_country_without_a_rank_is_listed_apart() -> None:
    rubric = Rubric.model_validate(
        {
            "id": "r",
            "version": "1",
            "title": "R",
            "categories": [
                {
                    "id": "c",
                    "title": "C",
                    "indicators": [
                        {
                            "id": "i",
                            "type": "choice",
                            "question": "Q?",
                            "options": [{"id": "y", "label": "Yes", "points": 1}],
                        }
                    ],
                }
            ],
        }
    )
    countries = [
        CountryFile.model_validate(
            {
                "country": "MEX",
                "year": 2023,
                "rubric": "r",
                "answers": {"c.i": {"value": "y", "evidence": [{"title": "T", "date": "2023"}]}},
            }
        ),
        CountryFile.model_validate(
            {"country": "MLT", "year": 2023, "rubric": "r", "answers": {"c.i": {"status": "not-applicable"}}}
        ),
    ]
    built = build_site(Site((scored_edition(2023, rubric, "0" * 64, countries),), ("en",), "test"))
    home = built["en/index.html"].decode()
    assert re.findall(r'<tr data-country="([A-Z]{3})" data-rank', home) == ["MEX"]
    assert '<tr data-country="MLT">' in home
    assert 'data-country="MLT"><title>Malta: no rank</title>' in home
    assert 'fill="url(#map-unranked)"' in home
    assert "<circle" in home  # Malta is too small to click at world scale: it has a marker


# --- Data downloads -------------------------------------------------------------------------------------


def test_rankings_are_what_rank_prints(site_dir: Path, project: Path) -> None:
    for year in (2022, 2023):
        for fmt, ext in (("json", "json"), ("csv", "csv")):
            expected = run_cli("rank", str(project), "--year", str(year), "--intervals", "-f", fmt).stdout
            assert (site_dir / "data" / f"ranking-{year}.{ext}").read_text() == expected


def test_answers_csv_has_one_row_per_country_edition_and_indicator(site_dir: Path) -> None:
    lines = (site_dir / "data" / "answers.csv").read_text().splitlines()
    assert lines[0] == "country,year,indicator,value,points,max,status,evidence"
    assert len(lines) - 1 == (4 + 1) * 7  # five country files, seven indicators each
    assert "MEX,2023,law.bodies,nhri unhcr ngos,2.5,2.5,answered,https://example.org/gazette/2021" in lines


def test_citation_and_licence(shipped_site: Path) -> None:
    citation = yaml.safe_load((shipped_site / "data" / "CITATION.cff").read_text())
    assert citation["cff-version"] == "1.2.0"
    assert citation["type"] == "dataset"
    assert citation["license"] == "CC-BY-4.0"
    assert citation["authors"] and citation["title"] and citation["message"]
    assert "CC BY 4.0" in (shipped_site / "data" / "LICENSE.txt").read_text()
    package = json.loads((shipped_site / "data" / "datapackage.json").read_text())
    assert package["licenses"][0]["name"] == "CC-BY-4.0"


def test_the_data_package_is_valid(shipped_site: Path) -> None:
    frictionless = pytest.importorskip("frictionless", reason="pip install -e '.[test]' installs frictionless")
    report = frictionless.validate(str(shipped_site / "data" / "datapackage.json"))
    assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "type", "note"])
    package = json.loads((shipped_site / "data" / "datapackage.json").read_text())
    assert {r["path"] for r in package["resources"]} == {"ranking-2018.csv", "ranking-2023.csv", "answers.csv"}


# --- Colours and the map data ---------------------------------------------------------------------------


@pytest.mark.parametrize("bands", [2, 5, 9])
def test_text_colours_meet_wcag_aa(bands: int) -> None:
    for pair in palette.text_pairs(bands):
        ratio = palette.contrast(pair.text, pair.background)
        assert ratio >= (3 if pair.large else 4.5), f"{pair.role}: {pair.text} on {pair.background} is {ratio:.2f}:1"


def test_graphics_meet_wcag_non_text_contrast() -> None:
    for pair in palette.graphic_pairs():
        ratio = palette.contrast(pair.text, pair.background)
        assert ratio >= 3, f"{pair.role}: {pair.text} against {pair.background} is {ratio:.2f}:1"


def test_contrast_formula() -> None:
    assert palette.contrast("#000000", "#ffffff") == pytest.approx(21)
    assert palette.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert palette.band_colours(5) == ["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"]


def test_the_stylesheet_uses_only_the_palette(site_dir: Path) -> None:
    colours = {v.lower() for k, v in vars(palette).items() if k.isupper() and isinstance(v, str) and v.startswith("#")}
    used = set(re.findall(r"#[0-9a-fA-F]{6}\b", (site_dir / "style.css").read_text()))
    assert used <= colours


def test_map_data_is_small_and_has_small_states() -> None:
    assert worldmap.WORLD.stat().st_size < 300_000
    countries = worldmap.world()["countries"]
    assert len(countries) > 200
    for code in ("SGP", "MLT", "BHR"):
        assert code in countries and "marker" in countries[code], code
    assert "marker" not in countries["MEX"]
    shipped = [p.stem for p in (REPO / "countries").glob("*/*.yaml") if p.stem.isupper()]
    assert all(worldmap.has_shape(code) for code in shipped)


@pytest.mark.parametrize(
    "template",
    [
        "{{ x.__class__ }}",
        "{{ x.__class__.__mro__ }}",
        "{{ f.__globals__ }}",
        "{{ items.append(1) }}",
        "{{ d.clear() }}",
    ],
)
def test_site_templates_run_in_the_immutable_sandbox(template: str) -> None:
    from jinja2.exceptions import SecurityError, UndefinedError

    from atdscore.render.site.environment import make_environment

    env = make_environment()
    with pytest.raises((SecurityError, UndefinedError)):
        env.from_string(template).render(x="", f=len, items=[1], d={"a": 1}, lang="en")
    # The verdicts are remembered per type and attribute: asking twice gives the same refusal.
    with pytest.raises((SecurityError, UndefinedError)):
        env.from_string(template).render(x="", f=len, items=[1], d={"a": 1}, lang="en")


def test_rendering_in_forked_workers_gives_the_same_bytes(shipped_site: Path) -> None:
    """The CLI renders the shipped data's 160-odd pages in workers; one process gives the same files."""
    from atdscore.files.discover import find_layout
    from atdscore.files.revision import data_dirty, git_commit
    from atdscore.validation.project import RubricSet, discover_editions, load_edition

    layout = find_layout(REPO)
    rubrics = RubricSet(layout.rubrics)
    editions = []
    for year, info in sorted(discover_editions(layout.countries).items()):
        if info.is_draft:
            continue
        e = load_edition(info, rubrics)
        assert e.rubric is not None and e.rubric_sha256 is not None
        editions.append(scored_edition(year, e.rubric, e.rubric_sha256, e.countries))
    site = Site(
        tuple(editions),
        ("en", "es"),
        __version__,
        commit=git_commit(layout.countries),
        licence=(layout.countries / "LICENSE").read_text(encoding="utf-8"),
        dirty=data_dirty(layout.root, ["rubrics", "countries"]),
    )
    built = build_site(site)
    assert len(built) >= 100  # enough for the CLI to use workers
    assert {**built, MARKER: (shipped_site / MARKER).read_bytes()} == tree(shipped_site)


def test_a_progress_bar_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from atdscore.cli import site as site_command

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setenv("COLUMNS", "80")
    with site_command._progress(3) as advance:
        for _ in range(3):
            advance(1)
    assert "Building the site" in terminal.getvalue()
    monkeypatch.setattr("sys.stderr", io.StringIO())
    with site_command._progress(3) as advance:
        advance(3)  # not a terminal: nothing shown, nothing fails


def test_drafts_are_built_only_when_named(project: Path, tmp_path: Path) -> None:
    write_files(project, {"countries/2023/edition.yaml": "status: draft\n"})
    out = tmp_path / "published"
    result = run_cli("site", str(project), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    files = set(tree(out))
    assert "en/2022/MEX.html" in files and not any("2023" in f for f in files)
    assert "DRAFT" not in (out / "en" / "index.html").read_text()

    out = tmp_path / "with-draft"
    result = run_cli("site", str(project), "-o", str(out), "--year", "2022", "--year", "2023")
    assert result.exit_code == 0, result.stderr
    for name, page in pages(out):
        assert "DRAFT" in page.text or "BORRADOR" in page.text, name
    assert "<title>DRAFT: Mexico: country brief 2023</title>" in (out / "en/2023/MEX.html").read_text()
    assert "<title>Mexico: country brief 2022</title>" in (out / "en/2022/MEX.html").read_text()
    expected = run_cli("rank", str(project), "--year", "2023", "--intervals", "-f", "json").stdout
    assert json.loads(expected)["status"] == "draft"
    assert (out / "data" / "ranking-2023.json").read_text() == expected


def test_project_names_and_untranslated_notes(project: Path, tmp_path: Path) -> None:
    write_files(project, {"countries/names.yaml": "MEX: {en: United Mexican States}\n"})
    mex = project / "countries" / "2023" / "MEX.yaml"
    mex.write_text(re.sub(r"note: \{en: (\"[^\"]*\"), es: [^}]*\}", r"note: \1", mex.read_text(), count=1))
    out = tmp_path / "site"
    assert run_cli("site", str(project), "-o", str(out)).exit_code == 0
    assert "United Mexican States: country brief 2023" in (out / "en/2023/MEX.html").read_text()
    assert "<title>United Mexican States: " in (out / "en/index.html").read_text()
    spanish = (out / "es/2023/MEX.html").read_text()
    assert "México: ficha de país 2023" in spanish  # the override gives English only
    assert '<p class="note" lang="en">A full ban | in force since 2021.</p>' in spanish
    assert '<p class="note">A full ban | in force since 2021.</p>' in (out / "en/2023/MEX.html").read_text()
    assert "1 nota de esta ficha aún no está traducida" in spanish


def test_indicators_of_an_earlier_rubric_keep_their_pages() -> None:
    def rubric(indicator: str) -> Rubric:
        return Rubric.model_validate(
            {
                "id": "r",
                "version": indicator,
                "title": "R",
                "categories": [
                    {
                        "id": "c",
                        "title": "C",
                        "indicators": [
                            {
                                "id": indicator,
                                "type": "choice",
                                "question": f"Question {indicator}?",
                                "options": [{"id": "y", "label": "Yes", "points": 1}],
                            }
                        ],
                    }
                ],
            }
        )

    def country(year: int, indicator: str) -> CountryFile:
        answer = {"value": "y", "evidence": [{"title": "T", "date": "2020"}]}
        return CountryFile.model_validate(
            {"country": "MEX", "year": year, "rubric": "r", "answers": {f"c.{indicator}": answer}}
        )

    editions = (
        scored_edition(2022, rubric("old"), "0" * 64, [country(2022, "old")]),
        scored_edition(2023, rubric("new"), "1" * 64, [country(2023, "new")]),
    )
    built = build_site(Site(editions, ("en",), "test"))
    index = built["en/indicators/index.html"].decode()
    assert index.index("Question new?") < index.index("Indicators of earlier rubrics") < index.index("Question old?")
    old = built["en/indicators/c.old.html"].decode()
    assert "This indicator is not in the 2023 edition&#39;s rubric." in old
    assert '<tr data-country="MEX" class="answered">' in old
    mex = built["en/2023/MEX.html"].decode()
    assert "The 2022 edition was scored with rubric" in mex
