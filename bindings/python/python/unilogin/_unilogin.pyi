"""Type stubs of the native module ``unilogin._unilogin`` (the public names are re-exported by
``unilogin``). Every example below is run by the test suite (``pytest --doctest-glob='*.pyi'``).

>>> import datetime as dt
>>> import unilogin
>>> UTC = dt.timezone.utc

"""

import datetime
import os
import sys
from typing import (
    IO,
    Any,
    Dict,
    Iterable,
    Iterator,
    List,
    Literal,
    Mapping,
    Optional,
    Protocol,
    Sequence,
    Tuple,
    Union,
    final,
)

from unilogin._errors import ErrorDict, ExportProblem, ExportReport

#: The package's version (the Rust workspace's).
__version__: str

# The names the functions take, as the core parses them (checked by mypy; the core raises
# ArgumentError for any other at run time).
_KindName = Literal["request", "register", "user"]
_ValueKindName = Literal[
    "cvr", "p_number", "institution_number", "municipality", "phone", "email", "email_ascii", "cpr",
    "postal_code", "house_number", "street", "city", "institution_name", "legal_basis",
    "legal_basis_accepted", "institution_type", "institution_type_accepted", "username", "grade",
    "floor", "door", "address",
]
_Lang = Literal["da", "en", "da-DK", "en-GB", "en-US"]
# An export: a path, the bytes of one, or a binary file object (`open(path, "rb")`, BytesIO).
_Source = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview, IO[bytes]]
_InputFormat = Literal["csv", "jsonl"]
_GroupKey = Literal[
    "indskoling", "mellemtrin", "udskoling", "youth_education", "youth-education", "employee",
    "parent",
]

if sys.version_info >= (3, 11):
    from typing import Self
else:
    from typing_extensions import Self

# --- Records -----------------------------------------------------------------------------------

def validate_records(
    rows: Iterable[Mapping[str, Any]],
    *,
    kind: _KindName,
    lang: _Lang = "da",
    p_number_checksum: bool = True,
    as_of: Optional[datetime.date] = None,
    policy: Optional[Mapping[str, Any]] = None,
) -> List[ErrorDict]:
    """Validates every row and returns every problem; ``loc`` starts with the row index.

    Keys are canonical field keys or the column names the command accepts (in any case);
    other keys are ignored. Values are text; ``None`` (and a float NaN) count as absent,
    numbers and bools as their JSON text. ``p_number_checksum=False`` checks P-numbers' format
    only (a host policy). ``as_of`` is the date the rows are checked on (``None``: no check
    against a date): user rows then refuse a CPR number born after it (``cpr_date_in_future``)
    and report a pupil whose age does not fit the grade band (``age_outside_grade_band``).
    only (a host policy). ``policy`` overrides fields of the validation policy, the rules of
    medium or low confidence (``docs/domain.md``): ``p_number_checksum``,
    ``p_number_weight_switch``, ``ownership_codes`` (``{"udliciteret": 5}``),
    ``request_institution_types`` and ``register_institution_types`` (lists of codes),
    ``postal_town`` (``False``: a town need not match its postal code); a
    mapping of another shape raises ``ValidationError`` ``json_invalid`` at ``["policy"]``.

    >>> def town_problems(**kw):
    ...     row = {"postal_code": "8000", "city": "Odense C"}
    ...     rows = unilogin.validate_records([row], kind="request", **kw)
    ...     return [p["type"] for p in rows if p["loc"] == [0, "city"]]
    >>> town_problems()
    ['postal_code_town_mismatch']
    >>> town_problems(policy={"postal_town": False})
    []

    >>> def type_problems(**kw):
    ...     rows = unilogin.validate_records([{"institution_type": "6013"}], kind="request", **kw)
    ...     return [p["type"] for p in rows if p["loc"] == [0, "institution_type"]]
    >>> type_problems()
    ['institution_type_not_accepted']
    >>> type_problems(policy={"request_institution_types": [6010, 6011, 6012, 6013]})
    []

    >>> rows = [
    ...     {"pNummer": "1029829825", "cvrNummer": "13748136", "kommuneKode_Tekst": "Aarhus"},
    ...     {"cvr": "13585627", "p_number": "1029829824"},
    ... ]
    >>> problems = unilogin.validate_records(rows, kind="request", lang="en")
    >>> [(p["loc"], p["type"]) for p in problems if p["type"] != "missing"]
    [([1, 'cvr'], 'cvr_checksum'), ([1, 'p_number'], 'p_number_checksum')]
    >>> [p["msg"] for p in problems if p["type"] == "cvr_checksum"]
    ['CVR number 13585627 is invalid (its check digit does not match)']

    """

def validate_request(
    mapping: Mapping[str, Any],
    *,
    lang: _Lang = "da",
    p_number_checksum: bool = True,
    as_of: Optional[datetime.date] = None,
    policy: Optional[Mapping[str, Any]] = None,
) -> List[ErrorDict]:
    """Validates one institution-number request; ``loc`` starts at the field (empty: valid).

    >>> problems = unilogin.validate_request({"cvr": "13585627", "legal_basis": "§ 19, stk. 4"})
    >>> problems[0]
    {'type': 'cvr_checksum', 'loc': ['cvr'], 'msg': 'CVR-nummeret 13585627 er ugyldigt (kontrolcifferet passer ikke)', 'input': '13585627', 'ctx': {'cvr': '13585627'}}
    >>> len(problems)
    12

    """

def validate_record(
    mapping: Mapping[str, Any],
    *,
    kind: _KindName,
    lang: _Lang = "da",
    p_number_checksum: bool = True,
    as_of: Optional[datetime.date] = None,
    policy: Optional[Mapping[str, Any]] = None,
) -> List[ErrorDict]:
    """Validates one record of ``kind``; ``loc`` starts at the field. ``as_of`` as in
    :func:`validate_records`.

    >>> [p["type"] for p in unilogin.validate_record({"cpr": "150320-4000", "rolle": "elev"}, kind="user")]
    ['missing', 'missing', 'grade_required', 'missing']
    >>> pupil = {"cpr": "150320-4000", "fornavn": "Freja", "efternavn": "Testesen",
    ...     "rolle": "elev", "klasse": "9", "instnr": "G18062"}
    >>> [p["type"] for p in unilogin.validate_record(pupil, kind="user", as_of=dt.date(2026, 8, 15))]
    ['age_outside_grade_band']

    """

