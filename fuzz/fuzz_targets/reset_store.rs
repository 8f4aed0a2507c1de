//! Loading a stored reset-grant store (`GrantStore::from_json`): a store that loads saves and
//! loads again to the same text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unilogin::credentials::reset::GrantStore;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(store) = GrantStore::from_json(&text) {
        let saved = store.to_json();
        let again = GrantStore::from_json(&saved).expect("a saved store loads");
        assert_eq!(again.to_json(), saved);
    }
});
