//! Metadata read from the whole page before anything is removed: title, byline, published
//! date, site name, language, the page's own rating and view count.
//! Machine sources first (meta tags, JSON-LD, `<time datetime>`, schema.org microdata),
//! then what the page writes for people ("Lượt xem: 1,705", "4/5 (1,024 lượt)").

use super::rules::SiteRule;
use super::{ArticleMeta, PageRating};
use dom_query::Document;
use regex::Regex;
use serde_json::Value;
use std::sync::LazyLock;

/// "4/5 (1,024 lượt)", "4.5/5 (12 votes)", "4,5/5 - 1.024 lượt đánh giá".
#[allow(
    clippy::expect_used,
    reason = "a constant pattern, compiled by the tests"
)]
pub(crate) static RATING_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(\d(?:[.,]\d{1,2})?)\s*/\s*(\d{1,2})\s*(?:\(|-|–|:)?\s*(\d[\d.,]*)\s*(?:lượt|votes?|ratings?|đánh giá)",
    )
    .expect("valid regex")
});
/// "Lượt xem: 1,705". (English "views" is left alone: "Her views: 3 things" is a headline.)
#[allow(
    clippy::expect_used,
    reason = "a constant pattern, compiled by the tests"
)]
pub(crate) static VIEWS_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:lượt xem|lượt đọc)\s*:?\s*(\d[\d.,]*)").expect("valid regex")
});
/// "1.705 lượt xem".
#[allow(
    clippy::expect_used,
    reason = "a constant pattern, compiled by the tests"
)]
pub(crate) static VIEWS_TEXT_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(\d[\d.,]*)\s*(?:lượt xem|lượt đọc)").expect("valid regex"));

