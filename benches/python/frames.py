"""Columnar benchmarks of `unilogin` (issue 15), measured side by side in one run.

On 1,000,000 real-shaped register rows (the shared corpus generator of the Rust benches, default
seed, about 10 % of the rows with realistic errors), all read as text:

(a) the peer: the register rules written as idiomatic polars expressions (regular expressions,
    ``is_in`` against the municipality list, modulus-11 sums of digit slices), giving the
    ``(row, field)`` of every failed rule, as a polars user would write them;
(b) ``unilogin.validate_frame`` on a polars, a pandas (``dtype=str``) and a pyarrow frame, and
    the same frames' rows as dicts through ``validate_records`` (the path before issue 15);
(c) ``unilogin.validate_csv`` on the file the frames were read from.

Each time is the best of ``--repeat`` runs in this process. Peak memory is measured in a child
process per path: the resident set after the frame is loaded, then the peak while checking it
(Linux's VmHWM, reset through /proc/self/clear_refs), reported beside the frame's own size.

Usage: python benches/python/frames.py [--rows 1000000] [--repeat 3] [--quick] [--json out.json]
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pathlib
import platform
import subprocess
import sys
from typing import Any, Callable, Dict, List

import pandas as pd
import polars as pl
import pyarrow as pa

import unilogin

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from bench import CODES, MUNICIPALITIES, P_HIGH, P_LOW, best, register_corpus  # noqa: E402

CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)

# --- The peer: the register rules as polars expressions -------------------------------------------


def _text(column: str) -> pl.Expr:
    return pl.col(column).str.strip_chars()


def _blank(column: str) -> pl.Expr:
    return _text(column).is_null() | (_text(column) == "")


def _mod11(digits: pl.Expr, weights: Any) -> pl.Expr:
    return pl.sum_horizontal(
        [digits.str.slice(i, 1).cast(pl.Int64, strict=False) * w for i, w in enumerate(weights)]
    ) % 11


def _number(column: str, prefix: bool = False) -> pl.Expr:
    v = _text(column)
    if prefix:
        v = v.str.replace(r"^(?i)DK[ \-:]*", "")
    return v.str.replace_all(r"[ .\-\u00a0]", "")


def _fold(column: str) -> pl.Expr:
    v = _text(column).str.to_lowercase()
    v = v.str.replace_many(["æ", "ø", "å", "aa", "ae", "oe"], ["a", "o", "a", "a", "a", "o"])
    return v.str.replace(r" (regions)?kommune$", "")


def _municipality(column: str) -> pl.Expr:
    code = _text(column)
    by_code = code.str.contains(r"^\d{3,4}$") & code.cast(pl.Int64, strict=False).is_in(sorted(CODES))
    names = sorted(MUNICIPALITIES)
    return by_code | _fold(column).is_in(names) | _fold(column).str.strip_suffix("s").is_in(names)


def _text_ok(column: str) -> pl.Expr:
    v = _text(column)
    return ~_blank(column) & (v.str.len_chars() <= 132) & ~v.str.contains(r"[\x00-\x1f\x7f]")


def _institution_number(column: str) -> pl.Expr:
    return pl.col(column).str.replace_all(r"[ \-]", "").str.contains(r"^[Gg]\d{5}$")


EMAIL = (
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
)


def peer_rules() -> Dict[str, pl.Expr]:
    """Each field's rule: true where the row's value is acceptable."""
    cvr = _number("cvrNummer", prefix=True)
    p = _number("pNummer")
    p_weights = pl.when(p.cast(pl.Int64, strict=False) <= 1_006_959_421)
    phone = (
        _text("telefonNummer")
        .str.replace(r"^(\(\+45\)|\+45|0045)", "")
        .str.replace_all(r"[ .\-()\u00a0]", "")
        .str.replace(r"^45(\d{8})$", "$1")
    )
    postal = _text("postNummer")
    return {
        "placement_unit_number": _institution_number("anvisningsenhedsNummer"),
        "daycare_number": _blank("daginstitutionsNummer") | _institution_number("daginstitutionsNummer"),
        "institution_name": _text_ok("dagtilbudsNavn"),
        "institution_type": _text("instType3").cast(pl.Int64, strict=False).is_between(6010, 6022),
        "ownership": _text("ejerformKode").cast(pl.Int64, strict=False).is_between(1, 4),
        "municipality": _municipality("kommuneKode_Tekst"),
        "admin_municipality": _blank("admKommuneKode_Tekst") | _municipality("admKommuneKode_Tekst"),
        "street": _text_ok("vejNavn"),
        "house_number": _text("husNummer").str.contains(r"^[1-9]\d{0,2}\s?[A-Za-zÆØÅæøå]?$"),
        "postal_code": postal.str.contains(r"^\d{4}$")
        & postal.cast(pl.Int64, strict=False).is_between(800, 9990),
        "city": _text_ok("byNavn"),
        "supplementary_city": _blank("supplerendeBynavn") | _text_ok("supplerendeBynavn"),
        "email": _blank("email") | ((_text("email").str.len_chars() <= 254) & _text("email").str.contains(EMAIL)),
        "phone": _blank("telefonNummer") | phone.str.contains(r"^[2-9]\d{7}$"),
        "cvr": _blank("cvrNummer") | (cvr.str.contains(r"^[1-9]\d{7}$") & (_mod11(cvr, CVR_WEIGHTS) == 0)),
        "p_number": p.str.contains(r"^[1-9]\d{9}$")
        & (p_weights.then(_mod11(p, P_LOW)).otherwise(_mod11(p, P_HIGH)) == 0),
    }


def polars_peer(frame: pl.DataFrame) -> pl.DataFrame:
    """The `(row, field)` of every failed rule, as a long table."""
    rules = peer_rules()
    return (
        frame.lazy()
        .with_row_index("row")
        .select("row", *[(~ok.fill_null(False)).alias(field) for field, ok in rules.items()])
        .unpivot(index="row", variable_name="field", value_name="bad")
        .filter(pl.col("bad"))
        .select("row", "field")
        .collect()
    )


# --- Loading and memory ----------------------------------------------------------------------------


def load(library: str, path: pathlib.Path) -> Any:
    if library == "polars":
        return pl.read_csv(path, separator=";", infer_schema=False)
    if library == "pandas":
        return pd.read_csv(path, sep=";", dtype=str, keep_default_na=False)
    if library == "pyarrow":
        return pl.read_csv(path, separator=";", infer_schema=False).to_arrow()
    raise ValueError(library)


def frame_bytes(frame: Any) -> int:
    if isinstance(frame, pl.DataFrame):
        return int(frame.estimated_size())
    if isinstance(frame, pd.DataFrame):
        return int(frame.memory_usage(deep=True).sum())
    return int(frame.nbytes)


def _status(field: str) -> int:
    for line in pathlib.Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    raise KeyError(field)


JOBS: Dict[str, Callable[[Any, pathlib.Path], Any]] = {
    "peer": lambda frame, path: polars_peer(frame),
    "validate_frame": lambda frame, path: unilogin.validate_frame(frame, kind="register"),
    "validate_csv": lambda frame, path: unilogin.validate_csv(path, kind="register"),
}


def measure_memory(job: str, library: str, path: pathlib.Path) -> Dict[str, int]:
    """In this (child) process: the frame's size, and the peak memory beyond the loaded frame."""
    frame = load(library, path) if job != "validate_csv" else None
    resident = _status("VmRSS")
    pathlib.Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the current RSS
    JOBS[job](frame, path)
    return {
        "frame_bytes": frame_bytes(frame) if frame is not None else 0,
        "extra_bytes": _status("VmHWM") - resident,
    }


