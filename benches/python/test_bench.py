"""The jobs of bench.py under pytest-benchmark, grouped so each `unilogin` call sits next to its
peer: `pytest benches/python --benchmark-only` (run by `make python-bench`). Smaller inputs than
bench.py (20,000 rows, 200,000 CVR numbers) so a run takes about a minute."""

from __future__ import annotations

import csv
import pathlib
import sys
from typing import Any, Dict, List

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import bench  # noqa: E402

import unilogin  # noqa: E402

stdnum_cvr = pytest.importorskip("stdnum.dk.cvr")
pytest.importorskip("pytest_benchmark")

ROWS = 20_000
CVRS = 200_000


@pytest.fixture(scope="module")
def corpus() -> pathlib.Path:
    path = bench.register_corpus(100_000)
    small = bench.DATA / f"register-{ROWS}.csv"
    if not small.exists():
        with path.open(encoding="utf-8", newline="") as f:
            lines = [next(f) for _ in range(ROWS + 1)]
        small.write_text("".join(lines), encoding="utf-8")
    return small


@pytest.fixture(scope="module")
def rows(corpus: pathlib.Path) -> List[Dict[str, str]]:
    with corpus.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


@pytest.fixture(scope="module")
def cvrs() -> List[str]:
    return bench.make_cvrs(CVRS)


@pytest.mark.benchmark(group="cvr")
def test_cvr_unilogin(benchmark: Any, cvrs: List[str]) -> None:
    benchmark(unilogin.valid_mask, cvrs, kind="cvr")


@pytest.mark.benchmark(group="cvr")
def test_cvr_stdnum(benchmark: Any, cvrs: List[str]) -> None:
    benchmark(lambda: [stdnum_cvr.is_valid(c) for c in cvrs])


@pytest.mark.benchmark(group="records")
def test_records_unilogin(benchmark: Any, rows: List[Dict[str, str]]) -> None:
    benchmark(unilogin.validate_records, rows, kind="register")


@pytest.mark.benchmark(group="records")
def test_records_pydantic(benchmark: Any, rows: List[Dict[str, str]]) -> None:
    benchmark(bench.pydantic_problems, rows)


@pytest.mark.benchmark(group="csv")
def test_csv_unilogin(benchmark: Any, corpus: pathlib.Path) -> None:
    benchmark(unilogin.validate_csv, corpus, kind="register")


@pytest.mark.benchmark(group="csv")
def test_csv_pydantic(benchmark: Any, corpus: pathlib.Path) -> None:
    def job() -> Any:
        with corpus.open(encoding="utf-8", newline="") as f:
            return bench.pydantic_problems(csv.DictReader(f, delimiter=";"))

    benchmark(job)


@pytest.fixture(scope="module")
def frame(corpus: pathlib.Path) -> Any:
    pl = pytest.importorskip("polars")
    return pl.read_csv(corpus, separator=";", infer_schema=False)


@pytest.mark.benchmark(group="frame")
def test_frame_unilogin(benchmark: Any, frame: Any) -> None:
    benchmark(unilogin.validate_frame, frame, kind="register")


@pytest.mark.benchmark(group="frame")
def test_frame_polars_expressions(benchmark: Any, frame: Any) -> None:
    import frames

    benchmark(frames.polars_peer, frame)
