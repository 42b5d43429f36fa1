"""The YAML loader: positions, refusals, limits, and properties over generated input."""

from __future__ import annotations

import copy
import hashlib
import os
import string
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from atdscore.files.discover import find_editions, find_layout
from atdscore.files.load import MAX_COUNTRY_BYTES, _Builder, _compose, parse_yaml, read_yaml
from conftest import run_cli, write_tree


def test_positions_of_values_and_keys() -> None:
    doc, problems = parse_yaml(b"a: 1\nb:\n  - x\n  - {c: d}\n", "f.yaml")
    assert problems == [] and doc is not None
    assert doc.data == {"a": 1, "b": ["x", {"c": "d"}]}
    assert doc.position(("b", 1, "c")) == (4, 9)
    assert doc.position(("b", 1, "c"), key=True) == (4, 6)
    # Parts of a path that are not in the file are skipped: the deepest existing part is used.
    assert doc.position(("b", 1, "missing")) == (4, 5)


def test_dates_are_kept_as_iso_text() -> None:
    doc, _ = parse_yaml(b"d: 2021-01-11\n", "f.yaml")
    assert doc is not None and doc.data == {"d": "2021-01-11"}


def test_infinity_is_a_number() -> None:
    doc, _ = parse_yaml(b"v: .inf\n", "f.yaml")
    assert doc is not None and doc.data == {"v": float("inf")}


def test_scalar_aliases_are_harmless_and_allowed() -> None:
    doc, problems = parse_yaml(b"a: &x hello\nb: *x\n", "f.yaml")
    assert problems == [] and doc is not None and doc.data == {"a": "hello", "b": "hello"}


def test_file_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "MEX.yaml"
    path.write_bytes(b"#" * (MAX_COUNTRY_BYTES + 1))
    doc, problems = read_yaml(path, MAX_COUNTRY_BYTES, "country file")
    assert doc is None
    assert (
        problems[0].message
        == f"file is {MAX_COUNTRY_BYTES + 1:,} bytes; a country file may be at most {MAX_COUNTRY_BYTES:,} bytes"
    )


def test_two_files_for_one_country_in_one_year(tmp_path: Path, monkeypatch: Any) -> None:
    body = (Path(__file__).parent / "fixtures/project/countries/2023/MEX.yaml").read_text()
    rubric = (Path(__file__).parent / "fixtures/project/rubrics/test.yaml").read_text()
    write_tree(tmp_path, {"rubrics/test.yaml": rubric, "countries/2023/MEX.yaml": body, "countries/2023/MEX.yml": body})
    monkeypatch.chdir(tmp_path)
    result = run_cli("check")
    assert (
        "countries/2023/MEX.yml:1:10: error[E416]: a second file for MEX in 2023; the first is countries/2023/MEX.yaml; keep one"
        in result.stdout
    )
    assert result.exit_code == 1


def test_badly_named_country_file(tmp_path: Path, monkeypatch: Any) -> None:
    rubric = (Path(__file__).parent / "fixtures/project/rubrics/test.yaml").read_text()
    write_tree(tmp_path, {"rubrics/test.yaml": rubric, "countries/2023/mexico.yaml": "country: MEX\n"})
    monkeypatch.chdir(tmp_path)
    result = run_cli("check")
    assert result.stdout.splitlines()[0] == (
        "countries/2023/mexico.yaml: error[E402]: 'mexico.yaml' is not named after a country; "
        "name country files by their ISO 3166-1 alpha-3 code in capitals, e.g. 'MEX.yaml'"
    )


def test_layout_accepts_a_project_or_its_countries_folder(tmp_path: Path) -> None:
    write_tree(tmp_path, {"countries/2023/MEX.yaml": "", "countries/2018/MEX.yaml": "", "countries/notes/x.yaml": ""})
    assert find_layout(tmp_path).countries == tmp_path / "countries"
    assert find_layout(tmp_path / "countries").rubrics == tmp_path / "rubrics"
    assert list(find_editions(tmp_path / "countries")) == [2018, 2023]