def child_memory(job: str, library: str, path: pathlib.Path) -> Dict[str, int]:
    out = subprocess.run(
        [sys.executable, __file__, "--memory", job, library, str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: Dict[str, int] = json.loads(out.stdout)
    return result


# --- The run ---------------------------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="a smoke run: 2,000 rows, one repeat")
    ap.add_argument("--json", type=pathlib.Path, help="also write the results as JSON here")
    ap.add_argument("--memory", nargs=3, metavar=("JOB", "LIBRARY", "PATH"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.memory:
        job, library, path = args.memory
        print(json.dumps(measure_memory(job, library, pathlib.Path(path))))
        return 0
    if args.quick:
        args.rows, args.repeat = 2_000, 1

    path = register_corpus(args.rows)
    frames = {library: load(library, path) for library in ("polars", "pandas", "pyarrow")}
    results: Dict[str, Any] = {"rows": args.rows, "cpus": os.cpu_count(), "machine": platform.platform()}
    times: Dict[str, float] = {}

    times["peer (polars expressions)"], peer = best(lambda: polars_peer(frames["polars"]), args.repeat)
    problems = {}
    for library, frame in frames.items():
        times[f"validate_frame ({library})"], problems[library] = best(
            lambda: unilogin.validate_frame(frame, kind="register"), args.repeat
        )
    times["validate_csv"], report = best(lambda: unilogin.validate_csv(path, kind="register"), args.repeat)
    # One column: valid_mask on the Series, and the expression namespace inside a lazy query.
    importlib.import_module("unilogin.polars")  # the .unilogin namespace

    series = frames["polars"]["pNummer"]
    times["valid_mask (polars Series, p_number)"], eager = best(
        lambda: unilogin.valid_mask(series, kind="p_number"), args.repeat
    )
    lazy = frames["polars"].lazy().select(pl.col("pNummer").unilogin.is_valid("p_number"))
    times["is_valid in a streaming query (p_number)"], streamed = best(
        lambda: lazy.collect(engine="streaming"), args.repeat
    )
    assert streamed["pNummer"].to_list() == eager.to_list()
    rows_dicts = frames["polars"].to_dicts()
    times["validate_records (row dicts, before)"], _ = best(
        lambda: unilogin.validate_records(rows_dicts, kind="register"), 1
    )
    del rows_dicts

    counts = {library: len(p) if not isinstance(p, pa.Table) else p.num_rows for library, p in problems.items()}
    assert len(set(counts.values())) == 1, f"the frame paths disagree: {counts}"
    assert counts["polars"] == len(report), "validate_frame and validate_csv disagree"
    flagged_ours = problems["polars"]["row"].n_unique()
    flagged_peer = peer["row"].n_unique()

    memory = {
        "validate_frame (polars)": child_memory("validate_frame", "polars", path),
        "validate_frame (pandas)": child_memory("validate_frame", "pandas", path),
        "validate_frame (pyarrow)": child_memory("validate_frame", "pyarrow", path),
        "peer (polars expressions)": child_memory("peer", "polars", path),
        "validate_csv": child_memory("validate_csv", "polars", path),
    }

    peer_time = times["peer (polars expressions)"]
    csv_time = times["validate_csv"]
    print(f"{args.rows:,} register rows, {os.cpu_count()} CPUs, {platform.python_implementation()} "
          f"{platform.python_version()}, polars {pl.__version__}, pandas {pd.__version__}, pyarrow {pa.__version__}")
    print(f"problems: unilogin {counts['polars']:,} on {flagged_ours:,} rows; peer {len(peer):,} failed rules on {flagged_peer:,} rows")
    print(f"{'path':40} {'best':>9} {'peer/x':>7} {'x/csv':>6} {'extra memory':>14} {'× frame':>8}")
    for name, t in times.items():
        m = memory.get(name)
        extra = f"{m['extra_bytes'] / 1e6:,.1f} MB" if m else ""
        share = f"{m['extra_bytes'] / m['frame_bytes']:.2f}" if m and m["frame_bytes"] else ""
        print(f"{name:40} {t * 1000:7.0f} ms {peer_time / t:7.2f} {t / csv_time:6.2f} {extra:>14} {share:>8}")
    results.update({"seconds": times, "memory": memory, "problems": counts["polars"], "peer_failures": len(peer)})
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
