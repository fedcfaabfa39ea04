//! Fetching pictures with the article's own client (its per-host limits, timeouts and
//! redirect rules), capped at [`MAX_IMAGE_BYTES`] while streaming, and checked before they
//! are kept: the bytes must sniff as a known format whose header gives sane dimensions,
//! whatever the server's content type says. Prefetching (`refresh --full-text`) caches the
//! pictures of newly fetched articles within the cache budget.
use super::decode::{DecodeError, decode, dimensions};
use super::{MAX_IMAGE_BYTES, list};
use crate::feed::ArticleId;
use crate::net::{Client, NetError};
use crate::store::StoreHandle;
use crate::store::images::CachedImage;
use chrono::Utc;
use futures_util::StreamExt;

/// Pictures of one refresh fetched at once (the client also keeps 2 per host).
const CONCURRENT: usize = 4;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImageError {
    #[error("{0}")]
    Net(#[from] NetError),
    #[error("{0}")]
    Decode(#[from] DecodeError),
}

/// Downloads the picture at `url` and checks its header (cheap: no pixel decoded).
pub async fn fetch(client: &Client, url: &str) -> Result<CachedImage, ImageError> {
    let fetched = client.get_image(url, MAX_IMAGE_BYTES).await?;
    let (width, height) = dimensions(&fetched.body)?;
    Ok(CachedImage {
        bytes: fetched.body,
        width,
        height,
    })
}

/// Decodes `image` once off the async threads, so that a truncated or corrupt file is not
/// kept: what the cache holds, the reader can draw.
async fn verified(image: CachedImage) -> Result<CachedImage, ImageError> {
    tokio::task::spawn_blocking(move || decode(&image.bytes).map(|_| image))
        .await
        .map_err(|_| DecodeError::Broken("the decoder crashed".to_owned()))?
        .map_err(ImageError::from)
}

/// What a prefetch did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prefetched {
    pub cached: usize,
    pub failed: usize,
}

/// Caches the pictures of `articles` (their full texts must be stored), lead image first,
/// skipping those already cached, and stops once `budget` bytes were fetched in this run so
/// that a large refresh cannot churn the whole cache.
pub async fn prefetch(
    client: &Client,
    store: &StoreHandle,
    articles: Vec<ArticleId>,
    budget: u64,
) -> Prefetched {
    let mut wanted = Vec::new();
    for id in articles {
        let urls = store
            .call(move |s| {
                let detail = s.article(id)?;
                let Some(full) = detail.full else {
                    return Ok(Vec::new());
                };
                let refs = list(
                    &full.html,
                    full.meta.image.as_deref(),
                    full.meta.url.as_deref(),
                );
                let urls: Vec<String> = refs.into_iter().map(|r| r.url).collect();
                let cached = s.cached_images(&urls)?;
                Ok::<_, crate::store::StoreError>(
                    urls.into_iter().filter(|u| !cached.contains(u)).collect(),
                )
            })
            .await
            .unwrap_or_default();
        wanted.extend(urls.into_iter().map(|u| (id, u)));
    }
    let mut done = Prefetched::default();
    let mut fetched_bytes = 0u64;
    let mut results = futures_util::stream::iter(wanted)
        .map(|(id, url)| async move {
            let got = fetch(client, &url).await;
            (id, url, got)
        })
        .buffer_unordered(CONCURRENT);
    while let Some((id, url, got)) = results.next().await {
        if fetched_bytes > budget {
            break;
        }
        // One decode at a time: the consumer awaits each before taking the next.
        let got = match got {
            Ok(image) => verified(image).await,
            Err(e) => Err(e),
        };
        match got {
            Ok(image) => {
                fetched_bytes += image.bytes.len() as u64;
                let saved = store
                    .call(move |s| s.save_image(id, &url, &image, budget, Utc::now()))
                    .await;
                match saved {
                    Ok(_) => done.cached += 1,
                    Err(e) => {
                        tracing::info!("picture of article {}: {e}", id.0);
                        done.failed += 1;
                    }
                }
            }
            Err(e) => {
                tracing::info!("picture {url}: {e}");
                done.failed += 1;
            }
        }
    }
    done
}
