//! The article's pictures: which images an article has and with what caption
//! ([`refs`]), fetching them within limits ([`fetch`]), decoding without trusting what a
//! file claims about itself ([`decode`]). The bytes are cached in the store (`images`
//! table) for offline reading, within a budget; the reader draws them with our own
//! encoders ([`encode`]).
pub mod decode;
pub mod detect;
pub mod draw;
pub mod encode;
pub mod fetch;
pub mod refs;

pub use refs::{ImageRef, list};

pub use crate::config::ImageMode;

/// The most bytes one image may take on the wire (decompressed), counted while streaming.
pub const MAX_IMAGE_BYTES: usize = 8 * 1024 * 1024;
/// At most this many images of one article are listed, fetched or cached.
pub const MAX_IMAGES_PER_ARTICLE: usize = 60;
