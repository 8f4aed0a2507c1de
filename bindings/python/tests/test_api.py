"""The Python surface: records in bulk, frames, errors, typed values, enums and stateful values."""

from __future__ import annotations

import collections
import datetime as dt
import json
import pathlib
import pickle
import re
from typing import Any, Dict, List

import pytest
from conftest import ROOT

import unilogin

REQUEST = {
    "cvr": "DK-13585628",
    "p_number": "1029829825",
    "institution_name": "Børnehuset Mælkebøtten",
    "street": "Nørregade",
    "house_number": "12b",
    "postal_code": "1165",
    "city": "København K",
    "municipality": "Københavns Kommune",
    "email": "kontakt@maelkeboetten.dk",
    "phone": "+45 33 66 33 66",
    "legal_basis": "Privatinstitution, dagtilbudslovens §19, stk. 5",
    "institution_type": "6012",
}


def test_valid_rows_have_no_problems_and_rows_are_numbered() -> None:
    bad = dict(REQUEST, cvr="13585627")
    problems = unilogin.validate_records([REQUEST, bad, REQUEST], kind="request")
    assert [(p["loc"], p["type"]) for p in problems] == [([1, "cvr"], "cvr_checksum")]


def test_rows_may_change_their_keys_and_be_any_mapping() -> None:
    reordered = dict(reversed(list(REQUEST.items())))
    aliased = dict(REQUEST, cvr=None, CVR=" 13585627 ")
    ordered = collections.OrderedDict(REQUEST)
    rows: List[Any] = [REQUEST, reordered, aliased, ordered, REQUEST]
    problems = unilogin.validate_records(rows, kind="request")
    assert {p["loc"][0] for p in problems} == {2}
    assert problems[0] == {
        "type": "cvr_checksum",
        "loc": [2, "cvr"],
        "msg": "CVR-nummeret 13585627 er ugyldigt (kontrolcifferet passer ikke)",
        "input": " 13585627 ",
        "ctx": {"cvr": "13585627"},
    }


def test_generators_and_absent_values() -> None:
    rows = (dict(REQUEST, city=v) for v in (None, "", "  "))
    problems = unilogin.validate_records(rows, kind="request", lang="en")
    assert [(p["loc"], p["input"]) for p in problems] == [([0, "city"], None), ([1, "city"], ""), ([2, "city"], "  ")]
    assert {p["msg"] for p in problems} == {"Field required"}


def test_numbers_are_read_as_their_text() -> None:
    row = dict(REQUEST, cvr=13585628, postal_code=1165, phone=33663366)
    assert unilogin.validate_request(row) == []
    assert unilogin.validate_request(dict(REQUEST, postal_code=float("nan")))[0]["type"] == "missing"


def test_policy_can_skip_the_p_number_checksum() -> None:
    row = dict(REQUEST, p_number="1029829824")
    assert [p["type"] for p in unilogin.validate_request(row)] == ["p_number_checksum"]
    assert unilogin.validate_request(row, p_number_checksum=False) == []


def test_bad_arguments_raise_type_or_value_errors() -> None:
    with pytest.raises(TypeError, match="row 1"):
        unilogin.validate_records([REQUEST, ["not", "a", "mapping"]], kind="request")
    with pytest.raises(ValueError, match="unknown kind"):
        unilogin.validate_records([], kind="school")
    with pytest.raises(ValueError, match="unknown language"):
        unilogin.validate_request(REQUEST, lang="sv")
    with pytest.raises(TypeError):
        unilogin.validate_records(42, kind="request")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        unilogin.Cvr(13585628)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        unilogin.provisioning_estimate("2025-01-01")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="time zone"):
        unilogin.provisioning_estimate(dt.datetime(2025, 1, 1))


def test_validation_error_shape_and_pydantic() -> None:
    with pytest.raises(unilogin.ValidationError) as info:
        unilogin.parse_record(dict(REQUEST, cvr="13585627", phone="12"), kind="request", lang="en")
    err = info.value
    assert isinstance(err, ValueError)
    assert err.code == "cvr_checksum"
    assert [e["type"] for e in err.errors()] == ["cvr_checksum", "phone_format"]
    assert str(err) == "cvr: CVR number 13585627 is invalid (its check digit does not match) [cvr_checksum] (and 1 more problem)"
    pyd = unilogin.to_pydantic_error(err, title="Request")
    import pydantic

    assert isinstance(pyd, pydantic.ValidationError)
    assert pyd.title == "Request"
    assert [(e["type"], e["loc"], e["msg"], e["input"]) for e in pyd.errors()] == [
        (e["type"], tuple(e["loc"]), e["msg"], e["input"]) for e in err.errors()
    ]


