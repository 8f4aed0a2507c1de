//! Passwords (checks, history hashes, assigned passwords) and the five-minute reset grant.

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyType};
use unilogin::credentials::assigned::{self, AssignError};
use unilogin::credentials::check::{self, HashedPassword};
use unilogin::credentials::expiry::{ExpiryPolicy, PasswordExpiry};
use unilogin::credentials::reset::{
    self, GrantId, GrantStore, Issuer, Keyring, OneTimeCode, Redemption, ResetPolicy,
};
use unilogin::form::{self, ExpiryArguments, GrantCode, PasswordArguments};
use unilogin::people::{Role, UserGroup, Username};
use unilogin::rand_core::OsRng;

use crate::convert::{from_mapping, policy_or_stil, serde_key, serialised, texts, to_json, utc};
use crate::errors::{self, Class, Raise};

fn user_group(key: &str) -> PyResult<UserGroup> {
    form::user_group(key).map_err(errors::argument)
}

#[doc = pydoc!("check_password")]
#[pyfunction]
#[pyo3(signature = (password, *, group, names = None, previous_hashes = None, policy = None, lang = "da"))]
pub fn check_password<'py>(
    py: Python<'py>,
    password: &str,
    group: &str,
    names: Option<&Bound<'py, PyAny>>,
    previous_hashes: Option<&Bound<'py, PyAny>>,
    policy: Option<&Bound<'py, PyAny>>,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let l = errors::lang(lang)?;
    let args = PasswordArguments {
        group: group.to_owned(),
        names: texts(names, "names")?,
        history: previous_hashes
            .map(|h| texts(Some(h), "previous_hashes"))
            .transpose()?,
        policy: policy.map(to_json).transpose()?,
    };
    let report = form::check_password(password, &args, "previous_hashes");
    serialised(py, &report.or_raise(py, Class::Validation, l)?.rendered(l))
}

#[doc = pydoc!("hash_password")]
#[pyfunction]
pub fn hash_password(password: &str) -> String {
    HashedPassword::new(password, &mut OsRng).to_string()
}

#[doc = pydoc!("password_needs_rehash")]
#[pyfunction]
pub fn password_needs_rehash(stored: &str) -> PyResult<bool> {
    let entry = form::password_history(&[stored], "stored").map_err(errors::argument)?;
    Ok(entry.iter().any(HashedPassword::needs_rehash))
}

/// The keyring of `keys` ({id: secret bytes}) with `key_id` current; none without keys.
fn keyring(
    py: Python<'_>,
    keys: Option<std::collections::BTreeMap<String, Vec<u8>>>,
    key_id: Option<&str>,
    lang: unilogin::Lang,
) -> PyResult<Keyring> {
    match (keys.filter(|k| !k.is_empty()), key_id) {
        (None, None) => Ok(Keyring::default()),
        (Some(keys), Some(id)) => Keyring::from_keys(id, keys).or_raise(py, Class::Reset, lang),
        (None, Some(_)) => Err(errors::argument(form::ArgumentError::new(
            "keys",
            "key_id names a key, but no keys are given",
        ))),
        (Some(_), None) => Err(errors::argument(form::ArgumentError::new(
            "key_id",
            "keys are given without key_id, the current key",
        ))),
    }
}

#[doc = pydoc!("is_common_password")]
#[pyfunction]
pub fn is_common_password(password: &str) -> bool {
    check::is_common_password(password)
}

#[doc = pydoc!("assign_password")]
#[pyfunction]
#[pyo3(signature = (group, *, names = None, policy = None, lang = "da"))]
pub fn assign_password<'py>(
    py: Python<'py>,
    group: &str,
    names: Option<&Bound<'py, PyAny>>,
    policy: Option<&Bound<'py, PyAny>>,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let l = errors::lang(lang)?;
    let group = user_group(group)?;
    let overrides = policy.map(to_json).transpose()?;
    let policy = form::password_policy(group, overrides.as_ref());
    let policy = policy.or_raise(py, Class::Validation, l)?;
    let names = texts(names, "names")?;
    let name_refs: Vec<&str> = names.iter().map(String::as_str).collect();
    match assigned::assign_with(group, &name_refs, &policy, &mut OsRng) {
        Ok(password) => {
            let out = serialised(py, &password)?;
            out.set_item("shown", password.reveal(l))?;
            Ok(out)
        }
        Err(e @ AssignError::Exhausted(_)) => Err(errors::assignment(py, e.to_string())),
    }
}

