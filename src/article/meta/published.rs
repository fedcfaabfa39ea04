//! Publication time candidates: meta tags, JSON-LD, `<time datetime>`, the site rule's date
//! line, the visible date lines near the headline; then their agreement. A visible line near
//! the headline is the page's own word: it beats a date-only tag on the same day, a tag whose
//! offset contradicts it at the same wall-clock time, and any date elsewhere on the page
//! (tickers, related lists and comments are never read).
use super::evidence::Candidate;
use super::lists::{DATE_LABELS, UPDATE_LABELS};
use super::page::Layout;
use crate::article::rules::SiteRule;
use chrono::{DateTime, FixedOffset, NaiveTime};
use dom_query::Document;
use serde_json::Value;

pub const RULE: i32 = 80;
pub const VISIBLE_NEAR: i32 = 72;
pub const MACHINE: i32 = 70;
pub const MACHINE_MINOR: i32 = 55;
pub const VISIBLE_FAR: i32 = 35;
pub const READABILITY: i32 = 30;
const LABELLED: i32 = 5;
const UPDATE: i32 = -15;
const AGREEMENT: i32 = 15;
const NO_TIME: i32 = -25;
const WRONG_OFFSET: i32 = -30;

/// Elements near the headline read for a date line, at most.
const MAX_NEAR: usize = 300;
/// Nodes inside a date line, at most.
const MAX_LINE_NODES: usize = 24;
/// Longer than this is a sentence that mentions a date, not a date line.
const MAX_DATE_LINE: usize = 100;
/// Words (not numbers) a date line has at most: "Thứ bảy, 22/8/2020, 10:30 (GMT+7)" has 3,
/// "Cập nhật lúc 10:30 ngày 5/3/2024 bởi Minh Anh" 8.
const MAX_DATE_WORDS: usize = 9;

/// A date candidate and what is known of how it was written.
#[derive(Debug, Clone)]
pub(crate) struct DateCand {
    pub cand: Candidate,
    pub at: DateTime<FixedOffset>,
    /// Written for people (a visible line), not a machine field.
    pub visible: bool,
    /// Has a time of day (not midnight).
    pub timed: bool,
}

impl DateCand {
    pub fn new(raw: &str, from: &'static str, score: i32, visible: bool) -> Option<Self> {
        let value = crate::article::date::parse(raw)?;
        let at = DateTime::parse_from_rfc3339(&value).ok()?;
        let mut cand = Candidate::new(value, from, score);
        if visible {
            let folded = crate::text::fold(raw);
            if UPDATE_LABELS.iter().any(|l| folded.contains(l)) {
                cand.adjust(UPDATE, "labelled as an update");
            } else if DATE_LABELS.iter().any(|l| folded.contains(l)) {
                cand.adjust(LABELLED, "labelled as the date");
            }
        }
        Some(Self {
            cand,
            at,
            visible,
            timed: at.time() != NaiveTime::MIN,
        })
    }
}

