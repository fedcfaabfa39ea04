//! Metadata read from the whole page before anything is removed: title, byline, published
//! date, site name, language, the page's own rating and view count.
//! Machine sources first (meta tags, JSON-LD, `<time datetime>`, schema.org microdata),
//! then what the page writes for people ("Lượt xem: 1,705", "4/5 (1,024 lượt)").

//!
//! Title, byline, publication time and source go through a stage of candidates and
//! evidence: every place a field can come from offers a value, each is scored by where it was
//! found and how well it agrees with the others, refused when it cannot be one (a publisher
//! as a byline, a reader from the comments), and the winner kept with the reasons
//! ([`Evidence`], shown by `read --json --debug`).
mod byline;
mod counts;
mod evidence;
mod lists;
mod names;
mod page;
mod published;
pub mod signature;

pub(crate) use counts::{RATING_TEXT, VIEWS_TEXT, VIEWS_TEXT_AFTER};
pub use evidence::Evidence;

use super::ArticleMeta;
use super::rules::SiteRule;
use dom_query::Document;
use evidence::{Candidate, decide};
use names::SiteIds;
use published::DateCand;
use serde_json::Value;

/// Candidates read from the whole page, before anything is removed; the signature at the
/// end of the body and readability's guesses join them in [`Gathered::finish`].
pub(crate) struct Gathered {
    bylines: Vec<Candidate>,
    readers: Vec<String>,
    dates: Vec<DateCand>,
    sources: Vec<Candidate>,
    site: SiteIds,
}

/// Everything the page says about itself, with byline and date decided from the page alone
/// (no body signature): what [`gather`] and [`Gathered::finish`] give without a body.
#[cfg(test)]
pub fn collect(doc: &Document, rule: Option<&SiteRule>, ld: &[Value]) -> ArticleMeta {
    let (mut meta, g) = gather(doc, rule, ld, &[], None);
    let _ = g.finish(&mut meta, None, None);
    meta
}

/// Everything the page says about itself. `ld` is the page's [`json_ld`], read once by the
/// caller (titles use it too); `titles` the page's stated titles (they find the headline);
/// `host` the page's host (a byline naming it is no writer).
pub(crate) fn gather(
    doc: &Document,
    rule: Option<&SiteRule>,
    ld: &[Value],
    titles: &[String],
    host: Option<&str>,
) -> (ArticleMeta, Gathered) {
    let body_text = {
        // Counters and widgets sit near the top or the end; never scan megabytes.
        let t = doc
            .select("body")
            .nodes()
            .first()
            .map(spaced_text)
            .unwrap_or_default();
        let n = t.chars().count();
        if n <= 40_000 {
            t
        } else {
            let head: String = t.chars().take(20_000).collect();
            let tail: String = t.chars().skip(n - 20_000).collect();
            head + " " + &tail
        }
    };
    let site_name = meta_content(
        doc,
        &[
            "meta[property='og:site_name']",
            "meta[name='application-name']",
        ],
    )
    .or_else(|| ld_str(ld, &["publisher", "name"]));
    let publisher = ld_str(ld, &["publisher", "name"]);
    let site = SiteIds::new(
        site_name.iter().chain(publisher.iter()).map(String::as_str),
        host,
    );
    let layout = page::Layout::read(doc, titles);
    let (bylines, readers) = byline::gather(doc, rule, ld, &layout, &site);
    let dates = published::gather(doc, rule, ld, &layout);
    let sources = page_sources(doc, &layout);
    let meta = ArticleMeta {
        title: rule_text(doc, rule.map_or(&[][..], |r| r.title), false).or_else(|| {
            meta_content(
                doc,
                &["meta[property='og:title']", "meta[name='twitter:title']"],
            )
        }),
        byline: None,
        published: None,
        site_name,
        source: None,
        url: None,
        lang: lang(doc),
        rating: counts::rating(doc, ld, &body_text),
        views: counts::views(&body_text).or_else(|| counts::ld_views(ld)),
        image: None,
    };
    let g = Gathered {
        bylines,
        readers,
        dates,
        sources,
        site,
    };
    (meta, g)
}

/// What the stage decided beyond the metadata.
pub(crate) struct Finished {
    pub evidence: Vec<Evidence>,
    /// The signature's names are the byline: it leaves the body.
    pub signed: bool,
    /// The byline line the header stands for, even one that names no writer: the body's
    /// copy of it goes.
    pub header_line: Option<String>,
}

/// Readability's own findings, the weakest candidates.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Guesses<'a> {
    pub byline: Option<&'a str>,
    pub published: Option<&'a str>,
}