def parse_record(
    mapping: Mapping[str, Any],
    *,
    kind: _KindName,
    lang: _Lang = "da",
    p_number_checksum: bool = True,
    as_of: Optional[datetime.date] = None,
    policy: Optional[Mapping[str, Any]] = None,
) -> Dict[str, Any]:
    """Validates one record and returns its canonical form, or raises ``ValidationError``.

    >>> user = unilogin.parse_record({"cpr": "150320-4000", "fornavn": "Freja",
    ...     "efternavn": "Testesen", "rolle": "forælder", "instnr": "g18062"}, kind="user")
    >>> user["role"], user["institution_number"], user["birth_date"]
    ('parent', 'G18062', '2020-03-15')

    """

def validate_csv(
    path: _Source,
    *,
    kind: _KindName,
    lang: _Lang = "da",
    p_number_checksum: bool = True,
    as_of: Optional[datetime.date] = None,
    jobs: int = 0,
    max_errors: Optional[int] = None,
    policy: Optional[Mapping[str, Any]] = None,
    input_format: Optional[_InputFormat] = None,
) -> List[ErrorDict]:
    """Validates a CSV or JSON Lines (``.jsonl``) export, read in Rust with the GIL released.

    One thread reads while ``jobs`` threads check the rows (``0``, the default: one per CPU;
    ``1``: read and check on one thread); the problems are the same, in file order, for any
    ``jobs``. ``max_errors`` (an ``int`` of 1 or more; ``None``, the default: no limit) stops
    reading after the row where the ``max_errors``-th problem is found, that row's problems
    included; :func:`check_export` and :func:`iter_problems` say whether it did
    (``max_errors_reached``).

    The reader is the command's: delimiter ``;``, ``,`` or tab detected from the header, UTF-8
    (with or without BOM) or Windows-1252, register and roster column names. ``loc`` starts with
    the 0-based data row. What stops reading (not CSV or JSON Lines, UTF-16, a ragged row, a
    file with no data rows, ...) raises :class:`ExportError` (a ``ValidationError``) with its
    type (``file_format_unknown``, ``csv_row_length``, ``file_no_rows``, ...); its ``problems``
    are those of the rows before it and its ``summary`` what was read. A missing file raises
    ``FileNotFoundError``, as ``open()`` does.

    ``path`` is a path (``str`` or ``os.PathLike``), the export's bytes (``bytes``,
    ``bytearray``, ``memoryview``) or a binary file object (``open(path, "rb")``,
    ``io.BytesIO``, an upload's stream), read in chunks as checking goes. Bytes and file objects
    have no extension, so they are CSV unless ``input_format="jsonl"``; for a path the
    extension decides unless ``input_format`` is given.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "requests.csv"
    >>> _ = path.write_text("cvr;p_number;municipality\n13585628;1029829825;Aarhus\n13585627;1029829825;Kobenhvn\n", encoding="utf-8")
    >>> [(p["loc"], p["type"]) for p in unilogin.validate_csv(path, kind="request") if p["type"] != "missing"]
    [([1, 'cvr'], 'cvr_checksum'), ([1, 'municipality'], 'municipality_suggestion')]
    >>> len(unilogin.validate_csv(path, kind="request", max_errors=1)) < len(unilogin.validate_csv(path, kind="request"))
    True
    >>> import io
    >>> unilogin.validate_csv(io.BytesIO(path.read_bytes()), kind="request") == unilogin.validate_csv(path, kind="request")
    True
    >>> [p["type"] for p in unilogin.validate_csv(b'{"cvr": "13585627"}\n', kind="request", input_format="jsonl")][:1]
    ['cvr_checksum']
    >>> unilogin.validate_csv(path.with_name("missing.csv"), kind="request")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    FileNotFoundError: [Errno 2] No such file or directory: '...missing.csv'

    """

def check_export(
    path: _Source,
    *,
    kind: _KindName,
    lang: _Lang = "da",
    p_number_checksum: bool = True,
    as_of: Optional[datetime.date] = None,
    jobs: int = 0,
    max_errors: Optional[int] = None,
    policy: Optional[Mapping[str, Any]] = None,
    input_format: Optional[_InputFormat] = None,
) -> ExportReport:
    """Checks a CSV or JSON Lines export like :func:`validate_csv` and returns the core's export
    report, the object the command's ``--format json`` prints: ``{"problems", "summary",
    "error"}``. Each problem has the ``line`` its row starts on; the summary gives the rows
    read, rows with problems, problems per type, the detected delimiter and encoding
    (``utf-8``, ``utf-8-bom``, ``windows-1252``), the columns and the ignored ones
    (``unknown_columns``, each with a ``suggestion`` and a ``msg``) and ``max_errors_reached``
    (reading stops after the row where the ``max_errors``-th problem is found; ``None``: never);
    ``error`` is the problem that stopped reading in the same shape as the problems (``loc`` is
    ``[]``, ``input`` ``None``; ``None`` when the whole file was read), with the problems found
    before it kept. Never raises for the file's content.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "register.csv"
    >>> _ = path.write_bytes(b"cvrNummer;pNummer;telefonNumer\n13585627;1029829825;\n13585628;1029829825\n")
    >>> report = unilogin.check_export(path, kind="register", lang="en")
    >>> [(p["line"], p["loc"], p["type"]) for p in report["problems"] if p["type"] == "cvr_checksum"]
    [(2, [0, 'cvr'], 'cvr_checksum')]
    >>> report["summary"]["rows"], report["summary"]["delimiter"], report["summary"]["unknown_columns"][0]["suggestion"]
    (1, ';', 'telefonNummer')
    >>> report["error"]["type"], report["error"]["line"]
    ('csv_row_length', 3)
    >>> unilogin.check_export(path, kind="register", max_errors=1)["summary"]["max_errors_reached"]
    True

    """

