//! Width, wrapping and truncation by grapheme cluster.
