"""The shared vectors of tests/vectors/, with the same expectations as the Rust tests."""

from __future__ import annotations

import datetime
import json
from typing import Any, Dict, List, Optional

import pytest
from conftest import load, ts

import unilogin


def check_problem(label: str, actual: Dict[str, Any], expected: Dict[str, Any], *, en: Optional[Dict[str, Any]] = None) -> None:
    """Checks one problem against an expected {type, loc?, input?, ctx?, msg?{da,en}}."""
    assert actual["type"] == expected["type"], label
    if "loc" in expected:
        assert actual["loc"] == expected["loc"], f"{label}: loc"
    if "input" in expected:
        assert actual["input"] == expected["input"], f"{label}: input"
    if "ctx" in expected:
        assert actual["ctx"] == expected["ctx"], f"{label}: ctx"
    if "msg" in expected:
        assert actual["msg"] == expected["msg"]["da"], f"{label}: msg da"
        if en is not None:
            assert en["msg"] == expected["msg"]["en"], f"{label}: msg en"


def raised(exc: unilogin.ValidationError, expected: Dict[str, Any], label: str, call_en: Any = None) -> None:
    [problem] = exc.errors()
    en = None
    if call_en is not None:
        with pytest.raises(unilogin.ValidationError) as info:
            call_en()
        en = info.value.errors()[0]
    check_problem(label, problem, expected, en=en)
    assert exc.code == expected["type"]


# --- identifiers -------------------------------------------------------------------------------

IDENTIFIERS = load("identifiers.json")["cases"]


@pytest.mark.parametrize("case", IDENTIFIERS, ids=lambda c: f"{c['kind']}:{c['input']!r}")
def test_identifier(case: Dict[str, Any]) -> None:
    kind, text = case["kind"], case["input"]
    if "valid" in case:
        assert unilogin.check_value(text, kind=kind) == case["valid"]
        assert unilogin.valid_mask([text], kind=kind) == [True]
        assert unilogin.validate_values([text], kind=kind) == []
    else:
        with pytest.raises(unilogin.ValidationError) as info:
            unilogin.check_value(text, kind=kind)
        raised(info.value, case["error"], kind, lambda: unilogin.check_value(text, kind=kind, lang="en"))
        assert unilogin.valid_mask([text], kind=kind) == [False]
        [bulk] = unilogin.validate_values([text], kind=kind)
        assert bulk["loc"] == [0] and bulk["type"] == case["error"]["type"]


CLASSES = {
    "cvr": unilogin.Cvr,
    "p_number": unilogin.PNumber,
    "institution_number": unilogin.InstitutionNumber,
    "municipality": unilogin.Municipality,
    "phone": unilogin.PhoneNumber,
    "email": unilogin.Email,
    "postal_code": unilogin.PostalCode,
    "house_number": unilogin.HouseNumber,
    "street": unilogin.Street,
    "city": unilogin.City,
    "institution_name": unilogin.InstitutionName,
}


@pytest.mark.parametrize("case", [c for c in IDENTIFIERS if c["kind"] in CLASSES], ids=lambda c: f"{c['kind']}:{c['input']!r}")
def test_identifier_class(case: Dict[str, Any]) -> None:
    cls = CLASSES[case["kind"]]
    if "valid" in case:
        value = cls(case["input"])
        assert str(value) == case["valid"]
        assert value == cls(case["valid"]) and hash(value) == hash(cls(case["valid"]))
        assert cls.is_valid(case["input"])
    elif case["error"]["type"] != "missing":
        with pytest.raises(unilogin.ValidationError) as info:
            cls(case["input"])
        assert info.value.code == case["error"]["type"]
        assert not cls.is_valid(case["input"])


# --- records -----------------------------------------------------------------------------------


def record_cases(file: str) -> List[Any]:
    doc = load(file)
    return [pytest.param(doc["kind"], c, id=c["name"]) for c in doc["cases"]]


