"""Data frames and Arrow data: polars, pandas, pyarrow and anything with the Arrow PyCapsule
interface, checked column by column in the native module (``check_arrow``) without row dicts.

Which library an object comes from is read off its type's module, so none of them is imported
unless the caller already uses it.
"""

from __future__ import annotations

import datetime
import importlib
from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Tuple

from unilogin import _unilogin

if TYPE_CHECKING:  # pragma: no cover
    from unilogin._unilogin import _KindName, _Lang, _ValueKindName

#: The columns of a problem table, after the pandas ``index`` column where there is one.
FRAME_COLUMNS = ("row", "field", "type", "msg", "input", "ctx")


def _library(obj: Any) -> str:
    return type(obj).__module__.split(".")[0]


def _optional(name: str) -> Any:
    """The module `name` if it is installed, else None."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def _is_arrow(obj: Any) -> bool:
    return hasattr(obj, "__arrow_c_stream__") or hasattr(obj, "__arrow_c_array__")


def _pandas_column(pa: Any, column: Any) -> Any:
    """A pandas column as an Arrow array: as pyarrow converts it (zero-copy for numeric and
    pyarrow-backed columns), or, for an object column of mixed types that Arrow cannot hold as
    one type, as the texts its cells are read as."""
    try:
        return pa.array(column, from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, OverflowError, TypeError):
        return pa.array(_unilogin.cell_texts(column.tolist()), type=pa.string())


def _pandas_columns(pa: Any, df: Any) -> List[Tuple[str, Any]]:
    """A pandas frame's columns by position as `(name, Arrow array)` pairs (the index left out)."""
    return [(str(name), _pandas_column(pa, df.iloc[:, i])) for i, name in enumerate(df.columns)]


def _polars_columns(df: Any) -> List[Tuple[str, Any]]:
    """A polars frame's columns as `(name, Series)` pairs: each Series' Arrow export is
    zero-copy, where the frame's own export copies the columns to align their chunks."""
    return [(name, df.get_column(name)) for name in df.columns]


def _checked(data: Any, kind: str, options: Dict[str, Any], row_offset: int = 0) -> Any:
    return _unilogin.check_arrow(data, kind=kind, row_offset=row_offset, **options)  # type: ignore[arg-type]


def validate_arrow(
    data: Any,
    *,
    kind: _KindName,
    lang: _Lang = "da",
    p_number_checksum: bool = True,
    as_of: Optional[datetime.date] = None,
    policy: Optional[Mapping[str, Any]] = None,
    jobs: int = 0,
) -> Any:
    """Validates every row of Arrow data: a ``pyarrow.Table``, ``RecordBatch`` or
    ``RecordBatchReader``, or any object with the Arrow PyCapsule stream interface
    (``__arrow_c_stream__``: a DuckDB relation, a polars frame, ...).

    The columns are read without copying: strings (``Utf8``, ``LargeUtf8``, ``Utf8View``,
    dictionary-encoded), integers as their digits, floats as :func:`validate_frame` reads them,
    booleans and nulls (absent). A column no field uses is not read, whatever its type; a field's
    column of another type (a date, a list) is a ``TypeError`` naming it, and a column name
    given twice a ``ValueError``. The rows are checked on ``jobs`` threads (0: one per CPU) with
    the GIL released, batch by batch as the producer streams them.

    Returns a ``pyarrow.Table`` with one row per problem and the columns ``row`` (0-based),
    ``field``, ``type``, ``msg``, ``input`` and ``ctx`` (JSON text); without pyarrow installed,
    a table object any Arrow reader takes (``polars.DataFrame(t)``, ``duckdb``).

    >>> import pyarrow as pa
    >>> data = pa.table({"cvrNummer": ["13585628", "13585627"], "pNummer": ["1029829825", None]})
    >>> problems = unilogin.validate_arrow(data, kind="register", lang="en")
    >>> problems.filter(pa.compute.field("row") == 1).column("type").to_pylist()[-2:]
    ['cvr_checksum', 'unilogin_requires_p_number']
    """
    options: Dict[str, Any] = dict(lang=lang, p_number_checksum=p_number_checksum, as_of=as_of, policy=policy, jobs=jobs)
    if not _is_arrow(data):
        raise TypeError(
            "validate_arrow takes Arrow data (an object with __arrow_c_stream__ or "
            f"__arrow_c_array__), not `{type(data).__module__}.{type(data).__name__}`"
        )
    table = _checked(data, kind, options)
    pa = _optional("pyarrow")
    return pa.table(table) if pa is not None else table


