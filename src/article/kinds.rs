//! Pages that are not articles, and what a reader wants from each: a listing or collection
//! (its items with their titles), a forum thread (its posts), a product page (the product's
//! description), a documentation page (its main text). The signals are the page's own
//! statements (JSON-LD and microdata types, `og:type`, the generator) and its shape (a grid of
//! linked cards, repeated posts). Shapes of common forum engines and documentation generators
//! are data below.
use super::chrome::norm;
use dom_query::{Document, NodeId, NodeRef, Selection};
use serde_json::Value;
use std::collections::HashSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    Article,
    Listing,
    Forum,
    Product,
    Docs,
}

/// What the kind found for the body.
pub enum Body {
    /// Final article HTML, built from the page's parts (a listing's items, a thread's posts).
    Built(String),
    /// The part of the page holding the body: readability cleans it, and it is trusted
    /// when readability cuts it short (as a site rule's body is).
    Scoped(String),
}

/// Forum engines: (post, its message within the post, its author within the post).
const FORUM_POSTS: &[(&str, &str, &str)] = &[
    // Schema.org microdata, which many engines emit.
    (
        "[itemtype*='schema.org/DiscussionForumPosting'], [itemtype*='schema.org/Answer'], \
         [itemtype*='schema.org/Question']",
        "[itemprop=text], [itemprop=articleBody]",
        "[itemprop=author] [itemprop=name], [itemprop=author]",
    ),
    // XenForo.
    (
        "article.message",
        ".bbWrapper, .message-body",
        ".message-name, .username",
    ),
    // Discourse.
    (".topic-post", ".cooked", ".names .username, .username"),
    // vBulletin.
    (
        "li.postcontainer, li.postbit, div.postbit",
        "[id^=post_message_], .postcontent",
        ".username",
    ),
    // phpBB and most hand-made boards.
    (
        "div.post, li.post, article.post, div.forum-post, div.post-item, div.reply",
        ".content, .postbody, .post-content, .post-body, .post-message, .message",
        ".author, .username, .user-name, .poster",
    ),
];

/// Documentation generators' content containers.
const DOCS_BODY: &[&str] = &[
    ".rst-content [role=main]",
    ".rst-content",
    ".md-content",
    ".theme-doc-markdown",
    ".vp-doc",
    "#main-content.section",
    ".markdown-body",
    ".docs-content",
    "main article",
    "[role=main]",
    "main",
];
/// Generators (`<meta name="generator">`) that make documentation sites.
const DOCS_GENERATORS: &[&str] = &[
    "sphinx",
    "mkdocs",
    "docusaurus",
    "vitepress",
    "gitbook",
    "rustdoc",
    "docfx",
    "doxygen",
    "javadoc",
    "antora",
    "mdbook",
];

/// Where a product's description is kept, most specific first.
const PRODUCT_DESCRIPTION: &[&str] = &[
    "[itemtype*='schema.org/Product'] [itemprop=description]",
    "#tab-description",
    "#productDescription",
    "#description",
    ".product-description",
    ".product__description",
    ".woocommerce-product-details__short-description",
    ".product-detail-description",
    "[class*=product-desc]",
    "[id*=description]",
    "[class*=description]",
];

/// A grid needs this many cards, each with a title link at least this long.
const MIN_CARDS: usize = 4;
const MIN_CARD_TITLE: usize = 12;
/// Prose this long in one block makes a page an article whatever else it holds.
const ARTICLE_PROSE: usize = 600;

