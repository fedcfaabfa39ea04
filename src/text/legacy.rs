//! The font-based legacy Vietnamese charsets that `encoding_rs` does not know: TCVN3 (ABC),
//! VNI (Windows) and VISCII. Decoding gives NFC text; encoding exists for tests and benches.
use super::legacy_tables::{TCVN3_HIGH, TCVN3_LOW, VISCII_HIGH, VISCII_LOW};
use super::syllable::{base_and_tone, tone_mark};
use std::collections::HashMap;
use std::sync::OnceLock;

/// A legacy Vietnamese charset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Legacy {
    /// TCVN 5712:1993 VN3, the ABC fonts (.VnTime).
    Tcvn3,
    /// VNI Windows: base letter followed by Latin-1 letters that the VNI fonts draw as marks.
    Vni,
    /// VISCII 1.1: every precomposed letter in one byte, six of them in C0 positions.
    Viscii,
}

/// Every legacy charset, in the order the detector tries them.
pub const ALL: [Legacy; 3] = [Legacy::Tcvn3, Legacy::Vni, Legacy::Viscii];

// VNI's mark letters (lowercase; the uppercase Latin-1 forms mean the same), indexed by tone
// code 0..=5 (none, huyền, hỏi, ngã, sắc, nặng).
const VNI_TONE: [char; 6] = ['\0', 'ø', 'û', 'õ', 'ù', 'ï'];
const VNI_CIRCUMFLEX: [char; 6] = ['â', 'à', 'å', 'ã', 'á', 'ä'];
const VNI_BREVE: [char; 6] = ['ê', 'è', 'ú', 'ü', 'é', 'ë'];
const VNI_I: [char; 6] = ['i', 'ì', 'æ', 'ó', 'í', 'ò'];

impl Legacy {
    /// The charset a label names (`tcvn3`, `x-viet-tcvn`, `vni`, `viscii`, ...), if legacy.
    pub fn from_label(label: &str) -> Option<Self> {
        let l = label.trim().to_ascii_lowercase();
        let l = l.trim_start_matches("x-").trim_start_matches("viet-");
        match l {
            "tcvn" | "tcvn3" | "tcvn-3" | "tcvn5712" | "tcvn-5712" | "tcvn5712-1"
            | "tcvn5712-1:1993" | "tcvn-5712-1" | "vn3" | "abc" => Some(Self::Tcvn3),
            "vni" | "vni-windows" | "vni-win" => Some(Self::Vni),
            "viscii" | "csviscii" | "viscii1.1-1" => Some(Self::Viscii),
            _ => None,
        }
    }

    /// A name for messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::Tcvn3 => "TCVN3",
            Self::Vni => "VNI",
            Self::Viscii => "VISCII",
        }
    }

    /// Decodes `bytes`; the result is NFC.
    pub fn decode(self, bytes: &[u8]) -> String {
        let raw = match self {
            Self::Tcvn3 | Self::Viscii => {
                let table = byte_table(self);
                bytes.iter().map(|&b| table[usize::from(b)]).collect()
            }
            Self::Vni => decode_vni(bytes),
        };
        super::nfc(&raw)
    }

    /// Encodes `s`; a character the charset cannot write becomes `?`.
    pub fn encode(self, s: &str) -> Vec<u8> {
        let s = super::nfc(s);
        match self {
            Self::Tcvn3 | Self::Viscii => {
                let rev = reverse_table(self);
                let mut out = Vec::with_capacity(s.len());
                for c in s.chars() {
                    if let Some(&b) = rev.get(&c) {
                        out.push(b);
                        continue;
                    }
                    // TCVN3 lacks some capitals: write the base letter and a combining tone.
                    let split = base_and_tone(c).and_then(|(base, tone)| {
                        let upper = c.is_uppercase();
                        let base = if upper {
                            base.to_uppercase().next()?
                        } else {
                            base
                        };
                        let b = *rev.get(&base)?;
                        let m = *rev.get(&tone_mark(tone)?)?;
                        Some([b, m])
                    });
                    match split {
                        Some(pair) => out.extend_from_slice(&pair),
                        None => out.push(b'?'),
                    }
                }
                out
            }
            Self::Vni => encode_vni(&s),
        }
    }
}

