"""tests/vectors/hostile/text.json: invisible characters and CPR numbers outside the cpr field
(issue 12, items 3 and 8), with the same expectations as the core's runner."""

from __future__ import annotations

import json
from typing import Any, Dict, List

import pytest
from conftest import load

import unilogin

CASES = load("hostile/text.json")["cases"]
RECORDS = [c for c in CASES if c["surface"] == "record"]
VALUES = [c for c in CASES if c["surface"] == "value"]


def assert_absent(case: Dict[str, Any], outputs: List[Any]) -> None:
    """No output (problem dicts, messages, exception text) holds a string the case names."""
    texts = [json.dumps(o, ensure_ascii=False) if not isinstance(o, str) else o for o in outputs]
    for absent in case["expect"].get("absent", []):
        for text in texts:
            assert absent not in text, f"{case['name']}: {absent!r} in {text}"


def has_ctx(problem: Dict[str, Any], ctx: Dict[str, Any]) -> bool:
    return all(problem["ctx"].get(k) == v for k, v in ctx.items())


@pytest.mark.parametrize("case", RECORDS, ids=lambda c: c["name"])
def test_record(case: Dict[str, Any]) -> None:
    fields, kind, expect = case["fields"], case["kind"], case["expect"]
    da = unilogin.validate_record(fields, kind=kind)
    en = unilogin.validate_record(fields, kind=kind, lang="en")
    # The bulk path gives the same problems, with the row in front.
    assert unilogin.validate_records([fields], kind=kind) == [{**p, "loc": [0, *p["loc"]]} for p in da]
    if expect.get("valid"):
        assert da == [], case["name"]
        return
    types = [p["type"] for p in da]
    for want in expect["problem_types"]:
        assert want in types, f"{case['name']}: {types}"
    for want in expect.get("problems", []):
        assert any(
            p["type"] == want["type"] and p["loc"] == want["loc"] and has_ctx(p, want.get("ctx", {}))
            for p in da
        ), f"{case['name']}: {want} not in {da}"
    with pytest.raises(unilogin.ValidationError) as info:
        unilogin.parse_record(fields, kind=kind)
    assert info.value.errors() == da
    assert_absent(case, [da, en, str(info.value), repr(info.value)])


@pytest.mark.parametrize("case", VALUES, ids=lambda c: c["name"])
def test_value(case: Dict[str, Any]) -> None:
    kind, text, expect = case["value_kind"], case["value"], case["expect"]
    outputs: List[Any] = []
    for lang in ("da", "en"):
        with pytest.raises(unilogin.ValidationError) as info:
            unilogin.check_value(text, kind=kind, lang=lang)
        [problem] = info.value.errors()
        assert [problem["type"]] == expect["problem_types"], case["name"]
        assert info.value.code == problem["type"]
        assert has_ctx(problem, expect.get("ctx", {})), f"{case['name']}: {problem}"
        outputs += [problem, str(info.value), repr(info.value)]
    [bulk] = unilogin.validate_values([text], kind=kind)
    assert bulk["type"] == expect["problem_types"][0]
    outputs.append(bulk)
    assert_absent(case, outputs)


def test_cpr_str_is_masked_and_the_full_number_needs_an_explicit_call() -> None:
    cpr = unilogin.Cpr("241299-4128")
    assert str(cpr) == f"{cpr}" == "%s" % cpr == cpr.masked == "241299-****"
    assert "4128" not in repr(cpr)
    assert cpr.full() == "241299-4128"


def test_reset_errors_mask_a_cpr_number() -> None:
    import datetime as dt

    at = dt.datetime(2026, 11, 2, 9, tzinfo=dt.timezone.utc)
    store = unilogin.GrantStore()
    teacher = {"id": "lærer-17", "teacher_role": True, "class_affiliation": True}
    outputs: List[Any] = []
    for lang in ("da", "en"):
        with pytest.raises(unilogin.ResetError) as redeem:
            store.redeem("2412994128", at, lang=lang)
        with pytest.raises(unilogin.ResetError) as issue:
            store.issue(teacher, {"username": "241299-4128", "grade": 5}, at, lang=lang)
        for info in (redeem, issue):
            assert info.value.code == "username_format"
            outputs += [info.value.errors(), str(info.value), repr(info.value)]
    case = {"name": "reset errors", "expect": {"absent": ["241299-4128", "2412994128"]}}
    assert_absent(case, outputs)