#[doc = pydoc!("assigned_password_entropy")]
#[pyfunction]
pub fn assigned_password_entropy(group: &str) -> PyResult<f64> {
    Ok(assigned::entropy_bits(user_group(group)?))
}

#[doc = pydoc!("reset_public_message")]
#[pyfunction]
#[pyo3(signature = (lang = "da"))]
pub fn reset_public_message(lang: &str) -> PyResult<&'static str> {
    Ok(reset::public_message(errors::lang(lang)?))
}

#[doc = pydoc!("check_reset_code")]
#[pyfunction]
#[pyo3(signature = (code, format = "digits6", *, lang = "da"))]
pub fn check_reset_code<'py>(
    py: Python<'py>,
    code: &str,
    format: &str,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let l = errors::lang(lang)?;
    serialised(
        py,
        &form::check_reset_code(format, code).or_raise(py, Class::Reset, l)?,
    )
}

fn redemption<'py>(py: Python<'py>, r: &Redemption) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("grant", r.grant.0)?;
    d.set_item("username", r.username.as_str())?;
    d.set_item("group", r.group.key())?;
    d.set_item("may_choose_own", r.may_choose_own)?;
    d.set_item("at", r.at)?;
    Ok(d)
}

#[doc = pydoc!("GrantStore")]
#[pyclass(name = "GrantStore", module = "unilogin", eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct PyGrantStore(GrantStore);

#[pymethods]
impl PyGrantStore {
    #[new]
    #[pyo3(signature = (*, policy = None, keys = None, key_id = None, lang = "da"))]
    fn new(
        py: Python<'_>,
        policy: Option<&Bound<'_, PyAny>>,
        keys: Option<std::collections::BTreeMap<String, Vec<u8>>>,
        key_id: Option<&str>,
        lang: &str,
    ) -> PyResult<Self> {
        let l = errors::lang(lang)?;
        let policy: ResetPolicy = policy_or_stil(py, policy, l)?;
        let keys = keyring(py, keys, key_id, l)?;
        Ok(Self(GrantStore::with_policy(policy).with_keys(keys)))
    }

