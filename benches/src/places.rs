//! Municipalities and the ways people spell them, real postal places, streets and towns.

use crate::SplitMix64;

/// The official municipality list shipped with the core.
const MUNICIPALITIES_CSV: &str = include_str!("../../crates/unilogin/data/municipalities.csv");

/// The 98 municipalities as (code, official name), from `crates/unilogin/data/municipalities.csv`.
pub fn municipalities() -> Vec<(u16, &'static str)> {
    MUNICIPALITIES_CSV
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut f = line.split(',');
            let code = f.next()?.trim().parse().ok()?;
            let _code4 = f.next()?;
            Some((code, f.next()?.trim()))
        })
        .collect()
}

/// Spells æ, ø, å in ASCII the way people do when they lack the keys: `ae`, `oe`, `aa`.
pub(crate) fn ascii_spelled(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        match c {
            'æ' => out.push_str("ae"),
            'ø' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            'Æ' => out.push_str("Ae"),
            'Ø' => out.push_str("Oe"),
            'Å' => out.push_str("Aa"),
            c => out.push(c),
        }
    }
    out
}

/// Drops the marks instead: `a`, `o`, `a` ("Kobenhavn").
pub(crate) fn ascii_dropped(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'æ' | 'å' => 'a',
            'ø' => 'o',
            'Æ' | 'Å' => 'A',
            'Ø' => 'O',
            c => c,
        })
        .collect()
}

/// Every way the generator writes a municipality, most common first; all must parse to `code`.
pub fn municipality_spellings(code: u16, name: &str) -> Vec<String> {
    let genitive = if name.ends_with('s') {
        format!("{name} Kommune")
    } else {
        format!("{name}s Kommune")
    };
    vec![
        name.to_owned(),
        format!("{name} Kommune"),
        genitive,
        name.to_uppercase(),
        name.to_lowercase(),
        ascii_spelled(name),
        ascii_dropped(name),
        format!("{} Kommune", ascii_spelled(name)),
        name.replace('-', " "),
        code.to_string(),
        format!("{code:04}"),
    ]
}

pub(crate) fn municipality_form(
    rng: &mut SplitMix64,
    code: u16,
    name: &str,
    official_percent: u64,
) -> String {
    if rng.chance(official_percent) {
        return name.to_owned();
    }
    let forms = municipality_spellings(code, name);
    forms
        .get(1 + rng.index(forms.len().saturating_sub(1)))
        .cloned()
        .unwrap_or_else(|| name.to_owned())
}

/// (postal code, city, municipality code) of real places.
pub(crate) const PLACES: [(&str, &str, u16); 36] = [
    ("1165", "København K", 101),
    ("2100", "København Ø", 101),
    ("2300", "København S", 101),
    ("2400", "København NV", 101),
    ("1850", "Frederiksberg C", 147),
    ("2750", "Ballerup", 151),
    ("2605", "Brøndby", 153),
    ("2791", "Dragør", 155),
    ("2900", "Hellerup", 157),
    ("2860", "Søborg", 159),
    ("2600", "Glostrup", 161),
    ("2730", "Herlev", 163),
    ("2650", "Hvidovre", 167),
    ("2630", "Taastrup", 169),
    ("0800", "Høje Taastrup", 169),
    ("2800", "Kongens Lyngby", 173),
    ("3000", "Helsingør", 217),
    ("3400", "Hillerød", 219),
    ("4000", "Roskilde", 265),
    ("4300", "Holbæk", 316),
    ("4700", "Næstved", 370),
    ("3700", "Rønne", 400),
    ("5000", "Odense C", 461),
    ("5700", "Svendborg", 479),
    ("5960", "Marstal", 492),
    ("6000", "Kolding", 621),
    ("6400", "Sønderborg", 540),
    ("6700", "Esbjerg", 561),
    ("7100", "Vejle", 630),
    ("7400", "Herning", 657),
    ("8000", "Aarhus C", 751),
    ("8210", "Aarhus V", 751),
    ("8900", "Randers C", 730),
    ("9000", "Aalborg", 851),
    ("9600", "Aars", 820),
    ("9990", "Skagen", 813),
];

/// Street names.
pub(crate) const STREETS: [&str; 20] = [
    "Nørregade",
    "Skolevej",
    "Kirkevej",
    "Vestergade",
    "Østergade",
    "Søndergade",
    "Bakkevej",
    "Engvej",
    "Åboulevarden",
    "H.C. Andersens Boulevard",
    "Jernbanegade",
    "Lærkevej",
    "Møllevej",
    "Strandvejen",
    "Birkevej",
    "Rådhuspladsen",
    "Dr. Tværgade",
    "Gl. Kongevej",
    "Præstø Allé",
    "Sankt Peders Stræde",
];

/// Supplementary town names (`supplerendeBynavn`).
pub(crate) const SUPPLEMENTARY_CITIES: [&str; 6] = [
    "Strib",
    "Vester Hassing",
    "Ejby",
    "Tune",
    "Snekkersten",
    "Øster Ulslev",
];
