"""A smoke test of the package as a user installs it (issue 14): run by `make dist-test` with
the interpreter of a fresh virtual environment into which only the built wheel was installed,
from a directory outside the repository. Runs the PyPI description's example and a few calls
of every area.

Usage: python installed.py VERSION REPOSITORY_ROOT
"""

from __future__ import annotations

import pathlib
import re
import shutil
import sys
import sysconfig

version, root = sys.argv[1], pathlib.Path(sys.argv[2])

import unilogin  # noqa: E402

# The installed package, not the repository's sources.
site = pathlib.Path(sysconfig.get_paths()["purelib"]).resolve()
assert pathlib.Path(unilogin.__file__).resolve().is_relative_to(site), unilogin.__file__
assert unilogin.__version__ == version, unilogin.__version__

# The PyPI description's example, on the register example file.
readme = (root / "bindings/python/README.md").read_text(encoding="utf-8")
snippets = re.findall(r"```python\n(.*?)```", readme, re.DOTALL)
assert len(snippets) == 1, "one python example in bindings/python/README.md"
shutil.copy(root / "examples/register.csv", "register.csv")
exec(compile(snippets[0], "README.md", "exec"), {})

report = unilogin.check_export("register.csv", kind="register")
assert report["error"] is None and report["summary"]["rows"] > 0, report["summary"]
# The problems examples/README.md documents for this file.
assert {p["type"] for p in report["problems"]} >= {"p_number_checksum", "institution_number_legacy"}
assert str(unilogin.Cvr("DK 1358 5628")) == "13585628"
try:
    unilogin.Cvr("13585627")
except unilogin.ValidationError as error:
    assert error.code == "cvr_checksum"
else:
    raise AssertionError("13585627 has a wrong check digit")
checked = unilogin.check_password("soeren2024", group="parent", names=["Søren Kierkegaard"])
assert [v["type"] for v in checked["violations"]] == [
    "password_needs_uppercase",
    "password_contains_name",
    "password_common",
], checked
plan = unilogin.onboarding_plan("privat")
assert plan["steps"], plan
print(f"installed.py: unilogin {version} works from a fresh environment ({site})")