def test_pandas_frame() -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame([REQUEST, dict(REQUEST, cvr="13585627", city=None)], index=["a", "b"])
    out = unilogin.validate_frame(df, kind="request", lang="en")
    assert isinstance(out, pd.DataFrame)
    assert list(out.columns) == ["row", "index", "field", "type", "msg", "input", "ctx"]
    assert out[["row", "index", "field", "type"]].values.tolist() == [
        [1, "b", "cvr", "cvr_checksum"],
        [1, "b", "city", "missing"],
    ]
    assert json.loads(out["ctx"][0]) == {"cvr": "13585627"}
    empty = unilogin.validate_frame(df.iloc[:1], kind="request")
    assert len(empty) == 0 and list(empty.columns) == list(out.columns)


def test_a_pandas_frame_read_without_dtype_str_gives_the_problems_of_the_file() -> None:
    # Issue 14: `pd.read_csv(f, sep=";")` makes `pNummer` a float column when one cell is
    # empty; its cells are still the numbers they were, not `p_number_format` on "1025436144.0".
    pd = pytest.importorskip("pandas")
    path = pathlib.Path(__file__).resolve().parents[3] / "examples" / "register.csv"
    frame = pd.read_csv(path, sep=";")
    assert frame["pNummer"].dtype == float
    out = unilogin.validate_frame(frame, kind="register")
    report = unilogin.check_export(path, kind="register")
    assert [(r.row, r.field, r.type) for r in out.itertuples()] == [
        (p["loc"][0], ".".join(map(str, p["loc"][1:])), p["type"]) for p in report["problems"]
    ]
    assert "p_number_format" not in set(out["type"])
    assert list(out["index"]) == list(out["row"])  # the default RangeIndex


def test_integral_floats_are_read_as_the_integers_they_hold() -> None:
    assert unilogin.check_value(1029829825.0, kind="p_number") == "1029829825"
    assert unilogin.check_value(13585628.0, kind="cvr") == "13585628"
    problems = unilogin.validate_values([1029829825.5, float("nan")], kind="p_number")
    assert [(p["loc"], p["type"], p["input"]) for p in problems] == [
        ([0], "p_number_format", "1029829825.5"),
        ([1], "missing", None),
    ]


def test_polars_frame() -> None:
    pl = pytest.importorskip("polars")
    df = pl.DataFrame([REQUEST, dict(REQUEST, cvr="13585627", city=None)])
    out = unilogin.validate_frame(df, kind="request")
    assert isinstance(out, pl.DataFrame)
    assert out.select("row", "field", "type").rows() == [(1, "cvr", "cvr_checksum"), (1, "city", "missing")]
    assert unilogin.validate_frame(df.head(1), kind="request").height == 0


def test_frame_needs_a_dataframe() -> None:
    with pytest.raises(TypeError, match="pandas or polars"):
        unilogin.validate_frame([REQUEST], kind="request")


def test_identifiers_are_values() -> None:
    a, b = unilogin.Cvr("13585628"), unilogin.Cvr("DK 13 58 56 28")
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != unilogin.Cvr("24256790") and a < unilogin.Cvr("24256790")
    assert pickle.loads(pickle.dumps(a)) == a
    assert repr(unilogin.Municipality("101")) == 'Municipality("København")'
    assert unilogin.Municipality.from_code(411) is None
    assert len(unilogin.Municipality.all()) == 98
    cpr = unilogin.Cpr("150320-4000")
    assert "4000" not in repr(cpr) and str(cpr) == "150320-****" and f"{cpr}" == "150320-****"
    assert cpr.full() == "150320-4000"
    with pytest.raises(unilogin.ValidationError) as info:
        unilogin.Cpr("1503204000x")
    assert "4000" not in str(info.value.errors())


