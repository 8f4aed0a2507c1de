#!/usr/bin/env python3
"""Benchmark of `unilogin validate` on a large register export, measured side by side in one run.

    python3 benches/cli/bench.py [--rows 1000000] [--runs 5] [--frictionless-rows 100000]

From the repository root. It builds the command and the benches' `bare_read` in release mode,
generates a register CSV with the shared corpus generator (`gen_corpus`, semicolon-separated,
the register's column names), then, interleaving the runs and taking medians:

1. the bare CSV read: `bare_read FILE`, the command's own reading code (the core's `CsvReader`:
   delimiter detection, quoting, UTF-8/Windows-1252 decoding) without validation;
2. `unilogin validate --kind register FILE` (text output to /dev/null), with its default of one
   checking thread per CPU, and with `--jobs 1` (reading and checking on one thread);
3. peak memory (maximum resident set size, /usr/bin/time -v) of both, also on a file 10 times
   smaller, to show that memory does not grow with the file;
4. Python `frictionless` validating the same file with an equivalent table schema (patterns
   and enums), installed into a throwaway virtual environment under /tmp. Frictionless reads
   about two orders of magnitude slower, so by default it validates the first
   `--frictionless-rows` rows (100,000) and its time is scaled linearly to the full file; pass
   `--frictionless-rows 0` to run it on the whole file.

It prints a Markdown table for docs/performance.md and writes the figures as JSON to
`target/bench-cli/results.json`. Not part of `make test`.
"""

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / "target" / "bench-cli"
VENV = Path("/tmp/unilogin-bench-frictionless")
TIME = "/usr/bin/time"


def run(cmd, **kw):
    return subprocess.run(cmd, cwd=ROOT, check=True, **kw)


def build():
    run(["cargo", "build", "--release", "-q", "-p", "unilogin-cli", "--bin", "unilogin"])
    run(["cargo", "build", "--release", "-q", "-p", "unilogin-benches", "--bin", "gen_corpus",
         "--bin", "bare_read"])
    release = ROOT / "target" / "release"
    return release / "unilogin", release / "bare_read", release / "gen_corpus"


def generate(gen, rows, path):
    if path.exists() and path.with_suffix(".rows").exists() \
            and path.with_suffix(".rows").read_text() == str(rows):
        return
    run([str(gen), "--kind", "register", "--rows", str(rows), "--out", str(path)],
        stderr=subprocess.DEVNULL)
    path.with_suffix(".rows").write_text(str(rows))


