//! The reader's side trips: pages followed from an article (fetched and extracted like an
//! article, kept in memory for the session) and articles saved to files.
use crate::app::Problem;
use crate::app::save::{SaveJob, SaveResult};
use crate::article::export::{self, Doc, Format};
use crate::article::{ArticleError, fetch_extract};
use crate::feed::model::StoredExtract;
use crate::i18n::Lang;
use crate::net::Client;
use std::collections::VecDeque;
use std::io::Write;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// Pages kept; extracts are capped in size by the extractor, so this bounds the memory.
pub const KEPT: usize = 16;

/// URL -> extract and reading minutes, the newest last.
pub type PageCache = Arc<Mutex<VecDeque<(String, StoredExtract, u32)>>>;

/// The page at `url`: from the session's cache, else fetched and extracted (off the
/// async threads), then kept.
pub async fn fetch(
    client: Option<Client>,
    cache: PageCache,
    url: String,
) -> Result<(StoredExtract, u32), Problem> {
    if let Ok(c) = cache.lock()
        && let Some((_, ex, minutes)) = c.iter().find(|(u, _, _)| *u == url)
    {
        return Ok((ex.clone(), *minutes));
    }
    let client = client.ok_or(Problem::Offline)?;
    let extracted = fetch_extract(&client, &url).await.map_err(Problem::Page)?;
    if extracted.text_chars() == 0 {
        return Err(Problem::Page(ArticleError::NothingFound));
    }
    let stored = crate::article::fetch::stored(extracted);
    let minutes = crate::text::reading::reading_minutes(&crate::article::body_text(&stored.html));
    if let Ok(mut c) = cache.lock() {
        if c.len() >= KEPT {
            c.pop_front();
        }
        c.push_back((url, stored.clone(), minutes));
    }
    Ok((stored, minutes))
}

/// `~/x` is under the home directory; anything else as typed (relative: the cwd).
fn expand(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(path),
    }
}

/// Writes the article: Markdown for `.md`, plain text otherwise; a file already there is
/// left alone unless the job says to overwrite it (the user confirmed).
pub fn save(job: &SaveJob, lang: Lang) -> SaveResult {
    let path = expand(&job.path);
    let doc = Doc {
        html: &job.html,
        meta: &job.meta,
        source: job.source.as_deref(),
        notice: job.notice.as_deref(),
    };
    let text = export::write(&doc, Format::for_path(&path), lang);
    let mut open = std::fs::OpenOptions::new();
    open.write(true);
    if job.overwrite {
        open.create(true).truncate(true);
    } else {
        open.create_new(true);
    }
    let shown = path.display().to_string();
    let written = open
        .open(&path)
        .and_then(|mut f| f.write_all(text.as_bytes()).and_then(|_| f.sync_all()));
    match written {
        Ok(()) => SaveResult::Saved(shown),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            SaveResult::Exists(job.path.clone())
        }
        Err(e) => SaveResult::Failed(format!("{shown}: {e}")),
    }
}
