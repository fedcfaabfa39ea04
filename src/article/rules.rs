//! Site rules for the big Vietnamese news CMSs, as data: where the body is, what inside it
//! is not the article, where the author and the date are. Applied before readability.
//! To add a site, add a [`SiteRule`] to [`RULES`].
use dom_query::Document;

/// How to read one site's article pages. Selectors are CSS; the first that matches wins.
#[derive(Debug)]
pub struct SiteRule {
    pub name: &'static str,
    /// Host suffixes ("vnexpress.net" matches "e.vnexpress.net"); an optional path prefix
    /// after a slash ("bbc.com/vietnamese").
    pub hosts: &'static [&'static str],
    /// The article body.
    pub body: &'static [&'static str],
    /// The lead paragraph (sapo) when the CMS keeps it outside the body.
    pub lead: &'static [&'static str],
    /// Removed from the page before anything else.
    pub drop: &'static [&'static str],
    /// The author's name; the LAST match wins (VnExpress signs at the end).
    pub author: &'static [&'static str],
    /// A date written for people, parsed as a Vietnamese date.
    pub date: &'static [&'static str],
    pub title: &'static [&'static str],
    /// Whether the body selector is distinctive enough to apply the rule to a page of
    /// unknown address (a local file without `--url`).
    pub sniff: bool,
}

pub static RULES: &[SiteRule] = &[
    SiteRule {
        name: "VnExpress",
        hosts: &["vnexpress.net"],
        body: &["div.sidebar-1 article.fck_detail", "article.fck_detail"],
        lead: &["p.description"],
        drop: &[
            ".box-tinlienquanv2",
            ".box_tinlienquan",
            ".list-news",
            ".box-category",
            ".footer-content",
            "#box_comment_vne",
            ".box_comment_vne",
            ".box-tag",
            ".tags",
            ".social_pin",
            ".box_embed_video_parent",
        ],
        author: &[
            "article.fck_detail p.Normal[align=right] strong",
            "article.fck_detail p.Normal[style*=right] strong",
            "article.fck_detail p.author_mail strong",
            "article.fck_detail p.author strong",
        ],
        date: &["span.date"],
        title: &["h1.title-detail"],
        sniff: true,
    },
    SiteRule {
        // The CMS shared by Tuổi Trẻ, Thanh Niên and Người Lao Động.
        name: "VCCorp CMS",
        hosts: &["tuoitre.vn", "thanhnien.vn", "nld.com.vn"],
        body: &[
            "div.detail-content[data-role=content]",
            "div.detail-cmain",
            "div.detail__content",
            "div[itemprop=articleBody]",
        ],
        lead: &["h2.detail-sapo", "p.detail-sapo", "div.detail-sapo"],
        drop: &[
            "div.VCSortableInPreviewMode[type=RelatedOneNews]",
            "div.VCSortableInPreviewMode[type=RelatedNewsBox]",
            "div.VCSortableInPreviewMode[type=RelatedNews]",
            "div.VCSortableInPreviewMode[type=Stock]",
            "div.VCSortableInPreviewMode[type=StockWidget]",
            "div.VCSortableInPreviewMode[type=ThreadRelated]",
            "div.VCSortableInPreviewMode[type=SimpleQuote][data-type=related]",
            "div.stock-widget",
            "div.box-stock",
            ".detail-tab",
            ".detail-bottom-related",
            ".box-relate",
        ],
        author: &[
            "div.detail-author .name",
            "div.author-info .name",
            "div.detail-info .author",
            ".detail-author a",
            "p.author",
        ],
        date: &[
            "div.detail-time [data-role=publishdate]",
            "div.detail-time",
            "div.date-time",
        ],
        title: &["h1.detail-title", "h1.detail__title", "h1.article-title"],
        sniff: true,
    },
    SiteRule {
        name: "Dân trí",
        hosts: &["dantri.com.vn"],
        body: &["div.singular-content", "div.dt-news__content"],
        lead: &["h2.singular-sapo", "h2.dt-news__sapo"],
        drop: &[
            ".article-related",
            ".dt-news__related",
            ".singular-sapo-related",
            ".article-topic",
            ".tags-wrap",
            ".e-magazine__related",
        ],
        author: &[
            "div.author-name",
            ".author-wrap .author-name",
            ".dt-news__author",
        ],
        date: &["time.author-time", ".dt-news__time"],
        title: &["h1.title-page", "h1.dt-news__title"],
        sniff: true,
    },
    SiteRule {
        name: "VietnamNet",
        hosts: &["vietnamnet.vn"],
        body: &["div.maincontent", "div#maincontent", "div.content-detail"],
        lead: &["h2.content-detail-sapo"],
        drop: &[
            "div.maincontent article",
            "div#maincontent article",
            "div.content-detail article",
            ".article-relate",
            ".vnn-tags",
            ".box-tags",
        ],
        author: &[
            ".article-detail-author__info .name",
            ".article-detail-author .name",
            "p.article-detail-author",
        ],
        date: &[".bread-crumb-detail__time", ".publish-date"],
        title: &["h1.content-detail-title", "h1.title"],
        sniff: true,
    },
    SiteRule {
        name: "Znews",
        hosts: &["znews.vn", "zingnews.vn"],
        body: &["div.the-article-body"],
        lead: &["p.the-article-summary"],
        drop: &[
            ".inner-article",
            ".article-list",
            ".the-article-tags",
            ".the-article-related",
            ".recommendation",
        ],
        author: &[".the-article-author", ".the-article-credit .author"],
        date: &[".the-article-publish"],
        title: &["h1.the-article-title"],
        sniff: true,
    },
    SiteRule {
        name: "BBC Tiếng Việt",
        hosts: &["bbc.com/vietnamese", "bbc.co.uk/vietnamese"],
        body: &["main[role=main]", "main"],
        lead: &[],
        drop: &[
            "section[aria-labelledby*=related]",
            "section[aria-labelledby*=top-stories]",
            "section[aria-labelledby*=features]",
            "section[data-e2e=related-content]",
            "[data-e2e=related-content-heading]",
            "section[data-e2e=topic-tags]",
            "[data-component=tag-list]",
            "[data-e2e=byline]",
            "header time",
        ],
        author: &[
            "[data-e2e=byline] strong",
            "[data-e2e=byline] span",
            "[class*=Byline] span",
        ],
        date: &[],
        title: &["main h1"],
        sniff: false,
    },
    SiteRule {
        name: "VOA Tiếng Việt",
        hosts: &["voatiengviet.com"],
        body: &["div#article-content div.wsw", "div.wsw"],
        lead: &[],
        drop: &[
            ".media-block-wrap",
            ".related-content",
            ".wsw .c-mmp",
            ".share-bar",
            "#comments",
        ],
        author: &[".authors .links__item-link", ".authors a", ".author a"],
        date: &[".published time", "span.date time"],
        title: &["h1.title", "h1.pg-title"],
        sniff: true,
    },
];

