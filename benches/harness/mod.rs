//! Our benchmark harness, shared by the files of benches/ (`harness = false`). Per
//! benchmark: a warm-up that also sizes the batches, then samples of batched iterations
//! (~10 ms or more each) for the measurement time; it prints the median time per iteration,
//! the minimum, the 10th and 90th percentiles and the sample count, and appends the same as
//! one JSON line to target/bench-results/FILE.jsonl to compare runs.
//!
//!     cargo bench --bench tui -- key_to_frame    # only names containing the words given
//!     DOCBAO_BENCH_SECS=10 cargo bench           # measurement time per benchmark (3 s)
//!
//! Without `--bench` (which `cargo bench` passes; e.g. `cargo test --benches`) each
//! benchmark runs once, as a test that it works.
#![allow(dead_code, reason = "each bench file uses a part of it")]
mod stats;

use stats::{Summary, human};
use std::hint::black_box;
use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Aim of one sample: long enough for the clock's resolution and the loop to vanish.
const SAMPLE: Duration = Duration::from_millis(10);

pub struct Harness {
    file: &'static str,
    filters: Vec<String>,
    measure: bool,
    warm_up: Duration,
    time: Duration,
    group: String,
    min_samples: usize,
    ran: usize,
}

impl Harness {
    /// From the command line and DOCBAO_BENCH_SECS; `file` names the results file.
    pub fn new(file: &'static str) -> Harness {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let secs = std::env::var("DOCBAO_BENCH_SECS")
            .ok()
            .and_then(|s| s.parse::<f64>().ok())
            .filter(|s| s.is_finite() && *s > 0.0)
            .unwrap_or(3.0);
        let time = Duration::from_secs_f64(secs);
        Harness {
            file,
            // Cargo's and libtest's flags (`--bench`, `--nocapture`...) are not filters.
            filters: args
                .iter()
                .filter(|a| !a.starts_with('-'))
                .cloned()
                .collect(),
            measure: args.iter().any(|a| a == "--bench"),
            warm_up: (time / 2).min(Duration::from_secs(1)),
            time,
            group: String::new(),
            min_samples: 10,
            ran: 0,
        }
    }

    /// The benchmarks after this are named `name/...` and take at least `min_samples`
    /// samples, even past the measurement time (for those of a second or more).
    pub fn group(&mut self, name: &str, min_samples: usize) {
        self.group = format!("{name}/");
        self.min_samples = min_samples.max(1);
    }

    /// Times `f`, its output kept from the optimiser and dropped in the timed loop.
    pub fn bench<O>(&mut self, name: &str, mut f: impl FnMut() -> O) {
        self.run(name, |n| {
            let started = Instant::now();
            for _ in 0..n {
                black_box(f());
            }
            started.elapsed()
        });
    }

    /// Times `routine` on a fresh `setup()` each iteration; the setup and the dropping of
    /// the outputs are not timed.
    pub fn bench_with_setup<I, O>(
        &mut self,
        name: &str,
        mut setup: impl FnMut() -> I,
        mut routine: impl FnMut(I) -> O,
    ) {
        self.run(name, |n| {
            let inputs: Vec<I> = (0..n).map(|_| setup()).collect();
            let mut outputs = Vec::with_capacity(inputs.len());
            let started = Instant::now();
            for input in inputs {
                outputs.push(black_box(routine(black_box(input))));
            }
            let elapsed = started.elapsed();
            drop(outputs);
            elapsed
        });
    }

    /// `batch(n)` runs n iterations and says how long they took.
    fn run(&mut self, name: &str, mut batch: impl FnMut(u64) -> Duration) {
        let name = format!("{}{name}", self.group);
        if !self.filters.is_empty() && !self.filters.iter().any(|f| name.contains(f.as_str())) {
            return;
        }
        self.ran += 1;
        if !self.measure {
            batch(1);
            println!("{name}: ok (ran once; `cargo bench` measures)");
            return;
        }
        // Warm-up: batches of doubling size; their time per iteration sizes the samples.
        let (mut iters, mut spent, mut n) = (0u64, Duration::ZERO, 1u64);
        let started = Instant::now();
        while started.elapsed() < self.warm_up {
            spent += batch(n);
            iters += n;
            n = n.saturating_mul(2);
        }
        let per_iter = spent.as_secs_f64() / iters.max(1) as f64;
        let n = (SAMPLE.as_secs_f64() / per_iter.max(1e-12)).ceil().max(1.0) as u64;
        let mut samples = Vec::new();
        let started = Instant::now();
        while started.elapsed() < self.time || samples.len() < self.min_samples {
            samples.push(batch(n).as_nanos() as f64 / n as f64);
        }
        let Some(s) = Summary::of(&samples) else {
            return;
        };
        println!(
            "{name}\n    median {}   min {}   p10 {}   p90 {}   ({} samples x {n})",
            human(s.median),
            human(s.min),
            human(s.p10),
            human(s.p90),
            s.samples
        );
        if let Err(e) = self.record(&name, &s, n) {
            eprintln!("bench results not saved: {e}");
        }
    }

    /// One JSON line appended to target/bench-results/FILE.jsonl.
    fn record(&self, name: &str, s: &Summary, iters: u64) -> std::io::Result<()> {
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
        let dir = target.join("bench-results");
        std::fs::create_dir_all(&dir)?;
        let line = serde_json::json!({
            "name": name,
            "median_ns": s.median,
            "min_ns": s.min,
            "p10_ns": s.p10,
            "p90_ns": s.p90,
            "samples": s.samples,
            "iters_per_sample": iters,
            "timestamp": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        });
        let mut out = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(dir.join(format!("{}.jsonl", self.file)))?;
        writeln!(out, "{line}")
    }
}

impl Drop for Harness {
    /// A filter that matched nothing says so, rather than a silent empty run.
    fn drop(&mut self) {
        if self.ran == 0 && !self.filters.is_empty() {
            eprintln!(
                "{}: no benchmark name contains {:?}",
                self.file, self.filters
            );
        }
    }
}
