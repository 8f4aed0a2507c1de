//! Data-access agreements: the ledger and its append-only history.

use chrono::{DateTime, Utc};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyType};
use unilogin::agreement::{
    self, Agreement, AgreementId, AgreementPolicy, DataAccessRequest, Decision, Ledger, Person,
};
use unilogin::{FieldError, Lang};

use crate::convert::{from_mapping, serialised, utc};
use crate::errors::{self, Class, Raise};

/// What ends an agreement: the ledger's `close` or `withdraw`.
type End =
    fn(&mut Ledger, AgreementId, &Person, DateTime<Utc>, Option<&str>) -> Result<(), FieldError>;

#[doc = pydoc!("AgreementLedger")]
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
            .or_raise(py, Class::Transition, l)
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
        let (decision, by, at, l) = decision_args(py, decision, dpa_in_place, by, at, lang)?;
        let outcome = (self.0)
            .decide(AgreementId(agreement), decision, &by, at, comment)
            .or_raise(py, Class::Transition, l)?;
        errors::problem_list(py, &outcome.warnings, l)
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
        let (decision, by, at, l) = decision_args(py, decision, dpa_in_place, by, at, lang)?;
        let ids: Vec<AgreementId> = agreements.into_iter().map(AgreementId).collect();
        let out = PyList::empty(py);
        for result in self.0.decide_many(&ids, decision, &by, at, comment) {
            match result.or_raise(py, Class::Transition, l) {
                Ok(outcome) => out.append(errors::problem_list(py, &outcome.warnings, l)?)?,
                Err(e) => out.append(e.into_value(py))?,
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
        serialised(py, self.find(py, agreement, lang)?)
    }

    #[pyo3(signature = (agreement, *, lang = "da"))]
    fn state(&self, py: Python<'_>, agreement: u64, lang: &str) -> PyResult<String> {
        Ok(self.find(py, agreement, lang)?.state.to_string())
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
        let events = self.0.history(AgreementId(agreement));
        serialised(py, &events.or_raise(py, Class::Transition, l)?)
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
        let mut ledger = Ledger::from_json(text).or_raise(py, Class::Validation, l)?;
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

#[doc = pydoc!("agreement_state_diagram")]
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
        end(&mut self.0, AgreementId(agreement), &by, utc(at)?, comment).or_raise(
            py,
            Class::Transition,
            l,
        )
    }

    /// The agreement with this id.
    fn find(&self, py: Python<'_>, agreement: u64, lang: &str) -> PyResult<&Agreement> {
        let l = errors::lang(lang)?;
        self.0
            .agreement(AgreementId(agreement))
            .or_raise(py, Class::Transition, l)
    }
}

/// The arguments of a decision, in the order Python reads them.
fn decision_args(
    py: Python<'_>,
    decision: &str,
    dpa_in_place: bool,
    by: &Bound<'_, PyAny>,
    at: &Bound<'_, PyAny>,
    lang: &str,
) -> PyResult<(Decision, Person, DateTime<Utc>, Lang)> {
    let l = errors::lang(lang)?;
    let decision = unilogin::form::decision(decision, dpa_in_place).map_err(errors::argument)?;
    Ok((decision, from_mapping(py, by, l)?, utc(at)?, l))
}
