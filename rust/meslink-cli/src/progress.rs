//! A progress bar with rate and ETA, made here (the `indicatif` crate's current releases
//! need a newer Rust than the workspace's rust-version). It goes to standard error: on a
//! terminal it is redrawn in place; elsewhere (a log, a pipe) a line is printed at every
//! tenth of the way.

use std::collections::VecDeque;
use std::io::Write;
use std::time::{Duration, Instant};

/// The rate is measured over this much recent time.
const RATE_WINDOW: Duration = Duration::from_secs(3);
const WIDTH: u64 = 30;

pub struct Bar {
    total: u64,
    terminal: bool,
    samples: VecDeque<(Instant, u64)>,
    last_tenth: Option<u64>,
}

impl Bar {
    pub fn new(total: u64, terminal: bool) -> Bar {
        Bar {
            total,
            terminal,
            samples: VecDeque::new(),
            last_tenth: None,
        }
    }

    /// Shows `done` bytes. A count lower than the last one (the server held fewer bytes
    /// than were sent before a connection broke) restarts the rate.
    pub fn update(&mut self, done: u64) {
        let now = Instant::now();
        if self.samples.back().is_some_and(|&(_, last)| done < last) {
            self.samples.clear();
        }
        self.samples.push_back((now, done));
        while self.samples.len() > 2
            && self
                .samples
                .front()
                .is_some_and(|&(t, _)| now.duration_since(t) > RATE_WINDOW)
        {
            self.samples.pop_front();
        }
        let line = self.line(done);
        if self.terminal {
            eprint!("\r{line}\x1b[K");
            let _ = std::io::stderr().flush();
            return;
        }
        let tenth = (done * 10).checked_div(self.total).unwrap_or(10);
        if self.last_tenth != Some(tenth) {
            self.last_tenth = Some(tenth);
            eprintln!("{line}");
        }
    }

    /// Ends the bar's line on a terminal.
    pub fn finish(&self) {
        if self.terminal {
            eprintln!();
        }
    }

    /// Bytes a second over the recent window, once there is one.
    fn rate(&self) -> Option<f64> {
        let (&(t0, b0), &(t1, b1)) = (self.samples.front()?, self.samples.back()?);
        let secs = t1.duration_since(t0).as_secs_f64();
        (secs >= 0.2).then(|| b1.saturating_sub(b0) as f64 / secs)
    }

    fn line(&self, done: u64) -> String {
        let filled = (done * WIDTH)
            .checked_div(self.total)
            .unwrap_or(WIDTH)
            .min(WIDTH);
        let percent = (done * 100).checked_div(self.total).unwrap_or(100);
        let (rate, eta) = match self.rate() {
            Some(r) if r > 0.0 => (
                format!("{}/s", bytes(r as u64)),
                duration((self.total.saturating_sub(done)) as f64 / r),
            ),
            _ => ("-".to_owned(), "-".to_owned()),
        };
        format!(
            "[{}{}] {percent:>3} %  {} / {}  {rate}  ETA {eta}",
            "#".repeat(filled as usize),
            ".".repeat((WIDTH - filled) as usize),
            bytes(done),
            bytes(self.total),
        )
    }
}

/// `20.0 MB`, `512 KB`, `17 B` (powers of 1024).
pub fn bytes(n: u64) -> String {
    const KB: f64 = 1024.0;
    let f = n as f64;
    if f >= KB * KB {
        format!("{:.1} MB", f / (KB * KB))
    } else if f >= KB {
        format!("{:.0} KB", f / KB)
    } else {
        format!("{n} B")
    }
}

/// `4.2 s`, `42 s`, `3 min 05 s`.
pub fn duration(secs: f64) -> String {
    if secs < 9.95 {
        return format!("{secs:.1} s");
    }
    let s = secs.round() as u64;
    if s < 60 {
        format!("{s} s")
    } else {
        format!("{} min {:02} s", s / 60, s % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_durations_read_as_words() {
        assert_eq!(bytes(17), "17 B");
        assert_eq!(bytes(512 * 1024), "512 KB");
        assert_eq!(bytes(20 * 1024 * 1024), "20.0 MB");
        assert_eq!(duration(4.44), "4.4 s");
        assert_eq!(duration(42.4), "42 s");
        assert_eq!(duration(185.0), "3 min 05 s");
    }

    #[test]
    fn the_bar_shows_percent_and_no_rate_before_there_is_one() {
        let bar = Bar::new(200, false);
        let line = bar.line(50);
        assert!(
            line.starts_with("[#######.......................]  25 %"),
            "{line}"
        );
        assert!(line.ends_with("-  ETA -"), "{line}");
    }
}
