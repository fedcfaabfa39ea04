//! Bytes to text: BOM, HTTP charset, XML prolog / HTML meta prescan, sniffing, legacy
//! Vietnamese font encodings (TCVN3, VNI, VISCII). The result is NFC.
use super::detect::{is_declared_utf8, is_mostly_utf8, prescan, tld};
use super::legacy::{self, Legacy};
use super::mojibake::{looks_like_mojibake, repair_mojibake};
use super::syllable::{Score, score_text};
use encoding_rs::{Encoding, UTF_8, WINDOWS_1258};
use std::borrow::Cow;

/// Bytes of a document scored to choose between decodings (more if they hold few words).
const SAMPLE_LEN: usize = 16 * 1024;
const LARGE_SAMPLE_LEN: usize = 1024 * 1024;
/// Non-ASCII words scored per decoding.
const SCORE_WORDS: usize = 2000;
/// Bytes given to chardetng.
const SNIFF_LEN: usize = 256 * 1024;

/// A charset as a label names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Charset {
    Standard(&'static Encoding),
    Legacy(Legacy),
}

fn resolve(label: &str) -> Option<Charset> {
    Legacy::from_label(label)
        .map(Charset::Legacy)
        .or_else(|| Encoding::for_label(label.trim().as_bytes()).map(Charset::Standard))
}

/// Decodes a body as the pipeline of vietnamese.md says. `content_type` is the HTTP header;
/// `host` gives chardetng its TLD hint.
pub fn decode_bytes(bytes: &[u8], content_type: Option<&str>, host: Option<&str>) -> String {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return finish_unicode(text);
    }
    let declared = content_type
        .and_then(charset_param)
        .and_then(resolve)
        .or_else(|| {
            // A document cannot declare itself UTF-16 from inside (WHATWG): read it as UTF-8.
            prescan(bytes).and_then(|l| resolve(&l)).map(|c| match c {
                Charset::Standard(e)
                    if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE =>
                {
                    Charset::Standard(UTF_8)
                }
                other => other,
            })
        });
    match declared {
        Some(Charset::Legacy(cs)) => cs.decode(bytes),
        Some(Charset::Standard(enc)) if enc == UTF_8 => match declared_utf8_text(bytes) {
            Some(text) => finish_unicode(text),
            None => sniff(bytes, host),
        },
        Some(Charset::Standard(enc)) if enc.is_single_byte() => best_decoding(bytes, enc),
        Some(Charset::Standard(enc)) => standard(enc, bytes),
        None => sniff(bytes, host),
    }
}

