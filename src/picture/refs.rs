//! The images of an article in page order, each with its caption once: the lead image (the
//! page's og:image, else the first figure) first, then every `<img>` of the clean body.
//! The caption is the figure's `<figcaption>`, else the image's alt text, else its title.
use super::MAX_IMAGES_PER_ARTICLE;
use crate::article::lead_image::absolute;
use crate::text::clean_line;
use dom_query::{Document, Selection};
use url::Url;

/// One picture of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageRef {
    /// Absolute http(s) URL.
    pub url: String,
    /// One line, possibly empty.
    pub caption: String,
}

/// The images of the article `html` (clean body HTML), the `lead` image first; relative
/// addresses resolved against `base`. Anything that is not http(s) (data:, javascript:) is
/// left out; each address appears once, with the first caption found for it.
pub fn list(html: &str, lead: Option<&str>, base: Option<&str>) -> Vec<ImageRef> {
    let base = base.and_then(|b| Url::parse(b).ok());
    let mut out: Vec<ImageRef> = Vec::new();
    let mut push = |url: Option<String>, caption: String| {
        let Some(url) = url else { return };
        if out.len() >= MAX_IMAGES_PER_ARTICLE {
            return;
        }
        match out.iter_mut().find(|r| r.url == url) {
            Some(seen) if seen.caption.is_empty() => seen.caption = caption,
            Some(_) => {}
            None => out.push(ImageRef { url, caption }),
        }
    };
    push(lead.and_then(|l| absolute(l, base.as_ref())), String::new());
    let doc = Document::from(html);
    for img in doc.select("img").iter() {
        let url = source(&img).and_then(|s| absolute(&s, base.as_ref()));
        push(url, caption(&img));
    }
    out
}

/// `src`, else the lazy-loading attributes CMSs use instead.
fn source(img: &Selection) -> Option<String> {
    ["src", "data-src", "data-original", "data-lazy-src"]
        .iter()
        .filter_map(|a| img.attr(a))
        .map(|v| v.trim().to_string())
        .find(|v| !v.is_empty() && !v.starts_with("data:"))
}

fn caption(img: &Selection) -> String {
    let figure = img.ancestors(Some(6)).filter("figure");
    let from_figure = figure
        .first()
        .select("figcaption")
        .first()
        .text()
        .to_string();
    [
        Some(from_figure),
        img.attr("alt").map(|a| a.to_string()),
        img.attr("title").map(|a| a.to_string()),
    ]
    .into_iter()
    .flatten()
    .map(|c: String| clean_line(&c))
    .find(|c| !c.is_empty())
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::lead_image::lead;

    #[test]
    fn lead_first_then_body_images_in_order_with_captions_once() {
        let html = r#"<p>Mở đầu</p>
            <figure><img src="/anh/cau-moi.jpg" alt="ảnh"><figcaption>Cây cầu mới nhìn từ bờ bắc</figcaption></figure>
            <p>Giữa bài</p><img data-src="https://cdn.example.vn/b.webp" alt="Người dân qua cầu">
            <img src="data:image/png;base64,AAAA"><img src="javascript:alert(1)">
            <img src="/anh/cau-moi.jpg">"#;
        let got = list(
            html,
            Some("https://cdn.example.vn/lead.jpg"),
            Some("https://bao.example.vn/tin/cau.html"),
        );
        let want = [
            ("https://cdn.example.vn/lead.jpg", ""),
            (
                "https://bao.example.vn/anh/cau-moi.jpg",
                "Cây cầu mới nhìn từ bờ bắc",
            ),
            ("https://cdn.example.vn/b.webp", "Người dân qua cầu"),
        ];
        let got: Vec<_> = got
            .iter()
            .map(|r| (r.url.as_str(), r.caption.as_str()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn the_lead_comes_from_the_page_head_resolved() {
        let page = r#"<html><head><meta property="og:image" content="/anh/dau.jpg">
            <meta name="twitter:image" content="https://x.vn/t.jpg"></head><body></body></html>"#;
        let base = Url::parse("https://bao.example.vn/a/b.html").ok();
        let got = lead(&Document::from(page), base.as_ref());
        assert_eq!(got.as_deref(), Some("https://bao.example.vn/anh/dau.jpg"));
        let none = Document::from("<meta property='og:image' content='javascript:x'>");
        assert_eq!(lead(&none, None), None);
    }

    #[test]
    fn the_lead_takes_the_caption_of_the_same_picture_in_the_body() {
        let html =
            r#"<figure><img src="https://a.vn/x.jpg"><figcaption>Chú thích</figcaption></figure>"#;
        let got = list(html, Some("https://a.vn/x.jpg"), None);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].caption, "Chú thích");
    }

    #[test]
    fn captions_are_one_clean_line_and_the_list_is_capped() {
        let mut html =
            String::from("<img src='https://a.vn/0.jpg' alt='Dòng\u{1b}[31m một\ndòng hai'>");
        for i in 1..200 {
            html.push_str(&format!("<img src='https://a.vn/{i}.jpg'>"));
        }
        let got = list(&html, None, None);
        assert_eq!(got.len(), MAX_IMAGES_PER_ARTICLE);
        assert!(!got[0].caption.contains('\u{1b}') && !got[0].caption.contains('\n'));
    }
}
