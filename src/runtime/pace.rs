//! Frames at most once per interval: a storm of keys or resizes is drawn every 10 ms, not
//! once per event; the first change after a pause is drawn at once.
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy)]
pub struct Pacer {
    every: Duration,
    last: Option<Instant>,
}

impl Pacer {
    pub fn new(every: Duration) -> Pacer {
        Pacer { every, last: None }
    }

    /// Whether a frame may be drawn at `now`.
    pub fn ready(&self, now: Instant) -> bool {
        self.last
            .is_none_or(|last| now.saturating_duration_since(last) >= self.every)
    }

    /// A frame was drawn at `now`.
    pub fn drawn(&mut self, now: Instant) {
        self.last = Some(now);
    }

    /// The earliest time the next frame may be drawn.
    pub fn next(&self) -> Option<Instant> {
        self.last.map(|last| last + self.every)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A second of changes every millisecond: about a hundred frames, never two closer
    /// than 10 ms; after a pause the next change is drawn at once.
    #[test]
    fn a_storm_is_drawn_every_ten_milliseconds() {
        let start = Instant::now();
        let mut p = Pacer::new(Duration::from_millis(10));
        let mut frames = Vec::new();
        for ms in 0..1000 {
            let now = start + Duration::from_millis(ms);
            if p.ready(now) {
                p.drawn(now);
                frames.push(ms);
            }
        }
        assert_eq!(frames.len(), 100);
        assert!(frames.windows(2).all(|w| w[1] - w[0] >= 10));
        let later = start + Duration::from_millis(5000);
        assert!(p.ready(later));
        assert_eq!(frames[0], 0, "the first change is drawn at once");
        p.drawn(later);
        assert_eq!(p.next(), Some(later + Duration::from_millis(10)));
        assert!(!p.ready(later + Duration::from_millis(9)));
    }
}