impl Gathered {
    /// Adds the body's signature and readability's guesses, scores every candidate by the
    /// others, and writes the winners into `meta`.
    pub fn finish(
        mut self,
        meta: &mut ArticleMeta,
        sig: Option<&signature::Signature>,
        guesses: Option<Guesses>,
    ) -> Finished {
        if let Some(names) = sig.and_then(|s| s.signed.names.clone()) {
            let mut c = Candidate::new(names, "signature", byline::SIGNATURE);
            if sig.is_some_and(|s| s.set_apart) {
                c.adjust(5, "set apart (bold or right-aligned)");
            }
            byline::judge(&mut c, &self.site, &self.readers);
            self.bylines.push(c);
        }
        if let Some(src) = sig.and_then(|s| s.signed.source.clone()) {
            self.sources.insert(0, Candidate::new(src, "signature", 70));
        }
        let guesses = guesses.unwrap_or_default();
        if let Some(mut c) = guesses.byline.and_then(byline::readability_candidate) {
            byline::judge(&mut c, &self.site, &self.readers);
            self.bylines.push(c);
        }
        if let Some(d) = guesses
            .published
            .and_then(|p| DateCand::new(p, "readability", published::READABILITY, false))
        {
            self.dates.push(d);
        }
        byline::agree(&mut self.bylines);
        published::reconcile(&mut self.dates);
        for c in &mut self.sources {
            if names::not_a_writer(&c.value, &self.site) == Some("names the site or its publisher")
            {
                c.refuse("names the site itself");
            }
        }
        let (by, mut evidence) = decide("byline", self.bylines);
        let (date, ev) = decide(
            "published",
            self.dates.into_iter().map(|d| d.cand).collect(),
        );
        evidence.extend(ev);
        let (source, ev) = decide("source", self.sources);
        evidence.extend(ev);
        // The signature leaves the body when the header says it: kept, or naming the writer
        // another place gave.
        let signed_names = sig
            .and_then(|s| s.signed.names.as_deref())
            .map(byline::letters);
        let used_signature =
            signed_names.is_some_and(|n| by.as_deref().is_some_and(|b| byline::letters(b) == n));
        // A byline line that names no writer ("HNN Staff") is still a header line: the body
        // need not repeat it.
        let header_line = by.clone().or_else(|| {
            evidence
                .iter()
                .filter(|e| e.field == "byline" && e.from != "signature")
                .filter(|e| !e.why.iter().any(|w| w.starts_with("a reader")))
                .max_by_key(|e| e.score)
                .map(|e| e.value.clone())
        });
        meta.byline = by;
        meta.published = date;
        meta.source = source;
        Finished {
            evidence,
            signed: used_signature,
            header_line,
        }
    }
}

/// Source lines the page shows outside the body ("Nguồn: Báo Mẫu" in a source box).
fn page_sources(doc: &Document, layout: &page::Layout) -> Vec<Candidate> {
    // An author slot may name the source instead ("Theo Thể Thao Văn Hóa").
    let Some(found) = doc.try_select("[class*=source], [class*=nguon], [class*=author]") else {
        return Vec::new();
    };
    found
        .nodes()
        .iter()
        .filter(|n| !layout.is_barred(n))
        .filter_map(|n| {
            let t = crate::text::clean_line(&n.text());
            (t.chars().count() <= 80)
                .then(|| names::source_of(&t))
                .flatten()
        })
        .take(1)
        .map(|s| Candidate::new(s, "visible source line", 60))
        .collect()
}

/// The text of `node` with a space between text nodes, so that "Lượt xem: 1,705" in one
/// element and "4/5" in the next do not run together.
pub(crate) fn spaced_text(node: &dom_query::NodeRef) -> String {
    let mut out = String::new();
    for d in node.descendants_it() {
        if d.is_text() {
            out.push_str(&d.text());
            out.push(' ');
        }
    }
    out
}

fn clean(s: &str) -> Option<String> {
    let s = crate::text::clean_line(s);
    (!s.is_empty()).then_some(s)
}

fn meta_content(doc: &Document, sels: &[&str]) -> Option<String> {
    sels.iter().find_map(|sel| {
        doc.try_select(sel)?
            .nodes()
            .iter()
            .find_map(|n| n.attr("content").and_then(|c| clean(&c)))
    })
}

/// The text of a rule's selector: the first match, or the last one when `last`.
fn rule_text(doc: &Document, sels: &[&str], last: bool) -> Option<String> {
    sels.iter().find_map(|sel| {
        let found = doc.try_select(sel)?;
        let nodes = found.nodes();
        let mut texts = nodes.iter().filter_map(|n| clean(&n.text()));
        if last {
            texts.next_back()
        } else {
            texts.next()
        }
    })
}

pub(crate) fn json_ld(doc: &Document) -> Vec<Value> {
    let Some(scripts) = doc.try_select("script[type*='ld+json']") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for s in scripts.nodes() {
        let text = s.text();
        let text = text
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>");
        if let Ok(v) = serde_json::from_str::<Value>(text) {
            flatten_ld(v, &mut out, 0);
        }
    }
    out
}

/// Arrays and `@graph` lists become one list of objects.
fn flatten_ld(v: Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::Array(items) => items
            .into_iter()
            .for_each(|i| flatten_ld(i, out, depth + 1)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten_ld(graph, out, depth + 1);
            }
            out.push(Value::Object(map));
        }
        _ => {}
    }
}

/// A string at `path` in the first JSON-LD object that has one; a list or an object with a
/// "name" yields the name.
fn ld_str(ld: &[Value], path: &[&str]) -> Option<String> {
    ld.iter().find_map(|obj| {
        let mut v = obj;
        for key in path {
            v = v.get(key)?;
        }
        value_text(v)
    })
}

