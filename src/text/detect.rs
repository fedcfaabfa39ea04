//! Finding a declared charset inside the bytes (XML prolog, HTML `<meta>`), and judging
//! whether bytes are UTF-8.

/// How far into a document browsers look for a `<meta charset>`.
const PRESCAN_LEN: usize = 1024;

/// The charset label declared by an XML prolog (`<?xml ... encoding="..."?>`) or an HTML
/// `<meta charset>` / `<meta http-equiv="Content-Type" content="...; charset=...">` within the
/// first 1024 bytes.
pub fn prescan(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(PRESCAN_LEN)];
    xml_encoding(head).or_else(|| meta_charset(head))
}

fn xml_encoding(head: &[u8]) -> Option<String> {
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let rest = &head[start..];
    if !rest.starts_with(b"<?xml") {
        return None;
    }
    let end = find(rest, b"?>")?;
    let decl = &rest[..end];
    let at = find(decl, b"encoding")? + b"encoding".len();
    let after = skip_spaces(&decl[at..]);
    let after = skip_spaces(after.strip_prefix(b"=")?);
    let quote = *after.first().filter(|q| **q == b'"' || **q == b'\'')?;
    let value = &after[1..];
    let close = value.iter().position(|&b| b == quote)?;
    label(&value[..close])
}

