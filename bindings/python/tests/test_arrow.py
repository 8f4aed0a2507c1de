"""Issue 15: frames and Arrow data checked column by column, zero-copy, with the problems of the
file path. Every engine a data team holds its export in must give exactly the problems that
`check_export` gives for the file the export came from."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import pathlib
from typing import Any, Dict, List, Optional, Tuple

import pytest

import unilogin
from conftest import ROOT

pa = pytest.importorskip("pyarrow")
pl = pytest.importorskip("polars")
pd = pytest.importorskip("pandas")

EXAMPLES = ROOT / "examples"
# Each example file, its kind and its text encoding.
FILES = [
    ("register.csv", "register", "utf-8"),
    ("register-windows-1252.csv", "register", "cp1252"),
    ("requests.csv", "request", "utf-8"),
    ("users.csv", "user", "utf-8"),
]

Problem = Tuple[int, str, str, str, Optional[str], Dict[str, Any]]


def columns_of(name: str, encoding: str) -> Dict[str, List[str]]:
    """The file's columns as text, read with the csv module (the header's order kept)."""
    text = (EXAMPLES / name).read_text(encoding=encoding)
    delimiter = ";" if text.splitlines()[0].count(";") > text.splitlines()[0].count(",") else ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    header, body = rows[0], rows[1:]
    return {column: [row[i] for row in body] for i, column in enumerate(header)}


def from_report(name: str, kind: str) -> List[Problem]:
    report = unilogin.check_export(EXAMPLES / name, kind=kind, lang="en")
    assert report["error"] is None
    return [
        (p["loc"][0], ".".join(map(str, p["loc"][1:])), p["type"], p["msg"], p["input"], dict(p["ctx"]))
        for p in report["problems"]
    ]


def from_table(table: Any) -> List[Problem]:
    """The problems of a problem table of any library, as tuples."""
    if isinstance(table, pl.DataFrame):
        rows = table.to_dicts()
    elif isinstance(table, pd.DataFrame):
        rows = table.to_dict("records")
    else:
        rows = pa.table(table).to_pylist()
    out = []
    for r in rows:
        input_ = r["input"]
        if isinstance(input_, float) and math.isnan(input_):
            input_ = None
        out.append((r["row"], r["field"], r["type"], r["msg"], input_, json.loads(r["ctx"])))
    return out


def engines(columns: Dict[str, List[str]]) -> Dict[str, Any]:
    """The same columns as each engine and Arrow layout a user may hand over."""
    table = pa.table(columns)
    return {
        "pyarrow Utf8": table,
        "pyarrow LargeUtf8": table.cast(pa.schema([(n, pa.large_string()) for n in table.column_names])),
        "pyarrow Utf8View": table.cast(pa.schema([(n, pa.string_view()) for n in table.column_names])),
        "pyarrow dictionary": pa.table({n: table.column(n).dictionary_encode() for n in table.column_names}),
        "pyarrow RecordBatch": table.to_batches()[0],
        "pyarrow RecordBatchReader": pa.RecordBatchReader.from_batches(table.schema, table.to_batches(max_chunksize=2)),
        "polars": pl.DataFrame(columns),
        "polars LazyFrame": pl.LazyFrame(columns),
        "pandas object": pd.DataFrame(columns, dtype=object),
        "pandas str": pd.DataFrame(columns, dtype="str"),
        "pandas pyarrow": pd.DataFrame(columns, dtype=pd.ArrowDtype(pa.string())),
    }


@pytest.mark.parametrize("name,kind,encoding", FILES, ids=[f[0] for f in FILES])
def test_every_engine_gives_the_problems_of_the_file(name: str, kind: str, encoding: str) -> None:
    expected = from_report(name, kind)
    assert expected, "each example has problems to compare"
    for label, data in engines(columns_of(name, encoding)).items():
        out = unilogin.validate_frame(data, kind=kind, lang="en")
        assert from_table(out) == expected, label
    # Arrow data gives a pyarrow Table; each frame its own library's frame.
    assert isinstance(unilogin.validate_arrow(pa.table(columns_of(name, encoding)), kind=kind), pa.Table)


def test_problems_come_back_as_the_frame_that_came_in() -> None:
    columns = columns_of("register.csv", "utf-8")
    polars_out = unilogin.validate_frame(pl.DataFrame(columns), kind="register")
    assert isinstance(polars_out, pl.DataFrame)
    assert polars_out.schema == pl.Schema(
        {"row": pl.Int64, "field": pl.String, "type": pl.String, "msg": pl.String, "input": pl.String, "ctx": pl.String}
    )
    assert isinstance(unilogin.validate_frame(pl.LazyFrame(columns), kind="register"), pl.DataFrame)
    frame = pd.DataFrame(columns, dtype=object, index=[f"r{i}" for i in range(len(columns["cvrNummer"]))])
    pandas_out = unilogin.validate_frame(frame, kind="register")
    assert isinstance(pandas_out, pd.DataFrame)
    assert list(pandas_out.columns) == ["row", "index", "field", "type", "msg", "input", "ctx"]
    assert list(pandas_out["index"]) == [f"r{r}" for r in pandas_out["row"]]
    arrow_out = unilogin.validate_frame(pa.table(columns), kind="register")
    assert isinstance(arrow_out, pa.Table)
    assert arrow_out.column_names == ["row", "field", "type", "msg", "input", "ctx"]


def test_a_frame_without_rows_has_no_problems_and_the_columns() -> None:
    empty = {"cvrNummer": pl.Series([], dtype=pl.String)}
    out = unilogin.validate_frame(pl.DataFrame(empty), kind="register")
    assert out.height == 0 and out.columns == ["row", "field", "type", "msg", "input", "ctx"]
    lazy = unilogin.validate_frame(pl.LazyFrame(empty), kind="register")
    assert lazy.height == 0 and lazy.columns == out.columns


def register_rows(n: int) -> Dict[str, List[str]]:
    """`n` rows made of the example register's rows, repeated."""
    columns = columns_of("register.csv", "utf-8")
    size = len(columns["cvrNummer"])
    return {name: [values[i % size] for i in range(n)] for name, values in columns.items()}


