//! A per-user rate limit: at most `limit` commands in any `window`.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

/// Sliding-window limiter keyed by user id.
#[derive(Debug)]
pub struct RateLimiter {
    limit: usize,
    window: Duration,
    seen: HashMap<u64, VecDeque<Instant>>,
}

impl RateLimiter {
    /// At most `limit` calls per user in any `window`.
    pub fn new(limit: usize, window: Duration) -> Self {
        RateLimiter {
            limit: limit.max(1),
            window,
            seen: HashMap::new(),
        }
    }

    /// Records a call by `user` at `now`; `Err(wait)` when over the limit.
    pub fn check(&mut self, user: u64, now: Instant) -> Result<(), Duration> {
        let window = self.window;
        let calls = self.seen.entry(user).or_default();
        while calls
            .front()
            .is_some_and(|t| now.duration_since(*t) >= window)
        {
            calls.pop_front();
        }
        if calls.len() >= self.limit {
            let oldest = *calls.front().expect("non-empty when over the limit");
            return Err(window - now.duration_since(oldest));
        }
        calls.push_back(now);
        // Forget idle users now and then so the map does not grow for ever.
        if self.seen.len() > 10_000 {
            self.seen
                .retain(|_, c| c.back().is_some_and(|t| now.duration_since(*t) < window));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_each_user_separately_and_recovers() {
        let mut rl = RateLimiter::new(2, Duration::from_secs(10));
        let t0 = Instant::now();
        assert!(rl.check(1, t0).is_ok());
        assert!(rl.check(1, t0 + Duration::from_secs(1)).is_ok());
        let wait = rl.check(1, t0 + Duration::from_secs(2)).unwrap_err();
        assert_eq!(wait, Duration::from_secs(8));
        assert!(
            rl.check(2, t0 + Duration::from_secs(2)).is_ok(),
            "other users are not affected"
        );
        assert!(
            rl.check(1, t0 + Duration::from_secs(10)).is_ok(),
            "the window slides"
        );
        assert!(rl.check(1, t0 + Duration::from_millis(10_500)).is_err());
    }
}