def iter_problems(
    path: Union[str, "os.PathLike[str]"],
    *,
    kind: _KindName,
    lang: _Lang = "da",
    p_number_checksum: bool = True,
    as_of: Optional[datetime.date] = None,
    max_errors: Optional[int] = None,
    batch_size: Optional[int] = None,
    policy: Optional[Mapping[str, Any]] = None,
) -> ProblemBatches:
    """The problems of a CSV or JSON Lines export in batches, in constant memory: an iterator
    of lists of at most ``batch_size`` problems (``None``, the default: 1000), each in
    :func:`check_export`'s shape (with its ``line``), in file order; only the last list is
    shorter. Each ``next()`` reads and checks (with the GIL released, on one thread) just as
    far as it needs to fill its list, so memory does not grow with the file.

    ``max_errors`` stops reading as in :func:`check_export`. A file that cannot be opened or
    whose CSV header cannot be read raises :class:`ExportError` here; an error met later (a
    ragged row, binary data, ...) raises :class:`ExportError` from the ``next()`` after the
    last list (its ``problems`` are empty: the lists handed them out). The iterator's
    ``summary`` and ``error`` are :func:`check_export`'s for what was read so far.
    ``itertools.chain.from_iterable(...)`` gives one problem at a time.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "register.csv"
    >>> _ = path.write_text("cvrNummer;pNummer\n" + "13585627;1029829825\n" * 100_000)
    >>> batches = unilogin.iter_problems(path, kind="register", lang="en", batch_size=50)
    >>> first = next(batches)
    >>> len(first), first[-1]["line"], first[-1]["type"]
    (50, 6, 'cvr_checksum')
    >>> batches.summary["rows"], batches.summary["complete"]
    (5, False)
    >>> batches.close()
    >>> list(batches), batches.error
    ([], None)

    """

@final
class ProblemBatches(Iterator[List[ExportProblem]]):
    """What :func:`iter_problems` returns: an iterator of lists of problems."""

    def __iter__(self) -> Self: ...
    def __next__(self) -> List[ExportProblem]: ...
    @property
    def summary(self) -> Optional[Dict[str, Any]]:
        """What was read so far, in :func:`check_export`'s summary shape (with
        ``max_errors_reached``); ``complete`` once the whole file was read."""
    @property
    def error(self) -> Optional[ExportProblem]:
        """The error that stopped reading, in :func:`check_export`'s error shape, or ``None``."""
    def close(self) -> None:
        """Stops reading and closes the file; the iterator ends (problems read and not handed
        out are dropped)."""

def check_value(value: Any, *, kind: _ValueKindName, lang: _Lang = "da") -> str:
    """Parses one value of a value kind (see :func:`value_kinds`) and returns its canonical text.

    >>> unilogin.check_value("+45 3366 3366", kind="phone")
    '33 66 33 66'
    >>> unilogin.check_value("Koebenhavns Kommune", kind="municipality")
    'København'

    """

def validate_values(values: Iterable[Any], *, kind: _ValueKindName, lang: _Lang = "da") -> List[ErrorDict]:
    """Checks many values of one kind; ``loc`` is ``[index]``.

    >>> [(p["loc"], p["type"]) for p in unilogin.validate_values(["13585628", "13585627", ""], kind="cvr")]
    [([1], 'cvr_checksum'), ([2], 'missing')]

    """

def valid_mask(values: Iterable[Any], *, kind: _ValueKindName) -> List[bool]:
    """Whether each value is a valid value of ``kind`` (a missing one is not), for bulk checks.

    ``unilogin.valid_mask`` also takes columns and gives the same type back: a polars Series
    gives a polars Series, a pandas Series a pandas Series with its index (through pyarrow), an
    Arrow array (anything with ``__arrow_c_array__`` / ``__arrow_c_stream__``) a ``pyarrow``
    boolean array; these are read without copying and checked on ``jobs=`` threads (0, the
    default: one per CPU). Any other iterable gives a list.

    >>> unilogin.valid_mask(["13585628", "13585627", "DK-2425 6790"], kind="cvr")
    [True, False, True]
    >>> import polars as pl
    >>> unilogin.valid_mask(pl.Series("cvr", ["13585628", None]), kind="cvr").to_list()
    [True, False]

    """

class _ArrowStream(Protocol):
    """Any object with the Arrow PyCapsule stream interface (polars, pyarrow, DuckDB, ...)."""

    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any: ...

class _ArrowArray(Protocol):
    """Any object with the Arrow PyCapsule array interface (a pyarrow ``Array``, ...)."""

    def __arrow_c_array__(self, requested_schema: Any = None) -> Any: ...

@final
class _ArrowTable:
    """A table the native module built; read it with ``pyarrow.table()``, ``polars.DataFrame()``
    or any other reader of the Arrow ``PyCapsule`` stream interface."""

    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any: ...
    def __arrow_c_schema__(self) -> Any: ...
    def __len__(self) -> int: ...

@final
class _ArrowBooleans:
    """A boolean array the native module built; read it with ``pyarrow.array()``,
    ``polars.Series()`` or any other reader of the Arrow ``PyCapsule`` array interface."""

    def __arrow_c_array__(self, requested_schema: Any = None) -> Any: ...
    def __len__(self) -> int: ...

def check_arrow(
    data: Union[_ArrowStream, _ArrowArray, Sequence[Tuple[str, Union[_ArrowStream, _ArrowArray]]]],
    *,
    kind: _KindName,
    lang: _Lang = "da",
    p_number_checksum: bool = True,
    as_of: Optional[datetime.date] = None,
    policy: Optional[Mapping[str, Any]] = None,
    jobs: int = 0,
    row_offset: int = 0,
) -> _ArrowTable:
    """Checks every row of Arrow record batches without copying them: the engine of
    :func:`validate_arrow` and :func:`validate_frame`.

    The columns are read through the Arrow C data interface: strings (``Utf8``, ``LargeUtf8``,
    ``Utf8View``, dictionary-encoded) as they are, integers as their digits, floats as
    :func:`validate_frame` reads them, booleans as ``true``/``false`` and nulls as absent.
    Columns no field uses are not read. ``data`` is record batches (anything with
    ``__arrow_c_stream__`` or ``__arrow_c_array__``, checked batch by batch as they stream) or
    a list of ``(name, column)`` pairs, each column an Arrow array or chunked array (a polars
    frame's Series: exported one by one, they are not copied). The rows are checked on ``jobs``
    threads (0: one per CPU) with the GIL released. Returns a table with the columns ``row`` (from
    ``row_offset``), ``field``, ``type``, ``msg``, ``input`` and ``ctx`` (JSON text).

    >>> import pyarrow as pa
    >>> data = pa.table({"cvrNummer": ["13585628", "13585627"], "pNummer": [1029829825, None]})
    >>> problems = pa.table(unilogin._unilogin.check_arrow(data, kind="register", lang="en"))
    >>> [(p["row"], p["type"]) for p in problems.to_pylist() if p["field"] in ("cvr", "p_number")]
    [(1, 'cvr_checksum'), (1, 'unilogin_requires_p_number')]

    """