def _polars_problems(pl: Any, tables: List[Any]) -> Any:
    frames = [pl.DataFrame(t) for t in tables]
    return pl.concat(frames) if len(frames) > 1 else frames[0]


def validate_frame(
    df: Any,
    *,
    kind: _KindName,
    lang: _Lang = "da",
    p_number_checksum: bool = True,
    as_of: Optional[datetime.date] = None,
    policy: Optional[Mapping[str, Any]] = None,
    jobs: int = 0,
) -> Any:
    """Validates every row of a polars ``DataFrame`` or ``LazyFrame``, a pandas ``DataFrame``
    or Arrow data (as :func:`validate_arrow`), column by column without row dicts.

    Returns the problems as a frame of the library that came in (Arrow data gives a
    ``pyarrow.Table``) with one row per problem and the columns ``row`` (0-based position of
    the row), for pandas ``index`` (the row's label in the frame's index), ``field`` (the
    canonical key), ``type``, ``msg``, ``input`` and ``ctx`` (the context as JSON text).
    Missing values (``None``, ``NaN``, ``pd.NA``, nulls) count as absent. A float that holds an
    integer is read as that integer's digits, so a number column that pandas turned into floats
    because one cell is empty (``1025436144.0``) is checked as the number it was; a leading zero
    such a column lost is reported with its hint. A ``LazyFrame`` is collected in batches, each
    checked as it comes. A pandas frame goes through pyarrow when it is installed (zero-copy for
    numeric and pyarrow-backed columns), row by row otherwise. ``as_of`` as in
    :func:`validate_records`; ``jobs`` as in :func:`validate_arrow`. Neither pandas, polars nor
    pyarrow is a dependency of this package.
    """
    options: Dict[str, Any] = dict(lang=lang, p_number_checksum=p_number_checksum, as_of=as_of, policy=policy, jobs=jobs)
    library = _library(df)
    if library == "polars":
        pl: Any = importlib.import_module("polars")
        if isinstance(df, pl.LazyFrame):
            tables, offset = [], 0
            # `collect_batches` (polars 1.33 and later) streams the result; before, one batch.
            batches = df.collect_batches() if hasattr(df, "collect_batches") else [df.collect()]
            for batch in batches:
                tables.append(_checked(_polars_columns(batch), kind, options, offset))
                offset += batch.height
            if not tables:  # no batch at all: the empty result still has the columns
                tables.append(_checked(_polars_columns(df.head(0).collect()), kind, options))
            return _polars_problems(pl, tables)
        if isinstance(df, pl.DataFrame):
            return _polars_problems(pl, [_checked(_polars_columns(df), kind, options)])
    if library == "pandas" and hasattr(df, "columns") and hasattr(df, "index"):
        pd: Any = importlib.import_module("pandas")
        pa = _optional("pyarrow")
        if pa is None:
            return _pandas_by_rows(pd, df, kind, options)
        out = pa.table(_checked(_pandas_columns(pa, df), kind, options)).to_pandas()
        # The frame's own index label of each problem's row, beside its position.
        out.insert(1, "index", df.index.take(out["row"].to_numpy()).to_numpy())
        return out
    if _is_arrow(df):
        return validate_arrow(df, kind=kind, **options)
    raise TypeError(
        "validate_frame takes a pandas or polars DataFrame (or a polars LazyFrame, or Arrow "
        f"data), not `{type(df).__module__}.{type(df).__name__}`"
    )


