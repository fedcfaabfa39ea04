//! Defences against hostile pages, applied before any HTML parser sees the input.
//!
//! html5ever's scope checks and html2text's layout are both quadratic in nesting depth
//! (100,000 nested `<div>`s cost html2text 31 s), and a 1,000 x 1,000 table is a million
//! elements. So one linear pass over the raw text caps the size, the nesting depth and the
//! number of elements, and drops scripts (but JSON-LD), styles, SVG and comments. Tags over a
//! cap are dropped while their text is kept. Everything after this pass is bounded.
//! [`catch`] turns a panic in a parser or renderer into an error.
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Output of the pre-pass, in bytes: more than any real article page needs once scripts and
/// styles are gone.
pub const MAX_HTML: usize = 2 * 1024 * 1024;
/// Open elements at once; real pages stay under about 60.
pub const MAX_DEPTH: usize = 128;
/// Elements in all.
pub const MAX_ELEMENTS: usize = 40_000;
/// A JSON-LD block larger than this is dropped.
const MAX_JSON_LD: usize = 256 * 1024;
/// How far a quote-aware search for the end of a tag looks before falling back to the next `>`.
const TAG_SCAN: usize = 4096;

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Elements whose content is dropped with them.
const DROPPED: &[&str] = &["script", "style", "svg", "template", "math", "canvas"];
/// Elements whose content is raw text, kept as is.
const RAW_TEXT: &[&str] = &["title", "textarea", "xmp"];

/// Runs `f`; `None` when it panicked.
pub fn catch<T>(f: impl FnOnce() -> T) -> Option<T> {
    catch_unwind(AssertUnwindSafe(f)).ok()
}

/// The capped copy of `html` described in the module doc.
pub fn sanitize(html: &str) -> String {
    Sanitizer::new(html).run()
}

struct Open {
    name: String,
    emitted: bool,
}

struct Sanitizer<'a> {
    src: &'a str,
    out: String,
    stack: Vec<Open>,
    elements: usize,
    full: bool,
}

impl<'a> Sanitizer<'a> {
    fn new(src: &'a str) -> Self {
        Sanitizer {
            src,
            out: String::with_capacity(src.len().min(MAX_HTML) + 64),
            stack: Vec::new(),
            elements: 0,
            full: false,
        }
    }

    fn run(mut self) -> String {
        let bytes = self.src.as_bytes();
        let mut i = 0;
        while i < bytes.len() && !self.full {
            let Some(lt) = memchr(b'<', bytes, i) else {
                self.push(&self.src[i..]);
                break;
            };
            self.push(&self.src[i..lt]);
            i = self.markup(lt);
        }
        self.out
    }

    /// Appends text, stopping (at a char boundary) when the output cap is reached.
    fn push(&mut self, s: &str) {
        if self.full {
            return;
        }
        let room = MAX_HTML.saturating_sub(self.out.len());
        if s.len() <= room {
            self.out.push_str(s);
        } else {
            let mut end = room;
            while !s.is_char_boundary(end) {
                end -= 1;
            }
            self.out.push_str(&s[..end]);
            self.full = true;
        }
    }

    /// Handles the markup at `lt` (a `<`); returns where scanning resumes.
    fn markup(&mut self, lt: usize) -> usize {
        let bytes = self.src.as_bytes();
        let rest = &bytes[lt..];
        if rest.starts_with(b"<!--") {
            return find(bytes, lt + 4, b"-->").map_or(bytes.len(), |e| e + 3);
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            let end = memchr(b'>', bytes, lt).map_or(bytes.len(), |e| e + 1);
            if rest.starts_with(b"<!") && rest.len() > 2 && rest[2].is_ascii_alphabetic() {
                self.push(&self.src[lt..end]); // doctype
            }
            return end;
        }
        if rest.starts_with(b"</") {
            let (name, name_end) = tag_name(bytes, lt + 2);
            let end = memchr(b'>', bytes, name_end).map_or(bytes.len(), |e| e + 1);
            if name.is_empty() {
                return end; // "</>" or "</ ...>": a bogus comment
            }
            self.close(&name, lt, end);
            return end;
        }
        if rest.len() > 1 && rest[1].is_ascii_alphabetic() {
            let (name, name_end) = tag_name(bytes, lt + 1);
            let end = tag_end(bytes, name_end);
            return self.open(name, lt, end);
        }
        self.push("&lt;");
        lt + 1
    }

