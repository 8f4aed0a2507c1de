//! Data-access agreements: the ledger and its append-only history.

use chrono::{DateTime, Utc};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyType};
use serde::de::DeserializeOwned;
use unilogin::agreement::{
    self, AgreementId, AgreementPolicy, DataAccessRequest, Decision, Ledger, Person,
};
use unilogin::{FieldError, Lang};

use crate::convert::{serialised, to_json, utc};
use crate::errors::{self, Class};

/// A value of the core's serde JSON form, from a Python mapping; `json_invalid` when it does
/// not have that form.
pub fn from_mapping<T: DeserializeOwned>(
    py: Python<'_>,
    value: &Bound<'_, PyAny>,
    lang: Lang,
) -> PyResult<T> {
    let json = to_json(value)?;
    serde_json::from_value(json).map_err(|e| {
        errors::state_error(
            py,
            Class::Validation,
            errors::json_invalid(e.to_string()),
            lang,
        )
    })
}

fn decision(key: &str, dpa_in_place: bool) -> PyResult<Decision> {
    unilogin::form::decision(key, dpa_in_place).map_err(errors::argument)
}

/// What ends an agreement: the ledger's `close` or `withdraw`.
type End =
    fn(&mut Ledger, AgreementId, &Person, DateTime<Utc>, Option<&str>) -> Result<(), FieldError>;

/// All data-access agreements and their append-only history.
#[pyclass(name = "AgreementLedger", module = "unilogin", eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct AgreementLedger(Ledger);

#[pymethods]
impl AgreementLedger {
    #[new]
    #[pyo3(signature = (*, require_dpa = false))]
    fn new(require_dpa: bool) -> Self {
        Self(Ledger::with_policy(AgreementPolicy { require_dpa }))
    }

    #[pyo3(signature = (request, *, by, at, lang = "da"))]
    fn request(
        &mut self,
        py: Python<'_>,
        request: &Bound<'_, PyAny>,
        by: &Bound<'_, PyAny>,
        at: &Bound<'_, PyAny>,
        lang: &str,
    ) -> PyResult<Vec<u64>> {
        let l = errors::lang(lang)?;
        let request: DataAccessRequest = from_mapping(py, request, l)?;
        let by: Person = from_mapping(py, by, l)?;
        let at = utc(at)?;
        self.0
            .request(&request, &by, at)
            .map(|ids| ids.into_iter().map(|id| id.0).collect())
            .map_err(|problems| errors::raise(py, Class::Transition, &problems, l))
    }

