"""Python benchmarks of `unilogin`, measured side by side in one run (`make python-bench`).

1. CVR checks in bulk: `unilogin.valid_mask(cvrs, kind="cvr")` against a loop over
   `stdnum.dk.cvr.is_valid`, on 1,000,000 CVR numbers made here with the modulus-11 rule
   (about 10 % with a wrong check digit, a few with a `DK` prefix or spaces).
2. Register rows as dicts: `unilogin.validate_records(rows, kind="register")` against a
   pydantic v2 model enforcing the same rules (CVR and P-number checksums, the municipality
   list, phone, email, postal code, house number, institution number, codes and lengths).
3. The same rows from a CSV file: `unilogin.validate_csv(path, kind="register")` (checking on
   one thread per CPU, its default) against that pydantic model fed by `csv.DictReader`, and
   `validate_csv(..., jobs=1)` (reading and checking on one thread) for comparison.

The register corpus is the one the Rust benches use: 100,000 rows written by
`cargo run --release -p unilogin-benches --bin gen_corpus -- --kind register --rows 100000`
(default seed, about 10 % of the rows with realistic errors). Each measurement is the best of
`--repeat` runs (default 3) of the whole job; the ratios are what docs/performance.md records.

Usage: python benches/python/bench.py [--rows 100000] [--cvrs 1000000] [--repeat 3] [--quick]
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import pathlib
import platform
import random
import re
import subprocess
import sys
import time
import unicodedata
from typing import Annotated, Any, Callable, Dict, List, Optional, Tuple

import pydantic
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from stdnum.dk import cvr as stdnum_cvr

import unilogin

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "benches" / "python" / "data"

# --- The corpus ----------------------------------------------------------------------------------


def register_corpus(rows: int) -> pathlib.Path:
    """The register CSV of the Rust benches (generated once, kept in benches/python/data)."""
    path = DATA / f"register-{rows}.csv"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["cargo", "run", "-q", "--release", "-p", "unilogin-benches", "--bin", "gen_corpus", "--",
             "--kind", "register", "--rows", str(rows), "--out", str(path)],
            cwd=ROOT,
            check=True,
        )
    return path


CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


def make_cvrs(n: int, seed: int = 2026) -> List[str]:
    """`n` CVR numbers made with the modulus-11 rule; about 10 % get a wrong check digit."""
    rng = random.Random(seed)
    out: List[str] = []
    while len(out) < n:
        body = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(6)]
        s = sum(d * w for d, w in zip(body, CVR_WEIGHTS))
        check = (-s) % 11  # the last weight is 1
        if check == 10:
            continue  # no digit completes this body
        if rng.random() < 0.10:
            check = (check + rng.randint(1, 9)) % 10
        text = "".join(map(str, body)) + str(check)
        r = rng.random()
        if r < 0.02:
            text = "DK" + text
        elif r < 0.04:
            text = f"{text[:2]} {text[2:4]} {text[4:6]} {text[6:]}"
        out.append(text)
    return out


# --- The pydantic model with the same rules --------------------------------------------------------

def _skeleton(name: str) -> str:
    """Case and the ASCII spellings of æ, ø, å folded away (Koebenhavn, Kobenhavn, Nastved)."""
    s = name.strip().casefold()
    for a, b in (("æ", "a"), ("ø", "o"), ("å", "a"), ("aa", "a"), ("ae", "a"), ("oe", "o")):
        s = s.replace(a, b)
    return s


MUNICIPALITIES: Dict[str, int] = {}
for line in (ROOT / "crates" / "unilogin" / "data" / "municipalities.csv").read_text(encoding="utf-8").splitlines()[1:]:
    code, code4, name = line.split(",")
    MUNICIPALITIES[_skeleton(name)] = int(code)
CODES = set(MUNICIPALITIES.values())


def _fold(text: str) -> str:
    text = _skeleton(text)
    for suffix in (" kommune", " regionskommune"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    if text.endswith("s") and text[:-1] in MUNICIPALITIES:
        text = text[:-1]
    return text


def check_municipality(value: str) -> str:
    v = value.strip()
    if v.isdigit() and len(v) in (3, 4) and int(v) in CODES:
        return v
    if _fold(v) in MUNICIPALITIES:
        return v
    raise ValueError("unknown municipality")


def _digits(value: str, prefix: bool = False) -> str:
    v = value.strip()
    if prefix and v[:2].upper() == "DK":
        v = v[2:].lstrip(" -:")
    v = re.sub(r"[ .\-\u00a0]", "", v)
    if not v.isdigit() or not v.isascii():
        raise ValueError("not digits")
    return v


def check_cvr_number(value: str) -> str:
    v = _digits(value, prefix=True)
    if len(v) != 8 or v[0] == "0":
        raise ValueError("a CVR number is 8 digits")
    if sum(int(d) * w for d, w in zip(v, CVR_WEIGHTS)) % 11:
        raise ValueError("CVR checksum")
    return v


P_LOW = (1, 5, 6, 7, 3, 6, 4, 8, 9, 1)
P_HIGH = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


def check_p_number(value: str) -> str:
    v = _digits(value)
    if len(v) != 10 or v[0] == "0":
        raise ValueError("a P-number is 10 digits")
    weights = P_LOW if int(v) <= 1_006_959_421 else P_HIGH
    if sum(int(d) * w for d, w in zip(v, weights)) % 11:
        raise ValueError("P-number checksum")
    return v


def check_phone(value: str) -> str:
    v = value.strip()
    for prefix in ("(+45)", "+45", "0045"):
        if v.startswith(prefix):
            v = v[len(prefix):]
            break
    v = re.sub(r"[ .\-()\u00a0]", "", v)
    if len(v) == 10 and v.startswith("45"):
        v = v[2:]
    if not (v.isdigit() and v.isascii() and len(v) == 8):
        raise ValueError("a phone number is 8 digits")
    if v[0] in "01":
        raise ValueError("first digit")
    return v


EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")


def check_email(value: str) -> str:
    v = value.strip()
    if len(v) > 254 or not EMAIL.match(v):
        raise ValueError("email")
    return v


def check_text(value: str) -> str:
    v = value.strip()
    if not v:
        raise ValueError("required")
    if len(v) > 132:
        raise ValueError("too long")
    if any(unicodedata.category(c) == "Cc" for c in v):
        raise ValueError("control characters")
    return v


def check_institution_number(value: str) -> str:
    v = value.replace(" ", "").replace("-", "")
    if not re.fullmatch(r"[Gg]\d{5}", v):
        raise ValueError("institution number")
    return v.upper()


def check_postal_code(value: str) -> str:
    v = value.strip()
    if not (len(v) == 4 and v.isdigit() and v.isascii()):
        raise ValueError("a postal code is 4 digits")
    if not 800 <= int(v) <= 9990:
        raise ValueError("range")
    return v


def check_house_number(value: str) -> str:
    v = value.strip()
    if not re.fullmatch(r"[1-9]\d{0,2}\s?[A-Za-zÆØÅæøå]?", v):
        raise ValueError("house number")
    return v


def blank_is_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


Req = Callable[[str], str]


def required(check: Req) -> Any:
    return Annotated[str, BeforeValidator(blank_is_none), AfterValidator(check)]


def optional(check: Req) -> Any:
    return Annotated[Optional[str], BeforeValidator(blank_is_none), AfterValidator(lambda v: None if v is None else check(v))]


class RegisterRow(BaseModel):
    """One Dagtilbudsregisteret row with the rules unilogin applies (pydantic v2)."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    placement_unit_number: required(check_institution_number) = Field(alias="anvisningsenhedsNummer")
    daycare_number: optional(check_institution_number) = Field(None, alias="daginstitutionsNummer")
    institution_name: required(check_text) = Field(alias="dagtilbudsNavn")
    institution_type: Annotated[int, BeforeValidator(blank_is_none), Field(ge=6010, le=6022)] = Field(alias="instType3")
    ownership: Annotated[int, BeforeValidator(blank_is_none), Field(ge=1, le=4)] = Field(alias="ejerformKode")
    municipality: required(check_municipality) = Field(alias="kommuneKode_Tekst")
    admin_municipality: optional(check_municipality) = Field(None, alias="admKommuneKode_Tekst")
    street: required(check_text) = Field(alias="vejNavn")
    house_number: required(check_house_number) = Field(alias="husNummer")
    postal_code: required(check_postal_code) = Field(alias="postNummer")
    city: required(check_text) = Field(alias="byNavn")
    supplementary_city: optional(check_text) = Field(None, alias="supplerendeBynavn")
    email: optional(check_email) = Field(None, alias="email")
    phone: optional(check_phone) = Field(None, alias="telefonNummer")
    cvr: optional(check_cvr_number) = Field(None, alias="cvrNummer")
    p_number: required(check_p_number) = Field(alias="pNummer")


