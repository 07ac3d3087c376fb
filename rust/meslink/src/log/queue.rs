//! A bounded queue of records: what a host's reader takes records from.

use super::{recompute_max, Level, Record, QUEUES};
use parking_lot::{Condvar, Mutex};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A record taken from a queue, with the number of records dropped (the queue was full)
/// since the record taken before it.
#[derive(Clone, Debug)]
pub struct LogEntry {
    pub record: Record,
    pub dropped_before: u64,
}

pub(super) struct Shared {
    /// The most verbose level wanted (a [`Level`] as a number; 0 off).
    pub level: AtomicU8,
    capacity: usize,
    state: Mutex<State>,
    ready: Condvar,
}

#[derive(Default)]
struct State {
    records: VecDeque<Record>,
    /// Dropped since the last record taken.
    dropped: u64,
    dropped_total: u64,
}

impl Shared {
    /// Appends `record`, dropping the oldest one when full. Never blocks on a reader:
    /// the lock is held only to move a record in.
    pub fn push(&self, record: Record) {
        let mut s = self.state.lock();
        if s.records.len() >= self.capacity {
            s.records.pop_front();
            s.dropped += 1;
            s.dropped_total += 1;
        }
        s.records.push_back(record);
        drop(s);
        self.ready.notify_all();
    }
}

/// A registered queue of log records, off until [`LogQueue::set_level`] asks for some.
/// Dropping it unregisters it.
pub struct LogQueue {
    shared: Arc<Shared>,
}

impl LogQueue {
    /// Registers a queue holding at most `capacity` records (at least 1) and installs the
    /// forwarding layer (see [`super::install`]).
    pub fn register(capacity: usize) -> LogQueue {
        super::install();
        let shared = Arc::new(Shared {
            level: AtomicU8::new(0),
            capacity: capacity.max(1),
            state: Mutex::new(State::default()),
            ready: Condvar::new(),
        });
        QUEUES.write().push(shared.clone());
        LogQueue { shared }
    }

    /// The most verbose level forwarded to this queue; `None` turns it off. Records of
    /// a level nobody wants are never formatted.
    pub fn set_level(&self, level: Option<Level>) {
        let n = level.map_or(0, |l| l as u8);
        if self.shared.level.swap(n, Ordering::Relaxed) != n {
            recompute_max();
        }
    }

    pub fn level(&self) -> Option<Level> {
        Level::from_number(self.shared.level.load(Ordering::Relaxed).into())
    }

    /// The oldest record, if any, without waiting.
    pub fn pop(&self) -> Option<LogEntry> {
        let mut s = self.shared.state.lock();
        let record = s.records.pop_front()?;
        let dropped_before = std::mem::take(&mut s.dropped);
        Some(LogEntry {
            record,
            dropped_before,
        })
    }

    /// The oldest record, waiting up to `timeout` for one.
    pub fn next(&self, timeout: Duration) -> Option<LogEntry> {
        if self.wait(timeout) {
            self.pop()
        } else {
            None
        }
    }

    /// Waits up to `timeout` until the queue holds a record (without taking it); answers
    /// whether it does.
    pub fn wait(&self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        let mut s = self.shared.state.lock();
        while s.records.is_empty() {
            if self.shared.ready.wait_until(&mut s, deadline).timed_out() {
                return !s.records.is_empty();
            }
        }
        true
    }

    pub fn is_empty(&self) -> bool {
        self.shared.state.lock().records.is_empty()
    }

    /// Records dropped because the queue was full, since it was registered.
    pub fn dropped_total(&self) -> u64 {
        self.shared.state.lock().dropped_total
    }

    /// Wakes every thread waiting in [`LogQueue::wait`] or [`LogQueue::next`] (they find
    /// the queue as it is).
    pub fn wake(&self) {
        self.shared.ready.notify_all();
    }
}

impl Drop for LogQueue {
    fn drop(&mut self) {
        QUEUES.write().retain(|q| !Arc::ptr_eq(q, &self.shared));
        recompute_max();
        self.shared.ready.notify_all();
    }
}
