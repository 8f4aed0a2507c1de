//! Checking an export on several threads: this thread reads, `jobs` threads split, decode and
//! check batches of rows, and the rows come back to the caller in file order.

use std::collections::BTreeMap;
use std::io::Read;
use std::ops::ControlFlow;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{mpsc, Arc, Mutex};

use super::ExportChecker;
use crate::export::{ExportError, ExportRow, RowBatch};

/// Rows per batch handed to a checking thread: large enough that handing over costs little
/// next to checking, small enough that the first rows come back soon. (A batch also ends at
/// [`crate::export::MAX_BATCH_BYTES`].)
const BATCH_ROWS: usize = 1024;

/// Batches in flight per checking thread: enough that a thread the system pauses for a while
/// does not stall the others while the rows are handed out in order.
const BATCHES_PER_JOB: usize = 8;

/// The most checking threads [`ExportChecker::check_all`] starts.
pub const MAX_JOBS: usize = 32;

/// The most batches in flight when that is more than two per thread, so that memory stays
/// within a few times `MAX_IN_FLIGHT` × [`crate::export::MAX_BATCH_BYTES`] on machines with many CPUs.
const MAX_IN_FLIGHT: usize = 32;

/// The rows of a checked batch, and the error that ended it early.
type Checked = (Vec<ExportRow>, Option<ExportError>);

/// A checked batch, or the panic of the thread that checked it.
type Outcome = std::thread::Result<Checked>;

/// How many checking threads `jobs` asks for: `0` is one per CPU; at most [`MAX_JOBS`].
pub fn resolve_jobs(jobs: usize) -> usize {
    match jobs {
        0 => std::thread::available_parallelism().map_or(1, usize::from),
        n => n,
    }
    .min(MAX_JOBS)
}

/// Checks the remaining rows of `checker` on `jobs` threads for [`ExportChecker::check_all`].
pub(crate) fn check_on_threads<R: Read, B>(
    checker: &mut ExportChecker<R>,
    jobs: usize,
    on_row: &mut impl FnMut(ExportRow) -> ControlFlow<B>,
) -> Result<Option<B>, ExportError> {
    let row_checker = checker.row_checker();
    let limit = jobs
        .saturating_mul(BATCHES_PER_JOB)
        .min(MAX_IN_FLIGHT)
        .max(jobs.saturating_mul(2));
    std::thread::scope(|scope| {
        let (work, inbox) = mpsc::sync_channel::<(usize, RowBatch)>(limit);
        let inbox = Arc::new(Mutex::new(inbox));
        let (done, results) = mpsc::channel::<(usize, Outcome)>();
        for _ in 0..jobs {
            let inbox = Arc::clone(&inbox);
            let done = done.clone();
            let row_checker = row_checker.clone();
            scope.spawn(move || loop {
                let next = inbox.lock().map_or(None, |inbox| inbox.recv().ok());
                let Some((seq, batch)) = next else { break };
                // A panic (there is none to reach) goes to the reading thread, which would
                // otherwise wait for this batch forever.
                let outcome = panic::catch_unwind(AssertUnwindSafe(|| row_checker.check(batch)));
                if done.send((seq, outcome)).is_err() {
                    break;
                }
            });
        }
        drop(done);
        // Batches sent, the next batch to hand out, batches checked out of order.
        let (mut sent, mut next) = (0_usize, 0_usize);
        let mut pending = BTreeMap::new();
        let mut reading = true;
        let mut failure = None;
        loop {
            while reading && sent - next < limit {
                match checker.next_batch(BATCH_ROWS) {
                    Ok(Some(batch)) => {
                        if work.send((sent, batch)).is_err() {
                            reading = false;
                        }
                        sent += 1;
                    }
                    Ok(None) => reading = false,
                    Err(error) => {
                        failure = Some(error);
                        reading = false;
                    }
                }
            }
            if next == sent {
                break;
            }
            let Ok((seq, result)) = results.recv() else {
                break;
            };
            pending.insert(
                seq,
                result.unwrap_or_else(|payload| panic::resume_unwind(payload)),
            );
            while let Some((rows, error)) = pending.remove(&next) {
                next += 1;
                for row in rows {
                    checker.record(&row);
                    let end = (row.end_line, row.bytes_read);
                    if let ControlFlow::Break(b) = on_row(row) {
                        checker.stop_after(end);
                        // Dropping `work` on return ends the checking threads.
                        return Ok(Some(b));
                    }
                }
                if let Some(error) = error {
                    // The rows before it were handed out; nothing after it.
                    return Err(error);
                }
            }
        }
        failure.map_or(Ok(None), Err)
    })
}
