//! First run: a new cache subscribes to the default list and gets the bundled guide, whose
//! articles are stored at once so the first start has something to read offline.
use crate::assets;
use crate::feed::{opml, parse};
use crate::store::{Store, Validators};
use anyhow::Context;

/// Subscribes `store` to `assets/feeds.opml` and adds the guide feed with its articles.
pub fn subscribe_defaults(store: &mut Store) -> anyhow::Result<()> {
    let opml = opml::parse_opml(assets::FEEDS_OPML).context("bundled feeds.opml")?;
    store.import_opml(&opml)?;
    add_guide(store)
}

/// Adds the guide feed and stores its embedded articles; no network involved.
pub fn add_guide(store: &mut Store) -> anyhow::Result<()> {
    let guide = parse::parse_feed(assets::GUIDE_FEED.as_bytes(), None, assets::GUIDE_URL)
        .context("bundled guide feed")?;
    let title = guide.title.clone();
    let (id, _) = store.add_feed(assets::GUIDE_URL, title.as_deref(), None)?;
    store.save_fetch(id, &guide, &Validators::default(), chrono::Utc::now())?;
    Ok(())
}
