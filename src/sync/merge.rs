//! The rules that decide an item's state from the server's. Pure: the store applies what
//! comes out, skipping any item with a change still queued (a pending change wins).
//!
//! Ratings: rated (1 to 5) is starred on the server and 0 is not. The exact number travels
//! as a label `docbao/★N` where the server has item labels. An item starred with no known
//! number keeps its local rating, or gets `star_rating` when it had none; an unstarred
//! item loses its rating.
use crate::store::RemoteUpdate;
use std::collections::{HashMap, HashSet};

/// The label that carries a rating of `n` stars.
pub fn star_label(n: u8) -> String {
    format!("docbao/★{n}")
}

/// `n` from a label name `docbao/★N` (1 to 5).
pub fn stars_of_label(label: &str) -> Option<u8> {
    let n: u8 = label.strip_prefix("docbao/★")?.parse().ok()?;
    (1..=5).contains(&n).then_some(n)
}

/// The rating an item should have: `local` now, `starred` on the server, `label` its
/// `docbao/★N` label if any.
pub fn rating(local: u8, starred: bool, label: Option<u8>, star_rating: u8) -> u8 {
    match (starred, label) {
        (false, _) => 0,
        (true, Some(n)) => n,
        (true, None) if local > 0 => local,
        (true, None) => star_rating.clamp(1, 5),
    }
}

/// The server's state of every item, as the id lists give it.
#[derive(Debug, Default)]
pub struct RemoteState {
    /// Unread ids; `None` when the list was incomplete (then no item is marked read for
    /// being absent from it).
    pub unread: Option<HashSet<String>>,
    pub starred: HashSet<String>,
    /// Ids with a `docbao/★N` label.
    pub stars: HashMap<String, u8>,
}

/// The updates that bring the cache (`snapshot`: id, read, rating) to the server's state.
pub fn plan(
    snapshot: &[(String, bool, u8)],
    remote: &RemoteState,
    star_rating: u8,
) -> Vec<RemoteUpdate> {
    let mut out = Vec::new();
    for (id, read, local) in snapshot {
        let remote_read = remote.unread.as_ref().map(|u| !u.contains(id));
        let new_rating = rating(
            *local,
            remote.starred.contains(id),
            remote.stars.get(id).copied(),
            star_rating,
        );
        let read_change = remote_read.filter(|r| r != read);
        let rating_change = (new_rating != *local).then_some(new_rating);
        if read_change.is_some() || rating_change.is_some() {
            out.push(RemoteUpdate {
                item: id.clone(),
                read: read_change,
                rating: rating_change,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rating_rule() {
        assert_eq!(
            rating(3, false, None, 5),
            0,
            "unstarred elsewhere loses its rating"
        );
        assert_eq!(
            rating(0, true, None, 5),
            5,
            "starred elsewhere gets star_rating"
        );
        assert_eq!(rating(0, true, None, 4), 4);
        assert_eq!(rating(2, true, None, 5), 2, "a known rating stays");
        assert_eq!(
            rating(2, true, Some(4), 5),
            4,
            "the label carries the number"
        );
        assert_eq!(
            rating(0, false, Some(4), 5),
            0,
            "a label without the star means nothing"
        );
        assert_eq!(stars_of_label(&star_label(3)), Some(3));
        assert_eq!(stars_of_label("docbao/★9"), None);
        assert_eq!(stars_of_label("Tin"), None);
    }

    #[test]
    fn a_plan_changes_only_what_differs() {
        let snapshot = vec![
            ("1".to_owned(), false, 0),
            ("2".to_owned(), true, 3),
            ("3".to_owned(), false, 0),
        ];
        let remote = RemoteState {
            unread: Some(["1".to_owned()].into()),
            starred: ["2".to_owned()].into(),
            stars: HashMap::new(),
        };
        let plan = plan(&snapshot, &remote, 5);
        assert_eq!(
            plan,
            vec![RemoteUpdate {
                item: "3".into(),
                read: Some(true),
                rating: None
            }]
        );
        let incomplete = RemoteState {
            unread: None,
            ..remote
        };
        assert!(super::plan(&snapshot, &incomplete, 5).is_empty());
    }
}