pub(crate) fn gather(
    doc: &Document,
    rule: Option<&SiteRule>,
    ld: &[Value],
    layout: &Layout,
) -> Vec<DateCand> {
    let mut out = Vec::new();
    let text = |n: &dom_query::NodeRef| crate::text::clean_line(&n.text());
    if let Some(r) = rule {
        let found = r.date.iter().find_map(|sel| {
            doc.try_select(sel)?
                .nodes()
                .iter()
                .find_map(|n| DateCand::new(&text(n), "site rule", RULE, true))
        });
        out.extend(found);
    }
    // Visible date lines near the headline: the innermost element that reads as a date.
    if let Some(found) = doc.try_select(
        "time, span, p, div, li, small, em, i, b, strong, font, td, h4, h5, h6, [class*=date], [class*=time]",
    ) {
        let mut seen = 0;
        let near = found
            .nodes()
            .iter()
            .filter(|n| layout.near_headline(n) && !layout.is_barred(n))
            // A date line is a few nodes; a container's text is not read at all.
            .filter(|n| n.descendants_it().nth(MAX_LINE_NODES).is_none())
            .take(MAX_NEAR);
        for n in near {
            if seen >= 3 {
                break;
            }
            let t = text(n);
            if !is_date_line(&t) {
                continue;
            }
            let inner = n.element_children().iter().any(|c| is_date_line(&text(c)));
            if inner {
                continue;
            }
            if let Some(d) = DateCand::new(&t, "visible near the headline", VISIBLE_NEAR, true)
                && !out.iter().any(|o: &DateCand| o.cand.value == d.cand.value && o.visible)
            {
                out.push(d);
                seen += 1;
            }
        }
    }
    let meta = |sel: &str| -> Option<String> {
        doc.try_select(sel)?
            .nodes()
            .iter()
            .find_map(|n| n.attr("content").map(|c| c.to_string()))
    };
    for (sel, score) in [
        ("meta[property='article:published_time']", MACHINE),
        ("meta[itemprop='datePublished']", MACHINE),
    ] {
        out.extend(meta(sel).and_then(|v| DateCand::new(&v, "meta published_time", score, false)));
    }
    if let Some(v) = ld
        .iter()
        .find_map(|o| o.get("datePublished").and_then(Value::as_str))
    {
        out.extend(DateCand::new(v, "JSON-LD datePublished", MACHINE, false));
    }
    for sel in [
        "meta[name='pubdate']",
        "meta[name='publishdate']",
        "meta[name='date']",
        "meta[name='dc.date']",
        "meta[name='dc.date.issued']",
    ] {
        if let Some(d) =
            meta(sel).and_then(|v| DateCand::new(&v, "meta date", MACHINE_MINOR, false))
        {
            out.push(d);
            break;
        }
    }
    if let Some(found) = doc.try_select("time[datetime]") {
        let d = found
            .nodes()
            .iter()
            .filter(|n| !layout.is_barred(n))
            .find_map(|n| {
                let near = layout.near_headline(n);
                let score = if near { MACHINE } else { MACHINE_MINOR };
                DateCand::new(&n.attr("datetime")?, "time datetime", score, false)
            });
        out.extend(d);
    }
    // Anywhere else on the page, outside the barred blocks: a last resort.
    if out.is_empty()
        && let Some(found) = doc.try_select("[class*=date], [class*=time], [class*=publish], time")
    {
        let d = found
            .nodes()
            .iter()
            .filter(|n| !layout.is_barred(n))
            .find_map(|n| {
                let t = text(n);
                (t.chars().count() <= MAX_DATE_LINE)
                    .then(|| DateCand::new(&t, "visible", VISIBLE_FAR, true))
                    .flatten()
            });
        out.extend(d);
    }
    out
}

/// Short, few words, and something that parses as a date.
fn is_date_line(t: &str) -> bool {
    if t.is_empty() || t.chars().count() > MAX_DATE_LINE || !t.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let words = t
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .count();
    words <= MAX_DATE_WORDS && crate::article::date::parse(t).is_some()
}

/// Scores each candidate by the others: the same instant agrees; a date-only value loses
/// to one with the time on the same day; a machine value whose offset contradicts a visible
/// line at the same wall-clock time loses to it.
pub(crate) fn reconcile(cands: &mut [DateCand]) {
    let n = cands.len();
    let mut changes: Vec<(usize, i32, String)> = Vec::new();
    for i in 0..n {
        let a = &cands[i];
        let mut agreed: Vec<&'static str> = Vec::new();
        for (j, b) in cands.iter().enumerate() {
            if i == j || b.cand.from == a.cand.from {
                continue;
            }
            // Readability reads the same meta tags: an echo, not a second witness.
            if a.at == b.at {
                if b.cand.from != "readability" && !agreed.contains(&b.cand.from) {
                    agreed.push(b.cand.from);
                    changes.push((i, AGREEMENT, format!("agrees with {}", b.cand.from)));
                }
                continue;
            }
            let same_day = a.at.date_naive() == b.at.date_naive();
            if !a.timed && b.timed && same_day {
                changes.push((
                    i,
                    NO_TIME,
                    format!("no time of day; {} has it", b.cand.from),
                ));
            }
            if !a.visible
                && b.visible
                && a.timed
                && a.at.naive_local() == b.at.naive_local()
                && a.at.offset() != b.at.offset()
            {
                changes.push((
                    i,
                    WRONG_OFFSET,
                    format!(
                        "its offset contradicts the page's own time ({})",
                        b.cand.from
                    ),
                ));
            }
        }
    }
    for (i, by, why) in changes {
        cands[i].cand.adjust(by, why);
    }
}
