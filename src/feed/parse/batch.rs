//! Feeds with more items than docbao keeps: feed-rs builds a large model per item (a 16 MiB
//! feed of 480k tiny items took 500 MB), so such a document is cut into batches of items,
//! each parsed alone with the feed's head and tail around it, and only the newest items
//! are kept between batches. Memory follows the batch, not the document.
use quick_xml::Reader;
use quick_xml::events::Event;
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::ops::Range;

/// Items parsed by feed-rs at a time, when a feed is cut into batches.
pub(super) const BATCH_ITEMS: usize = 1000;

/// The byte ranges of the item elements (`<item>`, `<entry>`, not nested in another) of a
/// well-formed XML document; `None` when the reader fails (the caller parses it whole).
pub(super) fn xml_item_spans(doc: &str) -> Option<Vec<Range<usize>>> {
    let mut reader = Reader::from_str(doc);
    let mut spans = Vec::new();
    let mut depth = 0usize;
    // The depth and start of the item being read.
    let mut open: Option<(usize, usize)> = None;
    loop {
        let before = usize::try_from(reader.buffer_position()).ok()?;
        let event = reader.read_event().ok()?;
        let after = usize::try_from(reader.buffer_position()).ok()?;
        match event {
            Event::Start(e) => {
                depth += 1;
                if open.is_none() && is_item(e.local_name().into_inner().as_bytes()) {
                    open = Some((depth, before));
                }
            }
            Event::End(_) => {
                if let Some((_, start)) = open.take_if(|(d, _)| *d == depth) {
                    spans.push(start..after);
                }
                depth = depth.saturating_sub(1);
            }
            Event::Empty(e)
                if open.is_none() && is_item(e.local_name().into_inner().as_bytes()) =>
            {
                spans.push(before..after);
            }
            Event::Eof => return Some(spans),
            _ => {}
        }
    }
}

fn is_item(local: &[u8]) -> bool {
    matches!(local, b"item" | b"entry")
}

/// The documents to parse for an XML feed with the item `spans`: for each batch, the text
/// before the first item, the batch's items, and the text after the last item.
pub(super) fn xml_batches<'a>(
    doc: &'a str,
    spans: &'a [Range<usize>],
) -> impl Iterator<Item = String> + 'a {
    let head = spans.first().map_or("", |s| &doc[..s.start]);
    let tail = spans.last().map_or("", |s| &doc[s.end..]);
    spans.chunks(BATCH_ITEMS).map(move |batch| {
        let len = batch.iter().map(|s| s.len()).sum::<usize>();
        let mut out = String::with_capacity(head.len() + len + tail.len());
        out.push_str(head);
        for s in batch {
            out.push_str(&doc[s.clone()]);
        }
        out.push_str(tail);
        out
    })
}

/// A JSON Feed split into its members and its items, without copying either.
pub(super) struct JsonFeed<'a> {
    members: BTreeMap<String, &'a RawValue>,
    pub items: Vec<&'a RawValue>,
}

/// `None` when `doc` is not an object with an `items` array (feed-rs reports why).
pub(super) fn json_feed(doc: &str) -> Option<JsonFeed<'_>> {
    let mut members: BTreeMap<String, &RawValue> = serde_json::from_str(doc).ok()?;
    let items = members.remove("items")?;
    let items: Vec<&RawValue> = serde_json::from_str(items.get()).ok()?;
    Some(JsonFeed { members, items })
}

impl JsonFeed<'_> {
    /// One document per batch of items, with every other member as it was.
    pub(super) fn batches(&self) -> impl Iterator<Item = String> + '_ {
        self.items.chunks(BATCH_ITEMS).map(|batch| {
            let mut out = String::from("{");
            for (name, value) in &self.members {
                out.push_str(&serde_json::Value::from(name.as_str()).to_string());
                out.push(':');
                out.push_str(value.get());
                out.push(',');
            }
            out.push_str("\"items\":[");
            for (i, item) in batch.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(item.get());
            }
            out.push_str("]}");
            out
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_spans_of_rss_and_atom() {
        let rss = "<rss><channel><title>T</title><item><title>a</title></item>\
                   <item/><item><x><item>nested</item></x></item></channel></rss>";
        let spans = xml_item_spans(rss).unwrap();
        let texts: Vec<&str> = spans.iter().map(|s| &rss[s.clone()]).collect();
        assert_eq!(
            texts,
            [
                "<item><title>a</title></item>",
                "<item/>",
                "<item><x><item>nested</item></x></item>"
            ]
        );
        let batches: Vec<String> = xml_batches(rss, &spans).collect();
        assert_eq!(batches.len(), 1);
        assert!(batches[0].starts_with("<rss><channel><title>T</title><item>"));
        assert!(batches[0].ends_with("</item></channel></rss>"));
        let atom = "<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>1</id></entry></feed>";
        assert_eq!(xml_item_spans(atom).unwrap().len(), 1);
    }

    #[test]
    fn json_batches_keep_the_members() {
        let doc = r#"{"version":"https://jsonfeed.org/version/1.1","title":"T\"","items":[{"id":"1"},{"id":"2"}]}"#;
        let feed = json_feed(doc).unwrap();
        assert_eq!(feed.items.len(), 2);
        let batch: Vec<String> = feed.batches().collect();
        let value: serde_json::Value = serde_json::from_str(&batch[0]).unwrap();
        assert_eq!(value["title"], "T\"");
        assert_eq!(value["items"][1]["id"], "2");
    }
}
