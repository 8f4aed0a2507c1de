"""A typed usage example, checked by `mypy --strict` (and run by test_api.py)."""

from __future__ import annotations

import datetime as dt
from typing import Dict, List

import unilogin


def problems_by_row(rows: List[Dict[str, str]]) -> Dict[int, List[str]]:
    out: Dict[int, List[str]] = {}
    for problem in unilogin.validate_records(rows, kind="register", lang="en"):
        row = problem["loc"][0]
        assert isinstance(row, int)
        out.setdefault(row, []).append(problem["type"])
    return out


def main() -> None:
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
