//! Loading stored onboarding progress (`Progress::from_json`), and using what loads.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unilogin::onboarding::Progress;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(progress) = Progress::from_json(&text) {
        let _ = progress.summary();
        let _ = progress.next_steps(None);
        let _ = progress.is_complete();
    }
});
