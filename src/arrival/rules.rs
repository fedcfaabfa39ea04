//! Arrival rules (`[[rules]]` in the config): conditions on the feed, title, author and text
//! of a new article, all of which must hold, and an action: hide it, mark it read, or rate
//! it. A condition is words (folded as search folds them, matched as a run of whole words:
//! "tu vi" matches "Tử vi hôm nay" but not "tuvi") or a regex (`*_regex`, case-insensitive,
//! on the text as shown). Regexes are compiled once, within size limits; a bad one is an
//! error that names its config line.
use crate::text::fold;
use regex::{Regex, RegexBuilder};
use serde::Deserialize;
use std::cell::OnceCell;
use toml::Spanned;

/// Compiled program and lazy DFA limits of one regex: generous for any real pattern, small
/// enough that `(a{100}){100}`-style patterns are refused instead of eating memory.
const REGEX_SIZE_LIMIT: usize = 256 * 1024;
/// Longest rule value; more is not a rule but a paste.
const MAX_VALUE: usize = 1000;

/// One `[[rules]]` table as written.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// Shown by `rules test`; else "rule N".
    pub name: Option<String>,
    pub feed: Option<Spanned<String>>,
    pub title: Option<Spanned<String>>,
    pub author: Option<Spanned<String>>,
    pub text: Option<Spanned<String>>,
    pub feed_regex: Option<Spanned<String>>,
    pub title_regex: Option<Spanned<String>>,
    pub author_regex: Option<Spanned<String>>,
    pub text_regex: Option<Spanned<String>>,
    /// "hide", "read" or "rate N" (N from 1 to 5).
    pub action: Spanned<String>,
}

/// A rule that cannot be used: the byte offset of the value at fault in the config text,
/// and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct RuleError {
    pub offset: usize,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Hide,
    Read,
    Rate(u8),
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Action::Hide => f.write_str("hide"),
            Action::Read => f.write_str("read"),
            Action::Rate(n) => write!(f, "rate {n}"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Feed,
    Title,
    Author,
    Text,
}

#[derive(Debug, Clone)]
enum Matcher {
    /// Folded words, matched as a run of whole words.
    Words(Vec<String>),
    Regex(Regex),
}

#[derive(Debug, Clone)]
struct Rule {
    name: String,
    conditions: Vec<(Field, Matcher)>,
    action: Action,
}

/// The compiled rules, in config order.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    specs: Vec<RuleSpec>,
    rules: Vec<Rule>,
}

impl PartialEq for Rules {
    fn eq(&self, other: &Self) -> bool {
        self.specs == other.specs
    }
}

impl Eq for Rules {}

/// What rules look at in one article. `text` is the plain text of its feed content (HTML
/// already stripped); folded copies are made once, when a rule first needs them.
pub struct Subject<'a> {
    pub feed_title: &'a str,
    pub feed_url: &'a str,
    pub title: &'a str,
    pub author: Option<&'a str>,
    pub text: &'a str,
    folded: [OnceCell<Vec<String>>; 4],
}

impl<'a> Subject<'a> {
    pub fn new(
        feed_title: &'a str,
        feed_url: &'a str,
        title: &'a str,
        author: Option<&'a str>,
        text: &'a str,
    ) -> Subject<'a> {
        Subject {
            feed_title,
            feed_url,
            title,
            author,
            text,
            folded: Default::default(),
        }
    }

    fn raw(&self, field: Field) -> &str {
        match field {
            Field::Feed => self.feed_title,
            Field::Title => self.title,
            Field::Author => self.author.unwrap_or_default(),
            Field::Text => self.text,
        }
    }

    fn words(&self, field: Field) -> &[String] {
        self.folded[field as usize].get_or_init(|| words(self.raw(field)))
    }
}

fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Whether `needle` occurs in `hay` as consecutive words. Needles are a few words long.
fn contains_run(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

impl Rules {
    /// Compiles the rules of the config; the first bad one is the error.
    pub fn compile(specs: &[RuleSpec]) -> Result<Rules, RuleError> {
        let rules = specs
            .iter()
            .enumerate()
            .map(|(i, spec)| compile_one(i, spec))
            .collect::<Result<_, _>>()?;
        Ok(Rules {
            specs: specs.to_vec(),
            rules,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// The rules that match `subject`, by index, in config order.
    pub fn matching(&self, subject: &Subject<'_>) -> Vec<usize> {
        (0..self.rules.len())
            .filter(|&i| self.rules[i].matches(subject))
            .collect()
    }

    /// What the matching rules do together: hide and read if any says so; the rating of
    /// the first rule that rates.
    pub fn verdict(&self, subject: &Subject<'_>) -> super::Verdict {
        let mut verdict = super::Verdict::default();
        for i in self.matching(subject) {
            match self.rules[i].action {
                Action::Hide => verdict.hide = true,
                Action::Read => verdict.read = true,
                Action::Rate(n) if verdict.rating == 0 => verdict.rating = n,
                Action::Rate(_) => {}
            }
        }
        verdict
    }

    pub fn name(&self, i: usize) -> &str {
        self.rules.get(i).map_or("", |r| r.name.as_str())
    }

    pub fn action(&self, i: usize) -> Option<Action> {
        self.rules.get(i).map(|r| r.action)
    }
}

impl Rule {
    fn matches(&self, s: &Subject<'_>) -> bool {
        self.conditions.iter().all(|(field, m)| match m {
            Matcher::Words(w) => {
                contains_run(s.words(*field), w)
                    || (*field == Field::Feed && contains_run(&words(s.feed_url), w))
            }
            Matcher::Regex(re) => {
                re.is_match(s.raw(*field)) || (*field == Field::Feed && re.is_match(s.feed_url))
            }
        })
    }
}

fn compile_one(i: usize, spec: &RuleSpec) -> Result<Rule, RuleError> {
    let name = spec
        .name
        .clone()
        .unwrap_or_else(|| format!("rule {}", i + 1));
    let words_of = [
        (Field::Feed, &spec.feed, "feed"),
        (Field::Title, &spec.title, "title"),
        (Field::Author, &spec.author, "author"),
        (Field::Text, &spec.text, "text"),
    ];
    let regexes = [
        (Field::Feed, &spec.feed_regex, "feed_regex"),
        (Field::Title, &spec.title_regex, "title_regex"),
        (Field::Author, &spec.author_regex, "author_regex"),
        (Field::Text, &spec.text_regex, "text_regex"),
    ];
    let mut conditions = Vec::new();
    for (field, value, key) in words_of {
        let Some(value) = value else { continue };
        let w = words(check_len(value, key)?);
        if w.is_empty() {
            return Err(error(value, format!("`{key}` has no word to match")));
        }
        conditions.push((field, Matcher::Words(w)));
    }
    for (field, value, key) in regexes {
        let Some(value) = value else { continue };
        let re = RegexBuilder::new(check_len(value, key)?)
            .case_insensitive(true)
            .size_limit(REGEX_SIZE_LIMIT)
            .dfa_size_limit(REGEX_SIZE_LIMIT)
            .build()
            .map_err(|e| {
                let why = e.to_string();
                let why = why.lines().last().unwrap_or_default().trim();
                error(value, format!("bad regex in `{key}`: {why}"))
            })?;
        conditions.push((field, Matcher::Regex(re)));
    }
    if conditions.is_empty() {
        return Err(error(
            &spec.action,
            format!(
                "{name} matches nothing: give at least one of feed, title, author, text \
                 (or their _regex forms)"
            ),
        ));
    }
    Ok(Rule {
        name,
        conditions,
        action: parse_action(&spec.action)?,
    })
}

fn check_len<'a>(value: &'a Spanned<String>, key: &str) -> Result<&'a str, RuleError> {
    if value.get_ref().len() > MAX_VALUE {
        return Err(error(
            value,
            format!("`{key}` is longer than {MAX_VALUE} bytes"),
        ));
    }
    Ok(value.get_ref())
}

fn error(at: &Spanned<String>, message: String) -> RuleError {
    RuleError {
        offset: at.span().start,
        message,
    }
}

fn parse_action(action: &Spanned<String>) -> Result<Action, RuleError> {
    let text = action.get_ref().trim();
    let bad = || {
        error(
            action,
            format!(
                "bad value for `action`: expected \"hide\", \"read\" or \"rate N\" (1 to 5), \
                 not \"{}\"",
                crate::text::clean_line(text)
            ),
        )
    };
    match text.split_whitespace().collect::<Vec<_>>().as_slice() {
        ["hide"] => Ok(Action::Hide),
        ["read"] => Ok(Action::Read),
        ["rate", n] => match n.parse::<u8>() {
            Ok(n @ 1..=5) => Ok(Action::Rate(n)),
            _ => Err(bad()),
        },
        _ => Err(bad()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arrival::Verdict;

    #[derive(Deserialize)]
    struct File {
        rules: Vec<RuleSpec>,
    }

    fn rules(toml_text: &str) -> Result<Rules, RuleError> {
        let file: File = toml::from_str(toml_text).unwrap();
        Rules::compile(&file.rules)
    }

    fn subject<'a>(title: &'a str, text: &'a str) -> Subject<'a> {
        Subject::new(
            "VnExpress - Thời sự",
            "https://vnexpress.example/rss",
            title,
            Some("Lan Anh"),
            text,
        )
    }

    #[test]
    fn words_are_folded_and_whole() {
        let r = rules("[[rules]]\ntitle = \"tu vi\"\naction = \"hide\"\n").unwrap();
        let hit = subject("Tử vi hôm nay: 12 cung hoàng đạo", "");
        assert_eq!(
            r.verdict(&hit),
            Verdict {
                hide: true,
                ..Verdict::default()
            }
        );
        assert!(r.matching(&subject("Tuvi và phong thủy", "")).is_empty());
        assert!(r.matching(&subject("TỬ VI", "")).len() == 1);
        assert!(r.matching(&subject("Vi tu", "")).is_empty());
    }

    #[test]
    fn every_condition_must_hold_and_actions_combine() {
        let text = "[[rules]]\nfeed = \"thoi su\"\ntext = \"xo so\"\naction = \"read\"\n\
                    [[rules]]\nauthor_regex = \"^lan\"\naction = \"rate 4\"\n\
                    [[rules]]\ntitle = \"bong da\"\naction = \"rate 2\"\n";
        let r = rules(text).unwrap();
        let s = subject("Kết quả bóng đá", "Kết quả xổ số miền Bắc");
        assert_eq!(r.matching(&s), vec![0, 1, 2]);
        assert_eq!(
            r.verdict(&s),
            Verdict {
                hide: false,
                read: true,
                rating: 4
            }
        );
        let s = subject("Thời tiết", "Trời nắng");
        assert_eq!(
            r.verdict(&s),
            Verdict {
                rating: 4,
                ..Verdict::default()
            }
        );
        let mut other = subject("x", "xổ số");
        other.feed_title = "Dân trí";
        other.author = None;
        assert!(r.matching(&other).is_empty());
    }

    #[test]
    fn feed_words_also_match_the_url() {
        let r = rules("[[rules]]\nfeed = \"vnexpress.example\"\naction = \"hide\"\n").unwrap();
        let mut s = subject("x", "");
        s.feed_title = "Tin nhanh";
        assert_eq!(r.matching(&s), vec![0]);
    }

    #[test]
    fn bad_rules_are_refused_with_their_place() {
        let text = "[[rules]]\ntitle_regex = \"(unclosed\"\naction = \"hide\"\n";
        let e = rules(text).unwrap_err();
        assert!(e.message.starts_with("bad regex in `title_regex`"), "{e}");
        assert_eq!(e.offset, text.find("\"(unclosed").unwrap());
        let e =
            rules("[[rules]]\ntitle_regex = \"(a{100}){100}\"\naction = \"hide\"\n").unwrap_err();
        assert!(e.message.contains("bad regex"), "{e}");
        let e = rules("[[rules]]\ntitle = \"x\"\naction = \"rate 6\"\n").unwrap_err();
        assert!(e.message.contains("rate N"), "{e}");
        let e = rules("[[rules]]\naction = \"hide\"\n").unwrap_err();
        assert!(e.message.contains("matches nothing"), "{e}");
        let e = rules("[[rules]]\ntitle = \" -- \"\naction = \"hide\"\n").unwrap_err();
        assert!(e.message.contains("no word"), "{e}");
    }

    #[test]
    fn regexes_are_case_insensitive_on_the_shown_text() {
        let r = rules("[[rules]]\ntitle_regex = \"^quảng cáo\"\naction = \"hide\"\n").unwrap();
        assert_eq!(r.matching(&subject("QUẢNG CÁO: mua nhà", "")), vec![0]);
        assert!(r.matching(&subject("Quang cao", "")).is_empty());
    }
}
