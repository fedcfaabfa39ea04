//! feed-rs's model -> [`ParsedFeed`]: every string cleaned (NFC, no control characters),
//! links absolute, ids feed-rs made up dropped so that the store dedups by URL instead.
use super::ParseError;
use crate::feed::{ParsedFeed, ParsedItem};
use crate::text::{clean_block, clean_line, entities};
use feed_rs::model::{Entry, Feed, Link, Text};
use feed_rs::parser::{Builder, ParseErrorKind, ParseFeedError};
use url::Url;

/// Longest title made from a summary when an item has no title (in characters).
const DERIVED_TITLE_CHARS: usize = 80;

/// Longest fields kept, in bytes: a feed is at most 16 MiB, but one item must not fill the
/// cache, the search index and the screen with it. Longer text is cut at a character;
/// a longer URL or id is no URL or id.
const MAX_TITLE: usize = 2 * 1024;
const MAX_AUTHOR: usize = 512;
const MAX_SUMMARY: usize = 64 * 1024;
const MAX_CONTENT: usize = 1024 * 1024;
const MAX_URL: usize = 4 * 1024;

/// `s` cut to at most `max` bytes, at a character boundary.
fn cap(mut s: String, max: usize) -> String {
    if s.len() > max {
        let mut end = max;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
    }
    s
}

/// A feed-rs builder that resolves links against the feed's URL and generates no ids:
/// feed-rs 3 otherwise hashes the first link and the title (or makes a random UUID), an id
/// that changes with the title and would defeat deduplication by URL.
pub(super) fn builder(base: Option<&Url>) -> Builder {
    let base = base.filter(|u| matches!(u.scheme(), "http" | "https"));
    Builder::new()
        .base_uri(base.map(Url::as_str))
        .id_generator(|_, _, _| String::new())
}

pub(super) fn to_parsed(feed: Feed, base: Option<&Url>) -> ParsedFeed {
    ParsedFeed {
        title: feed
            .title
            .as_ref()
            .map(|t| cap(text_line(t), MAX_TITLE))
            .filter(|t| !t.is_empty()),
        site_url: page_link(&feed.links, base),
        items: feed
            .entries
            .into_iter()
            .filter_map(|e| item(e, base))
            .collect(),
    }
}

/// One entry, or `None` for a placeholder with no title, no link and no id (VnExpress has
/// sent `<item><title/><description>No Description</description></item>`).
fn item(entry: Entry, base: Option<&Url>) -> Option<ParsedItem> {
    let guid = Some(clean_line(&entry.id)).filter(|g| !g.is_empty() && g.len() <= MAX_URL);
    // RSS: a guid is a permalink unless it says otherwise; use it when there is no link.
    let url =
        page_link(&entry.links, base).or_else(|| guid.as_deref().and_then(|g| absolute(g, base)));
    let summary = entry
        .summary
        .as_ref()
        .map(|s| cap(text_html(s), MAX_SUMMARY))
        .filter(|s| !s.trim().is_empty());
    let content = entry
        .content
        .as_ref()
        .and_then(|c| {
            let body = c.body.as_deref()?;
            Some(cap(html_of(body, c.content_type.as_ref()), MAX_CONTENT))
        })
        .filter(|s| !s.trim().is_empty());
    let mut title = entry
        .title
        .as_ref()
        .map(|t| cap(text_line(t), MAX_TITLE))
        .unwrap_or_default();
    if title.is_empty() && url.is_none() && guid.is_none() {
        return None;
    }
    if title.is_empty() {
        title = derived_title(summary.as_deref().or(content.as_deref()).unwrap_or(""));
    }
    let author = entry.authors.iter().find_map(|p| {
        let name = cap(clean_line(p.name.as_deref()?), MAX_AUTHOR);
        Some(name).filter(|n| !n.is_empty())
    });
    Some(ParsedItem {
        guid,
        url,
        title,
        author,
        published: entry.published.or(entry.updated),
        summary,
        content,
    })
}

/// The page a feed or entry points to: the `alternate` link (or one without `rel`),
/// else the first link that is not `self`/`enclosure`, made absolute.
fn page_link(links: &[Link], base: Option<&Url>) -> Option<String> {
    let alternate = |l: &&Link| matches!(l.rel.as_deref(), None | Some("alternate"));
    let other = |l: &&Link| !matches!(l.rel.as_deref(), Some("self" | "enclosure" | "hub"));
    links
        .iter()
        .filter(alternate)
        .chain(links.iter().filter(other))
        .find_map(|l| absolute(&l.href, base))
}

