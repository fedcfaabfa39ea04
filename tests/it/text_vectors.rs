//! The test-vector table of vietnamese.md, row by row, through the public `text` API, and
//! arbitrary input that must never panic.
use chrono::DateTime;
use docbao::text::{self, collate, legacy::Legacy};

#[test]
fn row_decomposed_is_composed_and_8_wide_both_ways() {
    let decomposed = "Vie\u{323}\u{302}t Nam";
    assert_eq!(text::nfc(decomposed), "Vi\u{1EC7}t Nam");
    assert_eq!(text::width(decomposed), 8);
    assert_eq!(text::width("Vi\u{1EC7}t Nam"), 8);
}

#[test]
fn row_mark_orders() {
    assert_eq!(text::nfc("Vi\u{EA}\u{323}t"), "Việt");
    assert_eq!(text::nfc("Vie\u{302}\u{323}t"), "Việt");
}

#[test]
fn rows_charsets() {
    let w1258 = |b: &[u8]| text::decode_bytes(b, Some("text/html; charset=windows-1258"), None);
    assert_eq!(
        w1258(&[
            0x54, 0x69, 0xEA, 0xEC, 0x6E, 0x67, 0x20, 0x56, 0x69, 0xEA, 0xF2, 0x74
        ]),
        "Tiếng Việt"
    );
    assert_eq!(
        w1258(&[
            0xD0, 0xFD, 0xF5, 0xCC, 0x6E, 0x67, 0x20, 0x73, 0xE3, 0xEC, 0x74
        ]),
        "Đường sắt"
    );
    let sniff = |b: &[u8]| text::decode_bytes(b, None, Some("example.vn"));
    assert_eq!(
        sniff(&[0x54, 0x69, 0xD5, 0x6E, 0x67, 0x20, 0x56, 0x69, 0xD6, 0x74]),
        "Tiếng Việt"
    );
    assert_eq!(
        sniff(&[0x54, 0x68, 0xF1, 0x20, 0x74, 0xAD, 0xED, 0x6E, 0x67]),
        "Thủ tướng"
    );
    assert_eq!(
        sniff(&[0x54, 0x69, 0xAA, 0x6E, 0x67, 0x20, 0x56, 0x69, 0xAE, 0x74]),
        "Tiếng Việt"
    );
    assert_eq!(
        sniff(&[
            0x54, 0x69, 0x65, 0xE1, 0x6E, 0x67, 0x20, 0x56, 0x69, 0x65, 0xE4, 0x74
        ]),
        "Tiếng Việt"
    );
    assert_eq!(
        text::repair_mojibake("Tiáº¿ng Viá»‡t").as_deref(),
        Some("Tiếng Việt")
    );
}

#[test]
fn rows_fold_and_search() {
    assert_eq!(text::fold("Tổng thống"), "tong thong");
    assert_eq!(text::fold("Đường sắt"), "duong sat");
    assert_eq!(text::fold("ĐẠI HỌC"), "dai hoc");
    assert_eq!(text::fold("hòa"), "hoa");
    assert_eq!(text::fold("hoà"), "hoa");
    let hay = text::fold("Đường sắt tốc độ cao");
    let needle = text::fold("duong sat");
    let at = hay.find(&needle).expect("match");
    // One char folds to one char: the match maps back to the original letters.
    let original: String = "Đường sắt tốc độ cao"
        .chars()
        .skip(hay[..at].chars().count())
        .take(needle.chars().count())
        .collect();
    assert_eq!(original, "Đường sắt");
}

