"""Time atdscore against baselines and print the ratios the performance targets are stated in.

Usage: python bench/run.py [--countries 200] [--repeat 5] [--skip-scaling]
"""

from __future__ import annotations

import argparse
import compileall
import datetime
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
RUBRIC = REPO / "rubrics" / "atd-core.yaml"
PYTHON = sys.executable
ATDSCORE = [PYTHON, "-m", "atdscore"]
WORDS = [
    "law",
    "detention",
    "children",
    "migration",
    "shelter",
    "review",
    "court",
    "release",
    "family",
    "guardian",
    "report",
    "access",
    "monitoring",
]


def synthetic_country(code: str, year: int, rubric: dict[str, object], rng: random.Random) -> str:
    """A valid country file of about 5 KB answering every indicator with random valid values."""
    answers: dict[str, object] = {}
    for category in rubric["categories"]:  # type: ignore[attr-defined]
        for ind in category["indicators"]:
            if ind["type"] == "choice":
                value: object = rng.choice(ind["options"])["id"]
            elif ind["type"] == "checklist":
                value = sorted(i["id"] for i in ind["items"] if rng.random() < 0.5)
            elif ind["type"] == "number":
                value = rng.choice([0, 1.5, 30, 90, 540])
            else:
                value = rng.randint(ind["min"], ind["max"])
            answers[f"{category['id']}.{ind['id']}"] = {
                "value": value,
                "evidence": [
                    "law",
                    {
                        "title": f"Report on {rng.choice(WORDS)} ({year})",
                        "url": f"https://example.org/{code}/{rng.randint(1, 999)}",
                        "date": f"{year}-0{rng.randint(1, 9)}",
                    },
                ],
                # Notes in both languages, as the shipped data has them (check warns otherwise).
                "note": {lang: " ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "." for lang in ("en", "es")},
            }
    data = {
        "country": code,
        "year": year,
        "rubric": "atd-core",
        "sources": {"law": {"title": "Migration Act", "url": f"https://example.org/{code}/law", "date": str(year - 3)}},
        "answers": answers,
    }
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def make_project(root: Path, countries: int, editions: int) -> list[Path]:
    """A project with `editions` years of `countries` synthetic country files each."""
    import pycountry

    rng = random.Random(42)
    rubric = yaml.safe_load(RUBRIC.read_text())
    (root / "rubrics").mkdir(parents=True, exist_ok=True)
    shutil.copy(RUBRIC, root / "rubrics")
    codes = sorted(c.alpha_3 for c in pycountry.countries)[:countries]
    files = []
    # Editions end last year: a year to come would make every cited date 'after today', an error.
    last = datetime.date.today().year - 1
    for year in range(last - editions + 1, last + 1):
        folder = root / "countries" / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        for code in codes:
            path = folder / f"{code}.yaml"
            path.write_text(synthetic_country(code, year, rubric, rng))
            files.append(path)
    return files


def best_time(command: list[str], repeat: int, cwd: Path | None = None) -> float:
    """Fastest wall-clock time of `repeat` runs of a command (the least disturbed by other load)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return min(times)


def best_times(commands: list[tuple[list[str], Path | None]], repeat: int) -> list[float]:
    """Fastest time of each command over `repeat` rounds, the commands taking turns in each round.

    Taking turns spreads the machine's changing load evenly over the commands being compared.
    """
    best = [float("inf")] * len(commands)
    for _ in range(repeat):
        for n, (command, cwd) in enumerate(commands):
            best[n] = min(best[n], best_time(command, 1, cwd))
    return best


def peak_memory_mb(command: list[str], cwd: Path) -> float:
    """Peak resident memory of a command, measured in a fresh wrapper process."""
    probe = (
        "import resource, subprocess, sys; "
        f"subprocess.run({command!r}, cwd={str(cwd)!r}, stdout=subprocess.DEVNULL, check=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([PYTHON, "-c", probe], check=True, capture_output=True, text=True).stdout
    return int(out) / 1024


def compile_package() -> None:
    """Write atdscore's bytecode once, as a regular install would.

    With PYTHONDONTWRITEBYTECODE set (as on these machines) an editable install would otherwise be
    compiled from source on every start, and the timings would measure the compiler.
    """
    import atdscore

    compileall.compile_dir(str(Path(atdscore.__file__).parent), quiet=1)


def cpu_time(command: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """Wall-clock and CPU time (user + system, the command and its children) of one run of a command."""
    probe = (
        "import resource, subprocess, sys, time; "
        "start = time.perf_counter(); "
        f"subprocess.run({command!r}, cwd={str(cwd) if cwd else None!r}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "wall = time.perf_counter() - start; "
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN); "
        "print(wall, usage.ru_utime + usage.ru_stime)"
    )
    out = subprocess.run([PYTHON, "-c", probe], check=True, capture_output=True, text=True).stdout.split()
    return float(out[0]), float(out[1])


# `check` on editions of SCALING_EDITION countries each (a real edition has 20 to 30), at three sizes:
# the cost per file between the first two and between the last two must be the same, so that a
# cost which grows with the number of files shows, whatever the fixed costs (start-up, imports).
SCALING_EDITION = 20
SCALING_SIZES = (20, 200, 2000)


def check_scaling(work: Path, repeat: int) -> None:
    """Marginal time per file of `atdscore check`, 20 -> 200 files and 200 -> 2,000, wall-clock and CPU."""
    roots = {}
    for size in SCALING_SIZES:
        roots[size] = work / f"scale{size}"
        make_project(roots[size], SCALING_EDITION, size // SCALING_EDITION)
    best = {size: (float("inf"), float("inf")) for size in SCALING_SIZES}
    for _ in range(repeat):  # the sizes take turns, and each gets the same number of runs
        for size in SCALING_SIZES:
            wall, cpu = cpu_time([*ATDSCORE, "check"], roots[size])
            best[size] = (min(best[size][0], wall), min(best[size][1], cpu))
    (a, b, c), lines = SCALING_SIZES, []
    for n, what in enumerate(("wall-clock", "CPU")):
        low = (best[b][n] - best[a][n]) / (b - a)
        high = (best[c][n] - best[b][n]) / (c - b)
        lines.append(f"{what} {low * 1000:.2f} ms -> {high * 1000:.2f} ms: ratio {high / low:.2f}x")
    timings = ", ".join(f"{size:,} files {best[size][0]:.2f}s" for size in SCALING_SIZES)
    print(f"check scaling ({timings}), marginal per file {a}->{b} vs {b}->{c:,}: " + "; ".join(lines) + " (target <= 1.2x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--countries", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-scaling", action="store_true")
    args = parser.parse_args()
    compile_package()
    work = Path(tempfile.mkdtemp(prefix="atdscore-bench-"))
    try:
        project = work / "p200"
        files = make_project(project, args.countries, 1)
        size = sum(f.stat().st_size for f in files) / len(files)
        listing = work / "files.txt"
        listing.write_text("\n".join(str(f) for f in files))
        parse_only = [
            PYTHON,
            "-c",
            f"import yaml\nfor f in open({str(listing)!r}).read().split():\n    yaml.load(open(f, 'rb'), Loader=yaml.CSafeLoader)",
        ]
        # The same command with the forked second parser switched off, to show what it saves.
        serial = [
            PYTHON,
            "-c",
            "import sys\nfrom atdscore.files import parallel\nparallel.PARALLEL_MIN_FILES = 1 << 60\n"
            "sys.argv = ['atdscore', 'rank', '--format', 'json']\nfrom atdscore.cli import main\nmain()",
        ]
        t_parse, t_rank, t_serial = best_times(
            [(parse_only, None), ([*ATDSCORE, "rank", "--format", "json"], project), (serial, project)], args.repeat
        )
        print(
            f"rank, {args.countries} countries ({size / 1024:.1f} KB each): {t_rank:.3f}s vs C-loader parse {t_parse:.3f}s: ratio {t_rank / t_parse:.2f}x (target <= 2x); "
            f"without the forked parser {t_serial:.3f}s: ratio {t_serial / t_parse:.2f}x"
        )

        t_typer, t_help = best_times(
            [([PYTHON, "-c", "import typer"], None), ([*ATDSCORE, "--help"], None)], args.repeat * 2
        )
        print(f"--help: {t_help:.3f}s vs import typer {t_typer:.3f}s: ratio {t_help / t_typer:.2f}x (target <= 1.5x)")

        memory = peak_memory_mb([*ATDSCORE, "rank", "--format", "json"], project)
        print(f"peak memory, rank on {args.countries} countries: {memory:.0f} MB (target < 150 MB)")

        if not args.skip_scaling:
            check_scaling(work, args.repeat)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
