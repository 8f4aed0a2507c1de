//! Arrow data in, problem tables and masks out. pyo3-arrow takes any object with the Arrow
//! `PyCapsule` interface (`__arrow_c_stream__` / `__arrow_c_array__`: polars, pyarrow, `DuckDB`,
//! pandas through pyarrow) without copying its buffers; each cell is read as the text the core
//! checks, and the core checks the rows on its threads with the GIL released.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::sync::Arc;

use arrow_array::builder::{Int64Builder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::ffi::{FFI_ArrowArray, FFI_ArrowSchema};
use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::types::{
    ArrowPrimitiveType, Float32Type, Float64Type, Int16Type, Int32Type, Int64Type, Int8Type,
    UInt16Type, UInt32Type, UInt64Type, UInt8Type,
};
use arrow_array::{Array, ArrayRef, BooleanArray, RecordBatch, RecordBatchIterator};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyList, PyTuple};
use pyo3_arrow::input::{AnyArray, AnyRecordBatch};
use unilogin::form::ValueKind;
use unilogin::record::{columnar, Header, RecordKind};
use unilogin::{CtxValue, Lang, Problem, Problems, ValidationPolicy};

use crate::convert::float_text;
use crate::errors;
use crate::export::count;
use crate::records::{policy, record_kind, value_kind};