/// Everything the page says about itself; readability's findings fill the gaps later.
/// `ld` is the page's [`json_ld`], read once by the caller (titles use it too).
pub fn collect(doc: &Document, rule: Option<&SiteRule>, ld: &[Value]) -> ArticleMeta {
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
    ArticleMeta {
        title: rule_text(doc, rule.map_or(&[][..], |r| r.title), false).or_else(|| {
            meta_content(
                doc,
                &["meta[property='og:title']", "meta[name='twitter:title']"],
            )
        }),
        byline: byline(doc, rule, ld),
        published: published(doc, rule, ld),
        site_name: meta_content(
            doc,
            &[
                "meta[property='og:site_name']",
                "meta[name='application-name']",
            ],
        )
        .or_else(|| ld_str(ld, &["publisher", "name"])),
        url: None,
        lang: lang(doc),
        rating: rating(doc, ld, &body_text),
        views: views(&body_text).or_else(|| ld_views(ld)),
        image: None,
    }
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

fn byline(doc: &Document, rule: Option<&SiteRule>, ld: &[Value]) -> Option<String> {
    rule_text(doc, rule.map_or(&[][..], |r| r.author), true)
        .or_else(|| {
            meta_content(
                doc,
                &["meta[name='author']", "meta[property='article:author']"],
            )
        })
        .filter(|a| !a.starts_with("http"))
        .or_else(|| ld_str(ld, &["author"]))
        .or_else(|| {
            rule_text(
                doc,
                &["[itemprop=author] [itemprop=name]", "[rel=author]"],
                false,
            )
        })
        .filter(|a| a.chars().count() <= 100)
}

fn published(doc: &Document, rule: Option<&SiteRule>, ld: &[Value]) -> Option<String> {
    let machine = meta_content(
        doc,
        &[
            "meta[property='article:published_time']",
            "meta[itemprop='datePublished']",
            "meta[name='pubdate']",
            "meta[name='publishdate']",
            "meta[name='date']",
            "meta[name='dc.date']",
        ],
    )
    .or_else(|| ld_str(ld, &["datePublished"]))
    .or_else(|| {
        doc.try_select("time[datetime]")?
            .nodes()
            .iter()
            .find_map(|n| n.attr("datetime").map(|d| d.to_string()))
    });
    if let Some(d) = machine.as_deref().and_then(super::date::parse) {
        return Some(d);
    }
    rule_text(doc, rule.map_or(&[][..], |r| r.date), false)
        .and_then(|t| super::date::parse(&t))
        .or_else(|| {
            let sel = "[class*=date], [class*=time], [class*=publish], time";
            doc.try_select(sel)?
                .nodes()
                .iter()
                // Site headers often show today's date: not the article's.
                .filter(|n| {
                    !n.ancestors_it(Some(64))
                        .any(|a| a.has_name("header") || a.has_name("nav") || a.has_name("footer"))
                })
                .filter_map(|n| {
                    let t = n.text();
                    (t.len() < 120).then(|| super::date::parse(&t)).flatten()
                })
                .next()
        })
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

/// A count as a page writes it ("1,024", "1.024", "12 345", "1,2K"); the regexes' captures
/// may end with the sentence's full stop or comma.
fn parse_count(s: &str) -> Option<u64> {
    crate::text::parse_count(s.trim().trim_end_matches(['.', ',']))
}

fn parse_decimal(s: &str) -> Option<f64> {
    s.trim()
        .replace(',', ".")
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
}

fn rating(doc: &Document, ld: &[Value], body: &str) -> Option<PageRating> {
    let from_ld = ld.iter().find_map(|obj| {
        let r = obj.get("aggregateRating")?;
        let num = |k: &str| {
            r.get(k).and_then(|v| match v {
                Value::Number(n) => n.as_f64(),
                Value::String(s) => parse_decimal(s),
                _ => None,
            })
        };
        let count = ["ratingCount", "reviewCount"]
            .iter()
            .find_map(|k| r.get(*k).and_then(value_text).and_then(|s| parse_count(&s)));
        checked(num("ratingValue")?, num("bestRating").unwrap_or(5.0), count)
    });
    from_ld.or_else(|| microdata_rating(doc)).or_else(|| {
        let c = RATING_TEXT.captures(body)?;
        checked(
            parse_decimal(&c[1])?,
            parse_decimal(&c[2])?,
            parse_count(&c[3]),
        )
    })
}

/// A rating that can be one, whichever source gave it: "45/5" or "4/0" is not.
fn checked(value: f64, best: f64, count: Option<u64>) -> Option<PageRating> {
    (0.0 <= value && value <= best && best > 0.0).then_some(PageRating { value, best, count })
}

fn microdata_rating(doc: &Document) -> Option<PageRating> {
    let scope = doc.try_select("[itemprop=aggregateRating], [itemtype*=AggregateRating]")?;
    let prop = |name: &str| -> Option<String> {
        let n = scope.select(&format!("[itemprop={name}]"));
        let node = n.nodes().first()?;
        node.attr("content")
            .map(|c| c.to_string())
            .or_else(|| Some(node.text().to_string()))
    };
    checked(
        parse_decimal(&prop("ratingValue")?)?,
        prop("bestRating")
            .and_then(|b| parse_decimal(&b))
            .unwrap_or(5.0),
        prop("ratingCount")
            .or_else(|| prop("reviewCount"))
            .and_then(|c| parse_count(&c)),
    )
}

fn views(body: &str) -> Option<u64> {
    let c = VIEWS_TEXT
        .captures(body)
        .or_else(|| VIEWS_TEXT_AFTER.captures(body))?;
    parse_count(&c[1])
}

/// schema.org `interactionStatistic`: an InteractionCounter (or a list of them) whose
/// `interactionType` is a watch, read or view action ("https://schema.org/WatchAction",
/// "WatchAction", or `{"@type": "WatchAction"}`), with `userInteractionCount`.
fn ld_views(ld: &[Value]) -> Option<u64> {
    let is_view = |t: &Value| {
        let name = match t {
            Value::String(s) => s.as_str(),
            Value::Object(o) => o.get("@type").and_then(Value::as_str).unwrap_or(""),
            _ => "",
        };
        let name = name.rsplit(['/', ':']).next().unwrap_or("");
        matches!(name, "WatchAction" | "ReadAction" | "ViewAction")
    };
    ld.iter().find_map(|obj| {
        let stats = obj.get("interactionStatistic")?;
        let list = match stats {
            Value::Array(items) => items.iter().collect(),
            other => vec![other],
        };
        list.into_iter().find_map(|st| {
            if !st.get("interactionType").is_some_and(is_view) {
                return None;
            }
            match st.get("userInteractionCount")? {
                Value::Number(n) => n.as_u64(),
                Value::String(s) => parse_count(s),
                _ => None,
            }
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
