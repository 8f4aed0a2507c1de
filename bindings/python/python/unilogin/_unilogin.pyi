"""Type stubs of the native module ``unilogin._unilogin`` (the public names are re-exported by
``unilogin``). Every example below is run by the test suite (``pytest --doctest-glob='*.pyi'``).

>>> import datetime as dt
>>> import unilogin
>>> UTC = dt.timezone.utc

"""

import datetime
import os
import sys
from typing import Any, Dict, Iterable, List, Literal, Mapping, Optional, Sequence, Tuple, Union, final

from unilogin._errors import ErrorDict, ExportReport

if sys.version_info >= (3, 11):
    from typing import Self
else:
    from typing_extensions import Self

# --- Records -----------------------------------------------------------------------------------

def validate_records(
    rows: Iterable[Mapping[str, Any]],
    *,
    kind: str,
    lang: str = "da",
    p_number_checksum: bool = True,
) -> List[ErrorDict]:
    """Validates every row and returns every problem; ``loc`` starts with the row index.

    Keys are canonical field keys or the column names the command accepts (in any case);
    other keys are ignored. Values are text; ``None`` (and a float NaN) count as absent,
    numbers and bools as their JSON text. ``p_number_checksum=False`` checks P-numbers' format
    only (a host policy).

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
    mapping: Mapping[str, Any], *, lang: str = "da", p_number_checksum: bool = True
) -> List[ErrorDict]:
    """Validates one institution-number request; ``loc`` starts at the field (empty: valid).

    >>> problems = unilogin.validate_request({"cvr": "13585627", "legal_basis": "§ 19, stk. 4"})
    >>> problems[0]
    {'type': 'cvr_checksum', 'loc': ['cvr'], 'msg': 'CVR-nummeret 13585627 er ugyldigt (kontrolcifferet passer ikke)', 'input': '13585627', 'ctx': {'cvr': '13585627'}}
    >>> len(problems)
    12

    """

def validate_record(
    mapping: Mapping[str, Any], *, kind: str, lang: str = "da", p_number_checksum: bool = True
) -> List[ErrorDict]:
    """Validates one record of ``kind``; ``loc`` starts at the field.

    >>> [p["type"] for p in unilogin.validate_record({"cpr": "150320-4000", "rolle": "elev"}, kind="user")]
    ['missing', 'missing', 'grade_required', 'missing']

    """

def parse_record(
    mapping: Mapping[str, Any], *, kind: str, lang: str = "da", p_number_checksum: bool = True
) -> Dict[str, Any]:
    """Validates one record and returns its canonical form, or raises ``ValidationError``.

    >>> user = unilogin.parse_record({"cpr": "150320-4000", "fornavn": "Freja",
    ...     "efternavn": "Testesen", "rolle": "forælder", "instnr": "g18062"}, kind="user")
    >>> user["role"], user["institution_number"], user["birth_date"]
    ('parent', 'G18062', '2020-03-15')

    """

def validate_csv(
    path: Union[str, "os.PathLike[str]"],
    *,
    kind: str,
    lang: str = "da",
    p_number_checksum: bool = True,
    jobs: int = 0,
) -> List[ErrorDict]:
    """Validates a CSV or JSON Lines (``.jsonl``) export, read in Rust with the GIL released.

    One thread reads while ``jobs`` threads check the rows (``0``, the default: one per CPU;
    ``1``: read and check on one thread); the problems are the same, in file order, for any
    ``jobs``.

    The reader is the command's: delimiter ``;``, ``,`` or tab detected from the header, UTF-8
    (with or without BOM) or Windows-1252, register and roster column names. ``loc`` starts with
    the 0-based data row. A file that cannot be read at all (missing, not CSV or JSON Lines,
    UTF-16, a ragged row, ...) raises ``ValidationError`` with its type (``file_unreadable``,
    ``csv_row_length``, ...).

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "requests.csv"
    >>> _ = path.write_text("cvr;p_number;municipality\n13585628;1029829825;Aarhus\n13585627;1029829825;Kobenhvn\n", encoding="utf-8")
    >>> [(p["loc"], p["type"]) for p in unilogin.validate_csv(path, kind="request") if p["type"] != "missing"]
    [([1, 'cvr'], 'cvr_checksum'), ([1, 'municipality'], 'municipality_suggestion')]
    >>> unilogin.validate_csv(path.with_name("missing.csv"), kind="request")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    unilogin._errors.ValidationError: Filen kan ikke læses: ... [file_unreadable]

    """

def check_export(
    path: Union[str, "os.PathLike[str]"],
    *,
    kind: str,
    lang: str = "da",
    p_number_checksum: bool = True,
    jobs: int = 0,
    max_errors: int = 0,
) -> ExportReport:
    """Checks a CSV or JSON Lines export like :func:`validate_csv` and returns the core's export
    report, the object the command's ``--format json`` prints: ``{"problems", "summary",
    "error"}``. Each problem has the ``line`` its row starts on; the summary gives the rows
    read, rows with problems, problems per type, the detected delimiter and encoding
    (``utf-8``, ``utf-8-bom``, ``windows-1252``), the columns and the ignored ones
    (``unknown_columns``, each with a ``suggestion`` and a ``msg``) and ``max_errors_reached``
    (reading stops after the row where the ``max_errors``-th problem is found; ``0``: never);
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

