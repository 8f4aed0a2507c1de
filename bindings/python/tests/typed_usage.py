"""A typed usage example, checked by `mypy --strict` (and run by test_api.py)."""

from __future__ import annotations

import datetime as dt
import pathlib
import tempfile
from typing import Dict, Iterator, List, Optional

import unilogin


def problems_by_row(rows: List[Dict[str, str]]) -> Dict[int, List[str]]:
    out: Dict[int, List[str]] = {}
    for problem in unilogin.validate_records(rows, kind="register", lang="en"):
        row = problem["loc"][0]
        assert isinstance(row, int)
        out.setdefault(row, []).append(problem["type"])
    return out


def export_problems(path: pathlib.Path) -> Iterator[unilogin.ExportProblem]:
    """Every problem of an export, one at a time, in constant memory."""
    batches: unilogin.ProblemBatches = unilogin.iter_problems(path, kind="register", batch_size=10)
    for batch in batches:
        yield from batch
    summary: Optional[Dict[str, object]] = batches.summary
    assert summary is not None and summary["complete"] is True


def check_files() -> None:
    path = pathlib.Path(tempfile.mkdtemp()) / "register.csv"
    path.write_text("cvrNummer;pNummer\n" + "13585627;1029829825\n" * 30 + "13585628\n", encoding="utf-8")
    report: unilogin.ExportReport = unilogin.check_export(path, kind="register", max_errors=5)
    assert report["summary"] is not None and report["summary"]["max_errors_reached"] is True
    try:
        unilogin.validate_csv(path, kind="register", max_errors=None)
    except unilogin.ExportError as e:
        before: List[unilogin.ErrorDict] = e.problems
        assert e.code == "csv_row_length" and len(before) == 30 * 10
    try:
        lines = [p["line"] for p in export_problems(path)]
    except unilogin.ExportError as e:
        assert e.problems == [] and e.summary is not None
    else:
        raise AssertionError(lines)


def main() -> None:
    check_files()
    found = problems_by_row([{"pNummer": "1029829824", "cvrNummer": "13748136"}])
    assert "p_number_checksum" in found[0]
    cvr: unilogin.Cvr = unilogin.Cvr("13585628")
    municipality = unilogin.Municipality("0169")
    code: int = municipality.code
    assert (str(cvr), code) == ("13585628", 169)
    basis: unilogin.LegalBasis = unilogin.LegalBasis.parse("stk. 5")
    stk: int = basis.stk
    assert stk == 5
    try:
        unilogin.PNumber("1029829824")
    except unilogin.ValidationError as e:
        first: unilogin.ErrorDict = e.errors()[0]
        assert first["type"] == "p_number_checksum"
    progress = unilogin.OnboardingProgress(basis.value)
    progress.complete("institution_number", "daycare", dt.datetime(2025, 3, 3, tzinfo=dt.timezone.utc))
    assert progress.summary()["done"] == 1
    estimate: unilogin.ProvisioningEstimate = unilogin.provisioning_estimate(
        dt.datetime(2025, 1, 15, 9, tzinfo=dt.timezone.utc)
    )
    ready: dt.datetime = estimate.typical_ready
    assert ready.tzinfo is not None


if __name__ == "__main__":
    main()


def names_outside_the_literals_are_type_errors() -> None:
    # Never called: mypy --strict checks that each line is refused (an unused ignore is an
    # error there, so the stubs taking any `str` would fail the check).
    unilogin.record_keys("school")  # type: ignore[arg-type]
    unilogin.check_value("13585628", kind="cvr_number")  # type: ignore[arg-type]
    unilogin.validate_records([], kind="register", lang="sv")  # type: ignore[arg-type]
    unilogin.assign_password(group="rektor")  # type: ignore[arg-type]