    #[pyo3(signature = (agreement, decision, *, by, at, dpa_in_place = false, comment = None, lang = "da"))]
    #[allow(
        clippy::too_many_arguments,
        reason = "the keyword arguments of the Python method, one parameter each"
    )]
    fn decide<'py>(
        &mut self,
        py: Python<'py>,
        agreement: u64,
        decision: &str,
        by: &Bound<'py, PyAny>,
        at: &Bound<'py, PyAny>,
        dpa_in_place: bool,
        comment: Option<&str>,
        lang: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let l = errors::lang(lang)?;
        let decision = self::decision(decision, dpa_in_place)?;
        let by: Person = from_mapping(py, by, l)?;
        let at = utc(at)?;
        match self
            .0
            .decide(AgreementId(agreement), decision, &by, at, comment)
        {
            Ok(outcome) => errors::problem_list(py, &outcome.warnings, l),
            Err(e) => Err(errors::state_error(py, Class::Transition, e, l)),
        }
    }

    /// Decides several agreements; one result per id: a list of warnings or the exception.
    #[pyo3(signature = (agreements, decision, *, by, at, dpa_in_place = false, comment = None, lang = "da"))]
    #[allow(
        clippy::too_many_arguments,
        reason = "the keyword arguments of the Python method, one parameter each"
    )]
    fn decide_many<'py>(
        &mut self,
        py: Python<'py>,
        agreements: Vec<u64>,
        decision: &str,
        by: &Bound<'py, PyAny>,
        at: &Bound<'py, PyAny>,
        dpa_in_place: bool,
        comment: Option<&str>,
        lang: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let l = errors::lang(lang)?;
        let decision = self::decision(decision, dpa_in_place)?;
        let by: Person = from_mapping(py, by, l)?;
        let at = utc(at)?;
        let ids: Vec<AgreementId> = agreements.into_iter().map(AgreementId).collect();
        let out = PyList::empty(py);
        for result in self.0.decide_many(&ids, decision, &by, at, comment) {
            match result {
                Ok(outcome) => out.append(errors::problem_list(py, &outcome.warnings, l)?)?,
                Err(e) => {
                    out.append(errors::state_error(py, Class::Transition, e, l).into_value(py))?;
                }
            }
        }
        Ok(out)
    }

    #[pyo3(signature = (agreement, *, by, at, comment = None, lang = "da"))]
    fn close(
        &mut self,
        py: Python<'_>,
        agreement: u64,
        by: &Bound<'_, PyAny>,
        at: &Bound<'_, PyAny>,
        comment: Option<&str>,
        lang: &str,
    ) -> PyResult<()> {
        self.end(py, Ledger::close, (agreement, by, at, comment), lang)
    }

    #[pyo3(signature = (agreement, *, by, at, comment = None, lang = "da"))]
    fn withdraw(
        &mut self,
        py: Python<'_>,
        agreement: u64,
        by: &Bound<'_, PyAny>,
        at: &Bound<'_, PyAny>,
        comment: Option<&str>,
        lang: &str,
    ) -> PyResult<()> {
        self.end(py, Ledger::withdraw, (agreement, by, at, comment), lang)
    }

    #[pyo3(signature = (agreement, *, lang = "da"))]
    fn agreement<'py>(
        &self,
        py: Python<'py>,
        agreement: u64,
        lang: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let l = errors::lang(lang)?;
        match self.0.agreement(AgreementId(agreement)) {
            Ok(a) => serialised(py, a),
            Err(e) => Err(errors::state_error(py, Class::Transition, e, l)),
        }
    }

    #[pyo3(signature = (agreement, *, lang = "da"))]
    fn state(&self, py: Python<'_>, agreement: u64, lang: &str) -> PyResult<String> {
        let l = errors::lang(lang)?;
        match self.0.agreement(AgreementId(agreement)) {
            Ok(a) => Ok(a.state.to_string()),
            Err(e) => Err(errors::state_error(py, Class::Transition, e, l)),
        }
    }

    fn agreements<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialised(py, &self.0.agreements())
    }

    fn events<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialised(py, &self.0.events())
    }

    #[pyo3(signature = (agreement, *, lang = "da"))]
    fn history<'py>(
        &self,
        py: Python<'py>,
        agreement: u64,
        lang: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let l = errors::lang(lang)?;
        match self.0.history(AgreementId(agreement)) {
            Ok(events) => serialised(py, &events),
            Err(e) => Err(errors::state_error(py, Class::Transition, e, l)),
        }
    }

    fn notifications<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialised(py, &self.0.notifications())
    }

    fn to_json(&self) -> String {
        self.0.to_json()
    }

    #[classmethod]
    #[pyo3(signature = (text, *, require_dpa = false, lang = "da"))]
    fn from_json(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        text: &str,
        require_dpa: bool,
        lang: &str,
    ) -> PyResult<Self> {
        let l = errors::lang(lang)?;
        let mut ledger = Ledger::from_json(text)
            .map_err(|e| errors::state_error(py, Class::Validation, e, l))?;
        ledger.set_policy(AgreementPolicy { require_dpa });
        Ok(Self(ledger))
    }

    fn __len__(&self) -> usize {
        self.0.agreements().len()
    }

    fn __repr__(&self) -> String {
        format!(
            "AgreementLedger(agreements={}, events={})",
            self.0.agreements().len(),
            self.0.events().len()
        )
    }
}

/// `agreement_state_diagram(*, lang="da") -> str`
#[pyfunction]
#[pyo3(signature = (*, lang = "da"))]
pub fn agreement_state_diagram(lang: &str) -> PyResult<String> {
    Ok(agreement::state_diagram(errors::lang(lang)?))
}

impl AgreementLedger {
    /// Closes or withdraws `agreement` by the person `by` at `at`, with an optional comment.
    fn end(
        &mut self,
        py: Python<'_>,
        end: End,
        (agreement, by, at, comment): (u64, &Bound<'_, PyAny>, &Bound<'_, PyAny>, Option<&str>),
        lang: &str,
    ) -> PyResult<()> {
        let l = errors::lang(lang)?;
        let by: Person = from_mapping(py, by, l)?;
        end(&mut self.0, AgreementId(agreement), &by, utc(at)?, comment)
            .map_err(|e| errors::state_error(py, Class::Transition, e, l))
    }
}