def check_value(value: Any, *, kind: str, lang: str = "da") -> str:
    """Parses one value of a value kind (see :func:`value_kinds`) and returns its canonical text.

    >>> unilogin.check_value("+45 3366 3366", kind="phone")
    '33 66 33 66'
    >>> unilogin.check_value("Koebenhavns Kommune", kind="municipality")
    'København'

    """

def validate_values(values: Iterable[Any], *, kind: str, lang: str = "da") -> List[ErrorDict]:
    """Checks many values of one kind; ``loc`` is ``[index]``.

    >>> [(p["loc"], p["type"]) for p in unilogin.validate_values(["13585628", "13585627", ""], kind="cvr")]
    [([1], 'cvr_checksum'), ([2], 'missing')]

    """

def valid_mask(values: Iterable[Any], *, kind: str) -> List[bool]:
    """Whether each value is valid, for bulk checks (e.g. a pandas column).

    >>> unilogin.valid_mask(["13585628", "13585627", "DK-2425 6790"], kind="cvr")
    [True, False, True]

    """

def record_keys(kind: str) -> List[str]:
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
    def __new__(cls, text: str, /, *, lang: str = "da") -> Self: ...
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
    def parse_format(cls, text: str, /, *, lang: str = "da") -> "PNumber": ...

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
    """An email address."""

@final
class PostalCode(_Identifier):
    """A Danish postal code (0800-9990)."""

@final
class HouseNumber(_Identifier):
    """A house number: 1-999 with an optional letter."""

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
    """A CPR number. ``repr()`` masks the serial number; ``str()`` gives the whole number.

    >>> cpr = unilogin.Cpr("290204 4131")
    >>> cpr, cpr.birth_date, cpr.masked
    (Cpr("290204-****"), datetime.date(2004, 2, 29), '290204-****')

    """
    def __new__(cls, text: str, /, *, lang: str = "da") -> Self: ...
    @staticmethod
    def is_valid(text: object) -> bool: ...
    @property
    def birth_date(self) -> datetime.date: ...
    @property
    def masked(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

# --- Legal bases and institution types (used by the enums in ``unilogin``) ---------------------

def legal_basis_keys() -> List[str]: ...
def parse_legal_basis(text: str, *, accepted: bool = False, lang: str = "da") -> str: ...
def legal_basis_info(key: str, lang: str = "da") -> Tuple[int, int, str, str]: ...
def institution_type_codes() -> List[int]: ...
def parse_institution_type(text: str, *, accepted: bool = False, lang: str = "da") -> int: ...
def institution_type_info(code: int, lang: str = "da") -> Tuple[str, Optional[Tuple[int, int]]]: ...

# --- Onboarding --------------------------------------------------------------------------------

def onboarding_plan(legal_basis: str, *, lang: str = "da") -> Dict[str, Any]:
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

def onboarding_mermaid(legal_basis: str, *, lang: str = "da") -> str:
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
    def __new__(cls, legal_basis: str, *, lang: str = "da") -> Self: ...
    @property
    def legal_basis(self) -> str: ...
    def plan(self) -> Dict[str, Any]: ...
    def check(self, step: str, actor: str, *, lang: str = "da") -> None:
        """Raises ``TransitionError`` if ``actor`` may not complete ``step`` now."""
    def complete(self, step: str, actor: str, at: datetime.datetime, *, lang: str = "da") -> None:
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
    def from_json(cls, text: str, *, lang: str = "da") -> "OnboardingProgress": ...
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
        self, request: Mapping[str, Any], *, by: Mapping[str, Any], at: datetime.datetime, lang: str = "da"
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
        lang: str = "da",
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
        lang: str = "da",
    ) -> List[Union[List[ErrorDict], Exception]]:
        """Decides each agreement alone: a list of warnings, or the ``TransitionError``."""
    def close(
        self, agreement: int, *, by: Mapping[str, Any], at: datetime.datetime, comment: Optional[str] = None, lang: str = "da"
    ) -> None: ...
    def withdraw(
        self, agreement: int, *, by: Mapping[str, Any], at: datetime.datetime, comment: Optional[str] = None, lang: str = "da"
    ) -> None: ...
    def agreement(self, agreement: int, *, lang: str = "da") -> Dict[str, Any]: ...
    def state(self, agreement: int, *, lang: str = "da") -> str: ...
    def agreements(self) -> List[Dict[str, Any]]: ...
    def events(self) -> List[Dict[str, Any]]: ...
    def history(self, agreement: int, *, lang: str = "da") -> List[Dict[str, Any]]: ...
    def notifications(self) -> List[Dict[str, Any]]: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, text: str, *, require_dpa: bool = False, lang: str = "da") -> "AgreementLedger": ...
    def __len__(self) -> int: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    __hash__: None  # type: ignore[assignment]

