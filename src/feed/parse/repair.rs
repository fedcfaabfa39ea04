//! Repairs the faults real feeds commonly have, so that a strict XML parser accepts them:
//! a BOM, a prolog naming a legacy encoding (the text is already decoded), a second
//! `<?xml ...?>` further down (quick-xml under feed-rs 3.0 asserts on one that names an
//! encoding), a raw `&`, HTML entities XML does not declare, a raw `<` that starts no tag,
//! and characters XML forbids. CDATA sections and comments are copied as they are (minus the
//! forbidden characters, which are illegal there too). The repair is idempotent.
use super::fields::{self, Field, Mode};
use crate::text::entities;
use crate::text::normalize::{STAND_IN_BEL, STAND_IN_ESC};

/// The prolog written in place of the document's own: the text is UTF-8 from here on.
const PROLOG: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

/// Returns a well-formed-as-possible copy of an XML feed that is already decoded to text.
pub fn repair_xml(text: &str) -> String {
    repair_xml_with(text, Mode::Repair)
}

/// [`repair_xml`], with the fields feed-rs panics on repaired or (strict) dropped.
pub(super) fn repair_xml_with(text: &str, mode: Mode) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 64 + PROLOG.len());
    let mut rest = text.trim_start_matches(|c: char| c == '\u{feff}' || c.is_whitespace());
    if is_xml_decl(rest) {
        out.push_str(PROLOG);
        rest = skip_past(rest, "?>");
    }
    while let Some(pos) = rest.find(['<', '&']) {
        push_clean(&mut out, &rest[..pos]);
        rest = &rest[pos..];
        if rest.starts_with('&') {
            rest = repair_amp(&mut out, rest);
            continue;
        }
        let mark = out.len();
        rest = repair_markup(&mut out, rest);
        if let Some(fixed) = fields::tag_without_unsafe_times(&out[mark..], mode) {
            out.truncate(mark);
            out.push_str(&fixed);
        }
        if let Some(field) = fields::opened_by(&out[mark..]) {
            rest = repair_field(&mut out, rest, field, mode);
        }
    }
    push_clean(&mut out, rest);
    out
}

/// The content of a person or time element (`rest` starts right after its start tag):
/// its text and CDATA sections, up to the next other markup, repaired for feed-rs.
fn repair_field<'a>(out: &mut String, mut rest: &'a str, field: Field, mode: Mode) -> &'a str {
    loop {
        if let Some(inner) = rest.strip_prefix("<![CDATA[") {
            let Some(len) = inner.find("]]>") else {
                return rest;
            };
            match fields::repair_cdata(&inner[..len], field, mode) {
                Some(fixed) if fixed.is_empty() => {}
                Some(fixed) => {
                    out.push_str("<![CDATA[");
                    out.push_str(&fixed);
                    out.push_str("]]>");
                }
                None => push_clean(out, &rest[..len + 12]),
            }
            rest = &inner[len + 3..];
            continue;
        }
        let end = rest.find('<').unwrap_or(rest.len());
        if end == 0 {
            return rest;
        }
        let mut text = String::with_capacity(end);
        let mut raw = &rest[..end];
        while let Some(amp) = raw.find('&') {
            push_clean(&mut text, &raw[..amp]);
            raw = repair_amp(&mut text, &raw[amp..]);
        }
        push_clean(&mut text, raw);
        match fields::repair_text(&text, field, mode) {
            Some(fixed) => out.push_str(&fixed),
            None => out.push_str(&text),
        }
        rest = &rest[end..];
    }
}

/// Whether `s` starts with an XML declaration (not a `<?xml-stylesheet` PI).
fn is_xml_decl(s: &str) -> bool {
    s.strip_prefix("<?xml").is_some_and(|r| {
        r.starts_with(|c: char| c.is_ascii_whitespace() || c == '?') || r.is_empty()
    })
}

/// The text after the first `end`, or nothing when `end` never comes.
fn skip_past<'a>(s: &'a str, end: &str) -> &'a str {
    s.find(end).map_or("", |i| &s[i + end.len()..])
}