# Plain data as YAML can hold it: the loader must give back exactly what was dumped.
keys = st.text(string.ascii_letters + string.digits + "-_.", min_size=1, max_size=12)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False),
    # Control characters and Unicode line separators are left out: YAML folds them as line breaks.
    st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=30),
)
plain = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4), max_leaves=25
)


class _Dumper12(yaml.SafeDumper):
    """PyYAML's dumper quotes text by YAML 1.1 rules ('08' is no 1.1 number, so it stays plain); quote by 1.2's."""


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    from yaml.nodes import ScalarNode

    from atdscore.files.yaml_core import Loader

    resolved = Loader("").resolve(ScalarNode, data, (True, False))  # type: ignore[no-untyped-call]
    style = '"' if resolved != "tag:yaml.org,2002:str" else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper12.add_representer(str, _represent_str)


@example({"08": "08"})  # '08' is text to PyYAML's dumper and a number under YAML 1.2
@given(plain)
@settings(max_examples=200, deadline=None)
def test_loader_round_trips_plain_data(value: Any) -> None:
    text = yaml.dump({"root": value}, Dumper=_Dumper12, allow_unicode=True)
    doc, problems = parse_yaml(text.encode("utf-8"), "f.yaml")
    assert problems == []
    assert doc is not None and doc.data == {"root": value}


@given(st.binary(max_size=300))
@settings(max_examples=300, deadline=None)
def test_loader_never_raises_on_arbitrary_bytes(data: bytes) -> None:
    doc, problems = parse_yaml(data, "f.yaml")
    assert (doc is None) == bool(problems)
    for problem in problems:
        assert problem.render().startswith("f.yaml")


@given(st.text(alphabet="ab: -[]{}&*!\n\t'\"#|>", max_size=80))
@settings(max_examples=300, deadline=None)
def test_loader_never_raises_on_yaml_like_text(text: str) -> None:
    doc, problems = parse_yaml(text.encode("utf-8"), "f.yaml")
    assert (doc is None) == bool(problems)


@given(plain)
@settings(max_examples=200, deadline=None)
def test_fast_and_located_paths_give_the_same_data(value: Any) -> None:
    text = yaml.safe_dump({"root": value, True: 1, 1.5: [copy.deepcopy(value)]}, allow_unicode=True)
    root = _compose(text)
    assert root is not None
    assert _Builder(record=False).build(root, ()) == _Builder(record=True).build(root, ())


@given(st.text(alphabet="ab: -[]{}&*!\n'\"#|>123.", max_size=80))
@settings(max_examples=400, deadline=None)
def test_fast_and_located_paths_agree_on_what_they_refuse(text: str) -> None:
    try:
        root = _compose(text)
    except yaml.YAMLError:
        return
    if root is None:
        return
    outcomes = []
    for record in (False, True):
        try:
            outcomes.append(("ok", _Builder(record=record).build(root, ())))
        except Exception as err:  # the refusal itself, whatever it is
            outcomes.append(("refused", type(err).__name__))
    assert outcomes[0] == outcomes[1]


def test_an_edition_scored_with_two_rubrics_is_an_error(project: Path, monkeypatch: Any) -> None:
    rubric = (project / "rubrics" / "test.yaml").read_text()
    (project / "rubrics" / "other.yaml").write_text(rubric.replace("id: test", "id: other"))
    bel = project / "countries" / "2023" / "BEL.yaml"
    bel.write_text(bel.read_text().replace("rubric: test", "rubric: other"))
    monkeypatch.chdir(project)
    result = run_cli("check")
    assert (
        "countries/2023: error[E417]: edition 2023 mixes rubrics: 'other' (1 files), 'test' (3 files); score one edition with one rubric"
        in result.stdout
    )
    assert result.exit_code == 1


def _files(tmp_path: Path, n: int) -> list[Path]:
    files = []
    for i in range(n):
        path = tmp_path / f"f{i}.yaml"
        path.write_text(f"a: {i}\nb: [x, y]\n" if i % 7 != 4 else "a: [1\n")  # some files are broken
        files.append(path)
    return files


