"""Python's memory-bounded export calls: the hostile vectors of tests/vectors/hostile/python.json
(validate_csv and check_export with max_errors, iter_problems' batches, the problems kept before
an error that stops reading), and what a vector cannot say (a lazy iterator, its state)."""

from __future__ import annotations

import itertools
import pathlib
from typing import Any, Dict, List, Optional, Tuple

import pytest
from conftest import load

import unilogin

DOC = load("hostile/python.json")
CASES = DOC["cases"]

HEADER = "cvrNummer;pNummer\n"
# A register row with a bad CVR check digit and the register's other nine fields missing.
BAD_ROW = "13585627;1029829825\n"
PROBLEMS_A_ROW = 10


def write(tmp_path: pathlib.Path, spec: Dict[str, Any]) -> pathlib.Path:
    path = tmp_path / spec["name"]
    if spec.get("missing"):
        return path
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(spec.get("header", ""))
        row = spec.get("row", "")
        for _ in range(spec.get("rows", 0)):
            out.write(row)
        out.write(spec.get("tail", ""))
    return path


class Outcome:
    """What a call gave: its problems (and batches), the summary, the error and where it was raised."""

    def __init__(self) -> None:
        self.problems: List[Dict[str, Any]] = []
        self.batches: List[int] = []
        self.summary: Optional[Dict[str, Any]] = None
        self.error: Optional[str] = None
        self.raised_at: Optional[str] = None
        self.before_error: Optional[int] = None

    def caught(self, e: Exception, at: str) -> None:
        self.raised_at = at
        if isinstance(e, unilogin.ExportError):
            self.error = e.code
            self.before_error = len(e.problems)
            self.summary = e.summary
        elif isinstance(e, (FileNotFoundError, TypeError, ValueError)):
            self.error = type(e).__name__
        else:  # pragma: no cover - the case fails below
            raise e


def run(case: Dict[str, Any], path: pathlib.Path) -> Outcome:
    kwargs: Dict[str, Any] = {"kind": case["kind"], "lang": "en", **case.get("python", {})}
    out = Outcome()
    call = case["call"]
    if call == "iter_problems":
        try:
            batches = unilogin.iter_problems(path, **kwargs)
        except Exception as e:  # noqa: BLE001 - sorted out by `caught`
            out.caught(e, "call")
            return out
        take = case.get("take")
        try:
            for batch in itertools.islice(batches, take):
                out.batches.append(len(batch))
                out.problems.extend(batch)
        except unilogin.ExportError as e:
            out.caught(e, "next")
        if take is not None:
            batches.close()
        out.summary = batches.summary
        if out.error is None and batches.error is not None:
            out.error = batches.error["type"]
        return out
    try:
        if call == "check_export":
            report = unilogin.check_export(path, **kwargs)
            out.problems = list(report["problems"])
            out.summary = report["summary"]
            out.error = report["error"]["type"] if report["error"] else None
        else:
            assert call == "validate_csv", call
            out.problems = list(unilogin.validate_csv(path, **kwargs))
    except Exception as e:  # noqa: BLE001 - sorted out by `caught`
        out.caught(e, "call")
    return out


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_hostile_python(case: Dict[str, Any], tmp_path: pathlib.Path) -> None:
    assert case["surface"] == "export" and case["only"] == ["python"], case["name"]
    got = run(case, write(tmp_path, case["file"]))
    expect = case["expect"]
    if "error" in expect:
        assert got.error == expect["error"], (got.error, got.raised_at)
    else:
        assert got.error is None, got.error
    if "raised_at" in expect:
        assert got.raised_at == expect["raised_at"]
    if "before_error" in expect:
        assert got.before_error == expect["before_error"]
    if "problems" in expect:
        assert len(got.problems) == expect["problems"]
    types = {p["type"] for p in got.problems}
    for kind in expect.get("problem_types", []):
        assert kind in types, (kind, sorted(types))
    if "batches" in expect:
        assert got.batches == expect["batches"]
    if "lines" in expect:
        assert sorted({p["line"] for p in got.problems}) == expect["lines"]
    if "summary" in expect:
        if expect["summary"] is None:
            assert got.summary is None
        else:
            assert got.summary is not None
            for key, value in expect["summary"].items():
                assert got.summary[key] == value, (key, got.summary[key], value)


