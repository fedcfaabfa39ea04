//! Fields feed-rs 3.0.0 panics on, made harmless before it sees them (see the README's
//! "feed-rs" note for the upstream report):
//! - a person (`<author>`, `<managingEditor>`, `<webMaster>`, `<dc:creator>`,
//!   `<itunes:author>`, `<itunes:name>`) whose e-mail address touches a multi-byte
//!   character: feed-rs slices one byte beside the address. Each address gets an ASCII
//!   space on each side (names are trimmed, so nothing visible changes).
//! - a "normal play time" (`<itunes:duration>`, the `time`, `start` and `end` attributes of
//!   `<media:thumbnail>` and `<media:text>`) with digits other than ASCII or more than fit
//!   in a u64: feed-rs unwraps the number. Such a value is dropped; docbao does not use it.
//!
//! [`Mode::Strict`] drops those fields whole: the retry after a panic the normal repair did
//! not prevent.
use crate::text::entities;
use regex::Regex;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Pad e-mail addresses, drop unsafe times.
    Repair,
    /// Drop every person and time field.
    Strict,
}

/// An element whose text feed-rs reads with a panicking helper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    Person,
    Time,
}

/// The field a start tag (`<dc:creator>`, whole, with its `<` and `>`) opens, if any.
pub(super) fn opened_by(tag: &str) -> Option<Field> {
    if tag.starts_with("</") || tag.ends_with("/>") {
        return None;
    }
    match local_name(tag)? {
        "author" | "managingEditor" | "webMaster" | "creator" | "name" => Some(Field::Person),
        "duration" => Some(Field::Time),
        _ => None,
    }
}

/// The name after the namespace prefix of a tag (`<media:thumbnail ...>` -> `thumbnail`).
fn local_name(tag: &str) -> Option<&str> {
    let inner = tag.strip_prefix('<')?;
    let end = inner
        .find(|c: char| c.is_whitespace() || matches!(c, '/' | '>'))
        .unwrap_or(inner.len());
    let name = &inner[..end];
    Some(name.rsplit_once(':').map_or(name, |(_, local)| local))
}

/// A time feed-rs can parse without panicking: ASCII, no reference, no digit run longer
/// than 9 (hours * 3600 and the fraction stay far inside u64 and f32).
fn time_is_safe(value: &str) -> bool {
    let mut run = 0;
    for b in value.bytes() {
        if !b.is_ascii() || b == b'&' {
            return false;
        }
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        if run > 9 {
            return false;
        }
    }
    true
}

