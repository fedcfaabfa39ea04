//! The figures of one benchmark from its samples (nanoseconds per iteration), and times in
//! human units. Pure functions, tested by tests/it/bench_stats.rs (which includes this file).

/// What one benchmark reports.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub median: f64,
    pub min: f64,
    pub p10: f64,
    pub p90: f64,
    pub samples: usize,
}

impl Summary {
    /// `None` for no samples.
    pub fn of(samples: &[f64]) -> Option<Summary> {
        let mut sorted = samples.to_vec();
        sorted.sort_by(f64::total_cmp);
        Some(Summary {
            median: percentile(&sorted, 0.5)?,
            min: *sorted.first()?,
            p10: percentile(&sorted, 0.1)?,
            p90: percentile(&sorted, 0.9)?,
            samples: sorted.len(),
        })
    }
}

/// The `p` quantile (0..=1) of sorted values, interpolated linearly between the two nearest
/// ranks (so the median of an even count is the mean of the middle two).
pub fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let pos = p.clamp(0.0, 1.0) * last as f64;
    let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
    Some(sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64))
}

/// Nanoseconds as ns, µs, ms or s, with four significant digits: `1.234 ms`, `12.35 µs`,
/// `123.4 ns`.
pub fn human(ns: f64) -> String {
    // Rounded first, so that 999.96 ns is "1.000 µs", not "1000.0 ns".
    let ns = if ns.is_finite() && ns > 0.0 {
        let step = 10f64.powi(ns.log10().floor() as i32 - 3);
        (ns / step).round() * step
    } else {
        ns
    };
    let (value, unit) = if ns >= 1e9 {
        (ns / 1e9, "s")
    } else if ns >= 1e6 {
        (ns / 1e6, "ms")
    } else if ns >= 1e3 {
        (ns / 1e3, "µs")
    } else {
        (ns, "ns")
    };
    let decimals = if value >= 100.0 {
        1
    } else if value >= 10.0 {
        2
    } else {
        3
    };
    format!("{value:.decimals$} {unit}")
}