def agreement_state_diagram(*, lang: str = "da") -> str:
    """The agreement lifecycle as a Mermaid state diagram."""

# --- Passwords ---------------------------------------------------------------------------------

def check_password(
    password: str,
    *,
    group: str,
    names: Optional[Iterable[str]] = None,
    previous_hashes: Optional[Iterable[str]] = None,
    policy: Optional[Mapping[str, Any]] = None,
    lang: str = "da",
) -> Dict[str, Any]:
    """Checks a chosen password against STIL's rules: ``{ok, violations, rules}``.

    ``previous_hashes`` are earlier passwords in the format of :func:`hash_password`, most
    recent first; ``policy`` overrides fields of STIL's policy (``{"min_length": 12}``).
    Indskoling cannot choose a password: ``ValidationError`` (``password_not_choosable``).

    >>> report = unilogin.check_password("soeren2024", group="parent", names=["Søren Kierkegaard"], lang="en")
    >>> report["ok"], [v["type"] for v in report["violations"]]
    (False, ['password_needs_uppercase', 'password_contains_name', 'password_common'])
    >>> old = unilogin.hash_password("Hestesko-Bilvask-12")
    >>> [v["type"] for v in unilogin.check_password("Hestesko-Bilvask-12", group="udskoling", previous_hashes=[old])["violations"]]
    ['password_reused']

    """

def hash_password(password: str) -> str:
    """A salted hash in the portable history format ``sha256$<salt hex>$<digest hex>``."""

def is_common_password(password: str) -> bool:
    """Whether the password is on the embedded list of common passwords."""

def assign_password(
    group: str, *, names: Optional[Iterable[str]] = None, policy: Optional[Mapping[str, Any]] = None, lang: str = "da"
) -> Dict[str, Any]:
    """Draws a password with the operating system's CSPRNG: ``{kind: "pictures", pictures,
    shown}`` for indskoling, ``{kind: "text", text, shown}`` otherwise.

    >>> unilogin.assign_password("indskoling")["kind"], len(unilogin.assign_password("indskoling")["pictures"])
    ('pictures', 4)
    >>> unilogin.assign_password("udskoling")["kind"]
    'text'

    """

def assigned_password_entropy(group: str) -> float:
    """The entropy in bits of the assigned-password scheme for ``group``."""

def reset_public_message(lang: str = "da") -> str:
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

    """
    def __new__(cls, *, policy: Optional[Mapping[str, Any]] = None, lang: str = "da") -> Self: ...
    @property
    def policy(self) -> Dict[str, Any]: ...
    def issue(
        self,
        issuer: Mapping[str, Any],
        pupil: Mapping[str, Any],
        at: datetime.datetime,
        *,
        code: Union[bool, str, None] = None,
        lang: str = "da",
    ) -> Dict[str, Any]:
        """Issues a grant: ``{grant, expires_at, code}``; ``code=True`` makes a one-time code,
        a ``str`` gives one."""
    def redeem(
        self, username: str, at: datetime.datetime, *, code: Optional[str] = None, lang: str = "da"
    ) -> Dict[str, Any]:
        """Redeems the newest grant: ``{grant, username, group, may_choose_own, at}``."""
    def redeem_grant(
        self, grant: int, username: str, at: datetime.datetime, *, code: Optional[str] = None, lang: str = "da"
    ) -> Dict[str, Any]: ...
    def status(self, grant: int, at: datetime.datetime, *, lang: str = "da") -> str:
        """``not_yet_valid``, ``valid``, ``expired``, ``redeemed``, ``locked`` or ``superseded``."""
    def grant(self, grant: int, *, lang: str = "da") -> Dict[str, Any]: ...
    def latest(self, username: str) -> Optional[int]: ...
    def to_json(self) -> str: ...
    @classmethod
    def from_json(
        cls, text: str, *, policy: Optional[Mapping[str, Any]] = None, lang: str = "da"
    ) -> "GrantStore": ...
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
    lang: str = "da",
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
    def summary(self, lang: str = "da") -> str: ...
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
    lang: str = "da",
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
    def step_ids(self) -> List[str]: ...
    @property
    def helper_ids(self) -> List[str]: ...
    @property
    def cannot_help_ids(self) -> List[str]: ...
    def to_text(self, lang: str = "da") -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    __hash__: None  # type: ignore[assignment]

def login_guide(
    task: Literal["activation", "forgotten_password", "login_failed"],
    *,
    role: str,
    has_own_mitid: bool,
    grade: Union[str, int, None] = None,
    age: Optional[int] = None,
    cause: Optional[str] = None,
    policy: Optional[Mapping[str, Any]] = None,
    lang: str = "da",
) -> LoginGuide:
    """Activation and login help for a user (role and grade as roster exports give them).

    >>> guide = unilogin.login_guide("forgotten_password", role="elev", grade="2", has_own_mitid=False, age=8)
    >>> guide.helper_ids
    ['teacher', 'parent']

    """
