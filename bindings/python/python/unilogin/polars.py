"""The ``unilogin`` namespace of polars expressions and Series, registered on import (and by
``import unilogin`` when polars is already imported)::

    import polars as pl
    import unilogin.polars  # noqa: F401  (registers the namespace)

    lf = pl.scan_csv("register.csv", separator=";", infer_schema=False)
    lf.filter(pl.col("cvrNummer").unilogin.is_valid("cvr")).collect(engine="streaming")

``is_valid`` runs :func:`unilogin.valid_mask` on each batch of a query through
``Expr.map_batches`` (elementwise, so streaming engines may split the column anywhere): the
column is read without copying through the Arrow C data interface. polars' plugin interface
(``pyo3-polars``) is not used: its pyo3 differs from this package's.

>>> import polars as pl
>>> import unilogin.polars
>>> frame = pl.DataFrame({"cvr": ["13585628", "13585627", None]})
>>> frame.select(pl.col("cvr").unilogin.is_valid("cvr"))["cvr"].to_list()
[True, False, False]
>>> frame["cvr"].unilogin.is_valid("cvr").to_list()
[True, False, False]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import polars as pl

from unilogin._frames import valid_mask

if TYPE_CHECKING:  # pragma: no cover
    from unilogin._unilogin import _ValueKindName

__all__ = ["UniloginExpr", "UniloginSeries"]


@pl.api.register_expr_namespace("unilogin")
class UniloginExpr:
    """``pl.col(...).unilogin``: checks of the column's values."""

    def __init__(self, expr: pl.Expr) -> None:
        self._expr = expr

    def is_valid(self, kind: _ValueKindName) -> pl.Expr:
        """Whether each value is a valid value of ``kind`` (a null is not), as a Boolean column."""

        def mask(series: pl.Series) -> Any:
            return valid_mask(series, kind=kind)

        return self._expr.map_batches(mask, return_dtype=pl.Boolean, is_elementwise=True)


@pl.api.register_series_namespace("unilogin")
class UniloginSeries:
    """``series.unilogin``: checks of the Series' values."""

    def __init__(self, series: pl.Series) -> None:
        self._series = series

    def is_valid(self, kind: _ValueKindName) -> pl.Series:
        """Whether each value is a valid value of ``kind`` (a null is not)."""
        result: pl.Series = valid_mask(self._series, kind=kind)
        return result