def huge(tmp_path: pathlib.Path, rows: int = 200_000) -> Tuple[pathlib.Path, int]:
    path = write(tmp_path, {"name": "huge.csv", "header": HEADER, "row": BAD_ROW, "rows": rows})
    return path, path.stat().st_size


def test_the_first_batch_of_a_huge_file_reads_only_a_prefix(tmp_path: pathlib.Path) -> None:
    path, size = huge(tmp_path)
    batches = unilogin.iter_problems(path, kind="register", batch_size=25)
    assert repr(batches) == "<ProblemBatches rows=0 problems=0 reading>"
    first = next(batches)
    assert [p["line"] for p in first] == [2] * 10 + [3] * 10 + [4] * 5
    summary = batches.summary
    assert summary is not None
    assert (summary["rows"], summary["complete"], summary["max_errors_reached"]) == (3, False, False)
    assert summary["bytes"] < size // 1000
    # The rest of the third row's problems come first in the next batch.
    second = next(batches)
    assert [p["line"] for p in second[:5]] == [4] * 5 and len(second) == 25
    assert batches.summary is not None and batches.summary["rows"] == 5
    batches.close()
    assert list(batches) == [] and batches.error is None
    assert repr(batches) == "<ProblemBatches rows=5 problems=50 ended>"


def test_iter_problems_gives_check_exports_problems_and_summary(tmp_path: pathlib.Path) -> None:
    path, _ = huge(tmp_path, rows=3_000)
    path.write_text(path.read_text(encoding="utf-8") + "13585628;1029829825;x\n", encoding="utf-8")
    for max_errors in (None, 1, 10, 11, 12_345):
        report = unilogin.check_export(path, kind="register", lang="en", max_errors=max_errors)
        batches = unilogin.iter_problems(path, kind="register", lang="en", max_errors=max_errors, batch_size=777)
        problems: List[Any] = []
        with pytest.raises(unilogin.ExportError) if report["error"] else _nothing():
            for batch in batches:
                assert 0 < len(batch) <= 777
                problems.extend(batch)
        assert problems == report["problems"], max_errors
        assert batches.summary == report["summary"]
        assert batches.error == report["error"]


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: Any) -> bool:
        return False


def test_max_errors_truncates_check_export_of_a_huge_file(tmp_path: pathlib.Path) -> None:
    path, _ = huge(tmp_path)
    report = unilogin.check_export(path, kind="register", max_errors=1_000)
    # Reading stops after the row where the 1000th problem is found: 100 rows of 10.
    assert len(report["problems"]) == 1_000
    assert report["summary"] is not None
    assert report["summary"]["max_errors_reached"] is True
    assert (report["summary"]["rows"], report["summary"]["complete"]) == (100, False)
    # That row's problems all come, even past max_errors.
    report = unilogin.check_export(path, kind="register", max_errors=1_001)
    assert len(report["problems"]) == 1_010
    problems = unilogin.validate_csv(path, kind="register", max_errors=1_001, jobs=2)
    assert len(problems) == 1_010 and problems[-1]["loc"][0] == 100


def test_validate_csv_keeps_the_problems_before_an_error(tmp_path: pathlib.Path) -> None:
    spec = {"name": "r.csv", "header": HEADER, "row": BAD_ROW, "rows": 2_500, "tail": "x\n" + BAD_ROW}
    path = write(tmp_path, spec)
    report = unilogin.check_export(path, kind="register", lang="en")
    for jobs in (1, 2, 0):
        with pytest.raises(unilogin.ValidationError) as info:
            unilogin.validate_csv(path, kind="register", lang="en", jobs=jobs)
        e = info.value
        assert isinstance(e, unilogin.ExportError)
        assert e.code == "csv_row_length" and e.errors()[0]["loc"] == []
        assert len(e.problems) == 2_500 * PROBLEMS_A_ROW
        assert e.problems == [{k: v for k, v in p.items() if k != "line"} for p in report["problems"]]
        assert e.summary == report["summary"]
        assert "csv_row_length" in str(e)


def test_an_export_error_is_built_like_a_validation_error() -> None:
    fatal = {"type": "file_empty", "loc": [], "msg": "The file is empty", "input": None, "ctx": {}}
    e = unilogin.ExportError([fatal])  # type: ignore[list-item]
    assert (e.code, e.problems, e.summary, str(e)) == ("file_empty", [], None, "The file is empty [file_empty]")