def test_rows_are_numbered_across_batches_and_threads() -> None:
    columns = register_rows(30_000)
    table = pa.table(columns)
    one = from_table(unilogin.validate_arrow(table, kind="register", jobs=1))
    assert one == from_table(unilogin.validate_arrow(table, kind="register", jobs=2))
    reader = pa.RecordBatchReader.from_batches(table.schema, table.to_batches(max_chunksize=7_000))
    assert from_table(unilogin.validate_arrow(reader, kind="register")) == one
    assert from_table(unilogin.validate_frame(pl.LazyFrame(columns), kind="register")) == one
    assert max(p[0] for p in one) > 29_000


def test_number_columns_are_read_as_the_digits_they_hold() -> None:
    text = {"cvrNummer": ["13585628", "13585627", None, "13585628"], "pNummer": ["1029829825", None, "1029829825", "1029829826"]}
    expected = from_table(unilogin.validate_arrow(pa.table(text), kind="register"))
    as_int = {k: [None if v is None else int(v) for v in vs] for k, vs in text.items()}
    as_float = {k: [math.nan if v is None else float(v) for v in vs] for k, vs in text.items()}
    variants = {
        "int64": pa.table(as_int),
        "uint32": pa.table({k: pa.array(v, type=pa.uint32()) for k, v in as_int.items()}),
        "float64 with nulls": pa.table({k: pa.array(v, type=pa.float64()) for k, v in as_int.items()}),
        "polars Int64": pl.DataFrame(as_int),
        "pandas float64 with NaN": pd.DataFrame(as_float),
        "pandas Int64": pd.DataFrame(as_int, dtype="Int64"),
        "pandas object of ints": pd.DataFrame(as_int, dtype=object),
        "pandas object of mixed types": pd.DataFrame(
            {"cvrNummer": [13585628, "13585627", None, 13585628.0], "pNummer": text["pNummer"]}, dtype=object
        ),
    }
    for label, data in variants.items():
        assert from_table(unilogin.validate_frame(data, kind="register")) == expected, label


