"""The folder layout is the pipeline: no module imports from a later stage."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "src" / "atdscore"
# files -> validation (models) -> core (pure) -> render -> cli; `problems` and `text` are shared by all.
STAGES = {"problems": 0, "text": 0, "files": 1, "validation": 2, "core": 3, "render": 4, "cli": 5}
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).parts[0] in {*STAGES, "problems.py"})


def _stage(parts: tuple[str, ...]) -> int:
    return STAGES[parts[0].removesuffix(".py")]


def _imports(path: Path) -> list[tuple[str, int]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("atdscore."):
            found.append((node.module, node.lineno))
        elif isinstance(node, ast.Import):
            found += [(a.name, node.lineno) for a in node.names if a.name.startswith("atdscore.")]
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_module_imports_from_a_later_stage(path: Path) -> None:
    own = _stage(path.relative_to(PACKAGE).parts)
    for module, line in _imports(path):
        target = module.split(".")[1]
        assert target in STAGES, f"{path}:{line} imports {module}, which is in no stage"
        assert STAGES[target] <= own, f"{path.name}:{line} imports {module} from a later stage"
        if own == 0:  # the shared layer imports nothing but itself
            assert STAGES[target] == 0, f"{path.name}:{line} imports {module}"


def test_every_package_module_is_in_a_stage() -> None:
    top = {p.name for p in PACKAGE.iterdir() if not p.name.startswith("__") and p.name != "templates"}
    assert top == {"problems.py", "text", "files", "validation", "core", "render", "cli"}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_modules_stay_small(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= 450, f"{path.name} has {lines} lines: split it by job"