def arrow_valid_rows(
    data: Union[_ArrowStream, _ArrowArray, Sequence[Tuple[str, Union[_ArrowStream, _ArrowArray]]]],
    *,
    kind: _KindName,
    p_number_checksum: bool = True,
    as_of: Optional[datetime.date] = None,
    policy: Optional[Mapping[str, Any]] = None,
    jobs: int = 0,
) -> _ArrowBooleans:
    """Whether each row of Arrow record batches has no problem: the engine of
    :func:`valid_rows`."""

def arrow_valid_mask(
    values: Union[_ArrowStream, _ArrowArray], *, kind: _ValueKindName, jobs: int = 0
) -> _ArrowBooleans:
    """Whether each value of an Arrow array (or a stream of arrays) is a valid value of
    ``kind``; a null is not: the engine of :func:`valid_mask` on Series and arrays."""

def cell_texts(values: Iterable[Any]) -> List[Optional[str]]:
    """Each value as the text a record's cell is read as (``None`` for an absent one), for
    columns that Arrow cannot hold as one type (a pandas object column of strings and numbers).

    >>> unilogin._unilogin.cell_texts(["13585628", 1029829825, 1029829825.0, None, float("nan"), True])
    ['13585628', '1029829825', '1029829825', None, None, 'true']

    """

def record_keys(kind: _KindName) -> List[str]:
    """The canonical field keys of a record kind, in report order.

    >>> unilogin.record_keys("request")[:3]
    ['cvr', 'p_number', 'institution_name']

    """

def value_kinds() -> List[str]:
    """The names of the value kinds :func:`check_value` knows."""

def error_types() -> List[str]:
    """Every stable error ``type``, in catalogue order (``docs/errors.md``).

    >>> "cvr_checksum" in unilogin.error_types()
    True

    """

# --- Identifiers -------------------------------------------------------------------------------

class _Identifier:
    def __new__(cls, text: str, /, *, lang: _Lang = "da") -> Self: ...
    @staticmethod
    def is_valid(text: object) -> bool:
        """Whether ``text`` parses (``False`` for anything that is not a ``str``)."""
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    def __lt__(self, value: Any, /) -> bool: ...
    def __le__(self, value: Any, /) -> bool: ...
    def __gt__(self, value: Any, /) -> bool: ...
    def __ge__(self, value: Any, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> Tuple[type, Tuple[str]]: ...
    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any, /) -> Any:
        """pydantic v2: the class as a model's field type; it validates a ``str`` and
        serialises to ``str(value)``.

        >>> import pydantic
        >>> class Row(pydantic.BaseModel):
        ...     cvr: unilogin.Cvr
        >>> Row(cvr="DK-1358 5628").model_dump_json()
        '{"cvr":"13585628"}'
        >>> try:
        ...     Row.model_validate_json('{"cvr": "13585627"}')
        ... except pydantic.ValidationError as error:
        ...     [(e["loc"], e["type"], e["msg"]) for e in error.errors()]
        [(('cvr',), 'value_error', 'Value error, CVR-nummeret 13585627 er ugyldigt (kontrolcifferet passer ikke) [cvr_checksum]')]
        >>> Row.model_json_schema()["properties"]["cvr"]["type"]
        'string'

        """

@final
class Cvr(_Identifier):
    """A CVR number: 8 digits with a modulus-11 check; ``DK``, spaces, dashes and dots tolerated.

    >>> cvr = unilogin.Cvr("DK-1358 5628")
    >>> str(cvr), cvr == unilogin.Cvr("13585628"), unilogin.Cvr.is_valid("13585627")
    ('13585628', True, False)

    """

@final
class PNumber(_Identifier):
    """A P-number (produktionsenhedsnummer): 10 digits with a modulus-11 check.

    >>> unilogin.PNumber("10 2982 9825").value
    1029829825
    >>> unilogin.PNumber.parse_format("1029829824").has_valid_checksum
    False

    """
    @property
    def has_valid_checksum(self) -> bool: ...
    @property
    def value(self) -> int: ...
    @classmethod
    def parse_format(cls, text: str, /, *, lang: _Lang = "da") -> "PNumber": ...

@final
class InstitutionNumber(_Identifier):
    """An institution number: ``G`` and five digits (legacy A-numbers are refused).

    >>> str(unilogin.InstitutionNumber("g 18062"))
    'G18062'

    """

@final
class Municipality(_Identifier):
    """One of the 98 municipalities, from a code or a name written the ways people write it.

    >>> m = unilogin.Municipality("Koebenhavns Kommune")
    >>> str(m), m.code, m.code4
    ('København', 101, '0101')
    >>> [str(x) for x in unilogin.Municipality.search("hoje")]
    ['Høje-Taastrup']

    """
    @property
    def code(self) -> int: ...
    @property
    def code4(self) -> str: ...
    @property
    def name(self) -> str: ...
    @staticmethod
    def from_code(code: int) -> Optional["Municipality"]: ...
    @staticmethod
    def all() -> List["Municipality"]: ...
    @staticmethod
    def search(prefix: str) -> List["Municipality"]: ...

@final
class PhoneNumber(_Identifier):
    """A Danish 8-digit phone number; canonical form ``xx xx xx xx``.

    >>> p = unilogin.PhoneNumber("+45 3366-3366")
    >>> str(p), p.digits
    ('33 66 33 66', '33663366')

    """
    @property
    def digits(self) -> str: ...