def test_a_field_column_of_another_type_is_an_error_naming_it() -> None:
    dates = pa.table({"cvrNummer": ["13585628"], "pNummer": pa.array([dt.date(2026, 1, 1)])})
    with pytest.raises(TypeError, match=r"column `pNummer` holds Date32 values"):
        unilogin.validate_arrow(dates, kind="register")
    # A column no field uses is not read, whatever it holds.
    unused = pa.table({"cvrNummer": ["13585628"], "indlæst": pa.array([dt.date(2026, 1, 1)])})
    assert unilogin.validate_arrow(unused, kind="register").num_rows > 0
    lists = pl.DataFrame({"email": [["a@b.dk"]]})
    with pytest.raises(TypeError, match=r"column `email` holds .*List"):
        unilogin.validate_frame(lists, kind="register")


def test_a_column_given_twice_is_an_error() -> None:
    table = pa.Table.from_arrays([pa.array(["13585628"]), pa.array(["13585627"])], names=["cvrNummer", "cvrNummer"])
    with pytest.raises(ValueError, match="column `cvrNummer` more than once"):
        unilogin.validate_arrow(table, kind="register")
    frame = pd.DataFrame([["13585628", "13585627"]], columns=["cvrNummer", "cvrNummer"])
    with pytest.raises(ValueError, match="more than once"):
        unilogin.validate_frame(frame, kind="register")


def test_bad_arguments_are_typed_errors() -> None:
    with pytest.raises(TypeError, match="Arrow data"):
        unilogin.validate_arrow([{"cvr": "13585628"}], kind="register")
    with pytest.raises(unilogin.ArgumentError):
        unilogin.validate_arrow(pa.table({"cvr": ["1"]}), kind="roster")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="jobs must be 0 or more"):
        unilogin.validate_arrow(pa.table({"cvr": ["1"]}), kind="request", jobs=-1)
    with pytest.raises(TypeError, match="valid_rows takes"):
        unilogin.valid_rows([1, 2], kind="register")


CVRS = ["13585628", "13585627", None, "DK-2425 6790", ""]
MASK = [True, False, False, True, False]


def test_valid_mask_gives_back_the_type_that_came_in() -> None:
    assert unilogin.valid_mask(CVRS, kind="cvr") == MASK
    series = unilogin.valid_mask(pl.Series("cvrNummer", CVRS), kind="cvr")
    assert isinstance(series, pl.Series) and series.name == "cvrNummer" and series.to_list() == MASK
    labels = ["a", "b", "c", "d", "e"]
    pandas = unilogin.valid_mask(pd.Series(CVRS, index=labels, name="cvr"), kind="cvr")
    assert isinstance(pandas, pd.Series) and list(pandas.index) == labels and pandas.tolist() == MASK
    arrow = unilogin.valid_mask(pa.array(CVRS), kind="cvr")
    assert isinstance(arrow, pa.BooleanArray) and arrow.to_pylist() == MASK
    chunked = unilogin.valid_mask(pa.chunked_array([CVRS[:2], CVRS[2:]]), kind="cvr")
    assert chunked.to_pylist() == MASK
    numbers = unilogin.valid_mask(pa.array([13585628, 13585627, None]), kind="cvr")
    assert numbers.to_pylist() == [True, False, False]
    with pytest.raises(TypeError, match="holds Date32"):
        unilogin.valid_mask(pa.array([dt.date(2026, 1, 1)]), kind="cvr")


def test_valid_rows_filters_a_frame_to_its_valid_rows() -> None:
    path = EXAMPLES / "register.csv"
    bad = {p["loc"][0] for p in unilogin.check_export(path, kind="register")["problems"]}
    frame = pl.read_csv(path, separator=";", infer_schema=False)
    valid = frame.filter(unilogin.valid_rows(frame, kind="register"))
    assert 0 < valid.height < frame.height
    assert valid.height == frame.height - len(bad)
    assert unilogin.validate_frame(valid, kind="register").height == 0
    pandas = pd.read_csv(path, sep=";", dtype=str, keep_default_na=False)
    assert len(pandas[unilogin.valid_rows(pandas, kind="register")]) == valid.height
    table = pa.table(frame.to_dict(as_series=False))
    assert table.filter(unilogin.valid_rows(table, kind="register")).num_rows == valid.height


