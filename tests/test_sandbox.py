"""Templates are untrusted input: none of these payloads may run code, and each is a located template error."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli

PAYLOADS = [
    # The one in the report: reach `os` through a global's __init__.__globals__.
    ("{{{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}}}", "'__init__'"),
    ("{{{{ lipsum.__globals__['os'].system('touch {marker}') }}}}", "'__globals__' of 'function'"),
    ("{{{{ t.__globals__['__builtins__']['__import__']('os').system('touch {marker}') }}}}", "'__globals__'"),
    ("{{{{ namespace.__init__.__globals__.os.system('touch {marker}') }}}}", "'__init__'"),
    # Walk from a string to every class, then to one that can run a command.
    ("{{{{ ''.__class__.__mro__[1].__subclasses__() }}}}{marker}", "'__class__' of 'str'"),
    ("{{{{ ''.__class__.mro() }}}}{marker}", "'__class__'"),
    ("{{{{ lang.__class__.__init__.__globals__ }}}}{marker}", "'__class__' of 'str'"),
    ("{{{{ t.__code__ }}}}{marker}", "'__code__' of 'function'"),
    ("{{{{ self._TemplateReference__context }}}}{marker}", "'_TemplateReference__context'"),
    # Writing to an object: the immutable sandbox refuses list and dict methods that change them.
    ("{{% set l = [1, 2]|list %}}{{{{ l.append('{marker}') }}}}", "'append' of 'list'"),
    ("{{% set d = {{}} %}}{{{{ d.update(x='{marker}') }}}}", "'update' of 'dict'"),
    # Work without bound: would hang or fill memory.
    ("{{{{ 2 ** 100000000 }}}}{marker}", "an exponent above 100"),
    ("{{{{ 'x' * 100000000 }}}}{marker}", "a repeated text or list longer than 1,000,000"),
    ("{{% for i in range(10**9) %}}{{% endfor %}}{marker}", "Range too big"),
]


@pytest.mark.parametrize(("payload", "message"), PAYLOADS)
@pytest.mark.parametrize("command", ["brief", "methodology"])
def test_a_template_cannot_reach_python(
    project: Path, tmp_path: Path, payload: str, message: str, command: str
) -> None:
    marker = tmp_path / "ran"
    templates = project / "templates"  # found automatically, as in a pull request to a data repository
    templates.mkdir()
    name = "brief.md.j2" if command == "brief" else "methodology.md.j2"
    (templates / name).write_text("Title\n" + payload.format(marker=marker) + "\n")
    args = ["brief", "MEX"] if command == "brief" else ["methodology"]
    result = run_cli(*args, "-C", str(project))
    assert not marker.exists()
    assert result.exit_code == 1
    assert result.stdout == ""
    [first] = [line for line in result.stderr.splitlines() if ": error[" in line]
    assert first.startswith(f"{templates / name}:2: error[E601]: template error: "), first
    assert message in first


def test_the_sandbox_leaves_ordinary_arithmetic_alone(project: Path) -> None:
    templates = project / "templates"
    templates.mkdir()
    (templates / "brief.md.j2").write_text("{{ 2 ** 10 }} {{ 3 * 4 }} {{ ('ab' * 3) }} {{ ([1] * 2) | length }}\n")
    result = run_cli("brief", "MEX", "-C", str(project))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "1024 12 ababab 2\n"