@final
class Email(_Identifier):
    """An email address, internationalised ones included (RFC 6531, IDNA domains).

    The canonical form keeps the local part and gives the domain in lower case and Unicode;
    ``ascii`` has the domain as IDNA A-labels (``xn--…``).

    >>> e = unilogin.Email("sb@taastrup.Børnegalaxen.dk")
    >>> str(e), e.ascii
    ('sb@taastrup.børnegalaxen.dk', 'sb@taastrup.xn--brnegalaxen-ggb.dk')

    """
    @property
    def ascii(self) -> str: ...

@final
class PostalCode(_Identifier):
    """A Danish postal code: four digits in 0800-9990 that PostNord's list holds."""

@final
class HouseNumber(_Identifier):
    """A house number: 1-999 with an optional letter (the number alone; address fields of
    records also take the floor and door after it, ``12B, 2. tv``)."""

@final
class Street(_Identifier):
    """A street name."""

@final
class City(_Identifier):
    """A city name."""

@final
class InstitutionName(_Identifier):
    """An institution name (at most 132 characters, no control characters)."""

@final
class Username(_Identifier):
    """A Unilogin username: four letters and four digits.

    >>> str(unilogin.Username("ABCD1234"))
    'abcd1234'

    """

@final
class Cpr:
    """A CPR number. ``str()``, ``format()`` and ``repr()`` mask the serial number; the whole
    number needs the explicit call :meth:`full`.

    >>> cpr = unilogin.Cpr("290204 4131")
    >>> cpr, str(cpr), cpr.birth_date, cpr.masked
    (Cpr("290204-****"), '290204-****', datetime.date(2004, 2, 29), '290204-****')
    >>> cpr.full()
    '290204-4131'

    """
    def __new__(cls, text: str, /, *, lang: _Lang = "da") -> Self: ...
    @staticmethod
    def is_valid(text: object) -> bool: ...
    @property
    def birth_date(self) -> datetime.date: ...
    @property
    def masked(self) -> str: ...
    def full(self) -> str:
        """The full canonical number ``DDMMYY-SSSS`` (personal data)."""
        ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any, /) -> Any:
        """pydantic v2: a model's field type. It serialises **masked**, as ``str()`` does, so
        a dumped model never holds a whole CPR number.

        >>> import pydantic
        >>> class Child(pydantic.BaseModel):
        ...     cpr: unilogin.Cpr
        >>> child = Child(cpr="290204 4131")
        >>> child.cpr.full(), child.model_dump()
        ('290204-4131', {'cpr': '290204-****'})

        """

# --- Legal bases and institution types (used by the enums in ``unilogin``) ---------------------

def legal_basis_keys() -> List[str]: ...
def parse_legal_basis(text: str, *, accepted: bool = False, lang: _Lang = "da") -> str: ...
def legal_basis_info(key: str, lang: _Lang = "da") -> Tuple[int, int, str, str]: ...
def institution_type_codes() -> List[int]: ...
def parse_institution_type(text: str, *, accepted: bool = False, lang: _Lang = "da") -> int: ...
def institution_type_info(code: int, lang: _Lang = "da") -> Tuple[str, Optional[Tuple[int, int]]]: ...

# --- Onboarding --------------------------------------------------------------------------------

def onboarding_plan(legal_basis: str, *, lang: _Lang = "da") -> Dict[str, Any]:
    """The onboarding journey of a legal basis (``kommunal``, ``selvejet``, ``privat``, or the
    form's wording); an unknown one raises ``ValidationError`` ``legal_basis_unknown``.

    >>> plan = unilogin.onboarding_plan("kommunal")
    >>> [s["id"] for s in plan["steps"]][:2]
    ['register_master_data', 'vendor_sends_request']
    >>> unilogin.onboarding_plan("udliciteret")
    Traceback (most recent call last):
    ...
    unilogin._errors.ValidationError: legal_basis: STIL's vejledning beskriver ikke tilslutning for Udliciteret daginstitution (dagtilbudslovens § 19, stk. 4) [onboarding_not_covered]

    """

def onboarding_mermaid(legal_basis: str, *, lang: _Lang = "da") -> str:
    """The plan as a Mermaid flowchart."""

@final
class OnboardingProgress:
    """The progress of one daycare through its plan; stores as the core's versioned JSON.

    >>> progress = unilogin.OnboardingProgress("kommunal")
    >>> at = dt.datetime(2025, 3, 3, 9, tzinfo=UTC)
    >>> progress.complete("register_master_data", "municipality", at)
    >>> [s["id"] for s in progress.next_steps("vendor")]
    ['vendor_sends_request']
    >>> try:
    ...     progress.complete("approve_request", "municipality", at, lang="en")
    ... except unilogin.TransitionError as e:
    ...     print(e.code, "-", e.errors()[0]["msg"])
    onboarding_prerequisites_open - Step approve_request first requires: vendor_sends_request
    >>> unilogin.OnboardingProgress.from_json(progress.to_json()) == progress
    True

    """
    def __new__(cls, legal_basis: str, *, lang: _Lang = "da") -> Self: ...
    @property
    def legal_basis(self) -> str: ...
    def plan(self) -> Dict[str, Any]: ...
    def check(self, step: str, actor: str, *, lang: _Lang = "da") -> None:
        """Raises ``TransitionError`` if ``actor`` may not complete ``step`` now."""
    def complete(self, step: str, actor: str, at: datetime.datetime, *, lang: _Lang = "da") -> None:
        """Records ``step`` as done by ``actor`` at ``at`` (timezone-aware)."""
    def is_done(self, step: str) -> bool: ...
    @property
    def is_complete(self) -> bool: ...
    def open_prerequisites(self, step: str) -> List[str]: ...
    def next_steps(self, actor: Optional[str] = None) -> List[Dict[str, Any]]: ...
    def summary(self) -> Dict[str, Any]: ...
    @property
    def completions(self) -> List[Dict[str, Any]]:
        """``[{step, actor, at}]`` with ``at`` a UTC ``datetime``."""
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str, *, lang: _Lang = "da") -> "OnboardingProgress": ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    __hash__: None  # type: ignore[assignment]

# --- Data-access agreements --------------------------------------------------------------------

