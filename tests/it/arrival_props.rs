//! Arrival work on any text: story signatures, rules and reading time never panic, and the
//! story test does not depend on which article arrived first.
use docbao::arrival::{Rules, Signature, Subject};
use docbao::text::reading::reading_minutes;
use proptest::prelude::*;

/// Text with what news titles mix: Vietnamese letters (NFC and decomposed), digits,
/// punctuation, capitals and arbitrary characters.
fn text(max: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Đường sắt ".to_owned()),
        Just("Vie\u{323}\u{302}t Nam ".to_owned()),
        Just("5/11 ".to_owned()),
        Just("Hà Nội, ".to_owned()),
        Just("giá vàng ".to_owned()),
        "[a-zA-Z0-9 .,:-]{0,8}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..max).prop_map(|p| p.concat())
}

fn rules() -> Rules {
    #[derive(serde::Deserialize)]
    struct File {
        rules: Vec<docbao::arrival::RuleSpec>,
    }
    let file: File = toml::from_str(
        "[[rules]]\ntitle = \"duong sat\"\naction = \"hide\"\n\
         [[rules]]\ntext_regex = \"(?:giá|gia) vàng \\\\d+\"\nfeed = \"bao\"\naction = \"rate 3\"\n",
    )
    .unwrap();
    Rules::compile(&file.rules).unwrap()
}

proptest! {
    #![proptest_config(crate::fuzz::config(96))]

    #[test]
    fn prop_story_test_is_symmetric_and_total(a in text(12), b in text(12), lead in text(30)) {
        let x = Signature::new(&a, &lead);
        let y = Signature::new(&b, &lead);
        prop_assert_eq!(x.same_story(&y).is_some(), y.same_story(&x).is_some());
        prop_assert!(x.keys().len() <= 8);
        let _ = x.is_empty();
    }

    #[test]
    fn prop_rules_and_reading_time_take_any_text(title in text(12), body in text(60)) {
        let rules = rules();
        let subject = Subject::new("Báo thử", "http://127.0.0.1/rss", &title, None, &body);
        let verdict = rules.verdict(&subject);
        prop_assert!(verdict.rating == 0 || verdict.rating == 3);
        let words = body.split_whitespace().count() as u32;
        prop_assert!(reading_minutes(&body) <= words.max(1));
    }
}
