//! OPML 1.0/2.0 import (nested outlines become categories) and OPML 2.0 export.
//!
//! An outline with an `xmlUrl` is a feed (with or without `type="rss"`); an outline without
//! one is a category, and the titles of the categories around a feed, joined by "/", are its
//! category. Import runs the same repairs as feeds (raw `&`, HTML entities) since exported
//! OPML is often written by hand or by careless tools.
use super::parse::line_at;
use crate::feed::parse::repair_xml;
use crate::text::clean_line;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

/// One subscription of an OPML file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpmlEntry {
    pub title: String,
    pub xml_url: String,
    pub html_url: Option<String>,
    /// The enclosing outlines' titles joined by "/", e.g. "Tin Việt Nam/VnExpress".
    pub category: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpmlError {
    #[error("broken OPML at line {line}: {message}")]
    Broken { line: usize, message: String },
    #[error("not an OPML file: {0}")]
    NotOpml(String),
}

/// What an open `<outline>` contributes to the category path of the outlines inside it.
enum Open {
    Category(String),
    Other,
}

/// Reads the subscriptions of an OPML document, in document order.
pub fn parse_opml(text: &str) -> Result<Vec<OpmlEntry>, OpmlError> {
    let text = repair_xml(text);
    let mut reader = Reader::from_str(&text);
    reader.config_mut().check_end_names = true;
    let mut entries = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    let mut root: Option<String> = None;
    let mut depth = 0usize;
    loop {
        let event = reader.read_event().map_err(|e| OpmlError::Broken {
            line: line_at(&text, reader.error_position()),
            message: clean_line(&e.to_string()),
        })?;
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                if e.local_name().as_ref().eq_ignore_ascii_case("outline") {
                    open.pop();
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let Some(e) = start else { continue };
        if root.is_none() {
            root = Some(e.local_name().as_ref().to_owned());
        }
        if !empty {
            depth += 1;
        }
        if !e.local_name().as_ref().eq_ignore_ascii_case("outline") {
            continue;
        }
        let outline = Outline::read(e);
        let kind = match outline.xml_url {
            Some(xml_url) => {
                let category = open
                    .iter()
                    .filter_map(|o| match o {
                        Open::Category(name) => Some(name.as_str()),
                        Open::Other => None,
                    })
                    .collect::<Vec<_>>()
                    .join("/");
                entries.push(OpmlEntry {
                    title: outline.title.unwrap_or_else(|| xml_url.clone()),
                    xml_url,
                    html_url: outline.html_url,
                    category: Some(category).filter(|c| !c.is_empty()),
                });
                Open::Other
            }
            None => match outline.title {
                Some(t) => Open::Category(t),
                None => Open::Other,
            },
        };
        if !empty {
            open.push(kind);
        }
    }
    match root {
        Some(r) if r.eq_ignore_ascii_case("opml") => {}
        Some(r) => {
            return Err(OpmlError::NotOpml(format!(
                "the root element is <{}>",
                clean_line(&r)
            )));
        }
        None => return Err(OpmlError::NotOpml("no XML element".into())),
    }
    if depth > 0 {
        return Err(OpmlError::Broken {
            line: line_at(&text, text.len() as u64),
            message: "the document ends before its elements are closed (truncated?)".into(),
        });
    }
    Ok(entries)
}

/// The attributes of an `<outline>` that matter, cleaned; blank ones are `None`.
struct Outline {
    title: Option<String>,
    xml_url: Option<String>,
    html_url: Option<String>,
}

impl Outline {
    fn read(e: &BytesStart) -> Outline {
        let mut o = Outline {
            title: None,
            xml_url: None,
            html_url: None,
        };
        let mut title_attr = None;
        for attr in e.attributes().with_checks(false).flatten() {
            let Ok(value) = attr.normalized_value(XmlVersion::Implicit1_0) else {
                continue;
            };
            let value = Some(clean_line(&value)).filter(|v| !v.is_empty());
            let key = attr.key.local_name();
            let key = key.as_ref();
            if key.eq_ignore_ascii_case("text") {
                o.title = o.title.or(value);
            } else if key.eq_ignore_ascii_case("title") {
                title_attr = title_attr.or(value);
            } else if key.eq_ignore_ascii_case("xmlUrl") {
                o.xml_url = o.xml_url.or(value);
            } else if key.eq_ignore_ascii_case("htmlUrl") {
                o.html_url = o.html_url.or(value);
            }
        }
        o.title = o.title.or(title_attr);
        o
    }
}

/// A category and what it holds, in the order entries first mention them.
#[derive(Default)]
struct Node<'a> {
    name: String,
    children: Vec<Child<'a>>,
}

