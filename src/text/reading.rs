//! Reading time: Vietnamese counted in syllables, English (and everything else) in words.
//!
//! Vietnamese writes one syllable per space-separated token ("đường sắt" is one word of two
//! syllables), so the count is the same split as English words; what differs is the rate:
//!
//! - English: [`EN_WORDS_PER_MINUTE`] = 238, the mean silent reading rate of English
//!   non-fiction in Brysbaert (2019), "How many words do we read per minute? A review and
//!   meta-analysis of reading rate", Journal of Memory and Language 109, 104047.
//! - Vietnamese: [`VI_SYLLABLES_PER_MINUTE`] = 300 is an estimate: no published norm for
//!   adult silent reading of Vietnamese was found. IReST (Trauzettel-Klosinski & Dietz 2012,
//!   IOVS 53(9):5452) measured reading *aloud* across 17 languages at 370 ± 80 syllables per
//!   minute, and 238 English words at about 1.4 syllables each is about 330 syllables per
//!   minute. 300 stays just under both, so that the estimate errs on the long side.
//!
//! A text counts as Vietnamese when at least [`VI_SHARE`] of its tokens carry a letter that
//! Vietnamese marks (đ, ă, â, ê, ô, ơ, ư or a tone mark): in running Vietnamese
//! most syllables do, in English almost none.

/// Silent reading of English non-fiction (Brysbaert 2019).
pub const EN_WORDS_PER_MINUTE: u32 = 238;
/// An estimate (see the module documentation).
pub const VI_SYLLABLES_PER_MINUTE: u32 = 300;
/// Share of marked tokens from which a text is read as Vietnamese.
const VI_SHARE: f64 = 0.25;

/// Minutes to read `text` (plain text), rounded to the nearest minute; at least 1 for any
/// text with a word in it, 0 for none. One pass over the text.
pub fn reading_minutes(text: &str) -> u32 {
    let (tokens, marked) = count(text);
    if tokens == 0 {
        return 0;
    }
    let rate = if marked as f64 >= tokens as f64 * VI_SHARE {
        VI_SYLLABLES_PER_MINUTE
    } else {
        EN_WORDS_PER_MINUTE
    };
    let minutes = (tokens + u64::from(rate) / 2) / u64::from(rate);
    u32::try_from(minutes.max(1)).unwrap_or(u32::MAX)
}

/// Tokens with a letter or digit, and how many of them carry Vietnamese marks.
fn count(text: &str) -> (u64, u64) {
    let (mut tokens, mut marked) = (0u64, 0u64);
    for token in text.split_whitespace() {
        if !token.chars().any(char::is_alphanumeric) {
            continue;
        }
        tokens += 1;
        if token.chars().any(is_vietnamese_letter) {
            marked += 1;
        }
    }
    (tokens, marked)
}

/// A letter with a mark, as Vietnamese spells most syllables: đ, a precomposed letter of
/// Latin-1 Supplement, Latin Extended-A/B up to ư, or Latin Extended Additional (ạ … ỹ), or
/// a combining mark. A range check, no decomposition: this runs on every character of
/// every new article. (French or German accents count too; such text is rare in the
/// news read here and only shifts the rate.)
fn is_vietnamese_letter(c: char) -> bool {
    matches!(c, '\u{C0}'..='\u{1B0}' | '\u{1EA0}'..='\u{1EF9}' | '\u{300}'..='\u{323}')
        && c != '\u{D7}'
        && c != '\u{F7}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_tiny_texts() {
        assert_eq!(reading_minutes(""), 0);
        assert_eq!(reading_minutes("  \n — … "), 0);
        assert_eq!(reading_minutes("Xin chào"), 1);
        assert_eq!(reading_minutes("Hello"), 1);
    }

    #[test]
    fn vietnamese_counts_syllables_at_its_rate() {
        // 10 syllables, every one marked: Vietnamese.
        let s = "Thủ tướng yêu cầu các bộ hoàn thiện hồ sơ ";
        assert_eq!(count(s), (10, 10));
        assert_eq!(reading_minutes(&s.repeat(30)), 1); // 300 syllables
        assert_eq!(reading_minutes(&s.repeat(90)), 3); // 900
        assert_eq!(reading_minutes(&s.repeat(105)), 4); // 1050 rounds up to 3.5 -> 4
    }

    #[test]
    fn english_counts_words_at_its_rate() {
        let s = "The council approved the new railway plan on Monday ";
        assert_eq!(count(s).1, 0);
        // 9 words x 53 = 477 words: 2.004 minutes.
        assert_eq!(reading_minutes(&s.repeat(53)), 2);
        // The same token count read as Vietnamese would be 1.59 minutes: 2 as well, so
        // check a count where the rates part: 2380 tokens = 10 (en) vs 8 (vi).
        let en = "word ".repeat(2380);
        assert_eq!(reading_minutes(&en), 10);
        let vi = "việc ".repeat(2380);
        assert_eq!(reading_minutes(&vi), 8);
    }

    #[test]
    fn decomposed_text_counts_as_vietnamese_too() {
        use unicode_normalization::UnicodeNormalization;
        let nfd: String = "Việt Nam đường sắt ".repeat(600).nfd().collect();
        assert_eq!(reading_minutes(&nfd), 8); // 2400 syllables / 300
    }

    #[test]
    fn english_with_a_few_vietnamese_names_stays_english() {
        let text = "The meeting in Hà Nội was about trade and the new port plans ".repeat(200);
        // 13 tokens, 2 marked: 15 % < 25 %.
        assert_eq!(reading_minutes(&text), 11); // 2600 / 238 = 10.9
    }
}
