//! Turning the queue into requests. Subscription changes keep their order; item changes
//! are reduced to each item's last read mark and last rating (what replaying them one by
//! one in order would leave), so a thousand marks cost a few batched requests. Every
//! request is idempotent: a replay after a crash sends the same state again.
use crate::store::{Change, Queued};
use std::collections::HashMap;

#[derive(Debug, Default, PartialEq)]
pub struct Plan {
    /// (seq, change) of subscription changes, oldest first.
    pub subscriptions: Vec<(i64, Change)>,
    /// item -> (read, seqs it settles).
    pub reads: Vec<(String, bool, Vec<i64>)>,
    /// item -> (rating, seqs it settles).
    pub ratings: Vec<(String, u8, Vec<i64>)>,
}

pub fn plan(queue: Vec<Queued>) -> Plan {
    let mut plan = Plan::default();
    let mut reads: HashMap<String, usize> = HashMap::new();
    let mut ratings: HashMap<String, usize> = HashMap::new();
    for Queued { seq, change } in queue {
        match change {
            Change::Read { item, read } => match reads.get(&item) {
                Some(&i) => {
                    plan.reads[i].1 = read;
                    plan.reads[i].2.push(seq);
                }
                None => {
                    reads.insert(item.clone(), plan.reads.len());
                    plan.reads.push((item, read, vec![seq]));
                }
            },
            Change::Rate { item, rating } => match ratings.get(&item) {
                Some(&i) => {
                    plan.ratings[i].1 = rating;
                    plan.ratings[i].2.push(seq);
                }
                None => {
                    ratings.insert(item.clone(), plan.ratings.len());
                    plan.ratings.push((item, rating, vec![seq]));
                }
            },
            other => plan.subscriptions.push((seq, other)),
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(seq: i64, change: Change) -> Queued {
        Queued { seq, change }
    }

    #[test]
    fn the_last_change_of_each_item_wins_and_settles_all_its_entries() {
        let read = |item: &str, read| Change::Read {
            item: item.into(),
            read,
        };
        let plan = plan(vec![
            q(1, read("a", true)),
            q(
                2,
                Change::Remove {
                    feed: "feed/1".into(),
                },
            ),
            q(3, read("b", true)),
            q(4, read("a", false)),
            q(
                5,
                Change::Rate {
                    item: "a".into(),
                    rating: 4,
                },
            ),
            q(
                6,
                Change::Rate {
                    item: "a".into(),
                    rating: 0,
                },
            ),
        ]);
        assert_eq!(
            plan.reads,
            vec![
                ("a".to_owned(), false, vec![1, 4]),
                ("b".to_owned(), true, vec![3])
            ]
        );
        assert_eq!(plan.ratings, vec![("a".to_owned(), 0, vec![5, 6])]);
        assert_eq!(plan.subscriptions.len(), 1);
    }
}
