"""Time `atdscore site`: the shipped data, and synthetic projects of more countries and editions.

Usage: python bench/site.py [--repeat 3] [--countries 200] [--editions 3] [--skip-synthetic]

Each figure is the best of `--repeat` runs of the command as a user runs it (a new process: start-up,
loading, scoring, the sensitivity intervals, rendering every page, writing the folder), with the CPU
time of a run (the command and its workers), which a busy machine disturbs less. Target: the shipped
data (27 countries, 2 editions, 2 languages) in a few seconds.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
from pathlib import Path

# bench/ is not a package: bench/run.py's helpers are imported through the path.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import best_time, make_project

REPO = Path(__file__).resolve().parent.parent


def _site(project: Path, out: Path, repeat: int) -> tuple[float, float, int]:
    """Best wall-clock time, CPU time per run (the command and its workers) and the number of files."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = best_time([sys.executable, "-m", "atdscore", "site", str(project), "-o", str(out)], repeat)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / repeat
    return seconds, cpu, sum(1 for p in out.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--countries", type=int, default=200)
    parser.add_argument("--editions", type=int, default=3)
    parser.add_argument("--skip-synthetic", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="atdscore-bench-site-"))
    try:
        seconds, cpu, files = _site(REPO, work / "shipped", args.repeat)
        print(f"shipped data: {files} files in {seconds:.2f} s (best of {args.repeat}; {cpu:.2f} s of CPU per run)")
        if not args.skip_synthetic:
            project = work / "project"
            make_project(project, args.countries, args.editions)
            seconds, cpu, files = _site(project, work / "synthetic", args.repeat)
            print(
                f"{args.countries} synthetic countries x {args.editions} editions: {files} files in {seconds:.2f} s "
                f"({seconds / files * 1000:.1f} ms per file; {cpu:.2f} s of CPU per run)"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