/// A start tag with unsafe `time`/`start`/`end` values emptied (only on `thumbnail` and
/// `text` elements, where feed-rs parses them); `None` when it needs no change.
pub(super) fn tag_without_unsafe_times(tag: &str, mode: Mode) -> Option<String> {
    if !matches!(local_name(tag), Some("thumbnail" | "text")) || tag.starts_with("</") {
        return None;
    }
    let mut out = String::with_capacity(tag.len());
    let mut changed = false;
    let mut rest = tag;
    // Attributes: name, `=`, a quoted value. Anything else is copied as it is.
    while let Some(eq) = rest.find('=') {
        let name = rest[..eq].trim_end();
        let name = &name[name.rfind(|c: char| c.is_whitespace()).map_or(0, |i| i + 1)..];
        let after = rest[eq + 1..].trim_start();
        let Some(quote) = after.chars().next().filter(|&c| c == '"' || c == '\'') else {
            break;
        };
        let Some(len) = after[1..].find(quote) else {
            break;
        };
        let value = &after[1..1 + len];
        let value_start = rest.len() - after.len() + 1;
        out.push_str(&rest[..value_start]);
        let local = name.rsplit_once(':').map_or(name, |(_, l)| l);
        if matches!(local, "time" | "start" | "end")
            && (mode == Mode::Strict || !time_is_safe(value))
        {
            changed = true;
        } else {
            out.push_str(value);
        }
        rest = &rest[value_start + len..];
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// The repaired text of a person or time field, given the text as the XML repair left it
/// (valid references, no raw `&` or `<`); `None` to keep it as it is.
pub(super) fn repair_text(text: &str, field: Field, mode: Mode) -> Option<String> {
    if text.trim().is_empty() {
        return None;
    }
    if mode == Mode::Strict {
        return Some(String::new());
    }
    let decoded = entities::decode(text);
    match field {
        Field::Time => (!time_is_safe(decoded.trim())).then(String::new),
        Field::Person => pad_addresses(&decoded).map(|padded| escape(&padded)),
    }
}

/// The text of a CDATA section inside a person or time field, repaired the same way (a
/// padded section stays a valid section: only spaces are added); `None` to keep it.
pub(super) fn repair_cdata(inner: &str, field: Field, mode: Mode) -> Option<String> {
    if mode == Mode::Strict {
        return Some(String::new());
    }
    match field {
        Field::Time => (!time_is_safe(inner.trim())).then(String::new),
        Field::Person => pad_addresses(inner),
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `s` with an ASCII space put between each e-mail address and a neighbour that is not
/// ASCII whitespace (feed-rs slices one byte beside the address: U+00A0 breaks it too);
/// `None` when every address already has ASCII whitespace (or an end) on both sides.
fn pad_addresses(s: &str) -> Option<String> {
    if !s.contains('@') {
        return None;
    }
    static ADDRESS: OnceLock<Option<Regex>> = OnceLock::new();
    let address = ADDRESS
        .get_or_init(|| Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}").ok())
        .as_ref()?;
    let mut out = String::with_capacity(s.len() + 8);
    let mut last = 0;
    for m in address.find_iter(s) {
        let before = s[..m.start()].chars().next_back();
        let after = s[m.end()..].chars().next();
        out.push_str(&s[last..m.start()]);
        if before.is_some_and(|c| !c.is_ascii_whitespace()) {
            out.push(' ');
        }
        out.push_str(m.as_str());
        if after.is_some_and(|c| !c.is_ascii_whitespace()) {
            out.push(' ');
        }
        last = m.end();
    }
    out.push_str(&s[last..]);
    (out.len() != s.len()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_get_room() {
        assert_eq!(
            pad_addresses("Lê Minh Đức\u{a0}pv@example.vn").as_deref(),
            Some("Lê Minh Đức\u{a0} pv@example.vn")
        );
        assert_eq!(
            pad_addresses("pv@example.vn\u{a0}(Đức)").as_deref(),
            Some("pv@example.vn \u{a0}(Đức)")
        );
        assert_eq!(
            pad_addresses("Đức <pv@example.vn>").as_deref(),
            Some("Đức < pv@example.vn >")
        );
        assert_eq!(pad_addresses("pv@example.vn (Đức)"), None);
        assert_eq!(pad_addresses("Đức"), None);
    }

    #[test]
    fn unsafe_times() {
        assert!(time_is_safe("01:23:45.5") && time_is_safe("3600"));
        for t in ["99999999999999999999", "١٢٣", "１:２３:４５", "1&#1633;"] {
            assert!(!time_is_safe(t), "{t}");
        }
        assert_eq!(
            tag_without_unsafe_times(
                r#"<media:thumbnail url="a.jpg" time="99999999999999999999"/>"#,
                Mode::Repair
            )
            .as_deref(),
            Some(r#"<media:thumbnail url="a.jpg" time=""/>"#)
        );
        assert_eq!(
            tag_without_unsafe_times(r#"<media:thumbnail time='12:05:35'/>"#, Mode::Repair),
            None
        );
        assert_eq!(
            tag_without_unsafe_times(r#"<media:content time="9999999999999"/>"#, Mode::Repair),
            None
        );
    }

    #[test]
    fn fields_are_found_by_local_name() {
        assert_eq!(opened_by("<dc:creator>"), Some(Field::Person));
        assert_eq!(opened_by("<itunes:duration a='1'>"), Some(Field::Time));
        assert_eq!(opened_by("<author/>"), None);
        assert_eq!(opened_by("</author>"), None);
        assert_eq!(opened_by("<title>"), None);
    }
}
