//! One thread owns the [`super::Store`]; async callers send it closures over a channel.
