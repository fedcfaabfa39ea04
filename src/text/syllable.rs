//! A Vietnamese syllable validator (onset + rhyme + tone rules), the core of charset scoring:
//! a decoding that turns bytes into valid syllables is the right one.
use std::sync::OnceLock;
use unicode_normalization::char::{compose, decompose_canonical};

/// The 29 letters of the Vietnamese alphabet; a letter's code is its index + 1.
const ALPHABET: [char; 29] = [
    'a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ',
    'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'x', 'y',
];

/// Onsets, longest first so that "ngh" is tried before "ng" and "n".
const ONSETS: [&str; 28] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];

/// Every rhyme (glide + nucleus + coda) of standard spelling, without tone.
const RHYMES: &str = "a ac ach ai am an ang anh ao ap at au ay \
    ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây \
    e ec em en eng eo ep et ê êch êm ên ênh êp êt êu \
    i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu \
    o oc oi om on ong op ot oong ooc ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt \
    u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôt \
    ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu \
    y yêm yên yêng yêt yêu \
    oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt \
    oe oec oem oen oeo oet \
    uân uâng uât uây uê uêch uênh uơ uy uya uych uyn uynh uyp uyt uyu uyên uyêt";

/// Tone of a letter: none, huyền, hỏi, ngã, sắc, nặng.
const TONE_NONE: u8 = 0;
const TONE_ACUTE: u8 = 4;
const TONE_DOT: u8 = 5;

/// Longest syllable ("nghiêng") has 7 letters.
const MAX_LETTERS: usize = 7;

struct Tables {
    /// (letter code, tone) for U+00C0..=U+01B0; code 0 means "not a Vietnamese letter".
    latin: Vec<(u8, u8)>,
    /// Same for U+1EA0..=U+1EF9.
    ext: Vec<(u8, u8)>,
    /// Packed rhymes, sorted for binary search.
    rhymes: Vec<u32>,
    /// Packed onsets in the order of [`ONSETS`], with their lengths.
    onsets: Vec<(u32, usize)>,
}

fn letter_code(c: char) -> u8 {
    ALPHABET
        .iter()
        .position(|&a| a == c)
        .map_or(0, |i| i as u8 + 1)
}

fn tone_of(mark: char) -> Option<u8> {
    match mark {
        '\u{300}' => Some(1),
        '\u{309}' => Some(2),
        '\u{303}' => Some(3),
        '\u{301}' => Some(4),
        '\u{323}' => Some(5),
        _ => None,
    }
}

/// Splits a precomposed letter into its tone-less Vietnamese letter and its tone.
fn split_tone(c: char) -> (u8, u8) {
    let lower = c.to_lowercase().next().unwrap_or(c);
    let mut parts = Vec::with_capacity(4);
    decompose_canonical(lower, |d| parts.push(d));
    let mut tone = TONE_NONE;
    let mut base: Option<char> = None;
    for d in parts {
        if let Some(t) = tone_of(d) {
            if tone != TONE_NONE {
                return (0, 0);
            }
            tone = t;
        } else {
            base = match base {
                None => Some(d),
                Some(b) => match compose(b, d) {
                    Some(x) => Some(x),
                    None => return (0, 0),
                },
            };
        }
    }
    (base.map_or(0, letter_code), tone)
}

/// The tone-less lowercase Vietnamese letter of `c` and its tone (0 none, 1 huyền, 2 hỏi,
/// 3 ngã, 4 sắc, 5 nặng), or `None` when `c` is not a Vietnamese letter.
pub(crate) fn base_and_tone(c: char) -> Option<(char, u8)> {
    let (code, tone) = analyze(c, tables());
    (code != 0).then(|| (ALPHABET[usize::from(code) - 1], tone))
}

/// The combining mark of a tone code of [`base_and_tone`].
pub(crate) fn tone_mark(tone: u8) -> Option<char> {
    ['\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}']
        .get(usize::from(tone).wrapping_sub(1))
        .copied()
}

fn pack(codes: &[u8]) -> u32 {
    codes.iter().fold(0u32, |acc, &c| (acc << 5) | u32::from(c))
}

