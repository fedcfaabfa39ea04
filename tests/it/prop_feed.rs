//! Properties of feed parsing with its repairs, on generated RSS, Atom and JSON feeds full
//! of hostile text and of the fields feed-rs 3.0.0 panics on, and on mutations of them: no
//! panic, every item kept, every field clean (NFC, no control characters or escape
//! sequences).
use crate::fuzz;
use crate::prop_text::{hostile_text, is_clean};
use docbao::feed::ParsedFeed;
use docbao::feed::parse::parse_feed;
use proptest::collection::vec;
use proptest::prelude::*;

/// One generated item: its title, an author field, a duration and a summary.
#[derive(Debug, Clone)]
struct Item {
    title: String,
    author: String,
    duration: String,
    summary: String,
}

fn author() -> impl Strategy<Value = String> {
    let name = prop::sample::select(vec!["Lê Minh Đức", "Trần Thị Hà", "PV", ""]);
    let sep = prop::sample::select(vec!["\u{a0}", " ", "", "\u{3000}", "(", " <", "ệ"]);
    let end = prop::sample::select(vec!["", "\u{a0}", ">", ")", "ố", " Hà Nội"]);
    (name, sep, end, "[a-z]{1,6}").prop_map(|(n, s, e, user)| format!("{n}{s}{user}@example.vn{e}"))
}

fn duration() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,25}",
        "[0-9]{1,3}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,12})?",
        Just("\u{661}\u{662}".to_owned()),
        Just("\u{ff11}:\u{ff12}\u{ff13}:\u{ff14}\u{ff15}".to_owned()),
        Just("1&#1633;".to_owned()),
    ]
}

fn item() -> impl Strategy<Value = Item> {
    (hostile_text(), author(), duration(), hostile_text()).prop_map(
        |(title, author, duration, summary)| Item {
            title,
            author,
            duration,
            summary,
        },
    )
}

/// Text as a careless feed writes it: `<` escaped, `&` left raw (the repair's job), or in
/// CDATA.
fn text(s: &str, cdata: bool) -> String {
    if cdata && !s.contains("]]>") {
        format!("<![CDATA[{s}]]>")
    } else {
        s.replace('<', "&lt;").replace('>', "&gt;")
    }
}

fn rss(items: &[Item], cdata: bool) -> String {
    let mut doc = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" \
         xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" \
         xmlns:media=\"http://search.yahoo.com/mrss/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\
         <channel><title>Báo</title><link>https://x.vn/</link>",
    );
    for (i, it) in items.iter().enumerate() {
        doc.push_str(&format!(
            "<item><title>{}</title><link>https://x.vn/{i}</link><author>{}</author>\
             <dc:creator>{}</dc:creator><itunes:duration>{}</itunes:duration>\
             <media:thumbnail url=\"https://x.vn/{i}.jpg\" time=\"{}\"/><description>{}</description></item>",
            text(&it.title, cdata),
            text(&it.author, cdata),
            text(&it.author, !cdata),
            text(&it.duration, cdata),
            it.duration.replace(['<', '&', '"'], ""),
            text(&it.summary, cdata),
        ));
    }
    doc.push_str("</channel></rss>");
    doc
}

fn atom(items: &[Item]) -> String {
    let mut doc = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">\
         <title>Báo</title><id>urn:x</id>",
    );
    for (i, it) in items.iter().enumerate() {
        doc.push_str(&format!(
            "<entry><title type=\"html\">{}</title><id>urn:x:{i}</id><link href=\"https://x.vn/{i}\"/>\
             <author><name>{}</name><email>{}</email></author><summary>{}</summary></entry>",
            text(&it.title, false),
            text(&it.author, false),
            text(&it.author, true),
            text(&it.summary, true),
        ));
    }
    doc.push_str("</feed>");
    doc
}

fn json(items: &[Item]) -> String {
    let items: Vec<serde_json::Value> = items
        .iter()
        .enumerate()
        .map(|(i, it)| {
            serde_json::json!({
                "id": i.to_string(),
                "url": format!("https://x.vn/{i}"),
                "title": it.title,
                "content_html": it.summary,
                "author": {"name": it.author},
                "authors": [{"name": it.author}],
            })
        })
        .collect();
    serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Báo",
        "items": items,
    })
    .to_string()
}

/// Every text of a parsed feed is clean.
fn assert_clean(feed: &ParsedFeed) -> Result<(), TestCaseError> {
    for t in feed.title.iter().chain(&feed.site_url) {
        prop_assert!(is_clean(t, false), "{t:?}");
    }
    for item in &feed.items {
        let lines = [
            Some(&item.title),
            item.url.as_ref(),
            item.guid.as_ref(),
            item.author.as_ref(),
        ];
        for t in lines.into_iter().flatten() {
            prop_assert!(is_clean(t, false), "{t:?}");
        }
        for t in item.summary.iter().chain(&item.content) {
            prop_assert!(is_clean(t, true), "{t:?}");
            prop_assert!(!t.contains("PWNED"), "{t:?}");
        }
        prop_assert!(!item.title.contains("PWNED"), "{:?}", item.title);
    }
    Ok(())
}

proptest! {
    #![proptest_config(fuzz::config(24))]

    #[test]
    fn prop_generated_feeds_keep_every_item_clean(items in vec(item(), 1..6), cdata: bool) {
        for (kind, doc) in [("rss", rss(&items, cdata)), ("atom", atom(&items)), ("json", json(&items))] {
            let feed = parse_feed(doc.as_bytes(), None, "https://x.vn/feed")
                .map_err(|e| TestCaseError::fail(format!("{kind}: {e}\n{doc}")))?;
            prop_assert_eq!(feed.items.len(), items.len(), "{}", kind);
            assert_clean(&feed)?;
        }
    }

    #[test]
    fn prop_mutated_feeds_never_panic_and_stay_clean(
        items in vec(item(), 1..4),
        edits in vec((any::<prop::sample::Index>(), 0usize..4, hostile_text()), 1..6),
    ) {
        let mut doc = rss(&items, false).into_bytes();
        for (at, kind, insert) in edits {
            let i = at.index(doc.len() + 1);
            match kind {
                0 => { doc.splice(i..i, insert.bytes()); }
                1 => { doc.truncate(i); }
                2 => { let end = (i + insert.len()).min(doc.len()); doc.drain(i..end); }
                _ => if let Some(b) = doc.get_mut(i) { *b ^= 0x80; },
            }
        }
        if let Ok(feed) = parse_feed(&doc, None, "https://x.vn/feed") {
            assert_clean(&feed)?;
        }
    }
}