/// Characters XML 1.0 forbids anywhere, even as references.
pub(crate) fn is_forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

fn push_clean(out: &mut String, s: &str) {
    if s.chars().any(is_forbidden) {
        out.extend(s.chars().filter_map(stand_in));
    } else {
        out.push_str(s);
    }
}

/// A character XML allows in place of `c`: ESC and BEL, which XML forbids, travel as the
/// noncharacters the text sanitiser reads as ESC and BEL (`text::normalize::STAND_IN_ESC`),
/// so that it removes their whole escape sequence, not only the ESC; other forbidden
/// characters are dropped.
fn stand_in(c: char) -> Option<char> {
    match c {
        '\u{1b}' => Some(STAND_IN_ESC),
        '\u{7}' => Some(STAND_IN_BEL),
        c if is_forbidden(c) => None,
        c => Some(c),
    }
}

/// `s` starts with `&`: keep a valid reference, translate an HTML one, escape the rest.
fn repair_amp<'a>(out: &mut String, s: &'a str) -> &'a str {
    let body = &s[1..];
    let Some((name, len)) = entities::reference_body(s) else {
        out.push_str("&amp;");
        return body;
    };
    let after = &s[len..];
    if name.starts_with('#') {
        match entities::numeric(name) {
            // A reference to a forbidden character goes as the character would.
            Some(c) if is_forbidden(c) => out.extend(stand_in(c)),
            Some(_) => push_reference(out, name),
            None => {
                out.push_str("&amp;");
                return body;
            }
        }
        return after;
    }
    if quick_xml::escape::resolve_xml_entity(name).is_some() {
        push_reference(out, name);
        return after;
    }
    match entities::decode_body(name) {
        Some(decoded) => {
            for c in decoded.chars().filter(|&c| !is_forbidden(c)) {
                out.push_str("&#");
                out.push_str(&u32::from(c).to_string());
                out.push(';');
            }
            after
        }
        None => {
            out.push_str("&amp;");
            body
        }
    }
}

fn push_reference(out: &mut String, name: &str) {
    out.push('&');
    out.push_str(name);
    out.push(';');
}

