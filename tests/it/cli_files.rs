//! Files that are not files (issue 7, finding 7): a FIFO, a device, a directory or an
//! oversized file named to `import`, `read` or `--config` is refused at once, in one line.
use crate::cli_common::Docbao;
use std::path::Path;
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

/// Runs with a deadline: a command that blocks on a FIFO or reads /dev/zero forever fails
/// the test instead of hanging it.
fn run_within(d: &Docbao, args: &[&str], limit: Duration) -> Output {
    let mut child = d
        .command()
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("docbao {args:?} still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// Exit 1 and one line on stderr that contains `says`.
fn refused(d: &Docbao, args: &[&str], says: &str) {
    let out = run_within(d, args, Duration::from_secs(10));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
    assert!(err.contains(says), "{args:?}: {err}");
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn devices_fifos_and_directories_are_refused_at_once() {
    let d = Docbao::new();
    let fifo = d.data_dir().join("pipe");
    mkfifo(&fifo);
    let fifo = fifo.to_str().unwrap();
    let dir = d.data_dir().to_str().unwrap();
    for file in ["/dev/zero", "/dev/urandom"] {
        refused(
            &d,
            &["import", file],
            "a character device, not a regular file",
        );
        refused(&d, &["--config", file, "feeds"], "a character device");
        refused(&d, &["read", file], "a character device");
    }
    refused(&d, &["import", fifo], "pipe: a FIFO, not a regular file");
    refused(&d, &["read", fifo], "a FIFO");
    refused(&d, &["--config", fifo, "feeds"], "a FIFO");
    refused(&d, &["import", dir], "a directory, not a regular file");
    refused(&d, &["--config", dir, "feeds"], "a directory");
}

#[test]
fn oversized_files_are_refused_without_being_read() {
    let d = Docbao::new();
    // Sparse: the size is what counts, and nothing of it is read.
    let big = d.data_dir().join("big.opml");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(16 * 1024 * 1024 + 1)
        .unwrap();
    let big = big.to_str().unwrap();
    refused(&d, &["import", big], "big.opml: larger than 16 MiB");
    refused(&d, &["read", big], "larger than 16 MiB");
    let config = d.data_dir().join("config.toml");
    let mut text = String::from("keep_days = 30\n");
    text.push_str(&"# ghi chú\n".repeat(100_000));
    std::fs::write(&config, text).unwrap();
    refused(
        &d,
        &["--config", config.to_str().unwrap(), "feeds"],
        "config.toml: larger than 1 MiB",
    );
}

#[test]
fn a_config_that_is_not_utf8_names_its_line() {
    let d = Docbao::new();
    let config = d.data_dir().join("config.toml");
    std::fs::write(&config, b"keep_days = 30\n# Ti\xeang Vi\xeat\n").unwrap();
    refused(
        &d,
        &["--config", config.to_str().unwrap(), "feeds"],
        "config.toml line 2: not UTF-8 text",
    );
}