fn pack_str(s: &str) -> u32 {
    let codes: Vec<u8> = s.chars().map(letter_code).collect();
    pack(&codes)
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let range = |lo: u32, hi: u32| {
            (lo..=hi)
                .map(|cp| char::from_u32(cp).map_or((0, 0), split_tone))
                .collect::<Vec<_>>()
        };
        let mut rhymes: Vec<u32> = RHYMES.split_whitespace().map(pack_str).collect();
        rhymes.sort_unstable();
        rhymes.dedup();
        Tables {
            latin: range(0xC0, 0x1B0),
            ext: range(0x1EA0, 0x1EF9),
            rhymes,
            onsets: ONSETS
                .iter()
                .map(|o| (pack_str(o), o.chars().count()))
                .collect(),
        }
    })
}

/// (letter code, tone) of one character; code 0 for anything that is not a Vietnamese letter.
fn analyze(c: char, t: &Tables) -> (u8, u8) {
    let cp = c as u32;
    match cp {
        0x41..=0x5A | 0x61..=0x7A => (letter_code(c.to_ascii_lowercase()), TONE_NONE),
        0xC0..=0x1B0 => t.latin[(cp - 0xC0) as usize],
        0x1EA0..=0x1EF9 => t.ext[(cp - 0x1EA0) as usize],
        _ => (0, 0),
    }
}

// Codes of the letters the spelling rules look at (index in ALPHABET + 1).
const C_C: u8 = 5;
const C_E: u8 = 8;
const C_EE: u8 = 9;
const C_H: u8 = 11;
const C_I: u8 = 12;
const C_P: u8 = 20;
const C_T: u8 = 24;
const C_U: u8 = 25;
const C_Y: u8 = 29;

fn front(first: Option<u8>) -> bool {
    matches!(first, Some(C_E | C_EE | C_I | C_Y))
}

/// Whether `rhyme` (letter codes) is a rhyme that may follow `onset` with this `tone`.
fn rhyme_ok(onset: &str, rhyme: &[u8], tone: u8, t: &Tables) -> bool {
    if rhyme.is_empty() || rhyme.len() > 4 || t.rhymes.binary_search(&pack(rhyme)).is_err() {
        return false;
    }
    // Stop codas (c, ch, p, t) carry only sắc or nặng.
    let last = rhyme[rhyme.len() - 1];
    let stop = matches!(last, C_C | C_P | C_T)
        || (last == C_H && rhyme.len() >= 2 && rhyme[rhyme.len() - 2] == C_C);
    if stop && tone != TONE_ACUTE && tone != TONE_DOT {
        return false;
    }
    let first = rhyme.first().copied();
    let starts_ye = first == Some(C_Y) && rhyme.len() > 1;
    match onset {
        "" | "qu" | "gi" => true,
        _ if starts_ye => false,
        "k" | "gh" | "ngh" => front(first),
        "c" | "g" | "ng" => !front(first),
        _ => true,
    }
}

/// Whether `word` (one syllable, any case, NFC) is a valid Vietnamese syllable.
pub fn is_syllable(word: &str) -> bool {
    let t = tables();
    let mut codes = [0u8; MAX_LETTERS];
    let mut n = 0;
    let mut tone = TONE_NONE;
    for c in word.chars() {
        let (l, tn) = analyze(c, t);
        if l == 0 || n == MAX_LETTERS {
            return false;
        }
        if tn != TONE_NONE {
            if tone != TONE_NONE {
                return false;
            }
            tone = tn;
        }
        codes[n] = l;
        n += 1;
    }
    let codes = &codes[..n];
    if n == 0 {
        return false;
    }
    for (i, &(packed, len)) in t.onsets.iter().enumerate() {
        if len > n || pack(&codes[..len]) != packed {
            continue;
        }
        let onset = ONSETS[i];
        let rest = &codes[len..];
        if onset == "gi" || onset == "qu" {
            // The i of "gi" and the u of "qu" may belong to the rhyme as well: "gì", "gia",
            // "giếng" (gi + iêng), "gìn" (gi + in); "quân" (qu + ân), "quỳnh" (qu + uynh).
            if (onset == "gi" && rest.is_empty()) || rhyme_ok(onset, rest, tone, t) {
                return true;
            }
            let mut with = [0u8; MAX_LETTERS + 1];
            with[0] = if onset == "gi" { C_I } else { C_U };
            with[1..=rest.len()].copy_from_slice(rest);
            if !rest.is_empty() && rhyme_ok(onset, &with[..=rest.len()], tone, t) {
                return true;
            }
            continue;
        }
        if onset == "g" && rest.first() == Some(&C_I) {
            continue;
        }
        if rhyme_ok(onset, rest, tone, t) {
            return true;
        }
    }
    false
}

