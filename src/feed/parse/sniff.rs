//! What a document is (XML, JSON, an HTML page) and whether repaired XML is well-formed,
//! with the line of the first fault.
use super::ParseError;
use quick_xml::Reader;
use quick_xml::events::Event;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Xml,
    Json,
    Html,
    Other,
}

/// Looks at the start of a decoded document: prolog, comments and DOCTYPE are skipped to
/// reach the first element.
pub(super) fn kind(text: &str) -> Kind {
    let mut s = text.trim_start_matches(|c: char| c == '\u{feff}' || c.is_whitespace());
    if s.starts_with('{') {
        return Kind::Json;
    }
    loop {
        if !s.starts_with('<') {
            return Kind::Other;
        }
        let (skip, html) = if s.starts_with("<?") {
            (s.find("?>").map(|i| i + 2), false)
        } else if s.starts_with("<!--") {
            (s.find("-->").map(|i| i + 3), false)
        } else if let Some(decl) = s.strip_prefix("<!") {
            let keyword = decl
                .get(..7)
                .is_some_and(|k| k.eq_ignore_ascii_case("doctype"));
            let name = decl.get(7..).unwrap_or("").trim_start();
            let is_html = keyword
                && name
                    .get(..4)
                    .is_some_and(|n| n.eq_ignore_ascii_case("html"));
            (s.find('>').map(|i| i + 1), is_html)
        } else {
            let name: String = s[1..]
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
                .collect();
            return if name.eq_ignore_ascii_case("html") {
                Kind::Html
            } else {
                Kind::Xml
            };
        };
        if html {
            return Kind::Html;
        }
        match skip {
            Some(n) => s = s[n..].trim_start(),
            None => return Kind::Other,
        }
    }
}

/// The 1-based line of a byte offset (quick-xml reports byte positions).
pub(crate) fn line_at(text: &str, pos: u64) -> usize {
    let end = usize::try_from(pos).unwrap_or(usize::MAX).min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Checks that repaired XML is one well-formed element tree, so that a broken or truncated
/// document is an error with a line number rather than a partial feed.
pub(super) fn check_well_formed(text: &str) -> Result<(), ParseError> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut open: Vec<String> = Vec::new();
    let mut seen_root = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                seen_root = true;
                open.push(e.name().as_ref().to_owned());
            }
            Ok(Event::End(_)) => {
                open.pop();
            }
            Ok(Event::Empty(_)) => seen_root = true,
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => {
                let message = crate::text::clean_line(&e.to_string());
                let message: String = message.chars().take(200).collect();
                return Err(ParseError::BrokenXml {
                    line: line_at(text, reader.error_position()),
                    message,
                });
            }
        }
    }
    if let Some(name) = open.last() {
        return Err(ParseError::BrokenXml {
            line: line_at(text, text.len() as u64),
            message: format!(
                "the document ends inside <{}> (truncated?)",
                crate::text::clean_line(name)
            ),
        });
    }
    if !seen_root {
        return Err(ParseError::NotAFeed(
            "the document has no XML element".into(),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(
            kind("\u{feff} <?xml version='1.0'?>\n<!-- c --><rss/>"),
            Kind::Xml
        );
        assert_eq!(kind("<!DOCTYPE html><html><body>"), Kind::Html);
        assert_eq!(kind("<!doctype HTML>"), Kind::Html);
        assert_eq!(kind("<?xml version='1.0'?><html xmlns='x'>"), Kind::Html);
        assert_eq!(kind("<!DOCTYPE rss SYSTEM 'x'><rss>"), Kind::Xml);
        assert_eq!(kind("  {\"version\": 1}"), Kind::Json);
        assert_eq!(kind("hello"), Kind::Other);
        assert_eq!(kind("<!-- never closed"), Kind::Other);
        assert_eq!(kind(""), Kind::Other);
        assert_eq!(kind("<!éééééé><rss/>"), Kind::Xml);
    }

    #[test]
    fn broken_xml_names_the_line() {
        let err = check_well_formed("<rss>\n<a>\n</b>\n</rss>").unwrap_err();
        assert!(
            matches!(err, ParseError::BrokenXml { line: 3, .. }),
            "{err}"
        );
        let err = check_well_formed("<rss>\n<channel>\n<item>").unwrap_err();
        assert!(err.to_string().contains("ends inside <item>"), "{err}");
        assert!(check_well_formed("<rss><a/></rss>").is_ok());
    }
}
