"""The hostile state vectors (tests/vectors/hostile/state.json) through the Python binding: the
agreement ledger and the reset-grant store out of time order, failed calls that change nothing,
keyed one-time codes and password-history entries (the file's description gives the format)."""

from __future__ import annotations

from typing import Any, Callable, Dict, List

import pytest
from conftest import load, ts

import unilogin

DOC = load("hostile/state.json")


def _cases(surface: str) -> List[Dict[str, Any]]:
    cases = [c for c in DOC["cases"] if c["surface"] == surface]
    assert cases, surface
    return cases


def _keys(op: Dict[str, Any]) -> Dict[str, Any]:
    """The `keys` ({id: hex}) and `key_id` of an operation as keyword arguments."""
    if "keys" not in op:
        return {}
    return {"keys": {k: bytes.fromhex(v) for k, v in op["keys"].items()}, "key_id": op["key_id"]}


def _check_summary(case: Dict[str, Any]) -> None:
    failing = [op for op in case["operations"] if "error" in op["expect"]]
    if "error" in case["expect"]:
        assert failing and failing[-1]["expect"]["error"] == case["expect"]["error"], case["name"]
    if case["expect"].get("state_unchanged"):
        assert failing and failing[-1]["expect"].get("unchanged") is True, case["name"]


def _run(label: str, op: Dict[str, Any], call: Callable[[], Any], state: Callable[[], Any]) -> Any:
    """Runs `call` and checks it against `op["expect"]`: the result, or the error (and that
    `state()` is unchanged when the vector says so)."""
    expect = op["expect"]
    before = state()
    try:
        got = call()
    except (unilogin.ValidationError, unilogin.ArgumentError) as e:
        assert "error" in expect, f"{label}: unexpected {e!r}"
        assert e.code == expect["error"], f"{label}: {e!r}"
        if isinstance(e, unilogin.ValidationError):
            problem = e.errors()[0]
            if "ctx" in expect:
                assert problem["ctx"] == expect["ctx"], label
            if "loc" in expect:
                assert problem["loc"] == expect["loc"], label
        if expect.get("unchanged"):
            assert state() == before, f"{label}: the state changed"
        return None
    assert "error" not in expect, f"{label}: expected {expect['error']}, got {got!r}"
    return got


@pytest.mark.parametrize("case", _cases("ledger"), ids=lambda c: c["name"])
def test_ledger(case: Dict[str, Any]) -> None:
    _check_summary(case)
    people = DOC["people"]
    ledger = unilogin.AgreementLedger()

    def state() -> str:
        return ledger.to_json()

    for i, op in enumerate(case["operations"]):
        label = f"{case['name']} / {i} {op['op']}"
        name = op["op"]
        call: Callable[[], Any]
        if name == "request":
            call = lambda: ledger.request(op["request"], by=people[op["by"]], at=ts(op["at"]))  # noqa: E731
        elif name == "decide":
            call = lambda: ledger.decide(  # noqa: E731
                op["id"], op["decision"], by=people[op["by"]], at=ts(op["at"]), dpa_in_place=op["dpa_in_place"]
            )
        elif name in ("close", "withdraw"):
            call = lambda: getattr(ledger, name)(op["id"], by=people[op["by"]], at=ts(op["at"]))  # noqa: E731
        elif name == "load":
            call = lambda: unilogin.AgreementLedger.from_json(op["json"])  # noqa: E731
        elif name == "reload":
            again = unilogin.AgreementLedger.from_json(ledger.to_json())
            assert again == ledger, label
            continue
        else:  # pragma: no cover
            raise AssertionError(label)
        got = _run(label, op, call, state)
        if name == "load" and got is not None:
            ledger = got
        if name == "request" and got is not None:
            assert got == op["expect"]["ids"], label


def _inspect(label: str, store: unilogin.GrantStore, expect: Dict[str, Any]) -> None:
    text = store.to_json()
    if "keyed" in expect:
        assert store.keyed is expect["keyed"], label
    if "unkeyed_codes" in expect:
        assert store.unkeyed_codes == expect["unkeyed_codes"], label
    for grant, keyed in expect.get("code_keyed", {}).items():
        assert store.grant(int(grant))["code_keyed"] is keyed, label
    if "policy" in expect:
        assert store.policy == expect["policy"], label
    for absent in expect.get("json_absent", []):
        assert absent not in text, f"{label}: {absent}"
    for present in expect.get("json_contains", []):
        assert present in text, f"{label}: {present}"


@pytest.mark.parametrize("case", _cases("grants"), ids=lambda c: c["name"])
def test_grants(case: Dict[str, Any]) -> None:
    _check_summary(case)
    holder: List[unilogin.GrantStore] = [unilogin.GrantStore()]

    def state() -> Any:
        return (holder[0].to_json(), holder[0].last_time)

    for i, op in enumerate(case["operations"]):
        label = f"{case['name']} / {i} {op['op']}"
        name, store = op["op"], holder[0]
        call: Callable[[], Any]
        if name == "create":
            call = lambda: unilogin.GrantStore(policy=op.get("policy"), **_keys(op))  # noqa: E731
        elif name == "issue":
            call = lambda: store.issue(op["by"], op["pupil"], ts(op["at"]), code=op.get("code"))  # noqa: E731
        elif name == "redeem":
            call = lambda: store.redeem(op["username"], ts(op["at"]), code=op.get("code"))  # noqa: E731
        elif name == "load":
            call = lambda: unilogin.GrantStore.from_json(op["json"], **_keys(op))  # noqa: E731
        elif name == "reload":
            again = unilogin.GrantStore.from_json(store.to_json(), **_keys(op))
            assert again.to_json() == store.to_json() and again.last_time == store.last_time, label
            holder[0] = again
            continue
        elif name == "inspect":
            _inspect(label, store, op["expect"])
            continue
        else:  # pragma: no cover
            raise AssertionError(label)
        got = _run(label, op, call, state)
        if got is None:
            continue
        if isinstance(got, unilogin.GrantStore):
            holder[0] = got
            continue
        expect = op["expect"]
        if "grant" in expect:
            assert got["grant"] == expect["grant"], label
        if "expires_at" in expect:
            assert got["expires_at"] == ts(expect["expires_at"]), label


@pytest.mark.parametrize("case", _cases("password"), ids=lambda c: c["name"])
def test_password_history(case: Dict[str, Any]) -> None:
    expect = case["expect"]
    def call() -> Dict[str, Any]:
        return unilogin.check_password(case["password"], group=case["group"], previous_hashes=case["history"])

    if "error" in expect:
        with pytest.raises(unilogin.ArgumentError) as raised:
            call()
        assert raised.value.code == expect["error"]
        for entry in case["history"]:
            with pytest.raises(unilogin.ArgumentError):
                unilogin.password_needs_rehash(entry)
        return
    report = call()
    assert [v["type"] for v in report["violations"]] == expect["problem_types"]
    assert [unilogin.password_needs_rehash(h) for h in case["history"]] == expect["needs_rehash"]


def test_hash_password_makes_argon2id_entries_that_need_no_rehash() -> None:
    stored = unilogin.hash_password("Hestesko-Bilvask-12")
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert not unilogin.password_needs_rehash(stored)
    report = unilogin.check_password("Hestesko-Bilvask-12", group="udskoling", previous_hashes=[stored])
    assert [v["type"] for v in report["violations"]] == ["password_reused"]