/// The page's kind and, for every kind but an article, its body.
/// `base` makes the links of a listing absolute; `prose` is the characters of prose in the
/// page's best block (see [`super::body::best_block`]).
pub fn read(
    doc: &Document,
    ld: &[Value],
    base: Option<&url::Url>,
    prose: usize,
) -> (PageKind, Option<Body>) {
    let said = declared(doc, ld);
    if said == Some(PageKind::Article) {
        return (PageKind::Article, None);
    }
    if said.is_none_or(|k| k == PageKind::Forum)
        && let Some(thread) = forum(doc)
    {
        return (PageKind::Forum, Some(Body::Built(thread)));
    }
    if said == Some(PageKind::Product) {
        return (PageKind::Product, product(doc, ld).map(Body::Scoped));
    }
    if said == Some(PageKind::Docs) || generator_is_docs(doc) {
        return (PageKind::Docs, docs(doc).map(Body::Scoped));
    }
    let listed = said == Some(PageKind::Listing);
    if (listed || prose < ARTICLE_PROSE)
        && let Some((items, titles)) = listing(doc, base)
        && (listed || titles > prose)
    {
        return (PageKind::Listing, Some(Body::Built(items)));
    }
    (said.unwrap_or(PageKind::Article), None)
}

/// What the page says it is: JSON-LD `@type`, microdata, `og:type`.
fn declared(doc: &Document, ld: &[Value]) -> Option<PageKind> {
    let types = ld
        .iter()
        .filter_map(|o| o.get("@type"))
        .flat_map(|t| match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        });
    let mut found = None;
    for t in types {
        let kind = match t {
            _ if t.ends_with("Article") || t == "BlogPosting" || t == "Report" => {
                if t == "TechArticle" || t == "APIReference" {
                    PageKind::Docs
                } else {
                    PageKind::Article
                }
            }
            "Product" | "ProductGroup" | "IndividualProduct" => PageKind::Product,
            "DiscussionForumPosting" | "QAPage" | "Question" => PageKind::Forum,
            "CollectionPage" | "ItemList" | "SearchResultsPage" => PageKind::Listing,
            _ => continue,
        };
        // An article about a product or quoting a forum stays an article.
        if kind == PageKind::Article {
            return Some(kind);
        }
        found.get_or_insert(kind);
    }
    if found.is_some() {
        return found;
    }
    let og = doc
        .try_select("meta[property='og:type']")
        .and_then(|m| m.attr("content"))
        .map(|c| c.to_ascii_lowercase());
    match og.as_deref() {
        Some("article") => return Some(PageKind::Article),
        Some(t) if t.contains("product") => return Some(PageKind::Product),
        _ => {}
    }
    if doc.try_select("[itemtype*='schema.org/Product']").is_some() {
        return Some(PageKind::Product);
    }
    if doc
        .try_select("[itemtype*='schema.org/NewsArticle'], [itemtype*='schema.org/Article'], [itemtype*='schema.org/BlogPosting']")
        .is_some()
    {
        return Some(PageKind::Article);
    }
    None
}

fn generator_is_docs(doc: &Document) -> bool {
    let Some(meta) = doc.try_select("meta[name=generator]") else {
        return false;
    };
    meta.nodes().iter().any(|m| {
        let g = m.attr("content").unwrap_or_default().to_ascii_lowercase();
        DOCS_GENERATORS.iter().any(|d| g.contains(d))
    }) || doc
        .try_select(".rst-content, .md-content, .theme-doc-markdown, .vp-doc")
        .is_some()
}

fn docs(doc: &Document) -> Option<String> {
    DOCS_BODY.iter().find_map(|sel| {
        let node = *doc.try_select(sel)?.nodes().first()?;
        let text = norm(&node.text());
        (text.chars().count() >= 100).then(|| node.inner_html().to_string())
    })
}

/// The product's description: the largest of its description containers, else the
/// JSON-LD description. Variant tables and order forms are never the description.
fn product(doc: &Document, ld: &[Value]) -> Option<String> {
    if let Some(forms) = doc.try_select("form, select, table.variations") {
        forms.remove();
    }
    let from_page = PRODUCT_DESCRIPTION.iter().find_map(|sel| {
        let found = doc.try_select(sel)?;
        let best = found
            .nodes()
            .iter()
            .map(|n| (norm(&n.text()).chars().count(), *n))
            .filter(|(len, _)| *len >= 40)
            .max_by_key(|(len, n)| (*len, std::cmp::Reverse(n.id)))?;
        Some(best.1.html().to_string())
    });
    from_page.or_else(|| {
        let text = ld
            .iter()
            .filter(|o| o.get("@type").and_then(Value::as_str) == Some("Product"))
            .find_map(|o| o.get("description")?.as_str().map(str::to_string))?;
        let text = crate::text::clean_line(&text);
        (!text.is_empty()).then(|| {
            text.split("\n\n")
                .map(|p| format!("<p>{}</p>", escape(p)))
                .collect()
        })
    })
}

