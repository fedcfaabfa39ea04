//! One story, many papers: the signature that finds versions of one story told by several
//! feeds, and the test that decides it is the same event.
//!
//! A signature holds the folded syllable bigrams of the title and of the lead (its first
//! [`LEAD_SYLLABLES`] syllables), and the numbers of both. Two articles tell the same story
//! when, within [`WINDOW_HOURS`] of each other and from different feeds:
//! - their titles share at least [`TITLE_SAME`] of their bigrams (Jaccard), or their titles
//!   share at least [`TITLE_SOME`] and their leads at least [`LEAD_SOME`];
//! - and their numbers agree: each title's numbers all appear in the other's title or lead.
//!   "Giá vàng hôm nay 5/11" and "… 6/11" are two days; "thắng 2-1" and "hòa 1-1" two
//!   matches;
//! - and their names agree: the capitalised words of one title (past its first word) all
//!   appear in the other's title or lead. "Mưa lớn ở Hà Nội" and "… ở TP HCM" are two
//!   cities. Titles In Title Case or ALL CAPS carry no names by this test.
//!
//! Candidates are found without comparing all pairs: each article is indexed under a few
//! keys, the smallest hashes of its title bigrams and of its lead bigrams (bottom-k
//! sketches: two sets with Jaccard J share about k·J of them), and only articles sharing
//! a key within the window are compared.
use crate::text::fold;

/// The window: syndicated versions appear within hours; a day and a half covers the
/// slowest outlet without merging next week's follow-up.
pub const WINDOW_HOURS: i64 = 36;
/// Syllables of the lead that count.
pub const LEAD_SYLLABLES: usize = 40;
/// Sketch sizes: keys per article from the title and from the lead.
const TITLE_KEYS: usize = 4;
const LEAD_KEYS: usize = 4;
const TITLE_SAME: f64 = 0.5;
const TITLE_SOME: f64 = 0.15;
const LEAD_SOME: f64 = 0.25;
/// Titles this short (in bigrams) say too little to be compared alone.
const MIN_TITLE_BIGRAMS: usize = 3;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Signature {
    /// Sorted, deduplicated bigram hashes.
    title: Vec<u64>,
    lead: Vec<u64>,
    /// Numbers of the title, and of title and lead together (sorted, deduplicated).
    title_numbers: Vec<u64>,
    numbers: Vec<u64>,
    /// Hashes of the folded capitalised words of the title past its first word, and of
    /// the folded words of title and lead (sorted, deduplicated).
    names: Vec<u64>,
    words: Vec<u64>,
}

