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
    // Rounding that carries into the next digit or unit keeps four digits.
    assert_eq!(human(999.96), "1.000 µs");
    assert_eq!(human(9.9996), "10.00 ns");
    assert_eq!(human(99_999_999.0), "100.0 ms");
}

proptest::proptest! {
    #![proptest_config(crate::fuzz::config(256))]

    /// Any samples: the figures are in order and within the samples' range, and every
    /// time reads with a unit.
    #[test]
    fn prop_summaries_are_ordered_and_times_readable(
        samples in proptest::collection::vec(0.0f64..1e12, 1..200)
    ) {
        let s = Summary::of(&samples).unwrap();
        let max = samples.iter().copied().fold(f64::MIN, f64::max);
        proptest::prop_assert!(s.min <= s.p10 && s.p10 <= s.median && s.median <= s.p90);
        proptest::prop_assert!(s.p90 <= max);
        proptest::prop_assert_eq!(s.samples, samples.len());
        for v in [s.min, s.median, s.p90] {
            let h = human(v);
            proptest::prop_assert!(["ns", "µs", "ms", "s"].iter().any(|u| h.ends_with(u)), "{}", h);
            let digits = h.chars().filter(char::is_ascii_digit).count();
            proptest::prop_assert!(digits == 4 || !(1.0..1e12).contains(&v), "{}: {}", v, h);
        }
    }
}