impl SiteRule {
    fn matches_url(&self, host: &str, path: &str) -> bool {
        self.hosts.iter().any(|spec| {
            let (h, p) = spec.split_once('/').unwrap_or((spec, ""));
            let host_ok = host == h || host.ends_with(&format!(".{h}"));
            host_ok && (p.is_empty() || path.trim_start_matches('/').starts_with(p))
        })
    }
}

/// The rule for `url`; without one (a local file), a rule whose distinctive body selector
/// is on the page.
pub fn find(url: Option<&url::Url>, doc: &Document) -> Option<&'static SiteRule> {
    if let Some(u) = url {
        let host = u.host_str().unwrap_or("").to_ascii_lowercase();
        return RULES.iter().find(|r| r.matches_url(&host, u.path()));
    }
    RULES
        .iter()
        .filter(|r| r.sniff)
        .find(|r| r.body.iter().any(|sel| doc.try_select(sel).is_some()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule_for(url: &str) -> Option<&'static str> {
        let u = url::Url::parse(url).unwrap();
        find(Some(&u), &Document::from("")).map(|r| r.name)
    }

    #[test]
    fn hosts_and_paths_pick_the_rule() {
        assert_eq!(
            rule_for("https://vnexpress.net/a-1.html"),
            Some("VnExpress")
        );
        assert_eq!(rule_for("https://e.vnexpress.net/a"), Some("VnExpress"));
        assert_eq!(rule_for("https://tuoitre.vn/x.htm"), Some("VCCorp CMS"));
        assert_eq!(
            rule_for("https://www.bbc.com/vietnamese/articles/x"),
            Some("BBC Tiếng Việt")
        );
        assert_eq!(rule_for("https://www.bbc.com/news/x"), None);
        assert_eq!(rule_for("https://notvnexpress.net/"), None);
    }

    #[test]
    fn every_selector_parses() {
        for r in RULES {
            for sel in r
                .body
                .iter()
                .chain(r.lead)
                .chain(r.drop)
                .chain(r.author)
                .chain(r.date)
                .chain(r.title)
            {
                assert!(dom_query::Matcher::new(sel).is_ok(), "{sel}");
            }
        }
    }
}
