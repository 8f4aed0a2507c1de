"""Python conventions a user relies on (issue 14): pydantic field types, the names the stubs
accept as Literals, and value_kinds()."""

from __future__ import annotations

import ast
import inspect
import pathlib

import pydantic
import pytest

import unilogin

STUB = pathlib.Path(unilogin.__file__).with_name("_unilogin.pyi")

VALUES = {
    unilogin.Cvr: ("DK-1358 5628", "13585628"),
    unilogin.PNumber: ("1029829825", "1029829825"),
    unilogin.InstitutionNumber: ("g18062", "G18062"),
    unilogin.Municipality: ("Koebenhavns Kommune", "København"),
    unilogin.PhoneNumber: ("+45 3366 3366", "33 66 33 66"),
    unilogin.Email: ("kontakt@solsikken.dk", "kontakt@solsikken.dk"),
    unilogin.Username: ("abcd1234", None),
}


def stub_literal(name: str) -> list[str]:
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == name:
            value = node.value
            assert isinstance(value, ast.Subscript)
            return [ast.literal_eval(e) for e in value.slice.elts]  # type: ignore[attr-defined]
    raise AssertionError(f"{name} not in the stub")


@pytest.mark.parametrize("cls", list(VALUES), ids=lambda c: c.__name__)
def test_value_types_are_pydantic_field_types(cls: type) -> None:
    text, canonical = VALUES[cls]
    model = pydantic.create_model("Row", value=(cls, ...))
    row = model(value=text)
    assert isinstance(row.value, cls)
    assert row.value == cls(text)
    dumped = row.model_dump()["value"]
    assert dumped == (canonical or str(cls(text)))
    # An instance is accepted as it is, and the JSON round trip gives the same value.
    assert model(value=row.value).value == row.value
    assert model.model_validate_json(row.model_dump_json()).value == row.value
    assert model.model_json_schema()["properties"]["value"]["type"] == "string"


def test_an_invalid_value_is_a_pydantic_error_naming_the_problem_type() -> None:
    model = pydantic.create_model("Row", cvr=(unilogin.Cvr, ...), phone=(unilogin.PhoneNumber, ...))
    with pytest.raises(pydantic.ValidationError) as raised:
        model(cvr="13585627", phone=33663366)
    errors = raised.value.errors()
    assert (errors[0]["loc"], errors[0]["type"]) == (("cvr",), "value_error")
    assert errors[0]["msg"].endswith("[cvr_checksum]")
    # A number is not taken for the text it might have been: the field wants a str.
    assert [(e["loc"], e["type"]) for e in errors[1:]] == [(("phone",), "string_type")]


def test_a_cpr_field_is_dumped_masked() -> None:
    model = pydantic.create_model("Child", cpr=(unilogin.Cpr, ...))
    child = model(cpr="290204-4131")
    assert child.cpr.full() == "290204-4131"
    assert child.model_dump() == {"cpr": "290204-****"}
    assert "4131" not in child.model_dump_json() and "4131" not in repr(child)


def test_value_kinds_are_the_ones_the_stub_and_check_value_accept() -> None:
    kinds = unilogin.value_kinds()
    assert kinds == stub_literal("_ValueKindName")
    for kind in kinds:
        with pytest.raises(unilogin.ValidationError):
            unilogin.check_value("\u0000", kind=kind)  # type: ignore[arg-type]


def test_the_record_kind_literal_is_every_record_kind() -> None:
    for kind in stub_literal("_KindName"):
        assert unilogin.record_keys(kind)  # type: ignore[arg-type]
    with pytest.raises(unilogin.ArgumentError):
        unilogin.record_keys("school")  # type: ignore[arg-type]


def stub_docstrings() -> dict[str, str]:
    """The docstring of each top-level def and class of the stubs, as written there."""
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    source = STUB.read_text(encoding="utf-8").splitlines()
    docs = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and ast.get_docstring(node):
            first = node.body[0]
            text = "\n".join(source[first.lineno - 1 : first.end_lineno])
            docs[node.name] = text.strip().removeprefix('"""').removesuffix('"""')
    return docs


def test_every_public_function_and_class_has_its_stub_docstring_at_run_time() -> None:
    # help(unilogin.validate_records) shows the stubs' text (build.rs copies it).
    docs = stub_docstrings()
    public = [name for name in unilogin.__all__ if name in docs]
    assert len(public) > 40, public
    for name in public:
        obj = getattr(unilogin, name)
        assert inspect.cleandoc(obj.__doc__ or "") == inspect.cleandoc(docs[name]), name
    assert "pydantic_core.ValidationError" not in (unilogin.validate_records.__doc__ or "")
    assert "max_errors" in (unilogin.validate_csv.__doc__ or "")
