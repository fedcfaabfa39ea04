//! Readability plus site rules and chrome removal: page HTML in, clean article HTML and
//! metadata out. Never panics: the work runs inside [`guard::catch`].
use super::kinds::{self, Body, PageKind};
use super::{ArticleError, ArticleMeta, body, chrome, guard, meta, reveal, rules, title};
use dom_query::Document;
use dom_smoothie::{Config, Readability};

/// Enough to see why; a page with a hundred `<h1>`s does not need them all listed.
const MAX_EVIDENCE: usize = 40;

/// The article found in a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    /// Clean article HTML (the body only), links absolute when the page's URL was known.
    pub html: String,
    pub meta: ArticleMeta,
    /// How the metadata was chosen: every candidate, its score, the winner.
    pub evidence: Vec<meta::Evidence>,
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
    let titles = title::sources(&doc, rule, &ld);
    let host = page_url.as_ref().and_then(url::Url::host_str);
    let (mut meta, gathered) = meta::gather(&doc, rule, &ld, &titles.stated(), host);
    meta.image = super::lead_image::lead(&doc, page_url.as_ref());

    if let Some(rule) = rule {
        for sel in rule.drop {
            if let Some(found) = doc.try_select(sel) {
                found.remove();
            }
        }
    }
    reveal::unhide(&doc);
    let best = body::best_block(&doc);
    let prose = best.as_ref().map_or(0, |(_, score)| *score);
    // A site rule knows its pages are articles.
    let (kind, kind_body) = match rule {
        Some(_) => (PageKind::Article, None),
        None => kinds::read(&doc, &ld, page_url.as_ref(), prose),
    };
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
    let (built, scoped) = match kind_body {
        Some(Body::Built(html)) => (Some(html), rule_body),
        Some(Body::Scoped(html)) => (None, Some(html)),
        None => (None, rule_body),
    };
    // Where else the body may be, should readability's choice turn out not to be one.
    let second = match (&built, &scoped) {
        (None, None) => best
            .filter(|(n, _)| n.parent().is_some())
            .map(|(n, score)| (n.html().to_string(), score)),
        _ => None,
    };
    let head = doc.select("head").inner_html().to_string();
    let lang = meta.lang.clone().unwrap_or_default();
    let doc_url = page_url.as_ref().map(url::Url::as_str);
    let work = match &scoped {
        Some(body) => wrap(&head, &lang, body),
        None => doc,
    };
    reveal::long_headings_to_paragraphs(&work);

    let article = match built {
        Some(_) => None,
        None => Some(
            Readability::with_document(work, doc_url, Some(Config::default()))
                .map_err(|_| ArticleError::NothingFound)?
                .parse(),
        ),
    };
    let mut content = match (&built, &article) {
        (Some(html), _) => html.clone(),
        (None, Some(Ok(a))) => a.content.to_string(),
        _ => scoped
            .clone()
            .or_else(|| second.as_ref().map(|(html, _)| html.clone()))
            .ok_or(ArticleError::NothingFound)?,
    };
    // Readability may cut a known body short; the known body is trusted when it does.
    if let Some(body) = &scoped
        && text_chars(&content) * 10 < text_chars(body) * 6
    {
        content = body.clone();
    }
    let mut judged = Judged::of(&content);
    if let Some((html, score)) = &second
        && judged.is_lost(*score)
    {
        let retry = readable(&head, &lang, html, doc_url);
        let again = Judged::of(&retry);
        if !again.is_lost(*score) || again.chars > judged.chars {
            content = retry;
            judged = again;
        }
    }
    // A page whose only text is its menu or its footer has no article.
    if kind == PageKind::Article && rule.is_none() && !judged.is_article() {
        return Err(ArticleError::NothingFound);
    }
    let article = article.and_then(Result::ok);

    if let Some(a) = &article {
        fill(&mut meta.site_name, a.site_name.as_deref());
        fill(&mut meta.lang, a.lang.as_deref());
        fill(&mut meta.url, a.url.as_deref());
    }
    // The metadata stage decides, with the body's signature and readability's guesses.
    let out = Document::from(content.as_str());
    let signature = meta::signature::find(&out, meta.lang.as_deref());
    let guesses = article.as_ref().map(|a| meta::Guesses {
        byline: a.byline.as_deref(),
        published: a.published_time.as_deref(),
    });
    let meta::Finished {
        evidence,
        signed,
        header_line,
    } = gathered.finish(&mut meta, signature.as_ref(), guesses);
    if let Some(sig) = &signature
        && (signed || sig.signed.names.is_none())
    {
        sig.remove(&out);
    }
    if let Some(u) = &page_url {
        meta.url = Some(u.to_string());
    }
    meta.title = title::choose(
        &titles,
        article.as_ref().map(|a| a.title.as_str()),
        meta.site_name.as_deref(),
        host,
    );
    let mut evidence = titles
        .evidence(meta.title.as_deref())
        .into_iter()
        .chain(evidence)
        .collect::<Vec<_>>();
    evidence.truncate(MAX_EVIDENCE);
    meta.url = meta
        .url
        .map(|u| crate::text::clean_line(&u))
        .filter(|u| !u.is_empty());

    unwrap_layout_tables(&out);
    if kind == PageKind::Article {
        chrome::drop_link_runs(&out);
        super::tail::drop_footer(&out);
    }
    super::dedupe::dedupe(&out, meta.title.as_deref(), header_line.as_deref());
    drop_empty_lists(&out);
    let body = out.select("body");
    let html = crate::text::clean_block(&body.inner_html());
    Ok(Extracted {
        html,
        meta,
        evidence,
    })
}

