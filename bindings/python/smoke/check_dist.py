"""Checks the release artifacts of the Python package in dist/ (issue 14): one abi3 wheel
tagged manylinux2014 (glibc 2.17) and one sdist, both of the workspace's version and holding
both licence texts and the PyPI description; `auditwheel show` must agree with the tag.

Usage: python check_dist.py DIST_DIR VERSION
"""

from __future__ import annotations

import email.parser
import pathlib
import subprocess
import sys
import tarfile
import zipfile


def fail(message: str) -> None:
    print(f"check_dist: {message}", file=sys.stderr)
    sys.exit(1)


def only(paths: list[pathlib.Path], what: str) -> pathlib.Path:
    if len(paths) != 1:
        fail(f"expected one {what}, found {[p.name for p in paths]}")
    return paths[0]


def check_wheel(wheel: pathlib.Path, version: str) -> None:
    # name-version-python-abi-platform.whl
    name, wheel_version, python, abi, platform = wheel.name[: -len(".whl")].split("-")
    if (name, wheel_version) != ("unilogin", version):
        fail(f"{wheel.name}: not unilogin {version}")
    if (python, abi) != ("cp39", "abi3"):
        fail(f"{wheel.name}: not an abi3 wheel for CPython 3.9 and later")
    tags = platform.split(".")
    if "manylinux2014_x86_64" not in tags and "manylinux_2_17_x86_64" not in tags:
        fail(f"{wheel.name}: not tagged manylinux2014 (glibc 2.17)")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        info = f"unilogin-{version}.dist-info"
        for licence in ("LICENSE-MIT", "LICENSE-APACHE"):
            if f"{info}/licenses/{licence}" not in names:
                fail(f"{wheel.name}: no {info}/licenses/{licence}")
        for module in ("unilogin/__init__.py", "unilogin/_unilogin.pyi", "unilogin/py.typed"):
            if module not in names:
                fail(f"{wheel.name}: no {module}")
        if not any(n.startswith("unilogin/_unilogin") and n.endswith(".so") for n in names):
            fail(f"{wheel.name}: no compiled module")
        metadata = email.parser.Parser().parsestr(archive.read(f"{info}/METADATA").decode())
    if metadata["License-Expression"] != "MIT OR Apache-2.0":
        fail(f"{wheel.name}: License-Expression is {metadata['License-Expression']!r}")
    if metadata["Requires-Python"] != ">=3.9":
        fail(f"{wheel.name}: Requires-Python is {metadata['Requires-Python']!r}")
    description = metadata.get_payload()
    if "pip install unilogin" not in description or "bindings/python" in description:
        fail(f"{wheel.name}: the PyPI description is not the package's README.md")
    # auditwheel reads the compiled module's symbol versions: the tag must be earned.
    shown = subprocess.run(
        [sys.executable, "-m", "auditwheel", "show", str(wheel)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "manylinux_2_17_x86_64" not in " ".join(shown.split()):
        fail(f"auditwheel show {wheel.name}:\n{shown}")


def check_sdist(sdist: pathlib.Path, version: str) -> None:
    if sdist.name != f"unilogin-{version}.tar.gz":
        fail(f"{sdist.name}: not unilogin {version}")
    with tarfile.open(sdist) as archive:
        names = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
    wanted = {"pyproject.toml", "PKG-INFO", "README.md", "LICENSE-MIT", "LICENSE-APACHE"}
    if not wanted <= names:
        fail(f"{sdist.name}: lacks {sorted(wanted - names)}")
    if not any(n.endswith("crates/unilogin/src/lib.rs") for n in names):
        fail(f"{sdist.name}: lacks the core's sources")


def main() -> None:
    dist, version = pathlib.Path(sys.argv[1]), sys.argv[2]
    check_wheel(only(sorted(dist.glob("unilogin-*.whl")), "wheel"), version)
    check_sdist(only(sorted(dist.glob("unilogin-*.tar.gz")), "sdist"), version)
    print(f"check_dist: the wheel and the sdist of unilogin {version} are in order")


if __name__ == "__main__":
    main()
