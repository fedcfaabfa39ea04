//! The article's title, chosen like a careful reader would. Readability's title cuts at
//! " - ", " | " and ":" to drop a site name, which also cuts real titles ("Đường sắt tốc độ
//! cao Bắc - Nam: trình Quốc hội" became "Đường sắt tốc độ cao Bắc"). The page's own
//! statements come first (the site rule's heading, og:title, twitter:title, the JSON-LD
//! headline); readability's title only when none exists, replaced by the page's `<h1>` or
//! `<title>` when it is a fragment of them. A trailing or leading site name is dropped only
//! when it matches the site's name or its host.
use super::chrome::norm;
use super::rules::SiteRule;
use dom_query::Document;
use serde_json::Value;

/// Longer than this is not a title (a paragraph marked up as a heading).
const MAX_TITLE: usize = 300;
/// Between a title and the site's name.
const SEPARATORS: &[&str] = &[" - ", " – ", " — ", " | ", " :: ", " » ", " · "];

/// The title candidates read from the whole page before anything is removed.
#[derive(Debug, Default, Clone)]
pub(crate) struct Sources {
    /// The site rule's heading, og:title, twitter:title, the JSON-LD headline: in that order.
    stated: Vec<String>,
    h1s: Vec<String>,
    doc_title: Option<String>,
}

impl Sources {
    /// The titles the page states about itself, to find its headline.
    pub fn stated(&self) -> &[String] {
        &self.stated
    }
}