def test_the_polars_namespace_runs_inside_lazy_streaming_queries() -> None:
    import unilogin.polars  # noqa: F401  (registers the namespace)

    path = EXAMPLES / "register.csv"
    eager = pl.read_csv(path, separator=";", infer_schema=False)
    expected = unilogin.valid_mask(eager["pNummer"], kind="p_number").to_list()
    assert False in expected and True in expected
    lazy = pl.scan_csv(path, separator=";", infer_schema=False)
    streamed = lazy.select(pl.col("pNummer").unilogin.is_valid("p_number")).collect(engine="streaming")
    assert streamed["pNummer"].to_list() == expected
    kept = lazy.filter(pl.col("pNummer").unilogin.is_valid("p_number")).collect(engine="streaming")
    assert kept.height == sum(expected)
    assert eager["pNummer"].unilogin.is_valid("p_number").to_list() == expected


def test_a_parquet_file_is_validated_through_duckdb(tmp_path: pathlib.Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    import pyarrow.parquet as pq

    columns = columns_of("register.csv", "utf-8")
    parquet = tmp_path / "register.parquet"
    pq.write_table(pa.table(columns), parquet)
    relation = duckdb.sql(f"SELECT * FROM read_parquet('{parquet}')")
    problems = unilogin.validate_arrow(relation, kind="register", lang="en")
    assert from_table(problems) == from_report("register.csv", "register")
    # The batches of a DuckDB result stream, read as DuckDB gives them.
    reader = duckdb.sql(f"SELECT * FROM read_parquet('{parquet}')").to_arrow_reader(2)
    assert from_table(unilogin.validate_arrow(reader, kind="register", lang="en")) == from_table(problems)


def test_columns_chunked_differently_are_read_row_by_row() -> None:
    # A polars frame is handed over Series by Series; its columns may be chunked differently.
    columns = register_rows(9_000)
    whole = pl.DataFrame(columns)
    pieces = pl.concat([whole.slice(0, 1_000), whole.slice(1_000, 5_000), whole.slice(6_000)], rechunk=False)
    mixed = pieces.with_columns(pl.Series("pNummer", columns["pNummer"]))
    assert mixed["cvrNummer"].n_chunks() == 3 and mixed["pNummer"].n_chunks() == 1
    assert from_table(unilogin.validate_frame(mixed, kind="register")) == from_table(
        unilogin.validate_frame(whole, kind="register")
    )


def test_columns_of_different_lengths_are_an_error() -> None:
    with pytest.raises(ValueError, match="the columns differ in length: `cvrNummer` has 1 values, `pNummer` has 2"):
        unilogin._unilogin.check_arrow(
            [("cvrNummer", pa.array(["13585628"])), ("pNummer", pa.array(["1", "2"]))], kind="register"
        )


def test_cpr_numbers_are_masked_in_every_problem_table() -> None:
    columns = columns_of("users.csv", "utf-8")
    raw = [c for c in columns["CPR-nr"] if c]
    assert raw, "the roster has CPR numbers"
    for label, data in engines(columns).items():
        out = from_table(unilogin.validate_frame(data, kind="user"))
        shown = " ".join(f"{p[3]} {p[4]} {json.dumps(p[5])}" for p in out)
        leaked = [c for c in raw if c in shown or c.replace("-", "") in shown]
        assert not leaked, (label, leaked)
        assert any(p[4] and p[4].endswith("-****") for p in out), label


def test_without_pyarrow_pandas_frames_are_checked_row_by_row_with_the_same_problems(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from unilogin import _frames

    frame = pd.read_csv(EXAMPLES / "register.csv", sep=";", dtype=str)
    frame.index = [f"r{i}" for i in range(len(frame))]
    through_arrow = unilogin.validate_frame(frame, kind="register", lang="en")
    monkeypatch.setattr(_frames, "_optional", lambda name: None)
    by_rows = unilogin.validate_frame(frame, kind="register", lang="en")
    assert list(by_rows.columns) == list(through_arrow.columns)
    assert from_table(by_rows) == from_table(through_arrow)
    assert list(by_rows["index"]) == list(through_arrow["index"])
    masked = unilogin.valid_mask(frame["pNummer"], kind="p_number")
    assert isinstance(masked, pd.Series) and list(masked.index) == list(frame.index)
