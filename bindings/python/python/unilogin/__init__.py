"""Validate Danish daycare and school data for Unilogin (STIL), with every rule in one Rust core.

Problems have one shape everywhere, the one pydantic uses: ``{type, loc, msg, input, ctx}``,
with ``msg`` in Danish (``lang="da"``, the default) or English (``lang="en"``).

>>> import unilogin
>>> rows = [{"cvr": "13585628", "p_number": "1029829825"}, {"cvr": "13585627"}]
>>> [(p["loc"], p["type"]) for p in unilogin.validate_records(rows, kind="request")][:2]
[([0, 'institution_name'], 'missing'), ([0, 'street'], 'missing')]
>>> str(unilogin.Cvr("DK 1358 5628"))
'13585628'
"""

from __future__ import annotations

import datetime
import enum
import importlib
import json
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, Optional, Tuple, Union

from unilogin import _unilogin
from unilogin._errors import (
    ArgumentError,
    AssignmentError,
    ErrorDict,
    ExportError,
    ExportProblem,
    ExportReport,
    ResetError,
    TransitionError,
    ValidationError,
)
from unilogin._frames import valid_mask, valid_rows, validate_arrow, validate_frame
from unilogin._unilogin import (
    AgreementLedger,
    City,
    Cpr,
    Cvr,
    Email,
    GrantStore,
    HouseNumber,
    InstitutionName,
    InstitutionNumber,
    LoginGuide,
    Municipality,
    OnboardingProgress,
    PasswordExpiry,
    PhoneNumber,
    PNumber,
    PostalCode,
    ProblemBatches,
    ProvisioningEstimate,
    Street,
    Username,
    agreement_state_diagram,
    assign_password,
    check_export,
    assigned_password_entropy,
    check_password,
    check_reset_code,
    check_value,
    error_types,
    hash_password,
    is_common_password,
    iter_problems,
    login_guide,
    login_help,
    onboarding_mermaid,
    onboarding_plan,
    parse_record,
    password_expiry,
    password_needs_rehash,
    provisioning_estimate,
    record_keys,
    reset_public_message,
    validate_csv,
    validate_record,
    validate_records,
    validate_request,
    validate_values,
    value_kinds,
)

if TYPE_CHECKING:  # pragma: no cover
    import pydantic_core

    from unilogin._unilogin import _KindName, _Lang

#: The package's version: the Rust workspace's, the same for the crate, the wheel and the npm
#: package.
__version__: str = _unilogin.__version__

__all__ = [
    "AgreementLedger",
    "ArgumentError",
    "AssignmentError",
    "City",
    "Cpr",
    "Cvr",
    "Email",
    "ErrorDict",
    "ExportError",
    "ExportProblem",
    "ExportReport",
    "GrantStore",
    "HouseNumber",
    "InstitutionName",
    "InstitutionNumber",
    "InstitutionType",
    "LegalBasis",
    "LoginGuide",
    "Municipality",
    "OnboardingProgress",
    "PNumber",
    "PasswordExpiry",
    "PhoneNumber",
    "PostalCode",
    "ProblemBatches",
    "ProvisioningEstimate",
    "ResetError",
    "Street",
    "TransitionError",
    "Username",
    "ValidationError",
    "agreement_state_diagram",
    "assign_password",
    "assigned_password_entropy",
    "check_export",
    "check_password",
    "check_reset_code",
    "check_value",
    "error_types",
    "hash_password",
    "is_common_password",
    "iter_problems",
    "login_guide",
    "login_help",
    "onboarding_mermaid",
    "onboarding_plan",
    "parse_record",
    "password_expiry",
    "password_needs_rehash",
    "provisioning_estimate",
    "record_keys",
    "reset_public_message",
    "to_pydantic_error",
    "valid_mask",
    "valid_rows",
    "validate_csv",
    "validate_arrow",
    "validate_frame",
    "validate_record",
    "validate_records",
    "validate_request",
    "validate_values",
    "value_kinds",
]