enum Child<'a> {
    Feed(&'a OpmlEntry),
    Category(Node<'a>),
}

impl<'a> Node<'a> {
    fn insert(&mut self, path: &[&str], entry: &'a OpmlEntry) {
        let Some((first, rest)) = path.split_first() else {
            self.children.push(Child::Feed(entry));
            return;
        };
        let found = self.children.iter_mut().find_map(|c| match c {
            Child::Category(n) if n.name == *first => Some(n),
            _ => None,
        });
        match found {
            Some(node) => node.insert(rest, entry),
            None => {
                let mut node = Node {
                    name: (*first).to_owned(),
                    children: Vec::new(),
                };
                node.insert(rest, entry);
                self.children.push(Child::Category(node));
            }
        }
    }

    fn write(&self, out: &mut String, indent: usize) {
        for child in &self.children {
            out.push_str(&"  ".repeat(indent));
            match child {
                Child::Feed(e) => {
                    out.push_str("<outline type=\"rss\"");
                    attr(out, "text", &e.title);
                    attr(out, "title", &e.title);
                    attr(out, "xmlUrl", &e.xml_url);
                    if let Some(h) = &e.html_url {
                        attr(out, "htmlUrl", h);
                    }
                    out.push_str("/>\n");
                }
                Child::Category(n) => {
                    out.push_str("<outline");
                    attr(out, "text", &n.name);
                    attr(out, "title", &n.name);
                    out.push_str(">\n");
                    n.write(out, indent + 1);
                    out.push_str(&"  ".repeat(indent));
                    out.push_str("</outline>\n");
                }
            }
        }
    }
}

/// Appends ` name="value"` with the value cleaned and escaped for an attribute.
fn attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    escape_into(out, &clean_line(value));
    out.push('"');
}

fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// An OPML 2.0 document of `entries`, categories as nested outlines (a category's parts
/// are separated by "/").
pub fn write_opml(entries: &[OpmlEntry], title: &str) -> String {
    let mut tree = Node::default();
    for e in entries {
        let path: Vec<&str> = e
            .category
            .as_deref()
            .unwrap_or("")
            .split('/')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        tree.insert(&path, e);
    }
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    <title>",
    );
    escape_into(&mut out, &clean_line(title));
    out.push_str("</title>\n  </head>\n  <body>\n");
    tree.write(&mut out, 2);
    out.push_str("  </body>\n</opml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(title: &str, url: &str, category: Option<&str>) -> OpmlEntry {
        OpmlEntry {
            title: title.into(),
            xml_url: url.into(),
            html_url: None,
            category: category.map(Into::into),
        }
    }

    #[test]
    fn opml_1_without_type_and_with_title_attributes() {
        let text = r#"<?xml version="1.0" encoding="ISO-8859-1"?>
<opml version="1.0"><head><title>x</title></head><body>
  <outline title="News">
    <outline title="A &amp; B" xmlUrl="https://a.example/rss?x=1&y=2" htmlUrl="https://a.example/"/>
    <outline text="Empty category"/>
  </outline>
  <outline text="Top" xmlurl="https://top.example/feed"/>
  <outline type="rss" xmlUrl="https://untitled.example/feed"/>
</body></opml>"#;
        assert_eq!(
            parse_opml(text).unwrap(),
            vec![
                OpmlEntry {
                    title: "A & B".into(),
                    xml_url: "https://a.example/rss?x=1&y=2".into(),
                    html_url: Some("https://a.example/".into()),
                    category: Some("News".into()),
                },
                entry("Top", "https://top.example/feed", None),
                entry(
                    "https://untitled.example/feed",
                    "https://untitled.example/feed",
                    None
                ),
            ]
        );
    }

    #[test]
    fn round_trip_with_nested_vietnamese_categories() {
        let decomposed = "Tho\u{31b}\u{300}i su\u{31b}\u{323}"; // "Thời sự" decomposed
        let entries = vec![
            entry(
                "Tin mới nhất",
                "https://vnexpress.net/rss/tin-moi-nhat.rss",
                Some("Tin Việt Nam/VnExpress"),
            ),
            entry(
                decomposed,
                "https://vnexpress.net/rss/thoi-su.rss",
                Some("Tin Việt Nam/VnExpress"),
            ),
            entry(
                "Tuổi Trẻ",
                "https://tuoitre.vn/rss/tin-moi-nhat.rss",
                Some("Tin Việt Nam"),
            ),
            entry(
                "Hacker News",
                "https://hnrss.org/frontpage",
                Some("Quốc tế"),
            ),
            entry("Chưa phân loại \"<&>\"", "https://x.example/?a=1&b=2", None),
        ];
        let text = write_opml(&entries, "Danh sách của tôi");
        let back = parse_opml(&text).unwrap();
        let mut expected = entries.clone();
        expected[1].title = "Thời sự".into();
        assert_eq!(back, expected, "{text}");
        assert!(text.contains("<title>Danh sách của tôi</title>"));
        assert_eq!(text.matches("text=\"Tin Việt Nam\"").count(), 1, "{text}");
    }

    #[test]
    fn errors_are_one_line() {
        let err = parse_opml("<opml><body>\n<outline text='a'>\n</body></opml>").unwrap_err();
        assert!(
            err.to_string().starts_with("broken OPML at line 3: "),
            "{err}"
        );
        let err = parse_opml("<rss/>").unwrap_err();
        assert_eq!(
            err.to_string(),
            "not an OPML file: the root element is <rss>"
        );
        assert!(parse_opml("").is_err());
        assert!(parse_opml("<opml><body><outline text='a'>").is_err());
    }
}
