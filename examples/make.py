"""Regenerate the example briefs and methodology in this folder from the project's own data.

    python examples/make.py            # rewrite the files that changed
    python examples/make.py --check    # exit 1 if any file is out of date (the tests check this too)

Mexico's 2023 brief as `atdscore brief MEX --year 2023` writes it (ranked among the 2023 edition,
compared with its previous edition), in English and Spanish; and the methodology of the rubric that
scores 2023, in both languages.
"""

from __future__ import annotations

import sys
from pathlib import Path

from atdscore.core.brief import country_brief
from atdscore.core.editions import ScoredEdition, scored
from atdscore.files.output import brief_filename, write_atomic
from atdscore.render.templating import render_brief, render_methodology
from atdscore.validation.project import RubricSet, discover_editions, load_edition

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
COUNTRY, YEAR = "MEX", 2023
LANGUAGES = ("en", "es")


def editions() -> list[ScoredEdition]:
    """Every published edition of the project, scored (the examples are made from valid data only)."""
    rubrics = RubricSet(ROOT / "rubrics")
    out = []
    for info in discover_editions(ROOT / "countries").values():
        if info.is_draft:
            continue  # as `atdscore brief` does, a brief compares with published editions only
        edition = load_edition(info, rubrics)
        if edition.rubric is None or any(p.is_error for p in edition.problems):
            raise SystemExit("\n".join(p.render() for p in edition.problems))
        out.append(scored(edition))
    return out


def render_all() -> dict[str, str]:
    """File name in examples/ -> its text, rendered from the current data with the default templates."""
    everything = editions()
    current = next(e for e in everything if e.year == YEAR)
    earlier = [e for e in everything if e.year < YEAR]
    out: dict[str, str] = {}
    for lang in LANGUAGES:
        text, problems = render_brief(country_brief(COUNTRY, current, earlier, lang), lang)
        methodology, more = render_methodology(current.rubric, lang)
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