fn byte_table(cs: Legacy) -> &'static [char; 256] {
    static TCVN3: OnceLock<[char; 256]> = OnceLock::new();
    static VISCII: OnceLock<[char; 256]> = OnceLock::new();
    let (cell, high, low): (_, &[char; 128], &[(u8, char)]) = match cs {
        Legacy::Viscii => (&VISCII, &VISCII_HIGH, &VISCII_LOW),
        _ => (&TCVN3, &TCVN3_HIGH, &TCVN3_LOW),
    };
    cell.get_or_init(|| {
        let mut t = ['\0'; 256];
        for (i, slot) in t.iter_mut().enumerate().take(0x80) {
            *slot = char::from(i as u8);
        }
        t[0x80..].copy_from_slice(high);
        for &(b, c) in low {
            t[usize::from(b)] = c;
        }
        t
    })
}

fn reverse_table(cs: Legacy) -> &'static HashMap<char, u8> {
    static TCVN3: OnceLock<HashMap<char, u8>> = OnceLock::new();
    static VISCII: OnceLock<HashMap<char, u8>> = OnceLock::new();
    let cell = if cs == Legacy::Viscii {
        &VISCII
    } else {
        &TCVN3
    };
    cell.get_or_init(|| {
        let mut m = HashMap::new();
        // Iterating backwards lets the lowest byte win if a character appeared twice.
        for (b, &c) in byte_table(cs).iter().enumerate().rev() {
            m.insert(c, b as u8);
        }
        m
    })
}

/// The last vowel written while decoding VNI, and which marks it already has.
#[derive(Clone, Copy)]
struct Open {
    base: char,
    shaped: bool,
    toned: bool,
}

/// The combining shape mark (circumflex or breve) and tone that VNI byte `lc` puts on `base`.
fn vni_shape(base: char, lc: char) -> Option<(char, u8)> {
    let (mark, table) = match base {
        'a' | 'e' | 'o' if VNI_CIRCUMFLEX.contains(&lc) => ('\u{302}', &VNI_CIRCUMFLEX),
        'a' => ('\u{306}', &VNI_BREVE),
        _ => return None,
    };
    let tone = table.iter().position(|&m| m == lc)?;
    Some((mark, tone as u8))
}

