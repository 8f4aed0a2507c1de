//! Onboarding plans and progress.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyType};
use unilogin::form;
use unilogin::onboarding::{Actor, Plan, Progress, StepId};

use crate::convert::{serialised, utc};
use crate::errors::{self, Class, Raise};

fn step_id(key: &str) -> PyResult<StepId> {
    form::onboarding_step(key).map_err(errors::argument)
}

fn actor(key: &str) -> PyResult<Actor> {
    form::onboarding_actor(key).map_err(errors::argument)
}

fn plan(py: Python<'_>, legal_basis: &str, lang: &str) -> PyResult<Plan> {
    let lang = errors::lang(lang)?;
    form::onboarding_plan(legal_basis).or_raise(py, Class::Validation, lang)
}

#[doc = pydoc!("onboarding_plan")]
#[pyfunction]
#[pyo3(signature = (legal_basis, *, lang = "da"))]
pub fn onboarding_plan<'py>(
    py: Python<'py>,
    legal_basis: &str,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    serialised(py, &plan(py, legal_basis, lang)?)
}

#[doc = pydoc!("onboarding_mermaid")]
#[pyfunction]
#[pyo3(signature = (legal_basis, *, lang = "da"))]
pub fn onboarding_mermaid(py: Python<'_>, legal_basis: &str, lang: &str) -> PyResult<String> {
    let l = errors::lang(lang)?;
    Ok(plan(py, legal_basis, lang)?.to_mermaid(l))
}

#[doc = pydoc!("OnboardingProgress")]
#[pyclass(name = "OnboardingProgress", module = "unilogin", eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct OnboardingProgress(Progress);

#[pymethods]
impl OnboardingProgress {
    #[new]
    #[pyo3(signature = (legal_basis, *, lang = "da"))]
    fn new(py: Python<'_>, legal_basis: &str, lang: &str) -> PyResult<Self> {
        let l = errors::lang(lang)?;
        form::onboarding_progress(legal_basis)
            .map(Self)
            .or_raise(py, Class::Validation, l)
    }

    #[getter]
    fn legal_basis(&self) -> &'static str {
        self.0.legal_basis().key()
    }

    fn plan<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialised(py, self.0.plan())
    }

    #[pyo3(signature = (step, actor, *, lang = "da"))]
    fn check(&self, py: Python<'_>, step: &str, actor: &str, lang: &str) -> PyResult<()> {
        let l = errors::lang(lang)?;
        self.0
            .check(step_id(step)?, self::actor(actor)?)
            .or_raise(py, Class::Transition, l)
    }

    #[pyo3(signature = (step, actor, at, *, lang = "da"))]
    fn complete(
        &mut self,
        py: Python<'_>,
        step: &str,
        actor: &str,
        at: &Bound<'_, PyAny>,
        lang: &str,
    ) -> PyResult<()> {
        let l = errors::lang(lang)?;
        let at = utc(at)?;
        self.0
            .complete(step_id(step)?, self::actor(actor)?, at)
            .or_raise(py, Class::Transition, l)
    }

    fn is_done(&self, step: &str) -> PyResult<bool> {
        Ok(self.0.is_done(step_id(step)?))
    }

    #[getter]
    fn is_complete(&self) -> bool {
        self.0.is_complete()
    }

    fn open_prerequisites(&self, step: &str) -> PyResult<Vec<&'static str>> {
        Ok(self
            .0
            .open_prerequisites(step_id(step)?)
            .into_iter()
            .map(StepId::key)
            .collect())
    }

    #[pyo3(signature = (actor = None))]
    fn next_steps<'py>(
        &self,
        py: Python<'py>,
        actor: Option<&str>,
    ) -> PyResult<Bound<'py, PyList>> {
        let actor = actor.map(self::actor).transpose()?;
        let out = PyList::empty(py);
        for step in self.0.next_steps(actor) {
            out.append(serialised(py, step)?)?;
        }
        Ok(out)
    }

    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialised(py, &self.0.summary())
    }

    #[getter]
    fn completions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for c in self.0.completions() {
            let d = PyDict::new(py);
            d.set_item("step", c.step.key())?;
            d.set_item("actor", c.actor.key())?;
            d.set_item("at", c.at)?;
            out.append(d)?;
        }
        Ok(out)
    }

    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string(&self.0).map_err(|e| PyValueError::new_err(e.to_string()))
    }

    #[classmethod]
    #[pyo3(signature = (text, *, lang = "da"))]
    fn from_json(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        text: &str,
        lang: &str,
    ) -> PyResult<Self> {
        let l = errors::lang(lang)?;
        Progress::from_json(text)
            .map(Self)
            .or_raise(py, Class::Validation, l)
    }

    fn __repr__(&self) -> String {
        let s = self.0.summary();
        format!(
            "OnboardingProgress({:?}, done={}, complete={})",
            self.0.legal_basis().key(),
            s.done,
            if s.complete { "True" } else { "False" }
        )
    }
}
