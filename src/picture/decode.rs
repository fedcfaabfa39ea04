//! Decoding an image without trusting it: the format is sniffed from the bytes (a server's
//! content type is often wrong), the dimensions are read from the header and refused before
//! any pixel is allocated when they are absurd, and the decoder runs under `image`'s
//! allocation limit. A GIF gives its first frame.
use image::{DynamicImage, ImageFormat, ImageReader, Limits};
use std::io::Cursor;

/// Wider or taller than this is refused (news photos are under 5,000 px).
pub const MAX_SIDE: u32 = 12_000;
/// At most this many pixels (a 6,000 x 4,000 photo is 24 M): 100 MB as RGBA at most,
/// so a command that decodes one picture at a time stays within its memory bound.
pub const MAX_PIXELS: u64 = 25_000_000;
/// The decoder's own allocation cap, for what the header checks cannot see.
pub const MAX_ALLOC: u64 = 110 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("not an image in a known format")]
    Unknown,
    #[error("the image is too large ({0} x {1} pixels)")]
    TooLarge(u32, u32),
    #[error("the image is broken: {0}")]
    Broken(String),
}

/// The formats docbao decodes.
pub fn sniff(bytes: &[u8]) -> Option<ImageFormat> {
    let format = image::guess_format(bytes).ok()?;
    matches!(
        format,
        ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP | ImageFormat::Gif
    )
    .then_some(format)
}

/// The width and height the header claims, checked against the caps; no pixel decoded.
pub fn dimensions(bytes: &[u8]) -> Result<(u32, u32), DecodeError> {
    let format = sniff(bytes).ok_or(DecodeError::Unknown)?;
    let reader = ImageReader::with_format(Cursor::new(bytes), format);
    let (w, h) = reader
        .into_dimensions()
        .map_err(|e| DecodeError::Broken(crate::text::clean_line(&e.to_string())))?;
    if w == 0 || h == 0 || w > MAX_SIDE || h > MAX_SIDE || u64::from(w) * u64::from(h) > MAX_PIXELS
    {
        return Err(DecodeError::TooLarge(w, h));
    }
    Ok((w, h))
}

/// Decodes `bytes` within the caps.
pub fn decode(bytes: &[u8]) -> Result<DynamicImage, DecodeError> {
    let (w, h) = dimensions(bytes)?;
    let format = sniff(bytes).ok_or(DecodeError::Unknown)?;
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => DecodeError::TooLarge(w, h),
        e => DecodeError::Broken(crate::text::clean_line(&e.to_string())),
    })
}

/// `image` scaled down (never up) to fit `max_w` x `max_h` pixels, keeping its shape.
pub fn fit(image: DynamicImage, max_w: u32, max_h: u32) -> DynamicImage {
    if image.width() <= max_w && image.height() <= max_h {
        return image;
    }
    image.thumbnail(max_w.max(1), max_h.max(1))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use image::{ImageEncoder, RgbImage};

    /// A PNG of `w` x `h` made here, a colour gradient.
    pub(crate) fn png(w: u32, h: u32) -> Vec<u8> {
        let img = RgbImage::from_fn(w, h, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        });
        let mut out = Vec::new();
        image::codecs::png::PngEncoder::new(&mut out)
            .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
            .unwrap();
        out
    }

    #[test]
    fn a_real_png_decodes_and_fits() {
        let img = decode(&png(300, 200)).unwrap();
        assert_eq!((img.width(), img.height()), (300, 200));
        let small = fit(img, 150, 150);
        assert_eq!((small.width(), small.height()), (150, 100));
    }

    #[test]
    fn a_header_claiming_huge_dimensions_is_refused_before_decoding() {
        // A valid PNG whose IHDR says 100,000 x 100,000 (CRC fixed up so the header parses).
        let mut bytes = png(4, 4);
        bytes[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        bytes[20..24].copy_from_slice(&100_000u32.to_be_bytes());
        let crc = crc32(&bytes[12..29]);
        bytes[29..33].copy_from_slice(&crc.to_be_bytes());
        assert_eq!(
            dimensions(&bytes),
            Err(DecodeError::TooLarge(100_000, 100_000))
        );
        assert!(matches!(decode(&bytes), Err(DecodeError::TooLarge(..))));
    }

    #[test]
    fn truncated_and_foreign_bytes_are_errors_not_panics() {
        let bytes = png(64, 64);
        for cut in [0, 8, 20, 40, bytes.len() / 2] {
            assert!(decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        // Without its last checksum byte the pixels are all there: either answer is fine,
        // a panic is not.
        let _ = decode(&bytes[..bytes.len() - 1]);
        assert_eq!(
            decode(b"<html>not a picture</html>"),
            Err(DecodeError::Unknown)
        );
    }

    fn crc32(data: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &b in data {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
}