@final
class AgreementLedger:
    """Data-access agreements and their append-only history (the core's JSON forms for the
    request and the acting person).

    >>> ledger = unilogin.AgreementLedger()
    >>> vendor = {"name": "Vera Vendor", "party": {"kind": "vendor", "id": "13585628"}}
    >>> request = {"vendor": {"name": "Skolesystemer A/S", "cvr": "13585628", "p_number": "1029829825"},
    ...     "system": "Pladsanvisning",
    ...     "institutions": [{"number": "G18062", "legal_basis": "privat", "municipality": "Aarhus"}]}
    >>> ledger.request(request, by=vendor, at=dt.datetime(2026, 11, 2, 9, tzinfo=UTC))
    [1]
    >>> ledger.state(1)
    'pending'
    >>> staff = {"name": "Per", "party": {"kind": "daycare", "id": "G18062"},
    ...     "tilslutning_right": True, "mitid_erhverv_key_file": True}
    >>> [w["type"] for w in ledger.decide(1, "approve", by=staff, at=dt.datetime(2026, 11, 3, tzinfo=UTC))]
    ['agreement_dpa_missing']
    >>> try:
    ...     ledger.withdraw(1, by=vendor, at=dt.datetime(2026, 11, 4, tzinfo=UTC))
    ... except unilogin.TransitionError as e:
    ...     print(e.code)
    agreement_illegal_transition

    """
    def __new__(cls, *, require_dpa: bool = False) -> Self: ...
    def request(
        self, request: Mapping[str, Any], *, by: Mapping[str, Any], at: datetime.datetime, lang: _Lang = "da"
    ) -> List[int]: ...
    def decide(
        self,
        agreement: int,
        decision: Literal["approve", "reject"],
        *,
        by: Mapping[str, Any],
        at: datetime.datetime,
        dpa_in_place: bool = False,
        comment: Optional[str] = None,
        lang: _Lang = "da",
    ) -> List[ErrorDict]:
        """Approves or rejects; returns warnings (e.g. ``agreement_dpa_missing``)."""
    def decide_many(
        self,
        agreements: Sequence[int],
        decision: Literal["approve", "reject"],
        *,
        by: Mapping[str, Any],
        at: datetime.datetime,
        dpa_in_place: bool = False,
        comment: Optional[str] = None,
        lang: _Lang = "da",
    ) -> List[Union[List[ErrorDict], Exception]]:
        """Decides each agreement alone: a list of warnings, or the ``TransitionError``."""
    def close(
        self, agreement: int, *, by: Mapping[str, Any], at: datetime.datetime, comment: Optional[str] = None, lang: _Lang = "da"
    ) -> None: ...
    def withdraw(
        self, agreement: int, *, by: Mapping[str, Any], at: datetime.datetime, comment: Optional[str] = None, lang: _Lang = "da"
    ) -> None: ...
    def agreement(self, agreement: int, *, lang: _Lang = "da") -> Dict[str, Any]: ...
    def state(self, agreement: int, *, lang: _Lang = "da") -> str: ...
    def agreements(self) -> List[Dict[str, Any]]: ...
    def events(self) -> List[Dict[str, Any]]: ...
    def history(self, agreement: int, *, lang: _Lang = "da") -> List[Dict[str, Any]]: ...
    def notifications(self) -> List[Dict[str, Any]]: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str, *, require_dpa: bool = False, lang: _Lang = "da") -> "AgreementLedger": ...
    def __len__(self) -> int: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    __hash__: None  # type: ignore[assignment]

def agreement_state_diagram(*, lang: _Lang = "da") -> str:
    """The agreement lifecycle as a Mermaid state diagram."""

# --- Passwords ---------------------------------------------------------------------------------

def check_password(
    password: str,
    *,
    group: _GroupKey,
    names: Optional[Iterable[str]] = None,
    previous_hashes: Optional[Iterable[str]] = None,
    policy: Optional[Mapping[str, Any]] = None,
    lang: _Lang = "da",
) -> Dict[str, Any]:
    """Checks a chosen password against STIL's rules: ``{ok, complete, violations, rules}``.

    A rule's ``status`` is ``met``, ``not_met``, ``not_checked`` or ``not_applicable``: without
    ``names`` the name rule is ``not_checked``, and without ``previous_hashes`` (``None``) so is
    ``not_recent``; ``previous_hashes=[]`` is a user with no earlier passwords (checked).

    ``previous_hashes`` are earlier passwords as :func:`hash_password` makes them (Argon2id) or
    in the old ``sha256$<salt hex>$<digest hex>`` form (still checked), most recent first; ``policy`` overrides fields of STIL's policy (``{"min_length": 12}``).
    Indskoling cannot choose a password: ``ValidationError`` (``password_not_choosable``).

    >>> report = unilogin.check_password("soeren2024", group="parent", names=["Søren Kierkegaard"], lang="en")
    >>> report["ok"], [v["type"] for v in report["violations"]]
    (False, ['password_needs_uppercase', 'password_contains_name', 'password_common'])
    >>> [r["status"] for r in report["rules"] if r["rule"] == "not_recent"], report["complete"]
    (['not_checked'], False)
    >>> old = unilogin.hash_password("Hestesko-Bilvask-12")
    >>> [v["type"] for v in unilogin.check_password("Hestesko-Bilvask-12", group="udskoling", previous_hashes=[old])["violations"]]
    ['password_reused']

    """

def hash_password(password: str) -> str:
    """An Argon2id hash for the password history: a PHC string
    ``$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`` (OWASP's parameters, a fresh random salt;
    slow on purpose). Entries of the old, fast ``sha256$…`` form are still checked, but
    :func:`password_needs_rehash` says they should be replaced by this hash the next time the
    user gives that password.

    >>> unilogin.hash_password("Hestesko-Bilvask-12").startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    True

    """

def password_needs_rehash(stored: str) -> bool:
    """Whether a stored history entry should be replaced by :func:`hash_password`: it is of the
    old ``sha256$`` form (fast to attack offline) or Argon2id with other parameters.
    ``ArgumentError`` for text of neither form.

    >>> unilogin.password_needs_rehash("sha256$000102030405060708090a0b0c0d0e0f$0dc10b4720471a31332cbe9e5e49d74c215b51dcc1f7653213b0b6670faa370a")
    True

    """

