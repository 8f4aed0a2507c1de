#!/usr/bin/env python3
"""Build crates/unilogin/data/compound-words-da.txt (Unilogin assigned-password words).

Reproducibility tool, not part of the Rust build. Runs offline from files in this
repository plus two PyPI packages whose data ships inside the wheel:

    python3 -m venv /tmp/wfvenv
    /tmp/wfvenv/bin/pip install wordfreq==3.1.1 spacy-lookups-data==1.0.5
    /tmp/wfvenv/bin/python tools/wordlist/build.py            # writes the data file
    /tmp/wfvenv/bin/python tools/wordlist/build.py --check    # exit 1 if it would change

Method (see docs/word-list.md):
  1. Read tools/wordlist/parts.txt: hand-picked simple, child-friendly Danish words.
  2. Join every ordered pair (a, b) of distinct parts as a+b, a+"e"+b, a+"s"+b and,
     when a ends in "e", a[:-1]+b.
  3. Keep candidates that are attested Danish lemmas in the STO lexicon (Den store
     danske SprogTeknologiske Ordbase, University of Copenhagen) as shipped in
     spacy-lookups-data's da_lemma_lookup table. wordfreq's Danish zipf frequency is
     recorded for every candidate as a review aid only: its Danish list in the wheel
     stops at zipf 3.0 and lacks most children's compounds (snebold, solhat), and as
     a frequency list it also holds inflected forms, names and English words, so
     accidental joins such as fe+male or eng+land would pass it.
  4. Add tools/wordlist/extra.txt (hand-written top-up of well-known compounds; STO
     membership and zipf are recorded for each).
  5. Drop anything that breaks the mechanical rules: letters a-z æ ø å only, 5-11
     letters, no season (forår/foraar, sommer, efterår/efteraar, vinter), no
     password/kodeord/qwerty/123/abc, no blocklist match
     (crates/unilogin/data/word-review/blocklist.txt).
  6. Drop the words rejected in the manual review
     (crates/unilogin/data/word-review/rejected.txt, one "word<TAB>reason" a line).
  7. Write the sorted list (Unicode code-point order, as Rust sorts &str) with a
     '#' header, and crates/unilogin/data/word-review/candidates.tsv recording every
     attested candidate, its analysis, its attestation and the decision.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "tools" / "wordlist"
DATA = ROOT / "crates" / "unilogin" / "data"
REVIEW = DATA / "word-review"
OUT = DATA / "compound-words-da.txt"
CANDIDATES = REVIEW / "candidates.tsv"

MIN_LEN = 5
MAX_LEN = 11
ALLOWED = re.compile(r"^[a-zæøå]+$")
SEASONS = ("forår", "foraar", "forar", "sommer", "efterår", "efteraar", "efterar", "vinter")
COMMON = ("password", "kodeord", "qwerty", "123", "abc")


def read_lines(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def load_blocklist() -> list[str]:
    return read_lines(REVIEW / "blocklist.txt")


def blocked_by(word: str, patterns: list[str]) -> str | None:
    for pat in patterns:
        start = pat.startswith("^")
        end = pat.endswith("$")
        stem = pat[1 if start else 0 : len(pat) - 1 if end else len(pat)]
        if start and end:
            hit = word == stem
        elif start:
            hit = word.startswith(stem)
        elif end:
            hit = word.endswith(stem)
        else:
            hit = stem in word
        if hit:
            return pat
    return None


def mechanical_problem(word: str, blocklist: list[str]) -> str | None:
    if not ALLOWED.match(word):
        return "charset"
    if not MIN_LEN <= len(word) <= MAX_LEN:
        return "length"
    folded = {word, word.replace("å", "aa"), word.replace("å", "a")}
    for s in SEASONS:
        if any(s in f for f in folded):
            return f"season:{s}"
    for s in COMMON:
        if s in word:
            return f"common-password:{s}"
    pat = blocked_by(word, blocklist)
    if pat is not None:
        return f"blocklist:{pat}"
    return None


def load_sto_lemmas() -> set[str]:
    spec = importlib.util.find_spec("spacy_lookups_data")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("spacy-lookups-data is not installed (pip install spacy-lookups-data==1.0.5)")
    base = Path(list(spec.submodule_search_locations)[0])
    with gzip.open(base / "data" / "da_lemma_lookup.json.gz", "rt", encoding="utf-8") as f:
        table = json.load(f)
    return set(table.values())


def load_zipf():
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        sys.exit("wordfreq is not installed (pip install wordfreq==3.1.1)")
    return lambda w: zipf_frequency(w, "da", wordlist="small")


def generate(parts: list[str]) -> dict[str, str]:
    """candidate -> first analysis found, e.g. 'sne+bold' or 'skole+s+...'."""
    cands: dict[str, str] = {}
    for a in parts:
        stems = [(a, "")]
        if not a.endswith("e"):
            stems.append((a + "e", "+e"))
        stems.append((a + "s", "+s"))
        if a.endswith("e") and len(a) > 2:
            stems.append((a[:-1], "-e"))
        for b in parts:
            if a == b:
                continue
            for stem, link in stems:
                w = stem + b
                if MIN_LEN <= len(w) <= MAX_LEN and w not in cands:
                    cands[w] = f"{a}{link}+{b}"
    return cands


def header(n: int, n_gen: int, n_extra: int, n_extra_sto: int, n_rejected: int,
           n_parts: int) -> str:
    return f"""\