/// The posts of a thread, each under its author's name, when the page holds two or more.
fn forum(doc: &Document) -> Option<String> {
    FORUM_POSTS
        .iter()
        .find_map(|(post_sel, body_sel, author_sel)| {
            let posts = doc.try_select(post_sel)?;
            let ids: HashSet<NodeId> = posts.nodes().iter().map(|p| p.id).collect();
            // Posts nested in posts (a quoted post) are part of the outer one.
            let outer = posts
                .nodes()
                .iter()
                .filter(|p| !p.ancestors_it(Some(64)).any(|a| ids.contains(&a.id)));
            let mut html = String::new();
            let mut count = 0;
            for post in outer.take(500) {
                let within = Selection::from(*post);
                let Some(body) = within
                    .try_select(body_sel)
                    .and_then(|s| s.nodes().first().copied())
                else {
                    continue;
                };
                let text = norm(&body.text());
                if text.is_empty() {
                    continue;
                }
                let author = within
                    .try_select(author_sel)
                    .and_then(|a| a.nodes().first().map(|n| norm(&n.text())))
                    .filter(|a| !a.is_empty() && a.chars().count() <= 60);
                if count > 0 {
                    html.push_str("<hr>");
                }
                if let Some(author) = author {
                    html.push_str(&format!("<p><strong>{}</strong></p>", escape(&author)));
                }
                html.push_str(&format!("<div>{}</div>", body.inner_html()));
                count += 1;
            }
            (count >= 2).then_some(html)
        })
}

/// One card of a grid: its title link and its teaser.
struct Card {
    href: String,
    title: String,
    teaser: String,
}

/// The grids of linked cards on the page, as a list of items, and the characters of their
/// titles. A grid is an element with at least [`MIN_CARDS`] children of one shape (tag and
/// class) that each hold a title link.
fn listing(doc: &Document, base: Option<&url::Url>) -> Option<(String, usize)> {
    let all = doc.try_select("body *")?;
    let mut grids: Vec<(NodeRef, Vec<Card>)> = Vec::new();
    for parent in all.nodes() {
        let children = parent.element_children();
        if children.len() < MIN_CARDS || in_chrome(parent) {
            continue;
        }
        // The most common shape among the children.
        let mut shapes: Vec<(String, usize)> = Vec::new();
        for c in &children {
            let shape = shape_of(c);
            match shapes.iter_mut().find(|(s, _)| *s == shape) {
                Some((_, n)) => *n += 1,
                None => shapes.push((shape, 1)),
            }
        }
        let Some((shape, n)) = shapes.into_iter().max_by_key(|(_, n)| *n) else {
            continue;
        };
        if n < MIN_CARDS {
            continue;
        }
        let cards: Vec<Card> = children
            .iter()
            .filter(|c| shape_of(c) == shape)
            .filter_map(card)
            .collect();
        if cards.len() >= MIN_CARDS && cards.len() * 3 >= n * 2 {
            grids.push((*parent, cards));
        }
    }
    // A grid inside another grid's card is part of that card.
    let ids: Vec<_> = grids.iter().map(|(p, _)| p.id).collect();
    grids.retain(|(p, _)| !p.ancestors_it(Some(64)).any(|a| ids.contains(&a.id)));
    let titles: usize = grids
        .iter()
        .flat_map(|(_, cards)| cards.iter().map(|c| c.title.chars().count()))
        .sum();
    if grids.is_empty() {
        return None;
    }
    let mut html = String::new();
    for (_, cards) in &grids {
        html.push_str("<ul>");
        for c in cards {
            let href = base
                .and_then(|b| b.join(&c.href).ok())
                .map_or_else(|| c.href.clone(), |u| u.to_string());
            html.push_str(&format!(
                "<li><a href=\"{}\">{}</a>",
                escape(&href),
                escape(&c.title)
            ));
            if !c.teaser.is_empty() {
                html.push_str(&format!("<br>{}", escape(&c.teaser)));
            }
            html.push_str("</li>");
        }
        html.push_str("</ul>");
    }
    Some((html, titles))
}

