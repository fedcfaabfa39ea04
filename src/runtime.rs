//! The effect runner: the only place that spawns tasks; owns the client and store handle.

/// Opens the reader (the TUI) on the cache of `ctx`.
pub fn run(ctx: crate::commands::Ctx) -> anyhow::Result<()> {
    let _ = ctx;
    anyhow::bail!("the reader is not built yet")
}
