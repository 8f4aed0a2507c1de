"""Hypothesis: arbitrary strings and mappings never crash the interpreter and only ever raise
the package's documented exceptions (a panic would surface as pyo3's PanicException, a
BaseException, and fail these tests)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Dict

from hypothesis import given, settings
from hypothesis import strategies as st

import unilogin

EXPECTED = (unilogin.ValidationError, TypeError, ValueError)

texts = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
keys = st.sampled_from(
    unilogin.record_keys("request") + unilogin.record_keys("register") + unilogin.record_keys("user")
    + ["cvrNummer", "pNummer", "kommuneKode_Tekst", "fornavn", "cprnr", "\ufeffcvr", "CVR ", ""]
) | texts
values = st.none() | texts | st.integers() | st.floats() | st.booleans() | st.lists(texts, max_size=2)
rows = st.dictionaries(keys, values, max_size=8)
CLASSES = [unilogin.Cvr, unilogin.PNumber, unilogin.InstitutionNumber, unilogin.Municipality,
           unilogin.PhoneNumber, unilogin.Email, unilogin.PostalCode, unilogin.HouseNumber,
           unilogin.Street, unilogin.City, unilogin.InstitutionName, unilogin.Username, unilogin.Cpr]


@settings(max_examples=300, deadline=None)
@given(st.lists(rows, max_size=6), st.sampled_from(["request", "register", "user"]))
def test_records_never_crash(batch: Any, kind: str) -> None:
    problems = unilogin.validate_records(batch, kind=kind)
    for p in problems:
        assert set(p) == {"type", "loc", "msg", "input", "ctx"}
        assert isinstance(p["loc"][0], int) and p["type"] in unilogin.error_types()
    for row in batch:
        single = unilogin.validate_record(row, kind=kind)
        try:
            unilogin.parse_record(row, kind=kind)
            assert single == []
        except unilogin.ValidationError as e:
            assert e.errors() == single


@settings(max_examples=300, deadline=None)
@given(texts)
def test_values_never_crash(text: str) -> None:
    for cls in CLASSES:
        try:
            value = cls(text)
        except unilogin.ValidationError as e:
            assert e.errors() and not cls.is_valid(text)
        else:
            assert cls(str(value)) == value and cls.is_valid(text)
    for kind in unilogin.value_kinds():
        try:
            unilogin.check_value(text, kind=kind)
        except unilogin.ValidationError:
            pass
    for parse in (unilogin.LegalBasis.parse, unilogin.InstitutionType.parse):
        try:
            parse(text)
        except unilogin.ValidationError:
            pass


@settings(max_examples=200, deadline=None)
@given(texts, st.lists(texts, max_size=3), st.sampled_from(["mellemtrin", "udskoling", "employee", "parent"]))
def test_passwords_never_crash_and_never_echo(password: str, names: Any, group: str) -> None:
    report = unilogin.check_password(password, group=group, names=names)
    if len(password) >= 6:
        assert password not in repr(report["violations"])


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(texts, values | st.dictionaries(texts, values, max_size=3), max_size=5), texts)
def test_stateful_inputs_never_crash(mapping: Dict[str, Any], text: str) -> None:
    at = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    for call in (
        lambda: unilogin.AgreementLedger().request(mapping, by=mapping, at=at),
        lambda: unilogin.GrantStore().issue(mapping, mapping, at),
        lambda: unilogin.GrantStore().redeem(text, at, code=text),
        lambda: unilogin.GrantStore(policy=mapping),
        lambda: unilogin.OnboardingProgress.from_json(text),
        lambda: unilogin.AgreementLedger.from_json(text),
        lambda: unilogin.GrantStore.from_json(text),
        lambda: unilogin.provisioning_estimate(at, schedule=[text]),
        lambda: unilogin.login_guide("activation", role=text, grade=text, has_own_mitid=True),
        lambda: unilogin.check_password(text, group="parent", policy=mapping),
    ):
        try:
            call()
        except EXPECTED:
            pass
