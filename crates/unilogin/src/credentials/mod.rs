//! Credentials: password rules per user group, assigned passwords, expiry and the five-minute
//! teacher-issued reset.
//!
//! Sources: STIL's guidance on Unilogin passwords and Elevadgang (viden.stil.dk). See `docs/passwords.md`, `docs/word-list.md`,
//! `docs/expiry.md` and `docs/reset.md`.
//!
//! - [`check`]: password policy per user group and the checker with its live checklist;
//! - [`assigned`]: the passwords Unilogin assigns (pictures, compound words);
//! - [`expiry`]: when a password must be changed and when to warn;
//! - [`reset`]: the five-minute reset grant a teacher issues in Elevadgang.

pub mod assigned;
pub mod check;
mod digest;
pub mod expiry;
pub mod reset;
