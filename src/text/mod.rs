//! The text pipeline of `shared/docs/vietnamese.md`: bytes -> charset -> NFC -> sanitized ->
//! folded for search, measured and wrapped by grapheme.
pub mod collate;
pub mod date;
pub mod decode;
pub mod detect;
pub mod entities;
pub mod fold;
pub mod hash;
pub mod legacy;
mod legacy_tables;
pub mod mojibake;
pub mod normalize;
pub mod number;
pub mod reading;
pub mod syllable;
pub mod wrap;

pub use collate::compare;
pub use date::parse_vi_date;
pub use decode::{decode_bytes, decode_with_label};
pub use fold::{find_folded, fold};
pub use mojibake::repair_mojibake;
pub use normalize::{clean_block, clean_line, nfc};
pub use number::{parse_count, parse_vi_number};
pub use wrap::{truncate, width, wrap, wrap_ranges};
