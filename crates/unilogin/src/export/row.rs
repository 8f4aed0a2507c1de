//! One checked row of an export, and the check every CSV row gets: as many fields as the header.

use super::ExportError;
use crate::identifiers::Municipality;
use crate::record::Header;
use crate::{ErrorType, Problems};

/// One checked row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRow {
    /// The 0-based index of the data row (header and blank lines not counted).
    pub index: usize,
    /// The 1-based line of the file where the row starts.
    pub line: u64,
    /// The 1-based line where the row ends: `line`, unless a quoted field spans lines.
    pub end_line: u64,
    /// Whether some field of the row was not UTF-8 and was read as Windows-1252.
    pub windows_1252: bool,
    /// The row's problems, located under `index` (`loc` `[index, field]`); empty when valid.
    pub problems: Problems,
    /// For a row with problems, the official name of the municipality it names (its first
    /// `municipality` column that holds one), for the summary's problems per municipality;
    /// `None` for a valid row, a kind without municipalities, or no municipality to read.
    pub municipality: Option<&'static str>,
    /// Bytes of the file read so far (for progress reports).
    pub bytes_read: u64,
}

/// [`ErrorType::CsvRowLength`] unless the row's `fields` are the header's `expected`.
pub(crate) fn check_length(
    expected: usize,
    fields: usize,
    line: u64,
    index: usize,
) -> Result<(), ExportError> {
    if fields == expected {
        return Ok(());
    }
    Err(ExportError::at_line(ErrorType::CsvRowLength, line, |c| {
        c.with("row", index)
            .with("fields", fields)
            .with("expected", expected)
    }))
}

/// The official name of the municipality a row names, read as `header` lays it out: the first
/// value of a column the kind reads as `municipality` that is one (a code or a name).
pub(crate) fn municipality_of<'a, I>(header: &Header, values: I) -> Option<&'static str>
where
    I: IntoIterator<Item = Option<&'a str>>,
{
    header
        .keys()
        .into_iter()
        .zip(values)
        .filter(|(key, _)| *key == Some("municipality"))
        .find_map(|(_, value)| Municipality::parse(value?).ok())
        .map(Municipality::name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RecordKind;

    #[test]
    fn the_first_municipality_column_that_holds_one_names_the_row() {
        let header = RecordKind::Register.header([
            "kommuneKode_Tekst",
            "admKommuneKode_Tekst",
            "municipality",
        ]);
        // admKommuneKode_Tekst is the administrating municipality, another field.
        assert_eq!(
            municipality_of(&header, [Some("Aarhus Kommune"), Some("101"), None]),
            Some("Aarhus")
        );
        assert_eq!(
            municipality_of(&header, [Some("Atlantis"), None, Some("751")]),
            Some("Aarhus")
        );
        assert_eq!(municipality_of(&header, [None, Some("101"), None]), None);
        let roster = RecordKind::User.header(["Fornavn", "Kommune"]);
        assert_eq!(
            municipality_of(&roster, [Some("Anne"), Some("Aarhus")]),
            None
        );
    }
}
