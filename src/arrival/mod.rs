//! What happens to an article when it first arrives, decided off the store's thread:
//! the configured rules ([`rules`]: hide, mark read, rate) and the story signature that
//! groups versions of one story told by several feeds ([`story`]). The store applies both
//! in the transaction that inserts the article (`store::save`), and nowhere else.
pub mod rules;
pub mod story;

pub use rules::{RuleError, RuleSpec, Rules, Subject};
pub use story::Signature;

/// What the rules decided for a new article. The default changes nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Verdict {
    /// Out of every list and count.
    pub hide: bool,
    pub read: bool,
    /// 1 to 5; 0 leaves the rating alone.
    pub rating: u8,
}

impl Verdict {
    pub fn is_noop(&self) -> bool {
        *self == Verdict::default()
    }
}

/// The arrival settings a refresh needs, built once per refresh (regexes compiled once).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Arrival {
    pub rules: Rules,
    /// Group versions of one story (`group_stories`).
    pub group_stories: bool,
}
