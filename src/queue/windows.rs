//! The measuring windows of the automatic transitions: events within the last
//! N seconds (mails too fast, errors per hour, the SMTP path's hourly limits)
//! and the results of the last N mails (the `recent` error ratio). Memory is
//! bounded by the window, never by the mail count.

use std::collections::VecDeque;

/// Events in a sliding window of `width` seconds, run-length encoded by
/// second: at most `width` entries whatever the number of events.
pub struct SlidingWindow {
    width: i64,
    seconds: VecDeque<(i64, u64)>,
    total: u64,
}

impl SlidingWindow {
    pub fn new(width: u64) -> SlidingWindow {
        SlidingWindow { width: width.max(1) as i64, seconds: VecDeque::new(), total: 0 }
    }
    /// The window is `(now - width, now]`.
    fn forget_before(&mut self, now: i64) {
        while let Some(&(at, n)) = self.seconds.front() {
            if at > now - self.width {
                break;
            }
            self.total -= n;
            self.seconds.pop_front();
        }
    }
    pub fn count(&mut self, now: i64) -> u64 {
        self.forget_before(now);
        self.total
    }
    pub fn push(&mut self, now: i64) {
        self.forget_before(now);
        match self.seconds.back_mut() {
            Some((at, n)) if *at == now => *n += 1,
            _ => self.seconds.push_back((now, 1)),
        }
        self.total += 1;
    }
    pub fn clear(&mut self) {
        self.seconds.clear();
        self.total = 0;
    }
}

/// The last `size` send results (error or not), for the `recent` error ratio.
pub struct RatioWindow {
    results: Vec<bool>,
    next: usize,
    pub filled: u64,
    pub errors: u64,
}

impl RatioWindow {
    pub fn new(size: u64) -> RatioWindow {
        RatioWindow { results: vec![false; size.max(1) as usize], next: 0, filled: 0, errors: 0 }
    }
    pub fn push(&mut self, error: bool) {
        let len = self.results.len();
        if self.filled as usize == len {
            if self.results[self.next] {
                self.errors -= 1;
            }
        } else {
            self.filled += 1;
        }
        self.results[self.next] = error;
        if error {
            self.errors += 1;
        }
        self.next = (self.next + 1) % len;
    }
    pub fn clear(&mut self) {
        self.results.iter_mut().for_each(|r| *r = false);
        self.next = 0;
        self.filled = 0;
        self.errors = 0;
    }
}
