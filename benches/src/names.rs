//! Institution names and the words e-mail addresses are made of.

use crate::places::ascii_spelled;

/// The first words of institution names.
pub(crate) const NAME_PREFIXES: [&str; 10] = [
    "Børnehuset",
    "Børnehaven",
    "Vuggestuen",
    "Privatinstitutionen",
    "Naturbørnehaven",
    "Den Integrerede Institution",
    "Daginstitutionen",
    "Skovbørnehaven",
    "Børnegården",
    "Menighedsbørnehaven",
];

/// The names proper of institutions.
pub(crate) const NAME_STEMS: [&str; 20] = [
    "Mælkebøtten",
    "Solsikken",
    "Regnbuen",
    "Troldehøj",
    "Skovly",
    "Bikuben",
    "Myretuen",
    "Spiren",
    "Egebakken",
    "Lærkereden",
    "Søstjernen",
    "Humlebien",
    "Mariehønen",
    "Kastanjen",
    "Ørkenrotten",
    "Åkanden",
    "Fuglereden",
    "Hyldebærhuset",
    "Tumlingen",
    "Græshoppen",
];

/// Local parts of institution e-mail addresses.
pub(crate) const EMAIL_LOCALS: [&str; 6] =
    ["kontakt", "info", "leder", "post", "dagtilbud", "kontoret"];
/// Free e-mail domains.
pub(crate) const EMAIL_FREEMAIL: [&str; 4] = ["gmail.com", "outlook.dk", "hotmail.com", "mail.dk"];

/// Lower-case ASCII for an email address or domain: æ/ø/å spelled out, words joined by `-`.
pub(crate) fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    for c in ascii_spelled(&text.to_lowercase()).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}