/// Decodes `bytes` exactly as `label` says (standard WHATWG labels plus `tcvn3`, `vni`,
/// `viscii` and their aliases), without detection; `None` for an unknown label. NFC.
pub fn decode_with_label(bytes: &[u8], label: &str) -> Option<String> {
    Some(match resolve(label)? {
        Charset::Legacy(cs) => cs.decode(bytes),
        Charset::Standard(enc) => standard(enc, bytes),
    })
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

/// No usable declaration: UTF-8 if the bytes are UTF-8, else chardetng's guess checked
/// against the legacy Vietnamese charsets.
fn sniff(bytes: &[u8], host: Option<&str>) -> String {
    if let Some(enc) = utf16_without_bom(bytes) {
        return standard(enc, bytes);
    }
    if let Some(text) = utf8_text(bytes) {
        return finish_unicode(text);
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    det.feed(head, head.len() == bytes.len());
    let tld = host.and_then(tld);
    let guess = det.guess(
        tld.as_deref().map(str::as_bytes),
        chardetng::Utf8Detection::Deny,
    );
    best_decoding(bytes, guess)
}

/// UTF-16 without a byte order mark, told by its zero bytes: in text that is mostly ASCII
/// (markup always is) every other byte is zero. chardetng does not detect UTF-16, and read
/// as a single-byte charset such a page became one text node of millions of characters
/// that took 277 MB to extract.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    if pairs < 32 {
        return None;
    }
    let zeros = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    if odd * 10 >= pairs * 4 && even * 20 <= pairs {
        Some(encoding_rs::UTF_16LE)
    } else if even * 10 >= pairs * 4 && odd * 20 <= pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Decodes with `base` unless a legacy Vietnamese charset (or windows-1258, or UTF-8) reads
/// the bytes as clearly better Vietnamese: at least 0.8 of the non-ASCII words valid
/// syllables and 0.2 more than `base` gives.
fn best_decoding(bytes: &[u8], base: &'static Encoding) -> String {
    if bytes.is_ascii() {
        return standard(base, bytes);
    }
    let mut sample = sample_of(bytes, SAMPLE_LEN);
    let mut base_score = score_standard(sample, base);
    if base_score.total < 20 && sample.len() < bytes.len() {
        sample = sample_of(bytes, LARGE_SAMPLE_LEN);
        base_score = score_standard(sample, base);
    }
    let mut best: Option<(Charset, f64)> = None;
    let utf8_ok = base != UTF_8 && is_mostly_utf8(bytes);
    let mut candidates: Vec<Charset> = legacy::ALL.iter().map(|&l| Charset::Legacy(l)).collect();
    if base != WINDOWS_1258 {
        candidates.push(Charset::Standard(WINDOWS_1258));
    }
    if utf8_ok {
        candidates.push(Charset::Standard(UTF_8));
    }
    for cand in candidates {
        let r = cand.score(sample).ratio();
        if best.is_none_or(|(_, b)| r > b) {
            best = Some((cand, r));
        }
    }
    match best {
        Some((cand, r)) if r >= 0.8 && r >= base_score.ratio() + 0.2 => cand.decode(bytes),
        _ => standard(base, bytes),
    }
}

impl Charset {
    /// The bytes as this charset reads them; UTF-8 with the mojibake repair.
    fn decode(self, bytes: &[u8]) -> String {
        match self {
            Self::Legacy(cs) => cs.decode(bytes),
            Self::Standard(enc) if enc == UTF_8 => finish_unicode(String::from_utf8_lossy(bytes)),
            Self::Standard(enc) => standard(enc, bytes),
        }
    }

    fn score(self, sample: &[u8]) -> Score {
        score_text(&self.decode(sample), SCORE_WORDS)
    }
}

fn score_standard(sample: &[u8], enc: &'static Encoding) -> Score {
    Charset::Standard(enc).score(sample)
}

/// The first `max` bytes, cut after the last ASCII whitespace so no word is split.
fn sample_of(bytes: &[u8], max: usize) -> &[u8] {
    if bytes.len() <= max {
        return bytes;
    }
    let head = &bytes[..max];
    match head.iter().rposition(|b| b.is_ascii_whitespace()) {
        Some(p) if p > max / 2 => &head[..p],
        _ => head,
    }
}

/// The bytes of a document that declares UTF-8, read as that unless they are clearly
/// something else: one stray byte must not turn every letter into mojibake.
fn declared_utf8_text(bytes: &[u8]) -> Option<Cow<'_, str>> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(Cow::Borrowed(text)),
        Err(_) if is_declared_utf8(bytes) => Some(String::from_utf8_lossy(bytes)),
        Err(_) => None,
    }
}

/// The bytes as UTF-8 when they are (nearly) that, validated once: nearly every feed is
/// valid UTF-8, and a second pass over it was a measurable part of a refresh.
fn utf8_text(bytes: &[u8]) -> Option<Cow<'_, str>> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(Cow::Borrowed(text)),
        Err(_) if is_mostly_utf8(bytes) => Some(String::from_utf8_lossy(bytes)),
        Err(_) => None,
    }
}

/// The bytes as `enc` reads them, NFC, without detection or repair.
fn standard(enc: &'static Encoding, bytes: &[u8]) -> String {
    super::nfc(&enc.decode_without_bom_handling(bytes).0)
}

/// Text decoded from a Unicode encoding: repaired if it is UTF-8 read as windows-1252, NFC.
fn finish_unicode(text: Cow<'_, str>) -> String {
    if looks_like_mojibake(&text)
        && let Some(fixed) = repair_mojibake(&text)
    {
        return fixed;
    }
    super::nfc(&text)
}
