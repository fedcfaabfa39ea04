//! Reading OPML: an outline with an `xmlUrl` is a feed (with or without `type="rss"`); an
//! outline without one is a category of the outlines inside it. Import runs the same
//! repairs as feeds (raw `&`, HTML entities) since exported OPML is often written by hand
//! or by careless tools.
use super::{MAX_DEPTH, Opml, OpmlEntry};
use crate::feed::parse::line_at;
use crate::feed::parse::repair_xml;
use crate::text::clean_line;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpmlError {
    #[error("broken OPML at line {line}: {message}")]
    Broken { line: usize, message: String },
    #[error("not an OPML file: {0}")]
    NotOpml(String),
}

/// What an open `<outline>` changed, undone when it closes.
enum Open {
    /// It made `current` a new category; `current` was `previous` before.
    Category { previous: Option<usize> },
    /// A feed with children, an untitled outline, or a category nested deeper than
    /// [`MAX_DEPTH`] (its feeds join the deepest kept category).
    Other,
}

/// Reads the subscriptions of an OPML document, in document order, and their categories.
pub fn parse_opml(text: &str) -> Result<Opml, OpmlError> {
    let text = repair_xml(text);
    let mut reader = Reader::from_str(&text);
    reader.config_mut().check_end_names = true;
    let mut opml = Opml::default();
    // One item per open outline: the nesting is kept on the heap, never on the call stack.
    let mut open: Vec<Open> = Vec::new();
    let mut current: Option<usize> = None;
    let mut depth_kept = 0usize;
    let mut root: Option<String> = None;
    let mut depth = 0usize;
    loop {
        let event = reader.read_event().map_err(|e| OpmlError::Broken {
            line: line_at(&text, reader.error_position()),
            message: clean_line(&e.to_string()),
        })?;
        let (e, empty) = match &event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                if e.local_name().as_ref().eq_ignore_ascii_case("outline")
                    && let Some(Open::Category { previous }) = open.pop()
                {
                    current = previous;
                    depth_kept -= 1;
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
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
        let change = match (outline.xml_url, outline.title) {
            (Some(xml_url), title) => {
                opml.entries.push(OpmlEntry {
                    title: title.unwrap_or_else(|| xml_url.clone()),
                    xml_url,
                    html_url: outline.html_url,
                    category: current,
                });
                Open::Other
            }
            // An empty category holds nothing: it is not kept.
            (None, Some(name)) if !empty && depth_kept < MAX_DEPTH => {
                let previous = current;
                current = Some(opml.add_category(previous, &name));
                depth_kept += 1;
                Open::Category { previous }
            }
            (None, _) => Open::Other,
        };
        if !empty {
            open.push(change);
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
    Ok(opml)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// (title, URL, category path) of each entry.
    fn flat(opml: &Opml) -> Vec<(String, String, Option<String>)> {
        opml.entries
            .iter()
            .map(|e| (e.title.clone(), e.xml_url.clone(), opml.path(e.category)))
            .collect()
    }

    fn row(title: &str, url: &str, category: Option<&str>) -> (String, String, Option<String>) {
        (title.into(), url.into(), category.map(Into::into))
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
        let opml = parse_opml(text).unwrap();
        assert_eq!(
            flat(&opml),
            vec![
                row("A & B", "https://a.example/rss?x=1&y=2", Some("News")),
                row("Top", "https://top.example/feed", None),
                row(
                    "https://untitled.example/feed",
                    "https://untitled.example/feed",
                    None
                ),
            ]
        );
        assert_eq!(
            opml.entries[0].html_url.as_deref(),
            Some("https://a.example/")
        );
    }

    #[test]
    fn a_slash_in_a_title_is_one_category() {
        let text = r#"<opml><body><outline text="Thời sự/Chính trị">
            <outline text="Báo" xmlUrl="https://a.example/rss"/></outline></body></opml>"#;
        let opml = parse_opml(text).unwrap();
        assert_eq!(opml.names(opml.entries[0].category), ["Thời sự/Chính trị"]);
        assert_eq!(
            opml.path(opml.entries[0].category).as_deref(),
            Some("Thời sự\\/Chính trị")
        );
    }

    #[test]
    fn deep_nesting_is_flattened_into_the_sixteenth_level() {
        let levels = 60_000;
        let mut text = String::from("<opml><body>");
        for i in 0..levels {
            text.push_str(&format!("<outline text=\"c{i}\">"));
        }
        text.push_str("<outline text=\"deep\" xmlUrl=\"https://a.example/rss\"/>");
        text.push_str(&"</outline>".repeat(levels));
        text.push_str("<outline text=\"top\" xmlUrl=\"https://b.example/rss\"/></body></opml>");
        let opml = parse_opml(&text).unwrap();
        assert_eq!(opml.categories.len(), MAX_DEPTH);
        let names = opml.names(opml.entries[0].category);
        assert_eq!(names.len(), MAX_DEPTH);
        assert_eq!(names.last(), Some(&"c15"));
        assert_eq!(opml.entries[1].category, None);
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
