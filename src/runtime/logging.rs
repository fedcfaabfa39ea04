//! tracing to `<data_dir>/docbao.log`: nothing is printed while the TUI runs.
use std::fs::OpenOptions;
use std::path::Path;
use std::sync::Mutex;
use tracing_subscriber::EnvFilter;

/// Installs the file logger (once per process; later calls keep the first).
pub fn init(data_dir: &Path) -> std::io::Result<()> {
    let file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(data_dir.join("docbao.log"))?;
    let filter = EnvFilter::try_from_env("DOCBAO_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false)
        .with_writer(Mutex::new(file))
        .try_init();
    Ok(())
}
