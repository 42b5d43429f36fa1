"""Time the sensitivity analysis in-process: 1,000 runs over 200 synthetic countries by default.

Usage: python bench/sensitivity.py [--countries 200] [--runs 1000] [--repeat 3] [--unknown 0.1]

The countries are bench/run.py's synthetic ones; a share of their answers (`--unknown`) is then
dropped, so that the analysis also draws unknown answers as it would on real data.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

# bench/ is not a package: bench/run.py's helpers are imported through the path.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from atdscore.core.score import CountryResult, Scorer
from atdscore.core.sensitivity import Options, analyse
from atdscore.files.discover import find_layout
from atdscore.validation.model import Rubric
from atdscore.validation.project import RubricSet, discover_editions, load_edition
from run import make_project


def synthetic_results(countries: int, unknown: float) -> tuple[Rubric, list[CountryResult]]:
    """The rubric and scored results of `countries` synthetic countries, `unknown` of answers dropped."""
    work = Path(tempfile.mkdtemp(prefix="atdscore-bench-"))
    try:
        make_project(work, countries, 1)
        layout = find_layout(work)
        info, *_ = discover_editions(layout.countries).values()
        edition = load_edition(info, RubricSet(layout.rubrics))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    assert edition.rubric is not None and not edition.problems, edition.problems[:3]
    rng = random.Random(42)
    scorer = Scorer(edition.rubric)
    results = []
    for country in edition.countries:
        kept = {k: v for k, v in country.answers.items() if rng.random() >= unknown}
        results.append(scorer.score(country.model_copy(update={"answers": kept})))
    return edition.rubric, results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--countries", type=int, default=200)
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--unknown", type=float, default=0.1, help="share of answers dropped (default 0.1)")
    args = parser.parse_args()
    rubric, results = synthetic_results(args.countries, args.unknown)
    options = Options(runs=args.runs)
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        analyse(rubric, results, options)
        times.append(time.perf_counter() - start)
    print(
        f"sensitivity, {args.runs} runs x {len(results)} countries (all inputs on, {args.unknown:.0%} of answers "
        f"unknown): {min(times):.3f}s (best of {args.repeat}; target: a few seconds)"
    )


if __name__ == "__main__":
    main()
