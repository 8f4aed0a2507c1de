//! The provisioning estimate's policy as a binding assembles it: STIL's defaults with the
//! host's schedule and lags, each optional.

use crate::provisioning::{ImportSchedule, ProvisioningPolicy};
use crate::Problems;

/// The host's changes to STIL's provisioning policy, as a binding's arguments name them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EstimateArguments<'a> {
    /// The Danish local import times as `HH:MM` texts.
    pub schedule: Option<&'a [String]>,
    /// Hours after creation by which a user typically can use Unilogin.
    pub typical_hours_after_creation: Option<u16>,
    /// Hours after the import by which a user at the latest can use Unilogin.
    pub latest_hours_after_import: Option<u16>,
}

/// STIL's provisioning policy ([`ProvisioningPolicy::stil`]) with what `args` gives instead.
///
/// ```
/// use unilogin::form::{provisioning_policy, EstimateArguments};
/// let times = ["06:00".to_owned(), "18:00".to_owned()];
/// let args = EstimateArguments { schedule: Some(&times), ..EstimateArguments::default() };
/// let policy = provisioning_policy(&args)?;
/// assert_eq!((policy.schedule.times().len(), policy.typical_hours_after_creation), (2, 24));
/// # Ok::<(), unilogin::Problems>(())
/// ```
///
/// # Errors
/// The schedule's problems ([`ImportSchedule::parse`]), each at its index.
pub fn provisioning_policy(args: &EstimateArguments<'_>) -> Result<ProvisioningPolicy, Problems> {
    let stil = ProvisioningPolicy::stil();
    Ok(ProvisioningPolicy {
        schedule: match args.schedule {
            Some(times) => ImportSchedule::parse(times)?,
            None => stil.schedule,
        },
        typical_hours_after_creation: args
            .typical_hours_after_creation
            .unwrap_or(stil.typical_hours_after_creation),
        latest_hours_after_import: args
            .latest_hours_after_import
            .unwrap_or(stil.latest_hours_after_import),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_is_given_replaces_the_defaults() {
        assert_eq!(
            provisioning_policy(&EstimateArguments::default()),
            Ok(ProvisioningPolicy::stil())
        );
        let args = EstimateArguments {
            latest_hours_after_import: Some(72),
            ..EstimateArguments::default()
        };
        let policy = provisioning_policy(&args).unwrap();
        assert_eq!(
            (
                policy.typical_hours_after_creation,
                policy.latest_hours_after_import
            ),
            (24, 72)
        );
        let bad = ["02:00".to_owned(), "26:00".to_owned()];
        let args = EstimateArguments {
            schedule: Some(&bad),
            ..EstimateArguments::default()
        };
        let problems = provisioning_policy(&args).unwrap_err();
        assert_eq!(problems.as_slice()[0].kind().code(), "time_format");
    }
}
