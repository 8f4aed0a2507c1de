"""The names the stubs' module docstring sets up for its examples (``import unilogin``, ``dt``,
``UTC``), for the same examples where they also run as the run-time docstrings of the classes
(``pytest --doctest-modules python/unilogin``)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Dict

import pytest

import unilogin


@pytest.fixture(autouse=True)
def _stub_names(doctest_namespace: Dict[str, Any]) -> None:
    doctest_namespace.update(unilogin=unilogin, dt=dt, UTC=dt.timezone.utc)