def _plain(results: list[Any]) -> list[Any]:
    return [(d.data if d else None, d.path if d else None, [p.render() for p in ps]) for d, ps in results]


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """read_many forks for any number of files, as on a two-core machine; the list counts the forks."""
    from atdscore.files import parallel

    forks: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        forks.append(1)
        return real_fork()

    monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", 2)
    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)
    monkeypatch.setattr(os, "fork", fork)
    return forks


def test_parallel_reading_gives_the_same_result_as_serial(tmp_path: Path, forking: list[int]) -> None:
    from atdscore.files.load import read_yaml
    from atdscore.files.parallel import read_many

    files = _files(tmp_path, 9)
    serial = _plain([read_yaml(f, 10_000) for f in files])
    assert _plain(read_many(files, 10_000)) == serial
    assert forking == [1]
    assert serial[3][0] == {"a": 3, "b": ["x", "y"]} and serial[3][2] == []
    assert serial[4][0] is None and "YAML syntax error" in serial[4][2][0]


def test_no_fork_below_64_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from atdscore.files import parallel

    def no_fork() -> int:
        raise AssertionError("read_many forked")

    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)
    monkeypatch.setattr(os, "fork", no_fork)
    assert parallel.PARALLEL_MIN_FILES == 64
    assert len(parallel.read_many(_files(tmp_path, 63), 10_000)) == 63
    monkeypatch.setattr(parallel, "usable_cores", lambda: 1)
    assert len(parallel.read_many(_files(tmp_path, 64), 10_000)) == 64  # one usable core: a fork would only cost


def _bad_reply(kind: str) -> Callable[[int, list[Any]], None]:
    """A child's `_send` that replies with something other than its results, or dies, or hangs."""
    import pickle
    import signal
    import time

    def send(fd: int, results: list[Any]) -> None:
        def framed(payload: bytes) -> bytes:
            return len(payload).to_bytes(8, "big") + hashlib.sha256(payload).digest() + payload

        with os.fdopen(fd, "wb") as out:
            if kind == "random bytes":
                out.write(os.urandom(5000))
            elif kind == "truncated":
                out.write(framed(pickle.dumps(results))[:-10])
            elif kind == "wrong digest":
                payload = pickle.dumps(results)
                out.write(len(payload).to_bytes(8, "big") + bytes(32) + payload)
            elif kind == "framed garbage":
                out.write(framed(b"\x80\x05garbage"))
            elif kind == "one result short":
                out.write(framed(pickle.dumps(results[:-1])))
            elif kind == "not results":
                out.write(framed(pickle.dumps([("x", "y")] * len(results))))
            elif kind == "another file's results":
                out.write(framed(pickle.dumps(results[1:] + results[:1])))
            elif kind == "a problem without a document":
                out.write(framed(pickle.dumps([(None, [])] * len(results))))
            elif kind == "dies":
                os.kill(os.getpid(), signal.SIGKILL)
            elif kind == "hangs":
                time.sleep(60)

    return send


@pytest.mark.parametrize(
    "kind",
    [
        "random bytes",
        "truncated",
        "wrong digest",
        "framed garbage",
        "one result short",
        "not results",
        "another file's results",
        "a problem without a document",
        "dies",
        "hangs",
    ],
)
def test_a_child_that_sends_garbage_dies_or_hangs_changes_nothing(
    kind: str, tmp_path: Path, forking: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from atdscore.files import parallel
    from atdscore.files.load import read_yaml

    files = _files(tmp_path, 12)
    serial = _plain([read_yaml(f, 10_000) for f in files])
    monkeypatch.setattr(parallel, "_send", _bad_reply(kind))
    monkeypatch.setattr(parallel, "CHILD_MIN_WAIT", 0.5)
    assert _plain(parallel.read_many(files, 10_000)) == serial
    assert forking == [1]