/// How one Arrow array is read as text cells. Strings are borrowed; numbers are written out.
enum Column<'a> {
    /// A column no field of the kind reads: never looked at, whatever its type.
    Unused,
    /// A column of nulls only.
    Null,
    Utf8(&'a arrow_array::StringArray),
    LargeUtf8(&'a arrow_array::LargeStringArray),
    View(&'a arrow_array::StringViewArray),
    Bool(&'a BooleanArray),
    /// An integer column: its values' digits.
    Digits(&'a dyn Array, fn(&dyn Array, usize) -> String),
    /// A float column: read as [`float_text`] does.
    Float(&'a dyn Array, fn(&dyn Array, usize) -> f64),
    /// A dictionary-encoded column: the key of each row into the values.
    Dictionary {
        keys: &'a dyn Array,
        key: fn(&dyn Array, usize) -> usize,
        values: Box<Column<'a>>,
    },
}

fn digits<T: ArrowPrimitiveType>(array: &dyn Array, i: usize) -> String
where
    T::Native: ToString,
{
    array.as_primitive::<T>().value(i).to_string()
}

fn float<T: ArrowPrimitiveType>(array: &dyn Array, i: usize) -> f64
where
    T::Native: Into<f64>,
{
    array.as_primitive::<T>().value(i).into()
}

fn key<T: ArrowPrimitiveType>(array: &dyn Array, i: usize) -> usize
where
    T::Native: TryInto<usize>,
{
    array
        .as_primitive::<T>()
        .value(i)
        .try_into()
        .unwrap_or(usize::MAX)
}

/// The key reader of a dictionary's key type.
fn key_reader(data_type: &DataType) -> Option<fn(&dyn Array, usize) -> usize> {
    Some(match data_type {
        DataType::Int8 => key::<Int8Type>,
        DataType::Int16 => key::<Int16Type>,
        DataType::Int32 => key::<Int32Type>,
        DataType::Int64 => key::<Int64Type>,
        DataType::UInt8 => key::<UInt8Type>,
        DataType::UInt16 => key::<UInt16Type>,
        DataType::UInt32 => key::<UInt32Type>,
        DataType::UInt64 => key::<UInt64Type>,
        _ => return None,
    })
}

/// The error for a column of a type no field can hold.
fn unreadable(name: &str, data_type: &DataType) -> PyErr {
    PyTypeError::new_err(format!(
        "column `{name}` holds {data_type} values, which unilogin does not read as a field's \
         text: give it as strings (Utf8, LargeUtf8, Utf8View or dictionary-encoded), integers, \
         floats or booleans"
    ))
}

impl<'a> Column<'a> {
    /// How to read `array`, the column `name`.
    fn new(array: &'a dyn Array, name: &str) -> PyResult<Self> {
        let data_type = array.data_type();
        Ok(match data_type {
            DataType::Null => Self::Null,
            DataType::Utf8 => Self::Utf8(array.as_string::<i32>()),
            DataType::LargeUtf8 => Self::LargeUtf8(array.as_string::<i64>()),
            DataType::Utf8View => Self::View(array.as_string_view()),
            DataType::Boolean => Self::Bool(array.as_boolean()),
            DataType::Int8 => Self::Digits(array, digits::<Int8Type>),
            DataType::Int16 => Self::Digits(array, digits::<Int16Type>),
            DataType::Int32 => Self::Digits(array, digits::<Int32Type>),
            DataType::Int64 => Self::Digits(array, digits::<Int64Type>),
            DataType::UInt8 => Self::Digits(array, digits::<UInt8Type>),
            DataType::UInt16 => Self::Digits(array, digits::<UInt16Type>),
            DataType::UInt32 => Self::Digits(array, digits::<UInt32Type>),
            DataType::UInt64 => Self::Digits(array, digits::<UInt64Type>),
            DataType::Float32 => Self::Float(array, float::<Float32Type>),
            DataType::Float64 => Self::Float(array, float::<Float64Type>),
            DataType::Dictionary(key_type, _) => {
                let dictionary = array
                    .as_any_dictionary_opt()
                    .ok_or_else(|| unreadable(name, data_type))?;
                let key = key_reader(key_type).ok_or_else(|| unreadable(name, data_type))?;
                let values = Column::new(dictionary.values().as_ref(), name)?;
                Self::Dictionary {
                    keys: dictionary.keys(),
                    key,
                    values: Box::new(values),
                }
            }
            _ => return Err(unreadable(name, data_type)),
        })
    }

    /// The text of row `i`, `None` when it is null (or NaN).
    fn cell(&self, i: usize) -> Option<Cow<'a, str>> {
        match self {
            Self::Unused | Self::Null => None,
            Self::Utf8(a) => a.is_valid(i).then(|| Cow::Borrowed(a.value(i))),
            Self::LargeUtf8(a) => a.is_valid(i).then(|| Cow::Borrowed(a.value(i))),
            Self::View(a) => a.is_valid(i).then(|| Cow::Borrowed(a.value(i))),
            Self::Bool(a) => a
                .is_valid(i)
                .then(|| Cow::Borrowed(if a.value(i) { "true" } else { "false" })),
            Self::Digits(a, read) => a.is_valid(i).then(|| Cow::Owned(read(*a, i))),
            Self::Float(a, read) => {
                if a.is_valid(i) {
                    float_text(read(*a, i)).map(Cow::Owned)
                } else {
                    None
                }
            }
            Self::Dictionary { keys, key, values } => {
                if keys.is_valid(i) {
                    values.cell(key(*keys, i))
                } else {
                    None
                }
            }
        }
    }
}

/// The arguments every table function shares.
struct Checking {
    kind: RecordKind,
    lang: Lang,
    policy: ValidationPolicy,
    jobs: usize,
}

impl Checking {
    fn new(
        py: Python<'_>,
        kind: &str,
        lang: &str,
        (p_number_checksum, as_of, overrides): (
            bool,
            Option<chrono::NaiveDate>,
            Option<&Bound<'_, PyAny>>,
        ),
        jobs: i64,
    ) -> PyResult<Self> {
        let lang = errors::lang(lang)?;
        Ok(Self {
            kind: record_kind(kind)?,
            lang,
            policy: policy(py, p_number_checksum, as_of, overrides, lang)?,
            jobs: count("jobs", jobs)?,
        })
    }
}

/// The header of a batch's schema; a column name given twice is an error (which column is
/// meant is unclear, as with a CSV header).
fn header(kind: RecordKind, names: &[&str]) -> PyResult<Header> {
    for (i, name) in names.iter().enumerate() {
        if names.get(..i).is_some_and(|before| before.contains(name)) {
            return Err(PyValueError::new_err(format!(
                "the data has the column `{name}` more than once; keep one of them"
            )));
        }
    }
    Ok(kind.header(names))
}

fn arrow_error(error: &ArrowError) -> PyErr {
    PyValueError::new_err(format!("reading the Arrow data failed: {error}"))
}

/// The data of a call: record batches as their producer streams them, or columns handed over
/// one by one as `(name, array)` pairs (a polars frame's Series: the frame's own export copies
/// its columns to align their chunks, each Series' export does not).
pub enum Data {
    Batches(AnyRecordBatch),
    Columns(Vec<(String, AnyArray)>),
}

impl<'a, 'py> FromPyObject<'a, 'py> for Data {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        if obj.cast::<PyList>().is_ok() || obj.cast::<PyTuple>().is_ok() {
            return Ok(Self::Columns(obj.extract()?));
        }
        Ok(Self::Batches(obj.extract()?))
    }
}

/// A column held in chunks (Arrow arrays one after another), read by row.
struct Chunked<'a> {
    /// The first row of each chunk.
    starts: Vec<usize>,
    parts: Vec<Column<'a>>,
}

impl<'a> Chunked<'a> {
    /// How to read the chunks of the column `name`; a column no field uses (`used` false) is
    /// never read.
    fn new(chunks: &'a [ArrayRef], name: &str, used: bool) -> PyResult<Self> {
        if !used {
            return Ok(Self {
                starts: vec![0],
                parts: vec![Column::Unused],
            });
        }
        let mut starts = Vec::with_capacity(chunks.len());
        let mut parts = Vec::with_capacity(chunks.len());
        let mut start = 0;
        for chunk in chunks {
            starts.push(start);
            parts.push(Column::new(chunk.as_ref(), name)?);
            start += chunk.len();
        }
        Ok(Self { starts, parts })
    }

    /// The chunk that holds `row` and the row that chunk starts at.
    fn part(&self, row: usize) -> (&Column<'a>, usize) {
        let i = self.starts.partition_point(|&s| s <= row).saturating_sub(1);
        match (self.parts.get(i), self.starts.get(i)) {
            (Some(part), Some(&start)) => (part, start),
            _ => (&Column::Unused, row),
        }
    }
}

/// Checks `rows` rows held in `columns` (each a name and its chunks) laid out as `header`
/// says, and hands each row with problems to `on_row`, its index `offset` later.
fn check_chunks(
    checking: &Checking,
    header: &Header,
    columns: &[(&str, &[ArrayRef])],
    (rows, offset): (usize, usize),
    on_row: &mut (dyn FnMut(usize, Problems) + Send),
) -> PyResult<()> {
    let readers = columns
        .iter()
        .zip(header.keys())
        .map(|(&(name, chunks), key)| Chunked::new(chunks, name, key.is_some()))
        .collect::<PyResult<Vec<_>>>()?;
    // The rows split where any column's chunk ends: within a segment every column is one
    // array, read by position.
    let mut ends: Vec<usize> = readers
        .iter()
        .flat_map(|c| c.starts.iter().copied())
        .filter(|&s| s > 0 && s < rows)
        .chain([rows])
        .collect();
    ends.sort_unstable();
    ends.dedup();
    let mut first = 0;
    for end in ends {
        let parts: Vec<(&Column<'_>, usize)> = readers
            .iter()
            .map(|c| {
                let (part, start) = c.part(first);
                (part, first - start)
            })
            .collect();
        let bad = checking.kind.check_columns(
            header,
            &checking.policy,
            end - first,
            checking.jobs,
            |row, out| out.extend(parts.iter().map(|(part, skip)| part.cell(skip + row))),
        );
        for (row, problems) in bad {
            on_row(offset + first + row, problems);
        }
        first = end;
    }
    Ok(())
}

/// Checks every row of `data` and hands each row with problems to `on_row` with its index
/// from the first row (`row_offset` added); returns how many rows were read. Runs without the
/// GIL; batches are checked one at a time as the producer gives them.
fn check_data(
    py: Python<'_>,
    data: Data,
    checking: &Checking,
    row_offset: usize,
    on_row: &mut (dyn FnMut(usize, Problems) + Send),
) -> PyResult<usize> {
    match data {
        Data::Batches(data) => {
            let reader = data.into_reader()?;
            py.detach(|| {
                let schema = reader.schema();
                let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
                let header = header(checking.kind, &names)?;
                let mut rows = 0;
                for batch in reader {
                    let batch = batch.map_err(|e| arrow_error(&e))?;
                    let columns: Vec<(&str, &[ArrayRef])> = names
                        .iter()
                        .copied()
                        .zip(batch.columns().iter().map(std::slice::from_ref))
                        .collect();
                    let at = (batch.num_rows(), row_offset + rows);
                    check_chunks(checking, &header, &columns, at, on_row)?;
                    rows += batch.num_rows();
                }
                Ok(rows)
            })
        }
        Data::Columns(pairs) => {
            let (names, arrays): (Vec<String>, Vec<AnyArray>) = pairs.into_iter().unzip();
            let readers = arrays
                .into_iter()
                .map(AnyArray::into_reader)
                .collect::<PyResult<Vec<_>>>()?;
            py.detach(|| {
                let chunks = readers
                    .into_iter()
                    .map(Iterator::collect::<Result<Vec<ArrayRef>, _>>)
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|e| arrow_error(&e))?;
                let names: Vec<&str> = names.iter().map(String::as_str).collect();
                let header = header(checking.kind, &names)?;
                let lengths: Vec<usize> = chunks
                    .iter()
                    .map(|c| c.iter().map(Array::len).sum())
                    .collect();
                let rows = lengths.first().copied().unwrap_or(0);
                if let Some(i) = lengths.iter().position(|&n| n != rows) {
                    return Err(PyValueError::new_err(format!(
                        "the columns differ in length: `{}` has {rows} values, `{}` has {}",
                        names.first().copied().unwrap_or_default(),
                        names.get(i).copied().unwrap_or_default(),
                        lengths.get(i).copied().unwrap_or_default()
                    )));
                }
                let columns: Vec<(&str, &[ArrayRef])> = names
                    .iter()
                    .copied()
                    .zip(chunks.iter().map(Vec::as_slice))
                    .collect();
                check_chunks(checking, &header, &columns, (rows, row_offset), on_row)?;
                Ok(rows)
            })
        }
    }
}

/// `text` as a JSON string.
fn json_text(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

/// A context value as JSON text, as Python's `json.dumps(..., ensure_ascii=False)` writes it.
fn ctx_json(problem: &Problem) -> String {
    let mut out = String::from("{");
    for (n, (key, value)) in problem.ctx().iter().enumerate() {
        if n > 0 {
            out.push_str(", ");
        }
        out.push_str(&json_text(key));
        out.push_str(": ");
        match value {
            CtxValue::Int(i) => {
                let _ = write!(out, "{i}");
            }
            CtxValue::Str(s) => out.push_str(&json_text(s)),
            CtxValue::Term(t) => out.push_str(&json_text(t.key)),
        }
    }
    out.push('}');
    out
}

// A table built here, handed to Python through the Arrow PyCapsule stream interface (its own
// small class: pyo3-arrow's `Table` class would link every Arrow kernel its methods offer).
#[derive(Debug)]
#[doc = pydoc!("_ArrowTable")]
#[pyclass(frozen, module = "unilogin._unilogin", name = "_ArrowTable")]
pub struct ArrowTable {
    schema: SchemaRef,
    batches: Vec<RecordBatch>,
}

#[pymethods]
impl ArrowTable {
    /// The table as an `ArrowArrayStream`; a requested schema is ignored (the interface lets a
    /// producer keep its own: every column is already `Int64` or `Utf8`).
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        drop(requested_schema);
        let batches = self.batches.clone().into_iter().map(Ok);
        let reader = RecordBatchIterator::new(batches, Arc::clone(&self.schema));
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
    }

    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        let schema =
            FFI_ArrowSchema::try_from(self.schema.as_ref()).map_err(|e| arrow_error(&e))?;
        PyCapsule::new_with_value(py, schema, c"arrow_schema")
    }

    fn __len__(&self) -> usize {
        self.batches.iter().map(RecordBatch::num_rows).sum()
    }
}

// A boolean array built here, handed to Python through the Arrow PyCapsule array interface.
#[derive(Debug)]
#[doc = pydoc!("_ArrowBooleans")]
#[pyclass(frozen, module = "unilogin._unilogin", name = "_ArrowBooleans")]
pub struct ArrowBooleans {
    array: BooleanArray,
}

#[pymethods]
impl ArrowBooleans {
    /// The array as an `ArrowSchema` and an `ArrowArray`; a requested schema is ignored.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_array__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        drop(requested_schema);
        let field = Field::new("", DataType::Boolean, false);
        let schema = FFI_ArrowSchema::try_from(&field).map_err(|e| arrow_error(&e))?;
        let array = FFI_ArrowArray::new(&self.array.to_data());
        PyTuple::new(
            py,
            [
                PyCapsule::new_with_value(py, schema, c"arrow_schema")?,
                PyCapsule::new_with_value(py, array, c"arrow_array")?,
            ],
        )
    }

    fn __len__(&self) -> usize {
        self.array.len()
    }
}

