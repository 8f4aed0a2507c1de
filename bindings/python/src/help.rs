//! Provisioning estimates and login help.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use unilogin::form::{self, EstimateArguments};
use unilogin::login::{Guide, LoginPolicy, UserFacts};
use unilogin::people::Role;
use unilogin::provisioning::Estimate;

use crate::convert::{optional_text, policy_or_stil, refuse_str, serialised, utc};
use crate::errors::{self, Class, Raise};

#[doc = pydoc!("ProvisioningEstimate")]
#[pyclass(name = "ProvisioningEstimate", module = "unilogin", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct ProvisioningEstimate(Estimate);

#[pymethods]
impl ProvisioningEstimate {
    #[getter]
    fn created_at(&self) -> chrono::DateTime<chrono::Utc> {
        self.0.created_at
    }

    #[getter]
    fn readiness(&self) -> &'static str {
        self.0.readiness.key()
    }

    #[getter]
    fn next_import<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        let Some(next) = self.0.next_import else {
            return Ok(None);
        };
        let d = PyDict::new(py);
        d.set_item("at", next.at)?;
        d.set_item("local", next.local)?;
        d.set_item("scheduled", next.scheduled.to_string())?;
        d.set_item("clock", next.clock.key())?;
        Ok(Some(d))
    }

    #[getter]
    fn typical_ready(&self) -> chrono::DateTime<chrono::Utc> {
        self.0.typical_ready
    }

    #[getter]
    fn latest_ready(&self) -> chrono::DateTime<chrono::Utc> {
        self.0.latest_ready
    }

    fn status(&self, now: &Bound<'_, PyAny>) -> PyResult<&'static str> {
        Ok(self.0.status(utc(now)?).key())
    }

    #[pyo3(signature = (lang = "da"))]
    fn summary(&self, lang: &str) -> PyResult<String> {
        Ok(self.0.summary().get(errors::lang(lang)?).to_owned())
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialised(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "ProvisioningEstimate(readiness={:?}, typical_ready={:?})",
            self.0.readiness.key(),
            self.0.typical_ready.to_rfc3339()
        )
    }
}

#[doc = pydoc!("provisioning_estimate")]
#[pyfunction]
#[pyo3(signature = (created_at, *, already_has_unilogin = false, schedule = None, typical_hours_after_creation = None, latest_hours_after_import = None, lang = "da"))]
pub fn provisioning_estimate(
    py: Python<'_>,
    created_at: &Bound<'_, PyAny>,
    already_has_unilogin: bool,
    schedule: Option<&Bound<'_, PyAny>>,
    typical_hours_after_creation: Option<u16>,
    latest_hours_after_import: Option<u16>,
    lang: &str,
) -> PyResult<ProvisioningEstimate> {
    let l = errors::lang(lang)?;
    let schedule = match schedule.filter(|s| !s.is_none()) {
        Some(times) => {
            let message = || "schedule must be a sequence of \"HH:MM\" texts, not a str".into();
            refuse_str(times, message)?;
            Some(times.extract::<Vec<String>>()?)
        }
        None => None,
    };
    let args = EstimateArguments {
        schedule: schedule.as_deref(),
        typical_hours_after_creation,
        latest_hours_after_import,
    };
    let policy = form::provisioning_policy(&args).or_raise(py, Class::Validation, l)?;
    Ok(ProvisioningEstimate(
        policy.estimate(utc(created_at)?, already_has_unilogin),
    ))
}

#[doc = pydoc!("LoginGuide")]
#[pyclass(name = "LoginGuide", module = "unilogin", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct LoginGuide(Guide);

#[pymethods]
impl LoginGuide {
    #[getter]
    fn task(&self) -> &'static str {
        self.0.task.key()
    }

    #[getter]
    fn cause(&self) -> Option<&'static str> {
        self.0.cause.map(unilogin::login::FailureCause::key)
    }

    #[getter]
    fn step_ids(&self) -> Vec<&'static str> {
        self.0
            .step_ids()
            .into_iter()
            .map(unilogin::login::StepId::key)
            .collect()
    }

    #[getter]
    fn helper_ids(&self) -> Vec<&'static str> {
        self.0
            .helper_ids()
            .into_iter()
            .map(unilogin::login::HelperId::key)
            .collect()
    }

    #[getter]
    fn cannot_help_ids(&self) -> Vec<&'static str> {
        self.0.cannot_help.iter().map(|h| h.id.key()).collect()
    }

    #[pyo3(signature = (lang = "da"))]
    fn to_text(&self, lang: &str) -> PyResult<String> {
        Ok(self.0.to_text(errors::lang(lang)?))
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialised(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "LoginGuide({:?}, steps={})",
            self.0.task.key(),
            self.0.steps.len()
        )
    }
}

#[doc = pydoc!("login_guide")]
#[pyfunction]
#[pyo3(signature = (task, *, role, has_own_mitid, grade = None, age = None, cause = None, policy = None, lang = "da"))]
#[allow(
    clippy::too_many_arguments,
    reason = "the keyword arguments of the Python function, one parameter each"
)]
pub fn login_guide(
    py: Python<'_>,
    task: &str,
    role: &str,
    has_own_mitid: bool,
    grade: Option<&Bound<'_, PyAny>>,
    age: Option<u8>,
    cause: Option<&str>,
    policy: Option<&Bound<'_, PyAny>>,
    lang: &str,
) -> PyResult<LoginGuide> {
    let l = errors::lang(lang)?;
    let (user, policy) = user_and_policy(py, role, has_own_mitid, grade, age, policy, l)?;
    let guide = form::login_guide(task, cause, &user, &policy).map_err(errors::argument)?;
    Ok(LoginGuide(guide))
}

#[doc = pydoc!("login_help")]
#[pyfunction]
#[pyo3(signature = (message, *, role, has_own_mitid, grade = None, age = None, policy = None, lang = "da"))]
#[allow(
    clippy::too_many_arguments,
    reason = "the keyword arguments of the Python function, one parameter each"
)]
pub fn login_help(
    py: Python<'_>,
    message: &str,
    role: &str,
    has_own_mitid: bool,
    grade: Option<&Bound<'_, PyAny>>,
    age: Option<u8>,
    policy: Option<&Bound<'_, PyAny>>,
    lang: &str,
) -> PyResult<Vec<LoginGuide>> {
    let l = errors::lang(lang)?;
    let (user, policy) = user_and_policy(py, role, has_own_mitid, grade, age, policy, l)?;
    let guides = Guide::for_message(message, &user, &policy)
        .map_err(|e| errors::value_error(py, e, message, l))?;
    Ok(guides.into_iter().map(LoginGuide).collect())
}

/// The user facts and login policy of the keyword arguments.
fn user_and_policy(
    py: Python<'_>,
    role: &str,
    has_own_mitid: bool,
    grade: Option<&Bound<'_, PyAny>>,
    age: Option<u8>,
    policy: Option<&Bound<'_, PyAny>>,
    l: unilogin::Lang,
) -> PyResult<(UserFacts, LoginPolicy)> {
    let grade = optional_text(grade)?;
    let role =
        Role::parse(role, grade.as_deref()).map_err(|e| errors::value_error(py, e, role, l))?;
    let user = UserFacts::new(role, has_own_mitid, age);
    let policy: LoginPolicy = policy_or_stil(py, policy, l)?;
    Ok((user, policy))
}