/// Valid and total counts of the words with a non-ASCII letter, as scored by [`is_syllable`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    /// Words that are valid syllables.
    pub valid: usize,
    /// Words looked at.
    pub total: usize,
}

impl Score {
    /// The share of valid words, 0 when no word was looked at.
    pub fn ratio(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.valid as f64 / self.total as f64
        }
    }
}

/// Scores up to `max_words` words of `text` that contain a non-ASCII letter: ASCII words read
/// the same in every single-byte charset, so only these tell decodings apart.
pub fn score_text(text: &str, max_words: usize) -> Score {
    let mut s = Score::default();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if s.total >= max_words {
            break;
        }
        if word.is_ascii() || word.chars().any(|c| c.is_numeric()) {
            continue;
        }
        s.total += 1;
        if is_syllable(word) {
            s.valid += 1;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_syllables_are_valid() {
        let text = "Thủ tướng Chính phủ yêu cầu các bộ ngành khẩn trương hoàn thiện hồ sơ trình \
            Quốc hội xem xét việc điều chỉnh chủ trương đầu tư dự án đường sắt tốc độ cao trên \
            trục Bắc Nam nghiêng ngả giếng gì gìn giữa khuya khuỷu quyết nguyễn tuyết xoong \
            huơ thuở oà hoà hòa kỳ kẻ ghế nghĩ gương cá quá quốc già gặp ĐẠI HỌC Việt \
            của và các có là được cho không người những một này với trong đã để năm khi đến cũng \
            từ ra như về theo việc nhiều sẽ tại nhưng đó thì phải lại vào nước sau trên làm nhà \
            hơn còn bị đang cùng nên nếu ông bà anh chị em chúng tôi họ mình ai gì sao nào đâu \
            bao giờ thế vậy rồi mà hay hoặc vì do bởi tuy dù mặc kể từ trước giữa ngoài dưới \
            quanh xung nghìn triệu tỷ đồng tiền giá thị trường kinh tế xã hội văn hoá giáo dục \
            thể thao thời tiết nhiệt độ mưa nắng gió bão lũ lụt hạn hán khuyết điểm xưa khoẻ \
            mạnh quyển sách ngoằn ngoèo loằng ngoằng nguệch ngoạc huỳnh quỳnh quýt quân quất \
            oẳn tù tì oái oăm uống ước yêu ỷ ý ạ ơi ừ ồ ở ấy ẩm ăn ép ích ít Huế Quảng Khánh \
            Thuỵ Quý Thủy Phước boong quạ quẹo gỉ giết giờ gia";
        for w in text.split_whitespace() {
            assert!(is_syllable(w), "{w} should be valid");
        }
    }

    #[test]
    fn mojibake_and_foreign_words_are_invalid() {
        for w in [
            "tiõng",
            "viöt",
            "thñ",
            "tæíng",
            "café",
            "für",
            "kà",
            "cê",
            "ghà",
            "ngê",
            "việc\u{300}",
            "xyz",
            "strength",
            "áà",
            "quá1",
            "bát\u{300}",
            "tac",
        ] {
            assert!(!is_syllable(w), "{w} should be invalid");
        }
        // A stop coda needs sắc or nặng.
        assert!(!is_syllable("tàt"));
        assert!(is_syllable("tát") && is_syllable("tạt"));
    }

    #[test]
    fn score_counts_only_non_ascii_words() {
        let s = score_text("Tiếng Việt and English 2020 TiÕng", 100);
        assert_eq!(s, Score { valid: 2, total: 3 });
        assert!((s.ratio() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(score_text("", 10).ratio(), 0.0);
        assert_eq!(score_text("Việt Việt Việt", 2).total, 2);
    }
}