impl ArrowBooleans {
    fn new(values: Vec<bool>) -> Self {
        Self {
            array: BooleanArray::from(values),
        }
    }
}

/// The columns of a problem table, built as the problems come.
struct ProblemTable {
    lang: Lang,
    row: Int64Builder,
    field: StringBuilder,
    kind: StringBuilder,
    msg: StringBuilder,
    input: StringBuilder,
    ctx: StringBuilder,
}

impl ProblemTable {
    fn new(lang: Lang) -> Self {
        Self {
            lang,
            row: Int64Builder::new(),
            field: StringBuilder::new(),
            kind: StringBuilder::new(),
            msg: StringBuilder::new(),
            input: StringBuilder::new(),
            ctx: StringBuilder::new(),
        }
    }

    fn push(&mut self, row: usize, problems: &Problems) {
        for problem in problems {
            self.row
                .append_value(i64::try_from(row).unwrap_or(i64::MAX));
            // The location (not yet under its row), as the core writes it: joined with `.`.
            self.field.append_value(problem.loc().to_string());
            self.kind.append_value(problem.kind().code());
            self.msg.append_value(problem.message(self.lang));
            self.input.append_option(problem.input());
            self.ctx.append_value(ctx_json(problem));
        }
    }

    fn finish(mut self) -> PyResult<ArrowTable> {
        let text = |name: &str, nullable: bool| Field::new(name, DataType::Utf8, nullable);
        let schema = Arc::new(Schema::new(vec![
            Field::new("row", DataType::Int64, false),
            text("field", false),
            text("type", false),
            text("msg", false),
            text("input", true),
            text("ctx", false),
        ]));
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.row.finish()),
            Arc::new(self.field.finish()),
            Arc::new(self.kind.finish()),
            Arc::new(self.msg.finish()),
            Arc::new(self.input.finish()),
            Arc::new(self.ctx.finish()),
        ];
        let batch =
            RecordBatch::try_new(Arc::clone(&schema), columns).map_err(|e| arrow_error(&e))?;
        Ok(ArrowTable {
            schema,
            batches: vec![batch],
        })
    }
}