    /// The policy as enforced (every value clamped to the range the library accepts).
    #[getter]
    fn policy<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialised(py, &self.0.policy())
    }

    /// Whether new one-time codes are keyed with a host secret (`keys` and `key_id` given).
    #[getter]
    fn keyed(&self) -> bool {
        self.0.is_keyed()
    }

    /// The grants whose one-time code is stored unkeyed: weaker, brute-forceable offline.
    #[getter]
    fn unkeyed_codes(&self) -> Vec<u64> {
        self.0.unkeyed_codes().into_iter().map(|g| g.0).collect()
    }

    /// The time of the last event or refused redemption: a call dated before it is refused.
    #[getter]
    fn last_time(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        self.0.last_time()
    }

    /// Replaces the keys ({id: secret bytes}, `key_id` the current one); keys are never stored.
    #[pyo3(signature = (keys, *, key_id, lang = "da"))]
    fn set_keys(
        &mut self,
        py: Python<'_>,
        keys: std::collections::BTreeMap<String, Vec<u8>>,
        key_id: &str,
        lang: &str,
    ) -> PyResult<()> {
        let l = errors::lang(lang)?;
        self.0.set_keys(keyring(py, Some(keys), Some(key_id), l)?);
        Ok(())
    }

    #[pyo3(signature = (issuer, pupil, at, *, code = None, lang = "da"))]
    fn issue<'py>(
        &mut self,
        py: Python<'py>,
        issuer: &Bound<'py, PyAny>,
        pupil: &Bound<'py, PyAny>,
        at: &Bound<'py, PyAny>,
        code: Option<&Bound<'py, PyAny>>,
        lang: &str,
    ) -> PyResult<Bound<'py, PyDict>> {
        let l = errors::lang(lang)?;
        let issuer: Issuer = from_mapping(py, issuer, l)?;
        let pupil = form::reset_pupil(to_json(pupil)?).or_raise(py, Class::Reset, l)?;
        let at = utc(at)?;
        let code = match code.filter(|c| !c.is_none()) {
            None => GrantCode::Without,
            Some(c) => match c.cast::<PyBool>() {
                Ok(flag) if flag.is_true() => GrantCode::Generated,
                Ok(_) => GrantCode::Without,
                Err(_) => GrantCode::Given(c.extract()?),
            },
        };
        let grant = form::issue_reset_grant(&mut self.0, &issuer, &pupil, at, code, &mut OsRng)
            .or_raise(py, Class::Reset, l)?;
        let d = PyDict::new(py);
        d.set_item("grant", grant.grant.0)?;
        d.set_item("expires_at", grant.expires_at)?;
        d.set_item("code", grant.code.as_ref().map(OneTimeCode::reveal))?;
        Ok(d)
    }

    #[pyo3(signature = (username, at, *, code = None, lang = "da"))]
    fn redeem<'py>(
        &mut self,
        py: Python<'py>,
        username: &str,
        at: &Bound<'py, PyAny>,
        code: Option<&str>,
        lang: &str,
    ) -> PyResult<Bound<'py, PyDict>> {
        self.redeem_any(py, None, username, at, code, lang)
    }

    #[pyo3(signature = (grant, username, at, *, code = None, lang = "da"))]
    fn redeem_grant<'py>(
        &mut self,
        py: Python<'py>,
        grant: u64,
        username: &str,
        at: &Bound<'py, PyAny>,
        code: Option<&str>,
        lang: &str,
    ) -> PyResult<Bound<'py, PyDict>> {
        self.redeem_any(py, Some(GrantId(grant)), username, at, code, lang)
    }

    #[pyo3(signature = (grant, at, *, lang = "da"))]
    fn status(
        &self,
        py: Python<'_>,
        grant: u64,
        at: &Bound<'_, PyAny>,
        lang: &str,
    ) -> PyResult<String> {
        let l = errors::lang(lang)?;
        let at = utc(at)?;
        let g = self.0.grant(GrantId(grant)).or_raise(py, Class::Reset, l)?;
        Ok(g.status(at).to_string())
    }

    #[pyo3(signature = (grant, *, lang = "da"))]
    fn grant<'py>(&self, py: Python<'py>, grant: u64, lang: &str) -> PyResult<Bound<'py, PyAny>> {
        let l = errors::lang(lang)?;
        let g = self.0.grant(GrantId(grant)).or_raise(py, Class::Reset, l)?;
        let out = serialised(py, g)?;
        out.set_item("issued_at", g.issued_at)?;
        out.set_item("expires_at", g.expires_at)?;
        out.set_item("has_code", g.has_code())?;
        out.set_item("code_keyed", g.code_is_keyed())?;
        Ok(out)
    }

    fn latest(&self, username: &str) -> Option<u64> {
        Username::parse(username)
            .ok()
            .and_then(|u| self.0.latest(&u).map(|g| g.id.0))
    }

    fn __len__(&self) -> usize {
        self.0.grants().len()
    }

    fn to_json(&self) -> String {
        self.0.to_json()
    }

    #[classmethod]
    #[pyo3(signature = (text, *, policy = None, keys = None, key_id = None, lang = "da"))]
    fn from_json(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        text: &str,
        policy: Option<&Bound<'_, PyAny>>,
        keys: Option<std::collections::BTreeMap<String, Vec<u8>>>,
        key_id: Option<&str>,
        lang: &str,
    ) -> PyResult<Self> {
        let l = errors::lang(lang)?;
        let keys = keyring(py, keys, key_id, l)?;
        let mut store = GrantStore::from_json(text).or_raise(py, Class::Reset, l)?;
        if let Some(p) = policy {
            store.set_policy(from_mapping(py, p, l)?);
        }
        Ok(Self(store.with_keys(keys)))
    }

    fn __repr__(&self) -> String {
        format!(
            "GrantStore(grants={}, keyed={})",
            self.0.grants().len(),
            if self.0.is_keyed() { "True" } else { "False" }
        )
    }
}

