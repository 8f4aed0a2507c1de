"""The command and Python give the same export report: `unilogin validate --format json FILE`
prints the object `unilogin.check_export(FILE)` returns, for every file of `examples/` and
`tests/vectors/export/` and for the input of every export vector."""

from __future__ import annotations

import json
import pathlib
import subprocess
from typing import Any, Dict, List

import pytest

import unilogin
from conftest import ROOT, VECTORS
from test_vectors import EXPORT_CASES, export_path

KINDS = ["request", "register", "user"]
FILES = sorted(p for d in (ROOT / "examples", VECTORS / "export") for p in d.iterdir() if p.is_file())


@pytest.fixture(scope="module")
def command() -> pathlib.Path:
    """The command's binary, built (or found up to date) by cargo in the workspace's target
    directory."""
    subprocess.run(["cargo", "build", "--locked", "-q", "-p", "unilogin-cli"], cwd=ROOT, check=True)
    metadata = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps", "--locked"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    binary = pathlib.Path(json.loads(metadata.stdout)["target_directory"]) / "debug" / "unilogin"
    assert binary.is_file(), binary
    return binary


def validate(command: pathlib.Path, path: pathlib.Path, kind: str, *options: str) -> Dict[str, Any]:
    run = subprocess.run(
        [str(command), "validate", "--kind", kind, "--format", "json", *options, str(path)],
        capture_output=True,
        text=True,
    )
    assert run.returncode in (0, 1, 2), run.stderr
    report: Dict[str, Any] = json.loads(run.stdout)
    # The exit status follows the report: 2 after an error, 1 with problems, 0 without.
    want = 2 if report["error"] else (1 if report["problems"] else 0)
    assert run.returncode == want, run.stderr
    return report


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_file_gives_the_same_report(command: pathlib.Path, path: pathlib.Path, kind: str) -> None:
    for lang in ("da", "en"):
        assert validate(command, path, kind, "--lang", lang) == unilogin.check_export(path, kind=kind, lang=lang)


@pytest.mark.parametrize("case", EXPORT_CASES, ids=lambda c: c["name"])
def test_every_export_vector_gives_the_same_report(
    command: pathlib.Path, case: Dict[str, Any], tmp_path: pathlib.Path
) -> None:
    path = export_path(case, tmp_path)
    kind = case["kind"]
    for jobs in ("1", "2"):
        got = validate(command, path, kind, "--lang", "en", "--jobs", jobs)
        assert got == unilogin.check_export(path, kind=kind, lang="en", jobs=int(jobs)), case["name"]


@pytest.mark.parametrize("max_errors", [1, 2, 100])
def test_max_errors_gives_the_same_report(command: pathlib.Path, max_errors: int) -> None:
    path = ROOT / "examples" / "register.csv"
    got = validate(command, path, "register", "--max-errors", str(max_errors))
    assert got == unilogin.check_export(path, kind="register", max_errors=max_errors)
    problems: List[Dict[str, Any]] = got["problems"]
    assert got["summary"]["max_errors_reached"] == (max_errors <= 5)
    assert len(problems) == min(max_errors, 5)
