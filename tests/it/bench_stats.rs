//! The statistics of the benchmark harness (benches/harness/stats.rs): benches build
//! without a test harness, so its tests run here.
#[path = "../../benches/harness/stats.rs"]
mod stats;

use stats::{Summary, human, percentile};

fn near(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn percentiles_interpolate_between_ranks() {
    let v = [1.0, 2.0, 3.0, 4.0];
    assert!(near(percentile(&v, 0.5), 2.5));
    assert!(near(percentile(&v, 0.0), 1.0));
    assert!(near(percentile(&v, 1.0), 4.0));
    let eleven: Vec<f64> = (0..=10).map(f64::from).collect();
    assert!(near(percentile(&eleven, 0.1), 1.0));
    assert!(near(percentile(&eleven, 0.9), 9.0));
    assert!(near(percentile(&[7.0], 0.9), 7.0));
    assert_eq!(percentile(&[], 0.5), None);
}

#[test]
fn summary_sorts_its_samples() {
    let s = Summary::of(&[5.0, 1.0, 3.0, 2.0, 4.0]).unwrap();
    assert!(near(Some(s.median), 3.0));
    assert!(near(Some(s.min), 1.0));
    assert!(near(Some(s.p10), 1.4));
    assert!(near(Some(s.p90), 4.6));
    assert_eq!(s.samples, 5);
    assert_eq!(Summary::of(&[]), None);
}

#[test]
fn human_units() {
    assert_eq!(human(0.5), "0.500 ns");
    assert_eq!(human(123.44), "123.4 ns");
    assert_eq!(human(999.0), "999.0 ns");
    assert_eq!(human(1_000.0), "1.000 µs");
    assert_eq!(human(12_345.0), "12.35 µs");
    assert_eq!(human(1_234_000.0), "1.234 ms");
    assert_eq!(human(250_000_000.0), "250.0 ms");
    assert_eq!(human(3_500_000_000.0), "3.500 s");
}
