//! Checking rows that a host holds column by column (a data frame, Arrow record batches) on
//! several threads: the host says how to read one row's cells, the core splits the rows into
//! contiguous ranges, checks each range on a thread of its own and returns the problems in row
//! order.

use std::borrow::Cow;
use std::ops::Range;

use super::{Header, RecordKind};
use crate::export::resolve_jobs;
use crate::{Problems, ValidationPolicy};

/// Fewer rows than this per thread are checked on the calling thread: starting a thread costs
/// about as much as checking a few hundred rows.
pub const MIN_ROWS_PER_THREAD: usize = 4096;

/// Runs `work` over `0..len` split into at most `jobs` contiguous ranges (`0` is one per CPU,
/// as [`resolve_jobs`] says), each on a thread of its own, and joins the results in order. A
/// range is never shorter than [`MIN_ROWS_PER_THREAD`] unless it is the only one.
pub fn on_threads<T, F>(len: usize, jobs: usize, work: F) -> Vec<T>
where
    T: Send,
    F: Fn(Range<usize>) -> Vec<T> + Sync,
{
    let threads = resolve_jobs(jobs)
        .min(len.div_ceil(MIN_ROWS_PER_THREAD))
        .max(1);
    if threads == 1 {
        return work(0..len);
    }
    let step = len.div_ceil(threads);
    let work = &work;
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let range = (t * step).min(len)..((t + 1) * step).min(len);
                scope.spawn(move || work(range))
            })
            .collect();
        let mut out = Vec::new();
        for handle in handles {
            // A checking thread does not panic; if one did, its panic goes on here.
            match handle.join() {
                Ok(part) => out.extend(part),
                Err(payload) => std::panic::resume_unwind(payload),
            }
        }
        out
    })
}

impl RecordKind {
    /// Checks rows `0..rows` laid out as `header` says on `jobs` threads (see [`on_threads`]):
    /// `cells(row, out)` pushes that row's cells, one per header column, `None` for an absent
    /// value (as in [`RecordKind::check_sparse_row_with`]). Returns each row that has problems,
    /// with its problems, in row order; a valid row is left out.
    ///
    /// ```
    /// use std::borrow::Cow;
    /// use unilogin::record::RecordKind;
    /// use unilogin::ValidationPolicy;
    /// let cvr = ["13585628", "13585627"];
    /// let p_number = [Some("1029829825"), None];
    /// let header = RecordKind::Register.header(["cvrNummer", "pNummer"]);
    /// let bad = RecordKind::Register.check_columns(&header, &ValidationPolicy::STIL, 2, 0, |row, out| {
    ///     out.push(Some(Cow::Borrowed(cvr[row])));
    ///     out.push(p_number[row].map(Cow::Borrowed));
    /// });
    /// // Both rows lack the register's other fields; only the second has a bad check digit.
    /// let codes = |row: usize| -> Vec<&str> {
    ///     bad.iter().filter(|(r, _)| *r == row).flat_map(|(_, p)| p.iter().map(|p| p.kind().code())).collect()
    /// };
    /// assert_eq!(bad.iter().map(|(row, _)| *row).collect::<Vec<_>>(), [0, 1]);
    /// assert!(!codes(0).contains(&"cvr_checksum") && codes(1).contains(&"cvr_checksum"));
    /// ```
    pub fn check_columns<'a, F>(
        self,
        header: &Header,
        policy: &ValidationPolicy,
        rows: usize,
        jobs: usize,
        cells: F,
    ) -> Vec<(usize, Problems)>
    where
        F: Fn(usize, &mut Vec<Option<Cow<'a, str>>>) + Sync,
    {
        let header = if header.kind() == self {
            Cow::Borrowed(header)
        } else {
            Cow::Owned(self.header(header.names()))
        };
        let header = header.as_ref();
        on_threads(rows, jobs, |range| {
            let mut row_cells = Vec::with_capacity(header.names().len());
            let mut out = Vec::new();
            for row in range {
                row_cells.clear();
                cells(row, &mut row_cells);
                let problems = self.check_sparse_row_with(header, row_cells.drain(..), policy);
                if !problems.is_empty() {
                    out.push((row, problems));
                }
            }
            out
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_cover_every_index_once_in_order_whatever_the_thread_count() {
        for (len, jobs) in [
            (0, 0),
            (1, 4),
            (4095, 2),
            (4097, 2),
            (20_000, 3),
            (20_000, 64),
        ] {
            let seen: Vec<usize> = on_threads(len, jobs, Iterator::collect);
            assert_eq!(seen, (0..len).collect::<Vec<_>>(), "len {len}, jobs {jobs}");
        }
    }

    #[test]
    fn rows_checked_on_threads_are_the_rows_checked_one_by_one() {
        let header = RecordKind::Register.header(["cvrNummer", "pNummer", "email"]);
        let cvr = |row: usize| if row % 7 == 0 { "13585627" } else { "13585628" };
        let email = |row: usize| (row % 5 != 0).then_some("a@b.dk");
        let rows = 10_000;
        let bad = RecordKind::Register.check_columns(
            &header,
            &ValidationPolicy::STIL,
            rows,
            2,
            |row, out| {
                out.push(Some(Cow::Borrowed(cvr(row))));
                out.push(Some(Cow::Borrowed("1029829825")));
                out.push(email(row).map(Cow::Borrowed));
            },
        );
        let expected: Vec<(usize, Problems)> = (0..rows)
            .filter_map(|row| {
                let problems = RecordKind::Register.check_sparse_row_with(
                    &header,
                    [Some(cvr(row)), Some("1029829825"), email(row)],
                    &ValidationPolicy::STIL,
                );
                (!problems.is_empty()).then_some((row, problems))
            })
            .collect();
        assert!(!expected.is_empty());
        assert_eq!(bad, expected);
    }

    #[test]
    fn a_header_of_another_kind_is_resolved_for_the_kind_checked() {
        let header = RecordKind::Request.header(["cvrNummer"]);
        let bad =
            RecordKind::Register.check_columns(&header, &ValidationPolicy::STIL, 1, 1, |_, out| {
                out.push(Some(Cow::Borrowed("13585627")));
            });
        let codes: Vec<_> = bad[0].1.iter().map(|p| p.kind().code()).collect();
        assert!(codes.contains(&"cvr_checksum"), "{codes:?}");
    }
}
