//! Punycode (RFC 3492, "Punycode: A Bootstring encoding of Unicode for Internationalized
//! Domain Names in Applications"): the encoding that turns a Unicode domain label into the
//! ASCII after an IDNA label's `xn--` prefix (RFC 5890 §2.3.2.1, RFC 5891 §4.4).
//!
//! Written here rather than taken from a crate to keep the WASM module small: the parameters and
//! the two algorithms are RFC 3492 §5, §6.1 (bias adaptation), §6.3 (encoding) and §6.2
//! (decoding), with its overflow checks (§6.4). Tests compare both directions with the `idna`
//! crate on many labels.

/// RFC 3492 §5: the parameter values for Punycode.
const BASE: u32 = 36;
const T_MIN: u32 = 1;
const T_MAX: u32 = 26;
const SKEW: u32 = 38;
const DAMP: u32 = 700;
const INITIAL_BIAS: u32 = 72;
const INITIAL_N: u32 = 0x80;
const DELIMITER: char = '-';

/// RFC 3492 §6.1: the bias after a delta.
fn adapt(delta: u32, points: u32, first: bool) -> u32 {
    let mut delta = if first { delta / DAMP } else { delta / 2 };
    delta += delta / points.max(1);
    let mut k = 0;
    while delta > ((BASE - T_MIN) * T_MAX) / 2 {
        delta /= BASE - T_MIN;
        k += BASE;
    }
    k + (BASE - T_MIN + 1) * delta / (delta + SKEW)
}

/// The threshold `t` for the digit at `k` (RFC 3492 §6.2 and §6.3).
fn threshold(k: u32, bias: u32) -> u32 {
    if k <= bias {
        T_MIN
    } else if k >= bias + T_MAX {
        T_MAX
    } else {
        k - bias
    }
}

/// The digit `d` (0–35) as its lower-case basic code point: `a`–`z` then `0`–`9`.
fn encode_digit(d: u32) -> char {
    let byte = match u8::try_from(d) {
        Ok(d @ 0..=25) => b'a' + d,
        Ok(d @ 26..=35) => b'0' + (d - 26),
        // Callers pass digits below `BASE` only.
        _ => b'?',
    };
    char::from(byte)
}

/// The value of a basic code point as a digit, either case (RFC 3492 §5).
fn decode_digit(c: char) -> Option<u32> {
    match c {
        'a'..='z' => Some(u32::from(c) - u32::from('a')),
        'A'..='Z' => Some(u32::from(c) - u32::from('A')),
        '0'..='9' => Some(u32::from(c) - u32::from('0') + 26),
        _ => None,
    }
}

