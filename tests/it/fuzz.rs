//! The budget of the property tests. Every property test is named `prop_…` and takes its
//! config from here: CI runs the default number of cases from a fixed seed, so a failure
//! reproduces; `scripts/fuzz.sh` multiplies the cases (`DOCBAO_FUZZ_SCALE`) and draws a new
//! seed (`DOCBAO_FUZZ_SEED`) to search further. A case it finds becomes a regression test.
use proptest::test_runner::{Config, RngSeed};

/// `cases` scaled by `DOCBAO_FUZZ_SCALE` (default 1), from `DOCBAO_FUZZ_SEED` (default fixed).
#[allow(
    dead_code,
    reason = "no property test on this branch yet; the branches merging add them"
)]
pub fn config(cases: u32) -> Config {
    let scale = env_u64("DOCBAO_FUZZ_SCALE").unwrap_or(1).max(1);
    let seed = env_u64("DOCBAO_FUZZ_SEED").unwrap_or(0x00d0_cba0);
    Config {
        cases: u32::try_from(u64::from(cases) * scale).unwrap_or(u32::MAX),
        rng_seed: RngSeed::Fixed(seed),
        failure_persistence: None,
        ..Config::default()
    }
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok()?.parse().ok()
}
