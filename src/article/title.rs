//! The article's title, chosen like a careful reader would. Readability's title cuts at
//! " - ", " | " and ":" to drop a site name, which also cuts real titles ("Đường sắt tốc độ
//! cao Bắc - Nam: trình Quốc hội" became "Đường sắt tốc độ cao Bắc"). The page's own
//! statements come first (the site rule's heading, og:title, twitter:title, the JSON-LD
//! headline); readability's title only when none exists, replaced by the page's `<h1>` or
//! `<title>` when it is a fragment of them. A trailing or leading site name is dropped only
//! when it matches the site's name or its host.
use super::chrome::norm;
use super::meta::Evidence;
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
    /// The site's section names (breadcrumbs, menus, article:section): decoration when a
    /// title carries them at either end ("… - Chính trị - Xã hội").
    sections: Vec<String>,
}

/// Where section names are written; menus are the list of the site's sections.
const SECTION_LINKS: &str = "[class*=breadcrumb] a, [class*=bread-crumb] a,     [itemtype*=BreadcrumbList] [itemprop=name], nav a, [class*=menu] a, [class*=cate] a";
/// Menus can be long; the names needed are near the top.
const MAX_SECTIONS: usize = 300;
/// A headline has at least this many words to be taken over a fuller stated title.
const MIN_HEADLINE_WORDS: usize = 4;

impl Sources {
    /// The titles the page states about itself and its `<title>`, to find its headline.
    pub fn stated(&self) -> Vec<String> {
        self.stated
            .iter()
            .chain(self.doc_title.iter())
            .cloned()
            .collect()
    }