def is_common_password(password: str) -> bool:
    """Whether the password is on the embedded list of common passwords."""

def assign_password(
    group: _GroupKey, *, names: Optional[Iterable[str]] = None, policy: Optional[Mapping[str, Any]] = None, lang: _Lang = "da"
) -> Dict[str, Any]:
    """Draws a password with the operating system's CSPRNG: ``{kind: "pictures", pictures,
    shown}`` for indskoling, ``{kind: "text", text, shown}`` otherwise.

    >>> unilogin.assign_password("indskoling")["kind"], len(unilogin.assign_password("indskoling")["pictures"])
    ('pictures', 4)
    >>> unilogin.assign_password("udskoling")["kind"]
    'text'

    """

def assigned_password_entropy(group: _GroupKey) -> float:
    """The entropy in bits of the assigned-password scheme for ``group``."""

def check_reset_code(code: str, format: str = "digits6", *, lang: _Lang = "da") -> Dict[str, str]:
    """Checks the one-time code a pupil types on the reset page before the host redeems it:
    ``{"code": ..., "grouped": ...}``, the canonical code and the code grouped for reading
    aloud. Spaces and dashes are ignored; for ``crockford8`` case too, O reads as 0, I and L
    as 1. Raises ``ResetError`` ``reset_code_format`` (ctx ``format``, ``length``) for text
    that is not a code of ``format``, ``ValueError`` for an unknown format.

    >>> unilogin.check_reset_code(" 482-915 ")
    {'code': '482915', 'grouped': '482 915'}
    >>> unilogin.check_reset_code("7kqm 2xwd", "crockford8")["grouped"]
    '7KQM-2XWD'
    >>> unilogin.check_reset_code("48291", lang="en")
    Traceback (most recent call last):
    ...
    unilogin._errors.ResetError: The one-time code has 6 characters (spaces and dashes do not count); check that it is typed as you were given it [reset_code_format]

    """

def reset_public_message(lang: _Lang = "da") -> str:
    """The one message a pupil sees when a reset fails, whatever the reason."""

@final
class GrantStore:
    """The five-minute teacher-issued reset grants and their history (versioned JSON).

    Issuer: ``{id, teacher_role, class_affiliation, elevadgang_admin_right}``; pupil:
    ``{username, grade}`` or ``{username, group}``. Times are timezone-aware datetimes.

    >>> store = unilogin.GrantStore()
    >>> at = dt.datetime(2026, 11, 2, 9, tzinfo=UTC)
    >>> teacher = {"id": "lærer-17", "teacher_role": True, "class_affiliation": True}
    >>> store.issue(teacher, {"username": "abcd1234", "grade": 5}, at)
    {'grant': 1, 'expires_at': datetime.datetime(2026, 11, 2, 9, 5, tzinfo=datetime.timezone.utc), 'code': None}
    >>> store.redeem("abcd1234", at + dt.timedelta(minutes=4))["may_choose_own"]
    True
    >>> try:
    ...     store.redeem("abcd1234", at + dt.timedelta(minutes=4))
    ... except unilogin.ResetError as e:
    ...     print(e.code, "/", e.public_message("en"))
    reset_used / That did not work. Ask your teacher for a new password.

    One-time codes are stored as HMAC-SHA-256 keyed with the host's secret when ``keys``
    (``{key id: secret bytes}``, at least 32 bytes each) and ``key_id`` (the current key) are
    given; the keys are never stored with the grants, so give them again to ``from_json``. Keep
    old keys in ``keys`` after a rotation to verify the codes issued under them. Without keys,
    codes are stored unkeyed (salted SHA-256), which is weaker: anyone who reads ``to_json()``
    can try every six-digit code offline; ``keyed`` and ``unkeyed_codes`` say so.

    Every call is in time order: an issue or redemption dated before ``last_time`` (the last
    event, or a redemption refused after it) is ``event_out_of_order``, and a failed call
    changes no grant.

    >>> keyed = unilogin.GrantStore(keys={"2026-11": bytes(range(32))}, key_id="2026-11")
    >>> issued = keyed.issue(teacher, {"username": "efgh5678", "grade": 5}, at, code=True)
    >>> keyed.keyed, keyed.unkeyed_codes, '"sha256"' in keyed.to_json()
    (True, [], False)
    >>> try:
    ...     keyed.issue(teacher, {"username": "efgh5678", "grade": 5}, at - dt.timedelta(minutes=1))
    ... except unilogin.ResetError as e:
    ...     print(e.code)
    event_out_of_order

    """
    def __new__(
        cls,
        *,
        policy: Optional[Mapping[str, Any]] = None,
        keys: Optional[Mapping[str, bytes]] = None,
        key_id: Optional[str] = None,
        lang: _Lang = "da",
    ) -> Self: ...
    @property
    def policy(self) -> Dict[str, Any]:
        """The policy as enforced: every value clamped to the range the library accepts."""
    @property
    def keyed(self) -> bool:
        """Whether new one-time codes are keyed with a host secret."""
    @property
    def unkeyed_codes(self) -> List[int]:
        """The grants whose code is stored unkeyed (weaker: brute-forceable offline)."""
    @property
    def last_time(self) -> Optional[datetime.datetime]:
        """The last event or refused redemption; a call dated before it is refused."""
    def set_keys(self, keys: Mapping[str, bytes], *, key_id: str, lang: _Lang = "da") -> None:
        """Replaces the keys (never stored): ``key_id`` keys new codes, all verify."""
    def issue(
        self,
        issuer: Mapping[str, Any],
        pupil: Mapping[str, Any],
        at: datetime.datetime,
        *,
        code: Union[bool, str, None] = None,
        lang: _Lang = "da",
    ) -> Dict[str, Any]:
        """Issues a grant: ``{grant, expires_at, code}``; ``code=True`` makes a one-time code,
        a ``str`` gives one."""
    def redeem(
        self, username: str, at: datetime.datetime, *, code: Optional[str] = None, lang: _Lang = "da"
    ) -> Dict[str, Any]:
        """Redeems the newest grant: ``{grant, username, group, may_choose_own, at}``."""
    def redeem_grant(
        self, grant: int, username: str, at: datetime.datetime, *, code: Optional[str] = None, lang: _Lang = "da"
    ) -> Dict[str, Any]: ...
    def status(self, grant: int, at: datetime.datetime, *, lang: _Lang = "da") -> str:
        """``not_yet_valid``, ``valid``, ``expired``, ``redeemed``, ``locked`` or ``superseded``."""
    def grant(self, grant: int, *, lang: _Lang = "da") -> Dict[str, Any]: ...
    def latest(self, username: str) -> Optional[int]: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(
        cls,
        text: str,
        *,
        policy: Optional[Mapping[str, Any]] = None,
        keys: Optional[Mapping[str, bytes]] = None,
        key_id: Optional[str] = None,
        lang: _Lang = "da",
    ) -> "GrantStore":
        """Loads a stored store (format version 1 or 2), replaying its history; a history out
        of time order is refused (``history_invalid``)."""
    def __len__(self) -> int: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    __hash__: None  # type: ignore[assignment]