pub(crate) fn sources(doc: &Document, rule: Option<&SiteRule>, ld: &[Value]) -> Sources {
    let texts = |sel: &str| -> Vec<String> {
        doc.try_select(sel)
            .map(|found| {
                found
                    .nodes()
                    .iter()
                    .map(|n| clean(&n.text()))
                    .filter(|t| !t.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    };
    let attr = |sel: &str| -> Option<String> {
        doc.try_select(sel)?
            .nodes()
            .iter()
            .find_map(|n| n.attr("content").map(|c| clean(&c)))
            .filter(|t| !t.is_empty())
    };
    let mut stated = Vec::new();
    if let Some(t) = rule.and_then(|r| r.title.iter().find_map(|s| texts(s).into_iter().next())) {
        stated.push(t);
    }
    stated.extend(attr("meta[property='og:title']"));
    stated.extend(attr("meta[name='twitter:title']"));
    stated.extend(ld.iter().find_map(|obj| match obj.get("headline")? {
        Value::String(s) => Some(clean(s)).filter(|t| !t.is_empty()),
        _ => None,
    }));
    Sources {
        stated,
        h1s: texts("h1"),
        doc_title: texts("title").into_iter().next(),
    }
}

fn clean(s: &str) -> String {
    crate::text::clean_line(s)
}

/// The title to show. `readability` is dom_smoothie's title; `site_name` and `host` say
/// which trailing or leading names belong to the site rather than to the article.
pub(crate) fn choose(
    src: &Sources,
    readability: Option<&str>,
    site_name: Option<&str>,
    host: Option<&str>,
) -> Option<String> {
    let site = SiteKeys::new(site_name, host);
    let usable = |t: &str| {
        let n = t.chars().count();
        n > 0 && n <= MAX_TITLE && !site.is_site(t)
    };
    if let Some(t) = src.stated.iter().map(|t| site.strip(t)).find(|t| usable(t)) {
        return Some(t);
    }
    let rt = readability.map(clean).filter(|t| usable(t));
    let doc_title = src
        .doc_title
        .as_deref()
        .map(|t| site.strip(t))
        .filter(|t| usable(t));
    let Some(rt) = rt else {
        return doc_title.or_else(|| src.h1s.iter().find(|t| usable(t)).cloned());
    };
    let key = norm(&rt).to_lowercase();
    let holds = |full: &str| {
        let f = norm(full).to_lowercase();
        f.len() > key.len() && f.contains(&key)
    };
    if let Some(h1) = src.h1s.iter().find(|h| usable(h) && holds(h)) {
        return Some(h1.clone());
    }
    match doc_title {
        Some(full) if holds(&full) && !cut_is_site_like(&full, &rt) => Some(full),
        _ => Some(rt),
    }
}

/// Whether what `full` has beyond `part` looks like a name tacked on ("Tin Nhanh") rather
/// than the rest of a sentence ("Nam: trình Quốc hội"): at most five words, each
/// capitalised, no colon, and not one short word ("Bắc - Nam").
fn cut_is_site_like(full: &str, part: &str) -> bool {
    let (f, p) = (norm(full), norm(part));
    let lower = f.to_lowercase();
    // An offset in the lowercased text is one in `f` only when lowercasing kept the length
    // ("İ" grows a byte); `get` keeps a misplaced one from panicking all the same.
    if lower.len() != f.len() {
        return false;
    }
    let Some(at) = lower.find(&p.to_lowercase()) else {
        return false;
    };
    let (Some(before), Some(after)) = (f.get(..at), f.get(at + p.len()..)) else {
        return false;
    };
    let rest = format!("{before} {after}");
    let rest = rest.trim_matches(|c: char| c.is_whitespace() || "-–—|:»·/".contains(c));
    let words: Vec<&str> = rest.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && !rest.contains(':')
        && (words.len() > 1 || words[0].chars().count() >= 4)
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
}

/// The site's name and host reduced to letters and digits without marks, for matching
/// "VnExpress", "Báo Tuổi Trẻ" or "vnexpress.net" against a title's tail.
struct SiteKeys {
    keys: Vec<String>,
}

impl SiteKeys {
    fn new(site_name: Option<&str>, host: Option<&str>) -> Self {
        let mut keys = Vec::new();
        keys.extend(site_name.map(key).filter(|k| k.len() >= 3));
        if let Some(host) = host {
            let labels: Vec<&str> = host
                .trim_start_matches("www.")
                .split('.')
                .filter(|l| !matches!(*l, "com" | "net" | "org" | "gov" | "edu" | "vn"))
                .collect();
            // The registered name is the longest label left ("e.vnexpress.net" -> vnexpress).
            if let Some(l) = labels.iter().max_by_key(|l| l.len()) {
                keys.extend(Some(key(l)).filter(|k| k.len() >= 3));
            }
        }
        Self { keys }
    }

    fn is_site(&self, text: &str) -> bool {
        if text.contains(':') {
            return false;
        }
        let k = key(text);
        self.keys.iter().any(|s| matches_key(&k, s))
    }

    /// `title` without a trailing (or leading) " - Site" that names this site.
    fn strip(&self, title: &str) -> String {
        let mut t = clean(title);
        // "Title - Section - Site": only the last piece goes, when it is the site's name.
        let last = SEPARATORS
            .iter()
            .filter_map(|sep| t.rfind(sep).map(|at| (at, sep.len())))
            .max_by_key(|&(at, _)| at);
        if let Some((at, len)) = last
            && at > 0
            && self.is_site(&t[at + len..])
        {
            t.truncate(at);
        }
        let first = SEPARATORS
            .iter()
            .filter_map(|sep| t.find(sep).map(|at| (at, sep.len())))
            .min_by_key(|&(at, _)| at);
        if let Some((at, len)) = first
            && at + len < t.len()
            && self.is_site(&t[..at])
        {
            t = t[at + len..].to_string();
        }
        t.trim().to_string()
    }
}

pub(crate) fn key(s: &str) -> String {
    crate::text::fold(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// "vnexpress" matches "vnexpress", "vnexpressnet", "baodientuvnexpress"; "voa" matches
/// "voatiengviet". A piece only at either end and with little left over, so "nam" never
/// matches "vietnamnet", nor "comwrap" the tail "comwrap auf der DMEXCO 2018".
pub(crate) fn matches_key(text: &str, site: &str) -> bool {
    if text.is_empty() {
        return false;
    }
    if text == site {
        return true;
    }
    let (short, long) = if text.len() < site.len() {
        (text, site)
    } else {
        (site, text)
    };
    short.len() >= 3
        && long.len() - short.len() <= 10
        && (long.starts_with(short) || long.ends_with(short))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(stated: &[&str], h1s: &[&str], doc_title: Option<&str>) -> Sources {
        Sources {
            stated: stated.iter().map(|s| s.to_string()).collect(),
            h1s: h1s.iter().map(|s| s.to_string()).collect(),
            doc_title: doc_title.map(str::to_string),
        }
    }

    const FULL: &str = "Đường sắt tốc độ cao Bắc - Nam: trình Quốc hội";

    #[test]
    fn a_cut_readability_title_gives_way_to_the_h1() {
        let s = src(&[], &["Báo Mẫu", FULL], Some(FULL));
        let got = choose(
            &s,
            Some("Đường sắt tốc độ cao Bắc"),
            None,
            Some("baomau.vn"),
        );
        assert_eq!(got.as_deref(), Some(FULL));
        let got = choose(&s, Some("Bắc"), None, None);
        assert_eq!(got.as_deref(), Some(FULL));
    }

    #[test]
    fn a_cut_readability_title_gives_way_to_the_page_title() {
        let s = src(&[], &[], Some(FULL));
        let got = choose(&s, Some("Đường sắt tốc độ cao Bắc"), None, None);
        assert_eq!(got.as_deref(), Some(FULL));
        // A tail that names a site stays cut, even unknown.
        let s = src(&[], &[], Some("Giá vàng hôm nay tăng mạnh - Tin Nhanh"));
        let got = choose(&s, Some("Giá vàng hôm nay tăng mạnh"), None, None);
        assert_eq!(got.as_deref(), Some("Giá vàng hôm nay tăng mạnh"));
    }

    #[test]
    fn stated_titles_win_and_lose_only_the_site_name() {
        let s = src(&[&format!("{FULL} | Báo Mẫu")], &[], None);
        let got = choose(&s, Some("Bắc"), Some("Báo Mẫu"), None);
        assert_eq!(got.as_deref(), Some(FULL));
        let s = src(&["Take C.A.R.E. - comwrap auf der DMEXCO 2018"], &[], None);
        let got = choose(&s, None, None, Some("blog.comwrap.com"));
        assert_eq!(
            got.as_deref(),
            Some("Take C.A.R.E. - comwrap auf der DMEXCO 2018")
        );
        let s = src(&[&format!("{FULL} - VnExpress")], &[], None);
        let got = choose(&s, None, None, Some("e.vnexpress.net"));
        assert_eq!(got.as_deref(), Some(FULL));
        // "Nam" is not the site vietnamnet.vn: the title stays whole.
        let s = src(&["Đường sắt Bắc - Nam"], &[], None);
        let got = choose(&s, None, None, Some("vietnamnet.vn"));
        assert_eq!(got.as_deref(), Some("Đường sắt Bắc - Nam"));
        // A leading site name goes too; a title that is only the site name is skipped.
        let s = src(&["Báo Mẫu", "Báo Mẫu - Giá lúa tăng"], &[], None);
        let got = choose(&s, None, Some("Báo Mẫu"), None);
        assert_eq!(got.as_deref(), Some("Giá lúa tăng"));
    }

    #[test]
    fn the_json_ld_headline_counts_when_no_meta_tag_says_it() {
        let doc = Document::from(format!(
            r#"<html><head><title>Bắc | Báo Mẫu</title><script type="application/ld+json">
            {{"@type":"NewsArticle","headline":"{FULL}"}}</script></head>
            <body><h1>Báo Mẫu</h1></body></html>"#
        ));
        let s = sources(&doc, None, &super::super::meta::json_ld(&doc));
        assert_eq!(s.h1s, vec!["Báo Mẫu".to_string()]);
        let got = choose(&s, Some("Bắc"), Some("Báo Mẫu"), None);
        assert_eq!(got.as_deref(), Some(FULL));
    }

    #[test]
    fn a_letter_that_grows_when_lowercased_does_not_panic() {
        // "İ" is 2 bytes and "i̇" 3: offsets found in the lowercase text are off in the title.
        assert!(!cut_is_site_like("İ ở Tin Nhanh", "ở"));
        let s = src(&[], &[], Some("İstanbul ở Việt Nam - Tin Nhanh"));
        // Undecided, the fuller title is kept.
        assert_eq!(
            choose(&s, Some("ở Việt Nam"), None, None).as_deref(),
            Some("İstanbul ở Việt Nam - Tin Nhanh")
        );
    }

    #[test]
    fn readability_title_stays_when_nothing_holds_it() {
        let s = src(&[], &["Tin mới"], Some("Một tiêu đề khác"));
        let got = choose(&s, Some("Tiêu đề của bài"), None, None);
        assert_eq!(got.as_deref(), Some("Tiêu đề của bài"));
        assert_eq!(choose(&Sources::default(), None, None, None), None);
    }
}