def measure(cmd):
    """Wall time (s) and peak RSS (MB) of one run; stdout to /dev/null."""
    start = time.perf_counter()
    proc = subprocess.run([TIME, "-v"] + cmd, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"{cmd} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    rss = int(match.group(1)) / 1024 if match else float("nan")
    return wall, rss


def side_by_side(commands, runs):
    """Runs every command `runs` times, interleaved; medians of time and of peak RSS."""
    samples = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            samples[name].append(measure(cmd))
    return {name: (statistics.median(t for t, _ in s), statistics.median(m for _, m in s))
            for name, s in samples.items()}


# --- frictionless ----------------------------------------------------------------------------

def municipality_enum():
    """Every municipality as the core accepts it in the generated files: code, official name,
    `<name> Kommune`, `<name>s Kommune`, with æøå also spelt ae/oe/aa."""
    table = (ROOT / "crates/unilogin/src/identifiers/municipality_table.rs").read_text()
    values = set()
    for code, name in re.findall(r'\((\d{3}), "([^"]+)"\)', table):
        folded = name.replace("æ", "ae").replace("ø", "oe").replace("å", "aa") \
                     .replace("Æ", "Ae").replace("Ø", "Oe").replace("Å", "Aa")
        values.add(code)
        values.add(code.lstrip("0"))
        for n in {name, folded}:
            values.update({n, f"{n} Kommune", f"{n}s Kommune", n.upper(), n.lower()})
    return sorted(values)


def table_schema():
    """A frictionless table schema equivalent to the core's register rules, as far as patterns
    and enums go (checksums and the municipality's fuzzy matching cannot be expressed)."""
    municipalities = municipality_enum()
    text = "[^\\x00-\\x1f]*"
    def s(name, required=False, **constraints):
        if required:
            constraints["required"] = True
        return {"name": name, "type": "string", "constraints": constraints}
    return {"fields": [
        s("anvisningsenhedsNummer", True, pattern="\\s*[Gg]\\s*[0-9]{5}\\s*"),
        s("daginstitutionsNummer", maxLength=10, pattern=text),
        s("dagtilbudsNavn", True, maxLength=132, pattern=text),
        s("instType3", True, enum=["6010", "6011", "6012", "6013", "6014", "6020", "6021",
                                   "6022"]),
        s("ejerformKode", True, enum=["1", "2", "3", "4"]),
        s("kommuneKode_Tekst", True, enum=municipalities),
        s("admKommuneKode_Tekst", enum=municipalities),
        s("vejNavn", True, maxLength=132, pattern=text),
        s("husNummer", True, pattern="\\s*[1-9][0-9]{0,2}\\s*[A-Za-zÆØÅæøå]?\\s*"),
        s("postNummer", True, pattern="\\s*[0-9]{4}\\s*"),
        s("byNavn", True, maxLength=132, pattern=text),
        s("supplerendeBynavn", maxLength=132, pattern=text),
        {"name": "email", "type": "string", "format": "email"},
        s("telefonNummer", maxLength=20,
          pattern="\\s*(\\+45|0045)?[\\s-]*[2-9]([\\s-]*[0-9]){7}\\s*"),
        s("geoBredde"), s("geoLaengde"), s("aktivitetsstatus"),
        s("cvrNummer", pattern="\\s*[1-9][0-9]{7}\\s*"),
        s("pNummer", True, pattern="\\s*[1-9][0-9]{9}\\s*"),
    ]}


FRICTIONLESS_RUN = r'''
import json, sys, time
from frictionless import Resource, Schema, Dialect, formats
path, schema_path = sys.argv[1], sys.argv[2]
schema = Schema.from_descriptor(json.load(open(schema_path)))
dialect = Dialect(controls=[formats.CsvControl(delimiter=";")])
# frictionless refuses absolute paths unless they are given relative to a base path.
base, name = path.rsplit("/", 1)
resource = Resource(path=name, basepath=base, schema=schema, dialect=dialect, encoding="utf-8")
start = time.perf_counter()
report = resource.validate(limit_errors=10**9)
elapsed = time.perf_counter() - start
task = report.tasks[0]
print(json.dumps({"seconds": elapsed, "rows": task.stats.get("rows"),
                  "errors": task.stats.get("errors")}))
'''


def frictionless(path, rows):
    python = VENV / "bin" / "python"
    if not python.exists():
        run([sys.executable, "-m", "venv", str(VENV)])
    if subprocess.run([str(python), "-c", "import frictionless"], capture_output=True).returncode:
        run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check",
             "frictionless"])
    version = subprocess.run([str(python), "-m", "pip", "show", "frictionless"],
                             capture_output=True, text=True).stdout
    version = re.search(r"Version: (\S+)", version).group(1)
    schema_path = WORK / "register-schema.json"
    schema_path.write_text(json.dumps(table_schema(), ensure_ascii=False, indent=1))
    script = WORK / "frictionless_run.py"
    script.write_text(FRICTIONLESS_RUN)
    proc = subprocess.run([str(python), str(script), str(Path(path).resolve()), str(schema_path)],
                          capture_output=True, text=True, check=True)
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["version"] = version
    return result


