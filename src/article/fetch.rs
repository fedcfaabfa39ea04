//! Fetching an article's page with the shared client: status and type checks, the charset
//! pipeline of `text::decode_bytes`, then extraction off the async threads.
use super::{ArticleError, MIN_TEXT_CHARS, extract};
use crate::i18n::Lang;
use crate::net::{Client, NetError};
use crate::store::StoredExtract;

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
        if !htmlish {
            return Err(ArticleError::NotHtml(crate::text::clean_line(&mime)));
        }
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
    let page = fetch_page(client, url).await?;
    let extracted = tokio::task::spawn_blocking(move || {
        let ex = extract(&page.html, Some(&page.url))?;
        let chars = ex.text_chars();
        if chars < MIN_TEXT_CHARS {
            return Err(ArticleError::TooLittle(chars));
        }
        Ok(ex)
    })
    .await
    .map_err(|_| ArticleError::Panicked)??;
    Ok(StoredExtract {
        html: extracted.html,
        meta: extracted.meta,
        fetched_at: chrono::Utc::now(),
    })
}
