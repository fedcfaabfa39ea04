//! Extract plus render of a typical page, in process.
fn main() {}
