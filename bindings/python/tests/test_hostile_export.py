"""The hostile whole files of tests/vectors/hostile/ (surface ``export``) through
``unilogin.check_export``: the report gives each case's verdict (2 with an error, else 1 with
problems, else 0) and what the case expects, as in the core's and the command's suites
(``export.json``'s description gives the format)."""

from __future__ import annotations

import json
import pathlib
from typing import Any, Dict, List

import pytest
from conftest import VECTORS, load

import unilogin


def export_cases() -> List[Dict[str, Any]]:
    cases: List[Dict[str, Any]] = []
    for path in sorted((VECTORS / "hostile").glob("*.json")):
        doc = load(f"hostile/{path.name}")
        # A case with `only` is a call of its own (python.json's, run by test_hostile_python).
        cases.extend(
            case for case in doc["cases"] if case["surface"] == "export" and "only" not in case
        )
    assert cases, "no export cases"
    return cases


def content(case: Dict[str, Any]) -> bytes:
    """The file: ``content`` as a string, or a list of strings and ``{repeat, count}`` parts."""
    parts = case["content"]
    if isinstance(parts, str):
        return parts.encode("utf-8")
    out = []
    for part in parts:
        out.append(part if isinstance(part, str) else part["repeat"] * part["count"])
    return "".join(out).encode("utf-8")


def verdict(report: Dict[str, Any]) -> int:
    if report["error"] is not None:
        return 2
    return 1 if report["summary"]["problems"] > 0 else 0


def matches(got: Any, want: Any) -> bool:
    """Whether ``got`` has every key of ``want`` with the same value (recursively for objects)."""
    if isinstance(want, dict):
        return isinstance(got, dict) and all(matches(got.get(k), v) for k, v in want.items())
    return bool(got == want)


@pytest.mark.parametrize("case", export_cases(), ids=lambda case: case["name"])
def test_hostile_export(case: Dict[str, Any], tmp_path: pathlib.Path) -> None:
    expect = case["expect"]
    path = tmp_path / f"{case['name']}.{case['syntax']}"
    path.write_bytes(content(case))
    report = unilogin.check_export(path, kind=case["kind"], lang="en")
    label = case["name"]
    assert verdict(report) == expect["exit"], f"{label}: {report['error']}"
    error = report["error"]
    if "error" in expect:
        if expect["error"] is None:
            assert error is None, f"{label}: {error}"
        else:
            assert error is not None and matches(error, expect["error"]), f"{label}: {error}"
    if "summary" in expect:
        if expect["summary"] is None:
            assert report["summary"] is None, label
        else:
            assert matches(report["summary"], expect["summary"]), f"{label}: {report['summary']}"
    if "unknown_columns_listed" in expect:
        assert len(report["summary"]["unknown_columns"]) == expect["unknown_columns_listed"], label
    problems = report["problems"]
    for want in expect.get("problems", []):
        assert any(matches(p, want) for p in problems), f"{label}: no {want}"
    types = {p["type"] for p in problems + ([error] if error else [])}
    for want in expect.get("problem_types", []):
        assert want in types, f"{label}: no {want} in {types}"
    for absent in expect.get("absent_types", []):
        assert absent not in types, f"{label}: {absent} in {types}"
    output = json.dumps(report, ensure_ascii=False)
    for absent in expect.get("absent", []):
        assert absent not in output, f"{label}: {absent!r} in the report"
