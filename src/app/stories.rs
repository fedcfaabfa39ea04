//! One story, many papers: the article list shows each story once (its other versions
//! counted, "+3 báo khác"), the reader switches between the versions, and with
//! `mark_story_read` reading one version marks the others read.
use super::State;
use super::effect::Effect;
use crate::feed::ArticleId;
use crate::store::ArticleRow;
use std::collections::{HashMap, HashSet};

/// The story groups of the loaded list.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Stories {
    /// Story id -> every version in the list, in the list's order.
    pub versions: HashMap<i64, Vec<ArticleRow>>,
    /// Versions asked to be marked read because another was: not asked twice.
    pub pending: HashSet<ArticleId>,
}

impl Stories {
    /// How many other versions `row` stands for (None when alone).
    pub fn others(&self, row: &ArticleRow) -> Option<usize> {
        let n = self.versions.get(&row.story?)?.len();
        (n > 1).then(|| n - 1)
    }
}

/// Folds the versions of each story into one row, in one pass: the story takes the place
/// of its first version, shown by its first unread version (so "next unread" and the
/// unread mark still find it), else its first.
pub fn group(rows: Vec<ArticleRow>) -> (Vec<ArticleRow>, Stories) {
    let mut versions: HashMap<i64, Vec<ArticleRow>> = HashMap::new();
    let mut out: Vec<ArticleRow> = Vec::with_capacity(rows.len());
    let mut slot: HashMap<i64, usize> = HashMap::new();
    for row in rows {
        let Some(story) = row.story else {
            out.push(row);
            continue;
        };
        match slot.get(&story) {
            Some(&i) => {
                if out[i].read && !row.read {
                    out[i] = row.clone();
                }
            }
            None => {
                slot.insert(story, out.len());
                out.push(row.clone());
            }
        }
        versions.entry(story).or_default().push(row);
    }
    versions.retain(|_, v| v.len() > 1);
    let stories = Stories {
        versions,
        pending: HashSet::new(),
    };
    (out, stories)
}

/// The versions of `row`'s story in the loaded list (empty when alone).
pub(super) fn versions_of(s: &State, row: &ArticleRow) -> Vec<ArticleRow> {
    row.story
        .and_then(|st| s.articles.stories.versions.get(&st))
        .cloned()
        .unwrap_or_default()
}

/// A version was marked read: with `mark_story_read`, so are the others of the list.
pub(super) fn read_marked(s: &mut State, id: ArticleId, fx: &mut Vec<Effect>) {
    s.articles.stories.pending.remove(&id);
    if !s.mark_story_read {
        return;
    }
    let listed = s
        .articles
        .stories
        .versions
        .values()
        .find(|vs| vs.iter().any(|v| v.id == id));
    // The reader knows every version of the open story (from the cache), the list only
    // its own.
    let open = s
        .reader
        .as_ref()
        .map(|r| &r.versions)
        .filter(|vs| vs.iter().any(|v| v.id == id));
    let mut others: Vec<ArticleId> = Vec::new();
    for v in listed.into_iter().chain(open).flatten() {
        if v.id != id && !v.read && !others.contains(&v.id) {
            others.push(v.id);
        }
    }
    for other in others {
        if s.articles.stories.pending.insert(other) {
            fx.push(Effect::SetRead {
                id: other,
                read: true,
            });
        }
    }
}

/// A mark the store wrote, on the versions kept behind their story's row.
pub(super) fn update_versions(s: &mut State, id: ArticleId, f: &impl Fn(&mut ArticleRow)) {
    for v in s.articles.stories.versions.values_mut().flatten() {
        if v.id == id {
            f(v);
        }
    }
    if let Some(r) = s.reader.as_mut() {
        r.versions.iter_mut().filter(|v| v.id == id).for_each(f);
    }
}

/// A version read while its story's row shows another: the row shows the story's state
/// (read once every version is).
pub(super) fn refresh_row(s: &mut State, id: ArticleId) {
    let Some((story, vs)) = s
        .articles
        .stories
        .versions
        .iter()
        .find(|(_, vs)| vs.iter().any(|v| v.id == id))
    else {
        return;
    };
    let shown = vs.iter().find(|v| !v.read).or(vs.first()).cloned();
    let story = *story;
    if let (Some(shown), Some(row)) = (
        shown,
        s.articles.rows.iter_mut().find(|r| r.story == Some(story)),
    ) {
        *row = shown;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::FeedId;

    fn row(id: i64, story: Option<i64>, read: bool) -> ArticleRow {
        ArticleRow {
            id: ArticleId(id),
            feed_id: FeedId(id),
            feed_title: String::new(),
            title: String::new(),
            url: None,
            published: None,
            read,
            rating: 0,
            full_text: false,
            reading_minutes: 0,
            story,
        }
    }

    #[test]
    fn a_story_shows_once_at_its_first_place_by_its_first_unread_version() {
        let rows = vec![
            row(1, Some(7), true),
            row(2, None, false),
            row(3, Some(7), false),
            row(4, Some(9), false),
            row(5, Some(7), false),
        ];
        let (out, st) = group(rows);
        let ids: Vec<i64> = out.iter().map(|r| r.id.0).collect();
        // Story 9 has one version in the list: a plain row.
        assert_eq!(ids, vec![3, 2, 4]);
        assert_eq!(st.others(&out[0]), Some(2));
        assert_eq!(st.others(&out[2]), None);
        assert_eq!(st.versions.len(), 1);
    }
}