/// An http(s) URL, resolved against the feed's URL when relative.
fn absolute(href: &str, base: Option<&Url>) -> Option<String> {
    if href.len() > MAX_URL {
        return None;
    }
    let href = clean_line(href);
    if href.is_empty() {
        return None;
    }
    let url = match base {
        Some(b) => b.join(&href).ok()?,
        None => Url::parse(&href).ok()?,
    };
    matches!(url.scheme(), "http" | "https").then(|| url.to_string())
}

fn is_plain(media_type: &str) -> bool {
    media_type.starts_with("text/plain")
}

/// A title or name: one clean line; HTML titles lose their tags and entities. Plain titles
/// lose entities too: RSS titles are often escaped twice (`AT&amp;amp;T`).
fn text_line(text: &Text) -> String {
    if is_plain(text.content_type.as_ref()) {
        clean_line(&unescape(&text.content, false))
    } else {
        clean_line(&html_to_text(&text.content))
    }
}

/// A summary as HTML: plain text is escaped so that it reads the same as HTML.
fn text_html(text: &Text) -> String {
    html_of(&text.content, text.content_type.as_ref())
}

fn html_of(body: &str, media_type: &str) -> String {
    if is_plain(media_type) {
        clean_block(&escape_html(body))
    } else {
        clean_block(body)
    }
}

fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// A short HTML fragment (a title) to text: tags dropped, entities decoded.
pub(crate) fn html_to_text(html: &str) -> String {
    unescape(html, true)
}

/// Decodes character references and, with `strip_tags`, drops tags, in one pass (so an
/// escaped `&lt;b&gt;` stays as text). Linear: once a `<` finds no `>` after it, no later
/// `<` can, so the search is not repeated.
fn unescape(html: &str, strip_tags: bool) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut no_more_gt = false;
    while let Some(pos) = rest.find(['<', '&']) {
        out.push_str(&rest[..pos]);
        rest = &rest[pos..];
        if let Some(after) = rest.strip_prefix('<') {
            let tag_like = strip_tags
                && !no_more_gt
                && after
                    .starts_with(|c: char| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'));
            let end = if tag_like { after.find('>') } else { None };
            no_more_gt |= tag_like && end.is_none();
            match end {
                Some(end) => rest = &after[end + 1..],
                None => {
                    out.push('<');
                    rest = after;
                }
            }
        } else {
            match entities::decode_at(rest) {
                Some((decoded, len)) => {
                    decoded.push_to(&mut out);
                    rest = &rest[len..];
                }
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        }
    }
    out.push_str(rest);
    out
}

/// A title for an item that has none: the start of its text, cut at a word.
fn derived_title(html: &str) -> String {
    let text = clean_line(&html_to_text(html));
    if text.chars().count() <= DERIVED_TITLE_CHARS {
        return text;
    }
    let cut: String = text.chars().take(DERIVED_TITLE_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

/// feed-rs's errors in words a person understands.
pub(super) fn error(e: ParseFeedError) -> ParseError {
    let say = |s: String| clean_line(&s);
    match e {
        ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot) => {
            ParseError::NotAFeed("no RSS, Atom or JSON Feed root element".into())
        }
        ParseFeedError::ParseError(kind) => ParseError::Invalid(say(kind.to_string())),
        ParseFeedError::JsonSerde(e) => ParseError::BrokenJson(say(e.to_string())),
        ParseFeedError::JsonUnsupportedVersion(v) => {
            ParseError::NotAFeed(say(format!("unsupported JSON Feed version {v}")))
        }
        ParseFeedError::XmlReader(e) => ParseError::Invalid(say(e.to_string())),
        ParseFeedError::IoError(e) => ParseError::Invalid(say(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_titles_lose_tags_and_entities() {
        assert_eq!(
            html_to_text("<b>Đà&nbsp;Nẵng</b> &amp; Huế &#8211; 1 < 2"),
            "Đà\u{a0}Nẵng & Huế – 1 < 2"
        );
        assert_eq!(html_to_text("a &bogus; &"), "a &bogus; &");
        assert_eq!(
            unescape("<b>AT&amp;T</b> &#x110000;", false),
            "<b>AT&T</b> &#x110000;"
        );
    }

    #[test]
    fn derived_titles_are_cut_at_a_word() {
        let long = "từ ".repeat(40);
        let t = derived_title(&long);
        assert!(
            t.ends_with('…') && t.chars().count() <= DERIVED_TITLE_CHARS + 1,
            "{t}"
        );
        assert_eq!(derived_title("<p>Ngắn</p>"), "Ngắn");
    }

    #[test]
    fn only_web_links_are_kept() {
        let base = Url::parse("https://example.vn/rss/a.rss").ok();
        assert_eq!(
            absolute("/bai-1.html", base.as_ref()).as_deref(),
            Some("https://example.vn/bai-1.html")
        );
        assert_eq!(absolute("javascript:alert(1)", base.as_ref()), None);
        assert_eq!(absolute(" ", base.as_ref()), None);
    }
}