    fn open(&mut self, name: String, lt: usize, end: usize) -> usize {
        let bytes = self.src.as_bytes();
        let tag = &self.src[lt..end];
        if DROPPED.contains(&name.as_str()) {
            let close = find_close(bytes, end, &name);
            let after = close.map_or(bytes.len(), |c| {
                memchr(b'>', bytes, c).map_or(bytes.len(), |e| e + 1)
            });
            let body_end = close.unwrap_or(bytes.len());
            if name == "script"
                && tag.to_ascii_lowercase().contains("ld+json")
                && body_end - end <= MAX_JSON_LD
            {
                self.push(tag);
                self.push(&self.src[end..body_end]);
                self.push("</script>");
            }
            return after;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            let close = find_close(bytes, end, &name);
            let body_end = close.unwrap_or(bytes.len());
            let after = close.map_or(bytes.len(), |c| {
                memchr(b'>', bytes, c).map_or(bytes.len(), |e| e + 1)
            });
            if self.elements < MAX_ELEMENTS && self.stack.len() < MAX_DEPTH {
                self.elements += 1;
                self.push(tag);
                // Raw text may hold "<": escape it so the parser sees text.
                let text = self.src[end..body_end].replace('<', "&lt;");
                self.push(&text);
                self.push(&format!("</{name}>"));
            }
            return after;
        }
        let self_closing = tag.ends_with("/>");
        if VOID.contains(&name.as_str()) || self_closing {
            if self.elements < MAX_ELEMENTS {
                self.elements += 1;
                self.push(tag);
            }
            return end;
        }
        self.implied_close(&name);
        let emitted = self.stack.len() < MAX_DEPTH && self.elements < MAX_ELEMENTS;
        if emitted {
            self.elements += 1;
            self.push(tag);
        }
        self.stack.push(Open { name, emitted });
        end
    }

    /// Tags that close an open sibling of their kind (`<li>a<li>b`), so that lists and
    /// tables written without end tags do not count as deep.
    fn implied_close(&mut self, name: &str) {
        let closes: &[&str] = match name {
            "li" => &["li"],
            "p" => &["p"],
            "dt" | "dd" => &["dt", "dd"],
            "td" | "th" => &["td", "th"],
            "tr" => &["td", "th", "tr"],
            "tbody" | "thead" | "tfoot" => &["td", "th", "tr", "tbody", "thead", "tfoot"],
            "option" => &["option"],
            _ => return,
        };
        while let Some(top) = self.stack.pop_if(|top| closes.contains(&top.name.as_str())) {
            if top.emitted {
                self.push(&format!("</{}>", top.name));
            }
        }
    }

    fn close(&mut self, name: &str, lt: usize, end: usize) {
        // Look a little way down the stack: an end tag that matches nothing near the top
        // is dropped, as a parser would mostly ignore it.
        let depth = self.stack.len();
        let found = (0..depth.min(32))
            .map(|k| depth - 1 - k)
            .find(|&k| self.stack[k].name == name);
        let Some(k) = found else {
            if name == "p" || name == "br" {
                self.push(&self.src[lt..end]);
            }
            return;
        };
        let closed: Vec<Open> = self.stack.drain(k..).collect();
        for open in closed.iter().skip(1).rev() {
            if open.emitted {
                self.push(&format!("</{}>", open.name));
            }
        }
        if closed[0].emitted {
            self.push(&self.src[lt..end]);
        }
    }
}