/// Shares of menu or contact text above which a block is not an article.
const MAX_LINK_SHARE: f64 = 0.6;
const MAX_CONTACT_SHARE: f64 = 0.5;

/// What extracted HTML is made of: characters of text, and the shares of contact lines and
/// of link text in it.
struct Judged {
    chars: usize,
    contact: f64,
    links: f64,
}

impl Judged {
    fn of(content: &str) -> Judged {
        let doc = Document::from(content);
        Judged {
            chars: chrome::norm(&doc.select("body").text()).chars().count(),
            contact: body::contact_share(&doc),
            links: body::link_share(&doc),
        }
    }

    /// Holds some text that is neither menu links nor footer lines.
    fn is_article(&self) -> bool {
        self.chars > 0 && self.contact < MAX_CONTACT_SHARE && self.links < MAX_LINK_SHARE
    }

    /// Not the article: too short beside the best block of prose (`score` characters), or
    /// mostly links or contact lines.
    fn is_lost(&self, score: usize) -> bool {
        self.chars < super::MIN_TEXT_CHARS || self.chars * 3 < score || !self.is_article()
    }
}

/// A page of its own around `body`, with the page's head (readability reads its metadata).
fn wrap(head: &str, lang: &str, body: &str) -> Document {
    Document::from(format!(
        "<html lang=\"{lang}\"><head>{head}</head><body><article>{body}</article></body></html>"
    ))
}

/// Readability on `body` alone; `body` itself when readability finds nothing or cuts it short.
fn readable(head: &str, lang: &str, body: &str, url: Option<&str>) -> String {
    let cleaned = Readability::with_document(wrap(head, lang, body), url, Some(Config::default()))
        .ok()
        .and_then(|mut r| r.parse().ok())
        .map(|a| a.content.to_string());
    match cleaned {
        Some(c) if text_chars(&c) * 10 >= text_chars(body) * 6 => c,
        _ => body.to_string(),
    }
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
        if as_figure(table) {
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

/// Lists left with nothing to show (their items were chrome): html2text's list layout
/// underflows on an empty list.
fn drop_empty_lists(doc: &Document) {
    let Some(lists) = doc.try_select("ul, ol") else {
        return;
    };
    // Innermost first, so an outer list holding only empty lists goes too.
    for list in lists.nodes().iter().rev() {
        if chrome::norm(&list.text()).is_empty() && list.find(&["img"]).is_empty() {
            list.remove_from_parent();
        }
    }
}

/// A layout table holding one picture and its caption becomes a figure, so the caption is
/// shown once, as the picture's (see [`super::dedupe::dedupe`]).
fn as_figure(table: &dom_query::NodeRef) -> bool {
    let imgs = table.find(&["img"]);
    let [img] = imgs.as_slice() else {
        return false;
    };
    let caption = table
        .find(&["tr"])
        .iter()
        .filter(|tr| tr.find(&["img"]).is_empty())
        .map(|tr| chrome::norm(&tr.text()))
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if caption.is_empty() || caption.chars().count() > 300 {
        return false;
    }
    let html = format!(
        "<figure>{}<figcaption>{}</figcaption></figure>",
        img.html(),
        escape(&caption)
    );
    table.replace_with_html(html);
    true
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
    fn empty_lists_go() {
        let doc = Document::from("<ul><li><ul><li> </li></ul></li></ul><ol><li>x</li></ol>");
        drop_empty_lists(&doc);
        assert_eq!(doc.select("ul").length(), 0);
        assert_eq!(doc.select("ol").length(), 1);
    }

    #[test]
    fn layout_tables_become_blocks_and_data_tables_stay() {
        let doc = Document::from(
            "<table class=tplCaption><tr><td><img src=a.jpg alt=x></td></tr>\
             <tr><td><p>Chú thích</p></td></tr></table>\
             <table class=box><tr><td><p>Một khung chữ</p></td></tr></table>\
             <table><tr><td>Tỉnh</td><td>Sản lượng</td></tr></table>",
        );
        unwrap_layout_tables(&doc);
        assert_eq!(doc.select("table").length(), 1);
        assert_eq!(doc.select("td").length(), 2);
        assert!(doc.select("div.box p").exists());
        // A picture and its caption make a figure.
        assert_eq!(doc.select("figure figcaption").text().as_ref(), "Chú thích");
        assert!(doc.select("figure img[src='a.jpg']").exists());
    }
}
