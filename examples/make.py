"""Regenerate the example briefs and methodology in this folder from the project's own data.

    python examples/make.py            # rewrite the files that changed
    python examples/make.py --check    # exit 1 if any file is out of date (the tests check this too)

Mexico's 2023 brief, ranked among the 2023 edition and compared with its 2018 edition, in English
and Spanish; and the methodology of the rubric that scores 2023, in both languages.
"""

from __future__ import annotations

import sys
from pathlib import Path

from atdscore.core.brief import Previous, build_brief
from atdscore.core.rank import Ranked, rank_countries
from atdscore.core.score import Scorer
from atdscore.files.output import brief_filename, write_atomic
from atdscore.render.templating import render_brief, render_methodology
from atdscore.validation.country_file import CountryFile
from atdscore.validation.model import Rubric
from atdscore.validation.project import RubricSet, discover_editions, load_edition

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
COUNTRY, YEAR, PREVIOUS = "MEX", 2023, 2018
LANGUAGES = ("en", "es")


def scored(year: int, rubrics: RubricSet) -> tuple[Rubric, CountryFile, Ranked, int]:
    """The edition's rubric, the country's file and ranked result, and how many countries the edition ranks."""
    edition = load_edition(discover_editions(ROOT / "countries")[year], rubrics)
    if edition.rubric is None or any(p.is_error for p in edition.problems):
        raise SystemExit("\n".join(p.render() for p in edition.problems))
    scorer = Scorer(edition.rubric)
    ranked = rank_countries(scorer.score(c) for c in edition.countries)
    country = next(c for c in edition.countries if c.country == COUNTRY)
    mine = next(r for r in ranked if r.result.country == COUNTRY)
    return edition.rubric, country, mine, sum(1 for r in ranked if r.rank is not None)


def render_all() -> dict[str, str]:
    """File name in examples/ -> its text, rendered from the current data with the default templates."""
    rubrics = RubricSet(ROOT / "rubrics")
    rubric, country, mine, of = scored(YEAR, rubrics)
    old_rubric, old_country, old_mine, old_of = scored(PREVIOUS, rubrics)
    previous = Previous(old_country, old_mine.result, old_mine.rank, old_of, old_rubric)
    out: dict[str, str] = {}
    for lang in LANGUAGES:
        brief = build_brief(rubric, country, mine.result, mine.rank, of, previous=previous, lang=lang)
        text, problems = render_brief(brief, lang)
        methodology, more = render_methodology(rubric, lang)
        if text is None or methodology is None:
            raise SystemExit("\n".join(p.render() for p in problems + more))
        out[brief_filename(COUNTRY, YEAR, lang)] = text
        out[f"methodology.{lang}.md"] = methodology
    return out


def main(argv: list[str]) -> int:
    """Write (or with --check, compare) every example file; the exit status says whether all were current."""
    stale = []
    for name, text in render_all().items():
        path = HERE / name
        if "--check" in argv:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        elif write_atomic(path, text):
            print(f"wrote examples/{name}")
    for name in stale:
        print(f"examples/{name} is out of date: run python examples/make.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
