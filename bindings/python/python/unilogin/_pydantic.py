"""pydantic v2 support of the value types (``class Row(BaseModel): cvr: unilogin.Cvr``).

Each value class's ``__get_pydantic_core_schema__`` (in the native module) calls
:func:`core_schema`: a field of the type accepts an instance or a ``str``, which the class
parses (its ``ValidationError`` becomes a pydantic ``value_error`` naming the problem's type), and
serialises to the value's text, ``str(value)``, in Python and JSON mode alike. In JSON Schema it is
a string. For :class:`unilogin.Cpr` that text is masked (``DDMMYY-****``), so a dumped model never
holds a whole CPR number; a host that must send one uses ``Cpr.full()`` in its own serializer.
pydantic is imported only when a model using the type is defined.
"""

from __future__ import annotations

from typing import Any, Callable


def core_schema(cls: type) -> Any:
    from pydantic_core import PydanticKnownError
    from pydantic_core import core_schema as cs

    def parse(text: str) -> Any:
        # The class's ValidationError (a ValueError) becomes pydantic's `value_error`; its
        # message ends with the problem's type.
        return cls(text)

    def parse_or_keep(value: Any) -> Any:
        if isinstance(value, cls):
            return value
        if not isinstance(value, str):
            raise PydanticKnownError("string_type")
        return parse(value)

    to_text: Callable[[Any], str] = str
    return cs.json_or_python_schema(
        json_schema=cs.no_info_after_validator_function(parse, cs.str_schema()),
        python_schema=cs.no_info_plain_validator_function(parse_or_keep),
        serialization=cs.plain_serializer_function_ser_schema(to_text),
    )