    /// Every title the page offered and which one was shown (cut of its decoration when no
    /// offer is it whole).
    pub fn evidence(&self, chosen: Option<&str>) -> Vec<Evidence> {
        let offers = self
            .stated
            .iter()
            .map(|t| (t, "stated (site rule, og:title, twitter:title, JSON-LD)"))
            .chain(self.h1s.iter().take(5).map(|t| (t, "h1")))
            .chain(self.doc_title.iter().map(|t| (t, "title element")));
        let mut out: Vec<Evidence> = offers
            .map(|(t, from)| Evidence {
                field: "title",
                value: t.clone(),
                from,
                score: 0,
                kept: Some(t.as_str()) == chosen,
                why: Vec::new(),
            })
            .collect();
        if let Some(c) = chosen
            && !out.iter().any(|e| e.kept)
        {
            out.push(Evidence {
                field: "title",
                value: c.to_string(),
                from: "title stage",
                score: 0,
                kept: true,
                why: vec!["an offer without its site, section or slug decoration".into()],
            });
        }
        out
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
    let mut sections: Vec<String> = Vec::new();
    sections.extend(attr("meta[property='article:section']"));
    for obj in ld {
        match obj.get("articleSection") {
            Some(Value::String(s)) => sections.push(clean(s)),
            Some(Value::Array(items)) => {
                sections.extend(items.iter().filter_map(Value::as_str).map(clean))
            }
            _ => {}
        }
    }
    if let Some(found) = doc.try_select(SECTION_LINKS) {
        sections.extend(
            found
                .nodes()
                .iter()
                .take(MAX_SECTIONS)
                .map(|n| clean(&n.text()))
                .filter(|t| !t.is_empty() && t.chars().count() <= 40),
        );
    }
    Sources {
        stated,
        h1s: texts("h1"),
        doc_title: texts("title").into_iter().next(),
        sections,
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
    let site = SiteKeys::new(site_name, host, &src.sections);
    let usable = |t: &str| {
        let n = t.chars().count();
        n > 0 && n <= MAX_TITLE && !site.is_site(t) && !site.is_section(t)
    };
    // The headline the page shows, when a stated title or the page title is it plus
    // decoration: "X - Zing News | Xã hội", "X: Tin, Video clip, Hình ảnh", "X-lo luyen thi".
    let fuller = || src.stated.iter().chain(src.doc_title.iter());
    if let Some(h1) = src.h1s.iter().find(|h| {
        usable(h)
            && h.split_whitespace().count() >= MIN_HEADLINE_WORDS
            && fuller().any(|t| decorates(t, h))
    }) {
        return Some(h1.clone());
    }
    if let Some(t) = src.stated.iter().map(|t| site.strip(t)).find(|t| usable(t)) {
        return Some(t);
    }
    let rt = readability.map(|t| site.strip(t)).filter(|t| usable(t));
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

/// Whether `full` is `core` with something added at one end after a separator: a site,
/// a section, a slogan, a glued URL slug.
fn decorates(full: &str, core: &str) -> bool {
    let (f, c) = (norm(full), norm(core));
    if f.len() <= c.len() || c.is_empty() {
        return false;
    }
    let sep = |s: &str| s.starts_with(|ch: char| "-–—|:»·/,(".contains(ch));
    if let Some(rest) = f.strip_prefix(c.as_str()) {
        return sep(rest.trim_start());
    }
    if let Some(before) = f.strip_suffix(c.as_str()) {
        let b = before.trim_end();
        return b.ends_with(|ch: char| "-–—|:»·/".contains(ch));
    }
    false
}

/// The site's name and host reduced to letters and digits without marks, for matching
/// "VnExpress", "Báo Tuổi Trẻ" or "vnexpress.net" against a title's tail.
struct SiteKeys {
    keys: Vec<String>,
    /// Section names, compared whole.
    sections: std::collections::HashSet<String>,
}

impl SiteKeys {
    fn new(site_name: Option<&str>, host: Option<&str>, sections: &[String]) -> Self {
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
        let sections = sections
            .iter()
            .map(|s| key(s))
            .filter(|k| k.len() >= 3)
            .collect();
        Self { keys, sections }
    }

    fn is_section(&self, text: &str) -> bool {
        self.sections.contains(&key(text))
    }

    /// A piece at a title's end that is the site's or a section's name.
    fn is_decoration(&self, text: &str) -> bool {
        self.is_site(text) || self.is_section(text)
    }

    fn is_site(&self, text: &str) -> bool {
        if text.contains(':') {
            return false;
        }
        let k = key(text);
        self.keys.iter().any(|s| matches_key(&k, s))
    }

    /// `title` without trailing (or leading) pieces that name this site or its sections
    /// ("Title - Section - Site"), and without a URL slug glued on ("Title-tieu de").
    fn strip(&self, title: &str) -> String {
        let mut t = cut_slug(&clean(title));
        for _ in 0..3 {
            let last = SEPARATORS
                .iter()
                .filter_map(|sep| t.rfind(sep).map(|at| (at, sep.len())))
                .max_by_key(|&(at, _)| at);
            match last {
                Some((at, len)) if at > 0 && self.is_decoration(&t[at + len..]) => t.truncate(at),
                _ => break,
            }
        }
        for _ in 0..2 {
            let first = SEPARATORS
                .iter()
                .filter_map(|sep| t.find(sep).map(|at| (at, sep.len())))
                .min_by_key(|&(at, _)| at);
            match first {
                Some((at, len)) if at + len < t.len() && self.is_decoration(&t[..at]) => {
                    t = t[at + len..].to_string()
                }
                _ => break,
            }
        }
        t.trim().to_string()
    }
}

/// "Lò luyện thi công chức ở Hàn Quốc-lo luyen thi cong chuc o han": a hyphen glued to the
/// title, then ASCII words that all are words of the title without marks: the page's slug.
fn cut_slug(t: &str) -> String {
    let Some(at) = t.rfind('-') else {
        return t.to_string();
    };
    let (head, tail) = (&t[..at], &t[at + 1..]);
    if head.ends_with(' ') || tail.starts_with(' ') || head.is_empty() {
        return t.to_string();
    }
    let slug: Vec<&str> = tail.split_whitespace().collect();
    let words: std::collections::HashSet<String> = crate::text::fold(head)
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_string)
        .collect();
    let is_slug = slug.len() >= 2
        && tail
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == ' ')
        && slug.iter().all(|w| words.contains(*w));
    if is_slug {
        head.trim().to_string()
    } else {
        t.to_string()
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
            sections: Vec::new(),
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
    fn the_headline_wins_over_its_decorated_statements() {
        let h = "Giá lúa tăng ba tuần liền ở miền Tây";
        for stated in [
            format!("{h} - Zing News | Xã hội"),
            format!("{h}: Tin, Video clip, Hình ảnh Ngôi Sao"),
            format!("{h}-gia lua tang"),
        ] {
            let s = src(&[&stated], &[h], None);
            assert_eq!(choose(&s, None, None, None).as_deref(), Some(h), "{stated}");
        }
        // A short h1 (a section's name) proves nothing.
        let s = src(&["Thời sự - Giá lúa tăng ba tuần"], &["Thời sự"], None);
        assert_eq!(
            choose(&s, None, None, None).as_deref(),
            Some("Thời sự - Giá lúa tăng ba tuần")
        );
    }

    #[test]
    fn section_names_and_glued_slugs_are_cut_from_either_end() {
        let mut s = src(
            &[],
            &[],
            Some("Bóng chuyền nữ vào chung kết - Thể thao - Báo Tỉnh"),
        );
        s.sections = vec!["Thể thao".into()];
        assert_eq!(
            choose(&s, None, None, Some("baotinh.vn")).as_deref(),
            Some("Bóng chuyền nữ vào chung kết")
        );
        let s = src(
            &["Lò luyện thi công chức ở Hàn Quốc-lo luyen thi cong chuc o han"],
            &[],
            None,
        );
        assert_eq!(
            choose(&s, None, None, None).as_deref(),
            Some("Lò luyện thi công chức ở Hàn Quốc")
        );
        // A hyphen inside words stays: "COVID-19", "Hà Nội-Hải Phòng".
        for t in ["Ca mắc COVID-19 giảm", "Cao tốc Hà Nội-Hải Phòng thông xe"] {
            let s = src(&[t], &[], None);
            assert_eq!(choose(&s, None, None, None).as_deref(), Some(t));
        }
    }

    #[test]
    fn readability_title_stays_when_nothing_holds_it() {
        let s = src(&[], &["Tin mới"], Some("Một tiêu đề khác"));
        let got = choose(&s, Some("Tiêu đề của bài"), None, None);
        assert_eq!(got.as_deref(), Some("Tiêu đề của bài"));
        assert_eq!(choose(&Sources::default(), None, None, None), None);
    }
}