# Danish compound words (sammensatte ord) for Unilogin assigned passwords:
# mellemtrin = two words, udskoling/adults = two words + two digits (STIL; docs/sources.md).
# GENERATED by tools/wordlist/build.py; do not edit by hand: change tools/wordlist/*
# or crates/unilogin/data/word-review/* and rebuild. Method: docs/word-list.md.
#
# Words: {n}. {n_gen} were generated from {n_parts} hand-picked child-friendly parts
# (tools/wordlist/parts.txt) joined with no link, -e- or -s-, kept only when the STO
# lexicon lists the compound as a Danish lemma, and then read and accepted by hand
# ({n_rejected} attested candidates were rejected by hand, with reasons). {n_extra} more
# are a hand-written top-up of well-known compounds (tools/wordlist/extra.txt), of
# which {n_extra_sto} are also STO lemmas and {n_extra - n_extra_sto} rest on the author's judgement alone.
# Sources: STO (Den store danske SprogTeknologiske Ordbase, University of Copenhagen)
# as shipped in the PyPI package spacy-lookups-data 1.0.5 (package licence MIT);
# wordfreq 3.1.1 (code Apache-2.0, frequency data CC BY-SA 4.0, Robyn Speer) gives the
# zipf frequencies in word-review/candidates.tsv, a review aid only. No text of either
# source is copied beyond the individual words.
# Rules: lower-case a-z æ ø å only, 5-11 letters, unique, sorted by Unicode code point
# (Rust's str order: ... z < å < æ < ø); no season (forår, sommer, efterår, vinter)
# and no password/kodeord/qwerty/123/abc inside a word.
# Review: automatic blocklist (word-review/blocklist.txt: violence, weapons, death,
# scary, alcohol/tobacco/drugs, sexual/crude, insults/slurs, religion, politics,
# brands) and a manual read of every word; rejections with reasons in
# word-review/rejected.txt. Checked by crates/unilogin/tests/word_list.rs.
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if outputs would change")
    args = ap.parse_args()

    parts = sorted(set(read_lines(TOOLS / "parts.txt")))
    extra = read_lines(TOOLS / "extra.txt") if (TOOLS / "extra.txt").exists() else []
    blocklist = load_blocklist()
    rejected: dict[str, str] = {}
    if (REVIEW / "rejected.txt").exists():
        for line in read_lines(REVIEW / "rejected.txt"):
            word, _, reason = line.partition("\t")
            rejected[word.strip()] = reason.strip()

    sto = load_sto_lemmas()
    zipf = load_zipf()

    rows = []  # (word, analysis, origin, zipf, in_sto, decision)
    kept_gen: set[str] = set()
    for w, analysis in sorted(generate(parts).items()):
        z = zipf(w)
        in_sto = w in sto
        if not in_sto:
            continue
        problem = mechanical_problem(w, blocklist)
        if problem is None and w in rejected:
            problem = "manual:" + rejected[w]
        rows.append((w, analysis, "generated", z, in_sto, problem or "kept"))
        if problem is None:
            kept_gen.add(w)

    generated = {r[0] for r in rows}
    kept_extra: set[str] = set()
    for w in sorted(set(extra)):
        if w in generated:
            continue
        z = zipf(w)
        problem = mechanical_problem(w, blocklist)
        if problem is None and w in rejected:
            problem = "manual:" + rejected[w]
        rows.append((w, "", "extra", z, w in sto, problem or "kept"))
        if problem is None:
            kept_extra.add(w)

    words = sorted(kept_gen | kept_extra)
    n_rejected = sum(1 for r in rows if r[5].startswith("manual:"))
    n_extra_sto = sum(1 for w in kept_extra if w in sto)
    text = header(
        len(words), len(kept_gen), len(kept_extra), n_extra_sto, n_rejected, len(parts)
    )
    text += "".join(w + "\n" for w in words)

    tsv = "word\tanalysis\torigin\tzipf\tsto_lemma\tdecision\n"
    tsv += "".join(
        f"{w}\t{a}\t{o}\t{z:.2f}\t{'yes' if s else 'no'}\t{d}\n"
        for (w, a, o, z, s, d) in sorted(rows)
    )

    if args.check:
        same = OUT.read_text(encoding="utf-8") == text and (
            CANDIDATES.read_text(encoding="utf-8") == tsv
        )
        print("up to date" if same else "OUT OF DATE: run tools/wordlist/build.py")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    CANDIDATES.write_text(tsv, encoding="utf-8")
    print(
        f"{len(words)} words ({len(kept_gen)} generated, {len(kept_extra)} extra); "
        f"{len(rows)} candidates reviewed, {n_rejected} rejected by hand",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
