//! A cheap HTML-to-words pass for the search index only: tags out, script/style/comments
//! out, entities decoded. Its output is folded afterwards, so accented entities may become
//! their base letter (`&ecirc;` -> `e`) and unknown ones a space: nothing here is shown.

/// Tags that do not separate words (`Vi<b>ệ</b>t` stays one word); every other tag does.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "u",
    "var", "wbr",
];

/// Elements whose content is not text.
const SKIPPED: &[&str] = &["script", "style", "template", "noscript"];

/// The text of `html` for indexing.
pub fn html_to_index_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(pos) = rest.find(['<', '&']) {
        out.push_str(&rest[..pos]);
        rest = &rest[pos..];
        if rest.starts_with('&') {
            rest = entity(rest, &mut out);
        } else {
            rest = tag(rest, &mut out);
        }
    }
    out.push_str(rest);
    out
}

/// Consumes one tag (or comment, or skipped element) at the start of `s`.
fn tag<'a>(s: &'a str, out: &mut String) -> &'a str {
    if let Some(body) = s.strip_prefix("<!--") {
        out.push(' ');
        return body.find("-->").map_or("", |end| &body[end + 3..]);
    }
    let Some(end) = s.find('>') else {
        // An unclosed '<' is text, as browsers treat it.
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
    if name.is_empty() && !inner.starts_with(['/', '!', '?']) {
        out.push('<');
        return &s[1..];
    }
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

/// Consumes one character reference at the start of `s` (or just the '&').
fn entity<'a>(s: &'a str, out: &mut String) -> &'a str {
    let body = &s[1..];
    let Some(semi) = body.find(';').filter(|&i| i > 0 && i <= 32) else {
        out.push('&');
        return body;
    };
    let name = &body[..semi];
    let decoded = if let Some(num) = name.strip_prefix('#') {
        let value = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => num.parse().ok(),
        };
        value.and_then(char::from_u32).map(|c| c.to_string())
    } else {
        named(name).map(str::to_owned)
    };
    match decoded {
        Some(text) => out.push_str(&text),
        None if name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'#') => out.push(' '),
        None => {
            out.push('&');
            return body;
        }
    }
    &body[semi + 1..]
}

fn named(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" | "ensp" | "emsp" | "thinsp" => " ",
        "dstrok" | "Dstrok" | "eth" | "ETH" => "d",
        "szlig" => "ss",
        _ => return accented(name),
    })
}

/// `&ocirc;`, `&Agrave;`, `&uuml;`...: the base letter, which is what folding keeps anyway.
fn accented(name: &str) -> Option<&'static str> {
    const MARKS: &[&str] = &[
        "grave", "acute", "circ", "tilde", "uml", "ring", "cedil", "caron",
    ];
    let mut chars = name.chars();
    let letter = chars.next()?;
    let mark = chars.as_str();
    if !letter.is_ascii_alphabetic() || !MARKS.contains(&mark) {
        return None;
    }
    const LETTERS: &str = "abcdefghijklmnopqrstuvwxyz";
    let i = LETTERS.find(letter.to_ascii_lowercase())?;
    Some(&LETTERS[i..i + 1])
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
            "Ha No\u{323}i"
        );
        assert_eq!(html_to_index_text("&dstrok;&unknown;x"), "d x");
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
