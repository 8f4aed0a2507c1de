"""The package is released as one version with the crate and the npm package (issue 14)."""

from __future__ import annotations

import importlib.metadata
import json
import pathlib
import re

import unilogin

ROOT = pathlib.Path(__file__).resolve().parents[3]


def workspace_version() -> str:
    text = (ROOT / "Cargo.toml").read_text(encoding="utf-8")
    section = text.split("[workspace.package]", 1)[1]
    match = re.search(r'^version = "([^"]+)"', section, re.MULTILINE)
    assert match, "no version in [workspace.package]"
    return match.group(1)


def test_version_is_the_workspaces_and_the_installed_distributions() -> None:
    version = workspace_version()
    assert unilogin.__version__ == version
    assert importlib.metadata.version("unilogin") == version
    npm = json.loads((ROOT / "bindings/wasm/npm/package.json").read_text(encoding="utf-8"))
    assert npm["version"] == version


def test_the_distribution_declares_both_licences() -> None:
    meta = importlib.metadata.metadata("unilogin")
    assert meta["License-Expression"] == "MIT OR Apache-2.0"
    files = sorted(meta.get_all("License-File") or [])
    assert files == ["LICENSE-APACHE", "LICENSE-MIT"]
