//! Vietnamese collation of feed and category names (a ă â b c d đ e ê …; tones after the
//! base letter), via ICU's `vi` tailoring.
use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use std::cmp::Ordering;
use std::sync::LazyLock;

static VI: LazyLock<Option<CollatorBorrowed<'static>>> = LazyLock::new(|| {
    let locale: icu_locale_core::Locale = "vi".parse().ok()?;
    Collator::try_new(locale.into(), CollatorOptions::default()).ok()
});

/// Orders two names as a Vietnamese reader expects; falls back to code points.
pub fn compare(a: &str, b: &str) -> Ordering {
    match VI.as_ref() {
        Some(c) => c.compare(a, b).then_with(|| a.cmp(b)),
        None => a.cmp(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_order() {
        let mut v = vec![
            "an", "ăn", "âm", "đá", "dê", "tó", "to", "tò", "tọ", "tỏ", "tõ",
        ];
        v.sort_by(|a, b| compare(a, b));
        assert_eq!(
            v,
            [
                "an", "ăn", "âm", "dê", "đá", "to", "tò", "tỏ", "tõ", "tó", "tọ"
            ]
        );
    }
}
