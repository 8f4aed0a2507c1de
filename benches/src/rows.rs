//! The row builders: one request or register row from the random stream, with the faults
//! put into it on purpose.

use crate::identifiers::{
    cvr_form, p_number_form, phone_digits, phone_form, valid_cvr, valid_p_number,
};
use crate::names::{slug, EMAIL_FREEMAIL, EMAIL_LOCALS, NAME_PREFIXES, NAME_STEMS};
use unilogin::identifiers::PostalCode;

use crate::places::{municipalities, municipality_form, PLACES, STREETS, SUPPLEMENTARY_CITIES};
use crate::{
    columns, faults, field_key, Corpus, Fault, GeneratedRow, Pairs, SplitMix64, FAULT_PERCENT,
    SECOND_FAULT_PERCENT,
};

/// Legal bases as the request form receives them, by kind: kommunal, selvejende, privat.
const LEGAL_KOMMUNAL: [&str; 5] = [
    "kommunal",
    "Kommunal",
    "Kommunal, dagtilbudslovens §19, stk. 2",
    "stk. 2",
    "§ 19, stk. 2",
];
const LEGAL_SELVEJET: [&str; 5] = [
    "selvejende",
    "Selvejende institution",
    "Selveje, dagtilbudslovens §19, stk. 3",
    "stk. 3",
    "§ 19 stk. 3",
];
const LEGAL_PRIVAT: [&str; 6] = [
    "stk. 5",
    "Privatinstitution, dagtilbudslovens §19, stk. 5",
    "privat",
    "Privatinstitution",
    "§19 stk.5",
    "§ 19, stk. 5",
];

const REQUEST_TYPES: [&str; 12] = [
    "6010",
    "6011",
    "6012",
    "Vuggestue",
    "Børnehave",
    "Aldersintegreret",
    "aldersintegreret institution",
    "6010 - Alderen omkring 0-2 år",
    "6011 - Alderen omkring 3-5 år",
    "6012 - Alderen omkring 0-5 år",
    "Bornehave",
    "6012",
];

/// Builds the rows of one corpus from one random stream.
pub(crate) struct Generator {
    kind: Corpus,
    rng: SplitMix64,
    municipalities: Vec<(u16, &'static str)>,
    /// Every postal code the core accepts, for municipalities `PLACES` has no place in.
    postal_codes: Vec<PostalCode>,
}

/// The fields an address is made of, shared by both kinds.
struct Place {
    municipality_code: u16,
    municipality_name: &'static str,
    postal_code: String,
    city: String,
}

impl Generator {
    pub(crate) fn new(kind: Corpus, seed: u64) -> Self {
        // Different kinds from the same seed should not share their random stream.
        let salt = match kind {
            Corpus::Request => 0x5245_5155_4553_5400,
            Corpus::Register => 0x5245_4749_5354_4552,
        };
        Self {
            kind,
            rng: SplitMix64::new(seed ^ salt),
            municipalities: municipalities(),
            postal_codes: PostalCode::all().collect(),
        }
    }

    pub(crate) fn row(&mut self) -> GeneratedRow {
        let mut pairs = match self.kind {
            Corpus::Request => self.request(),
            Corpus::Register => self.register_row(),
        };
        let mut faults = Vec::new();
        if self.rng.chance(FAULT_PERCENT) {
            let wanted = if self.rng.chance(SECOND_FAULT_PERCENT) {
                2
            } else {
                1
            };
            while faults.len() < wanted {
                let (column, value, code) = match self.kind {
                    Corpus::Request => faults::request_fault(&mut self.rng),
                    Corpus::Register => faults::register_fault(&mut self.rng),
                };
                if faults.iter().any(|f: &Fault| f.column == column) {
                    continue;
                }
                set(&mut pairs, column, value);
                faults.push(Fault {
                    column,
                    key: field_key(self.kind, column).unwrap_or(column),
                    code,
                });
            }
        }
        GeneratedRow { pairs, faults }
    }

