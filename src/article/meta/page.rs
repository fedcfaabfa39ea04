//! Where things are on the page, read in one pass: how much text comes before each element
//! (to say what is near the headline), which blocks are never a metadata source (comments,
//! forms, tickers, related lists, menus), and where the headline is.
use super::lists::{NO_META_TAGS, NO_META_ZONES, READER_HEADINGS};
use dom_query::{Document, NodeId, NodeRef};
use std::collections::{HashMap, HashSet};

/// Text before the headline's start and after its end that still counts as "near it": the
/// date and byline lines sit there, above or below the title.
const NEAR_BEFORE: usize = 300;
const NEAR_AFTER: usize = 600;

pub(crate) struct Layout {
    /// Characters of text before each element, in document order.
    offset: HashMap<NodeId, usize>,
    /// Elements inside a block that is never a metadata source.
    barred: HashSet<NodeId>,
    /// The headline's text span, when the page has one.
    headline: Option<(usize, usize)>,
}

impl Layout {
    /// One walk over the body. `titles` are the page's stated titles (og:title, ...), folded
    /// to compare: the headline is the `<h1>` that holds one, else the first long one.
    pub fn read(doc: &Document, titles: &[String]) -> Self {
        let mut offset = HashMap::new();
        let mut barred = HashSet::new();
        let mut chars = 0usize;
        let mut h1s: Vec<(NodeRef, usize)> = Vec::new();
        let Some(body) = doc.select("body").nodes().first().copied() else {
            return Self {
                offset,
                barred,
                headline: None,
            };
        };
        for node in body.descendants_it() {
            if node.is_text() {
                chars += node.text().chars().filter(|c| !c.is_whitespace()).count();
                continue;
            }
            if !node.is_element() {
                continue;
            }
            offset.insert(node.id, chars);
            // Pre-order: a parent is judged before its children.
            let parent_barred = node.parent().is_some_and(|p| barred.contains(&p.id));
            if parent_barred || is_barred(&node) {
                barred.insert(node.id);
                continue;
            }
            if node.has_name("h1") {
                h1s.push((node, chars));
            }
        }
        let keys: Vec<String> = titles.iter().map(|t| letters(t)).collect();
        let headline = h1s
            .iter()
            .find(|(h, _)| {
                let k = letters(&h.text());
                k.len() >= 8
                    && keys
                        .iter()
                        .any(|t| t.contains(&k) || k.contains(t.as_str()))
            })
            .copied()
            .or_else(|| {
                h1s.iter()
                    .find(|(h, _)| h.text().split_whitespace().count() >= 4)
                    .copied()
            })
            .or_else(|| {
                let n = title_block(doc, &keys)?;
                Some((n, *offset.get(&n.id)?))
            })
            .map(|(h, at)| {
                let len = h.text().chars().filter(|c| !c.is_whitespace()).count();
                (at, at + len)
            });
        Self {
            offset,
            barred,
            headline,
        }
    }

    /// Whether `node` is in a block that is never a metadata source.
    pub fn is_barred(&self, node: &NodeRef) -> bool {
        self.barred.contains(&node.id)
    }

    /// Whether `node` starts near the headline (false when the page has none).
    pub fn near_headline(&self, node: &NodeRef) -> bool {
        let (Some((start, end)), Some(&at)) = (self.headline, self.offset.get(&node.id)) else {
            return false;
        };
        at + NEAR_BEFORE >= start && at <= end + NEAR_AFTER
    }

    pub fn has_headline(&self) -> bool {
        self.headline.is_some()
    }
}

/// Where pages without an `<h1>` show the headline: a block named like a title whose text
/// is a stated title or begins the page title ("X" of "X - Thể thao - Báo Tỉnh").
const TITLE_BLOCKS: &str =
    "h2, h3, [class*=title], [class*=tieude], [class*=tieu-de],     [class*=headline], [id*=title]";

