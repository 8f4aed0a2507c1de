//! Replaying a stored agreement ledger (`Ledger::from_json`): a ledger that loads saves and
//! loads again to the same text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unilogin::agreement::Ledger;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(ledger) = Ledger::from_json(&text) {
        let saved = ledger.to_json();
        let again = Ledger::from_json(&saved).expect("a saved ledger loads");
        assert_eq!(again.to_json(), saved);
    }
});