fn meta_charset(head: &[u8]) -> Option<String> {
    let lower = head.to_ascii_lowercase();
    let mut i = 0;
    while i < lower.len() {
        let rest = &lower[i..];
        if rest.starts_with(b"<!--") {
            // A commented-out <meta> does not count.
            i += find(rest, b"-->").map_or(lower.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with(b"<meta") && rest.get(5).is_some_and(|b| !b.is_ascii_alphanumeric()) {
            let end = rest.iter().position(|&b| b == b'>').unwrap_or(rest.len());
            if let Some(l) = charset_in(&rest[..end]) {
                return Some(l);
            }
            i += end;
            continue;
        }
        i += 1;
    }
    None
}

/// `charset=value` anywhere in a `<meta>` tag: the attribute or inside `content`.
fn charset_in(tag: &[u8]) -> Option<String> {
    let mut from = 0;
    while let Some(p) = find(&tag[from..], b"charset") {
        let after = skip_spaces(&tag[from + p + b"charset".len()..]);
        if let Some(v) = after.strip_prefix(b"=") {
            let v = skip_spaces(v);
            let v = v
                .strip_prefix(b"\"")
                .or_else(|| v.strip_prefix(b"'"))
                .unwrap_or(v);
            let len = v
                .iter()
                .position(|b| !(b.is_ascii_alphanumeric() || b"-_.:".contains(b)))
                .unwrap_or(v.len());
            if let Some(l) = label(&v[..len]) {
                return Some(l);
            }
        }
        from += p + 1;
    }
    None
}

fn label(v: &[u8]) -> Option<String> {
    let s = std::str::from_utf8(v).ok()?.trim();
    (!s.is_empty()).then(|| s.to_ascii_lowercase())
}

fn skip_spaces(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Whether bytes can be read as UTF-8: valid, or nearly so (a stray bad byte among many
/// good multi-byte letters, or a sequence cut at the very end by a size limit).
pub fn is_mostly_utf8(bytes: &[u8]) -> bool {
    let (good, bad) = utf8_letters_and_faults(bytes);
    bad == 0 || good >= 8 * bad
}

/// Whether bytes that declare themselves UTF-8 are that: valid, or with no more faults
/// than good multi-byte letters. A single-byte charset mislabelled UTF-8 has next to no
/// valid multi-byte sequence, while a short UTF-8 file with one stray byte (in a comment,
/// a title) still has a few letters for each fault.
pub fn is_declared_utf8(bytes: &[u8]) -> bool {
    let (good, bad) = utf8_letters_and_faults(bytes);
    bad == 0 || good >= bad
}

/// Non-ASCII letters decoded and runs of invalid bytes (a sequence cut at the very end
/// by a size limit is no fault), in one pass.
fn utf8_letters_and_faults(bytes: &[u8]) -> (usize, usize) {
    if std::str::from_utf8(bytes).is_ok() {
        return (0, 0);
    }
    let (mut bad, mut good) = (0usize, 0usize);
    let mut chunks = bytes.utf8_chunks().peekable();
    while let Some(chunk) = chunks.next() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        let last = chunks.peek().is_none();
        let cut_at_end = last && chunk.invalid().len() < 4;
        if !chunk.invalid().is_empty() && !cut_at_end {
            bad += 1;
        }
    }
    (good, bad)
}

/// The top-level domain of a host, lowercase ASCII as chardetng requires (it panics on
/// anything else): `VnExpress.NET` gives `net`.
pub fn tld(host: &str) -> Option<String> {
    let host = host.trim_end_matches('.');
    let last = host.rsplit('.').next()?;
    (host.contains('.') && !last.is_empty() && last.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| last.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_prolog() {
        let doc = b"\n <?xml version=\"1.0\" encoding='windows-1258'?><rss/>";
        assert_eq!(prescan(doc).as_deref(), Some("windows-1258"));
        assert_eq!(prescan(b"<?xml version=\"1.0\"?><rss/>"), None);
    }

    #[test]
    fn html_meta() {
        let a = b"<html><head><META CHARSET=\"TCVN3\"></head>";
        assert_eq!(prescan(a).as_deref(), Some("tcvn3"));
        let b = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=VISCII\">";
        assert_eq!(prescan(b).as_deref(), Some("viscii"));
        let c = b"<!-- <meta charset=\"koi8-r\"> --><meta charset=utf-8>";
        assert_eq!(prescan(c).as_deref(), Some("utf-8"));
        let mut late = vec![b' '; 1100];
        late.extend_from_slice(b"<meta charset=\"utf-8\">");
        assert_eq!(prescan(&late), None);
        assert_eq!(prescan(b"<metadata charset=x>"), None);
    }

    #[test]
    fn utf8_judgement() {
        assert!(is_mostly_utf8("Tiếng Việt".as_bytes()));
        assert!(is_mostly_utf8(&"Việt".as_bytes()[..4]));
        let mut stray = "Đường sắt tốc độ cao trên trục Bắc Nam"
            .repeat(3)
            .into_bytes();
        stray.insert(6, 0xFF);
        assert!(is_mostly_utf8(&stray));
        assert!(!is_mostly_utf8(&[
            0x54, 0x69, 0xD5, 0x6E, 0x67, 0x20, 0x56, 0x69, 0xD6, 0x74
        ]));
    }

    #[test]
    fn declared_utf8_forgives_a_stray_byte_but_not_a_single_byte_charset() {
        let mut stray = "<!-- x --><title>Tuổi Trẻ</title><b>Tin Việt Nam</b>"
            .as_bytes()
            .to_vec();
        stray.insert(8, 0xFF);
        assert!(!is_mostly_utf8(&stray));
        assert!(is_declared_utf8(&stray));
        let mut bom32 = "Tuổi Trẻ, Tin Việt Nam".as_bytes().to_vec();
        bom32.splice(0..0, [0, 0, 0xFE, 0xFF]);
        assert!(is_declared_utf8(&bom32));
        // "Tiếng Việt" in windows-1258: no valid multi-byte sequence at all.
        let cp1258 = [
            0x54, 0x69, 0xEA, 0xEC, 0x6E, 0x67, 0x20, 0x56, 0x69, 0xEA, 0xF2, 0x74,
        ];
        assert!(!is_declared_utf8(&cp1258));
    }

    #[test]
    fn tlds() {
        assert_eq!(tld("VnExpress.NET").as_deref(), Some("net"));
        assert_eq!(tld("tuoitre.vn.").as_deref(), Some("vn"));
        assert_eq!(tld("xn--bcher-kva.ch").as_deref(), Some("ch"));
        assert_eq!(tld("a.xn--p1ai"), None);
        assert_eq!(tld("localhost"), None);
        assert_eq!(tld("127.0.0.1"), None);
    }
}
