//! A progress bar on standard error, redrawn at most ten times a second.

use std::io::{self, Write};
use std::time::{Duration, Instant};

use unilogin::Lang;

/// How often the bar is redrawn.
const INTERVAL: Duration = Duration::from_millis(100);
/// The width of the bar in characters.
const WIDTH: usize = 30;

/// A progress bar; does nothing when disabled.
#[derive(Debug)]
pub(crate) struct Progress {
    enabled: bool,
    total: Option<u64>,
    last: Option<Instant>,
    drawn: bool,
}

impl Progress {
    pub(crate) fn new(enabled: bool) -> Self {
        Self {
            enabled,
            total: None,
            last: None,
            drawn: false,
        }
    }

    /// The size of the input in bytes, when known.
    pub(crate) fn with_total(mut self, total: Option<u64>) -> Self {
        self.total = total.filter(|&t| t > 0);
        self
    }

    /// Redraws the bar if enough time has passed: `bytes` read, `rows` checked.
    pub(crate) fn update(&mut self, bytes: u64, rows: usize, lang: Lang) {
        if !self.enabled || rows % 64 != 1 {
            return;
        }
        let now = Instant::now();
        if self
            .last
            .is_some_and(|last| now.duration_since(last) < INTERVAL)
        {
            return;
        }
        self.last = Some(now);
        self.drawn = true;
        let line = render(bytes, self.total, rows, lang);
        let _ = write!(io::stderr(), "\r{line}");
    }

    /// Clears the bar.
    pub(crate) fn finish(&mut self) {
        if self.drawn {
            let _ = write!(io::stderr(), "\r\x1b[2K");
            self.drawn = false;
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

/// The bar's text, e.g. `[#########.....................]  30% 123456 rows`.
pub(crate) fn render(bytes: u64, total: Option<u64>, rows: usize, lang: Lang) -> String {
    let rows_word = match lang {
        Lang::Da => "rækker",
        _ => "rows",
    };
    match total {
        Some(total) => {
            let permille = bytes.saturating_mul(1000) / total.max(1);
            let percent = (permille / 10).min(100);
            let filled = usize::try_from(permille.min(1000)).unwrap_or(1000) * WIDTH / 1000;
            format!(
                "[{}{}] {percent:>3}% {rows} {rows_word}",
                "#".repeat(filled),
                ".".repeat(WIDTH - filled)
            )
        }
        None => format!("{rows} {rows_word}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_fills_with_the_bytes_read() {
        assert_eq!(
            render(0, Some(200), 1, Lang::En),
            format!("[{}]   0% 1 rows", ".".repeat(30))
        );
        assert_eq!(
            render(100, Some(200), 5, Lang::Da),
            format!("[{}{}]  50% 5 rækker", "#".repeat(15), ".".repeat(15))
        );
        assert_eq!(
            render(250, Some(200), 7, Lang::En),
            format!("[{}] 100% 7 rows", "#".repeat(30))
        );
        assert_eq!(render(9, None, 3, Lang::En), "3 rows");
    }
}