/// `s` starts with `<`: copy CDATA, comments and DOCTYPE as they are, drop a late XML
/// declaration, escape a `<` that starts no markup, and repair `&` inside a tag.
fn repair_markup<'a>(out: &mut String, s: &'a str) -> &'a str {
    if let Some(inner) = s.strip_prefix("<![CDATA[") {
        return copy_section(out, s, inner, "]]>");
    }
    if let Some(inner) = s.strip_prefix("<!--") {
        return copy_section(out, s, inner, "-->");
    }
    if is_xml_decl(s) {
        return skip_past(s, "?>");
    }
    if s.starts_with("<!") || s.starts_with("<?") {
        let end = markup_decl_end(s);
        push_clean(out, &s[..end]);
        return &s[end..];
    }
    let next = s[1..].chars().next();
    if !next.is_some_and(|c| c == '/' || c == '_' || c == ':' || c.is_alphabetic()) {
        out.push_str("&lt;");
        return &s[1..];
    }
    // A start or end tag: repair `&` in its attributes, keep a quoted `>` inside values.
    // Byte scanning is safe: the bytes looked for are ASCII, never inside a UTF-8 sequence.
    let bytes = s.as_bytes();
    let (mut i, mut start, mut quote) = (1, 0, None);
    while i < bytes.len() {
        match (quote, bytes[i]) {
            (Some(q), b) if b == q => quote = None,
            (None, b @ (b'"' | b'\'')) => quote = Some(b),
            (None, b'>') => {
                push_clean(out, &s[start..=i]);
                return &s[i + 1..];
            }
            (_, b'&') => {
                push_clean(out, &s[start..i]);
                let rest = repair_amp(out, &s[i..]);
                i = s.len() - rest.len();
                start = i;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    // An unterminated tag: keep what there is and let the parser report it.
    push_clean(out, &s[start..]);
    ""
}

/// Copies `<![CDATA[ ... ]]>` or `<!-- ... -->` whole; `inner` is `s` after the opener.
fn copy_section<'a>(out: &mut String, s: &'a str, inner: &'a str, end: &str) -> &'a str {
    let opener = s.len() - inner.len();
    let len = inner.find(end).map_or(s.len(), |i| opener + i + end.len());
    push_clean(out, &s[..len]);
    &s[len..]
}

/// The end of `<!DOCTYPE ...>` (with an internal subset in brackets) or of a `<?pi ...?>`.
fn markup_decl_end(s: &str) -> usize {
    if s.starts_with("<?") {
        return s.find("?>").map_or(s.len(), |i| i + 2);
    }
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[') => depth += 1,
            (None, ']') => depth = depth.saturating_sub(1),
            (None, '>') if depth == 0 => return i + 1,
            _ => {}
        }
    }
    s.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(s: &str) -> String {
        let once = repair_xml(s);
        assert_eq!(repair_xml(&once), once, "repair is not idempotent on {s:?}");
        once
    }

    #[test]
    fn raw_ampersands_are_escaped_in_text_and_attributes() {
        assert_eq!(fixed("<a>AT&T & co</a>"), "<a>AT&amp;T &amp; co</a>");
        assert_eq!(
            fixed(r#"<e url="x?a=1&b=2&amp;c=3"/>"#),
            r#"<e url="x?a=1&amp;b=2&amp;c=3"/>"#
        );
        assert_eq!(
            fixed("<a>&#1234; &#x1F600; &amp;</a>"),
            "<a>&#1234; &#x1F600; &amp;</a>"
        );
        assert_eq!(
            fixed("<a>&#xZZ; &#99999999;</a>"),
            "<a>&amp;#xZZ; &amp;#99999999;</a>"
        );
    }

    #[test]
    fn html_entities_become_numeric_references() {
        assert_eq!(
            fixed("<a>x&nbsp;y&hellip;&eacute;</a>"),
            "<a>x&#160;y&#8230;&#233;</a>"
        );
        assert_eq!(
            fixed("<a>&dstrok;&unknown;</a>"),
            "<a>&#273;&amp;unknown;</a>"
        );
    }

    #[test]
    fn forbidden_characters_are_removed() {
        assert_eq!(
            fixed("<a>x\u{1}y\u{1b}z\u{ffff}\tw\u{7}</a>"),
            "<a>xy\u{fdd0}z\tw\u{fdd1}</a>"
        );
        assert_eq!(
            fixed("<a>x&#1;y&#27;z&#x1B;</a>"),
            "<a>xy\u{fdd0}z\u{fdd0}</a>"
        );
    }

    #[test]
    fn prolog_is_rewritten_and_late_declarations_dropped() {
        let s = "\u{feff}  <?xml version=\"1.0\" encoding=\"windows-1258\"?><rss>\
                 <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><c/></rss>";
        assert_eq!(fixed(s), format!("{PROLOG}<rss><c/></rss>"));
        let pi = "<?xml-stylesheet href=\"s.xsl\"?><rss/>";
        assert_eq!(fixed(pi), pi);
    }

    #[test]
    fn cdata_comments_and_doctype_are_left_alone() {
        let s = "<!DOCTYPE rss [<!ENTITY x \"a>b\">]><d><![CDATA[a & b &nbsp; <?xml ?>]]><!-- & --></d>";
        assert_eq!(fixed(s), s);
        let open = "<d><![CDATA[never closed & ";
        assert_eq!(fixed(open), open);
    }

    #[test]
    fn stray_less_than_is_escaped() {
        assert_eq!(fixed("<a>1 < 2 <3</a>"), "<a>1 &lt; 2 &lt;3</a>");
        assert_eq!(fixed("<a title='x>y'>t</a>"), "<a title='x>y'>t</a>");
    }

    #[test]
    fn garbage_does_not_panic() {
        for s in [
            "<",
            "&",
            "&#",
            "&#x",
            "<!",
            "<?",
            "<![CDATA[",
            "<a b='",
            "&é;",
            "<é",
            "\u{0}",
        ] {
            let _ = fixed(s);
        }
    }
}
