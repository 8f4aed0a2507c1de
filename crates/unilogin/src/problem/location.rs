//! Where a problem is: a path of row indices and field keys.

use std::borrow::Cow;
use std::fmt;

use serde::Serialize;

/// One step of a location: a field key or a row index.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(untagged)]
pub enum LocItem {
    /// A 0-based row index.
    Index(usize),
    /// A canonical field key.
    Key(Cow<'static, str>),
}

impl fmt::Display for LocItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Index(i) => write!(f, "{i}"),
            Self::Key(k) => f.write_str(k),
        }
    }
}

/// Where a problem is: a path of row indices and field keys, outermost first.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct Loc(Vec<LocItem>);

impl Loc {
    /// The empty location (the value itself).
    pub fn root() -> Self {
        Self(Vec::new())
    }

    /// A location of one field key.
    pub fn key(key: &'static str) -> Self {
        Self(vec![LocItem::Key(Cow::Borrowed(key))])
    }

    /// Appends `item` at the end (a deeper step).
    pub fn push(&mut self, item: LocItem) {
        self.0.push(item);
    }

    /// Puts `item` in front (e.g. the row index when a record becomes part of a file).
    pub fn prepend(&mut self, item: LocItem) {
        self.0.insert(0, item);
    }

    /// The items, outermost first.
    pub fn items(&self) -> &[LocItem] {
        &self.0
    }
}

impl fmt::Display for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, item) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            write!(f, "{item}")?;
        }
        Ok(())
    }
}