@final
class PasswordExpiry:
    """When a password must be changed (``must_change_by``), from when to warn, and why."""
    @property
    def must_change_by(self) -> Optional[datetime.datetime]: ...
    @property
    def warn_from(self) -> Optional[datetime.datetime]: ...
    @property
    def reason(self) -> str:
        """``band_change``, ``yearly`` or ``until_band_change``."""
    def status(self, now: datetime.datetime) -> str:
        """``ok``, ``warn`` or ``expired`` at ``now``."""
    def to_dict(self) -> Dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    __hash__: None  # type: ignore[assignment]

def password_expiry(
    last_change: datetime.datetime,
    *,
    group: Optional[str] = None,
    grade: Optional[int] = None,
    role: Optional[Mapping[str, Any]] = None,
    on: Optional[datetime.date] = None,
    band_changed_on: Optional[datetime.date] = None,
    policy: Optional[Mapping[str, Any]] = None,
    lang: _Lang = "da",
) -> PasswordExpiry:
    """When a password changed at ``last_change`` must be changed again (STIL: 365 days; 30 days
    after a pupil moves grade band). Give a ``group`` (with the host's ``band_changed_on``), a
    pupil's ``grade`` on the date ``on``, or a ``role`` (``{"role": "pupil", "grade": 7}``).

    >>> e = unilogin.password_expiry(dt.datetime(2025, 9, 1, 10, tzinfo=UTC), group="employee")
    >>> e.reason, e.must_change_by.isoformat()
    ('yearly', '2026-09-01T10:00:00+00:00')
    >>> e.status(dt.datetime(2026, 8, 20, tzinfo=UTC))
    'warn'

    """

# --- Provisioning and login help ---------------------------------------------------------------

@final
class ProvisioningEstimate:
    """When a user created in an administrative system can expect Unilogin to work."""
    @property
    def created_at(self) -> datetime.datetime: ...
    @property
    def readiness(self) -> str: ...
    @property
    def next_import(self) -> Optional[Dict[str, Any]]:
        """``{at, local, scheduled, clock}``: UTC and Danish local datetimes."""
    @property
    def typical_ready(self) -> datetime.datetime: ...
    @property
    def latest_ready(self) -> datetime.datetime: ...
    def status(self, now: datetime.datetime) -> str: ...
    def summary(self, lang: _Lang = "da") -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    __hash__: None  # type: ignore[assignment]

def provisioning_estimate(
    created_at: datetime.datetime,
    *,
    already_has_unilogin: bool = False,
    schedule: Optional[Sequence[str]] = None,
    typical_hours_after_creation: Optional[int] = None,
    latest_hours_after_import: Optional[int] = None,
    lang: _Lang = "da",
) -> ProvisioningEstimate:
    """Estimates when a new user can log in, from the import schedule (Danish local times).

    >>> e = unilogin.provisioning_estimate(dt.datetime(2025, 1, 15, 9, tzinfo=UTC))
    >>> e.next_import["local"].isoformat(), e.typical_ready.isoformat()
    ('2025-01-16T02:00:00+01:00', '2025-01-16T09:00:00+00:00')
    >>> e.status(dt.datetime(2025, 1, 16, 1, tzinfo=UTC))
    'imported'

    """

@final
class LoginGuide:
    """Ordered steps of a login guide and who can help."""
    @property
    def task(self) -> str: ...
    @property
    def cause(self) -> Optional[str]:
        """For a failed login, its cause (``wrong_username_or_password``, ``no_access_to_service``)."""
    @property
    def step_ids(self) -> List[str]: ...
    @property
    def helper_ids(self) -> List[str]: ...
    @property
    def cannot_help_ids(self) -> List[str]: ...
    def to_text(self, lang: _Lang = "da") -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    __hash__: None  # type: ignore[assignment]

def login_guide(
    task: Literal["activation", "forgotten_password", "login_failed", "change_password"],
    *,
    role: str,
    has_own_mitid: bool,
    grade: Union[str, int, None] = None,
    age: Optional[int] = None,
    cause: Optional[str] = None,
    policy: Optional[Mapping[str, Any]] = None,
    lang: _Lang = "da",
) -> LoginGuide:
    """Activation and login help for a user (role and grade as roster exports give them).

    >>> guide = unilogin.login_guide("forgotten_password", role="elev", grade="2", has_own_mitid=False, age=8)
    >>> guide.helper_ids
    ['teacher', 'parent']

    """

def login_help(
    message: str,
    *,
    role: str,
    has_own_mitid: bool,
    grade: Union[str, int, None] = None,
    age: Optional[int] = None,
    policy: Optional[Mapping[str, Any]] = None,
    lang: _Lang = "da",
) -> List[LoginGuide]:
    """Login help from the message the user saw (as a helpdesk pastes it): one guide per cause
    the message points to; "Ingen adgang" alone gives both. Raises ``ValidationError``
    (``login_message_unknown``, ``missing``, ``string_too_long``) for other text.

    >>> [g.cause for g in unilogin.login_help("Forkert brugernavn eller adgangskode", role="forælder", has_own_mitid=True)]
    ['wrong_username_or_password']
    >>> [g.cause for g in unilogin.login_help("Ingen adgang", role="medarbejder", has_own_mitid=True)]
    ['wrong_username_or_password', 'no_access_to_service']

    """