#[test]
fn row_sort() {
    let mut v: Vec<String> = [
        "an", "ăn", "âm", "đá", "dê", "tó", "to", "tò", "tọ", "tỏ", "tõ",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    collate::sort(&mut v);
    assert_eq!(
        v,
        [
            "an", "ăn", "âm", "dê", "đá", "to", "tò", "tỏ", "tõ", "tó", "tọ"
        ]
    );
    let mut bytes = v.clone();
    bytes.sort();
    assert_ne!(bytes, v, "a byte sort would not do");
}

#[test]
fn row_ime_keys() {
    // v i e ⌫ ê ⌫ ệ t: Backspace deletes one code point; the query is normalized when it runs.
    let mut typed = String::new();
    for key in ["v", "i", "e", "\u{8}", "ê", "\u{8}", "ệ", "t"] {
        if key == "\u{8}" {
            typed.pop();
        } else {
            typed.push_str(key);
        }
    }
    assert_eq!(text::nfc(&typed), "việt");
    // An IME that sends the marks as combining characters, in either order, types the
    // same query.
    assert_eq!(text::nfc("vie\u{323}\u{302}t"), "việt");
    assert_eq!(text::nfc("vie\u{302}\u{323}t"), "việt");
    assert_eq!(text::fold("vie\u{302}\u{323}t"), "viet");
}

#[test]
fn row_date() {
    let now = DateTime::parse_from_rfc3339("2024-01-01T00:00:00+07:00").unwrap();
    let d = text::parse_vi_date("Thứ bảy, 22/8/2020, 10:30 (GMT+7)", now).unwrap();
    assert_eq!(d.to_rfc3339(), "2020-08-22T10:30:00+07:00");
}

#[test]
fn row_wrap_40() {
    use unicode_normalization::UnicodeNormalization;
    let s = "Thủ tướng Chính phủ yêu cầu các bộ, ngành khẩn trương hoàn thiện hồ sơ, trình Quốc \
        hội xem xét việc điều chỉnh chủ trương đầu tư dự án đường sắt tốc độ cao trên trục Bắc - Nam.";
    let nfd: String = s.nfd().collect();
    let widths = |s: &str| {
        text::wrap(s, 40)
            .iter()
            .map(|l| text::width(l))
            .collect::<Vec<_>>()
    };
    assert_eq!(widths(s), [35, 35, 38, 40, 24]);
    assert_eq!(widths(&nfd), [35, 35, 38, 40, 24]);
    // Same lines, letter for letter, once composed.
    let composed: Vec<String> = text::wrap(&nfd, 40).iter().map(|l| text::nfc(l)).collect();
    assert_eq!(composed, text::wrap(s, 40));
}

/// A small deterministic generator: the same "random" bytes on every run.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u8 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 56) as u8
    }
}

#[test]
fn arbitrary_input_never_panics() {
    let mut rng = Lcg(42);
    let now = DateTime::parse_from_rfc3339("2024-01-01T00:00:00+07:00").unwrap();
    let labels = [
        None,
        Some("text/html; charset=utf-8"),
        Some("text/html; charset=tcvn3"),
        Some("text/html; charset=iso-8859-1"),
        Some("text/html; charset=shift_jis"),
    ];
    for round in 0..300 {
        let len = usize::from(rng.next()) * (round % 7 + 1);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next()).collect();
        let ct = labels[round % labels.len()];
        let s = text::decode_bytes(&bytes, ct, Some("x.vn"));
        assert_eq!(s, text::nfc(&s));
        let lossy = String::from_utf8_lossy(&bytes);
        for w in [0, 1, 2, 7, 40] {
            for r in text::wrap_ranges(&lossy, w) {
                assert!(lossy.is_char_boundary(r.start) && lossy.is_char_boundary(r.end));
            }
        }
        let _ = text::truncate(&lossy, 5);
        let _ = text::parse_vi_date(&lossy, now);
        let _ = text::parse_vi_number(&lossy);
        let _ = text::parse_count(&lossy);
        let _ = text::repair_mojibake(&lossy);
        for cs in [Legacy::Tcvn3, Legacy::Vni, Legacy::Viscii] {
            let _ = cs.decode(&bytes);
        }
    }
    for tricky in [
        "9999999999/99/99999",
        "99:99:99 GMT+99:99",
        "4294967296 phút trước",
        "999999999999 năm trước",
        "1/1/1 1:1",
        "-",
        "%",
        "1,2 tỷ tỷ",
        "\u{300}\u{301}",
        "h",
    ] {
        let _ = text::parse_vi_date(tricky, now);
        let _ = text::parse_vi_number(tricky);
        let _ = text::parse_count(tricky);
        let _ = text::wrap(tricky, 1);
    }
}
