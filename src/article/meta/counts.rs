//! What the page shows of its readers: its rating widget and its view counter, from
//! JSON-LD, microdata, or the words it writes for people ("Lượt xem: 1,705",
//! "4/5 (1,024 lượt)").
use super::value_text;
use crate::article::PageRating;
use dom_query::Document;
use regex::Regex;
use serde_json::Value;
use std::sync::LazyLock;

/// "4/5 (1,024 lượt)", "4.5/5 (12 votes)", "4,5/5 - 1.024 lượt đánh giá". The word
/// boundaries are ASCII ones: a Unicode `\b` keeps the regex crate off its DFA on
/// Vietnamese text, and this search over the whole body was a sixth of the extraction.
#[allow(
    clippy::expect_used,
    reason = "a constant pattern, compiled by the tests"
)]
pub(crate) static RATING_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(\d(?:[.,]\d{1,2})?)\s*/\s*(\d{1,2})\s*(?:\(|-|–|:)?\s*(\d[\d.,]*)\s*(?:lượt|votes?|ratings?|đánh giá)",
    )
    .expect("valid regex")
});
/// "Lượt xem: 1,705". (English "views" is left alone: "Her views: 3 things" is a headline.)
#[allow(
    clippy::expect_used,
    reason = "a constant pattern, compiled by the tests"
)]
pub(crate) static VIEWS_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:lượt xem|lượt đọc)\s*:?\s*(\d[\d.,]*)").expect("valid regex")
});
/// "1.705 lượt xem".
#[allow(
    clippy::expect_used,
    reason = "a constant pattern, compiled by the tests"
)]
pub(crate) static VIEWS_TEXT_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(\d[\d.,]*)\s*(?:lượt xem|lượt đọc)").expect("valid regex"));

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

pub(super) fn rating(doc: &Document, ld: &[Value], body: &str) -> Option<PageRating> {
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

pub(super) fn views(body: &str) -> Option<u64> {
    let c = VIEWS_TEXT
        .captures(body)
        .or_else(|| VIEWS_TEXT_AFTER.captures(body))?;
    parse_count(&c[1])
}

/// schema.org `interactionStatistic`: an InteractionCounter (or a list of them) whose
/// `interactionType` is a watch, read or view action ("https://schema.org/WatchAction",
/// "WatchAction", or `{"@type": "WatchAction"}`), with `userInteractionCount`.
pub(super) fn ld_views(ld: &[Value]) -> Option<u64> {
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