    fn empty_row(&self) -> Pairs {
        columns(self.kind)
            .iter()
            .map(|c| ((*c).to_owned(), String::new()))
            .collect()
    }

    fn municipality(&mut self) -> (u16, &'static str) {
        self.rng.pick(&self.municipalities)
    }

    fn place(&mut self) -> Place {
        let (code, name) = self.municipality();
        let known: Vec<&(&str, &str, u16)> = PLACES.iter().filter(|p| p.2 == code).collect();
        let (postal_code, city) = if known.is_empty() {
            // A postal code of PostNord's list, with its town (the core checks that they match).
            let at = self.rng.index(self.postal_codes.len());
            match self.postal_codes.get(at) {
                Some(code) => (code.as_str().to_owned(), code.town().to_owned()),
                None => ("2100".to_owned(), "København Ø".to_owned()),
            }
        } else {
            let p = known
                .get(self.rng.index(known.len()))
                .copied()
                .copied()
                .unwrap_or(("2100", "København Ø", 101));
            (p.0.to_owned(), p.1.to_owned())
        };
        Place {
            municipality_code: code,
            municipality_name: name,
            postal_code,
            city,
        }
    }

    fn institution_name(&mut self) -> (String, &'static str) {
        let stem = self.rng.pick(&NAME_STEMS);
        let name = if self.rng.chance(25) {
            stem.to_owned()
        } else {
            format!("{} {stem}", self.rng.pick(&NAME_PREFIXES))
        };
        (name, stem)
    }

    fn house_number(&mut self) -> String {
        let highest = if self.rng.chance(80) { 60 } else { 250 };
        let n = 1 + self.rng.below(highest);
        let letter = char::from(b'A' + self.rng.digit(0, 5));
        match self.rng.weighted(&[(80, 0), (10, 1), (5, 2), (5, 3)]) {
            1 => format!("{n}{letter}"),
            2 => format!("{n}{}", letter.to_ascii_lowercase()),
            3 => format!("{n} {letter}"),
            _ => n.to_string(),
        }
    }

    fn email(&mut self, stem: &str, municipality: &str) -> String {
        let local = if self.rng.chance(20) {
            slug(stem)
        } else {
            self.rng.pick(&EMAIL_LOCALS).to_owned()
        };
        let domain = match self.rng.weighted(&[(55, 0), (25, 1), (20, 2)]) {
            1 => format!("{}.dk", slug(municipality)),
            2 => self.rng.pick(&EMAIL_FREEMAIL).to_owned(),
            _ => format!("{}.dk", slug(stem)),
        };
        if self.rng.chance(5) {
            // Capitalised as typed; the domain is case-insensitive.
            let mut chars = local.chars();
            let first = chars.next().map(|c| c.to_ascii_uppercase());
            format!(
                "{}{}@{}",
                first.map(String::from).unwrap_or_default(),
                chars.as_str(),
                domain.to_uppercase()
            )
        } else {
            format!("{local}@{domain}")
        }
    }

    fn request(&mut self) -> Pairs {
        let rng = &mut self.rng;
        let cvr = valid_cvr(rng);
        let cvr = cvr_form(rng, &cvr);
        let p = valid_p_number(rng);
        let p = p_number_form(rng, &p);
        let (name, stem) = self.institution_name();
        let name = if self.rng.chance(3) {
            format!("  {name} ")
        } else {
            name
        };
        let street = self.rng.pick(&STREETS).to_owned();
        let house = self.house_number();
        let place = self.place();
        let postal = if self.rng.chance(4) {
            format!("DK-{}", place.postal_code)
        } else {
            place.postal_code.clone()
        };
        let municipality = municipality_form(
            &mut self.rng,
            place.municipality_code,
            place.municipality_name,
            40,
        );
        let email = self.email(stem, place.municipality_name);
        let phone = phone_digits(&mut self.rng);
        let phone = phone_form(&mut self.rng, &phone);
        let legal = match self.rng.weighted(&[(20, 0), (20, 1), (60, 2)]) {
            0 => self.rng.pick(&LEGAL_KOMMUNAL),
            1 => self.rng.pick(&LEGAL_SELVEJET),
            _ => self.rng.pick(&LEGAL_PRIVAT),
        };
        let kind = self.rng.pick(&REQUEST_TYPES);
        let mut row = self.empty_row();
        for (column, value) in [
            ("cvr", cvr),
            ("p_number", p),
            ("institution_name", name),
            ("street", street),
            ("house_number", house),
            ("postal_code", postal),
            ("city", place.city),
            ("municipality", municipality),
            ("email", email),
            ("phone", phone),
            ("legal_basis", legal.to_owned()),
            ("institution_type", kind.to_owned()),
        ] {
            set(&mut row, column, value);
        }
        row
    }