fn shape_of(node: &NodeRef) -> String {
    format!(
        "{} {}",
        node.node_name().unwrap_or_default(),
        node.attr("class").unwrap_or_default()
    )
}

/// A card: its heading, else its longest link, is its title; the rest of its text, when
/// short, its teaser.
fn card(node: &NodeRef) -> Option<Card> {
    let mut links = node.find(&["a"]);
    if node.has_name("a") {
        links.push(*node);
    }
    let (longest, href) = links
        .iter()
        .filter_map(|a| Some((norm(&a.text()), a.attr("href")?.to_string())))
        .max_by_key(|(t, _)| t.chars().count())?;
    let heading = ["h2", "h3", "h4", "h5"]
        .iter()
        .find_map(|h| node.find(&[h]).first().map(|n| norm(&n.text())))
        .filter(|t| !t.is_empty());
    let title = heading.unwrap_or(longest);
    if title.chars().count() < MIN_CARD_TITLE || href.starts_with('#') {
        return None;
    }
    let text = norm(&node.text());
    let teaser = text
        .replacen(&title, "", 1)
        .trim_matches(|c: char| c.is_whitespace() || c == '|' || c == '-')
        .to_string();
    let teaser = if teaser.chars().count() > 400 {
        String::new()
    } else {
        teaser
    };
    Some(Card {
        href,
        title,
        teaser,
    })
}

fn in_chrome(node: &NodeRef) -> bool {
    std::iter::once(*node)
        .chain(node.ancestors_it(Some(64)))
        .any(|a| {
            a.node_name().is_some_and(|n| {
                matches!(n.as_ref(), "nav" | "header" | "footer" | "aside" | "menu")
            }) || {
                let words = format!(
                    "{} {}",
                    a.attr("class").unwrap_or_default(),
                    a.attr("id").unwrap_or_default()
                )
                .to_ascii_lowercase();
                [
                    "menu",
                    "footer",
                    "navbar",
                    "breadcrumb",
                    "pagination",
                    "sidebar",
                ]
                .iter()
                .any(|w| words.contains(w))
            }
        })
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(head: &str) -> Option<PageKind> {
        let doc = Document::from(format!("<html><head>{head}</head><body></body></html>"));
        declared(&doc, &super::super::meta::json_ld(&doc))
    }

    #[test]
    fn what_a_page_says_it_is() {
        let ld = |t: &str| format!("<script type='application/ld+json'>{{\"@type\":{t}}}</script>");
        assert_eq!(said(&ld("\"NewsArticle\"")), Some(PageKind::Article));
        assert_eq!(said(&ld("\"TechArticle\"")), Some(PageKind::Docs));
        assert_eq!(said(&ld("[\"Product\"]")), Some(PageKind::Product));
        assert_eq!(said(&ld("\"QAPage\"")), Some(PageKind::Forum));
        assert_eq!(said(&ld("\"CollectionPage\"")), Some(PageKind::Listing));
        // A review of a product is an article.
        assert_eq!(
            said(&format!("{}{}", ld("\"Product\""), ld("\"Article\""))),
            Some(PageKind::Article)
        );
        assert_eq!(
            said("<meta property='og:type' content='og:product'>"),
            Some(PageKind::Product)
        );
        assert_eq!(said("<meta property='og:type' content='website'>"), None);
    }
}
