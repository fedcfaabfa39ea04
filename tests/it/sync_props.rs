//! Properties of the sync's pure parts: item ids in both forms, and the queue's reduction
//! (sending each item's last state equals replaying every change in order).
use docbao::store::{Change, Queued};
use docbao::sync::client_greader::{item_id, long_id};
use docbao::sync::queue::plan;
use proptest::prelude::*;
use std::collections::HashMap;

proptest! {
    #![proptest_config(crate::fuzz::config(256))]

    #[test]
    fn prop_both_id_forms_name_the_same_item(n in any::<i64>(), junk in ".{0,40}") {
        let long = long_id(&n.to_string()).unwrap();
        prop_assert_eq!(item_id(&long), Some(n.to_string()));
        prop_assert_eq!(item_id(&n.to_string()), Some(n.to_string()));
        let _ = item_id(&junk);
        let _ = item_id(&format!("tag:google.com,2005:reader/item/{junk}"));
    }

    #[test]
    fn prop_the_reduced_queue_leaves_what_a_replay_leaves(
        changes in prop::collection::vec((0..4u8, any::<bool>(), 0..6u8, any::<bool>()), 0..40)
    ) {
        let mut queue = Vec::new();
        let mut replay: HashMap<String, (Option<bool>, Option<u8>)> = HashMap::new();
        for (seq, (item, is_read, stars, read)) in changes.into_iter().enumerate() {
            let item = format!("{item}");
            let change = if is_read {
                replay.entry(item.clone()).or_default().0 = Some(read);
                Change::Read { item, read }
            } else {
                replay.entry(item.clone()).or_default().1 = Some(stars);
                Change::Rate { item, rating: stars }
            };
            queue.push(Queued { seq: seq as i64, change });
        }
        let n = queue.len();
        let p = plan(queue);
        let mut settled: Vec<i64> = Vec::new();
        let mut reduced: HashMap<String, (Option<bool>, Option<u8>)> = HashMap::new();
        for (item, read, seqs) in p.reads {
            prop_assert!(reduced.entry(item).or_default().0.replace(read).is_none());
            settled.extend(seqs);
        }
        for (item, stars, seqs) in p.ratings {
            prop_assert!(reduced.entry(item).or_default().1.replace(stars).is_none());
            settled.extend(seqs);
        }
        settled.sort_unstable();
        prop_assert_eq!(settled, (0..n as i64).collect::<Vec<_>>());
        prop_assert_eq!(reduced, replay);
    }
}
