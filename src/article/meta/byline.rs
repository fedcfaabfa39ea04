//! Byline candidates from every place a page names its writer: the site rule, the visible
//! author block, JSON-LD, meta tags, microdata; the signature at the end of the body and
//! readability's guess come later ([`super::Gathered::finish`]).
use super::evidence::Candidate;
use super::names::{SiteIds, is_names, not_a_writer, signed, strip_role};
use super::page::Layout;
use crate::article::rules::SiteRule;
use dom_query::{Document, NodeRef};
use serde_json::Value;

/// How much each place is trusted, before agreement.
pub const RULE: i32 = 90;
pub const VISIBLE_NEAR: i32 = 75;
pub const SIGNATURE: i32 = 70;
pub const JSON_LD_PERSON: i32 = 60;
pub const JSON_LD: i32 = 55;
pub const META: i32 = 50;
pub const VISIBLE_FAR: i32 = 45;
pub const READABILITY: i32 = 30;
/// Added for each other place that names the same writer.
pub const AGREEMENT: i32 = 15;

/// Nodes inside an author block, at most.
const MAX_BLOCK_NODES: usize = 60;
/// Author blocks looked at, at most.
const MAX_BLOCKS: usize = 200;

/// Elements that hold a writer's name, in the page's own words.
const AUTHOR_BLOCKS: &str = "[itemprop=author], [rel=author], [class*=author], [class*=byline], \
    [class*=tac-gia], [class*=tacgia], [class*=writer], [class*=reporter], [id*=author]";

static INNER: std::sync::LazyLock<dom_query::Matcher> = std::sync::LazyLock::new(|| {
    #[allow(clippy::expect_used, reason = "a constant selector")]
    dom_query::Matcher::new("[class*=author], [itemprop=name]").expect("valid selector")
});

/// JSON-LD objects that are not the article: their authors are readers or reviewers.
const NOT_ARTICLE_TYPES: &[&str] = &["Comment", "Review", "Question", "Answer", "Rating"];

pub(crate) fn gather(
    doc: &Document,
    rule: Option<&SiteRule>,
    ld: &[Value],
    layout: &Layout,
    site: &SiteIds,
) -> (Vec<Candidate>, Vec<String>) {
    let mut out = Vec::new();
    if let Some(r) = rule {
        let last = r.author.iter().find_map(|sel| {
            let found = doc.try_select(sel)?;
            let nodes = found.nodes();
            nodes
                .iter()
                .rev()
                .map(|n| crate::text::clean_line(&n.text()))
                .find(|t| !t.is_empty())
        });
        if let Some(text) = last {
            let value = signed(&text)
                .and_then(|s| s.names)
                .unwrap_or_else(|| strip_role(&text).to_string());
            out.push(Candidate::new(value, "site rule", RULE));
        }
    }
    let mut readers = Vec::new();
    if let Some(found) = doc.try_select(AUTHOR_BLOCKS) {
        // A hostile page may have thousands; a real one has a few.
        for node in found.nodes().iter().take(MAX_BLOCKS) {
            // A page wrapper named "author-page" is no author block.
            if node.descendants_it().nth(MAX_BLOCK_NODES).is_some()
                || node.text().chars().count() > 200
            {
                continue;
            }
            if layout.is_barred(node) {
                readers.extend(name_in(node));
                continue;
            }
            // The innermost block says it best ("<div class=author><a class=author-name>").
            if node
                .descendants_it()
                .any(|d| d.is_element() && d.is_match(&INNER))
            {
                continue;
            }
            let Some(name) = name_in(node) else { continue };
            if out.iter().any(|c: &Candidate| c.value == name) {
                continue;
            }
            let (from, score) = if layout.near_headline(node) {
                ("visible near the headline", VISIBLE_NEAR)
            } else if layout.has_headline() {
                ("visible", VISIBLE_FAR)
            } else {
                ("visible", (VISIBLE_NEAR + VISIBLE_FAR) / 2)
            };
            out.push(Candidate::new(name, from, score));
        }
    }
    for obj in ld.iter().filter(|o| is_article(o)) {
        if let Some(author) = obj.get("author") {
            let (names, org) = ld_names(author);
            if !names.is_empty() {
                let typed = author_typed(author);
                let mut c = Candidate::new(
                    names.join(", "),
                    "JSON-LD author",
                    if typed { JSON_LD_PERSON } else { JSON_LD },
                );
                if org {
                    c.refuse("an organisation (its JSON-LD type says so)");
                }
                out.push(c);
                break;
            }
        }
    }
    for sel in [
        "meta[name='author']",
        "meta[property='article:author']",
        "meta[name='dc.creator']",
    ] {
        let Some(found) = doc.try_select(sel) else {
            continue;
        };
        if let Some(v) = found
            .nodes()
            .iter()
            .filter_map(|n| n.attr("content"))
            .map(|c| crate::text::clean_line(&c))
            .find(|c| !c.is_empty() && !c.starts_with("http"))
        {
            out.push(Candidate::new(
                strip_role(&v).to_string(),
                "meta author",
                META,
            ));
            break;
        }
    }
    for c in &mut out {
        judge(c, site, &readers);
    }
    (out, readers)
}

