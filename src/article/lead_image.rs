//! The page's lead picture, read from its head before anything is removed.
use dom_query::Document;
use url::Url;

/// The page's lead picture: og:image, twitter:image, `<link rel="image_src">`, absolute.
pub fn lead(doc: &Document, base: Option<&Url>) -> Option<String> {
    [
        r#"meta[property="og:image"]"#,
        r#"meta[property="og:image:url"]"#,
        r#"meta[name="twitter:image"]"#,
        r#"meta[property="twitter:image"]"#,
    ]
    .iter()
    .filter_map(|sel| doc.select(sel).first().attr("content"))
    .chain(doc.select(r#"link[rel="image_src"]"#).first().attr("href"))
    .find_map(|v| absolute(&v, base))
}

/// `href` as an absolute http(s) URL, resolved against `base` when relative.
pub fn absolute(href: &str, base: Option<&Url>) -> Option<String> {
    let href = href.trim();
    let url = match Url::parse(href) {
        Ok(u) => u,
        Err(url::ParseError::RelativeUrlWithoutBase) => base?.join(href).ok()?,
        Err(_) => return None,
    };
    matches!(url.scheme(), "http" | "https")
        .then(|| url.to_string())
        .filter(|_| url.host_str().is_some())
}
