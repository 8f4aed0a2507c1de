//! The password checker for every group (with names from the input) and the stored-hash
//! parser. A report never holds the password's text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unilogin::credentials::check::{
    check_password, HashedPassword, PasswordContext, PasswordPolicy,
};
use unilogin::people::UserGroup;
use unilogin::Lang;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (password, names) = text.split_once('\n').unwrap_or((&text, ""));
    let names: Vec<&str> = names.lines().collect();
    for group in UserGroup::ALL {
        let context = PasswordContext::new(group).with_names(&names);
        if let Ok(report) = check_password(password, &context, &PasswordPolicy::stil(group)) {
            let rendered = serde_json::to_string(&report.rendered(Lang::En)).unwrap_or_default();
            // Long enough not to be a word of a label, and nothing JSON escapes.
            let distinctive = password.chars().count() >= 12 && password.contains('~');
            if distinctive
                && !password.contains(['"', '\\'])
                && !password.chars().any(char::is_control)
            {
                assert!(!rendered.contains(password));
            }
        }
    }
    if let Ok(hash) = HashedPassword::parse(&text) {
        let _ = hash.matches(password);
    }
});