def test_internationalised_email_addresses() -> None:
    # Issue 13 item 6: real register rows; the domain's ASCII form on request.
    email = unilogin.Email("sb@taastrup.børnegalaxen.dk")
    assert str(email) == "sb@taastrup.børnegalaxen.dk"
    assert email.ascii == "sb@taastrup.xn--brnegalaxen-ggb.dk"
    assert unilogin.Email(email.ascii) == email
    assert unilogin.Email("børnehusetskovshoved@gentofte.dk").ascii == "børnehusetskovshoved@gentofte.dk"
    assert unilogin.check_value("sb@taastrup.børnegalaxen.dk", kind="email_ascii") == email.ascii
    with pytest.raises(unilogin.ValidationError) as info:
        unilogin.Email("ø" * 33 + "@b.dk", lang="en")
    assert info.value.code == "email_local_part_too_long"
    assert info.value.errors()[0]["ctx"] == {"max_length": 64, "actual_length": 66}


def test_enums_follow_the_core() -> None:
    assert [b.value for b in unilogin.LegalBasis] == unilogin._unilogin.legal_basis_keys()
    assert [t.value for t in unilogin.InstitutionType] == unilogin._unilogin.institution_type_codes()
    assert unilogin.LegalBasis.parse("selvejende") is unilogin.LegalBasis.SELVEJET
    assert str(unilogin.LegalBasis.KOMMUNAL) == "kommunal"
    assert unilogin.LegalBasis.KOMMUNAL.form_text() == "Kommunal, dagtilbudslovens §19, stk. 2"
    assert unilogin.LegalBasis.PRIVAT.ownership_code == 3
    assert unilogin.InstitutionType.parse("nursery") is unilogin.InstitutionType.VUGGESTUE
    with pytest.raises(unilogin.ValidationError) as info:
        unilogin.InstitutionType.parse("6013", accepted=True, lang="en")
    assert info.value.code == "institution_type_not_accepted"
    assert unilogin.InstitutionType.DAGPLEJE.age_range is None


def test_every_error_type_is_in_the_catalogue() -> None:
    catalogue = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    for code in unilogin.error_types():
        assert re.search(rf"`{code}`", catalogue), code


def test_stateful_values_round_trip_through_json() -> None:
    at = dt.datetime(2026, 11, 2, 9, tzinfo=dt.timezone.utc)
    store = unilogin.GrantStore(policy={"code_format": "crockford8"})
    issued = store.issue({"id": "t", "teacher_role": True, "class_affiliation": True},
                         {"username": "abcd1234", "group": "udskoling"}, at, code=True)
    code = issued["code"]
    assert isinstance(code, str) and len(code) == 8 and code not in store.to_json()
    again = unilogin.GrantStore.from_json(store.to_json(), policy={"code_format": "crockford8"})
    assert again == store
    assert again.redeem("abcd1234", at + dt.timedelta(minutes=1), code=code)["group"] == "udskoling"
    with pytest.raises(unilogin.ValidationError) as info:
        unilogin.GrantStore.from_json('{"version": 3, "events": []}')
    assert info.value.code == "unsupported_version"
    with pytest.raises(unilogin.ResetError) as reset:
        store.redeem("not a username", at)
    assert reset.value.code == "username_format"


def test_zoneinfo_times_are_converted_to_utc() -> None:
    zoneinfo = pytest.importorskip("zoneinfo")
    local = dt.datetime(2025, 3, 3, 10, tzinfo=zoneinfo.ZoneInfo("Europe/Copenhagen"))
    progress = unilogin.OnboardingProgress("privat")
    progress.complete("institution_number", "daycare", local)
    assert progress.completions[0]["at"] == dt.datetime(2025, 3, 3, 9, tzinfo=dt.timezone.utc)


def test_passwords() -> None:
    with pytest.raises(ValueError, match="previous_hashes"):
        unilogin.check_password("x", group="parent", previous_hashes=["plain"])
    with pytest.raises(unilogin.ValidationError) as info:
        unilogin.check_password("x", group="parent", policy={"min_lenght": 3})
    assert info.value.code == "json_invalid"
    with pytest.raises(ValueError, match="user group"):
        unilogin.check_password("x", group="rektor")
    assigned = unilogin.assign_password("mellemtrin", names=["Ida Ågård"])
    assert unilogin.check_password(assigned["text"], group="mellemtrin", names=["Ida Ågård"])["ok"]
    assert unilogin.assigned_password_entropy("udskoling") > 20


def test_readme_python_tour_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start, end = "<!-- tour:python:start -->", "<!-- tour:python:end -->"
    section = readme[readme.index(start) + len(start) : readme.index(end)]
    blocks = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    assert blocks, "the README's Python tour has no ```python block"
    monkeypatch.chdir(ROOT)
    namespace: Dict[str, Any] = {"__name__": "readme_tour"}
    for block in blocks:
        exec(compile(block, "README.md (tour:python)", "exec"), namespace)


