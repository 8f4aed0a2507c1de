"""Shared helpers: the language-neutral vectors in tests/vectors/ and RFC 3339 times."""

from __future__ import annotations

import datetime as dt
import json
import pathlib
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parents[3]
VECTORS = ROOT / "tests" / "vectors"


def load(name: str) -> Any:
    doc = json.loads((VECTORS / name).read_text(encoding="utf-8"))
    if isinstance(doc, dict) and "version" in doc and "cases" in doc:
        assert doc["version"] == 1, name
    return doc


def ts(text: str) -> dt.datetime:
    """An RFC 3339 time with `Z` or an offset (Python 3.9's fromisoformat lacks `Z`)."""
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