    fn register_row(&mut self) -> Pairs {
        let number = |rng: &mut SplitMix64| format!("G{:05}", 10_000 + rng.below(90_000));
        let unit = number(&mut self.rng);
        let daycare = if self.rng.chance(50) {
            number(&mut self.rng)
        } else {
            String::new()
        };
        let (name, stem) = self.institution_name();
        let inst_type = self.rng.weighted(&[
            (20, "6010"),
            (25, "6011"),
            (30, "6012"),
            (10, "6013"),
            (1, "6014"),
            (8, "6020"),
            (4, "6021"),
            (2, "6022"),
        ]);
        let ownership = self
            .rng
            .weighted(&[(55, "1"), (20, "2"), (20, "3"), (5, "4")]);
        let place = self.place();
        let municipality = municipality_form(
            &mut self.rng,
            place.municipality_code,
            place.municipality_name,
            75,
        );
        let admin = if self.rng.chance(60) {
            place.municipality_name.to_owned()
        } else {
            String::new()
        };
        let street = self.rng.pick(&STREETS).to_owned();
        let house = self.house_number();
        let supplementary = if self.rng.chance(15) {
            self.rng.pick(&SUPPLEMENTARY_CITIES).to_owned()
        } else {
            String::new()
        };
        let email = if self.rng.chance(80) {
            self.email(stem, place.municipality_name)
        } else {
            String::new()
        };
        let phone = if self.rng.chance(85) {
            let digits = phone_digits(&mut self.rng);
            phone_form(&mut self.rng, &digits)
        } else {
            String::new()
        };
        // Denmark lies within 54.56–57.75 °N and 8.07–15.20 °E.
        let lat = 54_560_000 + self.rng.below(3_190_000);
        let lon = 8_070_000 + self.rng.below(7_130_000);
        let status = self.rng.weighted(&[(95, "Aktiv"), (5, "Under oprettelse")]);
        let cvr = if self.rng.chance(80) {
            valid_cvr(&mut self.rng)
        } else {
            String::new()
        };
        let p = valid_p_number(&mut self.rng);
        let mut row = self.empty_row();
        for (column, value) in [
            ("anvisningsenhedsNummer", unit),
            ("daginstitutionsNummer", daycare),
            ("dagtilbudsNavn", name),
            ("instType3", inst_type.to_owned()),
            ("ejerformKode", ownership.to_owned()),
            ("kommuneKode_Tekst", municipality),
            ("admKommuneKode_Tekst", admin),
            ("vejNavn", street),
            ("husNummer", house),
            ("postNummer", place.postal_code),
            ("byNavn", place.city),
            ("supplerendeBynavn", supplementary),
            ("email", email),
            ("telefonNummer", phone),
            (
                "geoBredde",
                format!("{}.{:06}", lat / 1_000_000, lat % 1_000_000),
            ),
            (
                "geoLaengde",
                format!("{}.{:06}", lon / 1_000_000, lon % 1_000_000),
            ),
            ("aktivitetsstatus", status.to_owned()),
            ("cvrNummer", cvr),
            ("pNummer", p),
        ] {
            set(&mut row, column, value);
        }
        row
    }
}

fn set(row: &mut Pairs, column: &str, value: String) {
    if let Some(slot) = row.iter_mut().find(|(k, _)| k == column) {
        slot.1 = value;
    }
}