@pytest.mark.parametrize(
    "kind,case", record_cases("requests.json") + record_cases("register.json") + record_cases("users.json")
)
def test_record(kind: str, case: Dict[str, Any]) -> None:
    data = case["input"]
    policy = case.get("policy")
    # `as_of`: the reference date the record is checked on (issue 13 item 11).
    as_of = datetime.date.fromisoformat(case["as_of"]) if "as_of" in case else None
    problems = unilogin.validate_record(data, kind=kind, as_of=as_of, policy=policy)
    # The bulk path (header resolved once) gives the same problems, with the row in front.
    bulk = unilogin.validate_records([data, data], kind=kind, as_of=as_of, policy=policy)
    assert bulk == [{**p, "loc": [i, *p["loc"]]} for i in (0, 1) for p in problems]
    if kind == "request":
        assert unilogin.validate_request(data, policy=policy) == problems
    if "valid" in case:
        assert problems == []
        assert unilogin.parse_record(data, kind=kind, as_of=as_of, policy=policy) == case["valid"]
    else:
        want = case["errors"]
        assert [(p["type"], p["loc"]) for p in problems] == [(w["type"], w["loc"]) for w in want]
        english = unilogin.validate_record(data, kind=kind, lang="en", as_of=as_of, policy=policy)
        for p, e, w in zip(problems, english, want):
            check_problem(case["name"], p, w, en=e)
        with pytest.raises(unilogin.ValidationError) as info:
            unilogin.parse_record(data, kind=kind, as_of=as_of, policy=policy)
        assert info.value.errors() == problems


# --- passwords ---------------------------------------------------------------------------------


@pytest.mark.parametrize("case", load("passwords.json")["cases"], ids=lambda c: c["name"])
def test_password(case: Dict[str, Any]) -> None:
    def run(lang: str) -> Dict[str, Any]:
        return unilogin.check_password(
            case["password"],
            group=case["group"],
            names=case["names"],
            previous_hashes=case.get("history"),
            policy=case.get("policy"),
            lang=lang,
        )

    expect = case["expect"]
    if "error" in expect:
        with pytest.raises(unilogin.ValidationError) as info:
            run("da")
        raised(info.value, expect["error"], case["name"], lambda: run("en"))
        return
    da, en = run("da"), run("en")
    assert [{"type": v["type"], "ctx": v["ctx"]} for v in da["violations"]] == [
        {"type": v["type"], "ctx": v.get("ctx", {})} for v in expect["violations"]
    ]
    assert da["ok"] == (expect["violations"] == [])
    assert {r["rule"]: r["met"] for r in da["rules"]} == expect["rules"]
    statuses = {r["rule"]: r["status"] for r in da["rules"]}
    for rule, status in expect.get("status", {}).items():
        assert statuses[rule] == status, rule
    if "complete" in expect:
        assert da["complete"] == expect["complete"]
    assert da["complete"] == ("not_checked" not in statuses.values())
    for i, msg in enumerate(expect.get("msg", [])):
        assert da["violations"][i]["msg"] == msg["da"]
        assert en["violations"][i]["msg"] == msg["en"]
    for lang, labels in expect.get("labels", {}).items():
        report = da if lang == "da" else en
        got = {r["rule"]: r["label"] for r in report["rules"]}
        for rule, label in labels.items():
            assert got[rule] == label


# --- provisioning ------------------------------------------------------------------------------


@pytest.mark.parametrize("case", load("provisioning.json")["cases"], ids=lambda c: c["name"])
def test_provisioning(case: Dict[str, Any]) -> None:
    def run(lang: str) -> unilogin.ProvisioningEstimate:
        return unilogin.provisioning_estimate(
            ts(case["created_at"]),
            already_has_unilogin=case["already_has_unilogin"],
            schedule=case["schedule"],
            typical_hours_after_creation=case.get("typical_hours_after_creation"),
            latest_hours_after_import=case.get("latest_hours_after_import"),
            lang=lang,
        )

    if "errors" in case:
        with pytest.raises(unilogin.ValidationError) as da:
            run("da")
        with pytest.raises(unilogin.ValidationError) as en:
            run("en")
        assert len(da.value.errors()) == len(case["errors"])
        for p, e, w in zip(da.value.errors(), en.value.errors(), case["errors"]):
            check_problem(case["name"], p, w, en=e)
        return
    estimate, expect = run("da"), case["expect"]
    assert estimate.readiness == expect["readiness"]
    assert estimate.typical_ready == ts(expect["typical_ready"])
    assert estimate.latest_ready == ts(expect["latest_ready"])
    assert estimate.created_at.tzinfo is not None
    if expect["next_import"] is None:
        assert estimate.next_import is None
    else:
        nxt = estimate.next_import
        assert nxt is not None and nxt["at"] == ts(expect["next_import"])
        for key in ("scheduled", "clock"):
            if key in expect:
                assert nxt[key] == expect[key]
        if "local" in expect:
            assert nxt["local"].isoformat() == expect["local"]
    for check in case.get("status_at", []):
        assert estimate.status(ts(check["now"])) == check["status"]