class LegalBasis(str, enum.Enum):
    """The legal basis of a daycare: dagtilbudsloven § 19, stk. 2, 3, 4 or 5.

    >>> LegalBasis.parse("Privatinstitution, dagtilbudslovens §19, stk. 5")
    <LegalBasis.PRIVAT: 'privat'>
    >>> LegalBasis.SELVEJET.stk, LegalBasis.SELVEJET.label("en")
    (3, 'Self-governing daycare institution')
    >>> LegalBasis.parse("§ 19, stk. 4", accepted=True)
    Traceback (most recent call last):
    ...
    unilogin._errors.ValidationError: Udliciteret daginstitution (dagtilbudslovens § 19, stk. 4) kan ikke vælges her; kun stk. 2, 3 og 5 [legal_basis_not_accepted]
    """

    KOMMUNAL = "kommunal"
    SELVEJET = "selvejet"
    UDLICITERET = "udliciteret"
    PRIVAT = "privat"

    def __str__(self) -> str:
        return self.value

    @classmethod
    def parse(cls, text: str, *, accepted: bool = False, lang: _Lang = "da") -> LegalBasis:
        """Parses a key, a label or the form's wording; ``accepted=True`` refuses stk. 4."""
        return cls(_unilogin.parse_legal_basis(text, accepted=accepted, lang=lang))

    @property
    def stk(self) -> int:
        """The subsection (stk.) of dagtilbudsloven § 19."""
        return _unilogin.legal_basis_info(self.value)[0]

    @property
    def ownership_code(self) -> int:
        """The register's ownership code (ejerformKode)."""
        return _unilogin.legal_basis_info(self.value)[1]

    def label(self, lang: _Lang = "da") -> str:
        """A short label, e.g. "Kommunal daginstitution"."""
        return _unilogin.legal_basis_info(self.value, lang)[2]

    def form_text(self, lang: _Lang = "da") -> str:
        """The wording of STIL's form, e.g. "Kommunal, dagtilbudslovens §19, stk. 2"."""
        return _unilogin.legal_basis_info(self.value, lang)[3]


class InstitutionType(enum.IntEnum):
    """An institution type (instType3 code).

    >>> InstitutionType.parse("børnehave")
    <InstitutionType.BOERNEHAVE: 6011>
    >>> InstitutionType.VUGGESTUE.age_range, InstitutionType.VUGGESTUE.label("en")
    ((0, 2), 'Nursery')
    """

    VUGGESTUE = 6010
    BOERNEHAVE = 6011
    ALDERSINTEGRERET = 6012
    DAGPLEJE = 6013
    TYPE_6014 = 6014
    FRITIDSHJEM = 6020
    KLUB = 6021
    ANDET = 6022

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def parse(cls, text: str, *, accepted: bool = False, lang: _Lang = "da") -> InstitutionType:
        """Parses a code, a Danish or English name, or the form's wording."""
        return cls(_unilogin.parse_institution_type(text, accepted=accepted, lang=lang))

    def label(self, lang: _Lang = "da") -> str:
        """The name, e.g. "Vuggestue" / "Nursery"."""
        return _unilogin.institution_type_info(self.value, lang)[0]

    @property
    def age_range(self) -> Optional[Tuple[int, int]]:
        """The approximate age range in years, for 6010-6012."""
        return _unilogin.institution_type_info(self.value)[1]


def to_pydantic_error(
    errors: Union[ValidationError, List[ErrorDict]], *, title: str = "unilogin"
) -> pydantic_core.ValidationError:
    """Turns problems into a real ``pydantic_core.ValidationError`` (pydantic v2 must be installed).

    >>> import unilogin
    >>> problems = unilogin.validate_request({"cvr": "13585627"}, lang="en")
    >>> err = unilogin.to_pydantic_error(problems[:1], title="Request")
    >>> err.errors()[0]["type"], err.errors()[0]["loc"]
    ('cvr_checksum', ('cvr',))
    """
    from pydantic_core import PydanticCustomError
    from pydantic_core import ValidationError as PydanticValidationError

    items = errors.errors() if isinstance(errors, ValidationError) else errors
    line_errors: List[Any] = [
        {
            "type": PydanticCustomError(e["type"], e["msg"], dict(e["ctx"])),
            "loc": tuple(e["loc"]),
            "input": e["input"],
        }
        for e in items
    ]
    return PydanticValidationError.from_exception_data(title, line_errors)


# The `.unilogin` namespace of polars expressions and Series, when polars is already in use
# (`import unilogin.polars` registers it in any case).
if "polars" in __import__("sys").modules:  # pragma: no cover - depends on import order
    importlib.import_module("unilogin.polars")