/// Refuses a candidate that names no writer, or a reader from the comments.
pub(crate) fn judge(c: &mut Candidate, site: &SiteIds, readers: &[String]) {
    if c.refused {
        return;
    }
    if c.value.is_empty() || c.value.chars().count() > 100 {
        c.refuse("empty or too long for a name");
        return;
    }
    if let Some(why) = not_a_writer(&c.value, site) {
        c.refuse(why);
        return;
    }
    // Only a name read off the page's text can be a commenter's; a tag the CMS wrote for
    // the article is its writer, who may answer readers in the comments too.
    let from_text = matches!(
        c.from,
        "readability" | "visible" | "visible near the headline"
    );
    if from_text && readers.iter().any(|r| r == &c.value) {
        c.refuse("a reader: named in the comments");
    }
}

/// A writer's name in an author block: its text, or a child's when the block holds more
/// ("Trần Thu Hà · Phóng viên").
fn name_in(node: &NodeRef) -> Option<String> {
    let text = crate::text::clean_line(&node.text());
    if text.chars().count() <= 100
        && let Some(n) = signed(&text).and_then(|s| s.names)
    {
        return Some(n);
    }
    node.descendants_it()
        .filter(|d| d.is_element())
        .take(20)
        .find_map(|d| {
            let t = crate::text::clean_line(&d.text());
            (t.chars().count() <= 60)
                .then(|| signed(&t).and_then(|s| s.names))
                .flatten()
        })
}

fn is_article(obj: &Value) -> bool {
    let ty = |t: &str| !NOT_ARTICLE_TYPES.contains(&t);
    match obj.get("@type") {
        Some(Value::String(t)) => ty(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).all(ty),
        _ => true,
    }
}

/// The names of a JSON-LD author (a string, a Person, a list); and whether one is typed
/// an organisation.
fn ld_names(v: &Value) -> (Vec<String>, bool) {
    let mut names = Vec::new();
    let mut org = false;
    let items: Vec<&Value> = match v {
        Value::Array(items) => items.iter().take(10).collect(),
        other => vec![other],
    };
    for item in items {
        let name = match item {
            Value::String(s) => Some(s.as_str()),
            Value::Object(o) => {
                if o.get("@type")
                    .and_then(Value::as_str)
                    .is_some_and(|t| t.contains("Organization") || t == "NewsMediaOrganization")
                {
                    org = true;
                }
                o.get("name").and_then(Value::as_str)
            }
            _ => None,
        };
        if let Some(n) = name.map(crate::text::clean_line).filter(|n| !n.is_empty()) {
            names.push(strip_role(&n).to_string());
        }
    }
    (names, org)
}

/// Whether the author is said to be a Person.
fn author_typed(v: &Value) -> bool {
    let person = |o: &Value| o.get("@type").and_then(Value::as_str) == Some("Person");
    match v {
        Value::Array(items) => items.iter().any(person),
        other => person(other),
    }
}

/// Adds agreement: each candidate gains for every other place naming the same writer.
pub(crate) fn agree(cands: &mut [Candidate]) {
    let keys: Vec<String> = cands.iter().map(|c| letters(&c.value)).collect();
    let bonus: Vec<Vec<&'static str>> = (0..cands.len())
        .map(|i| {
            let mut froms: Vec<&'static str> = Vec::new();
            for j in 0..cands.len() {
                if i == j
                    || cands[j].refused
                    || cands[j].from == cands[i].from
                    || cands[j].from == "readability"
                {
                    continue;
                }
                let (a, b) = (&keys[i], &keys[j]);
                let same = a == b
                    || (a.len() >= 4
                        && b.len() >= 4
                        && (a.contains(b.as_str()) || b.contains(a.as_str())));
                if same && !froms.contains(&cands[j].from) {
                    froms.push(cands[j].from);
                }
            }
            froms
        })
        .collect();
    for (c, froms) in cands.iter_mut().zip(bonus) {
        if c.refused {
            continue;
        }
        for f in froms {
            c.adjust(AGREEMENT, format!("agrees with {f}"));
        }
    }
}

pub(crate) fn letters(s: &str) -> String {
    crate::text::fold(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Whether a line could be a writer's names: used for readability's guess.
pub(crate) fn readability_candidate(raw: &str) -> Option<Candidate> {
    let text = crate::text::clean_line(raw);
    let name = signed(&text)
        .and_then(|s| s.names)
        .or_else(|| is_names(&text).then(|| text.clone()))?;
    Some(Candidate::new(name, "readability", READABILITY))
}