# --- login -------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", load("login.json")["cases"], ids=lambda c: c["name"])
def test_login(case: Dict[str, Any]) -> None:
    user = case["user"]

    def run(lang: str = "da") -> unilogin.LoginGuide:
        return unilogin.login_guide(
            case["guide"],
            role=user["role"],
            grade=user["grade"],
            has_own_mitid=user["has_own_mitid"],
            age=user["age"],
            cause=case.get("cause"),
            policy=case.get("policy"),
            lang=lang,
        )

    if "error" in case:
        with pytest.raises(unilogin.ValidationError) as info:
            run()
        raised(info.value, case["error"], case["name"])
        return
    guide = run()
    assert guide.step_ids == case["expect"]["steps"]
    assert guide.helper_ids == case["expect"]["helpers"]
    assert guide.cannot_help_ids == case["expect"]["cannot_help"]
    assert guide.to_text("en") and guide.to_dict()["task"] == guide.task


@pytest.mark.parametrize("case", load("login.json")["messages"], ids=lambda c: c["name"])
def test_login_help_from_message(case: Dict[str, Any]) -> None:
    user = case["user"]

    def run(lang: str = "da") -> List[unilogin.LoginGuide]:
        return unilogin.login_help(
            case["message"],
            role=user["role"],
            grade=user["grade"],
            has_own_mitid=user["has_own_mitid"],
            age=user["age"],
            lang=lang,
        )

    if "error" in case:
        with pytest.raises(unilogin.ValidationError) as info:
            run()
        raised(info.value, case["error"], case["name"], lambda: run("en"))
        return
    guides = run()
    expect = case["expect"]
    assert [g.cause for g in guides] == expect["causes"]
    assert all(g.task == "login_failed" for g in guides)
    if "steps" in expect:
        assert guides[0].step_ids == expect["steps"]
    if "helpers" in expect:
        assert guides[0].helper_ids == expect["helpers"]


# --- onboarding --------------------------------------------------------------------------------


@pytest.mark.parametrize("basis", ["kommunal", "selvejet", "privat"])
def test_onboarding_plan_golden(basis: str) -> None:
    assert unilogin.onboarding_plan(basis) == load(f"onboarding/{basis}.json")


def test_onboarding_progress_golden() -> None:
    doc = load("onboarding/progress-privat-v1.json")
    progress = unilogin.OnboardingProgress.from_json(json.dumps(doc))
    assert json.loads(progress.to_json()) == doc


ONBOARDING = load("onboarding/scenarios.json")


@pytest.mark.parametrize("scenario", ONBOARDING["scenarios"], ids=lambda s: s["name"])
def test_onboarding_scenario(scenario: Dict[str, Any]) -> None:
    if "error" in scenario.get("expect", {}):
        with pytest.raises(unilogin.ValidationError) as info:
            unilogin.OnboardingProgress(scenario["legal_basis"])
        raised(info.value, scenario["expect"]["error"], scenario["name"],
               lambda: unilogin.OnboardingProgress(scenario["legal_basis"], lang="en"))
        return
    progress = unilogin.OnboardingProgress(scenario["legal_basis"])
    for step in scenario["steps"]:
        op, expect = step["op"], step["expect"]
        if op == "complete":
            def call(lang: str = "da") -> None:
                progress.complete(step["step"], step["actor"], ts(step["at"]), lang=lang)
            if "error" in expect:
                before = progress.to_json()
                with pytest.raises(unilogin.TransitionError) as info:
                    call()
                raised(info.value, expect["error"], step["step"], lambda: call("en"))
                assert progress.to_json() == before
            else:
                call()
        elif op == "next_steps":
            assert [s["id"] for s in progress.next_steps(step["actor"])] == expect
        elif op == "summary":
            assert progress.summary() == expect
        elif op == "document":
            assert json.loads(progress.to_json()) == expect
        else:  # pragma: no cover
            raise AssertionError(op)