fn decode_vni(bytes: &[u8]) -> String {
    let (latin, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    let mut out = String::with_capacity(latin.len() + 8);
    let mut open: Option<Open> = None;
    for c in latin.chars() {
        let lc = c.to_lowercase().next().unwrap_or(c);
        if let Some(o) = open.as_mut() {
            if !o.shaped
                && !o.toned
                && let Some((shape, tone)) = vni_shape(o.base, lc)
            {
                out.push(shape);
                out.extend(tone_mark(tone));
                o.shaped = true;
                o.toned = tone != 0;
                continue;
            }
            if !o.toned
                && let Some(tone) = VNI_TONE.iter().skip(1).position(|&m| m == lc)
            {
                out.extend(tone_mark(tone as u8 + 1));
                o.toned = true;
                continue;
            }
        }
        let upper = c != lc;
        let (letter, next) = match lc {
            'ô' => (if upper { 'Ơ' } else { 'ơ' }, Some(('ơ', false))),
            'ö' => (if upper { 'Ư' } else { 'ư' }, Some(('ư', false))),
            'ñ' => (if upper { 'Đ' } else { 'đ' }, None),
            'î' => {
                out.push(if upper { 'Y' } else { 'y' });
                out.push('\u{323}');
                open = Some(Open {
                    base: 'y',
                    shaped: false,
                    toned: true,
                });
                continue;
            }
            _ => match VNI_I.iter().skip(1).position(|&m| m == lc) {
                Some(tone) => {
                    out.push(if upper { 'I' } else { 'i' });
                    out.extend(tone_mark(tone as u8 + 1));
                    open = Some(Open {
                        base: 'i',
                        shaped: false,
                        toned: true,
                    });
                    continue;
                }
                None => {
                    let vowel = matches!(lc, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
                    (c, vowel.then_some((lc, false)))
                }
            },
        };
        out.push(letter);
        open = next.map(|(base, toned)| Open {
            base,
            shaped: false,
            toned,
        });
    }
    out
}

fn encode_vni(s: &str) -> Vec<u8> {
    let mut vni = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        let Some((base, tone)) = base_and_tone(c).filter(|_| !c.is_ascii() || c.is_alphabetic())
        else {
            vni.push(c);
            continue;
        };
        let upper = c.is_uppercase();
        let case = |m: char| {
            if upper {
                m.to_uppercase().next().unwrap_or(m)
            } else {
                m
            }
        };
        let t = usize::from(tone);
        match base {
            'đ' => vni.push(case('ñ')),
            'i' => vni.push(case(VNI_I[t])),
            'y' if tone == 5 => vni.push(case('î')),
            'â' | 'ê' | 'ô' => {
                vni.push(case(match base {
                    'â' => 'a',
                    'ê' => 'e',
                    _ => 'o',
                }));
                vni.push(case(VNI_CIRCUMFLEX[t]));
            }
            'ă' => {
                vni.push(case('a'));
                vni.push(case(VNI_BREVE[t]));
            }
            _ => {
                vni.push(case(match base {
                    'ơ' => 'ô',
                    'ư' => 'ö',
                    other => other,
                }));
                if tone != 0 {
                    vni.push(case(VNI_TONE[t]));
                }
            }
        }
    }
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&vni);
    bytes.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vectors_decode() {
        let tcvn = [0x54, 0x69, 0xD5, 0x6E, 0x67, 0x20, 0x56, 0x69, 0xD6, 0x74];
        assert_eq!(Legacy::Tcvn3.decode(&tcvn), "Tiếng Việt");
        let tcvn = [0x54, 0x68, 0xF1, 0x20, 0x74, 0xAD, 0xED, 0x6E, 0x67];
        assert_eq!(Legacy::Tcvn3.decode(&tcvn), "Thủ tướng");
        let viscii = [0x54, 0x69, 0xAA, 0x6E, 0x67, 0x20, 0x56, 0x69, 0xAE, 0x74];
        assert_eq!(Legacy::Viscii.decode(&viscii), "Tiếng Việt");
        let vni = [
            0x54, 0x69, 0x65, 0xE1, 0x6E, 0x67, 0x20, 0x56, 0x69, 0x65, 0xE4, 0x74,
        ];
        assert_eq!(Legacy::Vni.decode(&vni), "Tiếng Việt");
        assert_eq!(
            Legacy::Vni.decode(&"Ñöôøng saét".as_bytes_latin1()),
            "Đường sắt"
        );
        assert_eq!(
            Legacy::Vni.decode(&"VIEÄT NAM".as_bytes_latin1()),
            "VIỆT NAM"
        );
    }

    trait Latin1 {
        fn as_bytes_latin1(&self) -> Vec<u8>;
    }
    impl Latin1 for str {
        fn as_bytes_latin1(&self) -> Vec<u8> {
            self.chars().map(|c| c as u32 as u8).collect()
        }
    }

    #[test]
    fn every_letter_round_trips() {
        let lower = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ";
        let all = format!("{lower} {}", lower.to_uppercase());
        for cs in ALL {
            assert_eq!(cs.decode(&cs.encode(&all)), all, "{}", cs.name());
        }
    }

    #[test]
    fn labels() {
        assert_eq!(Legacy::from_label(" TCVN3 "), Some(Legacy::Tcvn3));
        assert_eq!(Legacy::from_label("x-viet-tcvn5712"), Some(Legacy::Tcvn3));
        assert_eq!(Legacy::from_label("x-viet-vni"), Some(Legacy::Vni));
        assert_eq!(Legacy::from_label("VISCII"), Some(Legacy::Viscii));
        assert_eq!(Legacy::from_label("utf-8"), None);
    }
}
