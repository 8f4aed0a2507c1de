"""tests/vectors/hostile/output.json, surface "password": a violation names the rule it breaks,
never the part of the password that breaks it (the file's "command" cases run in the command's
suite)."""

from __future__ import annotations

import json
from typing import Any, Dict, List

import pytest
from conftest import load

import unilogin

CASES: List[Dict[str, Any]] = [
    c for c in load("hostile/output.json")["cases"] if c["surface"] == "password"
]


def test_there_are_password_cases() -> None:
    assert len(CASES) >= 5


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["name"])
def test_hostile_password(case: Dict[str, Any]) -> None:
    reports = [
        unilogin.check_password(
            case["password"], group=case["group"], names=case["names"], lang=lang
        )
        for lang in ("da", "en")
    ]
    types = [v["type"] for v in reports[0]["violations"]]
    for wanted in case["expect"]["problem_types"]:
        assert wanted in types, (case["name"], types)
    shown = "".join(
        json.dumps(report["violations"], ensure_ascii=False) for report in reports
    )
    for absent in case["expect"]["absent"]:
        assert absent not in shown, (case["name"], absent, shown)