@pytest.mark.parametrize("case", ONBOARDING["loading"], ids=lambda c: c["name"])
def test_onboarding_loading(case: Dict[str, Any]) -> None:
    text = case["text"] if "text" in case else json.dumps(case["document"])
    if "error" in case["expect"]:
        with pytest.raises(unilogin.ValidationError) as info:
            unilogin.OnboardingProgress.from_json(text)
        expected = dict(case["expect"]["error"])
        if expected["type"] == "json_invalid":  # reasons differ per language
            expected.pop("ctx", None)
            expected.pop("msg", None)
        raised(info.value, expected, case["name"],
               None if "msg" not in expected else lambda: unilogin.OnboardingProgress.from_json(text, lang="en"))
    else:
        unilogin.OnboardingProgress.from_json(text)


# --- agreements --------------------------------------------------------------------------------

AGREEMENTS = load("agreements.json")


def test_agreement_ledger_golden() -> None:
    doc = load("agreements/ledger-v1.json")
    ledger = unilogin.AgreementLedger.from_json(json.dumps(doc))
    assert json.loads(ledger.to_json()) == doc


@pytest.mark.parametrize("case", load("agreements/loading.json")["cases"], ids=lambda c: c["name"])
def test_agreement_loading(case: Dict[str, Any]) -> None:
    if "error" in case:
        with pytest.raises(unilogin.ValidationError) as info:
            unilogin.AgreementLedger.from_json(case["json"])
        expected = dict(case["error"])
        if expected["type"] == "json_invalid":  # reasons differ per language
            expected.pop("ctx", None)
        raised(info.value, expected, case["name"])
        return
    ledger = unilogin.AgreementLedger.from_json(case["json"])
    for id_, state in case["states"].items():
        assert ledger.state(int(id_)) == state, case["name"]


def _check_error(exc: unilogin.ValidationError, expected: Dict[str, Any], label: str) -> None:
    [problem] = exc.errors()
    check_problem(label, problem, {k: v for k, v in expected.items() if k != "msg"})
    if "msg" in expected:
        assert problem["msg"] == expected["msg"]["da"], label