/// The lowercased tag name at `i` and where it ends.
fn tag_name(bytes: &[u8], i: usize) -> (String, usize) {
    let mut j = i;
    while j < bytes.len()
        && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'-' || bytes[j] == b':')
    {
        j += 1;
    }
    let name = String::from_utf8_lossy(&bytes[i..j]).to_ascii_lowercase();
    (name, j)
}

/// The index just past the `>` that ends a start tag, honouring quotes for a while.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    let limit = (from + TAG_SCAN).min(bytes.len());
    for (k, &b) in bytes[from..limit].iter().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return from + k + 1,
            _ => {}
        }
    }
    memchr(b'>', bytes, from).map_or(bytes.len(), |e| e + 1)
}

fn memchr(needle: u8, bytes: &[u8], from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == needle)
        .map(|p| p + from)
}

fn find(bytes: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    let hay = bytes.get(from..)?;
    let first = pat[0];
    let mut i = 0;
    while let Some(p) = hay[i..].iter().position(|&b| b == first) {
        let at = i + p;
        if hay[at..].starts_with(pat) {
            return Some(from + at);
        }
        i = at + 1;
    }
    None
}

/// The index of `</name` (any case) at or after `from`.
fn find_close(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut i = from;
    while let Some(p) = find(bytes, i, b"</") {
        let tail = &bytes[p + 2..];
        if tail.len() >= name.len()
            && tail[..name.len()].eq_ignore_ascii_case(name.as_bytes())
            && tail
                .get(name.len())
                .is_none_or(|b| !b.is_ascii_alphanumeric())
        {
            return Some(p);
        }
        i = p + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn max_depth(html: &str) -> usize {
        let doc = dom_query::Document::from(html);
        doc.select("*")
            .nodes()
            .iter()
            .map(|n| n.ancestors(None).len())
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn scripts_styles_and_comments_go_but_json_ld_stays() {
        let html = "<p>a<script>var x = '</p>';</script><style>p{}</style><!-- c -->b</p>\
                    <script type=\"application/ld+json\">{\"a\":1}</script><svg><text>x</text></svg>";
        let out = sanitize(html);
        assert_eq!(
            out,
            "<p>ab</p><script type=\"application/ld+json\">{\"a\":1}</script>"
        );
    }

    #[test]
    fn deep_nesting_is_capped_and_text_kept() {
        let html = format!("{}deep{}", "<div>".repeat(5000), "</div>".repeat(5000));
        let out = sanitize(&html);
        assert!(out.contains("deep"));
        assert!(max_depth(&out) <= MAX_DEPTH + 4, "{}", max_depth(&out));
    }

    #[test]
    fn lists_without_end_tags_are_not_deep() {
        let html = format!("<ul>{}</ul>", "<li>x".repeat(500));
        let out = sanitize(&html);
        assert_eq!(out.matches("<li>").count(), 500);
    }

    #[test]
    fn size_is_capped_at_a_char_boundary() {
        let html = "ệ".repeat(MAX_HTML);
        let out = sanitize(&html);
        assert!(out.len() <= MAX_HTML && out.len() > MAX_HTML - 4);
    }

    #[test]
    fn stray_angle_brackets_and_unclosed_markup_are_safe() {
        assert_eq!(sanitize("a < b"), "a &lt; b");
        assert_eq!(sanitize("<p>x<!-- never closed"), "<p>x");
        assert_eq!(sanitize("<script>never closed"), "");
        assert_eq!(sanitize("<a href=\"x>y"), "<a href=\"x>y");
        assert_eq!(sanitize("<title>a<b</title>"), "<title>a&lt;b</title>");
    }

    #[test]
    fn catch_turns_a_panic_into_an_error() {
        assert!(catch(|| panic!("boom")).is_none());
        assert_eq!(catch(|| 3), Some(3));
    }
}
