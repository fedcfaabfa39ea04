//! The text pipeline of `shared/docs/vietnamese.md`: bytes -> charset -> NFC -> sanitized ->
//! folded for search, measured and wrapped by grapheme.
pub mod collate;
pub mod date;
pub mod decode;
pub mod fold;
pub mod legacy;
mod legacy_tables;
pub mod normalize;
pub mod syllable;
pub mod wrap;

pub use decode::decode_bytes;
pub use fold::fold;
pub use normalize::{clean_block, clean_line, nfc};
