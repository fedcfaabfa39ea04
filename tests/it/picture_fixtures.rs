//! Pictures made by the tests themselves, and the hostile ones every picture test serves.
use crate::support::{Response, Server};
use image::{ImageEncoder, RgbImage};

/// A PNG made here: `w` x `h`, a gradient.
pub fn png(w: u32, h: u32) -> Vec<u8> {
    let img = RgbImage::from_fn(w, h, |x, y| image::Rgb([x as u8, y as u8, 120]));
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

/// A PNG whose header claims 100,000 x 100,000 pixels (checksum fixed so it parses).
pub fn bomb() -> Vec<u8> {
    let mut bytes = png(4, 4);
    bytes[16..24].copy_from_slice(&[0, 1, 0x86, 0xa0, 0, 1, 0x86, 0xa0]);
    let mut crc = !0u32;
    for &b in &bytes[12..29] {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    bytes[29..33].copy_from_slice(&(!crc).to_be_bytes());
    bytes
}

/// Serves the hostile pictures: a decompression bomb (`/anh/bom.png`), a truncated file
/// (`/anh/cut.png`), a 40 MB body (`/anh/to.jpg`) and a page sent as a picture
/// (`/anh/html.jpg`).
pub fn serve_hostile(server: &Server) {
    server.route("/anh/bom.png", Response::ok(bomb(), "image/png"));
    let good = png(64, 64);
    server.route(
        "/anh/cut.png",
        Response::ok(good[..good.len() / 2].to_vec(), "image/png"),
    );
    server.route(
        "/anh/to.jpg",
        Response::large(40 * 1024 * 1024, "image/jpeg"),
    );
    server.route(
        "/anh/html.jpg",
        Response::ok("<html>lỗi</html>", "image/jpeg"),
    );
}