def prefix(path, rows, out):
    """The header and the first `rows` rows of `path`."""
    with open(path, "rb") as src, open(out, "wb") as dst:
        for i, line in enumerate(src):
            if i > rows:
                break
            dst.write(line)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--frictionless-rows", type=int, default=100_000)
    args = parser.parse_args()
    if not Path(TIME).exists():
        sys.exit(f"{TIME} is missing (Debian: apt-get install time)")
    WORK.mkdir(parents=True, exist_ok=True)
    unilogin, bare_read, gen = build()
    big = WORK / f"register-{args.rows}.csv"
    small_rows = max(args.rows // 10, 1)
    small = WORK / f"register-{small_rows}.csv"
    generate(gen, args.rows, big)
    prefix(big, small_rows, small)
    size_mb = big.stat().st_size / 1e6

    validate = lambda f: [str(unilogin), "validate", "--kind", "register", str(f)]
    validate_1 = lambda f: validate(f) + ["--jobs", "1"]
    read = lambda f: [str(bare_read), str(f)]
    print(f"{args.rows} rows, {size_mb:.1f} MB; {args.runs} interleaved runs each ...",
          file=sys.stderr)
    results = side_by_side({"read": read(big), "validate": validate(big),
                            "validate_1": validate_1(big),
                            "read_small": read(small), "validate_small": validate(small)},
                           args.runs)
    problems = subprocess.run(validate(big), capture_output=True, text=True).stdout \
        .strip().splitlines()[-1]

    f_rows = args.frictionless_rows if 0 < args.frictionless_rows < args.rows else args.rows
    f_path = big
    if f_rows < args.rows:
        f_path = WORK / f"register-{f_rows}.csv"
        prefix(big, f_rows, f_path)
    print(f"frictionless on {f_rows} rows ...", file=sys.stderr)
    fr = frictionless(f_path, f_rows)
    fr_scaled = fr["seconds"] * args.rows / f_rows

    read_s, read_mb = results["read"]
    val_s, val_mb = results["validate"]
    one_s, one_mb = results["validate_1"]
    figures = {
        "rows": args.rows, "file_mb": round(size_mb, 1), "runs": args.runs,
        "bare_read_s": round(read_s, 3), "validate_s": round(val_s, 3),
        "bare_read_rows_per_s": round(args.rows / read_s),
        "validate_rows_per_s": round(args.rows / val_s),
        "validate_mb_per_s": round(size_mb / val_s, 1),
        "throughput_ratio": round(read_s / val_s, 3),
        "validate_jobs_1_s": round(one_s, 3), "throughput_ratio_jobs_1": round(read_s / one_s, 3),
        "peak_rss_mb_jobs_1": round(one_mb, 1),
        "load_average": os.getloadavg()[0],
        "peak_rss_mb": round(val_mb, 1), "peak_rss_mb_small_file": round(results["validate_small"][1], 1),
        "bare_read_peak_rss_mb": round(read_mb, 1),
        "summary_line": problems,
        "frictionless_version": fr["version"], "frictionless_rows": f_rows,
        "frictionless_s": round(fr["seconds"], 2), "frictionless_errors": fr["errors"],
        "frictionless_s_scaled": round(fr_scaled, 1),
        "speedup_vs_frictionless": round(fr_scaled / val_s, 1),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.system()}",
    }
    (WORK / "results.json").write_text(json.dumps(figures, indent=1, ensure_ascii=False))
    scaled = "" if f_rows == args.rows else f" (on the first {f_rows:,} rows, scaled ×{args.rows // f_rows})"
    print(f"""
| measure ({args.rows:,}-row register CSV, {size_mb:.0f} MB, median of {args.runs}) | figure |
|---|---|
| bare CSV read (`bare_read`, the command's reading code) | {read_s:.2f} s ({args.rows / read_s:,.0f} rows/s) |
| `unilogin validate --kind register` ({os.cpu_count()} checking threads) | {val_s:.2f} s ({args.rows / val_s:,.0f} rows/s, {size_mb / val_s:.0f} MB/s) |
| throughput ratio validate / bare read (target ≥ 0.5) | **{read_s / val_s:.2f}** |
| the same with `--jobs 1` (one thread) | {one_s:.2f} s, ratio {read_s / one_s:.2f} |
| peak memory of validate (target ≤ 64 MB) | **{val_mb:.1f} MB** ({results['validate_small'][1]:.1f} MB on a file 10× smaller; {one_mb:.1f} MB with `--jobs 1`) |
| frictionless {fr['version']} with an equivalent table schema{scaled} | {fr_scaled:,.0f} s |
| speed-up over frictionless | **{fr_scaled / val_s:,.0f}×** |

Summary line of the run: `{problems}`; frictionless found {fr['errors']} errors.
Machine: {figures['machine']}; load average {os.getloadavg()[0]:.2f} at the end.
""")


if __name__ == "__main__":
    main()