@pytest.mark.parametrize("scenario", AGREEMENTS["scenarios"], ids=lambda s: s["name"])
def test_agreement_scenario(scenario: Dict[str, Any]) -> None:
    people = AGREEMENTS["people"]
    ledger = unilogin.AgreementLedger(require_dpa=scenario.get("policy", {}).get("require_dpa", False))
    for step in scenario["steps"]:
        op, expect = step["op"], step["expect"]
        label = f"{scenario['name']}: {op}"
        by = people.get(step.get("by", ""), None)
        at = ts(step["at"]) if "at" in step else None
        try:
            if op == "request":
                got: Any = {"ids": ledger.request(step["request"], by=by, at=at)}
            elif op == "decide":
                d = step["decision"]
                warnings = ledger.decide(step["id"], d["decision"], by=by, at=at,
                                         dpa_in_place=d.get("dpa_in_place", False), comment=step.get("comment"))
                got = {"warnings": warnings}
            elif op == "decide_many":
                d = step["decision"]
                results = ledger.decide_many(step["ids"], d["decision"], by=by, at=at,
                                             dpa_in_place=d.get("dpa_in_place", False), comment=step.get("comment"))
                assert len(results) == len(expect["results"]), label
                for r, w in zip(results, expect["results"]):
                    if "error" in w:
                        assert isinstance(r, unilogin.TransitionError), label
                        _check_error(r, w["error"], label)
                    else:
                        assert isinstance(r, list)
                        assert [p["type"] for p in r] == [x["type"] for x in w["warnings"]], label
                continue
            elif op == "close":
                ledger.close(step["id"], by=by, at=at, comment=step.get("comment"))
                got = {"ok": True}
            elif op == "withdraw":
                ledger.withdraw(step["id"], by=by, at=at, comment=step.get("comment"))
                got = {"ok": True}
            elif op == "states":
                for id_, state in expect.items():
                    assert ledger.state(int(id_)) == state, label
                continue
            elif op == "notifications":
                assert [[n["kind"], n["agreement"], n["to"]] for n in ledger.notifications()] == expect, label
                continue
            else:  # pragma: no cover
                raise AssertionError(op)
        except unilogin.ValidationError as e:
            # TransitionError for the ledger's rules; ValidationError for a request whose
            # domain value (an A-number, a CVR number) does not read: its own type and loc.
            if "error" in expect:
                _check_error(e, expect["error"], label)
            elif "errors" in expect:
                assert [(p["type"], p["loc"]) for p in e.errors()] == [(w["type"], w["loc"]) for w in expect["errors"]], label
            else:
                raise
            continue
        assert "error" not in expect and "errors" not in expect, f"{label}: expected an error, got {got}"
        if "ids" in expect:
            assert got["ids"] == expect["ids"], label
        if "warnings" in expect:
            assert [p["type"] for p in got["warnings"]] == [w["type"] for w in expect["warnings"]], label
    # The history replays to the same ledger.
    assert unilogin.AgreementLedger.from_json(ledger.to_json()).to_json() == ledger.to_json()


# --- reset -------------------------------------------------------------------------------------

RESET = load("reset.json")


@pytest.mark.parametrize("scenario", RESET["scenarios"], ids=lambda s: s["name"])
def test_reset_scenario(scenario: Dict[str, Any]) -> None:
    store = unilogin.GrantStore(policy=scenario.get("policy"))
    for step in scenario["steps"]:
        op, expect = step["op"], step["expect"]
        label = f"{scenario['name']}: {op}"
        at = ts(step["at"])
        try:
            if op == "issue":
                got: Any = store.issue(RESET["issuers"][step["by"]], step["pupil"], at, code=step.get("code"))
                assert got["grant"] == expect["grant"] and got["expires_at"] == ts(expect["expires_at"]), label
                assert (got["code"] is not None) == expect["code"], label
            elif op == "redeem":
                got = store.redeem(step["username"], at, code=step.get("code"))
            elif op == "redeem_grant":
                got = store.redeem_grant(step["grant"], step["username"], at, code=step.get("code"))
            elif op == "status":
                assert store.status(step["grant"], at) == expect, label
                continue
            else:  # pragma: no cover
                raise AssertionError(op)
        except unilogin.ResetError as e:
            assert isinstance(expect, dict) and "error" in expect, f"{label}: unexpected {e!r}"
            _check_error(e, expect["error"], label)
            assert e.public_message() == RESET["public_message"]["da"]
            assert e.public_message("en") == RESET["public_message"]["en"]
            continue
        assert "error" not in expect, f"{label}: expected an error, got {got}"
        if op != "issue":
            assert {k: got[k] for k in expect} == expect, label
            assert got["at"] == at
    again = unilogin.GrantStore.from_json(store.to_json(), policy=scenario.get("policy"))
    assert again.to_json() == store.to_json()


def test_reset_store_golden() -> None:
    # Version 1 (before keys) still loads; it is saved as version 2 with the same events.
    doc = load("reset/store-v1.json")
    store = unilogin.GrantStore.from_json(json.dumps(doc))
    assert json.loads(store.to_json()) == {**doc, "version": 2}
    assert store.unkeyed_codes == [2, 3, 4]
    doc = load("reset/store-v2.json")
    store = unilogin.GrantStore.from_json(json.dumps(doc), keys={"golden-2026": b"\x5a" * 32}, key_id="golden-2026")
    assert json.loads(store.to_json()) == doc
    assert store.keyed and store.unkeyed_codes == []


