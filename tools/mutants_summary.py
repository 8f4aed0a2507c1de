#!/usr/bin/env python3
"""Per-group table of a cargo-mutants run (`make mutants-summary`).

Reads the outcomes.json files given (default mutants.out/outcomes.json; a missing one is
skipped; for a mutant in several, the last file's outcome counts: `make mutants` gives the
first pass's, then the second's) and prints, for each module group of
docs/mutation-testing.md, how many mutants were caught, missed, unviable or timed out, then the
missed ones by name. "Caught %" is caught / (caught + missed + timeout): unviable mutants do not
build, so they test nothing.
"""

import json
import os
import sys

# Path prefixes under crates/unilogin/src/, in the order of docs/mutation-testing.md.
GROUPS = [
    ("identifiers", ("identifiers/",)),
    ("institution and record kinds", ("institution.rs", "request.rs", "register.rs")),
    ("people and records", ("people/", "record/")),
    ("reset codes and store", ("credentials/reset/",)),
    ("password checker", ("credentials/check/",)),
    ("agreements ledger", ("agreement/",)),
]
SRC = "crates/unilogin/src/"
KINDS = {
    "CaughtMutant": "caught",
    "MissedMutant": "missed",
    "Unviable": "unviable",
    "Timeout": "timeout",
}


def group_of(path):
    rest = path[len(SRC):] if path.startswith(SRC) else path
    for name, prefixes in GROUPS:
        if rest.startswith(prefixes):
            return name
    return "other"


def main():
    paths = sys.argv[1:] or ["mutants.out/outcomes.json"]
    outcomes = {}
    for path in paths:
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as file:
            for outcome in json.load(file)["outcomes"]:
                mutant = outcome["scenario"]
                if isinstance(mutant, dict) and "Mutant" in mutant:  # not the baseline
                    outcomes[mutant["Mutant"]["name"]] = (mutant["Mutant"], outcome["summary"])
    if not outcomes:
        sys.exit(f"no outcomes in {', '.join(paths)}")
    counts = {}
    missed = []
    for mutant, summary in outcomes.values():
        kind = KINDS.get(summary, summary)
        row = counts.setdefault(group_of(mutant["file"]), {k: 0 for k in KINDS.values()})
        row[kind] = row.get(kind, 0) + 1
        if kind in ("missed", "timeout"):
            missed.append(f"{kind}: {mutant['name']}")
    print("| Group | Caught | Missed | Unviable | Timeout | Caught % |")
    print("|---|---:|---:|---:|---:|---:|")
    total = {k: 0 for k in KINDS.values()}
    for name in [g for g, _ in GROUPS] + ["other"]:
        if name not in counts:
            continue
        row = counts[name]
        for k in total:
            total[k] += row.get(k, 0)
        print(line(name, row))
    print(line("**all**", total))
    for name in missed:
        print(name)


def line(name, row):
    viable = row["caught"] + row["missed"] + row["timeout"]
    share = f"{100 * row['caught'] / viable:.1f}" if viable else "-"
    return (
        f"| {name} | {row['caught']} | {row['missed']} | {row['unviable']} "
        f"| {row['timeout']} | {share} |"
    )


if __name__ == "__main__":
    main()
