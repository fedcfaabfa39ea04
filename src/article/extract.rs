//! Readability plus site rules and chrome removal: page HTML in, clean article HTML and
//! metadata out. Never panics: the work runs inside [`guard::catch`].
use super::{ArticleError, ArticleMeta, chrome, guard, meta, rules, title};
use dom_query::Document;
use dom_smoothie::{Config, Readability};

/// The article found in a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    /// Clean article HTML (the body only), links absolute when the page's URL was known.
    pub html: String,
    pub meta: ArticleMeta,
}

impl Extracted {
    /// Characters of text in the body (whitespace folded).
    pub fn text_chars(&self) -> usize {
        text_chars(&self.html)
    }
}

pub(crate) fn text_chars(html: &str) -> usize {
    let doc = Document::from(html);
    chrome::norm(&doc.select("body").text()).chars().count()
}

/// Finds the article in `html` (already decoded to text). `url` is the page's address:
/// it picks the site rule and makes links absolute.
pub fn extract(html: &str, url: Option<&str>) -> Result<Extracted, ArticleError> {
    guard::catch(|| extract_inner(html, url)).unwrap_or(Err(ArticleError::Panicked))
}

fn extract_inner(html: &str, url: Option<&str>) -> Result<Extracted, ArticleError> {
    let page_url = url
        .and_then(|u| url::Url::parse(u).ok())
        .filter(|u| matches!(u.scheme(), "http" | "https"));
    let capped = guard::sanitize(&strip_private_use(html));
    let doc = Document::from(capped.as_str());
    let rule = rules::find(page_url.as_ref(), &doc);
    let ld = meta::json_ld(&doc);
    let mut meta = meta::collect(&doc, rule, &ld);
    meta.image = crate::picture::refs::lead(&doc, page_url.as_ref());
    let titles = title::sources(&doc, rule, &ld);

    if let Some(rule) = rule {
        for sel in rule.drop {
            if let Some(found) = doc.try_select(sel) {
                found.remove();
            }
        }
    }
    chrome::strip(&doc);

    let rule_body = rule.and_then(|r| {
        // The body's text, read once: it decides the body and whether a lead repeats it.
        let (body, body_text) = r.body.iter().find_map(|sel| {
            let found = doc.try_select(sel)?;
            let html = found.nodes().first()?.inner_html().to_string();
            let text = chrome::norm(&Document::from(html.as_str()).select("body").text());
            (!text.is_empty()).then_some((html, text))
        })?;
        // A lead kept outside the body opens the article; not when the body holds it.
        let lead = r.lead.iter().find_map(|sel| {
            let text = chrome::norm(&doc.try_select(sel)?.nodes().first()?.text());
            (!text.is_empty() && !body_text.contains(&text)).then_some(text)
        });
        Some(match lead {
            Some(lead) => format!("<p><strong>{}</strong></p>{body}", escape(&lead)),
            None => body,
        })
    });
    let work = match &rule_body {
        Some(body) => {
            let head = doc.select("head").inner_html();
            let lang = meta.lang.as_deref().unwrap_or("");
            Document::from(format!(
                "<html lang=\"{lang}\"><head>{head}</head><body><article>{body}</article></body></html>"
            ))
        }
        None => doc,
    };

    let doc_url = page_url.as_ref().map(url::Url::as_str);
    let mut reader = Readability::with_document(work, doc_url, Some(Config::default()))
        .map_err(|_| ArticleError::NothingFound)?;
    let article = reader.parse();
    let mut content = match article {
        Ok(ref a) => a.content.to_string(),
        Err(_) => rule_body.clone().ok_or(ArticleError::NothingFound)?,
    };
    // Readability may cut a site's own body short; a known body is trusted when it does.
    if let Some(body) = &rule_body
        && text_chars(&content) * 10 < text_chars(body) * 6
    {
        content = body.clone();
    }

    if let Ok(a) = &article {
        fill(&mut meta.byline, a.byline.as_deref());
        fill(&mut meta.site_name, a.site_name.as_deref());
        fill(&mut meta.lang, a.lang.as_deref());
        if meta.published.is_none() {
            meta.published = a.published_time.as_deref().and_then(super::date::parse);
        }
        fill(&mut meta.url, a.url.as_deref());
    }
    if let Some(u) = &page_url {
        meta.url = Some(u.to_string());
    }
    meta.title = title::choose(
        &titles,
        article.as_ref().ok().map(|a| a.title.as_str()),
        meta.site_name.as_deref(),
        page_url.as_ref().and_then(url::Url::host_str),
    );
    meta.url = meta
        .url
        .map(|u| crate::text::clean_line(&u))
        .filter(|u| !u.is_empty());

    let out = Document::from(content.as_str());
    unwrap_layout_tables(&out);
    chrome::dedupe(&out, meta.title.as_deref(), meta.byline.as_deref());
    let body = out.select("body");
    let html = crate::text::clean_block(&body.inner_html());
    Ok(Extracted { html, meta })
}

