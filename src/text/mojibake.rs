//! UTF-8 that was decoded as windows-1252 ("Tiáº¿ng Viá»‡t"): encode back to the bytes and
//! read them as UTF-8 wherever they form valid sequences.
use super::syllable::score_text;

/// Words scored to judge a repair.
const SCORE_WORDS: usize = 2000;

/// The windows-1252 byte of `c`, if `c` is in windows-1252; C1 controls give their own byte,
/// as a latin-1 decoder (or WHATWG's for the five unassigned bytes) produced them.
fn cp1252_byte(c: char) -> Option<u8> {
    let cp = c as u32;
    if cp <= 0xFF {
        return Some(cp as u8);
    }
    Some(match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '\u{2018}' => 0x91,
        '\u{2019}' => 0x92,
        '\u{201C}' => 0x93,
        '\u{201D}' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    })
}

/// Whether `s` holds at least one lead character (Â..ï) followed by a continuation character
/// (byte 0x80..=0xBF in windows-1252): the mark of UTF-8 read as windows-1252. Cheap: it
/// scans bytes and looks closer only at U+00C2..U+00EF (encoded C3 82..C3 AF).
pub fn looks_like_mojibake(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(p) = b[i..].iter().position(|&x| x == 0xC3) {
        let at = i + p;
        if b.get(at + 1).is_some_and(|x| (0x82..=0xAF).contains(x))
            && s[at + 2..]
                .chars()
                .next()
                .and_then(cp1252_byte)
                .is_some_and(|x| (0x80..=0xBF).contains(&x))
        {
            return true;
        }
        i = at + 1;
    }
    false
}

/// Recovers UTF-8 text that was decoded as windows-1252 or latin-1: "Tiáº¿ng Viá»‡t" becomes
/// "Tiếng Việt". `None` when nothing in `s` reads back as UTF-8. The result is NFC.
pub fn repair_mojibake(s: &str) -> Option<String> {
    if !looks_like_mojibake(s) {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    let mut run: Vec<u8> = Vec::new();
    let mut fixed = 0usize;
    for c in s.chars() {
        match cp1252_byte(c) {
            Some(b) => run.push(b),
            None => {
                fixed += flush(&mut run, &mut out);
                out.push(c);
            }
        }
    }
    fixed += flush(&mut run, &mut out);
    if fixed == 0 {
        return None;
    }
    // Genuine text can hold a lead/continuation pair ("CÔ”" is C3 94 in windows-1252):
    // keep the repair only if it leaves the Vietnamese words at least as valid as before.
    let out = super::nfc(&out);
    let (before, after) = (score_text(s, SCORE_WORDS), score_text(&out, SCORE_WORDS));
    (after.valid >= before.valid && after.ratio() >= before.ratio()).then_some(out)
}

/// Appends `run` read as UTF-8 where valid and as windows-1252 elsewhere; returns how many
/// multi-byte characters came out of it.
fn flush(run: &mut Vec<u8>, out: &mut String) -> usize {
    let mut fixed = 0;
    for chunk in run.utf8_chunks() {
        fixed += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        out.push_str(chunk.valid());
        let (latin, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(chunk.invalid());
        out.push_str(&latin);
    }
    run.clear();
    fixed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn as_cp1252(s: &str) -> String {
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(s.as_bytes())
            .0
            .into_owned()
    }

    #[test]
    fn vector_is_recovered() {
        assert_eq!(as_cp1252("Tiếng Việt"), "Tiáº¿ng Viá»‡t");
        assert_eq!(
            repair_mojibake("Tiáº¿ng Viá»‡t").as_deref(),
            Some("Tiếng Việt")
        );
    }

    #[test]
    fn latin1_reading_is_recovered_too() {
        let latin1: String = "Việt".bytes().map(char::from).collect();
        assert_eq!(latin1, "Vi\u{E1}\u{BB}\u{87}t");
        assert_eq!(repair_mojibake(&latin1).as_deref(), Some("Việt"));
    }

    #[test]
    fn whole_sentences_and_mixed_text() {
        let s = "Đường sắt tốc độ cao “Bắc – Nam” — đọc báo…";
        assert_eq!(repair_mojibake(&as_cp1252(s)).as_deref(), Some(s));
        // A correctly decoded letter beside a broken part stays as it is.
        let mixed = format!("ệ {}", as_cp1252("Hà Nội"));
        assert_eq!(repair_mojibake(&mixed).as_deref(), Some("ệ Hà Nội"));
    }

    #[test]
    fn clean_text_is_left_alone() {
        assert_eq!(repair_mojibake("Tiếng Việt"), None);
        assert_eq!(repair_mojibake("café crème, naïve"), None);
        assert_eq!(repair_mojibake("plain ascii"), None);
        assert!(!looks_like_mojibake("Thủ tướng Chính phủ"));
        assert_eq!(repair_mojibake("CÔ\u{201D} VÀ CHÁU"), None);
        assert_eq!(repair_mojibake("cafÃ©").as_deref(), Some("café"));
    }
}
