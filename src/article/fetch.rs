//! Fetching an article's page with the shared client: status and type checks, the charset
//! pipeline of `text::decode_bytes`, then extraction off the async threads.
use super::{ArticleError, Extracted, MIN_TEXT_CHARS, extract};
use crate::feed::model::StoredExtract;
use crate::i18n::Lang;
use crate::net::{Client, NetError};

impl From<NetError> for ArticleError {
    fn from(e: NetError) -> Self {
        match e {
            NetError::Status { code, .. } => ArticleError::Http(code),
            other => ArticleError::Net {
                offline: other.is_offline(),
                message: other.to_string(),
            },
        }
    }
}

/// A page as text: its final URL (after redirects) and its HTML decoded to NFC.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub url: String,
    pub html: String,
}

/// Downloads `url` and decodes it (BOM, HTTP charset, `<meta charset>`, sniffing, legacy
/// Vietnamese encodings). Anything but HTML (or XHTML, or a type-less body) is refused.
pub async fn fetch_page(client: &Client, url: &str) -> Result<Page, ArticleError> {
    let fetched = client.get_page(url).await?;
    if !(200..300).contains(&fetched.status) {
        return Err(ArticleError::Http(fetched.status));
    }
    if let Some(ct) = &fetched.content_type {
        let mime = ct
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        let htmlish = mime.is_empty()
            || mime.contains("html")
            || mime.contains("xml")
            || mime == "text/plain"
            || mime == "application/octet-stream";
        if mime.contains("rss") || mime.contains("atom") {
            return Err(ArticleError::Feed);
        }
        if !htmlish {
            return Err(ArticleError::NotHtml(crate::text::clean_line(&mime)));
        }
    }
    if let Some(e) = not_a_page(&fetched.body) {
        return Err(e);
    }
    let host = url::Url::parse(&fetched.final_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string));
    let html = crate::text::decode_bytes(
        &fetched.body,
        fetched.content_type.as_deref(),
        host.as_deref(),
    );
    Ok(Page {
        url: fetched.final_url,
        html,
    })
}

/// Servers label PDFs and feeds "application/octet-stream", "text/xml" or nothing: the first
/// bytes tell. `Some` when `bytes` is a PDF or a feed (RSS, Atom, RDF), not a page.
pub fn not_a_page(bytes: &[u8]) -> Option<ArticleError> {
    let head = &bytes[..bytes.len().min(4096)];
    let start = head
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .unwrap_or(head)
        .trim_ascii_start();
    if start.starts_with(b"%PDF-") {
        return Some(ArticleError::NotHtml("application/pdf".into()));
    }
    // The first element, after the XML declaration, comments and a doctype.
    let mut rest = start;
    while let Some(lt) = rest.iter().position(|&b| b == b'<') {
        let after = &rest[lt + 1..];
        match after.first() {
            Some(b'?' | b'!') => {
                let end = after.iter().position(|&b| b == b'>')?;
                rest = &after[end + 1..];
            }
            Some(_) => {
                let name: Vec<u8> = after
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric() || **b == b':')
                    .map(u8::to_ascii_lowercase)
                    .collect();
                let feed = matches!(name.as_slice(), b"rss" | b"feed" | b"rdf:rdf");
                return feed.then_some(ArticleError::Feed);
            }
            None => return None,
        }
    }
    None
}

/// Extractions running at once in the process. An extraction takes about ten times its
/// page in memory (DOM, candidates, rendering): with `jobs` of them in parallel a
/// `refresh --full-text` reached 235-288 MB. Two keep both cores busy.
const MAX_EXTRACTING: usize = 2;

static EXTRACTING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(MAX_EXTRACTING);

/// Fetches, decodes and extracts the article at `url`, however little it holds (the caller
/// weighs it against the feed's own content). Extraction runs off the async threads, at
/// most [`MAX_EXTRACTING`] at a time.
pub async fn fetch_extract(client: &Client, url: &str) -> Result<Extracted, ArticleError> {
    let page = fetch_page(client, url).await?;
    let _permit = EXTRACTING
        .acquire()
        .await
        .map_err(|_| ArticleError::Panicked)?;
    tokio::task::spawn_blocking(move || extract(&page.html, Some(&page.url)))
        .await
        .map_err(|_| ArticleError::Panicked)?
}

/// Fetches, decodes and extracts the article at `url`, ready for `Store::save_full_text`.
/// An extract with less than [`MIN_TEXT_CHARS`] of text is `TooLittle`: the feed's own
/// content is better then. `lang` is the interface language the caller shows errors in; the
/// errors themselves are language-neutral values.
pub async fn fetch_article(
    client: &Client,
    url: &str,
    lang: Lang,
) -> Result<StoredExtract, ArticleError> {
    let _ = lang;
    let extracted = fetch_extract(client, url).await?;
    let chars = extracted.text_chars();
    if chars < MIN_TEXT_CHARS {
        return Err(ArticleError::TooLittle(chars));
    }
    Ok(stored(extracted))
}

/// An extract as the cache keeps it, fetched now.
pub fn stored(extracted: Extracted) -> StoredExtract {
    StoredExtract {
        html: extracted.html,
        meta: extracted.meta,
        fetched_at: chrono::Utc::now(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdfs_and_feeds_are_not_pages() {
        let pdf = not_a_page(b"%PDF-1.4\n1 0 obj");
        assert_eq!(pdf, Some(ArticleError::NotHtml("application/pdf".into())));
        for feed in [
            &b"<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\"><channel>"[..],
            b"\xEF\xBB\xBF<feed xmlns=\"http://www.w3.org/2005/Atom\">",
            b"<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\">",
        ] {
            assert_eq!(not_a_page(feed), Some(ArticleError::Feed));
        }
        for page in [
            &b"<!DOCTYPE html><html><body>rss</body></html>"[..],
            b"<html><head><link rel=alternate type=application/rss+xml>",
            b"",
            b"plain words",
        ] {
            assert_eq!(not_a_page(page), None);
        }
    }
}