impl PyGrantStore {
    /// Redeems the pupil's latest grant, or the grant `grant` when given.
    fn redeem_any<'py>(
        &mut self,
        py: Python<'py>,
        grant: Option<GrantId>,
        username: &str,
        at: &Bound<'py, PyAny>,
        code: Option<&str>,
        lang: &str,
    ) -> PyResult<Bound<'py, PyDict>> {
        let l = errors::lang(lang)?;
        let user = form::reset_username(username).or_raise(py, Class::Reset, l)?;
        let at = utc(at)?;
        let redeemed = match grant {
            None => self.0.redeem(&user, code, at),
            Some(id) => self.0.redeem_grant(id, &user, code, at),
        };
        redemption(py, &redeemed.or_raise(py, Class::Reset, l)?)
    }
}

#[doc = pydoc!("PasswordExpiry")]
#[pyclass(name = "PasswordExpiry", module = "unilogin", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct PyPasswordExpiry(PasswordExpiry);

#[pymethods]
impl PyPasswordExpiry {
    /// The first instant at which the password is expired, or `None`.
    #[getter]
    fn must_change_by(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        self.0.must_change_by
    }

    /// The first instant at which to warn, or `None`.
    #[getter]
    fn warn_from(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        self.0.warn_from
    }

    /// `band_change`, `yearly` or `until_band_change`.
    #[getter]
    fn reason(&self) -> PyResult<String> {
        serde_key(&self.0.reason, Some("reason"))
    }

    /// `ok`, `warn` or `expired` at `now`.
    fn status(&self, now: &Bound<'_, PyAny>) -> PyResult<String> {
        serde_key(&self.0.status(utc(now)?), None)
    }

    /// The core's JSON form (times as RFC 3339 text).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialised(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "PasswordExpiry(reason={:?}, must_change_by={:?})",
            self.reason().unwrap_or_default(),
            self.0.must_change_by.map(|t| t.to_rfc3339())
        )
    }
}

#[doc = pydoc!("password_expiry")]
#[pyfunction]
#[pyo3(signature = (last_change, *, group = None, grade = None, role = None, on = None, band_changed_on = None, policy = None, lang = "da"))]
#[allow(
    clippy::too_many_arguments,
    reason = "the keyword arguments of the Python function, one parameter each"
)]
pub fn password_expiry(
    py: Python<'_>,
    last_change: &Bound<'_, PyAny>,
    group: Option<&str>,
    grade: Option<u8>,
    role: Option<&Bound<'_, PyAny>>,
    on: Option<chrono::NaiveDate>,
    band_changed_on: Option<chrono::NaiveDate>,
    policy: Option<&Bound<'_, PyAny>>,
    lang: &str,
) -> PyResult<PyPasswordExpiry> {
    let l = errors::lang(lang)?;
    let last = utc(last_change)?;
    let policy: ExpiryPolicy = policy_or_stil(py, policy, l)?;
    let role: Option<Role> = role.map(|r| from_mapping(py, r, l)).transpose()?;
    let args = ExpiryArguments {
        group,
        grade,
        role,
        on,
        band_changed_on,
    };
    let expiry = form::password_expiry(&args, last, &policy);
    Ok(PyPasswordExpiry(expiry.or_raise(
        py,
        Class::Validation,
        l,
    )?))
}