def _pandas_by_rows(pd: Any, df: Any, kind: Any, options: Dict[str, Any]) -> Any:
    """The problems of a pandas frame without pyarrow: its rows as dicts, checked one by one."""
    options = {k: v for k, v in options.items() if k != "jobs"}
    clean = df.astype(object).where(df.notna(), None)
    problems = _unilogin.validate_records(clean.to_dict("records"), kind=kind, **options)
    columns: Dict[str, List[Any]] = {name: [] for name in ("row", "index", *FRAME_COLUMNS[1:])}
    for p in problems:
        loc = p["loc"]
        columns["row"].append(loc[0])
        columns["index"].append(df.index[loc[0]])
        columns["field"].append(".".join(str(part) for part in loc[1:]))
        columns["type"].append(p["type"])
        columns["msg"].append(p["msg"])
        columns["input"].append(p["input"])
        columns["ctx"].append(_json_ctx(p["ctx"]))
    return pd.DataFrame(columns)


def _json_ctx(ctx: Mapping[str, Any]) -> str:
    import json

    return json.dumps(ctx, ensure_ascii=False)


def valid_rows(
    frame: Any,
    *,
    kind: _KindName,
    p_number_checksum: bool = True,
    as_of: Optional[datetime.date] = None,
    policy: Optional[Mapping[str, Any]] = None,
    jobs: int = 0,
) -> Any:
    """Whether each row of a frame has no problem, as a boolean Series of the frame's library
    (pandas: with the frame's index; Arrow data: a ``pyarrow`` array), for filtering:

    >>> import polars as pl
    >>> frame = pl.DataFrame({"cvrNummer": ["13585628", "13585627"], "pNummer": ["1029829825"] * 2})
    >>> unilogin.valid_rows(frame, kind="register").to_list()  # both lack the address fields
    [False, False]
    """
    options: Dict[str, Any] = dict(p_number_checksum=p_number_checksum, as_of=as_of, policy=policy, jobs=jobs)
    library = _library(frame)
    if library == "polars":
        pl: Any = importlib.import_module("polars")
        if isinstance(frame, pl.LazyFrame):
            frame = frame.collect()
        rows = _unilogin.arrow_valid_rows(_polars_columns(frame), kind=kind, **options)
        return pl.Series(rows).alias("valid")
    if library == "pandas" and hasattr(frame, "columns"):
        pd: Any = importlib.import_module("pandas")
        pa: Any = importlib.import_module("pyarrow")
        mask = _unilogin.arrow_valid_rows(_pandas_columns(pa, frame), kind=kind, **options)
        return pd.Series(pa.array(mask).to_numpy(zero_copy_only=False), index=frame.index, name="valid")
    if _is_arrow(frame):
        return _arrow_booleans(_unilogin.arrow_valid_rows(frame, kind=kind, **options))
    raise TypeError(
        f"valid_rows takes a pandas or polars DataFrame or Arrow data, not `{type(frame).__module__}.{type(frame).__name__}`"
    )


def _arrow_booleans(mask: Any) -> Any:
    pa = _optional("pyarrow")
    return pa.array(mask) if pa is not None else mask


def valid_mask(values: Any, *, kind: _ValueKindName, jobs: int = 0) -> Any:
    library = _library(values)
    if library == "polars" and hasattr(values, "__arrow_c_stream__") and hasattr(values, "name"):
        pl: Any = importlib.import_module("polars")
        return pl.Series(_unilogin.arrow_valid_mask(values, kind=kind, jobs=jobs)).alias(values.name)
    if library == "pandas" and hasattr(values, "index") and not hasattr(values, "columns"):
        pd: Any = importlib.import_module("pandas")
        pa = _optional("pyarrow")
        if pa is None:
            return pd.Series(_unilogin.valid_mask(values, kind=kind), index=values.index, name=values.name)
        mask = _unilogin.arrow_valid_mask(_pandas_column(pa, values), kind=kind, jobs=jobs)
        return pd.Series(pa.array(mask).to_numpy(zero_copy_only=False), index=values.index, name=values.name)
    if _is_arrow(values):
        return _arrow_booleans(_unilogin.arrow_valid_mask(values, kind=kind, jobs=jobs))
    return _unilogin.valid_mask(values, kind=kind)


# Written once, in the stubs: the native function's docstring describes both.
valid_mask.__doc__ = _unilogin.valid_mask.__doc__