def test_typed_usage_runs() -> None:
    import typed_usage

    typed_usage.main()


def test_validate_csv_matches_validate_records() -> None:
    import csv

    path = ROOT / "examples" / "register.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    from_file = unilogin.validate_csv(path, kind="register", lang="en")
    assert from_file and from_file == unilogin.validate_records(rows, kind="register", lang="en")
    assert unilogin.validate_csv(str(ROOT / "examples" / "requests.jsonl"), kind="request") == unilogin.validate_records(
        [json.loads(line) for line in (ROOT / "examples" / "requests.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()],
        kind="request",
    )


def test_validate_csv_errors(tmp_path: Any) -> None:
    # A missing file is what open() raises, for every function that reads an export.
    with pytest.raises(FileNotFoundError) as missing:
        unilogin.validate_csv(tmp_path / "nope.csv", kind="register")
    assert missing.value.filename == str(tmp_path / "nope.csv")
    # check_export reports it, as the command's --format json does.
    assert unilogin.check_export(tmp_path / "nope.csv", kind="register")["error"]["type"] == "file_unreadable"
    with pytest.raises(FileNotFoundError):
        unilogin.iter_problems(tmp_path / "nope.csv", kind="register")
    # A directory is not missing: it cannot be read.
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    with pytest.raises(unilogin.ExportError) as info:
        unilogin.validate_csv(folder, kind="register")
    assert info.value.code == "file_unreadable"
    sheet = tmp_path / "register.xlsx"
    sheet.write_bytes(b"PK")
    with pytest.raises(unilogin.ValidationError) as info:
        unilogin.validate_csv(sheet, kind="register", lang="en")
    assert info.value.code == "file_format_unknown"
    with pytest.raises(TypeError, match="path .*, bytes or a binary file object"):
        unilogin.validate_csv(42, kind="register")  # type: ignore[arg-type]
    with pytest.raises(unilogin.ArgumentError) as bad_format:
        unilogin.validate_csv(b"cvr\n1\n", kind="request", input_format="xlsx")  # type: ignore[arg-type]
    assert bad_format.value.argument == "input_format"


def test_an_export_can_be_bytes_or_a_binary_file_object() -> None:
    import io

    path = ROOT / "examples" / "register.csv"
    from_path = unilogin.check_export(path, kind="register")
    data = path.read_bytes()
    for source in (data, bytearray(data), memoryview(data), io.BytesIO(data)):
        assert unilogin.check_export(source, kind="register") == from_path, type(source)
    with path.open("rb") as f:
        assert unilogin.validate_csv(f, kind="register") == unilogin.validate_csv(path, kind="register")
    jsonl = ROOT / "examples" / "requests.jsonl"
    assert unilogin.validate_csv(jsonl.read_bytes(), kind="request", input_format="jsonl") == unilogin.validate_csv(
        jsonl, kind="request"
    )


def test_a_text_mode_file_object_is_an_export_error_not_a_crash() -> None:
    import io

    with pytest.raises(unilogin.ExportError) as info:
        unilogin.validate_csv(io.StringIO("cvr\n13585628\n"), kind="request")
    assert "binary mode" in str(info.value)


class _Tiny:
    """A file object whose read(n) gives one byte at a time."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, n: int = -1) -> bytes:
        chunk, self.data = self.data[:1], self.data[1:]
        return chunk


def test_a_file_object_is_read_in_as_many_pieces_as_it_gives() -> None:
    data = (ROOT / "examples" / "register.csv").read_bytes()
    assert unilogin.check_export(_Tiny(data), kind="register") == unilogin.check_export(data, kind="register")


def test_validate_csv_gives_the_same_problems_on_any_number_of_threads(tmp_path: Any) -> None:
    header = "cvr;pNummer;kommuneKode_Tekst\n"
    rows = [
        f"{'13585627' if i % 97 == 0 else '13585628'};1029829825;{'Kobenhvn' if i % 89 == 0 else 'Aarhus'}\n"
        for i in range(5_000)
    ]
    path = tmp_path / "register.csv"
    path.write_text(header + "".join(rows), encoding="utf-8")
    one = unilogin.validate_csv(path, kind="register", lang="en", jobs=1)
    assert [p["loc"][0] for p in one if p["type"] == "cvr_checksum"] == list(range(0, 5_000, 97))
    assert unilogin.validate_csv(path, kind="register", lang="en", jobs=3) == one
    assert unilogin.validate_csv(path, kind="register", lang="en") == one
    with pytest.raises(ValueError, match="jobs must be 0 or more"):
        unilogin.validate_csv(path, kind="register", jobs=-1)
    # A ragged row stops reading on any number of threads, with the same error.
    path.write_text(header + "".join(rows[:3000]) + "13585628;1029829825\n" + "".join(rows[:10]), encoding="utf-8")
    for jobs in (1, 2):
        with pytest.raises(unilogin.ValidationError) as info:
            unilogin.validate_csv(path, kind="register", lang="en", jobs=jobs)
        assert info.value.code == "csv_row_length"
        assert "line 3002" in str(info.value)
        # check_export keeps what was found before the error.
        report = unilogin.check_export(path, kind="register", lang="en", jobs=jobs)
        assert report["error"] is not None
        assert (report["error"]["type"], report["error"]["line"], report["error"]["loc"]) == ("csv_row_length", 3002, [])
        assert [p["loc"][0] for p in report["problems"] if p["type"] == "cvr_checksum"] == list(range(0, 3000, 97))
        assert report["summary"] is not None
        assert (report["summary"]["rows"], report["summary"]["complete"]) == (3000, False)


def test_validate_csv_releases_the_gil(tmp_path: Any) -> None:
    import threading

    path = tmp_path / "big.csv"
    row = "G18062;Solsikken;6011;3;Vesthimmerland;Skolevej;4;9600;Aars;1029829824\n"
    path.write_text(
        "anvisningsenhedsNummer;dagtilbudsNavn;instType3;ejerformKode;kommuneKode_Tekst;vejNavn;husNummer;postNummer;byNavn;pNummer\n"
        + row * 200_000,
        encoding="utf-8",
    )
    ticks = 0
    done = threading.Event()

    def count() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1

    counter = threading.Thread(target=count)
    counter.start()
    try:
        problems = unilogin.validate_csv(path, kind="register")
    finally:
        done.set()
        counter.join()
    assert len(problems) == 200_000
    assert ticks > 1000  # the other thread ran while Rust read the file


def test_issuing_a_grant_reads_the_username_first_and_the_code_asked_for() -> None:
    at = dt.datetime(2026, 11, 2, 9, tzinfo=dt.timezone.utc)
    admin = {"id": "ba-1", "elevadgang_admin_right": True}
    store = unilogin.GrantStore()
    with pytest.raises(unilogin.ResetError) as reset:
        store.issue(admin, {"username": "a b", "group": 5}, at)
    assert (reset.value.code, reset.value.errors()[0]["input"]) == ("username_format", "a b")
    with pytest.raises(unilogin.ValidationError) as shape:
        store.issue(admin, {"username": "abcd1234", "group": 5}, at)
    assert type(shape.value) is unilogin.ValidationError and shape.value.code == "json_invalid"
    assert store.issue(admin, {"username": "abcd1234", "grade": 5}, at, code=False)["code"] is None
    assert store.issue(admin, {"username": "abcd1234", "grade": 5}, at, code="482915")["code"] == "482915"
    with pytest.raises(unilogin.ArgumentError):
        store.issue(admin, {"username": "abcd1234", "grade": 5}, at, code="x")
    with pytest.raises(unilogin.ResetError) as refused:
        store.issue({"id": "t", "teacher_role": True}, {"username": "abcd1234", "grade": 5}, at)
    assert refused.value.code == "reset_no_class_affiliation"


def test_the_provisioning_policy_takes_only_what_is_given() -> None:
    created = dt.datetime(2025, 1, 6, 12, tzinfo=dt.timezone.utc)
    default = unilogin.provisioning_estimate(created)
    assert unilogin.provisioning_estimate(created, schedule=None) == default
    later = unilogin.provisioning_estimate(created, latest_hours_after_import=72)
    assert (later.typical_ready, later.latest_ready - default.latest_ready) == (
        default.typical_ready, dt.timedelta(hours=24))
    with pytest.raises(TypeError, match="not a str"):
        unilogin.provisioning_estimate(created, schedule="06:00")  # type: ignore[arg-type]
    with pytest.raises(unilogin.ValidationError) as bad:
        unilogin.provisioning_estimate(created, schedule=["06:00", "26:00"])
    assert bad.value.errors()[0]["type"] == "time_format"
