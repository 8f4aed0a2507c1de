"""The exceptions of :mod:`unilogin`.

Every problem the library reports has one shape, the one pydantic uses::

    {"type": "cvr_checksum", "loc": [3, "cvr"], "msg": "...", "input": "13585627",
     "ctx": {"cvr": "13585627"}}

``type`` is a stable code (see ``docs/errors.md``), ``loc`` a path of row indices and field
keys, ``msg`` the message in Danish or English, ``input`` the raw value (``None`` when the
field was absent) and ``ctx`` the values the message was rendered from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, TypedDict, Union

if TYPE_CHECKING:  # pragma: no cover
    from unilogin._unilogin import _Lang

__all__ = [
    "ArgumentError",
    "AssignmentError",
    "ErrorDict",
    "ExportError",
    "ExportProblem",
    "ExportReport",
    "ResetError",
    "TransitionError",
    "ValidationError",
]


class ErrorDict(TypedDict):
    """One problem: ``{type, loc, msg, input, ctx}``."""

    type: str
    loc: List[Union[int, str]]
    msg: str
    input: Union[str, None]
    ctx: Dict[str, Any]


class ExportProblem(ErrorDict):
    """A problem of an export file: an :class:`ErrorDict` with the ``line`` its row starts on
    (for the error that stopped reading, the line it was met on, or ``None``)."""

    line: Union[int, None]


class ExportReport(TypedDict):
    """What :func:`unilogin.check_export` returns: the command's ``--format json`` object."""

    problems: List[ExportProblem]
    summary: Union[Dict[str, Any], None]
    error: Union[ExportProblem, None]


class ValidationError(ValueError):
    """Raised when a value or record is invalid; :meth:`errors` lists every problem.

    >>> import unilogin
    >>> try:
    ...     unilogin.Cvr("13585627", lang="en")
    ... except unilogin.ValidationError as e:
    ...     print(e.errors()[0]["type"], "-", e.errors()[0]["msg"])
    cvr_checksum - CVR number 13585627 is invalid (its check digit does not match)
    """

    def __init__(self, errors: List[ErrorDict]) -> None:
        self._errors = list(errors)
        first = self._errors[0] if self._errors else None
        if first is None:
            text = "no problems"
        else:
            where = ".".join(str(part) for part in first["loc"])
            more = len(self._errors) - 1
            text = f"{where + ': ' if where else ''}{first['msg']} [{first['type']}]"
            if more:
                text += f" (and {more} more problem{'s' if more > 1 else ''})"
        super().__init__(text)

    def errors(self) -> List[ErrorDict]:
        """Every problem as a dict ``{type, loc, msg, input, ctx}`` (a fresh list)."""
        return [
            {
                "type": e["type"],
                "loc": list(e["loc"]),
                "msg": e["msg"],
                "input": e["input"],
                "ctx": dict(e["ctx"]),
            }
            for e in self._errors
        ]

    @property
    def code(self) -> str:
        """The stable type of the first problem, e.g. ``cvr_checksum``."""
        return self._errors[0]["type"] if self._errors else ""


class TransitionError(ValidationError):
    """A lifecycle refused a transition: an onboarding step or a data-access agreement.

    ``code`` is the stable type, e.g. ``onboarding_prerequisites_open`` or
    ``agreement_illegal_transition``.
    """


class ResetError(ValidationError):
    """Issuing or redeeming a five-minute reset grant failed.

    ``code`` tells the host why (``reset_expired``, ``reset_used``, ...); the pupil should only
    see :meth:`public_message`, which is the same for every failure.
    """

    def public_message(self, lang: _Lang = "da") -> str:
        """The message to show the pupil, whatever the reason."""
        from unilogin._unilogin import reset_public_message

        return reset_public_message(lang)


class AssignmentError(RuntimeError):
    """No assigned password passing the group's policy could be drawn (``code`` ``exhausted``)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.code = "exhausted"


class ArgumentError(ValueError):
    """A bad argument: a name outside its fixed set (a record or value kind, a language, a user
    group, a field key, ...) or text without the argument's format.

    ``code`` is always ``invalid_argument``, the code JavaScript's ``TypeError`` carries for the
    same argument; ``argument`` names it (``kind``, ``lang``, ``group``, ...).

    >>> import unilogin
    >>> try:
    ...     unilogin.check_password("x", group="rektor")
    ... except unilogin.ArgumentError as e:
    ...     print(e.code, e.argument)
    invalid_argument group
    """

    code = "invalid_argument"

    def __init__(self, message: str, argument: str) -> None:
        super().__init__(message)
        self.argument = argument


class ExportError(ValidationError):
    """Reading an export file stopped at an error (:func:`unilogin.validate_csv`,
    :func:`unilogin.iter_problems`): a missing file, UTF-16 or binary data, a ragged CSV row, a
    line that is not a JSON object, ...

    :meth:`errors` holds that one error (``loc`` ``[]``); ``problems`` the problems of the rows
    read before it that the call had not returned yet (``validate_csv``: all of them;
    ``iter_problems``: none, its batches handed them out); ``summary`` what was read, in
    :func:`unilogin.check_export`'s summary shape (``None`` when the file could not be opened
    or its header not read). It is a :class:`ValidationError`, so ``except ValidationError``
    catches it.

    >>> import pathlib, tempfile, unilogin
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "register.csv"
    >>> _ = path.write_bytes(b"cvrNummer;pNummer\\n13585627;1029829825\\n13585628\\n")
    >>> try:
    ...     unilogin.validate_csv(path, kind="register", lang="en")
    ... except unilogin.ExportError as e:
    ...     print(e.code, [p["type"] for p in e.problems][-1], e.summary["rows"])
    csv_row_length cvr_checksum 1
    """

    def __init__(
        self,
        errors: List[ErrorDict],
        problems: Iterable[ErrorDict] = (),
        summary: Optional[Dict[str, Any]] = None,
    ) -> None:
        super().__init__(errors)
        self.problems: List[ErrorDict] = list(problems)
        self.summary: Optional[Dict[str, Any]] = summary