fn value_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => clean(s),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(value_text).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        Value::Object(_) => v.get("name").and_then(value_text),
        _ => None,
    }
}

fn lang(doc: &Document) -> Option<String> {
    doc.select("html")
        .attr("lang")
        .and_then(|l| clean(&l))
        .or_else(|| {
            meta_content(
                doc,
                &[
                    "meta[http-equiv='content-language']",
                    "meta[property='og:locale']",
                ],
            )
        })
        .map(|l| l.replace('_', "-"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::PageRating;

    fn page_meta(doc: &Document) -> ArticleMeta {
        collect(doc, None, &json_ld(doc))
    }

    #[test]
    fn todays_date_in_the_site_header_is_not_the_article_date() {
        let doc = Document::from(
            "<html><body><header><span class=date>Thứ sáu, 27/11/2026</span></header><p>Bài.</p></body></html>",
        );
        assert_eq!(page_meta(&doc).published, None);
    }

    #[test]
    fn rating_and_views_from_text() {
        let doc = Document::from(
            "<html lang=vi><body><span class=date>22-08-2020 Lượt xem: 1,705</span><div>4/5 (1,024 lượt)</div></body></html>",
        );
        let m = page_meta(&doc);
        assert_eq!(m.views, Some(1705));
        assert_eq!(
            m.rating,
            Some(PageRating {
                value: 4.0,
                best: 5.0,
                count: Some(1024)
            })
        );
        assert_eq!(m.published.as_deref(), Some("2020-08-22T00:00:00+07:00"));
        assert_eq!(m.lang.as_deref(), Some("vi"));
    }

    #[test]
    fn json_ld_wins_for_machine_fields() {
        let doc = Document::from(
            r#"<html><head><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle",
            "datePublished":"2024-03-01T08:00:00+07:00","author":[{"name":"Lê Hoa"}],
            "publisher":{"name":"Báo Mẫu"},"aggregateRating":{"ratingValue":"4.5","bestRating":5,"ratingCount":"12"}}]}
            </script></head><body><p>x</p></body></html>"#,
        );
        let m = page_meta(&doc);
        assert_eq!(m.published.as_deref(), Some("2024-03-01T08:00:00+07:00"));
        assert_eq!(m.byline.as_deref(), Some("Lê Hoa"));
        assert_eq!(m.site_name.as_deref(), Some("Báo Mẫu"));
        assert_eq!(
            m.rating,
            Some(PageRating {
                value: 4.5,
                best: 5.0,
                count: Some(12)
            })
        );
    }

    #[test]
    fn a_rating_above_its_best_is_no_rating_from_any_source() {
        let ld = r#"<script type="application/ld+json">{"aggregateRating":
            {"ratingValue":"45","bestRating":5}}</script>"#;
        let micro = r#"<div itemprop=aggregateRating><meta itemprop=ratingValue content=7>
            <meta itemprop=bestRating content=5></div>"#;
        for page in [ld, micro] {
            assert_eq!(page_meta(&Document::from(page)).rating, None, "{page}");
            // A sound rating further on is still found.
            let with_text = format!("{page}<p>4/5 (12 lượt)</p>");
            assert_eq!(
                page_meta(&Document::from(with_text.as_str())).rating,
                Some(PageRating {
                    value: 4.0,
                    best: 5.0,
                    count: Some(12)
                })
            );
        }
    }

    #[test]
    fn views_from_json_ld_when_the_text_has_none() {
        let page = |text: &str| {
            format!(
                r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle",
                "interactionStatistic":[{{"@type":"InteractionCounter",
                "interactionType":"https://schema.org/CommentAction","userInteractionCount":7}},
                {{"@type":"InteractionCounter","interactionType":{{"@type":"ReadAction"}},
                "userInteractionCount":"12.345"}}]}}</script></head><body><p>{text}</p></body></html>"#
            )
        };
        assert_eq!(page_meta(&Document::from(page("Bài."))).views, Some(12345));
        // The page's own words win.
        let m = page_meta(&Document::from(page("Lượt xem: 1,705")));
        assert_eq!(m.views, Some(1705));
        let one = r#"<script type="application/ld+json">{"interactionStatistic":{
            "interactionType":"http://schema.org/WatchAction","userInteractionCount":42}}</script>"#;
        assert_eq!(page_meta(&Document::from(one)).views, Some(42));
        let other = r#"<script type="application/ld+json">{"interactionStatistic":{
            "interactionType":"LikeAction","userInteractionCount":42}}</script>"#;
        assert_eq!(page_meta(&Document::from(other)).views, None);
    }

    #[test]
    fn microdata_rating() {
        let doc = Document::from(
            r#"<div itemprop="aggregateRating" itemscope itemtype="https://schema.org/AggregateRating">
            <meta itemprop="ratingValue" content="3"><span itemprop="ratingCount">1.024</span></div>"#,
        );
        let m = page_meta(&doc);
        assert_eq!(
            m.rating,
            Some(PageRating {
                value: 3.0,
                best: 5.0,
                count: Some(1024)
            })
        );
    }
}