#[doc = pydoc!("check_arrow")]
#[pyfunction]
#[pyo3(signature = (data, *, kind, lang = "da", p_number_checksum = true, as_of = None, policy = None, jobs = 0, row_offset = 0))]
#[allow(
    clippy::too_many_arguments,
    reason = "the keyword arguments of the Python function"
)]
pub fn check_arrow(
    py: Python<'_>,
    data: Data,
    kind: &str,
    lang: &str,
    p_number_checksum: bool,
    as_of: Option<chrono::NaiveDate>,
    policy: Option<&Bound<'_, PyAny>>,
    jobs: i64,
    row_offset: usize,
) -> PyResult<ArrowTable> {
    let checking = Checking::new(py, kind, lang, (p_number_checksum, as_of, policy), jobs)?;
    let mut table = ProblemTable::new(checking.lang);
    check_data(py, data, &checking, row_offset, &mut |row, problems| {
        table.push(row, &problems);
    })?;
    table.finish()
}

#[doc = pydoc!("arrow_valid_rows")]
#[pyfunction]
#[pyo3(signature = (data, *, kind, p_number_checksum = true, as_of = None, policy = None, jobs = 0))]
pub fn arrow_valid_rows(
    py: Python<'_>,
    data: Data,
    kind: &str,
    p_number_checksum: bool,
    as_of: Option<chrono::NaiveDate>,
    policy: Option<&Bound<'_, PyAny>>,
    jobs: i64,
) -> PyResult<ArrowBooleans> {
    let checking = Checking::new(py, kind, "en", (p_number_checksum, as_of, policy), jobs)?;
    let mut bad = Vec::new();
    let rows = check_data(py, data, &checking, 0, &mut |row, _| bad.push(row))?;
    let mut valid = vec![true; rows];
    for row in bad {
        if let Some(v) = valid.get_mut(row) {
            *v = false;
        }
    }
    Ok(ArrowBooleans::new(valid))
}

/// Whether each cell of `column` is a valid value of `kind` (a null is not).
fn mask_chunk(kind: ValueKind, column: &Column<'_>, len: usize, jobs: usize) -> Vec<bool> {
    columnar::on_threads(len, jobs, |range| {
        range
            .map(|i| {
                column
                    .cell(i)
                    .is_some_and(|text| kind.canonical(&text).is_ok())
            })
            .collect()
    })
}

#[doc = pydoc!("arrow_valid_mask")]
#[pyfunction]
#[pyo3(signature = (values, *, kind, jobs = 0))]
pub fn arrow_valid_mask(
    py: Python<'_>,
    values: AnyArray,
    kind: &str,
    jobs: i64,
) -> PyResult<ArrowBooleans> {
    let kind = value_kind(kind)?;
    let jobs = count("jobs", jobs)?;
    let reader = values.into_reader()?;
    py.detach(|| {
        let field = reader.field();
        let mut mask = Vec::new();
        for chunk in reader {
            let chunk = chunk.map_err(|e| arrow_error(&e))?;
            let column = Column::new(chunk.as_ref(), field.name())?;
            mask.extend(mask_chunk(kind, &column, chunk.len(), jobs));
        }
        Ok(ArrowBooleans::new(mask))
    })
}