fn title_block<'a>(doc: &'a Document, keys: &[String]) -> Option<NodeRef<'a>> {
    let found = doc.try_select(TITLE_BLOCKS)?;
    found.nodes().iter().take(200).copied().find(|n| {
        let text = n.text();
        if text.chars().count() > 300 {
            return false;
        }
        let k = letters(&text);
        k.len() >= 12 && keys.iter().any(|t| t == &k || t.starts_with(k.as_str()))
    })
}

/// Letters and digits, folded: to compare a heading with a stated title.
fn letters(s: &str) -> String {
    crate::text::fold(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// A block that is never a metadata source, by its tag, its class or id, or the heading it
/// opens with ("Ý kiến bạn đọc").
fn is_barred(node: &NodeRef) -> bool {
    let Some(name) = node.node_name() else {
        return false;
    };
    if NO_META_TAGS.contains(&&*name) {
        // ASP.NET pages wrap the whole page in one form.
        return &*name != "form" || node.find(&["h1"]).is_empty();
    }
    // A site header (today's date, the logo), not the article's own `<header>`.
    if &*name == "header"
        && !node
            .ancestors_it(Some(64))
            .any(|a| a.has_name("article") || a.has_name("main"))
    {
        return true;
    }
    for names in [node.attr("class"), node.attr("id")].into_iter().flatten() {
        if names.split_whitespace().any(zone_name) {
            return true;
        }
    }
    if let Some(first) = node.first_element_child()
        && ["h2", "h3", "h4", "div", "p", "span"]
            .iter()
            .any(|h| first.has_name(h))
    {
        let t = crate::text::fold(&first.text());
        let t = t.trim().trim_end_matches(':').trim();
        if t.len() < 40 && READER_HEADINGS.contains(&t) {
            return true;
        }
    }
    false
}

/// A class or id that names a barred block: "box-comment", "commentList", "binh-luan",
/// "tin_lien_quan", "main-menu". Its words are joined in runs of up to three and compared
/// whole, so "information" is no form and "has-sidebar" (a page layout) no sidebar.
fn zone_name(token: &str) -> bool {
    let folded = crate::text::fold(token);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words
        .first()
        .is_some_and(|w| ["has", "with", "no"].contains(w))
    {
        return false;
    }
    (0..words.len()).any(|i| {
        (1..=3).any(|n| {
            let Some(run) = words.get(i..i + n) else {
                return false;
            };
            let joined = run.concat();
            NO_META_ZONES.iter().any(|z| {
                joined == *z
                    || (n == 1 && z.len() >= 6 && joined.starts_with(z))
                    || (n == 1 && joined.ends_with(z) && joined.len() > z.len() + 2 && z.len() >= 6)
            })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zone_names_are_whole_words() {
        for barred in [
            "box-comment",
            "commentList",
            "binh-luan",
            "tin_lien_quan",
            "main-menu",
            "news-ticker",
            "sidebar",
        ] {
            assert!(zone_name(barred), "{barred}");
        }
        for free in [
            "information",
            "has-sidebar",
            "sticker",
            "platform",
            "detail-content",
            "author",
        ] {
            assert!(!zone_name(free), "{free}");
        }
    }

    #[test]
    fn comments_and_a_site_header_are_barred_and_the_headline_is_found() {
        let doc = Document::from(
            "<html><body><header><span id=d>Thứ ba, 05/03/2024</span></header>\
             <div class=ticker><span id=t>04/03/2024</span></div>\
             <article><header><h1>Giá lúa tăng ba tuần liền</h1><span id=a>05/03/2024 10:00</span></header>\
             <p>Đoạn văn.</p></article><div><h3>Ý kiến bạn đọc</h3><b id=r>Nam</b></div></body></html>",
        );
        let layout = Layout::read(&doc, &["Giá lúa tăng ba tuần liền - Báo Mẫu".into()]);
        let node = |id: &str| doc.select(&format!("#{id}")).nodes()[0];
        assert!(layout.is_barred(&node("d")));
        assert!(layout.is_barred(&node("t")));
        assert!(layout.is_barred(&node("r")));
        assert!(!layout.is_barred(&node("a")));
        assert!(layout.near_headline(&node("a")));
    }
}
