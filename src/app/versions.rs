//! The reader's key for the versions of a story (the story groups themselves are in
//! `stories`, below the reader).
use super::effect::Effect;
use super::{Pane, State, reader};
use crate::i18n::reading;

/// The reader moves to the next (or previous) version of its story.
pub(super) fn switch_version(s: &mut State, delta: i32, fx: &mut Vec<Effect>) {
    let Some(r) = s.reader.as_ref().filter(|_| s.focus == Pane::Reader) else {
        return;
    };
    if r.page.is_some() || r.versions.len() < 2 {
        s.status.message = Some(reading::only_version(s.lang).into());
        return;
    }
    let n = r.versions.len() as i64;
    let at = (r.version as i64 + delta as i64).rem_euclid(n) as usize;
    let versions = r.versions.clone();
    let from_search = r.from_search;
    let row = versions[at].clone();
    let paper = crate::text::clean_line(&row.feed_title);
    // The versions move along with the reader: the story is not asked for again.
    reader::open_row(s, row, from_search, fx);
    if let Some(r) = s.reader.as_mut() {
        r.versions = versions;
        r.version = at;
    }
    s.status.message = Some(reading::version_switched(
        s.lang,
        &paper,
        at + 1,
        n as usize,
    ));
}

/// The versions of the open article's story, from the cache: they replace the list's
/// (a feed's list holds one version of a story at most).
pub(super) fn loaded(s: &mut State, story: i64, rows: Vec<crate::store::ArticleRow>) {
    let Some(r) = s
        .reader
        .as_mut()
        .filter(|r| r.page.is_none() && r.row.story == Some(story))
    else {
        return;
    };
    let Some(at) = rows.iter().position(|v| v.id == r.row.id) else {
        return;
    };
    if rows.len() > 1 {
        r.version = at;
        r.versions = rows;
    }
}