/// A table with at most one cell per row lays out a picture and its caption (old CMS
/// templates), not data: as blocks it reads as text instead of a boxed grid.
fn unwrap_layout_tables(doc: &Document) {
    let Some(tables) = doc.try_select("table") else {
        return;
    };
    // Innermost first: an outer table is judged once its inner ones are blocks.
    for table in tables.nodes().iter().rev() {
        let rows = table.find(&["tr"]);
        let layout = rows.iter().all(|tr| {
            tr.element_children()
                .iter()
                .filter(|c| c.has_name("td") || c.has_name("th"))
                .count()
                <= 1
        });
        if !layout {
            continue;
        }
        for part in table
            .descendants_it()
            .filter(|d| {
                ["tbody", "thead", "tfoot", "tr", "td", "th", "caption"]
                    .iter()
                    .any(|n| d.has_name(n))
            })
            .collect::<Vec<_>>()
        {
            part.rename("div");
        }
        table.rename("div");
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn fill(slot: &mut Option<String>, value: Option<&str>) {
    if slot.is_none() {
        *slot = value.map(crate::text::clean_line).filter(|v| !v.is_empty());
    }
}

/// The renderer uses a private-use character as a marker; pages never need it.
fn strip_private_use(html: &str) -> std::borrow::Cow<'_, str> {
    if html.contains(super::render::MARK) {
        html.replace(super::render::MARK, "").into()
    } else {
        html.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_with_dashes_and_a_colon_stays_whole_and_leaves_the_body() {
        let title = "Đường sắt tốc độ cao Bắc - Nam: trình Quốc hội";
        let para = "<p>Chính phủ đề xuất trình Quốc hội dự án đường sắt tốc độ cao trục Bắc - Nam, \
                    chạy qua nhiều tỉnh thành dọc đất nước và rút ngắn thời gian đi lại.</p>";
        let html = format!(
            "<html lang=vi><head><title>{title}</title></head><body><article><h1>{title}</h1>\
             {para}{para}{para}</article></body></html>"
        );
        let got = extract(&html, Some("https://baomau.vn/bai-1.html")).unwrap();
        assert_eq!(got.meta.title.as_deref(), Some(title));
        assert!(!got.html.contains("<h1"), "{}", got.html);
    }

    #[test]
    fn layout_tables_become_blocks_and_data_tables_stay() {
        let doc = Document::from(
            "<table class=tplCaption><tr><td><img src=a.jpg alt=x></td></tr>\
             <tr><td><p>Chú thích</p></td></tr></table>\
             <table><tr><td>Tỉnh</td><td>Sản lượng</td></tr></table>",
        );
        unwrap_layout_tables(&doc);
        assert_eq!(doc.select("table").length(), 1);
        assert_eq!(doc.select("td").length(), 2);
        assert!(doc.select("div.tplCaption p").exists());
    }
}