@pytest.mark.parametrize(
    "load_case",
    [("agreements", c) for c in load("agreements/loading.json")["cases"]]
    + [("reset", c) for c in load("reset/loading.json")["cases"]],
    ids=lambda lc: f"{lc[0]}: {lc[1]['name']}",
)
def test_history_loading(load_case: Any) -> None:
    # A stored history that breaks a rule, also a domain value of an event (an A-number, a
    # grade 11), is history_invalid naming the event and the rule, never json_invalid.
    owner, case = load_case
    from_json = unilogin.AgreementLedger.from_json if owner == "agreements" else unilogin.GrantStore.from_json
    if "error" not in case:
        from_json(case["json"])
        return
    with pytest.raises(unilogin.ValidationError) as info:
        from_json(case["json"])
    [problem] = info.value.errors()
    check_problem(case["name"], problem, {k: v for k, v in case["error"].items() if k != "msg"})


# --- expiry ------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", load("expiry.json")["cases"], ids=lambda c: c["name"])
def test_expiry(case: Dict[str, Any]) -> None:
    import datetime as dt

    on = dt.date.fromisoformat(case["on"]) if "on" in case else None
    band = dt.date.fromisoformat(case["band_changed_on"]) if "band_changed_on" in case else None
    expiry = unilogin.password_expiry(
        ts(case["last_change"]),
        group=case.get("group"),
        grade=case.get("grade"),
        role=case.get("role"),
        on=on,
        band_changed_on=band,
        policy=case.get("policy"),
    )
    assert expiry.to_dict() == case["expect"]
    assert expiry.reason == case["expect"]["reason"]
    want = case["expect"]["must_change_by"]
    assert expiry.must_change_by == (ts(want) if want else None)
    for now, status in case["status"]:
        assert expiry.status(ts(now)) == status


# --- export files ------------------------------------------------------------------------------

EXPORT_CASES = [case for name in ("csv", "encoding", "jsonl") for case in load(f"export/{name}.json")["cases"]]


def export_path(case: Dict[str, Any], tmp_path: Any) -> Any:
    """The file of a case: a path beside the vectors, or its input written to a temporary file."""
    from conftest import VECTORS

    if "path" in case:
        return VECTORS / "export" / case["path"]
    data = case["input"].encode("utf-8") if "input" in case else bytes.fromhex(case["input_hex"])
    if "input_repeat" in case:
        data += (case["input_repeat"]["text"] * case["input_repeat"]["count"]).encode("utf-8")
    path = tmp_path / ("export.csv" if case["syntax"] == "csv" else "export.jsonl")
    path.write_bytes(data)
    return path