impl Signature {
    /// From the title and the plain text of the article (its lead is the start).
    pub fn new(title: &str, text: &str) -> Signature {
        let title_words = syllables(title, usize::MAX);
        let lead_words = syllables(text, LEAD_SYLLABLES);
        let title_numbers = numbers(&title_words);
        let mut all = title_numbers.clone();
        all.extend(numbers(&lead_words));
        all.sort_unstable();
        all.dedup();
        let mut words: Vec<u64> = title_words
            .iter()
            .chain(&lead_words)
            .map(|w| hash(w))
            .collect();
        words.sort_unstable();
        words.dedup();
        Signature {
            title: bigrams(&title_words),
            lead: bigrams(&lead_words),
            title_numbers,
            numbers: all,
            names: names(title),
            words,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.title.len() < MIN_TITLE_BIGRAMS && self.lead.is_empty()
    }

    /// The index keys: bottom-k of the title bigrams and of the lead bigrams, tagged apart
    /// (the low bit) so that a title bigram meets only title bigrams. Stored as i64.
    pub fn keys(&self) -> Vec<i64> {
        let tagged = |set: &[u64], k: usize, tag: u64| -> Vec<i64> {
            // `set` is sorted: its first k are its k smallest hashes.
            set.iter()
                .take(k)
                .map(|h| ((h & !1) | tag) as i64)
                .collect()
        };
        let mut keys = tagged(&self.title, TITLE_KEYS, 0);
        keys.extend(tagged(&self.lead, LEAD_KEYS, 1));
        keys
    }

    /// Whether `self` and `other` tell the same story (the window and the feeds are the
    /// caller's to check). Returns the similarity used to pick the best of several.
    pub fn same_story(&self, other: &Signature) -> Option<f64> {
        if self.title.len() < MIN_TITLE_BIGRAMS || other.title.len() < MIN_TITLE_BIGRAMS {
            return None;
        }
        let t = jaccard(&self.title, &other.title);
        let l = jaccard(&self.lead, &other.lead);
        let similar = t >= TITLE_SAME || (t >= TITLE_SOME && l >= LEAD_SOME);
        (similar && self.numbers_agree(other) && self.names_agree(other)).then_some(t + l)
    }

    fn numbers_agree(&self, other: &Signature) -> bool {
        subset(&self.title_numbers, &other.numbers) && subset(&other.title_numbers, &self.numbers)
    }

    /// One title may name more places or people than the other ("Quảng Ninh" and "Quảng
    /// Ninh và Hải Phòng"): the names of one must be in the other's words.
    fn names_agree(&self, other: &Signature) -> bool {
        let within =
            |names: &[u64], words: &[u64]| names.iter().all(|n| words.binary_search(n).is_ok());
        within(&self.names, &other.words) || within(&other.names, &self.words)
    }
}

/// Capitalised words of a title past its first, folded; none when most words are
/// capitalised (Title Case, ALL CAPS), where capitals say nothing.
fn names(title: &str) -> Vec<u64> {
    let words: Vec<&str> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let named: Vec<&str> = words
        .iter()
        .skip(1)
        .copied()
        .filter(|w| capital(w))
        .collect();
    if named.len() * 2 > words.len().saturating_sub(1) {
        return Vec::new();
    }
    let mut out: Vec<u64> = named.into_iter().map(|w| hash(&fold(w))).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Bytes of text folded for a lead: 40 Vietnamese syllables take about 250.
const LEAD_BYTES: usize = 1024;

/// Folded syllables (words of letters and digits), at most `max`. Only the start of a long
/// text is folded: a lead is its first syllables.
fn syllables(s: &str, max: usize) -> Vec<String> {
    let s = if max == usize::MAX {
        s
    } else {
        prefix(s, LEAD_BYTES)
    };
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(max)
        .map(str::to_owned)
        .collect()
}

/// The first `max` bytes of `s`, cut at a character boundary.
pub(crate) fn prefix(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn numbers(words: &[String]) -> Vec<u64> {
    let mut n: Vec<u64> = words
        .iter()
        .filter(|w| w.len() <= 12 && w.bytes().all(|b| b.is_ascii_digit()))
        .filter_map(|w| w.parse().ok())
        .collect();
    n.sort_unstable();
    n.dedup();
    n
}

fn hash(word: &str) -> u64 {
    crate::text::hash::fnv1a64(&[word.as_bytes()])
}

fn bigrams(words: &[String]) -> Vec<u64> {
    let mut out: Vec<u64> = words
        .windows(2)
        .map(|w| crate::text::hash::fnv1a64(&[w[0].as_bytes(), b" ", w[1].as_bytes()]))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// |a ∩ b| / |a ∪ b| of two sorted sets, in one merge pass.
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = intersection(a, b);
    common as f64 / (a.len() + b.len() - common) as f64
}

fn intersection(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

fn subset(small: &[u64], big: &[u64]) -> bool {
    intersection(small, big) == small.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reworded_titles_with_the_same_lead_are_one_story() {
        let a = Signature::new(
            "Bão số 3 đổ bộ Quảng Ninh, gió giật cấp 12",
            "Chiều nay bão số 3 đổ bộ vào Quảng Ninh và Hải Phòng với sức gió mạnh nhất cấp 12",
        );
        let b = Signature::new(
            "Bão số 3 đổ bộ vào Quảng Ninh và Hải Phòng",
            "Bão số 3 đã đổ bộ vào Quảng Ninh và Hải Phòng chiều nay, gió giật cấp 12",
        );
        assert!(a.same_story(&b).is_some());
        assert!(a.keys().iter().any(|k| b.keys().contains(k)));
    }

    #[test]
    fn the_same_column_on_two_days_is_two_stories() {
        let a = Signature::new(
            "Giá vàng hôm nay 5/11: tăng mạnh",
            "Giá vàng trong nước sáng nay tăng 500.000 đồng mỗi lượng",
        );
        let b = Signature::new(
            "Giá vàng hôm nay 6/11: giảm nhẹ",
            "Giá vàng trong nước sáng nay giảm 200.000 đồng mỗi lượng",
        );
        assert_eq!(a.same_story(&b), None);
    }

    #[test]
    fn short_or_empty_titles_group_nothing() {
        let a = Signature::new("Tin nhanh", "");
        assert!(a.is_empty());
        assert_eq!(a.same_story(&a.clone()), None);
        assert_eq!(jaccard(&[], &[1]), 0.0);
        assert_eq!(jaccard(&[1, 2, 3], &[2, 3, 4]), 0.5);
    }
}
