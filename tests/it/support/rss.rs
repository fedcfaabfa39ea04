//! The one RSS 2.0 builder of the tests: every fixture feed is written here.
//!
//! ```ignore
//! let doc = Rss::new("Tin Nhanh")
//!     .link(&server.url("/"))
//!     .item(RssItem::new("a1", "Đường sắt").link(&server.url("/bai/a1.html")))
//!     .to_string();
//! ```
//! Text goes in as given (no escaping): tests put markup, entities and escape sequences in
//! feeds on purpose.
use std::fmt;

/// A channel and its items.
#[derive(Debug, Clone)]
pub struct Rss {
    title: String,
    link: Option<String>,
    items: Vec<RssItem>,
}

/// One `<item>`; every element is optional but the title.
#[derive(Debug, Clone, Default)]
pub struct RssItem {
    guid: Option<String>,
    title: String,
    link: Option<String>,
    description: Option<String>,
    pub_date: Option<String>,
}

impl Rss {
    pub fn new(title: &str) -> Rss {
        Rss {
            title: title.to_owned(),
            link: None,
            items: Vec::new(),
        }
    }
    /// The channel's `<link>` (the site).
    pub fn link(mut self, url: &str) -> Rss {
        self.link = Some(url.to_owned());
        self
    }
    pub fn item(mut self, item: RssItem) -> Rss {
        self.items.push(item);
        self
    }
    pub fn items(mut self, items: impl IntoIterator<Item = RssItem>) -> Rss {
        self.items.extend(items);
        self
    }
}

impl RssItem {
    /// An item with a `<guid>` and a `<title>`.
    pub fn new(guid: &str, title: &str) -> RssItem {
        RssItem {
            guid: Some(guid.to_owned()),
            ..RssItem::titled(title)
        }
    }
    /// An item with a title alone (no guid).
    pub fn titled(title: &str) -> RssItem {
        RssItem {
            title: title.to_owned(),
            ..RssItem::default()
        }
    }
    pub fn link(mut self, url: &str) -> RssItem {
        self.link = Some(url.to_owned());
        self
    }
    pub fn description(mut self, text: &str) -> RssItem {
        self.description = Some(text.to_owned());
        self
    }
    /// `<pubDate>`, as written (RFC 2822 for a valid one).
    pub fn published(mut self, date: &str) -> RssItem {
        self.pub_date = Some(date.to_owned());
        self
    }
}

impl fmt::Display for Rss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>{}</title>",
            self.title
        )?;
        if let Some(link) = &self.link {
            write!(f, "<link>{link}</link>")?;
        }
        for item in &self.items {
            f.write_str("\n<item>")?;
            if let Some(guid) = &item.guid {
                write!(f, "<guid>{guid}</guid>")?;
            }
            write!(f, "<title>{}</title>", item.title)?;
            if let Some(link) = &item.link {
                write!(f, "<link>{link}</link>")?;
            }
            if let Some(text) = &item.description {
                write!(f, "<description>{text}</description>")?;
            }
            if let Some(date) = &item.pub_date {
                write!(f, "<pubDate>{date}</pubDate>")?;
            }
            f.write_str("</item>")?;
        }
        f.write_str("\n</channel></rss>")
    }
}
