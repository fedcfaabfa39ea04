//! Properties of the text pipeline (decode, NFC, sanitise, wrap, fold) on hostile text:
//! what must hold for every input, not only "does not crash".
use crate::fuzz;
use docbao::text::normalize::is_invisible;
use docbao::text::{
    clean_block, clean_line, decode_bytes, decode_with_label, find_folded, fold, width, wrap,
};
use proptest::collection::vec;
use proptest::prelude::*;
use unicode_normalization::is_nfc;
use unicode_segmentation::UnicodeSegmentation;

/// Pieces real hostile text is made of: Vietnamese (composed and not), escape sequences of
/// every kind in both forms, bidi and invisible characters, references, markup, any char.
pub fn hostile_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 .,]{0,8}",
        prop::sample::select(vec![
            "Đường sắt ",
            "Vie\u{323}\u{302}t Nam",
            "Hà Nội",
            "\u{1b}[31m",
            "\u{1b}[2J",
            "\u{1b}]0;PWNED\u{7}",
            "\u{1b}]8;;http://x.vn\u{1b}\\",
            "\u{1b}P1$r\u{1b}\\",
            "\u{1b}_apc\u{1b}\\",
            "\u{1b}^pm\u{1b}\\",
            "\u{1b}Xsos\u{1b}\\",
            "\u{9b}2J",
            "\u{9d}0;t\u{9c}",
            "\u{90}dcs\u{9c}",
            "\u{1b}",
            "\u{7}",
            "\u{feff}",
            "\u{200b}",
            "\u{ad}",
            "\u{202e}",
            "\u{2066}",
            "\u{85}",
            "&amp;",
            "&#27;",
            "&#x1b;[2J",
            "&dstrok;",
            "&nbsp;",
            "<b>",
            "</b>",
            "<",
            "&",
            "\r\n",
            "\t",
            "\n",
            "👨\u{200d}👩",
            "\u{fdd0}",
        ])
        .prop_map(str::to_owned),
        any::<char>().prop_map(String::from),
    ]
}

pub fn hostile_text() -> impl Strategy<Value = String> {
    vec(hostile_piece(), 0..24).prop_map(|v| v.concat())
}

/// Text safe for a terminal and for JSON: NFC; no control character (but newline and tab
/// when `block`), so no escape sequence can start; no bidi control, invisible character or
/// noncharacter.
pub fn is_clean(s: &str, block: bool) -> bool {
    is_nfc(s)
        && !s.chars().any(|c| {
            (c.is_control() && !(block && matches!(c, '\n' | '\t')))
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{fdd0}'..='\u{fdef}')
                || is_invisible(c)
        })
}

const LABELS: &[&str] = &[
    "utf-8",
    "windows-1258",
    "windows-1252",
    "utf-16le",
    "utf-16be",
    "tcvn3",
    "vni",
    "viscii",
    "iso-8859-1",
    "shift_jis",
    "gb18030",
    "x-user-defined",
];

proptest! {
    #![proptest_config(fuzz::config(64))]

    #[test]
    fn prop_decode_gives_nfc_for_any_bytes_and_label(
        bytes in vec(any::<u8>(), 0..512),
        label in prop::sample::select(LABELS),
    ) {
        let text = decode_with_label(&bytes, label).unwrap();
        prop_assert!(is_nfc(&text));
        let ct = format!("text/html; charset={label}");
        prop_assert!(is_nfc(&decode_bytes(&bytes, Some(&ct), None)));
        prop_assert!(is_nfc(&decode_bytes(&bytes, None, Some("x.vn"))));
    }

    #[test]
    fn prop_clean_line_is_one_clean_trimmed_line_and_idempotent(s in hostile_text()) {
        let line = clean_line(&s);
        prop_assert!(is_clean(&line, false), "{line:?}");
        prop_assert!(!line.contains("  ") && line.trim() == line, "{line:?}");
        prop_assert!(!line.contains(['\n', '\t']));
        prop_assert_eq!(clean_line(&line), line.clone());
        // Whole sequences go: nothing of a hyperlink's target or a title's payload stays.
        prop_assert!(!line.contains("PWNED") && !line.contains("http://x.vn"), "{line:?}");
    }

    #[test]
    fn prop_clean_block_keeps_lines_and_is_idempotent(s in hostile_text()) {
        let block = clean_block(&s);
        prop_assert!(is_clean(&block, true), "{block:?}");
        prop_assert!(!block.contains('\r'));
        prop_assert_eq!(clean_block(&block), block.clone());
        // No visible text appears that was not in the input.
        let visible = |t: &str| t.chars().filter(|c| c.is_alphanumeric()).count();
        prop_assert!(visible(&block) <= visible(&s) + 1);
    }

    #[test]
    fn prop_wrapped_lines_fit_and_lose_no_word(s in hostile_text(), w in 1usize..60) {
        let text = clean_block(&s);
        let lines = wrap(&text, w);
        for line in &lines {
            // A single cluster wider than the width gets a line of its own.
            prop_assert!(width(line) <= w || line.graphemes(true).count() == 1, "{line:?} at {w}");
        }
        let words = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        prop_assert_eq!(words(&lines.concat()), words(&text));
    }

    #[test]
    fn prop_fold_is_idempotent_and_finds_what_it_folds(s in hostile_text(), cut in 0usize..8) {
        let text = clean_line(&s);
        let folded = fold(&text);
        prop_assert_eq!(fold(&folded), folded.clone());
        prop_assert!(!folded.chars().any(unicode_normalization::char::is_combining_mark));
        let words: Vec<&str> = text.split(' ').filter(|w| !fold(w).is_empty()).collect();
        if let Some(word) = words.get(cut % words.len().max(1)) {
            let found = find_folded(&text, word);
            prop_assert!(!found.is_empty(), "{word:?} in {text:?}");
            for r in found {
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            }
        }
    }
}
