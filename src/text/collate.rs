//! Vietnamese collation for names (feeds, categories): a ă â b c d đ e ê ..., tones after the
//! base letter (to, tò, tỏ, tõ, tó, tọ). ICU's `vi` tailoring does it; a byte sort does not.
use icu_collator::options::CollatorOptions;
use icu_collator::{CollatorBorrowed, CollatorPreferences};
use icu_locale_core::locale;
use std::cmp::Ordering;
use std::sync::OnceLock;

/// The `vi` collator, built once from the compiled data; `None` only if the data were missing.
fn collator() -> Option<&'static CollatorBorrowed<'static>> {
    static C: OnceLock<Option<CollatorBorrowed<'static>>> = OnceLock::new();
    C.get_or_init(|| {
        let prefs = CollatorPreferences::from(locale!("vi"));
        CollatorBorrowed::try_new(prefs, CollatorOptions::default()).ok()
    })
    .as_ref()
}

/// Compares two names in Vietnamese alphabetical order.
pub fn compare(a: &str, b: &str) -> Ordering {
    match collator() {
        Some(c) => c.compare(a, b),
        // Without collation data: the folded comparison keeps đ next to d at least.
        None => super::fold(a).cmp(&super::fold(b)).then_with(|| a.cmp(b)),
    }
}

/// Sorts names in Vietnamese alphabetical order.
pub fn sort(names: &mut [String]) {
    names.sort_by(|a, b| compare(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vector_order() {
        let mut v: Vec<String> = [
            "an", "ăn", "âm", "đá", "dê", "tó", "to", "tò", "tọ", "tỏ", "tõ",
        ]
        .map(String::from)
        .to_vec();
        sort(&mut v);
        assert_eq!(
            v,
            [
                "an", "ăn", "âm", "dê", "đá", "to", "tò", "tỏ", "tõ", "tó", "tọ"
            ]
        );
        assert!(collator().is_some(), "the vi tailoring is compiled in");
    }

    #[test]
    fn alphabet_and_case() {
        let mut v: Vec<String> = [
            "Ươm",
            "Ơn",
            "Ông",
            "Ô",
            "O",
            "Ư",
            "U",
            "Đà Nẵng",
            "Dương",
            "Bắc",
        ]
        .map(String::from)
        .to_vec();
        sort(&mut v);
        assert_eq!(
            v,
            [
                "Bắc",
                "Dương",
                "Đà Nẵng",
                "O",
                "Ô",
                "Ông",
                "Ơn",
                "U",
                "Ư",
                "Ươm"
            ]
        );
        assert_eq!(compare("hoà", "hoà"), Ordering::Equal);
        assert_eq!(compare("Việt", "Vie\u{323}\u{302}t"), Ordering::Equal);
    }
}
