//! A cheap HTML-to-words pass for the search index only: tags out, script/style/comments
//! out, entities decoded (unknown ones become a space). Its output is folded afterwards:
//! nothing here is shown.
use crate::text::entities;

/// Tags that do not separate words (`Vi<b>ệ</b>t` stays one word); every other tag does.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "u",
    "var", "wbr",
];

/// Elements whose content is not text.
const SKIPPED: &[&str] = &["script", "style", "template", "noscript"];

/// The text of `html` for indexing. Linear: once a `<` finds no `>` after it, every later
/// `<` is text without searching again.
pub fn html_to_index_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    let mut no_more_gt = false;
    while let Some(pos) = rest.find(['<', '&']) {
        out.push_str(&rest[..pos]);
        rest = &rest[pos..];
        if rest.starts_with('&') {
            rest = entity(rest, &mut out);
        } else {
            rest = tag(rest, &mut out, &mut no_more_gt);
        }
    }
    out.push_str(rest);
    out
}

/// Consumes one tag (or comment, or skipped element) at the start of `s`.
fn tag<'a>(s: &'a str, out: &mut String, no_more_gt: &mut bool) -> &'a str {
    if let Some(body) = s.strip_prefix("<!--") {
        out.push(' ');
        return body.find("-->").map_or("", |end| &body[end + 3..]);
    }
    // Only a letter, digit, `/`, `!` or `?` after `<` starts a tag; anything else is text
    // decided without looking ahead, so a run of `< ` stays linear.
    let starts_tag =
        s[1..].starts_with(|c: char| c.is_ascii_alphanumeric() || matches!(c, '/' | '!' | '?'));
    let end = if starts_tag && !*no_more_gt {
        s.find('>')
    } else {
        None
    };
    let Some(end) = end else {
        // An unclosed '<' is text, as browsers treat it.
        *no_more_gt |= starts_tag;
        out.push('<');
        return &s[1..];
    };
    let inner = &s[1..end];
    let name: String = inner
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let after = &s[end + 1..];
    if !inner.starts_with('/') && !inner.ends_with('/') && SKIPPED.contains(&name.as_str()) {
        out.push(' ');
        let closing = format!("</{name}");
        return find_ascii_ci(after, &closing).map_or("", |i| {
            let tail = &after[i..];
            tail.find('>').map_or("", |e| &tail[e + 1..])
        });
    }
    if !INLINE.contains(&name.as_str()) {
        out.push(' ');
    }
    after
}

/// Consumes one character reference at the start of `s` (or just the '&'). An unknown
/// name becomes a space: it stood for some character, and none of them is a letter here.
fn entity<'a>(s: &'a str, out: &mut String) -> &'a str {
    let Some((name, len)) = entities::reference_body(s) else {
        out.push('&');
        return &s[1..];
    };
    match entities::decode_body(name) {
        Some(decoded) => decoded.push_to(out),
        None => out.push(' '),
    }
    &s[len..]
}

/// Byte offset of `needle` (ASCII) in `hay`, ignoring ASCII case.
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    hay.as_bytes()
        .windows(n.len())
        .position(|w| w.eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(html: &str) -> Vec<String> {
        html_to_index_text(html)
            .split_whitespace()
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn tags_separate_words_but_inline_ones_do_not() {
        assert_eq!(words("<p>Hà</p><p>Nội</p>"), ["Hà", "Nội"]);
        assert_eq!(words("Vi<b>ệ</b>t <a href='x'>Nam</a>"), ["Việt", "Nam"]);
        assert_eq!(words("a<br/>b"), ["a", "b"]);
    }

    #[test]
    fn scripts_styles_and_comments_vanish() {
        let html = "x<script>var a = '<p>no</p>';</script>y<!-- hidden -->z\
                    <STYLE>p{}</STYLE>w";
        assert_eq!(words(html), ["x", "y", "z", "w"]);
        assert_eq!(words("a<script>never closed"), ["a"]);
        assert_eq!(words("a<!-- never closed"), ["a"]);
    }

    #[test]
    fn entities_decode() {
        assert_eq!(html_to_index_text("a &amp; b&lt;c&gt;"), "a & b<c>");
        assert_eq!(html_to_index_text("&#272;&#x1EB0;"), "ĐẰ");
        assert_eq!(
            html_to_index_text("H&agrave; N&ocirc;&#803;i"),
            "Hà Nô\u{323}i"
        );
        assert_eq!(html_to_index_text("&dstrok;&unknown;x"), "đ x");
        assert_eq!(html_to_index_text("AT&T & co"), "AT&T & co");
    }

    #[test]
    fn broken_markup_never_panics() {
        for s in [
            "<",
            "&",
            "&#",
            "&#;",
            "&#xZZ;",
            "&#99999999999;",
            "<>",
            "</",
            "<a",
            "a < b",
        ] {
            let _ = html_to_index_text(s);
        }
        assert_eq!(html_to_index_text("a < b"), "a < b");
    }
}
