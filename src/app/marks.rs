//! The user's own marks on articles: ratings and read marks. A key asks the store to write
//! the mark; the screen shows it when the store confirms ([`super::Msg::Saved`]), so what
//! the screen shows is already on disk.
use super::State;
use super::effect::Effect;
use crate::config::RatingStyle;
use crate::feed::ArticleId;
use crate::i18n;
use crate::store::ArticleRow;

/// A mark the store has written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Rating { id: ArticleId, rating: u8 },
    Read { id: ArticleId, read: bool },
}

/// Rates the target article `n` stars (0 clears).
pub(super) fn rate(s: &mut State, n: u8, fx: &mut Vec<Effect>) {
    if let Some(id) = s.target_article().map(|r| r.id) {
        fx.push(Effect::SetRating { id, rating: n });
    }
}

/// Marks the target article read or unread, the other way round.
pub(super) fn toggle_read(s: &mut State, fx: &mut Vec<Effect>) {
    if let Some(row) = s.target_article() {
        fx.push(Effect::SetRead {
            id: row.id,
            read: !row.read,
        });
    }
}

/// The store wrote a mark: every copy of the article shows it now.
pub(super) fn saved(s: &mut State, saved: Saved, fx: &mut Vec<Effect>) {
    match saved {
        Saved::Rating { id, rating } => {
            update_rows(s, id, |r| r.rating = rating);
            s.status.message = Some(i18n::strings::rated(s.lang, rating));
        }
        Saved::Read { id, read } => {
            update_rows(s, id, |r| r.read = read);
            super::stories::refresh_row(s, id);
            if read {
                super::stories::read_marked(s, id, fx);
            }
            // The unread counts of the feed list.
            fx.push(Effect::LoadFeeds);
        }
    }
}

/// Applies `f` to every copy of article `id` (lists, search results, the reader).
pub(super) fn update_rows(s: &mut State, id: ArticleId, f: impl Fn(&mut ArticleRow)) {
    s.articles
        .rows
        .iter_mut()
        .filter(|r| r.id == id)
        .for_each(&f);
    if let Some(q) = s.search.as_mut() {
        q.rows.iter_mut().filter(|r| r.id == id).for_each(&f);
    }
    super::stories::update_versions(s, id, &f);
    if let Some(r) = s.reader.as_mut().filter(|r| r.row.id == id) {
        f(&mut r.row);
        if let Some(d) = r.detail.as_mut() {
            f(&mut d.row);
        }
    }
}

/// ★★★★☆ or [****-]; blank when unrated.
pub fn rating_text(style: RatingStyle, n: u8) -> String {
    let n = n.min(5) as usize;
    match style {
        RatingStyle::Stars if n == 0 => " ".repeat(5),
        RatingStyle::Stars => format!("{}{}", "★".repeat(n), "☆".repeat(5 - n)),
        RatingStyle::Ascii if n == 0 => " ".repeat(7),
        RatingStyle::Ascii => format!("[{}{}]", "*".repeat(n), "-".repeat(5 - n)),
    }
}