/// `label` in Punycode (without the `xn--` prefix), or `None` when a count overflows (only
/// for inputs far longer than any domain label).
///
/// The basic (ASCII) code points are copied as they are, so lower-case the label first.
pub(crate) fn encode(label: &str) -> Option<String> {
    let mut out = String::with_capacity(label.len() + 8);
    out.extend(label.chars().filter(char::is_ascii));
    let basic = u32::try_from(out.len()).ok()?;
    let total = u32::try_from(label.chars().count()).ok()?;
    if basic > 0 {
        out.push(DELIMITER);
    }
    let (mut code, mut delta, mut bias, mut handled) = (INITIAL_N, 0_u32, INITIAL_BIAS, basic);
    while handled < total {
        // The smallest code point not handled yet.
        let next = label.chars().map(u32::from).filter(|&p| p >= code).min()?;
        delta = delta.checked_add((next - code).checked_mul(handled + 1)?)?;
        code = next;
        for point in label.chars().map(u32::from) {
            if point < code {
                delta = delta.checked_add(1)?;
            }
            if point == code {
                let mut rest = delta;
                let mut k = BASE;
                loop {
                    let t = threshold(k, bias);
                    if rest < t {
                        break;
                    }
                    out.push(encode_digit(t + (rest - t) % (BASE - t)));
                    rest = (rest - t) / (BASE - t);
                    k += BASE;
                }
                out.push(encode_digit(rest));
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta = delta.checked_add(1)?;
        code = code.checked_add(1)?;
    }
    Some(out)
}

/// The Unicode text `encoded` (Punycode without the `xn--` prefix) stands for, or `None` when
/// it is not valid Punycode: a non-basic code point before the last delimiter, a character that
/// is not a digit after it, a number that is cut short or overflows, or a result that is not a
/// Unicode scalar value.
pub(crate) fn decode(encoded: &str) -> Option<String> {
    let (basic, digits) = match encoded.rfind(DELIMITER) {
        Some(at) => (encoded.get(..at)?, encoded.get(at + 1..)?),
        None => ("", encoded),
    };
    if !basic.is_ascii() {
        return None;
    }
    let mut out: Vec<char> = basic.chars().collect();
    let (mut code, mut pos, mut bias) = (INITIAL_N, 0_u32, INITIAL_BIAS);
    let mut digits = digits.chars();
    while let Some(first) = digits.next() {
        let old_pos = pos;
        let mut weight = 1_u32;
        let mut k = BASE;
        let mut next = Some(first);
        loop {
            let digit = decode_digit(next?)?;
            pos = pos.checked_add(digit.checked_mul(weight)?)?;
            let t = threshold(k, bias);
            if digit < t {
                break;
            }
            weight = weight.checked_mul(BASE - t)?;
            k += BASE;
            next = digits.next();
        }
        let len = u32::try_from(out.len()).ok()?.checked_add(1)?;
        bias = adapt(pos - old_pos, len, old_pos == 0);
        code = code.checked_add(pos / len)?;
        pos %= len;
        // `code` starts above ASCII and only grows: never a basic code point.
        let decoded = char::from_u32(code)?;
        out.insert(usize::try_from(pos).ok()?, decoded);
        pos += 1;
    }
    Some(out.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 3492 §7.1's sample strings, with their Punycode (lower-cased, as IDNA uses them).
    const SAMPLES: &[(&str, &str)] = &[
        // (A) Arabic (Egyptian)
        (
            "\u{644}\u{64A}\u{647}\u{645}\u{627}\u{628}\u{62A}\u{643}\u{644}\u{645}\u{648}\u{634}\u{639}\u{631}\u{628}\u{64A}\u{61F}",
            "egbpdaj6bu4bxfgehfvwxn",
        ),
        // (B) Chinese (simplified)
        (
            "\u{4ED6}\u{4EEC}\u{4E3A}\u{4EC0}\u{4E48}\u{4E0D}\u{8BF4}\u{4E2D}\u{6587}",
            "ihqwcrb4cv8a8dqg056pqjye",
        ),
        // (I) Russian (Cyrillic), lower case
        (
            "\u{43F}\u{43E}\u{447}\u{435}\u{43C}\u{443}\u{436}\u{435}\u{43E}\u{43D}\u{438}\u{43D}\u{435}\u{433}\u{43E}\u{432}\u{43E}\u{440}\u{44F}\u{442}\u{43F}\u{43E}\u{440}\u{443}\u{441}\u{441}\u{43A}\u{438}",
            "b1abfaaepdrnnbgefbadotcwatmq2g4l",
        ),
        // (L) 3<nen>B<gumi><kinpachi><sensei>
        (
            "3\u{5E74}B\u{7D44}\u{91D1}\u{516B}\u{5148}\u{751F}",
            "3B-ww4c5e180e575a65lsy2b",
        ),
        // (R) <sono><supiido><de>
        ("\u{305D}\u{306E}\u{30B9}\u{30D4}\u{30FC}\u{30C9}\u{3067}", "d9juau41awczczp"),
        // ASCII only: the basic code points and the delimiter.
        ("abc", "abc-"),
    ];

    #[test]
    fn rfc_3492_samples_both_ways() {
        for &(unicode, puny) in SAMPLES {
            assert_eq!(encode(unicode).as_deref(), Some(puny), "{unicode}");
            assert_eq!(decode(puny).as_deref(), Some(unicode), "{puny}");
        }
    }

    #[test]
    fn danish_letters() {
        // As Python's `"børnegalaxen".encode("punycode")` gives them.
        assert_eq!(encode("børnegalaxen").as_deref(), Some("brnegalaxen-ggb"));
        assert_eq!(encode("ø").as_deref(), Some("pda"));
        assert_eq!(encode("ærø").as_deref(), Some("r-3fa9c"));
        assert_eq!(decode("brnegalaxen-ggb").as_deref(), Some("børnegalaxen"));
        assert_eq!(
            decode("BRNEGALAXEN-GGB").as_deref(),
            Some("BøRNEGALAXEN"),
            "either case"
        );
    }

    #[test]
    fn invalid_punycode_is_refused() {
        for bad in [
            "ø-pda",        // a non-basic code point before the delimiter
            "abc-9",        // cut short: 9 (35) needs a following digit
            "abc-!",        // not a digit
            "99999999",     // cut short
            "zzzzzzzzzzzz", // overflows
        ] {
            assert_eq!(decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn agrees_with_the_idna_crate() {
        let alphabet: Vec<char> = "abz09-æøåäöüßçéñłşğıσωжяאبกᄀ가中日\u{1F600}\u{10FFFF}"
            .chars()
            .collect();
        // Every label of up to three characters from the alphabet, and longer ones stepping
        // through it.
        let mut labels: Vec<String> = Vec::new();
        for &a in &alphabet {
            for &b in &alphabet {
                for &c in &alphabet {
                    labels.push([a, b, c].iter().collect());
                }
                labels.push([a, b].iter().collect());
            }
            labels.push(a.to_string());
        }
        for start in 0..alphabet.len() {
            let long: String = alphabet
                .iter()
                .cycle()
                .skip(start)
                .step_by(7)
                .take(40)
                .collect();
            labels.push(long);
        }
        for label in &labels {
            let ours = encode(label);
            assert_eq!(ours, idna::punycode::encode_str(label), "{label}");
            if let Some(ours) = ours {
                assert_eq!(decode(&ours).as_deref(), Some(label.as_str()), "{label}");
            }
        }
    }
}
