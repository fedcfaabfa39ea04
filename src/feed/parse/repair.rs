//! Repairs the faults real feeds commonly have, so that a strict XML parser accepts them:
//! a BOM, a prolog naming a legacy encoding (the text is already decoded), a second
//! `<?xml ...?>` further down (quick-xml under feed-rs 3.0 asserts on one that names an
//! encoding), a raw `&`, HTML entities XML does not declare, a raw `<` that starts no tag,
//! and characters XML forbids. CDATA sections and comments are copied as they are (minus the
//! forbidden characters, which are illegal there too). The repair is idempotent.
use super::entities;

/// The prolog written in place of the document's own: the text is UTF-8 from here on.
const PROLOG: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

/// Longest entity name looked at after a `&`; longer runs are text.
const MAX_ENTITY_NAME: usize = 32;

/// Returns a well-formed-as-possible copy of an XML feed that is already decoded to text.
pub fn repair_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 64 + PROLOG.len());
    let mut rest = text.trim_start_matches(|c: char| c == '\u{feff}' || c.is_whitespace());
    if is_xml_decl(rest) {
        out.push_str(PROLOG);
        rest = skip_past(rest, "?>");
    }
    while let Some(pos) = rest.find(['<', '&']) {
        push_clean(&mut out, &rest[..pos]);
        rest = &rest[pos..];
        rest = if rest.starts_with('&') {
            repair_amp(&mut out, rest)
        } else {
            repair_markup(&mut out, rest)
        };
    }
    push_clean(&mut out, rest);
    out
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
        out.extend(s.chars().filter(|&c| !is_forbidden(c)));
    } else {
        out.push_str(s);
    }
}

/// `s` starts with `&`: keep a valid reference, translate an HTML one, escape the rest.
fn repair_amp<'a>(out: &mut String, s: &'a str) -> &'a str {
    let body = &s[1..];
    let Some(semi) = body
        .char_indices()
        .take(MAX_ENTITY_NAME + 2)
        .find(|&(_, c)| c == ';' || !(c.is_ascii_alphanumeric() || c == '#'))
        .filter(|&(_, c)| c == ';')
        .map(|(i, _)| i)
    else {
        out.push_str("&amp;");
        return body;
    };
    let name = &body[..semi];
    let after = &body[semi + 1..];
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => num.parse::<u32>().ok(),
        };
        match code.and_then(char::from_u32) {
            // A reference to a forbidden character is dropped, as the character would be.
            Some(c) if is_forbidden(c) => {}
            Some(_) => {
                out.push('&');
                out.push_str(name);
                out.push(';');
            }
            None => {
                out.push_str("&amp;");
                return body;
            }
        }
        return after;
    }
    if matches!(name, "amp" | "lt" | "gt" | "quot" | "apos") {
        out.push('&');
        out.push_str(name);
        out.push(';');
        return after;
    }
    match entities::lookup(name) {
        Some(c) => {
            out.push_str("&#");
            out.push_str(&u32::from(c).to_string());
            out.push(';');
            after
        }
        None => {
            out.push_str("&amp;");
            body
        }
    }
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
        assert_eq!(fixed("<a>x\u{1}y\u{1b}z\u{ffff}\tw</a>"), "<a>xyz\tw</a>");
        assert_eq!(fixed("<a>x&#27;y&#x1B;z</a>"), "<a>xyz</a>");
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