def pydantic_problems(rows: Any) -> List[Tuple[int, Any]]:
    out: List[Tuple[int, Any]] = []
    validate = RegisterRow.model_validate
    for i, row in enumerate(rows):
        try:
            validate(row)
        except pydantic.ValidationError as e:
            out.extend((i, err["loc"]) for err in e.errors())
    return out


# --- Timing ------------------------------------------------------------------------------------------


def best(fn: Callable[[], Any], repeat: int) -> Tuple[float, Any]:
    times = []
    result = None
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--cvrs", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="a smoke run: 2,000 rows, 20,000 CVRs, one repeat")
    ap.add_argument("--json", type=pathlib.Path, help="also write the results as JSON here")
    args = ap.parse_args()
    if args.quick:
        args.rows, args.cvrs, args.repeat = 2_000, 20_000, 1

    path = register_corpus(args.rows)
    cvrs = make_cvrs(args.cvrs)
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))

    results: Dict[str, Dict[str, float]] = {}

    t_u, mask = best(lambda: unilogin.valid_mask(cvrs, kind="cvr"), args.repeat)
    t_s, expected = best(lambda: [stdnum_cvr.is_valid(c) for c in cvrs], args.repeat)
    assert mask == expected, "unilogin and python-stdnum disagree on a CVR number"
    results["cvr"] = {"items": len(cvrs), "unilogin_s": t_u, "peer_s": t_s, "ratio": t_s / t_u,
                      "invalid": mask.count(False)}

    t_u, problems = best(lambda: unilogin.validate_records(rows, kind="register"), args.repeat)
    t_p, peer = best(lambda: pydantic_problems(rows), args.repeat)
    bad_u = {p["loc"][0] for p in problems}
    bad_p = {i for i, _ in peer}
    results["records"] = {"items": len(rows), "unilogin_s": t_u, "peer_s": t_p, "ratio": t_p / t_u,
                          "rows_with_problems_unilogin": len(bad_u), "rows_with_problems_pydantic": len(bad_p)}

    def pydantic_csv() -> List[Tuple[int, Any]]:
        with path.open(encoding="utf-8", newline="") as f:
            return pydantic_problems(csv.DictReader(f, delimiter=";"))

    t_u, from_file = best(lambda: unilogin.validate_csv(path, kind="register"), args.repeat)
    t_1, one_thread = best(lambda: unilogin.validate_csv(path, kind="register", jobs=1), args.repeat)
    t_p, _ = best(pydantic_csv, args.repeat)
    assert from_file == one_thread == problems
    results["csv"] = {"items": len(rows), "unilogin_s": t_u, "peer_s": t_p, "ratio": t_p / t_u}
    results["csv_jobs_1"] = {"items": len(rows), "unilogin_s": t_1, "peer_s": t_p, "ratio": t_p / t_1}

    print(f"Python {platform.python_version()} ({platform.machine()}), pydantic {pydantic.VERSION}, "
          f"python-stdnum {__import__('stdnum').__version__}; best of {args.repeat}")
    print(f"rows with problems: unilogin {len(bad_u)}, pydantic model {len(bad_p)} "
          f"(same rows: {len(bad_u & bad_p)})")
    print(f"{'benchmark':<38}{'items':>10}{'unilogin':>12}{'peer':>12}{'ratio':>9}")
    names = {
        "cvr": "CVR: valid_mask vs stdnum is_valid loop",
        "records": "dicts: validate_records vs pydantic",
        "csv": "file: validate_csv vs DictReader+pydantic",
        "csv_jobs_1": "  the same, validate_csv(jobs=1)",
    }
    for key, r in results.items():
        print(f"{names[key]:<38}{int(r['items']):>10,}{r['unilogin_s']*1000:>10.1f}ms{r['peer_s']*1000:>10.1f}ms"
              f"{r['ratio']:>8.1f}x")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