def check_subset(label: str, actual: Dict[str, Any], expected: Dict[str, Any]) -> None:
    for key, value in expected.items():
        assert actual[key] == value, f"{label}: ctx {key}"


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("case", EXPORT_CASES, ids=lambda c: c["name"])
def test_export(case: Dict[str, Any], jobs: int, tmp_path: Any) -> None:
    path = export_path(case, tmp_path)
    da = unilogin.check_export(path, kind=case["kind"], jobs=jobs)
    en = unilogin.check_export(path, kind=case["kind"], lang="en", jobs=jobs)
    expect, label = case["expect"], case["name"]
    summary = da["summary"]
    assert (summary["rows"] if summary else 0) == expect["rows"], label
    if "error" in expect:
        want, error = expect["error"], da["error"]
        assert error is not None and en["error"] is not None, label
        assert error["type"] == want["type"] and error["loc"] == [], label
        if "line" in want:
            assert error["line"] == want["line"], label
        check_subset(label, error["ctx"], want.get("ctx", {}))
        if "msg" in want:
            assert (error["msg"], en["error"]["msg"]) == (want["msg"]["da"], want["msg"]["en"]), label
        if want["type"] == "file_unreadable" and not path.exists():
            # Python's own error for a missing file, as open() raises it.
            with pytest.raises(FileNotFoundError):
                unilogin.validate_csv(path, kind=case["kind"], jobs=jobs)
            return
        with pytest.raises(unilogin.ValidationError) as info:
            unilogin.validate_csv(path, kind=case["kind"], jobs=jobs)
        assert info.value.code == want["type"], label
        return
    assert da["error"] is None and summary is not None and summary["complete"], label
    for key in ("rows_with_problems", "problems_by_type", "problems_by_municipality", "delimiter", "encoding", "windows_1252_line"):
        if key in expect:
            assert summary[key] == expect[key], f"{label}: {key}"
    if "problems" in expect:
        got = da["problems"]
        assert len(got) == len(expect["problems"]) == summary["problems"], label
        for problem, want in zip(got, expect["problems"]):
            assert (problem["type"], problem["loc"], problem["line"]) == (want["type"], want["loc"], want["line"]), label
            if "input" in want:
                assert problem["input"] == want["input"], label
            check_subset(label, problem["ctx"], want.get("ctx", {}))
        assert [{k: v for k, v in p.items() if k != "line"} for p in got] == unilogin.validate_csv(path, kind=case["kind"], jobs=jobs)
    if "unknown_columns" in expect:
        columns = summary["unknown_columns"]
        columns_en = en["summary"]["unknown_columns"]
        assert len(columns) == len(expect["unknown_columns"]), label
        for column, column_en, want in zip(columns, columns_en, expect["unknown_columns"]):
            assert (column["type"], column["column"], column["suggestion"]) == (want["type"], want["column"], want["suggestion"]), label
            for key in ("position", "line"):
                if key in want:
                    assert column[key] == want[key], f"{label}: {key}"
            if "msg" in want:
                assert (column["msg"], column_en["msg"]) == (want["msg"]["da"], want["msg"]["en"]), label


# --- bad arguments -----------------------------------------------------------------------------

ARGUMENT_CALLS = {
    "onboarding_plan": lambda a: unilogin.onboarding_plan(a["legal_basis"]),
    "check_password": lambda a: unilogin.check_password(
        a["password"], group=a["group"], previous_hashes=a.get("history"), policy=a.get("policy")
    ),
    "check_value": lambda a: unilogin.check_value(a["value"], kind=a["kind"]),
    "validate_record": lambda a: unilogin.validate_record(
        a["record"], kind=a["kind"], lang=a.get("lang", "da"), policy=a.get("policy")
    ),
    "record_keys": lambda a: unilogin.record_keys(a["kind"]),
}


@pytest.mark.parametrize("case", load("arguments.json")["cases"], ids=lambda c: c["name"])
def test_argument(case: Dict[str, Any]) -> None:
    expected = case["error"]
    if expected["code"] == "invalid_argument":
        with pytest.raises(unilogin.ArgumentError) as argument:
            ARGUMENT_CALLS[case["call"]](case["args"])
        assert argument.value.code == "invalid_argument"
        assert isinstance(argument.value, ValueError)
        if "argument" in expected:
            assert argument.value.argument == expected["argument"]
        return
    with pytest.raises(unilogin.ValidationError) as problem:
        ARGUMENT_CALLS[case["call"]](case["args"])
    assert problem.value.code == expected["code"]
    first = problem.value.errors()[0]
    assert (first["loc"], first["input"]) == (expected["loc"], expected["input"])


# --- reset codes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "case", load("reset/codes.json")["cases"], ids=lambda c: f"{c['format']} {c['input']!r}"
)
def test_reset_code(case: Dict[str, Any]) -> None:
    if "code" in case:
        got = unilogin.check_reset_code(case["input"], case["format"])
        assert got == {"code": case["code"], "grouped": case["grouped"]}
        return
    with pytest.raises(unilogin.ResetError) as da:
        unilogin.check_reset_code(case["input"], case["format"])
    with pytest.raises(unilogin.ResetError) as en:
        unilogin.check_reset_code(case["input"], case["format"], lang="en")
    [problem], [english] = da.value.errors(), en.value.errors()
    want = {**case["error"], "loc": [], "input": case["input"]}
    check_problem(f"{case['format']} {case['input']!r}", problem, want, en=english)


def test_reset_code_unknown_format() -> None:
    with pytest.raises(ValueError):
        unilogin.check_reset_code("482915", "digits4")
