//! Files embedded in the binary: the default subscriptions, the guide feed, the default config.

/// The default subscriptions (OPML 2.0, categories in Vietnamese), added to a new cache.
pub const FEEDS_OPML: &str = include_str!("../assets/feeds.opml");

/// The address under which the guide feed is subscribed; it is never fetched.
pub const GUIDE_URL: &str = "docbao:guide";

/// The guide: an Atom feed of articles on using docbao, in Vietnamese and English.
pub const GUIDE_FEED: &str = include_str!("../assets/guide.xml");

/// `config.toml` with every setting at its default, commented.
pub const DEFAULT_CONFIG: &str = include_str!("../assets/config.toml");
