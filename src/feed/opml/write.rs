//! Writing OPML 2.0: categories as nested outlines, each written once, in the order their
//! first feed comes. Iterative, and the indentation is capped, so the output is linear in
//! the subscriptions whatever the depth.
use super::{Opml, OpmlEntry};
use crate::text::clean_line;

/// Indentation stops growing here (two spaces a level), should a tree be deeper.
const MAX_INDENT_LEVELS: usize = 24;

/// What a category holds, in order.
#[derive(Clone, Copy)]
enum Item {
    Feed(usize),
    Category(usize),
}

/// An OPML 2.0 document of `opml`'s entries under their categories. Categories that hold
/// no feed are left out.
pub fn write_opml(opml: &Opml, title: &str) -> String {
    let n = opml.categories.len();
    // children[n] is the top level.
    let mut children: Vec<Vec<Item>> = vec![Vec::new(); n + 1];
    let mut placed = vec![false; n];
    for (i, entry) in opml.entries.iter().enumerate() {
        let category = entry.category.filter(|&c| c < n);
        children[category.unwrap_or(n)].push(Item::Feed(i));
        // Place the category and those above it that are not placed yet: each once.
        let mut at = category;
        while let Some(c) = at {
            if placed[c] {
                break;
            }
            placed[c] = true;
            let parent = opml.parent_of(c);
            children[parent.unwrap_or(n)].push(Item::Category(c));
            at = parent;
        }
    }
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    <title>",
    );
    escape_into(&mut out, &clean_line(title));
    out.push_str("</title>\n  </head>\n  <body>\n");
    // (list, next item) per open outline, the top level first.
    let mut stack: Vec<(usize, usize)> = vec![(n, 0)];
    while let Some(&(list, next)) = stack.last() {
        let level = stack.len() + 1;
        let Some(&item) = children[list].get(next) else {
            stack.pop();
            if !stack.is_empty() {
                indent(&mut out, level - 1);
                out.push_str("</outline>\n");
            }
            continue;
        };
        if let Some(top) = stack.last_mut() {
            top.1 += 1;
        }
        indent(&mut out, level);
        match item {
            Item::Feed(i) => feed(&mut out, &opml.entries[i]),
            Item::Category(c) => {
                let name = &opml.categories[c].name;
                out.push_str("<outline");
                attr(&mut out, "text", name);
                attr(&mut out, "title", name);
                out.push_str(">\n");
                stack.push((c, 0));
            }
        }
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

fn indent(out: &mut String, level: usize) {
    for _ in 0..level.min(MAX_INDENT_LEVELS) {
        out.push_str("  ");
    }
}

fn feed(out: &mut String, e: &OpmlEntry) {
    out.push_str("<outline type=\"rss\"");
    attr(out, "text", &e.title);
    attr(out, "title", &e.title);
    attr(out, "xmlUrl", &e.xml_url);
    if let Some(h) = &e.html_url {
        attr(out, "htmlUrl", h);
    }
    out.push_str("/>\n");
}

/// Appends ` name="value"` with the value cleaned and escaped for an attribute.
fn attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    escape_into(out, &clean_line(value));
    out.push('"');
}

/// Escapes for XML, leaving out what XML cannot carry at all (U+FFFE, U+FFFF).
fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            c if crate::feed::parse::is_forbidden_in_xml(c) => {}
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse_opml;
    use super::*;

    fn flat(opml: &Opml) -> Vec<(String, String, Option<String>)> {
        opml.entries
            .iter()
            .map(|e| (e.title.clone(), e.xml_url.clone(), opml.path(e.category)))
            .collect()
    }

    fn feed_in(opml: &mut Opml, title: &str, url: &str, category: Option<usize>) {
        opml.entries.push(OpmlEntry {
            title: title.into(),
            xml_url: url.into(),
            html_url: None,
            category,
        });
    }

    #[test]
    fn round_trip_with_nested_vietnamese_categories() {
        let decomposed = "Tho\u{31b}\u{300}i su\u{31b}\u{323}"; // "Thời sự" decomposed
        let mut opml = Opml::default();
        let vn = opml.add_category(None, "Tin Việt Nam");
        let vne = opml.add_category(Some(vn), "VnExpress");
        let world = opml.add_category(None, "Quốc tế");
        let slash = opml.add_category(None, "Thời sự/Chính trị \\ khác");
        let vn_url = "https://vnexpress.net/rss/tin-moi-nhat.rss";
        feed_in(&mut opml, "Tin mới nhất", vn_url, Some(vne));
        let thoi_su = "https://vnexpress.net/rss/thoi-su.rss";
        feed_in(&mut opml, decomposed, thoi_su, Some(vne));
        let tt = "https://tuoitre.vn/rss/tin-moi-nhat.rss";
        feed_in(&mut opml, "Tuổi Trẻ", tt, Some(vn));
        feed_in(&mut opml, "HN", "https://hnrss.org/frontpage", Some(world));
        feed_in(&mut opml, "Lạ \"<&>\"", "https://x.example/?a=1&b=2", None);
        feed_in(&mut opml, "Chính trị", "https://y.example/rss", Some(slash));
        let text = write_opml(&opml, "Danh sách của tôi");
        let back = parse_opml(&text).unwrap();
        let mut expected = flat(&opml);
        expected[1].0 = "Thời sự".into();
        assert_eq!(flat(&back), expected, "{text}");
        assert_eq!(
            back.names(back.entries[5].category),
            ["Thời sự/Chính trị \\ khác"]
        );
        assert!(text.contains("<title>Danh sách của tôi</title>"));
        assert_eq!(text.matches("text=\"Tin Việt Nam\"").count(), 1, "{text}");
    }

    #[test]
    fn a_deep_tree_is_written_without_recursion_and_with_capped_indentation() {
        let mut opml = Opml::default();
        let mut parent = None;
        for i in 0..10_000 {
            parent = Some(opml.add_category(parent, &format!("c{i}")));
        }
        feed_in(&mut opml, "deep", "https://a.example/rss", parent);
        let text = write_opml(&opml, "t");
        let longest = text.lines().map(str::len).max().unwrap_or(0);
        assert!(longest < 2 * MAX_INDENT_LEVELS + 100, "{longest}");
        // Every category on the way is written once, and closed.
        assert_eq!(text.matches("</outline>").count(), 10_000);
        assert!(text.len() < 200 * 10_000, "{}", text.len());
    }
}
